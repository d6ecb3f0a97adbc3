"""GEXF export for Gephi, with first/last-seen dates on edges so Gephi's timeline works."""
from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from kg.export._io import emit
from kg.export.graphml import sanitized


def generate_gexf(graph: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 bytes: a dynamic graph whose edges live from ``first_seen`` to ``last_seen`` (when known)."""
    view = sanitized(graph)
    dynamic = False
    for *_, data in view.edges(keys=True, data=True):
        if data.get("first_seen"):
            data["start"] = data["first_seen"]
            data["end"] = data.get("last_seen") or data["first_seen"]
            dynamic = True
    if dynamic:
        view.graph["mode"] = "dynamic"
        view.graph["timeformat"] = "date"
        # an edge without dates exists for the whole timeline: give it the full span rather than none
        starts = [d["start"] for *_, d in view.edges(keys=True, data=True) if "start" in d]
        first, last = min(starts), max(d["end"] for *_, d in view.edges(keys=True, data=True) if "end" in d)
        for *_, data in view.edges(keys=True, data=True):
            data.setdefault("start", first)
            data.setdefault("end", last)
    buffer = io.BytesIO()
    nx.write_gexf(view, buffer, encoding="utf-8", prettyprint=True, version="1.2draft")
    return buffer.getvalue()


def write_gexf(graph: nx.MultiDiGraph, destination: str | Path | BinaryIO) -> None:
    """Write ``graph`` as GEXF to a path or an open binary file."""
    emit(generate_gexf(graph), destination)
