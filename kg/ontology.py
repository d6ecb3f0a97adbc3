"""The ontology files in ``ontology/``: paths, loading, and the relation block of ``kg.ttl`` generated from
the relation lexicon (``python -m kg.ontology`` rewrites it; a test fails when it drifts)."""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from kg.data import data_rows, ontology_dir
from kg.iri import relation_class_iri, relation_iri
from kg.lexicon import Lexicon, default_lexicon

ONTOLOGY_DIR = ontology_dir()
KG_TTL = ONTOLOGY_DIR / "kg.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
QUERIES_DIR = ONTOLOGY_DIR / "queries"
NAME_CUES = ONTOLOGY_DIR / "name_cues.tsv"
CLAUSE_CUES = ONTOLOGY_DIR / "clause_cues.tsv"
CUE_FILES = (NAME_CUES, CLAUSE_CUES)    # the cue lists of names, and of clauses, modality and factuality
BEGIN = "# ---- relations (generated from lexicon.tsv by `python -m kg.ontology`; do not edit by hand) ----"
END = "# ---- end of generated relations ----"


@lru_cache(maxsize=None)
def _cue_table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    home: dict[str, str] = {}
    for path in CUE_FILES:
        for kind, word, *_ in data_rows(path):
            if home.setdefault(kind, path.name) != path.name:
                raise ValueError(f"{path.name}: cue list {kind!r} is already a list of {home[kind]} (each list once)")
            table.setdefault(kind, set()).add(word.strip())
    return {kind: frozenset(words) for kind, words in table.items()}


def cue_words(kind: str) -> frozenset[str]:
    """The lower-case words of one cue list of ``ontology/name_cues.tsv`` or ``ontology/clause_cues.tsv`` (read
    once; a list lives in one file).

    >>> "minister" in cue_words("head-title"), "mr" in cue_words("honorific")
    (True, True)

    Raises:
        KeyError: ``kind`` is not a list of the file (the message names the lists there).
    """
    table = _cue_table()
    if kind not in table:
        raise KeyError(f"no cue list {kind!r} in {' or '.join(p.name for p in CUE_FILES)}; lists: {', '.join(sorted(table))}")
    return table[kind]


def entity_noun_rows() -> tuple[tuple[str, ...], ...]:
    """The rows ``("entity-noun", noun, class)`` of ``ontology/name_cues.tsv``: nouns a description may be
    headed by, with the class of named entity it may stand for ("-": none)."""
    return tuple(row for row in data_rows(NAME_CUES) if row[0] == "entity-noun")


@lru_cache(maxsize=1)
def class_nouns() -> dict[str, str]:
    """Noun -> entity class of the ``class-noun`` rows of ``ontology/name_cues.tsv``: what "X is a <noun>"
    says X is ("game" -> Product, "city" -> Place).

    >>> class_nouns()["game"], class_nouns()["company"]
    ('Product', 'Organization')
    """
    return {row[1].strip(): row[2].strip() for row in data_rows(NAME_CUES) if row[0] == "class-noun"}


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def relation_block(lexicon: Lexicon | None = None) -> str:
    """Turtle declaring every relation class and canonical relation of the lexicon."""
    lexicon = lexicon or default_lexicon()
    lines = [BEGIN]
    for klass in lexicon.classes():
        lines.append(f"<{relation_class_iri(klass)}> a kg:RelationClass , owl:ObjectProperty ; "
                     f"rdfs:label {_literal(klass)} ; rdfs:subPropertyOf kg:related .")
    canonical = sorted({value for value in lexicon.entries.values()})
    for relation, klass in canonical:
        lines.append(f"<{relation_iri(relation)}> a kg:Relation , owl:ObjectProperty ; rdfs:label {_literal(relation)} ; "
                     f"rdfs:subPropertyOf <{relation_class_iri(klass)}> ; kg:relationClass {_literal(klass)} .")
    lines.append(END)
    return "\n".join(lines) + "\n"


def with_relation_block(text: str, block: str) -> str:
    """``text`` (kg.ttl) with its generated relation block replaced (or appended)."""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1].lstrip("\n")
        return head + block + tail
    return text.rstrip("\n") + "\n\n" + block


def main() -> None:
    text = KG_TTL.read_text(encoding="utf-8")
    updated = with_relation_block(text, relation_block())
    if updated != text:
        KG_TTL.write_text(updated, encoding="utf-8")
        print(f"updated {KG_TTL}", file=sys.stderr)


if __name__ == "__main__":
    main()
