"""Writing the merged graph's part of graph.nq, graph.trig, graph.ttl and graph.jsonld, a bounded batch of whole
subjects at a time, with each subject's bytes memoized between builds (:class:`kg.memo.Segments`).

The merged graph comes one unit at a time (:func:`kg.quads.merged_units`); consecutive units about the same
subject form one segment. A batch's N-Quads, TriG body, Turtle and JSON-LD nodes are its segments' ones
concatenated (Oxigraph writes each subject's triples as one block, and its TriG as one graph block around
them), so a segment whose quads and plain triples did not change since the last build, as the digest of what
they are made from (or their N-Quads text) says, is copied as bytes rather than made and serialized again (an
incremental build changes few subjects). The one
case a batch does not decompose, a subject in two segments of one batch (two relation labels sharing one
property IRI), has that batch's JSON-LD made as a whole, as it always was. A build without a cache (``--no-cache``)
keeps nothing for the next one, so it serializes each batch whole (:func:`write_batches`), the same bytes.
"""
from __future__ import annotations

import json
import re
import struct
from collections.abc import Iterable, Iterator, Mapping
from typing import BinaryIO

import pyoxigraph as ox

from kg.article_graph import body
from kg.export.jsonld import _Compactor, node_objects
from kg.memo import Segments
from kg.rdf_text import Later, Unit, jsonld_subjects, made

BATCH = 20_000   # quads of the merged graph serialized at once
_COUNTS = struct.Struct("<II")   # a segment's quads and triples, beside its bytes in the memo
# a JSON-LD node's text, as kg/export/jsonld.py writes it
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


class _Segment:
    """Consecutive units about one subject. Its memo key: a digest of the units' inputs when they all come as
    :class:`~kg.rdf_text.Later` (nothing is made for a segment the memo has), else a hash of its N-Quads and
    plain triples; its text is made on demand."""

    __slots__ = ("later", "graph", "_units", "_made", "_text")

    def __init__(self, units: list[Unit | Later], graph: str) -> None:
        self.later = all(type(unit) is Later for unit in units)
        self.graph = graph
        self._units = units
        self._made: list[Unit] | None = None
        self._text: tuple[bytes, bytes, int, int] | None = None

    @property
    def units(self) -> list[Unit]:
        if self._made is None:
            self._made = [made(unit) for unit in self._units]
        return self._made

    @property
    def subject(self) -> str:
        return self._units[0].subject

    def key(self, store: Segments) -> bytes:
        if self.later:
            return store.key(b"inputs", *(unit.key for unit in self._units))   # type: ignore[union-attr]
        nquads, plain, _, _ = self.text()
        return store.key(nquads, plain)

    def text(self) -> tuple[bytes, bytes, int, int]:
        """(N-Quads, plain triples as N-Triples, quads, triples)."""
        if self._text is None:
            units, graph = self.units, self.graph
            self._text = ("".join(unit.nquads(graph) for unit in units).encode("utf-8"),
                          "".join(unit.ntriples(pairs=False) for unit in units if unit.plain).encode("utf-8"),
                          sum(len(unit.pairs) for unit in units), sum(len(unit) for unit in units))
        return self._text

    @property
    def share(self) -> bytes:
        """Its share of the union graph (the pairs, then the plain triples), N-Triples: made for a segment the
        memo did not have."""
        return "".join(unit.ntriples() for unit in self.units).encode("utf-8")


def _segments(units: Iterable[Unit | Later], graph: str) -> Iterator[_Segment]:
    current: list[Unit | Later] = []
    for unit in units:
        if type(unit) is Unit and not unit.pairs and not unit.plain:   # type: ignore[union-attr]
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


def write_merged(files: list[BinaryIO], units: Iterable[Unit | Later], prefixes: Mapping[str, str], store: Segments, *,
                 graph: str, first: bool) -> tuple[int, bool]:
    """Write the merged graph's ``units`` (in the named graph ``graph``) into ``files`` (ttl, trig, nq, jsonld);
    ``first``: no JSON-LD node precedes it. Returns (union triples, any JSON-LD node). Without a memo file
    (``--no-cache``) nothing is kept for a next build, so the batches are serialized whole (:func:`write_batches`:
    the same bytes, and cheaper than a serialization per subject, ~9 s of CPU on the 2,344-article corpus).

    With one, a segment's bytes (and its counts) are looked up under a digest of its units' inputs (entities,
    statement groups: nothing is made for a segment found) or a hash of its text (relation declarations), and the
    segments not found are serialized together, a batch at a time, their output cut per subject."""
    if store.path is None:
        return write_batches(files, units, prefixes, graph=graph, first=first)
    ttl, trig, nq, jsonld = files
    prefixes = dict(prefixes)
    compact = _Compactor(prefixes)
    batch: list[tuple[_Segment, tuple[bytes, ...] | None]] = []
    keys: dict[int, bytes] = {}   # the memo key of each segment of the batch, by position
    size, triples, wrote = 0, 0, False

    def node(segment: _Segment) -> bytes:
        nodes = node_objects(jsonld_subjects(segment.units, compact), compact)
        return ",\n".join("  " + _dumps(n) for n in nodes).encode("utf-8")

    def made_one(segment: _Segment) -> tuple[bytes, ...]:
        nquads, _, quads, count = segment.text()
        graph_block = _trig(nquads, prefixes)
        head = graph_block.find(b"\n") + 1   # 'graph:merged {' ... '}' (nothing for a segment without quads)
        return (nquads, graph_block[:head], graph_block[head:-2], _turtle(segment.share, prefixes),
                node(segment), segment.subject.encode(), _COUNTS.pack(quads, count))

    def made_many(segments: list[_Segment]) -> list[tuple[bytes, ...]]:
        """The values of ``segments`` (distinct subjects one after the other), serialized at once and cut."""
        texts = [s.text() for s in segments]
        graph_block = _trig(b"".join(t[0] for t in texts), prefixes)
        head = graph_block.find(b"\n") + 1
        inner = _blocks(graph_block[head:-2], b"\t")
        turtle = _blocks(_turtle(b"".join(s.share for s in segments), prefixes), b"")
        with_quads = [s for s, t in zip(segments, texts) if t[2]]
        if len(inner) != len(with_quads) or len(turtle) != len(segments):   # never seen: a line break in a term
            return [made_one(s) for s in segments]
        bodies = dict(zip(map(id, with_quads), inner))
        return [(t[0], graph_block[:head] if t[2] else b"", bodies.get(id(s), b""), ttl, node(s),
                 s.subject.encode(), _COUNTS.pack(t[2], t[3])) for s, t, ttl in zip(segments, texts, turtle)]

    def fill() -> None:
        """The values of the segments the memo did not have, made by runs of distinct subjects."""
        missing = [i for i, (_, v) in enumerate(batch) if v is None]
        run: list[int] = []
        for i in [*missing, None]:
            if i is None or run and batch[i][0].subject == batch[run[-1]][0].subject:
                for j, values in zip(run, made_many([batch[j][0] for j in run])):
                    store.put(keys[j], values)
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
            nodes = [("  " + _dumps(n)).encode("utf-8") for n in node_objects(
                jsonld_subjects([u for segment, _ in done for u in segment.units], compact), compact)]
        for n in nodes:
            jsonld.write(n if first else b",\n" + n)
            first, wrote = False, True
        batch.clear()
        keys.clear()

    for segment in _segments(units, graph):
        key = segment.key(store)
        values = store.get(key)
        if values is None:
            _, _, quads, count = segment.text()
        else:
            quads, count = _COUNTS.unpack(values[6])
        keys[len(batch)] = key
        batch.append((segment, values))
        size += quads
        triples += count
        if size >= BATCH:
            flush()
            size = 0
    flush()
    return triples, wrote


def write_batches(files: list[BinaryIO], units: Iterable[Unit | Later], prefixes: Mapping[str, str], *, graph: str,
                  first: bool) -> tuple[int, bool]:
    """:func:`write_merged` with nothing memoized: each bounded batch of whole subjects serialized at once."""
    ttl, trig, nq, jsonld = files
    prefixes = dict(prefixes)
    compact = _Compactor(prefixes)
    batch: list[Unit] = []
    quads, triples, wrote = 0, 0, False

    def flush() -> None:
        nonlocal first, wrote
        nquads = "".join(unit.nquads(graph) for unit in batch).encode("utf-8")
        nq.write(nquads)
        trig.write(_trig(nquads, prefixes))
        ttl.write(_turtle("".join(unit.ntriples() for unit in batch).encode("utf-8"), prefixes))
        for node in node_objects(jsonld_subjects(batch, compact), compact):
            jsonld.write((("" if first else ",\n") + "  " + _dumps(node)).encode("utf-8"))
            first, wrote = False, True
        batch.clear()

    for later in units:
        unit = made(later)
        batch.append(unit)
        quads += len(unit.pairs)
        triples += len(unit)
        if quads >= BATCH:
            flush()
            quads = 0
    flush()
    return triples, wrote
