"""Relation classes that fit their arguments (``ontology/argument_fit.tsv``): "fight cancer" is no attack.

>>> fits("fight", "assault", "Concept", "cancer"), fits("fight", "assault", "Organization", "taliban")
(False, True)
>>> fits("send", "aid", "Concept", "anthrax"), fits("send", "aid", "Concept", "aid"), fits("meet", "cooperation", "Concept", "x")
(False, True, True)
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.data import data_path
from kg.errors import InputError

FIT_PATH = data_path("argument_fit.tsv")
Rules = dict[tuple[str, str], tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]]
_KINDS = ("types", "heads", "not-subject-heads", "not-subject-types")


def read_rules(path: Path) -> Rules:
    """(relation verb, class) -> (object types, object head nouns, subject head nouns and subject types that
    rule it out); raises InputError on a malformed line."""
    values: dict[tuple[str, str], dict[str, set[str]]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4 or parts[2] not in _KINDS or not parts[3].split():
            raise InputError(f"{path}:{number}: expected 'relation<TAB>class<TAB>{'|'.join(_KINDS)}<TAB>values', "
                             f"got {line!r}")
        key = (parts[0].strip(), parts[1].strip())
        values.setdefault(key, {kind: set() for kind in _KINDS})[parts[2]].update(parts[3].split())
    return {key: tuple(frozenset(v[kind]) for kind in _KINDS) for key, v in values.items()}  # type: ignore[misc]


@lru_cache(maxsize=1)
def _rules() -> Rules:
    return read_rules(FIT_PATH)


def fits(relation: str, klass: str, object_type: str, object_head: str, subject_head: str = "",
         subject_type: str = "") -> bool:
    """True when the relation's class may hold for an object of that type and head noun and a subject of
    that head noun (``relation`` is the relation as extracted, before the lexicon: its first word is the
    verb's lemma): "the tornado struck Huntsville" or "a Volvo XC90 (a product) struck him" is no attack,
    whatever the object is."""
    verb = relation.split()[0] if relation.split() else relation
    rule = _rules().get((verb, klass))
    if rule is None:
        return True
    types, heads, not_subject_heads, not_subject_types = rule
    if subject_head.lower() in not_subject_heads or subject_type in not_subject_types:
        return False
    return object_type in types or object_head.lower() in heads
