"""JSON-LD 1.1 with a compact context: prefixes for every vocabulary and base namespace, compact IRIs.
Sorted, so the same dataset gives the same bytes.

``graph.jsonld`` holds the union of all graphs, like ``graph.ttl``, in the default graph: that is what
JSON-LD consumers read (most ignore named graphs). ``named_graphs=True`` writes one ``@graph`` object per
named graph instead (the per-article layout of graph.trig and graph.nq).

Plain strings are JSON strings; every other literal keeps its lexical form and datatype
(``{"@value": "3", "@type": "xsd:integer"}``) so the data round-trips exactly (isomorphic N-Quads).
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox

from kg.export._io import emit
from kg.graph import RDFData

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class _Compactor:
    def __init__(self, prefixes: dict[str, str]) -> None:
        # longest namespace first, so "https://example.org/kg/entity/" wins over a shorter match
        self.prefixes = sorted(prefixes.items(), key=lambda item: (-len(item[1]), item[0]))
        self.memo: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        found = self.memo.get(iri)
        if found is None:
            found = self.memo[iri] = self._compact(iri)
        return found

    def _compact(self, iri: str) -> str:
        for prefix, ns in self.prefixes:
            if iri.startswith(ns) and len(iri) > len(ns):
                local = iri[len(ns):]
                if not local.startswith("//"):   # "p://..." would read as an absolute IRI
                    return f"{prefix}:{local}"
        return iri


def _value(term: object, compact: _Compactor) -> Any:
    if isinstance(term, ox.NamedNode):
        return {"@id": compact(term.value)}
    if not isinstance(term, ox.Literal):
        raise TypeError(f"JSON-LD export supports IRIs and literals only, got {term!r}")
    datatype = term.datatype.value
    if datatype == XSD_STRING:
        return term.value
    if datatype == LANG_STRING:
        return {"@value": term.value, "@language": term.language}
    return {"@value": term.value, "@type": compact(datatype)}


def _nodes(triples: list[ox.Triple], compact: _Compactor) -> list[dict[str, Any]]:
    # triples come sorted by their N-Triples form, so subjects, and values of one property, are in order
    by_subject: dict[str, dict[str, list[Any]]] = {}
    memo = compact.memo
    named, literal = ox.NamedNode, ox.Literal
    for t in triples:
        subject = t.subject
        if type(subject) is not named and not isinstance(subject, named):
            raise TypeError(f"JSON-LD export expects IRI subjects, got {subject!r}")
        props = by_subject.get(subject.value)
        if props is None:
            props = by_subject[subject.value] = {}
        predicate, obj = t.predicate.value, t.object
        if type(obj) is named:
            iri = obj.value
            short = memo.get(iri) or compact(iri)
            if predicate == RDF_TYPE:
                props.setdefault("@type", []).append(short)
                continue
            value: Any = {"@id": short}
        elif type(obj) is literal and obj.datatype.value == XSD_STRING:
            value = obj.value
        else:
            value = _value(obj, compact)
        key = memo.get(predicate) or compact(predicate)
        props.setdefault(key, []).append(value)
    return node_objects(by_subject, compact)


def node_objects(by_subject: dict[str, dict[str, list[Any]]], compact: _Compactor) -> list[dict[str, Any]]:
    """One node object per subject (in order) from its gathered properties: ``@id``, ``@type``, then the
    properties by name, a single value bare."""
    memo = compact.memo
    nodes = []
    for subject, props in by_subject.items():
        node: dict[str, Any] = {"@id": memo.get(subject) or compact(subject)}
        if "@type" in props:
            types = props.pop("@type")
            node["@type"] = types[0] if len(types) == 1 else types
        for key in sorted(props):
            values = props[key]
            node[key] = values[0] if len(values) == 1 else values
        nodes.append(node)
    return nodes


def to_jsonld(data: RDFData, *, named_graphs: bool = False) -> dict[str, Any]:
    """The graph (or, with ``named_graphs``, the dataset) as a compacted JSON-LD document (a dict).

    >>> to_jsonld(RDFData((), {"kg": "https://w3id.org/kg-news/ontology#"}))["@graph"]
    []
    """
    compact = _Compactor(data.prefixes)
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    default: list[ox.Triple] = []
    if not named_graphs:
        default = data.triples()
    for q in data.quads if named_graphs else ():
        if isinstance(q.graph_name, ox.NamedNode):
            graphs[q.graph_name.value].append(q.triple)
        else:
            default.append(q.triple)
    items: list[dict[str, Any]] = _nodes(default, compact)
    for name in sorted(graphs):
        items.append({"@id": compact(name), "@graph": _nodes(graphs[name], compact)})
    context = {"@version": 1.1, **dict(sorted(data.prefixes.items()))}
    return {"@context": context, "@graph": items}


def generate_jsonld(data: RDFData, *, named_graphs: bool = False) -> bytes:
    """Compact JSON-LD bytes (UTF-8): the context, then one node per line (graph by graph with ``named_graphs``)."""
    doc = to_jsonld(data, named_graphs=named_graphs)
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode   # the C encoder
    lines = ['{"@context": ' + json.dumps(doc["@context"], ensure_ascii=False, indent=1) + ',', ' "@graph": [']
    items = doc["@graph"]
    for i, item in enumerate(items):
        end = "," if i + 1 < len(items) else ""
        if "@graph" in item and len(item) == 2:
            lines.append('  {"@id": ' + dumps(item["@id"]) + ', "@graph": [')
            nodes = item["@graph"]
            lines += ["   " + dumps(node) + ("," if j + 1 < len(nodes) else "") for j, node in enumerate(nodes)]
            lines.append("  ]}" + end)
        else:
            lines.append("  " + dumps(item) + end)
    lines.append(" ]}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_jsonld(data: RDFData, destination: str | Path | BinaryIO, *, named_graphs: bool = False) -> None:
    """Write the union graph (or the dataset) as compact JSON-LD to a path or an open binary file."""
    emit(generate_jsonld(data, named_graphs=named_graphs), destination)
