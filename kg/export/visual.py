"""The visual exports but graph.html (GraphML, GEXF, the CSV tables and Neo4j's) written together from the
view's records (:mod:`kg.records`), and, in a build that keeps a memo, copied from the previous build's files
wherever a run of records did not change (:mod:`kg.export.runs`), so an incremental build formats only the
nodes and edges whose values changed.

A node's or edge's text in each format depends on its own values and on a little of the whole graph: the GraphML
key table (part of the memo's salt) and a node's GEXF span (the first and last dates of its edges, part of its
key). The bytes are those :func:`~kg.export.graphml.write_graphml`, :func:`~kg.export.gexf.write_gexf`,
:func:`~kg.export.tables.write_csv` and :func:`~kg.export.neo4j.write_neo4j` write of :func:`kg.graph.view`'s
graph (they share the per-record functions used here).
"""
from __future__ import annotations

import os
import pickle
from array import array
from collections.abc import Callable, Iterable
from operator import itemgetter
from pathlib import Path
from typing import Any

from kg.export import gexf, graphml, neo4j, tables
from kg.export.runs import Kind, Previous, Stale, copy_range, keep
from kg.records import EDGE_FIELDS, EDGE_TEXT, NODE_FIELDS, NODE_TEXT, Records

NAMES = ("graph.graphml", "graph.gexf", "nodes.csv", "edges.csv", *neo4j.FILES)
NODE_FILES = (0, 1, 2, 4)    # the files a node has text in (of NAMES), in the order of its texts
EDGE_FILES = (0, 1, 3, 5)
BLOCK = 1 << 20              # bytes kept for a file before they are written


class _Out:
    """One output file, written through its descriptor: texts gathered into blocks, byte ranges copied."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")   # never the kept file itself, rewritten
        self.fd = os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        self.parts: list[bytes] = []
        self.pending = 0
        self.size = 0

    def write(self, data: bytes) -> None:
        self.parts.append(data)
        self.pending += len(data)
        if self.pending >= BLOCK:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            view = memoryview(b"".join(self.parts))
            self.size += len(view)
            while view:
                view = view[os.write(self.fd, view):]
            self.parts, self.pending = [], 0

    def copy(self, source: int, offset: int, length: int) -> None:
        self.flush()
        copy_range(source, self.fd, offset, length)
        self.size += length

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def _column_types(rows: list[tuple[Any, ...]], fields: tuple[str, ...], skip: int, texts: tuple[int, ...]
                  ) -> dict[str, set[type]]:
    """The types of each column's values; a text column's are str (kg.records made them by clean_text)."""
    return {name: {str} if skip + i in texts else set(map(type, map(itemgetter(skip + i), rows)))
            for i, name in enumerate(fields)}


def _types(records: Records) -> tuple[dict[str, str], dict[str, str]]:
    """:func:`kg.export.graphml.attribute_types` of the records' graph, one column at a time."""
    found = []
    for rows, fields, skip, texts, data in ((records.nodes, NODE_FIELDS, 1, NODE_TEXT, records.node_data),
                                            (records.edges, EDGE_FIELDS, 3, EDGE_TEXT, records.edge_data)):
        kinds = _column_types(rows, fields, skip, texts) if rows else {}
        if all(len(k) == 1 and next(iter(k)) in graphml._KIND_OF for k in kinds.values()):
            found.append({name: graphml._KIND_OF[next(iter(k))] for name, k in kinds.items()})
        else:   # some attribute's values come in several types: value by value, as the exporters do
            found.append(graphml._scan_types(data(row) for row in rows))
    return found[0], found[1]


def write_visual(records: Records, folder: Path, memo: Path | None = None, salt: str = "") -> list[Path]:
    """Write the files of :data:`NAMES` of ``records`` into ``folder``, copying the records found in the memo
    folder ``memo`` under ``salt`` from the previous build's files, and keeping this build's there for the
    next one (``None``: no memo)."""
    types = _types(records)
    gm = graphml.Layout(types=types)
    gx = gexf.Layout(None, types, dates=((e[0], e[1], e[2], e[11], e[12]) for e in records.edges))
    salted = f"{salt}\0{gm.keys!r}".encode("utf-8", "surrogatepass")
    try:
        return _write(records, folder, memo, salted, gm, gx)
    except Stale:   # a kept file was not what the index said: everything made again
        return _write(records, folder, None, salted, gm, gx, keep_to=memo)


def _write(records: Records, folder: Path, memo: Path | None, salt: bytes, gm: graphml.Layout, gx: gexf.Layout,
           keep_to: Path | None = None) -> list[Path]:
    keep_to = keep_to or memo
    node_rows, edge_rows = tables.Rows(tables.NODE_COLUMNS), tables.Rows(tables.EDGE_COLUMNS)
    neo_nodes = tables.Rows(neo4j.NODE_HEADER, named=False)
    neo_edges = tables.Rows(neo4j.RELATIONSHIP_HEADER, named=False)
    paths = [folder / name for name in NAMES]
    outs: list[_Out] = []
    kept: dict[str, tuple[list[bytes], list[array], list[int]]] = {}
    try:
        for path in paths:
            outs.append(_Out(path))
        for out, head in zip(outs, (gm.head(), gx.head(), node_rows.header, edge_rows.header, neo_nodes.header,
                                    neo_edges.header)):
            out.write(head.encode("utf-8"))
        with Previous(memo, salt) as previous:
            def node(row: tuple[Any, ...]) -> tuple[str, ...]:
                n, data = row[0], records.node_data(row)
                return (gm.node(n, data), gx.node(n, data, gx.span(n)), tables.node_row(node_rows, n, data),
                        neo_nodes.row(neo4j.node_fields(n, data)))

            def edge(row: tuple[Any, ...]) -> tuple[str, ...]:
                u, v, k, data = row[0], row[1], row[2], records.edge_data(row)
                return (gm.edge(u, v, k, data), gx.edge(u, v, k, data), tables.edge_row(edge_rows, u, v, k, data),
                        neo_edges.row(neo4j.relationship_fields(u, v, k, data)))

            span = gx.span
            keys = None if keep_to is None else (pickle.dumps((row, span(row[0])), protocol=5) for row in records.nodes)
            kept["node"] = _records(records.nodes, keys, node, previous.kind("node"), previous.fds,
                                    [outs[f] for f in NODE_FILES])
            outs[1].write(gx.MIDDLE.encode("utf-8"))
            keys = None if keep_to is None else (pickle.dumps(row, protocol=5) for row in records.edges)
            kept["edge"] = _records(records.edges, keys, edge, previous.kind("edge"), previous.fds,
                                    [outs[f] for f in EDGE_FILES])
        outs[0].write(gm.TAIL.encode("utf-8"))
        outs[1].write(gx.TAIL.encode("utf-8"))
        for out in outs:
            out.flush()
    finally:
        for out in outs:
            out.close()
    for out in outs:
        out.tmp.replace(out.path)
    if keep_to is not None:
        keep(keep_to, salt, dict(zip(NAMES, paths)), kept)
    return paths


def _records(rows: list[tuple[Any, ...]], keys: Iterable[bytes] | None, make: Callable[[tuple[Any, ...]], tuple[str, ...]],
             previous: Kind, fds: dict[str, int], outs: list[_Out]) -> tuple[list[bytes], list[array], list[int]]:
    """Write ``rows`` into ``outs`` (one text each per file): runs of records found under their ``keys`` copied
    from the previous build's files, the others made. Returns what the index keeps of them."""
    starts = [out.size + out.pending for out in outs]
    sizes = [array("I") for _ in outs]
    if keys is None:   # no memo: every record made
        for row in rows:
            for out, text in zip(outs, make(row)):
                out.write(text.encode("utf-8"))
        return [], sizes, starts
    found = previous.found
    sources = [fds.get(out.path.name, -1) for out in outs]
    all_keys = []
    first = end = -1     # the run of previous records being copied

    def copy_run() -> None:
        for f, (out, into) in enumerate(zip(outs, sizes)):
            offset, length = previous.span(f, first, end)
            out.copy(sources[f], offset, length)
            into.extend(previous.sizes[f][first:end])

    for row, key in zip(rows, keys):
        all_keys.append(key)
        at = found.get(key)
        if at is not None:
            if at == end:
                end += 1
                continue
            if first >= 0:
                copy_run()
            first, end = at, at + 1
            continue
        if first >= 0:
            copy_run()
            first = end = -1
        for out, text, into in zip(outs, make(row), sizes):
            data = text.encode("utf-8")
            out.write(data)
            into.append(len(data))
    if first >= 0:
        copy_run()
    return all_keys, sizes, starts
