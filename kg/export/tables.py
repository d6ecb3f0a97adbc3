"""CSV export: ``nodes.csv`` and ``edges.csv`` for spreadsheets, pandas and Gephi's spreadsheet import."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx

from kg.export.graphml import sanitized

NODE_COLUMNS = ["id", "label", "type", "aliases", "mentions", "articles", "iri"]
EDGE_COLUMNS = ["source", "target", "label", "relation", "relation_class", "polarity", "modality", "weight",
                "articles", "confidence", "first_seen", "last_seen", "id"]


def _one_line_breaks(row: dict[str, object]) -> dict[str, object]:
    """A bare carriage return becomes "\\n": the csv writer quotes a field holding "\\n" but not one holding only
    "\\r", which readers then take for the end of the row."""
    return {k: v.replace("\r\n", "\n").replace("\r", "\n") if isinstance(v, str) else v for k, v in row.items()}


def generate_csv(graph: nx.MultiDiGraph) -> tuple[str, str]:
    """(nodes CSV, edges CSV) with fixed columns; Gephi reads ``id``/``label`` and ``source``/``target``."""
    view = sanitized(graph)
    nodes, edges = io.StringIO(), io.StringIO()
    writer = csv.DictWriter(nodes, NODE_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for node, data in view.nodes(data=True):
        writer.writerow(_one_line_breaks({"id": node, **data}))
    writer = csv.DictWriter(edges, EDGE_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for u, v, key, data in view.edges(keys=True, data=True):
        writer.writerow(_one_line_breaks({"source": u, "target": v, "id": key, **data}))
    return nodes.getvalue(), edges.getvalue()


def write_csv(graph: nx.MultiDiGraph, folder: str | Path) -> tuple[Path, Path]:
    """Write ``nodes.csv`` and ``edges.csv`` into ``folder``; returns their paths."""
    folder = Path(folder)
    node_text, edge_text = generate_csv(graph)
    paths = (folder / "nodes.csv", folder / "edges.csv")
    paths[0].write_text(node_text, encoding="utf-8")
    paths[1].write_text(edge_text, encoding="utf-8")
    return paths
