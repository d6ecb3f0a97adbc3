"""Name normalization and the curated alias table (``ontology/aliases.tsv``)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from kg.data import data_path

ALIASES_PATH = data_path("aliases.tsv")
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Comparison form of a name: NFKC, case-folded, no leading article, no dots in acronyms, no 's.

    >>> normalize_name("the U.S.")
    'us'
    """
    text = unicodedata.normalize("NFKC", name).replace("\u2019", "'").strip()
    text = _LEADING.sub("", text)
    text = re.sub(r"'s\b", "", text)                     # "New People's Party" ~ "New People Party"
    text = re.sub(r"(?<=\w)\.(?=\w|$)", "", text)       # U.S. -> US
    text = re.sub(r"[^\w'&-]+", " ", text.casefold())
    return " ".join(text.split())


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


@lru_cache(maxsize=None)
def _rows(path: Path) -> tuple[tuple[str, ...], ...]:
    """The TAB-separated rows of a data file in ``ontology/`` (comments and blank lines skipped), read once."""
    return tuple(tuple(line.split("\t")) for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#"))


def _country_spellings() -> list[str]:
    return [n for row in _rows(COUNTRIES_PATH) for n in row[1:] if "," not in n]


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Normalized names of every country (``ontology/countries.tsv``, ISO 3166-1) and their table aliases."""
    names = {normalize_name(n) for n in _country_spellings()}
    for alias, (canonical, _, _) in alias_table().items():
        if normalize_name(canonical) in names:
            names.add(alias)
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


PLACES_PATH = ALIASES_PATH.parent / "places.tsv"


@lru_cache(maxsize=2)
def place_names(*, min_population: int = 0) -> frozenset[str]:
    """Exact spellings of cities (of ``min_population`` or more), US states (``ontology/places.tsv``) and
    countries."""
    names = {name for name, kind, _, population, *_ in _rows(PLACES_PATH)
             if kind != "city" or int(population) >= min_population}
    return frozenset(names | set(_country_spellings()))


MERGES_PATH = ALIASES_PATH.parent / "merges.tsv"


def merge_table(path: Path | None = None) -> dict[str, tuple[str, str]]:
    """Explicit merges (``ontology/merges.tsv``): old entity key -> (new entity key, reason)."""
    table: dict[str, tuple[str, str]] = {}
    for line in (path or MERGES_PATH).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            old, new, why = (line.split("\t") + ["", ""])[:3]
            table[old.strip()] = (new.strip(), why.strip())
    return table
