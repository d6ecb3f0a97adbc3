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
from collections.abc import Iterable, Mapping
from typing import BinaryIO

import pyoxigraph as ox

from kg.article_graph import body
from kg.export.jsonld import _Compactor, _nodes
from kg.memo import Segments

BATCH = 20_000   # quads of the merged graph serialized at once


class _Segment:
    __slots__ = ("quads", "plain")

    def __init__(self) -> None:
        self.quads: list[ox.Quad] = []
        self.plain: list[ox.Triple] = []

    def share(self) -> list[ox.Triple]:
        return [*(q.triple for q in self.quads), *self.plain]


def _segments(units: Iterable[tuple[list[ox.Quad], list[ox.Triple]]]) -> Iterable[_Segment]:
    current, subject = _Segment(), None
    for quads, plain in units:
        first = quads[0].subject if quads else plain[0].subject if plain else None
        if first is None:
            continue
        if subject is not None and first != subject:
            yield current
            current = _Segment()
        subject = first
        current.quads += quads
        current.plain += plain
    if subject is not None:
        yield current


def write_merged(files: list[BinaryIO], units: Iterable[tuple[list[ox.Quad], list[ox.Triple]]],
                 prefixes: Mapping[str, str], store: Segments, *, first: bool) -> tuple[int, bool]:
    """Write the merged graph's ``units`` into ``files`` (ttl, trig, nq, jsonld); ``first``: no JSON-LD node
    precedes it. Returns (union triples, any JSON-LD node). Without a memo file (``--no-cache``) nothing is kept
    for a next build, so the batches are serialized whole (:func:`write_batches`: the same bytes, and cheaper
    than a serialization per subject, ~9 s of CPU on the 2,344-article corpus)."""
    if store.path is None:
        return write_batches(files, units, prefixes, first=first)
    ttl, trig, nq, jsonld = files
    prefixes = dict(prefixes)
    compact = _Compactor(prefixes)
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    batch: list[tuple[_Segment, tuple[bytes, ...]]] = []
    size, triples, wrote = 0, 0, False

    def made(segment: _Segment, nquads: bytes) -> tuple[bytes, ...]:
        share = segment.share()
        graph_block = body(ox.serialize(segment.quads, format=ox.RdfFormat.TRIG, prefixes=prefixes) or b"", prefixes)
        head = graph_block.find(b"\n") + 1   # 'graph:merged {' ... '}' (nothing for a segment without quads)
        nodes = _nodes(share, compact)
        return (nquads, graph_block[:head], graph_block[head:-2],
                body(ox.serialize(share, format=ox.RdfFormat.TURTLE, prefixes=prefixes) or b"", prefixes),
                ",\n".join("  " + dumps(node) for node in nodes).encode("utf-8"), str(share[0].subject).encode())

    def flush() -> None:
        nonlocal first, wrote
        if not batch:
            return
        nq.write(b"".join(v[0] for _, v in batch))
        if any(v[0] for _, v in batch):
            trig.write(next(v[1] for _, v in batch if v[0]) + b"".join(v[2] for _, v in batch) + b"}\n")
        ttl.write(b"".join(v[3] for _, v in batch))
        if len({v[5] for _, v in batch}) == len(batch):
            nodes = [v[4] for _, v in batch]
        else:   # a subject in two segments: one node, as the batch's JSON-LD always had it
            nodes = [("  " + dumps(node)).encode("utf-8")
                     for node in _nodes([t for segment, _ in batch for t in segment.share()], compact)]
        for node in nodes:
            jsonld.write(node if first else b",\n" + node)
            first, wrote = False, True
        batch.clear()

    for segment in _segments(units):
        nquads = ox.serialize(segment.quads, format=ox.RdfFormat.N_QUADS) or b""
        plain = ox.serialize(segment.plain, format=ox.RdfFormat.N_TRIPLES) or b"" if segment.plain else b""
        key = store.key(nquads, plain)
        values = store.get(key)
        if values is None:
            values = made(segment, nquads)
            store.put(key, values)
        batch.append((segment, values))
        size += len(segment.quads)
        triples += len(segment.quads) + len(segment.plain)
        if size >= BATCH:
            flush()
            size = 0
    flush()
    return triples, wrote


def write_batches(files: list[BinaryIO], units: Iterable[tuple[list[ox.Quad], list[ox.Triple]]],
                  prefixes: Mapping[str, str], *, first: bool) -> tuple[int, bool]:
    """:func:`write_merged` with nothing memoized: each bounded batch of whole subjects serialized at once."""
    ttl, trig, nq, jsonld = files
    prefixes = dict(prefixes)
    compact = _Compactor(prefixes)
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    quads: list[ox.Quad] = []
    share: list[ox.Triple] = []
    triples, wrote = 0, False

    def flush() -> None:
        nonlocal first, wrote
        nq.write(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
        trig.write(body(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes) or b"", prefixes))
        ttl.write(body(ox.serialize(share, format=ox.RdfFormat.TURTLE, prefixes=prefixes) or b"", prefixes))
        for node in _nodes(share, compact):
            jsonld.write((("" if first else ",\n") + "  " + dumps(node)).encode("utf-8"))
            first, wrote = False, True
        quads.clear()
        share.clear()

    for unit, plain in units:
        quads += unit
        share += (q.triple for q in unit)
        share += plain
        triples += len(unit) + len(plain)
        if len(quads) >= BATCH:
            flush()
    flush()
    return triples, wrote
