"""Corpus-level links: names of one thing that no single article could join, joined where the corpus is sure.

Each rule proposes ``old key -> new key``; the merge folds the old entity into the new one, records the rule
(``kg:mergeRule``) and keeps the old key as ``owl:sameAs`` so its IRI stays valid:

* ``name-variant``: two full person names with one surname whose given names are equal or nicknames of each
  other ("Jim Mattis" = "James Mattis", ``ontology/nicknames.tsv``) and whose middle names agree or one has
  none ("John R. Bolton" = "John Bolton"). A group is joined only when every pair in it agrees, so "George
  Bush" stays apart when the corpus has both "George W. Bush" and "George H. W. Bush"; "Jr."/"Sr." differ.
* ``corpus-surname``: a bare surname an article could not explain ("Obama") joins the corpus's one person
  with that surname, when there is exactly one (no rival "Michelle Obama"); otherwise it stays local, so two
  "Smith"s of two articles with no full name stay two; a bare name that is also a given name ("Omar") needs a
  matching title or three shared neighbours as well. With rivals, a title written before the surname
  decides when exactly one of them was written with that title too ("President Biden" -> "Vice President
  Joe Biden", not "First Lady Jill Biden"): ``corpus-surname-role``. Else the neighbourhood decides when
  one rival shares at least three of the surname's article's other names ("Sanders", "Democratic Party")
  and three times as many as any other rival, is written in more than one article and has a known given
  name, and the bare name is no given name ("his son Omar"): ``corpus-surname-neighbourhood``.
* ``spelling-variant``: two full person names written two ways ("Zabiullah Mujahid", "Zabihullah Mujahid"),
  one part equal and the other nearly so (rapidfuzz ratio of at least 90, same first letter, five letters
  or more, or a given name's romanized ending, "Dmitri"/"Dmitry"/"Dmitriy", "Sergei"/"Sergey", a middle name on
  one side only; never one the other with a longer ending, "Carlo" and "Carlos", "Brown" and "Browns", nor two
  given names of another gender, "Michael" and "Michaela"), each the other's only such variant in the
  corpus, and both written beside at least two of the same other names (their articles' neighbourhood:
  "Taliban", "Kabul"); an organization's name with other vowels in one word ("Taleban"/"Taliban",
  "Hezbollah"/"Hizbollah": the same letters elsewhere, five or more) under the same conditions.
* ``corpus-name``: a one-word name NER alone called a person in one article ("Twitter") is the corpus's thing
  of that name when the corpus has it as no person, with more evidence ("Twitter", a product in eight
  articles); the article's NER vote is dropped. Never with a person cue, for a given name or for a surname
  of a person of the corpus; into an untyped name only when both recur ("Twitter": untyped in three
  articles or more, a person in three or more others).
* ``country-prefix``: an organization named with and without its country ("U.S. Justice Department",
  "Justice Department") when the corpus has that name with one country only; a bare name of common words
  ("Justice Department", local to its article) joins it too.

* ``corpus-acronym``: an acronym written alone ("USGS") is the corpus's one name an article spelled it out as
  ("United States Geological Survey (USGS)") when both are written beside at least two of the same other
  names ("Chile", "Pichilemu"); never with two such names ("IPCC"), a person or a place.
* ``same-acronym``: two organization names differing only in "of"/"for", each spelled out for the same acronym
  ("Department for/of Work and Pensions (DWP)"); never with two acronyms ("Department of Education (ED)").
* ``place-region``: a place written with its region ("Detroit, Michigan") is the bare place of other articles
  when the corpus gives it that one region and the bare name is that place (the biggest US city of the name
  lies in that state, ``ontology/us_cities.tsv``; no listed city of the name lies elsewhere): never
  "Portland, Maine" and Portland, "Paris, Texas" and Paris.

Rules see only entity values (keys, labels, aliases, types), never an article's text.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from rapidfuzz.fuzz import ratio

from kg.data import data_path, data_rows
from kg.models import Entity
from kg.names import (_country_codes, _us_states, canonical_alias, first_names, is_country, is_place, is_region,
                      normalize_name)
from kg.ontology import cue_words
from kg.resolve.entities import bare_surname, slug

NICKNAMES_PATH = data_path("nicknames.tsv")
_SUFFIXES = cue_words("name-suffix")
SHARED_NEIGHBOURS = 2         # other names both variants are written beside
NEIGHBOURHOOD_LEAD = 3        # a bare surname's neighbours shared with one rival, times those of any other


@lru_cache(maxsize=1)
def nicknames() -> dict[str, frozenset[str]]:
    """Given name -> the names it may stand for or be shortened to (both directions of the table).

    A nickname no shorter than its formal name counts only with the same first letter ("Johnny"/"John",
    "Charlie"/"Charles"; "Bob"/"Robert" is shorter): the package's other pairs are mostly one name in two
    languages ("Ivan"/"John") or two names that sound alike ("Casper"/"Jasper"), and two men called "Ivan
    Lewis" and "John Lewis" are two people; nor does a man's name stand for a woman's ("Jean"/"Jane").
    """
    table: dict[str, set[str]] = defaultdict(set)
    genders = first_names()
    for formal, nick, *_ in data_rows(NICKNAMES_PATH):
        if len(nick) >= len(formal) and nick[:1] != formal[:1] or {genders.get(formal), genders.get(nick)} == {"M", "F"}:
            continue
        table[formal].add(nick)
        table[nick].add(formal)
    return {name: frozenset(names) for name, names in table.items()}


def given_names_match(a: str, b: str) -> bool:
    """Equal given names, or one a nickname of the other ("Jim", "James"); two nicknames of one name are not
    enough ("Bill" and "Bob" may both be a Robert, and are usually two people).

    >>> given_names_match("jim", "james"), given_names_match("bob", "robert"), given_names_match("bill", "bob")
    (True, True, False)
    """
    return a == b or b in nicknames().get(a, frozenset())


def person_parts(name: str) -> tuple[str, tuple[str, ...], str, str] | None:
    """(given, middle names, surname, suffix) of a full person name, or None for a one-word name.

    >>> person_parts("John R. Bolton")
    ('john', ('r',), 'bolton', '')
    """
    words = normalize_name(name).replace(".", "").split()
    suffix = ""
    if words and words[-1] in _SUFFIXES:
        suffix, words = words[-1], words[:-1]
    if len(words) < 2:
        return None
    return words[0], tuple(words[1:-1]), bare_surname(words[-1]), suffix


def _middles_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b or a == b:
        return True
    return len(a) == len(b) and all(x == y or (len(x) == 1 or len(y) == 1) and x[0] == y[0] for x, y in zip(a, b))


def _same_person(a: tuple[str, tuple[str, ...], str, str], b: tuple[str, tuple[str, ...], str, str]) -> bool:
    return a[2] == b[2] and a[3] == b[3] and given_names_match(a[0], b[0]) and _middles_match(a[1], b[1])


def _people(entities: Mapping[str, Entity]) -> dict[str, tuple[str, tuple[str, ...], str, str]]:
    out = {}
    for key, e in entities.items():
        if e.type == "Person" and "/" not in key:
            parts = person_parts(e.label)
            if parts is not None:
                out[key] = parts
    return out


def _choose(keys: Sequence[str], entities: Mapping[str, Entity]) -> str:
    """The key a group joins: most mentions, then the most complete name, then alphabetical."""
    return sorted(keys, key=lambda k: (-entities[k].mentions, -len(entities[k].label.split()), k))[0]


def name_variants(entities: Mapping[str, Entity]) -> dict[str, tuple[str, str]]:
    """``name-variant`` links among full person names."""
    people = _people(entities)
    by_surname: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, parts in people.items():
        by_surname[(parts[2], parts[3])].append(key)
    links: dict[str, tuple[str, str]] = {}
    for keys in by_surname.values():
        if len(keys) < 2:
            continue
        parent = {k: k for k in keys}

        def find(k: str) -> str:
            while parent[k] != k:
                k = parent[k]
            return k
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if _same_person(people[a], people[b]):
                    parent[find(a)] = find(b)
        groups: dict[str, list[str]] = defaultdict(list)
        for k in keys:
            groups[find(k)].append(k)
        for group in groups.values():
            if len(group) < 2 or not all(_same_person(people[a], people[b]) for a in group for b in group):
                continue    # "George Bush" agrees with two Bushes that disagree: ambiguous, left apart
            target = _choose(group, entities)
            links.update({k: (target, "name-variant") for k in group if k != target})
    return links


def surname_links(entities: Mapping[str, Entity], variants: Mapping[str, tuple[str, str]],
                  neighbours: Callable[[str], set[str]] | None = None) -> dict[str, tuple[str, str]]:
    """``corpus-surname`` links from article-local bare surnames to the corpus's one person of that name."""
    people = _people(entities)
    given = first_names()
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key, parts in people.items():
        if is_place(parts[0]) and parts[0] not in given:
            continue    # "Chile  Wikinews" (NER ran over a dateline): a place first is no full name to join
        by_surname[parts[2]].add(variants.get(key, (key, ""))[0])
    roles: dict[str, set[str]] = defaultdict(set)
    for key in people:
        roles[variants.get(key, (key, ""))[0]] |= _role_heads(entities[key])
    links: dict[str, tuple[str, str]] = {}
    neighbours = neighbours or _neighbourhood(entities)
    for key, e in entities.items():
        if not key.startswith("person/") or e.type != "Person":
            continue
        name = normalize_name(e.label).replace(".", "")
        if len(name.split()) != 1:
            continue
        found = by_surname.get(bare_surname(name), set())
        if len(found) == 1 and name in given:
            # "his son Omar" with one "Ilhan Omar" in the corpus: a given name alone may be anyone, so it joins
            # the one person of that surname only when a title or the neighbourhood says so as well
            target = next(iter(found))
            if (heads := _role_heads(e)) and roles[target] & heads:
                links[key] = (target, "corpus-surname-role")
            elif len(neighbours(key) & neighbours(target)) >= SHARED_NEIGHBOURS + 1:
                links[key] = (target, "corpus-surname-neighbourhood")
        elif len(found) == 1:
            links[key] = (next(iter(found)), "corpus-surname")
        elif len(found) > 1 and (heads := _role_heads(e)) and len(
                titled := [k for k in found if roles[k] & heads]) == 1:
            links[key] = (titled[0], "corpus-surname-role")
        elif len(found) > 1 and name not in given:     # "his son Omar": a given name alone may be anyone
            shared = sorted(((len(neighbours(key) & neighbours(k)), k) for k in found), reverse=True)
            (best, target), (second, _) = shared[0], shared[1]
            if best >= NEIGHBOURHOOD_LEAD * max(second, 1) and best >= SHARED_NEIGHBOURS + 1 \
                    and people[target][0] in given and len(entities[target].articles) > 1:
                links[key] = (target, "corpus-surname-neighbourhood")
    return links


SPELLING_SIMILARITY = 90      # rapidfuzz ratio (0-100) of the one differing part of two names


def _neighbourhood(entities: Mapping[str, Entity]) -> Callable[[str], set[str]]:
    """key -> the corpus-wide names written in the same articles as that entity (its neighbourhood). The index
    of articles is built on the first call, so a rule with no candidate never pays for it; :func:`corpus_links`
    hands one to every rule."""
    in_article: dict[str, set[str]] = defaultdict(set)
    cache: dict[str, set[str]] = {}
    indexed: list[bool] = []

    def neighbours(key: str) -> set[str]:
        if not indexed:
            indexed.append(True)
            for k, e in entities.items():
                if "/" not in k and e.type != "Concept":
                    for article in e.articles:
                        in_article[article].add(k)
        if key not in cache:
            cache[key] = {k for a in entities[key].articles for k in in_article.get(a, ())} - {key}
        return cache[key]
    return neighbours


def _near(a: str, b: str) -> bool:
    """Two spellings of one name part ("zabiullah", "zabihullah"), not two short names ("ali", "alo")."""
    return a != b and a[:1] == b[:1] and min(len(a), len(b)) >= 5 and ratio(a, b) >= SPELLING_SIMILARITY


def _transliterated(given: str) -> str:
    """A given name's romanized ending made one ("dmitry", "dmitriy" -> "dmitri"; "sergey" -> "sergei")."""
    if len(given) < 4:
        return given
    return given[:-1] if given.endswith("iy") else given[:-1] + "i" if given.endswith("y") else given


def _romanized_variants(people: Mapping[str, tuple], entities: Mapping[str, Entity],
                        neighbours: Callable[[str], set[str]]) -> dict[str, tuple[str, str]]:
    """One surname with given names that differ only in their romanized ending ("Dmitri", "Dmitry", "Dmitriy"
    Medvedev): each joins the most mentioned one when it shares its neighbourhood; none with two middle names
    or given names of two genders."""
    given = first_names()
    groups: dict[tuple, list[str]] = defaultdict(list)
    for key, (first, middle, last, suffix) in people.items():
        groups[(_transliterated(first), last, suffix)].append(key)
    links: dict[str, tuple[str, str]] = {}
    for keys in groups.values():
        firsts = {people[k][0] for k in keys}
        if len(firsts) < 2 or len({people[k][1] for k in keys} - {()}) > 1 \
                or len({given[f] for f in firsts if f in given}) > 1:
            continue
        target = _choose(keys, entities)
        for key in keys:
            if key != target and people[key][0] != people[target][0] \
                    and len(neighbours(key) & neighbours(target) - {key, target}) >= SHARED_NEIGHBOURS:
                links[key] = (target, "spelling-variant")
    return links


def spelling_variants(entities: Mapping[str, Entity], taken: Mapping[str, tuple[str, str]],
                      neighbours: Callable[[str], set[str]] | None = None) -> dict[str, tuple[str, str]]:
    """``spelling-variant`` links between full person names written two ways (see the module docstring)."""
    people = {k: p for k, p in _people(entities).items() if k not in taken}
    given = first_names()
    candidates: dict[str, set[str]] = defaultdict(set)
    for part in (0, 2):         # the given name differs (same surname), then the surname (same given name)
        groups: dict[tuple, list[str]] = defaultdict(list)
        for key, (first, middle, last, suffix) in people.items():
            groups[(last if part == 0 else first, suffix)].append(key)
        for keys in groups.values():
            for i, a in enumerate(keys):
                for b in keys[i + 1:]:
                    x, y = people[a][part], people[b][part]
                    if people[a][1] and people[b][1] and people[a][1] != people[b][1]:
                        continue    # two middle names: two people ("Dmitry" with none joins either)
                    if _near(x, y) and not (x.startswith(y) or y.startswith(x)) \
                            and (part == 2 or _transliterated(x) != _transliterated(y)) and not (
                            part == 0 and x in given and y in given and given[x] != given[y]):
                        candidates[a].add(b)
                        candidates[b].add(a)
    neighbours = neighbours or _neighbourhood(entities)
    return _only_variants(candidates, entities, neighbours, _romanized_variants(people, entities, neighbours))


def _only_variants(candidates: Mapping[str, set[str]], entities: Mapping[str, Entity],
                   neighbours: Callable[[str], set[str]], links: dict[str, tuple[str, str]]
                   ) -> dict[str, tuple[str, str]]:
    """``links`` with a ``spelling-variant`` link for each two candidates that are each other's only variant (with
    two near spellings there is no telling which one is the same thing), neither linked yet, both written beside
    at least two of the same other names."""
    for a, others in candidates.items():
        b = next(iter(others))
        if len(others) == 1 and a < b and len(candidates[b]) == 1 and a not in links and b not in links \
                and len(neighbours(a) & neighbours(b) - {a, b}) >= SHARED_NEIGHBOURS:
            target = _choose([a, b], entities)
            links[a if target == b else b] = (target, "spelling-variant")
    return links


def _role_heads(entity: Entity) -> set[str]:
    """The head words of the titles written before an entity's names ("Vice President" -> "president")."""
    return {r.replace(".", "").split()[-1].casefold() for r in entity.roles if r.split()}


def _country_split(name: str) -> tuple[str, str] | None:
    """("United States", "justice department") for "U.S. Justice Department"; None without a country first."""
    words = name.split()
    for n in (3, 2, 1):
        if len(words) > n:
            head = " ".join(words[:n])
            if is_country(head):
                alias = canonical_alias(head)
                return (alias[0] if alias else normalize_name(head)), normalize_name(" ".join(words[n:]))
    return None


def country_prefix_links(entities: Mapping[str, Entity]) -> dict[str, tuple[str, str]]:
    """``country-prefix`` links: "Justice Department" and "U.S. Justice Department" when only one country's
    Justice Department is in the corpus."""
    from kg.resolve.entities import is_generic_name

    prefixed: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for key, e in entities.items():
        if e.type not in ("Organization", "Entity") or key.startswith(("concept/", "person/")):
            continue
        for name in (e.label, *e.aliases):
            split = _country_split(name)
            if split is not None and len(split[1].split()) >= 2 or split is not None and is_generic_name(split[1]):
                prefixed[split[1]][split[0]].append(key)
    bare: dict[str, list[str]] = defaultdict(list)
    for key, e in entities.items():
        if e.type in ("Organization", "Entity") and not key.startswith(("concept/", "person/")):
            norm = normalize_name(e.label)
            if norm in prefixed:
                bare[norm].append(key)
    links: dict[str, tuple[str, str]] = {}
    for rest, countries in prefixed.items():
        if len(countries) != 1:
            continue    # two countries' Justice Departments: the bare name is ambiguous
        keys = sorted({k for ks in countries.values() for k in ks} | set(bare.get(rest, ())))
        if len(keys) < 2:
            continue
        global_keys = [k for k in keys if "/" not in k] or keys
        target = _choose(global_keys, entities)
        links.update({k: (target, "country-prefix") for k in keys if k != target})
    return links


def _person_votes(e: Entity) -> int:
    return sum(n for t, n in e.type_votes if t == "Person") or (e.mentions if e.type == "Person" else 0)


# a one-word name untyped in this many articles and called a person by NER alone in this many others is one
# thing NER is unsure of ("Twitter": untyped in 14 articles, a person in 36), not a person per article
_UNSURE_ARTICLES = 3


def name_links(entities: Mapping[str, Entity]) -> dict[str, tuple[str, str]]:
    """``corpus-name`` links: a one-word name NER alone called a person in one article ("Twitter", "Glasgow",
    "Wikinews"), and so local to it, is the corpus's named thing of that name when the corpus has it as no
    person and with more evidence than that article gives ("Twitter" is a product in eight articles).

    Never with a person cue (a title, "X's wife", a person-only verb), for a given name ("Daniel"), for the
    surname of a person of the corpus ("Johnson": :func:`surname_links` decides those) or into a name of no
    known type ("Virgin", "Formula": a different thing in each article, perhaps), unless both the untyped name
    and the one-word person recur (:data:`_UNSURE_ARTICLES` articles each: "Twitter"), when NER's doubt is
    about one thing; the joined node keeps the untyped name's type.
    """
    surnames = {parts[2] for parts in _people(entities).values()}
    given = first_names()
    candidates = [(key, e) for key, e in entities.items() if key.startswith("person/") and e.type == "Person"
                  and not e.roles and not any(t.startswith("cue:") for t, _ in e.type_votes)]
    local_people = Counter(key.rsplit("/", 1)[1] for key, _ in candidates)
    links: dict[str, tuple[str, str]] = {}
    for key, e in candidates:
        name = key.rsplit("/", 1)[1]
        target = entities.get(name)
        plain = normalize_name(e.label)
        if target is None or target.type in ("Person", "Concept") or len(plain.split()) != 1 \
                or plain in given or plain in surnames:
            continue
        if target.type == "Entity" and (len(target.articles) < _UNSURE_ARTICLES
                                        or local_people[name] < _UNSURE_ARTICLES):
            continue    # "Virgin" untyped here, a person there: perhaps a different thing in each article
        if sum(n for t, n in target.type_votes if t not in ("Person", "Concept")) > _person_votes(e):
            links[key] = (name, "corpus-name")
    return links


US_CITIES_PATH = data_path("us_cities.tsv")


@lru_cache(maxsize=1)
def _us_city_states() -> dict[str, str]:
    """Normalized US city name -> normalized name of the state of the biggest US city of that name."""
    return {normalize_name(name): normalize_name(state) for name, state, *_ in data_rows(US_CITIES_PATH)}


def _place_and_region(name: str) -> tuple[str, str] | None:
    """("detroit", "michigan") for "Detroit, Michigan"; None when the part after the comma is no region."""
    if name.count(", ") != 1:
        return None
    place, region = name.split(", ")
    return (normalize_name(place), normalize_name(region)) if is_region(region) and place[:1].isupper() else None


def place_region_links(entities: Mapping[str, Entity]) -> dict[str, tuple[str, str]]:
    """``place-region`` links across the corpus: a place written with its region ("Detroit, Michigan", a key of
    its own since "Paris, Texas" is not Paris) and the bare place of other articles ("Detroit") are one node
    when the corpus writes that place with that one region only, and the bare name is that place: for a US
    state, the biggest US city of the name lies in that state and no bigger city of the name lies elsewhere
    ("Portland, Maine" is not the Portland of Oregon); for a country, no listed city (of 100,000 people) has
    that name elsewhere ("Salvador, Kenya" is not Salvador, Brazil); a name no list knows ("Pichilemu,
    Chile", "Helmand Province, Afghanistan") is the bare one when the corpus gives it no other region."""
    qualified: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    bare: dict[str, list[str]] = defaultdict(list)
    plain: dict[str, str] = {}      # a place's key -> its normalized name
    regions_written: set[str] = set()
    for key, e in entities.items():
        if "/" in key or e.type != "Place":
            continue
        regions_written.update(normalize_name(name.split(", ")[1]) for name in (e.label, *e.aliases)
                               if name.count(", ") == 1)
        splits = [split for name in (e.label, *e.aliases) if (split := _place_and_region(name)) is not None]
        for place, region in splits:    # a country by its code: "England, UK" = "England, United Kingdom"
            # (the place as its key writes it: "North-West Frontier Province" = "North West Frontier Province")
            region = region if region in _us_states() else _country_codes().get(region, region)
            qualified[slug(place)][region].add(key)
            plain[slug(place)] = place
        if not splits:
            bare[slug(e.label)].append(key)
    codes, states = _country_codes(), _us_city_states()
    links: dict[str, tuple[str, str]] = {}
    for place_slug, regions in qualified.items():
        place = plain[place_slug]
        if len(regions) != 1 or len(bare.get(place_slug, ())) != 1 or place in _us_states() or is_country(place) \
                or place in regions_written:
            # "New York, New York": a state's or a country's name alone is a node of its own; "Turkey, Lebanon"
            # is a list when the corpus writes "Istanbul, Turkey" (Turkey is a region itself)
            continue
        region, keys = next(iter(regions.items()))
        target = bare[place_slug][0]
        listed = codes.get(place)
        if region in _us_states():
            same = listed in (None, "US") and states.get(place, region) == region
        else:
            same = listed is None and place not in states
        if same:
            links.update({k: (target, "place-region") for k in keys if k != target})
    return links


def _spelled_out(e: Entity) -> bool:
    """Whether an article spelled the entity's name out for an acronym ("United States Geological Survey (USGS)")."""
    return bool({"acronym", "acronym-in-parentheses"} & set(e.rules))


def _acronyms(e: Entity) -> list[str]:
    """The entity's aliases that are acronyms of two to six capitals, without their dots ("U.N." -> "UN")."""
    return [letters for alias in e.aliases if (letters := alias.replace(".", "")).isalpha() and letters.isupper()
            and 2 <= len(letters) <= 6]


def corpus_acronym_links(entities: Mapping[str, Entity], taken: Mapping[str, tuple[str, str]],
                         neighbours: Callable[[str], set[str]] | None = None) -> dict[str, tuple[str, str]]:
    """``corpus-acronym`` links: an acronym written alone ("USGS", its own node in an article that never spells
    it out) is the corpus's one name an article wrote it for ("United States Geological Survey (USGS)"),
    when each of its letters is an initial of that name's words, no other name of the corpus has it as
    an acronym ("IPCC" of two panels stays apart) and the two share a neighbourhood (a corpus that spells
    out only "Australian Federal Police (AFP)" may still write "AFP" for the news agency); never a person's
    or a place's name."""
    expansions: dict[str, set[str]] = defaultdict(set)
    for key, e in entities.items():
        if "/" in key or e.type in ("Person", "Place", "Concept") or not _spelled_out(e) or len(e.label.split()) < 2:
            continue
        initials = {w[0].upper() for w in re.findall(r"[^\W\d_]+", e.label)}
        for letters in _acronyms(e):
            if set(letters) <= initials:
                expansions[letters].add(taken.get(key, (key, ""))[0])   # "U.S. Geological Survey" joined already
    links: dict[str, tuple[str, str]] = {}
    neighbours = neighbours or _neighbourhood(entities)
    for key, e in entities.items():
        letters = e.label.replace(".", "")
        if "/" in key or e.type in ("Person", "Place", "Concept") or e.roles or canonical_alias(e.label) \
                or not (letters.isalpha() and letters.isupper()):
            continue
        if len(found := expansions.get(letters, set())) == 1:
            # an acronym stands for many names in the world ("AFP": a news agency, a police force), so the
            # corpus's one spelled-out name must also be written beside some of the same other names
            target = next(iter(found))
            if target in entities and len(neighbours(key) & neighbours(target) - {key, target}) >= SHARED_NEIGHBOURS:
                links[key] = (target, "corpus-acronym")
    return links


_VOWELS = frozenset("aeiou")


def _vowel_variant(a: str, b: str) -> bool:
    """Two spellings of one word that differ only in vowels at the same places ("taleban"/"taliban",
    "hezbollah"/"hizbollah", "qaeda"/"qaida": one name romanized two ways), five letters or more."""
    return a != b and len(a) == len(b) >= 5 and a[0] == b[0] and all(
        x == y or x in _VOWELS and y in _VOWELS for x, y in zip(a, b))


def organization_spellings(entities: Mapping[str, Entity], neighbours: Callable[[str], set[str]] | None = None
                           ) -> dict[str, tuple[str, str]]:
    """``spelling-variant`` links between organization names written with other vowels in one word ("Taleban",
    "Taliban"), each the other's only such variant, both written beside at least two of the same other names."""
    # two names are candidates when they differ in one word only, a vowel variant (:func:`_vowel_variant`): the
    # same other words, and that word with the same first letter, length and consonants (its vowels masked);
    # names are grouped by that and only names of one group compared (not every two names of one shape)
    by_mask: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for key, e in entities.items():
        if "/" not in key and e.type == "Organization":
            words = tuple(e.label.casefold().split())
            for i, word in enumerate(words):
                if len(word) >= 5:
                    by_mask[words[:i], words[i + 1:], word[0] + word[1:].translate(_MASK_VOWELS)].append((key, word))
    candidates: dict[str, set[str]] = defaultdict(set)
    for group in by_mask.values():
        for i, (a, wa) in enumerate(group):
            for b, wb in group[i + 1:]:
                if _vowel_variant(wa, wb):
                    candidates[a].add(b)
                    candidates[b].add(a)
    return _only_variants(candidates, entities, neighbours or _neighbourhood(entities), {})


_MASK_VOWELS = str.maketrans(dict.fromkeys(_VOWELS, "*"))


_CONNECTOR_SPELLINGS = {"for": "of"}     # "Department for Work and Pensions" is often written with "of"


def same_acronym_links(entities: Mapping[str, Entity]) -> dict[str, tuple[str, str]]:
    """``same-acronym`` links: two organization names that differ only in "of"/"for" and that their articles
    spell out for the same acronym ("Department for Work and Pensions (DWP)", "Department of Work and Pensions
    (DWP)") are one; never two acronyms ("Department of Education (ED)", "Department for Education (DfE)")."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, e in entities.items():
        if "/" in key or e.type != "Organization" or not _spelled_out(e):
            continue
        words = tuple(_CONNECTOR_SPELLINGS.get(w, w) for w in e.label.casefold().split())
        if not any(w in _CONNECTOR_SPELLINGS.values() for w in words):
            continue
        for letters in _acronyms(e):
            groups[(" ".join(words), letters)].append(key)
    links: dict[str, tuple[str, str]] = {}
    for keys in groups.values():
        if len(set(keys)) > 1:
            target = _choose(sorted(set(keys)), entities)
            links.update({k: (target, "same-acronym") for k in set(keys) if k != target})
    return links


def corpus_links(entities: Mapping[str, Entity]) -> dict[str, tuple[str, str]]:
    """Every corpus-level link, old key -> (new key, rule); chains resolve to their end."""
    neighbours = _neighbourhood(entities)     # one for every rule that asks
    links = name_variants(entities)
    links.update({k: v for k, v in surname_links(entities, links, neighbours).items() if k not in links})
    links.update({k: v for k, v in name_links(entities).items() if k not in links})
    links.update({k: v for k, v in spelling_variants(entities, links, neighbours).items() if k not in links})
    links.update({k: v for k, v in country_prefix_links(entities).items() if k not in links})
    links.update({k: v for k, v in corpus_acronym_links(entities, links, neighbours).items() if k not in links})
    links.update({k: v for k, v in place_region_links(entities).items() if k not in links})
    links.update({k: v for k, v in same_acronym_links(entities).items() if k not in links})
    links.update({k: v for k, v in organization_spellings(entities, neighbours).items() if k not in links})
    out = {}
    for key, (target, rule) in links.items():
        seen = {key}
        while target in links and target not in seen:
            seen.add(target)
            target = links[target][0]
        if target != key:
            out[key] = (target, rule)
    return out
