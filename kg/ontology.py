"""The ontology files in ``ontology/``: paths, loading, and the relation block of ``kg.ttl`` generated from
the relation lexicon (``python -m kg.ontology`` rewrites it; a test fails when it drifts)."""
from __future__ import annotations

import sys
from pathlib import Path

from kg.data import ontology_dir
from kg.iri import relation_class_iri, relation_iri
from kg.lexicon import Lexicon, default_lexicon

ONTOLOGY_DIR = ontology_dir()
KG_TTL = ONTOLOGY_DIR / "kg.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
QUERIES_DIR = ONTOLOGY_DIR / "queries"
BEGIN = "# ---- relations (generated from lexicon.tsv by `python -m kg.ontology`; do not edit by hand) ----"
END = "# ---- end of generated relations ----"


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
