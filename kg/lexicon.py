"""The relation lexicon (``ontology/lexicon.tsv``): relation phrases to canonical relations and classes."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.data import data_path
from kg.errors import InputError

LEXICON_PATH = data_path("lexicon.tsv")


class Lexicon:
    """Normalizes relation phrases: the longest known phrase that starts a relation is replaced.

    >>> lex = Lexicon({"rule out": ("reject", "rejection")})
    >>> lex.normalize("rule out cooperation with")
    ('reject cooperation with', 'rejection', False)
    """

    def __init__(self, entries: dict[str, tuple[str, str]]) -> None:
        self.entries = {" ".join(k.lower().split()): v for k, v in entries.items()}
        self.longest = max((len(k.split()) for k in self.entries), default=0)

    @classmethod
    def from_tsv(cls, path: Path) -> Lexicon:
        """Read a lexicon file; raises :class:`InputError` naming the line of a malformed entry."""
        entries: dict[str, tuple[str, str]] = {}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or not all(p.strip() for p in parts):
                raise InputError(f"{path}:{number}: expected 'phrase<TAB>canonical<TAB>class', got {line!r}")
            entries[parts[0].strip()] = (parts[1].strip(), parts[2].strip())
        return cls(entries)

    def normalize(self, relation: str) -> tuple[str, str | None, bool]:
        """(canonical relation, class or None, whether a lexicon entry matched)."""
        words = relation.lower().split()
        for n in range(min(self.longest, len(words)), 0, -1):
            head = " ".join(words[:n])
            if head in self.entries:
                canonical, klass = self.entries[head]
                return " ".join([canonical, *words[n:]]), klass, True
        return " ".join(words), None, False

    def classes(self) -> list[str]:
        return sorted({klass for _, klass in self.entries.values()})


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.from_tsv(LEXICON_PATH)
