"""Counts of an export: triples, graphs, entities by type, statements by relation class, polarity and
modality, articles."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.store import open_store

_QUERIES = {
    "entity types": """SELECT ?key (COUNT(DISTINCT ?e) AS ?n) WHERE {
        ?e kg:mentionCount ?m ; a ?t . BIND(REPLACE(STR(?t), "^.*[#/]", "") AS ?key) } GROUP BY ?key""",
    "relation classes": """SELECT ?key (COUNT(DISTINCT ?s) AS ?n) WHERE {
        ?s a kg:Statement ; rdf:predicate ?p . OPTIONAL { ?p kg:relationClass ?c }
        BIND(COALESCE(?c, "(none)") AS ?key) } GROUP BY ?key""",
    "polarity": """SELECT ?key (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:Statement ; kg:polarity ?key } GROUP BY ?key""",
    "modality": """SELECT ?key (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:Statement ; kg:modality ?key } GROUP BY ?key""",
}
_TOTALS = """SELECT
    (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?e) AS ?entities) (COUNT(DISTINCT ?st) AS ?statements)
    (COUNT(DISTINCT ?g) AS ?edges) (COUNT(DISTINCT ?r) AS ?relations)
WHERE {
    { ?a a schema:NewsArticle } UNION { ?e kg:mentionCount ?m } UNION { ?st a kg:Statement }
    UNION { ?g a kg:StatementGroup } UNION { ?r a kg:Relation ; ^rdf:predicate ?any }
}"""
_PREFIXES = {"kg": "https://w3id.org/kg-news/ontology#", "schema": "https://schema.org/",
             "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}


@dataclass
class GraphStats:
    """Counts of one export."""

    triples: int = 0
    named_graphs: int = 0
    totals: dict[str, int] = field(default_factory=dict)
    breakdown: dict[str, dict[str, int]] = field(default_factory=dict)

    def text(self) -> str:
        lines = [f"triples: {self.triples}  named graphs: {self.named_graphs}",
                 "  ".join(f"{k}: {v}" for k, v in self.totals.items())]
        for title, counts in self.breakdown.items():
            lines.append(f"{title}:")
            lines += [f"  {key:<24} {n:>6}" for key, n in counts.items()]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, object]:
        return {"triples": self.triples, "named_graphs": self.named_graphs, **self.totals, **self.breakdown}


def _select(store: ox.Store, sparql: str) -> ox.QuerySolutions:
    answer = store.query(sparql, prefixes=_PREFIXES)
    assert isinstance(answer, ox.QuerySolutions)
    return answer


def stats_store(store: ox.Store) -> GraphStats:
    """Counts over a store opened with :func:`kg.store.open_store` (its default graph the merge of all graphs)."""
    out = GraphStats()
    out.triples = len({str(q.triple) for q in store})
    out.named_graphs = sum(1 for _ in store.named_graphs())
    for solution in _select(store, _TOTALS):
        out.totals = {v.value: int(solution[v].value) for v in (ox.Variable(n) for n in (
            "articles", "entities", "statements", "edges", "relations"))}
    for title, sparql in _QUERIES.items():
        rows = [(s["key"].value, int(s["n"].value))
                for s in _select(store, sparql)]
        out.breakdown[title] = dict(sorted(rows, key=lambda kv: (-kv[1], kv[0])))
    return out


def stats(path: str | Path) -> GraphStats:
    """Counts of an export file or folder.

    Raises:
        InputError: the export is missing or does not parse.
    """
    return stats_store(open_store(path))
