"""The visual exports but graph.html (GraphML, GEXF, the CSV tables and Neo4j's) written together, each node's
and edge's text in all of them memoized between builds (:class:`kg.memo.Segments`), so an incremental build
formats only the nodes and edges whose values changed and copies the others' bytes.

A node's or edge's text in each format depends on its own values and on a little of the whole graph: the GraphML
key table (the memo's salt) and a node's GEXF span (the first and last dates of its edges, part of its key). The
bytes are those :func:`~kg.export.graphml.write_graphml`, :func:`~kg.export.gexf.write_gexf`,
:func:`~kg.export.tables.write_csv` and :func:`~kg.export.neo4j.write_neo4j` write (they share the per-record
functions used here).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from kg.export import gexf, graphml, neo4j, tables
from kg.memo import Segments

NAMES = ("graph.graphml", "graph.gexf", "nodes.csv", "edges.csv", *neo4j.FILES)
BLOCK = 4096   # nodes or edges written at once


def _flush(parts: list[list[bytes]], files: tuple[BinaryIO, ...]) -> None:
    for part, out in zip(parts, files):
        out.write(b"".join(part))
        part.clear()


def _records(store: Segments, tag: bytes, records: Iterable[tuple[Any, ...]], values: Callable[..., tuple[Any, ...]],
             texts: Callable[..., tuple[str, ...]], parts: list[list[bytes]], files: tuple[BinaryIO, ...]) -> None:
    """Write each record's texts (one per file) into ``files``: found in ``store`` under the record's ``values``,
    or made by ``texts`` and kept there."""
    for record in records:
        key = store.key(tag, repr(values(*record)).encode("utf-8", "surrogatepass"))
        found = store.get(key)
        if found is None:
            found = tuple(text.encode("utf-8") for text in texts(*record))
            store.put(key, found)
        for part, value in zip(parts, found):
            part.append(value)
        if len(parts[0]) >= BLOCK:
            _flush(parts, files)
    _flush(parts, files)


def write_visual(picture: nx.MultiDiGraph, folder: Path, segments: Path | None, salt: str = "") -> list[Path]:
    """Write the files of :data:`NAMES` of ``picture`` into ``folder``, with the texts of its nodes and edges found
    in (and kept for the next build in) the store at ``segments`` under ``salt`` (``None``: nothing is kept)."""
    view = graphml.sanitized(picture)
    gm = graphml.Layout(view)
    gx = gexf.Layout(view, gm.types)
    node_rows, edge_rows = tables.Rows(tables.NODE_COLUMNS), tables.Rows(tables.EDGE_COLUMNS)
    neo_nodes = tables.Rows(neo4j.NODE_HEADER, named=False)
    neo_edges = tables.Rows(neo4j.RELATIONSHIP_HEADER, named=False)
    paths = [folder / name for name in NAMES]
    files = [path.open("wb") for path in paths]
    g_ml, g_xf, csv_nodes, csv_edges, n4_nodes, n4_edges = files
    try:
        with Segments(segments, salt + repr(gm.keys)) as store:
            g_ml.write(gm.head().encode("utf-8"))
            g_xf.write(gx.head().encode("utf-8"))
            csv_nodes.write(node_rows.header.encode("utf-8"))
            csv_edges.write(edge_rows.header.encode("utf-8"))
            n4_nodes.write(neo_nodes.header.encode("utf-8"))
            n4_edges.write(neo_edges.header.encode("utf-8"))
            parts: list[list[bytes]] = [[], [], [], []]   # graphml, gexf, csv, neo4j: written a block at a time
            nodes = ((node, data, gx.span(node)) for node, data in view.nodes(data=True))
            _records(store, b"node", nodes, lambda node, data, span: (node, list(data.items()), span),
                     lambda node, data, span: (gm.node(node, data), gx.node(node, data, span),
                                               tables.node_row(node_rows, node, data),
                                               neo_nodes.row(neo4j.node_fields(node, data))),
                     parts, (g_ml, g_xf, csv_nodes, n4_nodes))
            g_xf.write(gx.MIDDLE.encode("utf-8"))
            _records(store, b"edge", view.edges(keys=True, data=True),
                     lambda u, v, k, data: (u, v, k, list(data.items())),
                     lambda u, v, k, data: (gm.edge(u, v, k, data), gx.edge(u, v, k, data),
                                            tables.edge_row(edge_rows, u, v, k, data),
                                            neo_edges.row(neo4j.relationship_fields(u, v, k, data))),
                     parts, (g_ml, g_xf, csv_edges, n4_edges))
            g_ml.write(gm.TAIL.encode("utf-8"))
            g_xf.write(gx.TAIL.encode("utf-8"))
    finally:
        for f in files:
            f.close()
    return paths
