"""Writing the merged graph's part of graph.nq, graph.trig, graph.ttl and graph.jsonld, a bounded batch of whole
subjects at a time, with each subject's bytes memoized between builds (:class:`kg.memo.Segments`).

The merged graph comes one unit at a time (:func:`kg.quads.merged_units`); consecutive units about the same
subject form one segment. A batch's N-Quads, TriG body, Turtle and JSON-LD nodes are its segments' ones
concatenated (Oxigraph writes each subject's triples as one block, and its TriG as one graph block around
them), so a segment whose quads and plain triples did not change since the last build, as the N-Quads text says
exactly, is copied as bytes rather than serialized again (an incremental build changes few subjects). The one
case a batch does not decompose, a subject in two segments of one batch (two relation labels sharing one
property IRI), has that batch's JSON-LD made as a whole, as it always was. A build without a cache (``--no-cache``)
keeps nothing for the next one, so it serializes each batch whole (:func:`write_batches`), the same bytes.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import BinaryIO

import pyoxigraph as ox

from kg.article_graph import body
from kg.export.jsonld import _Compactor, node_objects
from kg.memo import Segments
from kg.rdf_text import Unit, jsonld_subjects

BATCH = 20_000   # quads of the merged graph serialized at once


class _Segment:
    """Consecutive units about one subject, with their text: N-Quads (the memo's key, with ``plain``) and the
    share of the union graph as N-Triples."""

    __slots__ = ("units", "nquads", "plain", "quads", "size")

    def __init__(self, units: list[Unit], graph: str) -> None:
        self.units = units
        if len(units) == 1:
            unit = units[0]
            self.nquads = unit.nquads(graph).encode("utf-8")
            self.plain = unit.ntriples(pairs=False).encode("utf-8") if unit.plain else b""
            self.quads, self.size = len(unit.pairs), len(unit)
        else:
            self.nquads = "".join(unit.nquads(graph) for unit in units).encode("utf-8")
            self.plain = "".join(unit.ntriples(pairs=False) for unit in units).encode("utf-8")
            self.quads, self.size = sum(len(unit.pairs) for unit in units), sum(len(unit) for unit in units)

    @property
    def share(self) -> bytes:
        """Its share of the union graph (the pairs, then the plain triples), N-Triples: made for a segment the
        memo did not have."""
        return "".join(unit.ntriples() for unit in self.units).encode("utf-8")


def _segments(units: Iterable[Unit], graph: str) -> Iterator[_Segment]:
    current: list[Unit] = []
    for unit in units:
        if not unit.pairs and not unit.plain:
            continue
        if current and unit.subject != current[0].subject:
            yield _Segment(current, graph)
            current = []
        current.append(unit)
    if current:
        yield _Segment(current, graph)


def _trig(nquads: bytes, prefixes: dict[str, str]) -> bytes:
    """N-Quads as Oxigraph writes them in TriG, without the prefixes."""
    return body(ox.serialize(ox.parse(nquads, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.TRIG,
                             prefixes=prefixes) or b"", prefixes) if nquads else b""


def _turtle(ntriples: bytes, prefixes: dict[str, str]) -> bytes:
    """N-Triples as Oxigraph writes them in Turtle, without the prefixes."""
    return body(ox.serialize(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                             prefixes=prefixes) or b"", prefixes) if ntriples else b""


def _blocks(text: bytes, indent: bytes) -> list[bytes]:
    """Turtle (``indent`` b"") or a TriG graph's inside (b"\t") cut before each subject's first line."""
    starts = [0] + [m.start() + 1 for m in re.finditer(b"\n" + re.escape(indent) + b"[^\t]", text)]
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)])] if text else []


def write_merged(files: list[BinaryIO], units: Iterable[Unit], prefixes: Mapping[str, str], store: Segments, *,
                 graph: str, first: bool) -> tuple[int, bool]:
    """Write the merged graph's ``units`` (in the named graph ``graph``) into ``files`` (ttl, trig, nq, jsonld);
    ``first``: no JSON-LD node precedes it. Returns (union triples, any JSON-LD node). Without a memo file
    (``--no-cache``) nothing is kept for a next build, so the batches are serialized whole (:func:`write_batches`:
    the same bytes, and cheaper than a serialization per subject, ~9 s of CPU on the 2,344-article corpus).

    With one, a segment's bytes are looked up under a hash of its text (no Oxigraph object is made for a segment
    found), and the segments not found are serialized together, a batch at a time, their output cut per subject."""
    if store.path is None:
        return write_batches(files, units, prefixes, graph=graph, first=first)
    ttl, trig, nq, jsonld = files
    prefixes = dict(prefixes)
    compact = _Compactor(prefixes)
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    batch: list[tuple[_Segment, tuple[bytes, ...] | None]] = []
    size, triples, wrote = 0, 0, False

    def node(segment: _Segment) -> bytes:
        nodes = node_objects(jsonld_subjects(segment.units, compact), compact)
        return ",\n".join("  " + dumps(n) for n in nodes).encode("utf-8")

    def made_one(segment: _Segment) -> tuple[bytes, ...]:
        graph_block = _trig(segment.nquads, prefixes)
        head = graph_block.find(b"\n") + 1   # 'graph:merged {' ... '}' (nothing for a segment without quads)
        return (segment.nquads, graph_block[:head], graph_block[head:-2], _turtle(segment.share, prefixes),
                node(segment), segment.units[0].subject.encode())

    def made(segments: list[_Segment]) -> list[tuple[bytes, ...]]:
        """The values of ``segments`` (distinct subjects one after the other), serialized at once and cut."""
        graph_block = _trig(b"".join(s.nquads for s in segments), prefixes)
        head = graph_block.find(b"\n") + 1
        inner = _blocks(graph_block[head:-2], b"\t")
        turtle = _blocks(_turtle(b"".join(s.share for s in segments), prefixes), b"")
        with_quads = [s for s in segments if s.quads]
        if len(inner) != len(with_quads) or len(turtle) != len(segments):   # never seen: a line break in a term
            return [made_one(s) for s in segments]
        bodies = dict(zip(map(id, with_quads), inner))
        return [(s.nquads, graph_block[:head] if s.quads else b"", bodies.get(id(s), b""), t, node(s),
                 s.units[0].subject.encode()) for s, t in zip(segments, turtle)]

    def fill() -> None:
        """The values of the segments the memo did not have, made by runs of distinct subjects."""
        missing = [i for i, (_, v) in enumerate(batch) if v is None]
        run: list[int] = []
        for i in [*missing, None]:
            if i is None or run and batch[i][0].units[0].subject == batch[run[-1]][0].units[0].subject:
                for j, values in zip(run, made([batch[j][0] for j in run])):
                    store.put(store.key(batch[j][0].nquads, batch[j][0].plain), values)
                    batch[j] = (batch[j][0], values)
                run = []
            if i is not None:
                run.append(i)

    def flush() -> None:
        nonlocal first, wrote
        if not batch:
            return
        fill()
        done = [(segment, values) for segment, values in batch if values is not None]
        nq.write(b"".join(v[0] for _, v in done))
        if any(v[0] for _, v in done):
            trig.write(next(v[1] for _, v in done if v[0]) + b"".join(v[2] for _, v in done) + b"}\n")
        ttl.write(b"".join(v[3] for _, v in done))
        if len({v[5] for _, v in done}) == len(done):
            nodes = [v[4] for _, v in done]
        else:   # a subject in two segments: one node, as the batch's JSON-LD always had it
            nodes = [("  " + dumps(n)).encode("utf-8") for n in node_objects(
                jsonld_subjects([u for segment, _ in done for u in segment.units], compact), compact)]
        for n in nodes:
            jsonld.write(n if first else b",\n" + n)
            first, wrote = False, True
        batch.clear()

    for segment in _segments(units, graph):
        batch.append((segment, store.get(store.key(segment.nquads, segment.plain))))
        size += segment.quads
        triples += segment.size
        if size >= BATCH:
            flush()
            size = 0
    flush()
    return triples, wrote


def write_batches(files: list[BinaryIO], units: Iterable[Unit], prefixes: Mapping[str, str], *, graph: str,
                  first: bool) -> tuple[int, bool]:
    """:func:`write_merged` with nothing memoized: each bounded batch of whole subjects serialized at once."""
    ttl, trig, nq, jsonld = files
    prefixes = dict(prefixes)
    compact = _Compactor(prefixes)
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    batch: list[Unit] = []
    quads, triples, wrote = 0, 0, False

    def flush() -> None:
        nonlocal first, wrote
        nquads = "".join(unit.nquads(graph) for unit in batch).encode("utf-8")
        nq.write(nquads)
        trig.write(_trig(nquads, prefixes))
        ttl.write(_turtle("".join(unit.ntriples() for unit in batch).encode("utf-8"), prefixes))
        for node in node_objects(jsonld_subjects(batch, compact), compact):
            jsonld.write((("" if first else ",\n") + "  " + dumps(node)).encode("utf-8"))
            first, wrote = False, True
        batch.clear()

    for unit in units:
        batch.append(unit)
        quads += len(unit.pairs)
        triples += len(unit)
        if quads >= BATCH:
            flush()
            quads = 0
    flush()
    return triples, wrote
