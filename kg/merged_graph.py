"""Writing the merged graph's part of graph.nq, graph.trig, graph.ttl and graph.jsonld, a bounded batch of whole
subjects at a time, with each subject's bytes memoized between builds (:class:`kg.streams.Streams`).

The merged graph comes one unit at a time (:func:`kg.quads.merged_units`); consecutive units about the same
subject form one segment. A batch's N-Quads, TriG body, Turtle and JSON-LD nodes are its segments' ones
concatenated (Oxigraph writes each subject's triples as one block, and its TriG as one graph block around
them), so a segment whose quads and plain triples did not change since the last build, as the digest of what
they are made from (or their N-Quads text) says, is copied as bytes rather than made and serialized again (an
incremental build changes few subjects), and a run of such segments that the last build wrote one after the
other is one copy per file. The one case a batch does not decompose, a subject in two segments of one batch
(two relation labels sharing one property IRI), has that subject's JSON-LD node made from both, as the batch's
JSON-LD always had it. A build without a cache (``--no-cache``) keeps nothing for the next one, so it serializes
each batch whole (:func:`write_batches`), the same bytes.
"""
from __future__ import annotations

import json
import marshal
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import BinaryIO

import pyoxigraph as ox

from kg.article_graph import body
from kg.export.jsonld import _Compactor, node_objects
from kg.streams import Streams
from kg.rdf_text import Later, Unit, digest, jsonld_subjects, made

BATCH = 20_000   # quads of the merged graph serialized at once
# a JSON-LD node's text, as kg/export/jsonld.py writes it
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


class _Segment:
    """Consecutive units about one subject. Its memo key's text (:meth:`data`): the digest of its unit's inputs
    when it is one :class:`~kg.rdf_text.Later` (nothing is made for a segment the memo has), else its N-Quads and
    plain triples; its text is made on demand."""

    __slots__ = ("later", "graph", "_units", "_made", "_text")

    def __init__(self, units: list[Unit | Later], graph: str) -> None:
        self.later = len(units) == 1 and type(units[0]) is Later
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

    def data(self) -> bytes:
        if self.later:
            return b"I" + digest(self._units[0].inputs())   # type: ignore[union-attr]
        nquads, plain, _, _ = self.text()
        return b"T" + marshal.dumps((nquads, plain), 2)

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


def _graph_head(graph: str, prefixes: dict[str, str]) -> bytes:
    """The line Oxigraph opens the named graph ``graph`` with in TriG ('graph:merged {')."""
    probe = f"<urn:kg:probe> <urn:kg:probe> <urn:kg:probe> <{graph}> .\n".encode()
    block = _trig(probe, prefixes)
    return block[:block.find(b"\n") + 1]


def write_merged(files: list[BinaryIO], units: Iterable[Unit | Later], prefixes: Mapping[str, str], store: Streams,
                 *, graph: str, first: bool) -> tuple[int, bool]:
    """Write the merged graph's ``units`` (in the named graph ``graph``) into ``files`` (ttl, trig, nq, jsonld);
    ``first``: no JSON-LD node precedes it. Returns (union triples, any JSON-LD node). Without a memo file
    (``--no-cache``) nothing is kept for a next build, so the batches are serialized whole (:func:`write_batches`:
    the same bytes, and cheaper than a serialization per subject, ~9 s of CPU on the 2,344-article corpus).

    With one, a segment's bytes (N-Quads, TriG body, Turtle, JSON-LD node) and counts are looked up under its
    units' inputs (entities, statement groups: nothing is made for a segment found) or its text (relation
    declarations). Found segments whose records follow each other in the memo (as the last build wrote them) are
    copied as one slice per file; the segments not found are serialized together, a batch at a time, their
    output cut per subject, and stored."""
    if store.path is None:
        return write_batches(files, units, prefixes, graph=graph, first=first)
    ttl, trig, nq, jsonld = files
    prefixes = dict(prefixes)
    compact = _Compactor(prefixes)
    head = _graph_head(graph, prefixes)
    # the batch: [first record, last record, segment, values, key]: a run of found records of Later segments
    # (no segment kept), a found Unit segment (its subject may come twice in one batch), or a segment the memo
    # lacks (values made at the flush)
    batch: list[list] = []
    size, triples, wrote = 0, 0, False
    key, find, counts, span, look_up = store.key, store.find, store.counts, store.span, store.look_up
    dumps = marshal.dumps

    def node(segment: _Segment) -> bytes:
        nodes = node_objects(jsonld_subjects(segment.units, compact), compact)
        return "".join(",\n  " + _dumps(n) for n in nodes).encode("utf-8")

    def made_one(segment: _Segment) -> tuple[bytes, ...]:
        nquads, _, _, _ = segment.text()
        graph_block = _trig(nquads, prefixes)
        start = graph_block.find(b"\n") + 1   # 'graph:merged {' ... '}' (nothing for a segment without quads)
        return nquads, graph_block[start:-2], _turtle(segment.share, prefixes), node(segment)

    def made_many(segments: list[_Segment]) -> list[tuple[bytes, ...]]:
        """The values of ``segments`` (distinct subjects one after the other), serialized at once and cut."""
        texts = [s.text() for s in segments]
        graph_block = _trig(b"".join(t[0] for t in texts), prefixes)
        start = graph_block.find(b"\n") + 1
        inner = _blocks(graph_block[start:-2], b"\t")
        turtle = _blocks(_turtle(b"".join(s.share for s in segments), prefixes), b"")
        with_quads = [s for s, t in zip(segments, texts) if t[2]]
        if len(inner) != len(with_quads) or len(turtle) != len(segments):   # never seen: a line break in a term
            return [made_one(s) for s in segments]
        bodies = dict(zip(map(id, with_quads), inner))
        return [(t[0], bodies.get(id(s), b""), ttl, node(s)) for s, t, ttl in zip(segments, texts, turtle)]

    def fill() -> None:
        """The values of the segments the memo did not have, made by runs of distinct subjects."""
        missing = [item for item in batch if item[0] is None]
        run: list[list] = []
        for item in [*missing, None]:
            if item is None or run and item[2].subject == run[-1][2].subject:
                for done, values in zip(run, made_many([i[2] for i in run])):
                    _, _, quads, count = done[2].text()
                    store.put(done[4], values, (quads, count))
                    done[3] = values
                run = []
            if item is not None:
                run.append(item)

    def nodes() -> bytes:
        """The batch's JSON-LD nodes, each after ",\n"; a subject in two segments has one node, as the batch's
        JSON-LD always had it (only Unit segments can share a subject)."""
        parts = [item[3][3] if item[0] is None else span(3, item[0], item[1]) for item in batch]
        subjects = [item[2].subject for item in batch if item[2] is not None and not item[2].later]
        if len(set(subjects)) == len(subjects):
            return b"".join(parts)
        twice = {s for s, n in Counter(subjects).items() if n > 1}
        pieces, done = [], set()
        for item, part in zip(batch, parts):
            segment = item[2]
            if segment is None or segment.later or segment.subject not in twice:
                pieces.append(part)
            elif segment.subject not in done:
                done.add(segment.subject)
                pieces.append("".join(",\n  " + _dumps(n) for n in node_objects(jsonld_subjects(
                    [u for i in batch if i[2] is not None and not i[2].later and i[2].subject == segment.subject
                     for u in i[2].units], compact), compact)).encode("utf-8"))
        return b"".join(pieces)

    def flush(quads: int) -> None:
        nonlocal first, wrote
        if not batch:
            return
        fill()
        nq.writelines([item[3][0] if item[0] is None else span(0, item[0], item[1]) for item in batch])
        if quads:
            trig.write(head)
            trig.writelines([item[3][1] if item[0] is None else span(1, item[0], item[1]) for item in batch])
            trig.write(b"}\n")
        ttl.writelines([item[3][2] if item[0] is None else span(2, item[0], item[1]) for item in batch])
        text = nodes()
        if text:
            jsonld.write(text[2:] if first else text)
            first, wrote = False, True
        batch.clear()

    def place(segment: _Segment) -> tuple[int, int]:
        """A segment of Units into the batch, found or to be made; returns its (quads, triples)."""
        k = key(segment.data())
        p = find(k)
        if p is None:
            _, _, quads, count = segment.text()
            batch.append([None, None, segment, None, k])
            return quads, count
        batch.append([p, p, segment, None, k])
        return counts(p)

    current: list[Unit | Later] = []   # consecutive non-empty Units about one subject
    for unit in units:
        if type(unit) is Later:   # one segment (its subject is no other unit's): found, or placed to be made
            if current:
                quads, count = place(_Segment(current, graph))
                current = []
                size += quads
                triples += count
                if size >= BATCH:
                    flush(size)
                    size = 0
            try:   # digest(), inline
                k, p, quads, count = look_up(b"Im" + dumps(unit.inputs(), 2))   # type: ignore[union-attr]
            except ValueError:
                k, p, quads, count = look_up(b"I" + digest(unit.inputs()))   # type: ignore[union-attr]
            if p is None:
                segment = _Segment([unit], graph)
                _, _, quads, count = segment.text()
                batch.append([None, None, segment, None, k])
            else:
                last = batch[-1] if batch else None
                if last is not None and last[2] is None and last[1] + 1 == p:
                    last[1] = p
                else:
                    batch.append([p, p, None, None, k])
        elif not unit.pairs and not unit.plain:   # type: ignore[union-attr]
            continue
        elif not current or unit.subject == current[0].subject:
            current.append(unit)
            continue
        else:
            quads, count = place(_Segment(current, graph))
            current = [unit]
        size += quads
        triples += count
        if size >= BATCH:
            flush(size)
            size = 0
    if current:
        quads, count = place(_Segment(current, graph))
        size += quads
        triples += count
    flush(size)
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
        if quads >= BATCH and unit.subject != batch[-1].subject:   # a subject's consecutive units in one batch,
            flush()                                                 # as write_merged keeps them (one segment)
            quads = 0
        batch.append(unit)
        quads += len(unit.pairs)
        triples += len(unit)
    flush()
    return triples, wrote
