"""GraphML export valid against the GraphML schema: scalar attributes only, XML-safe text, NMTOKEN ids."""
from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from kg.export._io import emit
from kg.safe_text import clean_text


def _clean(value: object) -> object:
    if isinstance(value, str):
        return clean_text(value)      # XML 1.0 forbids C0 controls and U+FFFE/U+FFFF
    if value is None:
        return ""
    if isinstance(value, (bool, int, float)):
        return value
    raise TypeError(f"GraphML attributes must be scalars, got {type(value).__name__}: {value!r}")


def sanitized(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with every attribute a scalar and free of characters XML 1.0 forbids."""
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, **{k: _clean(v) for k, v in sorted(data.items())})
    for u, v, key, data in graph.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **{k: _clean(val) for k, val in sorted(data.items())})
    return out


def generate_graphml(graph: nx.MultiDiGraph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml_xml(sanitized(graph), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def write_graphml(graph: nx.MultiDiGraph, destination: str | Path | BinaryIO) -> None:
    """Write ``graph`` as GraphML to a path or an open binary file."""
    emit(generate_graphml(graph), destination)
