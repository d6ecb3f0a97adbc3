"""What a clause-embedding verb says about its complement: ``ontology/veridicality.tsv``.

The table is derived from MegaVeridicality 2.1 (CC BY-SA 4.0) by :mod:`kg.extract.generate_veridicality`.

>>> entry("deny", "that").klass, entry("manage", "to").klass, entry("regret", "that").klass
('denial', 'implicative', 'factive')
>>> entry("believe", "that").negraise
True
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.data import data_path
from kg.errors import InputError

VERIDICALITY_PATH = data_path("veridicality.tsv")
CLASSES = {"factive", "implicative", "negative", "denial", "directive", "planned", "reported", "antiveridical"}
FRAMES = {"that", "to", "np_to", "passive_to", "passive_that", "for_to", "adj_to"}


@dataclass(frozen=True)
class Entry:
    """The class of a verb in a frame and whether its negation is read on the complement."""

    klass: str
    negraise: bool = False


def read_table(path: Path) -> dict[tuple[str, str], Entry]:
    """(lemma, frame) -> :class:`Entry`; raises :class:`InputError` naming the line of a malformed row."""
    table: dict[tuple[str, str], Entry] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 6 or parts[1] not in FRAMES or parts[2] not in CLASSES:
            raise InputError(f"{path}:{number}: expected 'lemma<TAB>frame<TAB>class<TAB>negraise<TAB>score<TAB>source' "
                             f"with a known frame and class, got {line!r}")
        table[(parts[0].replace("_", " "), parts[1])] = Entry(parts[2], parts[3] == "yes")
    return table


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], Entry]:
    return read_table(VERIDICALITY_PATH)


def entry(lemma: str, frame: str) -> Entry | None:
    """The entry of a verb lemma in a frame, or None when the lexicon does not list that pair."""
    return _table().get((lemma.lower(), frame))


def takes_clause(lemma: str) -> bool:
    """True when the verb embeds a that-clause in the data (say, claim, believe, ...)."""
    return (lemma.lower(), "that") in _table()
