"""RDF exports through Oxigraph: sorted, blank-node-free, byte-identical across reruns."""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph

FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    """Serialize an rdflib graph with Oxigraph; triples sorted so the same graph gives the same bytes."""
    lines = sorted(set(graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()))
    lines = [line for line in lines if line.strip()]
    triples = list(ox.parse("\n".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
    prefixes = {str(p): str(ns) for p, ns in graph.namespaces()
                if str(p) in {"kg", "rel", "schema", "prov", "skos", "owl", "rdf", "rdfs", "xsd", "ent", "art",
                              "stmt"}}
    out = ox.serialize(triples, format=FORMATS[fmt], prefixes=prefixes if fmt == "turtle" else None)
    return out if out is not None else b""


def write_rdf(graph: Graph, destination: str | Path | BinaryIO, fmt: str = "turtle") -> None:
    """Write ``graph`` as Turtle (default) or N-Triples to a path or an open binary file."""
    data = serialize(graph, fmt)
    if isinstance(destination, (str, Path)):
        Path(destination).write_bytes(data)
    else:
        destination.write(data)
