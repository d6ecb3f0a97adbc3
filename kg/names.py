"""Names: normalization, the curated alias table (``ontology/aliases.tsv``) and the generated name lists
(countries, places, given names) that extraction and resolution share; spaCy-free."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from kg.data import data_path, data_rows
from kg.ontology import cue_words

ALIASES_PATH = data_path("aliases.tsv")
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Comparison form of a name: NFKC, case-folded, without diacritics, no leading article, no dots in
    acronyms, no 's.

    >>> normalize_name("the U.S."), normalize_name("Recep Tayyip Erdoğan"), normalize_name("JOSÉ")
    ('us', 'recep tayyip erdogan', 'jose')
    """
    text = unicodedata.normalize("NFKC", name).replace("\u2019", "'").strip()
    text = _LEADING.sub("", text)
    text = re.sub(r"'s\b", "", text)                     # "New People's Party" ~ "New People Party"
    text = re.sub(r"(?<=\w)\.(?=\w|$)", "", text)       # U.S. -> US
    text = re.sub(r"[^\w'&-]+", " ", text.casefold())
    return " ".join(without_diacritics(text).split())


def without_diacritics(text: str) -> str:
    """``text`` with its combining marks removed, case kept.

    >>> without_diacritics("Ciudad Juárez"), without_diacritics("São Paulo")
    ('Ciudad Juarez', 'Sao Paulo')
    """
    if text.isascii():      # most names: NFKD leaves ASCII as it is and it holds no combining mark
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def alias_table() -> dict[str, tuple[str, str, str]]:
    """normalized alias -> (canonical name, type, source)."""
    table: dict[str, tuple[str, str, str]] = {}
    for line in ALIASES_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        alias, canonical, kind, source = (line.split("\t") + ["", "", ""])[:4]
        table[normalize_name(alias)] = (canonical, kind, source)
        table.setdefault(normalize_name(canonical), (canonical, kind, "canonical name"))
    return table


def canonical_alias(name: str) -> tuple[str, str, str] | None:
    """(canonical name, type, source) when the alias table knows ``name``."""
    return alias_table().get(normalize_name(name))


COUNTRIES_PATH = ALIASES_PATH.parent / "countries.tsv"


def _country_spellings() -> list[str]:
    return [n for row in data_rows(COUNTRIES_PATH) for n in row[1:] if "," not in n]


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Normalized names of every country (``ontology/countries.tsv``, ISO 3166-1) and their table aliases."""
    names = {normalize_name(n) for n in _country_spellings()}
    for alias, (canonical, _, _) in list(alias_table().items()):
        if normalize_name(canonical) in names:
            names.add(alias)
    for alias, (canonical, _, _) in alias_table().items():   # "Russian Federation" -> "Russia": both
        if alias in names:
            names.add(normalize_name(canonical))
    return frozenset(names)


def is_country(name: str) -> bool:
    """True when ``name`` names a country ("Afghanistan", "the U.S.", "Britain").

    >>> is_country("the U.S."), is_country("Doha")
    (True, False)
    """
    return normalize_name(name) in country_names()


FIRST_NAMES_PATH = ALIASES_PATH.parent / "first_names.tsv"


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Given name (case-folded) -> usual gender ``"M"``, ``"F"`` or ``"X"`` (``ontology/first_names.tsv``)."""
    table: dict[str, str] = {}
    for line in FIRST_NAMES_PATH.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, gender = line.split("\t")[:2]
            table[name.casefold()] = gender
    return table


def name_gender(name: str) -> str | None:
    """Gender cue of a person's name from its first word: ``"M"``, ``"F"``, ``"X"`` or None when unknown.

    >>> name_gender("Wendy Sherman"), name_gender("Sherman")
    ('F', None)
    """
    words = name.split()
    if len(words) < 2:
        return None
    return first_names().get(words[0].casefold())


ENGLISH_WORDS_PATH = ALIASES_PATH.parent / "english_words.tsv"


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """English common nouns and adjectives, lower case (``ontology/english_words.tsv``, from WordNet).

    >>> "storm" in english_words(), "nizhny" in english_words()
    (True, False)
    """
    return frozenset(row[0] for row in data_rows(ENGLISH_WORDS_PATH))


PLACES_PATH = ALIASES_PATH.parent / "places.tsv"


@lru_cache(maxsize=4)
def place_names(*, min_population: int = 0) -> frozenset[str]:
    """Spellings of cities (of ``min_population`` or more), US states (``ontology/places.tsv``) and
    countries, case kept, each also without its diacritics: look a name up as ``without_diacritics(name)``.

    >>> "Ciudad Juarez" in place_names(), "ciudad juarez" in place_names()
    (True, False)
    """
    names = {name for name, kind, _, population, *_ in data_rows(PLACES_PATH)
             if kind != "city" or int(population) >= min_population} | set(_country_spellings())
    return frozenset(names | {without_diacritics(n) for n in names})


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """Names of regions a place is qualified by ("Chicago, Illinois"): US states and countries."""
    return frozenset({name for name, kind, *_ in data_rows(PLACES_PATH) if kind == "us-state"}
                     | set(_country_spellings()) | {"D.C.", "DC"})


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Normalized name of a country, US state or city (of 100,000 people, the biggest of its name) -> its ISO
    3166-1 alpha-2 code."""
    codes: dict[str, str] = {}
    for row in data_rows(COUNTRIES_PATH):
        for n in row[1:]:
            codes.setdefault(normalize_name(n), row[0])
    for name, kind, country, population, *_ in data_rows(PLACES_PATH):
        codes.setdefault(normalize_name(name), country)
    for alias, (canonical, _, _) in alias_table().items():
        if normalize_name(canonical) in codes:
            codes.setdefault(alias, codes[normalize_name(canonical)])
        elif alias in codes:        # "Russian Federation" -> "Russia", "Makkah" -> "Mecca"
            codes.setdefault(normalize_name(canonical), codes[alias])
    return codes


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    return frozenset(normalize_name(name) for name, kind, *_ in data_rows(PLACES_PATH) if kind == "us-state")


def same_country(place: str, region: str) -> bool:
    """True when the city of that name lies in the country named ("Sochi", "Russia"), or, for a US
    state, when it is the one city of a million people of that name ("Los Angeles", "California"; but
    "Portland, Maine" and "Portland, Oregon" are two places, and "Paris, Texas" is not Paris).

    >>> same_country("Sochi", "Russia"), same_country("Paris", "Texas"), same_country("Portland", "Maine")
    (True, False, False)
    """
    codes = _country_codes()
    a, b = codes.get(normalize_name(place)), codes.get(normalize_name(region))
    if a is None or a != b:
        return False
    return is_known_place(place) if normalize_name(region) in _us_states() else True


def is_region(name: str) -> bool:
    """True for a US state or a country ("Illinois", "the U.S.")."""
    return name in region_names() or is_country(name)


@lru_cache(maxsize=1)
def _country_parts() -> frozenset[str]:
    """The places a country's common name lists ("Bonaire, Sint Eustatius and Saba": Bonaire, Sint Eustatius,
    Saba; "Trinidad and Tobago"), each a name of capitalized words."""
    parts = set()
    for row in data_rows(COUNTRIES_PATH):
        for part in re.split(r", | and ", row[1]):
            if part and all(w[:1].isupper() for w in part.split()):
                parts.add(without_diacritics(part))
    return frozenset(parts)


def is_place(name: str) -> bool:
    """A place of the lists: a city of 100,000 people or more, a US state, a country or a place a country's
    name lists ("Bonaire" of "Bonaire, Sint Eustatius and Saba").

    >>> is_place("Bonaire"), is_place("Ciudad Juárez"), is_place("Wonderland")
    (True, True, False)
    """
    return without_diacritics(name) in place_names() or without_diacritics(name) in _country_parts() \
        or is_country(name)


KNOWN_PLACE_POPULATION = 1_000_000


def is_known_place(name: str) -> bool:
    """A country, a US state or a city of a million people: a name that is a place wherever it is written
    (a town of 100,000 may be a word or a surname: "Enterprise", "Columbia", "Jackson").

    >>> is_known_place("Canada"), is_known_place("the U.S."), is_known_place("Jackson")
    (True, True, False)
    """
    return without_diacritics(name) in place_names(min_population=KNOWN_PLACE_POPULATION) or is_country(name)


MERGES_PATH = ALIASES_PATH.parent / "merges.tsv"


def merge_table(path: Path | None = None) -> dict[str, tuple[str, str]]:
    """Explicit merges (``ontology/merges.tsv``): old entity key -> (new entity key, reason)."""
    table: dict[str, tuple[str, str]] = {}
    for line in (path or MERGES_PATH).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            old, new, why = (line.split("\t") + ["", ""])[:3]
            table[old.strip()] = (new.strip(), why.strip())
    return table


# --- titles ----------------------------------------------------------------------------------------------

HEAD_TITLES = cue_words("head-title")
TITLE_WORDS = HEAD_TITLES | cue_words("title-word")


def _title_words(text: str) -> list[str]:
    return [w.strip(".").casefold() for w in text.replace("-", " ").split()]


def is_title(text: str) -> bool:
    """True for a bare title ("Prime Minister", "the president", "Home Secretary").

    >>> is_title("Prime Minister"), is_title("Rishi Sunak")
    (True, False)
    """
    words = _title_words(text)
    raw = text.replace("-", " ").split()
    # "NASA Administrator": an acronym before a title is whose title it is
    return bool(words) and words[-1] in HEAD_TITLES and all(
        w in TITLE_WORDS or r.replace(".", "").isupper() and len(r) > 1 for w, r in zip(words[:-1], raw))


def role_label(text: str) -> str:
    """A role as a value on its holder: one line, no leading determiner.

    >>> role_label("the  Prime\\nMinister"), role_label("a spokesman"), role_label("of U.S. President")
    ('Prime Minister', 'spokesman', 'U.S. President')
    """
    words = text.split()
    while len(words) > 1 and words[0].casefold() in ("the", "a", "an", "of", "for", "to", "and"):
        words = words[1:]
    return " ".join(words)
