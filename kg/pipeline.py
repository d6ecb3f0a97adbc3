"""The build: read -> parse -> extract/resolve -> merge -> export. I/O only at the two ends."""
from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib
import os
import queue
import threading
from functools import lru_cache
import pickle
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph as ox

from kg import DEFAULT_MODEL, EXTRACTOR_VERSION
from kg.budget import DEFAULT_SECONDS
from kg.data import ontology_dir
from kg.errors import InputError
from kg.export import RDF_EXPORTS, write_graphml
from kg.export.gexf import write_gexf
from kg.evidence import collect as collect_evidence, edge_keys
from kg.export.html import write_html
from kg.export.tables import write_csv
from kg.export.neo4j import write_neo4j
from kg.views import select
from kg.assemble import Assembly
from kg.beside import Outcome, beside
from kg.graph import KnowledgeGraph, to_networkx, to_quads
from kg.quads import FactRow, Groups
from kg.iri import check_base
from kg.memo import Memo, Table, pickled_by_fields
from kg.article_graph import ArticleGraph
from kg.models import Article, ArticleResult, Entity, Evidence, Mention, Skipped, Statement
from kg.engines import run as run_engine, run_processes
from kg.worker import analyze_batch
from kg.output_folder import prepare_output_folder
from kg.publish import locked, publish
from kg.readers import Lines, read_paths
from kg.vocab import DEFAULT_BASE

CACHE_DIR = ".kg-cache"
FEW = 16   # articles to parse (beside cached ones) that a build with -j 2 or more parses in its own process
# what the cache and the merge's memo hold, read back by every incremental build
pickled_by_fields(Article, ArticleResult, Entity, Mention, Statement, Evidence, FactRow, ArticleGraph)


@dataclass
class BuildSummary:
    """What a build did, for the end-of-run report."""

    articles: int = 0
    parsed: int = 0
    cached: int = 0
    statements: int = 0
    entities: int = 0
    triples: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)   # stage name -> wall seconds, in build order

    def stage_report(self) -> str:
        """``"read 0.1s, analyze 12.0s, ..."``: where the time went."""
        return ", ".join(f"{name} {seconds:.1f}s" for name, seconds in self.stages.items())


class _Stopwatch:
    """Adds the wall time since the last lap to a named stage of the summary."""

    def __init__(self, summary: BuildSummary) -> None:
        self.summary = summary
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.summary.stages[stage] = self.summary.stages.get(stage, 0.0) + now - self.last
        self.last = now


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the code and data that turn a parse into a result, so any change invalidates the cache."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    files = sorted(root.rglob("*.py")) + sorted(p for p in ontology_dir().rglob("*") if p.is_file())
    for path in files:
        if path.is_file():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


class _Cache:
    """Per-article results keyed by content hash, extractor version and model (incremental builds)."""

    def __init__(self, folder: Path | None, model: str, base: str = DEFAULT_BASE) -> None:
        self.folder = folder
        self.model = model
        self.base = base     # a result holds its article's graph, whose IRIs are under the base

    def key(self, article: Article) -> str:
        """What names ``article``'s result: its content, the code, the model and the base IRI."""
        return hashlib.sha256(f"{article.sha256}|{EXTRACTOR_VERSION}|{code_fingerprint()}|{self.model}|{self.base}"
                              .encode()).hexdigest()

    def _path(self, article: Article) -> Path | None:
        if self.folder is None:
            return None
        key = self.key(article)
        return self.folder / key[:2] / f"{key}.pickle"

    def has(self, article: Article) -> bool:
        """Whether a result may be stored for ``article`` (:meth:`get` reads and checks it)."""
        path = self._path(article)
        return path is not None and path.exists()

    def get(self, article: Article) -> ArticleResult | None:
        path = self._path(article)
        if path is None or not path.exists():
            return None
        try:
            result = pickle.loads(path.read_bytes())
        except Exception:   # a stale or corrupt cache entry is simply recomputed
            return None
        if not isinstance(result, ArticleResult) or replace(result.article, source=article.source) != article:
            return None
        # the same article read from another file or line (a corpus split, appended to or moved) is unchanged
        return replace(result, article=article)

    def put(self, result: ArticleResult) -> None:
        path = self._path(result.article)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)


def analyze_articles(articles: Iterable[Article], *, model: str = DEFAULT_MODEL, n_process: int = 1,
                     cache: _Cache | None = None, stats: dict[str, int] | None = None, dask: str | None = None,
                     time_limit: float | None = None, base: str = DEFAULT_BASE,
                     meanwhile: Callable[[], None] | None = None, known: Callable[[Article], bool] | None = None
                     ) -> Iterator[ArticleResult | Skipped | Article]:
    """Yield one :class:`ArticleResult` per article, running the per-article stage (parse, extraction,
    in-article resolution) only for those not found in the cache, on the engine the options name
    (:func:`kg.engines.run`). Cached results come first, then the computed ones in input order. Results are
    compact: entities and the article's graph, without mentions and statements (the build needs no more).

    Nothing to parse starts no engine, and a pool never has more processes than articles to parse; up to
    :data:`FEW` articles beside cached ones (an incremental build) are parsed in this process: a worker process's
    start (a fresh interpreter importing kg and spaCy) costs more than parsing them here (full corpus plus one
    article at -j 2: parse+extract ~5.0 s with a worker, ~3.0 s at -j 1, in this process). With more, the pool
    or cluster gets them before the cached results are read, so the workers load the model and parse while
    this process reads the cache (an incremental build's two fixed costs overlap). With ``n_process`` > 1 and up
    to :data:`FEW` of them, a forked process (:func:`kg.beside.beside`: no fresh interpreter, nothing of the
    parent's state pickled) imports spaCy, loads the model and parses them while this one reads the cache, then
    calls ``meanwhile()`` (work of the caller's that needs no parse) before waiting for them. A cached article
    for which ``known(article)`` is true (the caller holds what it needs of its result) is yielded as itself,
    its result not read."""
    cache = cache or _Cache(None, model, base)
    stored: list[Article] = []
    pending: list[Article] = []
    for article in articles:
        (stored if cache.has(article) else pending).append(article)

    def engine(items: list[Article], background: bool = False) -> Iterator[ArticleResult | Skipped]:
        if n_process > 1 and dask is None and (background or len(items) > 1):   # one worker process at least
            return run_processes(items, model=model, processes=min(n_process, len(items)), time_limit=time_limit,
                                 base=base, compact=True)
        return run_engine(items, model=model, processes=min(n_process, len(items)), dask=dask,
                          time_limit=time_limit, base=base, compact=True)

    beside_us = False   # the few articles to parse go to a forked process while this one reads the cache
    if dask is None and stored and len(pending) <= FEW:   # parsed here: a worker's start costs more than they do
        beside_us = bool(pending) and n_process > 1 and (os.cpu_count() or 1) > 1
        n_process = 1
    ahead: _Ahead | None = None
    if pending and stored and (n_process > 1 or dask is not None):
        ahead, pending = _Ahead(engine(pending, background=True)), []
    collecting = gc.isenabled()
    forked: contextlib.AbstractContextManager[Outcome] = contextlib.nullcontext(Outcome())
    if beside_us:
        # imported before the fork: a thread of the caller may be importing it, and an import lock held at the
        # fork would be held for ever in the child
        importlib.import_module("kg.resolve")
        few, pending = pending, []
        forked = beside(lambda: analyze_batch(few, model, time_limit, base, compact=True))
    try:
        # cached results are long-lived values without cycles: full collections would walk them again and again
        # while they are read (2,343 results: 0.9 -> 0.5 s CPU)
        gc.disable()
        with forked as child:
            for article in stored:
                if known is not None and known(article):   # the caller holds what it needs of the result
                    if stats is not None:
                        stats["cached"] = stats.get("cached", 0) + 1
                    yield article
                    continue
                hit = cache.get(article)
                if hit is None:         # unreadable or stale after all: parsed with the rest
                    pending.append(article)
                    continue
                if stats is not None:
                    stats["cached"] = stats.get("cached", 0) + 1
                yield hit
            if meanwhile is not None:
                meanwhile()
        if collecting:
            # and they stay out of the collector's generations (as the worker's model does: kg.worker._loaded):
            # the first collection after this loop walked them all once more (full corpus: ~0.25 s)
            gc.freeze()
            gc.enable()
        computed = [iter(ahead)] if ahead is not None else [iter(child.value or ())]
        if pending:
            computed.append(engine(pending))
        for results in computed:
            for result in results:
                if isinstance(result, ArticleResult):   # a Skipped (over the time limit) is not cached
                    cache.put(result)
                yield result
    finally:
        if collecting:
            gc.enable()
        if ahead is not None:
            ahead.close()


class _Ahead:
    """An engine's results computed in a background thread while the caller does other work (reads the cache);
    iterating yields them in order, re-raising an engine's error. At most ``window`` results wait in memory."""

    _END = object()

    def __init__(self, results: Iterator[ArticleResult | Skipped], window: int = 64) -> None:
        self._queue: queue.Queue[object] = queue.Queue(window)
        self._stop = threading.Event()
        self._results = results
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            for result in self._results:
                if not self._put(result):
                    self._results.close()   # type: ignore[attr-defined]   # the pool shuts down here
                    return
            self._put(self._END)
        except BaseException as exc:   # handed to the consumer, raised there
            self._put(exc)

    def _put(self, item: object) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def __iter__(self) -> Iterator[ArticleResult | Skipped]:
        while True:
            item = self._queue.get()
            if item is self._END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item   # type: ignore[misc]

    def close(self) -> None:
        self._stop.set()
        self._thread.join()


def build(paths: Iterable[str | Path], out_dir: str | Path, *, model: str = DEFAULT_MODEL,
          base: str = DEFAULT_BASE, strict: bool = False, use_cache: bool = True, n_process: int = 1,
          dask: str | None = None, on_article: Callable[[Article | Skipped], None] | None = None,
          total_hint: Callable[[int], None] | None = None, max_article_chars: int | None = None,
          time_limit: float | None = DEFAULT_SECONDS) -> BuildSummary:
    """Build the knowledge graph of ``paths`` into ``out_dir`` (``graph.ttl``, ``graph.graphml``).

    The per-article stage runs in this process, in ``n_process`` worker processes, or on the dask cluster
    at ``dask`` (``"local"`` or a scheduler address); the exports are byte-identical whichever runs it.

    An article longer than ``max_article_chars`` is skipped with a message, and one whose extraction and
    resolution outlast ``time_limit`` seconds is stopped and skipped. The exports appear as one set
    (:mod:`kg.publish`), and only one build at a time writes into ``out_dir``.

    Raises:
        InputError: no readable article was found, ``strict`` and some input was skipped, or another build
            is writing into ``out_dir``.
    """
    started = time.perf_counter()
    paths = list(paths)      # read below and named again in the error message
    check_base(base)                         # bad options fail before any parsing, not after it
    out = prepare_output_folder(out_dir)
    with locked(out):
        return _build(paths, out, started, model=model, base=base, strict=strict, use_cache=use_cache,
                      n_process=n_process, dask=dask, on_article=on_article, total_hint=total_hint,
                      max_article_chars=max_article_chars, time_limit=time_limit)


def _build(paths: list[str | Path], out: Path, started: float, *, model: str, base: str, strict: bool,
           use_cache: bool, n_process: int, dask: str | None, on_article: Callable[[Article | Skipped], None] | None,
           total_hint: Callable[[int], None] | None, max_article_chars: int | None, time_limit: float | None
           ) -> BuildSummary:
    summary = BuildSummary()
    clock = _Stopwatch(summary)
    articles: list[Article] = []
    seen_ids: dict[str, str] = {}
    # each JSON line's article, kept from one build to the next (an incremental build reads few new lines)
    memo_dir = out / CACHE_DIR / "memo" if use_cache else None
    known_lines = Table(memo_dir / "lines.pickle" if memo_dir is not None else None, code_fingerprint())
    lines = Lines(known_lines.load()) if memo_dir is not None else None
    for item in read_paths(paths, lines=lines):
        if isinstance(item, Skipped):
            summary.skipped.append(item)
        elif item.id in seen_ids:
            summary.skipped.append(Skipped(item.source, f"duplicate article id {item.id!r} (first read from "
                                                        f"{seen_ids[item.id]}); give each article a unique id"))
        elif max_article_chars and len(item.text) > max_article_chars:
            summary.skipped.append(Skipped(item.source, f"{len(item.text):,} characters, more than "
                                                        f"--max-article-chars {max_article_chars:,}; split it "
                                                        f"into several articles or raise the limit"))
        else:
            seen_ids[item.id] = item.source
            articles.append(item)
    if lines is not None:
        known_lines.save(dict(lines.used))
    if strict and summary.skipped:
        first = summary.skipped[0]
        raise InputError(f"{len(summary.skipped)} input(s) could not be read; first: {first.source}: {first.reason}",
                         hint="fix or remove them, or build without --strict to skip them")
    if not articles:
        reasons = "; ".join(f"{s.source}: {s.reason}" for s in summary.skipped[:3])
        raise InputError("no readable articles found in " + ", ".join(map(str, paths)) + (
            f" ({reasons})" if reasons else ""),
                         hint="give .txt, .md, .html, .json or .jsonl files, or folders holding them")
    clock.lap("read")
    if total_hint:
        total_hint(len(articles))
    cache = _Cache(out / CACHE_DIR if use_cache else None, model, base)
    if n_process > 1 or dask is not None:   # the parent waits on workers: it imports what the merge needs meanwhile
        threading.Thread(target=importlib.import_module, args=("kg.resolve",), daemon=True).start()
    # the memo holds Oxigraph's serializations: another Oxigraph version makes them again
    memo = Memo(out / CACHE_DIR / "memo" if use_cache else None, f"{code_fingerprint()}|{ox.__version__}")
    assembly = Assembly(base, memo)
    kept = False   # what the build stored for the next one is kept only if it succeeded
    try:
        stats: dict[str, int] = {}

        def identity(article: Article) -> bytes:
            return bytes.fromhex(cache.key(article))[:16]

        for result in analyze_articles(articles, model=model, n_process=n_process, cache=cache, stats=stats,
                                       dask=dask, time_limit=time_limit, base=base, meanwhile=assembly.prepare,
                                       known=(lambda a: assembly.known(a, identity(a))) if use_cache else None):
            if isinstance(result, Skipped):
                summary.skipped.append(result)
            elif isinstance(result, Article):   # added by assembly.known
                summary.articles += 1
            else:
                # its chunks go to disk; only entities and statement rows stay
                assembly.add(result, identity(result.article) if use_cache else None)
                summary.articles += 1
            if on_article:
                on_article(result if isinstance(result, (Skipped, Article)) else result.article)
        summary.cached = stats.get("cached", 0)
        summary.parsed = summary.articles - summary.cached
        clock.lap("parse+extract")
        groups = assembly.merge()
        clock.lap("merge")
        try:
            # with more than one process asked for, the visual exports are written beside the RDF
            parallel = (n_process > 1 or dask is not None) and (os.cpu_count() or 1) > 1
            publish(out, lambda folder: _write(assembly, groups, folder, summary, clock, parallel))
            summary.outputs = [out / path.name for path in summary.outputs]   # the paths readers use
        except OSError as exc:       # disk full, folder made read-only meanwhile, ...
            raise InputError(f"{out}: cannot write the exports: {exc.strerror or exc}") from None
        summary.statements = assembly.statements
        summary.entities = len(assembly.merged)
        summary.triples = assembly.triples
        kept = True
    finally:
        assembly.close(kept)
    summary.seconds = time.perf_counter() - started
    return summary


def _write(assembly: Assembly, groups: Groups, folder: Path, summary: BuildSummary, clock: _Stopwatch,
           parallel: bool = False) -> None:
    summary.outputs = assembly.write(folder, groups, clock.lap, parallel=parallel)


def export(kg: KnowledgeGraph, out: Path, *, base: str = DEFAULT_BASE, summary: BuildSummary | None = None,
           clock: _Stopwatch | None = None) -> None:
    """Write every export of ``kg`` into the folder ``out``: graph.ttl (the union), graph.trig and graph.nq
    (one named graph per article plus the merged graph), graph.jsonld, graph.graphml, graph.gexf, graph.html and CSV tables."""
    lap = clock.lap if clock is not None else (lambda stage: None)
    data = to_quads(kg, base=base)
    lap("graph")
    outputs = []
    for name, writer in RDF_EXPORTS.items():
        writer(data, out / name)
        outputs.append(out / name)
    lap("rdf exports")
    view = to_networkx(kg, base=base)
    write_graphml(view, out / "graph.graphml")
    write_gexf(view, out / "graph.gexf")
    # graph.html is the default view (readable at corpus scale); the other visual exports are the whole graph
    page = select(view)
    write_html(page, out / "graph.html", evidence=collect_evidence(data.triples(), wanted=edge_keys(page)))
    tables = write_csv(view, out)
    tables = (*tables, *write_neo4j(view, out))    # issue 9: Neo4j bulk-import layout
    lap("visual exports")
    outputs += [out / "graph.graphml", out / "graph.gexf", out / "graph.html", *tables]
    if summary is not None:
        summary.triples = len(data.triples())
        summary.outputs = outputs
