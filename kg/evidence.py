"""The evidence behind each edge of a view, read from the RDF export: for an asserted triple (subject,
relation, object), the sentences of the statements supporting it and their articles' title, date and link.

One pass over the triples or quads (the build's own, or a ``graph.nq``/``graph.ttl`` parsed as a stream);
only the few properties needed are kept, as plain strings."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.errors import KGError
from kg.vocab import ONTOLOGY_IRI, PROV, SCHEMA

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_KG_GROUP = ONTOLOGY_IRI + "StatementGroup"
_WANTED = {
    _RDF + "type": "type", _RDF + "subject": "s", _RDF + "predicate": "p", _RDF + "object": "o",
    ONTOLOGY_IRI + "supportedBy": "support", ONTOLOGY_IRI + "sentence": "sentence",
    str(PROV.wasDerivedFrom): "article", str(SCHEMA.headline): "title", str(SCHEMA.datePublished): "date",
    str(SCHEMA.url): "url",
}
EdgeKey = tuple[str, str, str]   # subject IRI, relation IRI, object IRI


@dataclass
class Evidence:
    """Per edge (subject IRI, relation IRI, object IRI): up to ``per_edge`` (sentence, article IRI) pairs;
    per article IRI: (title, date, url)."""

    edges: dict[EdgeKey, list[tuple[str, str]]] = field(default_factory=dict)
    articles: dict[str, tuple[str, str, str]] = field(default_factory=dict)


def collect(triples: Iterable[ox.Triple | ox.Quad], *, per_edge: int = 3,
            wanted: set[EdgeKey] | None = None) -> Evidence:
    """The evidence of every statement group in ``triples`` (only of ``wanted`` edges, when given)."""
    values: dict[str, dict[str, str]] = defaultdict(dict)
    support: dict[str, list[str]] = defaultdict(list)
    groups: set[str] = set()
    for t in triples:
        role = _WANTED.get(t.predicate.value)
        if role is None:
            continue
        subject, obj = t.subject.value, t.object.value
        if role == "type":
            if obj == _KG_GROUP:
                groups.add(subject)
        elif role == "support":
            support[subject].append(obj)
        else:
            values[subject].setdefault(role, obj)
    edges = []
    for group in sorted(groups):
        v = values.get(group, {})
        key = (v.get("s", ""), v.get("p", ""), v.get("o", ""))
        if wanted is None or key in wanted:
            edges.append((key, support.get(group, ())))
    statements = {iri: (v["sentence"], v.get("article", "")) for iri, v in values.items() if "sentence" in v}
    articles = {iri: (v.get("title", ""), v.get("date", ""), v.get("url", "")) for iri, v in values.items()}
    return gather(edges, statements, articles, per_edge=per_edge)


def gather(edges: Iterable[tuple[EdgeKey, Iterable[str]]], statements: Mapping[str, tuple[str, str]],
           articles: Mapping[str, tuple[str, str, str]], *, per_edge: int = 3) -> Evidence:
    """The evidence of statement groups known as values, not read back from RDF: ``edges`` are (edge key,
    supporting statement IRIs) in group-IRI order (a later group of the same key wins, as in :func:`collect`),
    ``statements`` maps a statement IRI to (sentence, article IRI), ``articles`` an article IRI to (title,
    datePublished, url). The same result as :func:`collect` over the graph holding them."""
    out = Evidence()
    for key, support in edges:
        found = [statements[s] for s in sorted(support) if s in statements]
        # the latest articles first, then by sentence: a reader sees the newest news
        found.sort(key=lambda x: (articles.get(x[1], ("", "", ""))[1], x[0]), reverse=True)
        found = list(dict.fromkeys(found))[:per_edge]
        out.edges[key] = found
        for _, article in found:
            title, date, url = articles.get(article, ("", "", ""))
            out.articles.setdefault(article, (title, date[:10], url))
    return out


def edge_keys(graph: nx.MultiDiGraph) -> set[EdgeKey]:
    """The (subject IRI, relation IRI, object IRI) of every edge of a view (from the ``iri`` attributes)."""
    iri = {n: str(d.get("iri", "")) for n, d in graph.nodes(data=True)}
    return {(iri[u], str(d.get("iri", "")), iri[v]) for u, v, d in graph.edges(data=True)}


def read(folder_or_file: Path, *, per_edge: int = 3, wanted: set[EdgeKey] | None = None) -> Evidence | None:
    """The evidence in an export folder's graph.ttl (or graph.nq: larger, slower to read), or None when it has
    neither."""
    path = folder_or_file
    if path.is_dir() or path.suffix not in (".nq", ".ttl"):
        folder = path if path.is_dir() else path.parent
        path = next((folder / n for n in ("graph.ttl", "graph.nq") if (folder / n).is_file()), None)
        if path is None:
            return None
    fmt = ox.RdfFormat.N_QUADS if path.suffix == ".nq" else ox.RdfFormat.TURTLE
    try:
        with path.open("rb") as f:
            return collect(ox.parse(f, format=fmt), per_edge=per_edge, wanted=wanted)
    except (SyntaxError, ValueError, OSError) as exc:
        raise KGError(f"{path}: not a readable RDF file ({exc})") from None
