"""CSV export: ``nodes.csv`` and ``edges.csv`` for spreadsheets, pandas and Gephi's spreadsheet import.

The columns Gephi's import recognises carry its names: ``Id``, ``Label`` (nodes); ``Source``, ``Target``,
``Type`` (always ``Directed``), ``Id``, ``Label``, ``Weight`` (edges); the other columns are attributes.
``aliases`` is a JSON-encoded list of names."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx

from kg.export.graphml import sanitized

NODE_COLUMNS = ["Id", "Label", "type", "aliases", "mentions", "articles", "iri"]
EDGE_COLUMNS = ["Source", "Target", "Type", "Id", "Label", "Weight", "relation", "relation_class", "polarity",
                "modality", "articles", "confidence", "first_seen", "last_seen", "iri"]
_RENAMED = {"label": "Label", "weight": "Weight"}


def _gephi(row: dict[str, object]) -> dict[str, object]:
    return {_RENAMED.get(k, k): v for k, v in row.items()}


def _one_line_breaks(row: dict[str, object]) -> dict[str, object]:
    """A bare carriage return becomes "\\n": the csv writer quotes a field holding "\\n" but not one holding only
    "\\r", which readers then take for the end of the row."""
    return {k: v.replace("\r\n", "\n").replace("\r", "\n") if isinstance(v, str) and "\r" in v else v
            for k, v in row.items()}


def generate_csv(graph: nx.MultiDiGraph) -> tuple[str, str]:
    """(nodes CSV, edges CSV) with fixed columns, Gephi's names where Gephi has one."""
    view = sanitized(graph)
    nodes, edges = io.StringIO(), io.StringIO()
    writer = csv.DictWriter(nodes, NODE_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for node, data in view.nodes(data=True):
        writer.writerow(_one_line_breaks(_gephi({**data, "Id": node})))
    writer = csv.DictWriter(edges, EDGE_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for u, v, key, data in view.edges(keys=True, data=True):
        writer.writerow(_one_line_breaks(_gephi({**data, "Source": u, "Target": v, "Type": "Directed", "Id": key})))
    return nodes.getvalue(), edges.getvalue()


class Rows:
    """One CSV row at a time, as the table's writer writes it (a row's text depends on its values alone)."""

    def __init__(self, columns: list[str], *, named: bool = True) -> None:
        self._buffer = io.StringIO()
        self._writer = (csv.DictWriter(self._buffer, columns, extrasaction="ignore", lineterminator="\n") if named
                        else csv.writer(self._buffer, lineterminator="\n"))
        self.header = self.row(dict(zip(columns, columns)) if named else columns)

    def row(self, values: object) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow(values)   # type: ignore[arg-type]
        return self._buffer.getvalue()


def node_row(rows: Rows, node: object, data: dict[str, object]) -> str:
    """A node's line of nodes.csv (``rows``: ``Rows(NODE_COLUMNS)``)."""
    return rows.row(_one_line_breaks(_gephi({**data, "Id": node})))


def edge_row(rows: Rows, u: object, v: object, key: object, data: dict[str, object]) -> str:
    """An edge's line of edges.csv (``rows``: ``Rows(EDGE_COLUMNS)``)."""
    return rows.row(_one_line_breaks(_gephi({**data, "Source": u, "Target": v, "Type": "Directed", "Id": key})))


def write_csv(graph: nx.MultiDiGraph, folder: str | Path) -> tuple[Path, Path]:
    """Write ``nodes.csv`` and ``edges.csv`` into ``folder``; returns their paths."""
    folder = Path(folder)
    node_text, edge_text = generate_csv(graph)
    paths = (folder / "nodes.csv", folder / "edges.csv")
    paths[0].write_text(node_text, encoding="utf-8")
    paths[1].write_text(edge_text, encoding="utf-8")
    return paths
