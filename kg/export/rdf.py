"""Turtle and N-Triples through Oxigraph: sorted, blank-node-free, byte-identical across reruns.

``graph.ttl`` is the union of every named graph (each triple once).
"""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph

from kg.export._io import emit
from kg.graph import PREFIXES, RDFData

FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}
_KNOWN = set(PREFIXES) | {"ent", "art", "stmt", "edge", "graph"}


def _from_rdflib(graph: Graph) -> RDFData:
    lines = sorted(set(graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()))
    data = "\n".join(line for line in lines if line.strip()).encode("utf-8")
    triples = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES)) if data else []
    prefixes = {str(p): str(ns) for p, ns in graph.namespaces() if str(p) in _KNOWN}
    return RDFData(tuple(ox.Quad(t.subject, t.predicate, t.object) for t in triples), prefixes)


def serialize(data: RDFData | Graph, fmt: str = "turtle") -> bytes:
    """The union of all graphs as Turtle (with the export prefixes) or N-Triples.

    >>> serialize(RDFData((), {}))
    b''
    """
    if isinstance(data, Graph):
        data = _from_rdflib(data)
    triples = data.union if data.union is not None else data.triples()
    out = ox.serialize(triples, format=FORMATS[fmt], prefixes=data.prefixes if fmt == "turtle" else None)
    return out if out is not None else b""


def write_rdf(data: RDFData | Graph, destination: str | Path | BinaryIO, fmt: str = "turtle") -> None:
    """Write the union of all graphs as Turtle (default) or N-Triples to a path or an open binary file."""
    emit(serialize(data, fmt), destination)
