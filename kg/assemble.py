"""The parent's side of a build: collect per-article chunks, merge entities, write every export streaming.

Results arrive one by one (from the cache or a worker). Each one's :class:`~kg.article_graph.ArticleGraph`
chunks go to a file on disk at once (:mod:`kg.chunk_pack`, kept with the cache: an incremental
build finds an unchanged article's chunks there); the parent keeps only what the cross-article merge needs: the
article's entities, its statements' :class:`~kg.quads.FactRow` and a few numbers. Memory is bounded by the
merged graph (entities and edge aggregates), not by the corpus's statements and evidence.

:meth:`Assembly.write` then merges the entities, aggregates the edges once (:class:`~kg.quads.Groups`: the
merged graph's statement groups and the visual exports' edges), and writes graph.nq, graph.trig, graph.ttl
and graph.jsonld in one pass over the spool, article graphs in graph-IRI order and the merged graph last,
followed by the visual exports. Only articles holding a statement about a key the merge joined into another
entity get their chunks rebuilt, from one parse (:func:`kg.article_graph.rebuilt`): the statement moves to the
joined entity, or goes if it became a self-loop.
"""
from __future__ import annotations

import functools
import gc
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, TypeVar

import pyoxigraph as ox

from kg.beside import beside
from kg.article_graph import ArticleGraph, article_graph, rebuilt
from kg.evidence import EdgeKey, Evidence, edge_keys, gather
from kg.export.html import write_html
from kg.export.neo4j import FILES as NEO4J_FILES
from kg.export.visual import write_visual
from kg.graph import prefixes as export_prefixes
from kg.records import records
from kg.chunk_pack import ChunkPack
from kg.memo import Memo, Table
from kg.streams import Streams
from kg.merged_graph import write_merged
from kg.iri import article_iri, entity_iri, entity_iri_text, group_iri, merged_graph_iri, relation_iri, statement_iri
from kg.models import Article, ArticleResult, Entity
from kg.quads import FactRow, Groups, _n, merged_units, relation_iri_text
from kg.safe_text import clean_text
from kg.views import select_records

RDF_NAMES = ("graph.ttl", "graph.trig", "graph.nq", "graph.jsonld")
VISUAL_NAMES = ("graph.graphml", "graph.gexf", "graph.html", "nodes.csv", "edges.csv", *NEO4J_FILES)
# the merged graph's and the visual exports' memos before kg.streams and kg.export.runs
OLD_MEMOS = ("merged.segments", "merged.segments.index", "visual.segments", "visual.segments.index")
T = TypeVar("T")
# with -j 2, a build whose merge found this share of its unions in the memo (an incremental build) writes the
# article graphs beside the merged graph and forks only the visual exports: copied from the memos, the two halves
# take about as long (full corpus +1 at -j 1: article graphs 0.5 s + merged graph 1.5 s, visual exports 2.4 s),
# while a clean build's merged graph alone outlasts them
FOUND = 0.9


def _without_gc(method: Callable[..., T]) -> Callable[..., T]:
    """``method`` run with the cyclic garbage collector paused (and resumed after): the merge and the exports
    make millions of short-lived objects beside the corpus's long-lived ones, and each full collection walked
    all of them again (full-corpus replay: ~55 -> ~40 s CPU, the same peak RSS; reference counting still
    frees everything that is not in a cycle)."""
    @functools.wraps(method)
    def paused(*args: object, **kwargs: object) -> T:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return method(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()
    return paused


@dataclass(frozen=True, slots=True)
class _Entry:
    article_id: str
    date: str | None
    graph: str
    rows: tuple[FactRow, ...]
    offset: int          # where its chunks start in the spool
    sizes: tuple[int, int, int, int, int]   # nquads, trig, turtle, jsonld, sentences
    triples: int
    title: str = ""      # as exported (schema:headline, schema:url): the viewer's evidence names the article
    url: str = ""
    renames: tuple[tuple[str, str], ...] = ()   # IRIs the merge changed in its chunks (old, new)


def _kept_name(article: Article, identity: bytes) -> bytes:
    """What names an article's values kept for the next build (:meth:`Assembly.known`): the result's identity
    (its cache key), and the one field of the article that key does not hash, its metadata, if it has any."""
    if not article.metadata:
        return identity
    return hashlib.blake2b(identity + repr(article.metadata).encode("utf-8", "surrogatepass"), digest_size=16).digest()


class Assembly:
    """Per-article chunks in, a complete set of exports out (see the module doc)."""

    def __init__(self, base: str, memo: Memo | None = None) -> None:
        self.base = base
        self.memo = memo or Memo(None)   # rebuilt chunks of unchanged inputs, kept from one build to the next
        self.prefixes = export_prefixes(base)
        folder = self.memo.folder
        salt = self.memo.salt.decode()
        # every article's chunks, kept from one build to the next with the cache (a temporary file without one)
        self.pack = ChunkPack(folder / "chunks.pack" if folder is not None else None, salt)
        # what this process keeps of each result (its entities and statement rows), by the result's identity:
        # an unchanged article's is found here and its chunks in the pack, its cached result not even read
        self._kept = Table(folder / "articles.pickle" if folder is not None else None, salt)
        self._known: dict[bytes, tuple] | None = None    # read at the first ask (:meth:`known`)
        self._keep: dict[bytes, tuple] = {}              # this build's, for the next one
        self.entries: list[_Entry] = []
        self.entities: list[Entity] = []
        self.ids: list[bytes] | None = []   # each entity's name for the merge's memo (None: some result has none)
        self.statements = 0      # after the merge: the statements in the graph
        self.triples = 0         # after writing: the union graph's size
        self.merged: dict[str, Entity] = {}
        self._iris: dict[str, str] = {}
        self.found = 0.0         # after the merge: the share of its unions the memo held (an incremental build: ~1)
        self._prepared: tuple | None = None   # the merge's memo and first unions, made ahead (prepare)

    def close(self, kept: bool = False) -> None:
        """Close the chunk file; ``kept``: the build succeeded, what it stored is kept for the next one."""
        try:
            if kept:
                self._kept.save(self._keep)
                self.pack.commit()
        finally:
            self.pack.close()

    def add(self, result: ArticleResult, identity: bytes | None = None) -> None:
        """Spool ``result``'s chunks and keep what the merge needs. ``identity``: a name of the result (equal names,
        equal results: its cache key), so the merge finds what it made of the same results before, and the
        next build finds what this one kept of it (:meth:`known`)."""
        chunk = result.graph
        if not isinstance(chunk, ArticleGraph):   # a result made elsewhere (a test, another engine): build it here
            chunk = article_graph(result, self.base, self.prefixes)
        parts = (chunk.nquads, chunk.trig, chunk.turtle, chunk.jsonld, chunk.sentences)
        name = _kept_name(result.article, identity) if identity is not None else None
        offset = self.pack.append(parts, name)
        sizes = tuple(len(p) for p in parts)
        if name is not None:
            self._keep[name] = (result.entities, chunk.graph, chunk.rows, sizes, chunk.triples)
        self._entry(result.article, result.entities, chunk.graph, chunk.rows, offset, sizes, chunk.triples,
                    identity)

    def known(self, article: Article, identity: bytes) -> bool:
        """Add ``article`` from what an earlier build kept of its result under ``identity`` (its cache key: the
        same content, code, model and base IRI) and its chunks where that build stored them; False (nothing
        added) when either is missing: its result is then read and :meth:`add` ed."""
        if self._known is None:
            self._known = self._kept.load()
        name = _kept_name(article, identity)
        kept = self._known.get(name)
        if kept is None:
            return False
        where = self.pack.find(name)
        if where is None or where[1] != sum(kept[3]):
            return False
        self._keep[name] = kept
        entities, graph, rows, sizes, triples = kept
        self._entry(article, entities, graph, rows, where[0], sizes, triples, identity)
        return True

    def _entry(self, article: Article, entities: tuple[Entity, ...], graph: str, rows: tuple[FactRow, ...],
               offset: int, sizes: tuple[int, ...], triples: int, identity: bytes | None) -> None:
        self.entries.append(_Entry(article.id, article.date, graph, rows, offset, sizes,   # type: ignore[arg-type]
                                   triples, clean_text(article.title or ""), clean_text(article.url or "")))
        self.entities.extend(entities)
        if identity is None or self.ids is None:
            self.ids = None
        else:
            self.ids.extend(identity + i.to_bytes(4, "little") for i in range(len(entities)))

    def _entity_iri(self, key: str) -> str:
        """An entity key's IRI, made once per build (the visual exports' view and the evidence both ask)."""
        iri = self._iris.get(key)
        if iri is None:
            iri = self._iris[key] = entity_iri_text(key, self.base)
        return iri

    def _read(self, offset: int, size: int) -> bytes:
        """Spooled bytes, read without moving the file's offset (a forked process reads the same spool)."""
        return self.pack.read(offset, size)

    def _chunk(self, entry: _Entry) -> ArticleGraph:
        whole = self._read(entry.offset, sum(entry.sizes))
        parts, start = [], 0
        for size in entry.sizes:
            parts.append(whole[start:start + size])
            start += size
        return ArticleGraph(entry.graph, entry.rows, parts[0], parts[1], parts[2], parts[3], entry.triples, parts[4])

    def evidence(self, groups: Groups, wanted: set[EdgeKey], per_edge: int = 3,
                 among: Iterable[tuple[str, str, str]] | None = None) -> Evidence:
        """The evidence of the ``wanted`` edges (:func:`kg.evidence.gather`), from the statement groups and the
        sentences the workers sent with each article's chunks: graph.ttl is not read back. ``among``: the keys
        of the only groups that can be ``wanted`` edges, if the caller knows them (all groups otherwise)."""
        base = self.base
        chosen = []
        ent = self._entity_iri
        items = groups.items
        for key in (items if among is None else dict.fromkeys(among)):
            group = items[key]
            s, label, o = key
            edge = (ent(s), relation_iri_text(label), ent(o))
            if edge in wanted:
                chosen.append((str(group_iri(s, label, o, base)), edge, group))
        chosen.sort(key=lambda c: c[0])
        needed = {iri for _, _, group in chosen for iri in group.statements}
        statements: dict[str, tuple[str, str]] = {}
        articles: dict[str, tuple[str, str, str]] = {}
        for entry in self.entries:
            hits = [i for i, row in enumerate(entry.rows) if row.statement in needed and self._keeps(row)]
            if not hits:
                continue
            sentences = json.loads(self._read(entry.offset + sum(entry.sizes[:4]), entry.sizes[4]))
            article = str(article_iri(entry.article_id, base))
            articles[article] = (entry.title, clean_text(entry.date or ""), entry.url)
            for i in hits:
                statements.setdefault(entry.rows[i].statement, (sentences[i], article))
        return gather(((edge, group.statements) for _, edge, group in chosen), statements, articles,
                      per_edge=per_edge)

    def _table(self) -> Table:
        return Table(self.memo.folder / "merge.pickle" if self.memo.folder is not None and self.ids is not None
                     else None, self.memo.salt.decode() + "|unions, one part as PART")

    @_without_gc
    def prepare(self) -> None:
        """What :meth:`merge` needs before any result, done ahead (while a forked process parses the few new
        articles of an incremental build): the merge's code and its memo of unions (``merge.pickle``)."""
        from kg.resolve.merge import UnionsAhead

        table = self._table()
        known = table.load()
        # the first unions of the entities so far: the merge makes again only those the rest touch
        ahead = UnionsAhead(self.entities, self.ids, known) if self.ids is not None else None
        self._prepared = (table, known, ahead)

    @_without_gc
    def merge(self) -> Groups:
        """Merge the entities across articles and aggregate the statements that stay (articles by id)."""
        from kg.resolve import merge_entities, moved_keys   # lazily: exporting and querying never need spaCy

        self.pack.flush()   # read with os.pread from now on
        self.entries.sort(key=lambda e: e.article_id)
        prepared, self._prepared = self._prepared, None
        table, known, ahead = prepared if prepared is not None and self.ids is not None else (None, None, None)
        if table is None or known is None:
            table = self._table()
            known = table.load()
        used: dict[bytes, Entity] = {}
        entities = merge_entities(self.entities, ids=self.ids, known=known, used=used, ahead=ahead)
        self.found = sum(name in known for name in used) / len(used) if used else 0.0
        table.save(used)   # this build's unions, found by the next one
        if moved := moved_keys(entities):   # a key joined into another across the corpus keeps its statements
            self.entries = [self._moved(entry, moved) for entry in self.entries]
        used = {k for e in self.entries for row in e.rows for k in (row.subject, row.object, row.attribution) if k}
        # named entities always become nodes; article-local concepts only when a statement uses them
        self.merged = {k: e for k, e in entities.items() if e.type != "Concept" or k in used}
        self.entities = []
        groups = Groups()
        self.statements = 0
        for entry in self.entries:
            for row in entry.rows:
                if self._keeps(row):
                    groups.add(entry.article_id, entry.date, row)
                    self.statements += 1
        return groups

    def _moved(self, entry: _Entry, moved: dict[str, str]) -> _Entry:
        """``entry`` with its statements' keys joined as the merge joined them, and the IRIs to rename."""
        if not any(k in moved for row in entry.rows for k in (row.subject, row.object, row.attribution)):
            return entry
        rows, renames = [], {}
        for row in entry.rows:
            new = replace(row, subject=moved.get(row.subject, row.subject), object=moved.get(row.object, row.object),
                          attribution=moved.get(row.attribution, row.attribution) if row.attribution else None)
            if new != row:
                for old_key in (row.subject, row.object, row.attribution):
                    if old_key in moved:
                        renames[str(entity_iri(old_key, self.base))] = str(entity_iri(moved[old_key], self.base))
                if (new.subject, new.object) != (row.subject, row.object):
                    new = replace(new, statement=str(statement_iri(
                        entry.article_id, new.subject, row.relation, new.object, row.polarity, row.modality,
                        row.start, row.end, base=self.base)))
                    renames[row.statement] = new.statement
            rows.append(new)
        return replace(entry, rows=tuple(rows), renames=tuple(sorted(renames.items())))

    def _keeps(self, row: FactRow) -> bool:
        return row.subject != row.object and row.subject in self.merged and row.object in self.merged

    def _final(self, entry: _Entry) -> tuple[bytes | memoryview, bytes | memoryview, bytes | memoryview,
                                              bytes | memoryview, int]:
        """The entry's chunks (nquads, trig, turtle, jsonld) and triples, rebuilt without the statements the merge
        dropped (if it has any); else its spooled bytes as they are, read at once."""
        # a self-loop from the start has no quads; one the merge made (two keys joined) still has them
        merged = self.merged   # self._keeps, inline: every statement of the corpus passes here
        dropped = [r for r in entry.rows if r.subject == r.object or r.subject not in merged or r.object not in merged]
        if not dropped and not entry.renames:
            a, b, c, d = entry.sizes[:4]
            whole = memoryview(self._read(entry.offset, a + b + c + d))
            return whole[:a], whole[a:a + b], whole[a + b:a + b + c], whole[a + b + c:], entry.triples
        chunk = self._chunk(entry)
        plain = {self._plain(r) for r in dropped if r.asserted is not None}
        if plain:   # less those a kept statement asserts too: one of the same two entities (entity IRIs never collide)
            ends = {(r.subject, r.object) for r in dropped if r.asserted is not None}
            plain -= {self._plain(r) for r in entry.rows
                      if (r.subject, r.object) in ends and r.asserted is not None and self._keeps(r)}
        statements = {r.statement for r in dropped}
        inputs = (chunk.graph.encode(), chunk.nquads, chunk.sentences, self.base.encode(),
                  json.dumps(sorted(self.prefixes.items())).encode(), json.dumps(entry.renames).encode(),
                  "\n".join(sorted(statements)).encode(), "\n".join(sorted(plain)).encode())
        return self.memo.get_or_make("rebuilt", inputs, lambda: _parts(rebuilt(
            chunk, self.base, self.prefixes, renames=dict(entry.renames), statements=statements, triples=plain)))

    def _plain(self, row: FactRow) -> str:
        return str(ox.Triple(_n(str(entity_iri(row.subject, self.base))), _n(str(relation_iri(row.asserted or ""))),
                             _n(str(entity_iri(row.object, self.base)))))

    def _write_rdf(self, paths: list[Path], groups: Groups, lap: Callable[[str], None]) -> None:
        """The RDF files whole, in this process: the article graphs, then the merged graph."""
        with _opened(paths, "wb") as files:
            triples, wrote = self._write_articles(files)
            lap("article graphs")
            more, wrote_more = self._write_merged(files, groups, first=not wrote)
            files[3].write(b"\n ]}\n" if wrote or wrote_more else b" ]}\n")
        self.triples = triples + more
        lap("merged graph")

    @_without_gc
    def write(self, folder: Path, groups: Groups, lap: Callable[[str], None] = lambda stage: None, *,
              parallel: bool = False) -> list[Path]:
        """Write every export into ``folder``; returns their paths.

        ``parallel`` (for a build given two cores or more): a forked process writes the article graphs' part of
        the RDF files and the visual exports while this one writes the merged graph's part into temporary files,
        appended at the end; in an incremental build (:data:`FOUND`) the forked process writes only the visual
        exports and this one the whole RDF files. The same bytes either way."""
        if self.memo.folder is not None:   # memos of earlier versions, which no build reads any more
            for name in OLD_MEMOS:
                (self.memo.folder / name).unlink(missing_ok=True)
        paths = [folder / name for name in RDF_NAMES]
        visual = [folder / name for name in VISUAL_NAMES]
        if not parallel:
            self._write_rdf(paths, groups, lap)
            self._write_visual(folder, groups)
            lap("visual exports")
            return [*paths, *visual]
        if self.found >= FOUND:   # incremental: the merged graph is mostly copied, the visual exports take longer
            with beside(lambda: self._write_visual(folder, groups)):
                self._write_rdf(paths, groups, lap)
            lap("visual exports")   # what was left of them (forked) once the RDF files were written
            return [*paths, *visual]
        parts = [folder / f".{name}.merged.tmp" for name in RDF_NAMES]
        with beside(lambda: self._articles_and_visual(paths, folder, groups)) as child:
            with _opened(parts, "wb") as files:
                more, wrote_more = self._write_merged(files, groups, first=True)
            lap("merged graph")
        triples, wrote = child.value
        lap("article graphs+visual exports")   # what was left of them (forked) once the merged graph was written
        with _opened(paths, "ab") as files:
            for part, out in zip(parts, files):
                if out is files[3] and wrote and wrote_more:
                    out.write(b",\n")
                with part.open("rb") as src:
                    shutil.copyfileobj(src, out, 1 << 20)
                part.unlink()
            files[3].write(b"\n ]}\n" if wrote or wrote_more else b" ]}\n")
        self.triples = triples + more
        lap("appended")
        return [*paths, *visual]

    def _articles_and_visual(self, paths: list[Path], folder: Path, groups: Groups) -> tuple[int, bool]:
        with _opened(paths, "wb") as files:
            done = self._write_articles(files)
        self._write_visual(folder, groups)
        return done

    def _write_articles(self, files: list[BinaryIO]) -> tuple[int, bool]:
        """The prefixes and every article graph (graph-IRI order); returns (union triples, any JSON-LD node)."""
        header = prefix_lines(self.prefixes)
        ttl, trig, nq, jsonld = files
        ttl.write(header)
        trig.write(header)
        jsonld.write(b'{"@context": ' + json.dumps({"@version": 1.1, **dict(sorted(self.prefixes.items()))},
                                                   ensure_ascii=False, indent=1).encode() + b',\n "@graph": [\n')
        first, triples = True, 0
        for entry in sorted(self.entries, key=lambda e: f"<{e.graph}>"):
            nquads, trig_block, turtle, nodes, count = self._final(entry)
            nq.write(nquads)
            trig.write(trig_block)
            ttl.write(turtle)
            if nodes:
                if not first:
                    jsonld.write(b",\n")
                jsonld.write(nodes)
                first = False
            triples += count
        return triples, not first

    def _write_merged(self, files: list[BinaryIO], groups: Groups, *, first: bool) -> tuple[int, bool]:
        """The merged graph (:func:`kg.merged_graph.write_merged`); ``first``: no JSON-LD node precedes it.
        Returns (union triples, any JSON-LD node)."""
        units = merged_units(self.merged, {e.article_id for e in self.entries}, groups, self.base)
        folder = self.memo.folder
        salt = self.memo.salt.decode() + json.dumps(sorted(self.prefixes.items()))
        with Streams(folder / "merged.streams" if folder is not None else None, 4, salt) as store:
            return write_merged(files, units, self.prefixes, store, graph=str(merged_graph_iri(self.base)),
                                first=first)

    def _write_visual(self, folder: Path, groups: Groups) -> None:
        picture = records(self.merged, groups, base=self.base, iri=self._entity_iri)
        memo = self.memo.folder
        # each run of unchanged nodes and edges copied from the previous build's files
        write_visual(picture, folder, memo / "visual" if memo is not None else None, self.memo.salt.decode())
        # graph.html is the default view (readable at corpus scale); the other visual exports are the whole graph
        page = select_records(picture)
        # an edge of the page is a group's between two of its nodes, each with an IRI of its own: the groups
        # of the page's edges are all the groups the evidence can be of (the default view keeps every edge
        # between two of its nodes), unless two entities' IRIs are one (then all groups are looked at)
        among = None
        if len({row[3] for row in picture.nodes}) == len(picture.nodes):
            shown = set(page.edges(keys=True))
            among = [key for key, row in zip(picture.groups, picture.edges) if (row[0], row[1], row[2]) in shown]
        write_html(page, folder / "graph.html", evidence=self.evidence(groups, edge_keys(page), among=among))


def _parts(chunk: ArticleGraph) -> tuple[bytes, bytes, bytes, bytes, int]:
    """What :func:`kg.article_graph.rebuilt` changes in a chunk (its graph, rows and sentences stay)."""
    return chunk.nquads, chunk.trig, chunk.turtle, chunk.jsonld, chunk.triples


@contextmanager
def _opened(paths: list[Path], mode: str) -> Iterator[list[BinaryIO]]:
    files: list[BinaryIO] = []
    try:
        for path in paths:
            files.append(path.open(mode))  # type: ignore[arg-type]
        yield files
    finally:
        for f in files:
            f.close()


def prefix_lines(prefixes: dict[str, str]) -> bytes:
    """The ``@prefix`` lines Oxigraph writes at the top of Turtle/TriG with ``prefixes``."""
    probe = ox.Triple(ox.NamedNode("urn:kg:probe"), ox.NamedNode("urn:kg:probe"), ox.NamedNode("urn:kg:probe"))
    text = ox.serialize([probe], format=ox.RdfFormat.TURTLE, prefixes=prefixes) or b""
    end = 0
    while text.startswith(b"@prefix ", end):
        end = text.index(b"\n", end) + 1
    return text[:end]
