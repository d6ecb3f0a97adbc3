"""A self-contained HTML viewer (no network, no external scripts): the graph's nodes and edges as JSON
inside one page with a small force layout, search, type colours and per-node statements."""
from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from kg.export._io import emit
from kg.export.graphml import sanitized


def _aliases(value: object) -> str:
    """The aliases for display: a JSON-encoded list (see :func:`kg.graph.to_networkx`) joined with "; "."""
    if isinstance(value, str) and value.startswith("["):
        try:
            names = json.loads(value)
        except ValueError:
            return value
        if isinstance(names, list):
            return "; ".join(str(n) for n in names)
    return str(value or "")


def graph_json(graph: nx.MultiDiGraph) -> str:
    """The view as compact JSON, safe to embed in a <script> element."""
    view = sanitized(graph)
    data = {
        "nodes": [{"id": n, "label": d.get("label", n), "type": d.get("type", ""), "aliases": _aliases(d.get("aliases", ""))}
                  for n, d in view.nodes(data=True)],
        "edges": [{"source": u, "target": v, "label": d.get("label", ""), "weight": d.get("weight", 1),
                   "polarity": d.get("polarity", ""), "modality": d.get("modality", "")}
                  for u, v, d in view.edges(data=True)],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # "</script>" or "<!--" inside a label must not end the script element
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def generate_html(graph: nx.MultiDiGraph) -> bytes:
    template = files("kg.export").joinpath("assets/viewer.html").read_text(encoding="utf-8")
    return template.replace("__GRAPH_JSON__", graph_json(graph)).encode("utf-8")


def write_html(graph: nx.MultiDiGraph, destination: str | Path | BinaryIO) -> None:
    """Write the viewer page for ``graph`` to a path or an open binary file."""
    emit(generate_html(graph), destination)
