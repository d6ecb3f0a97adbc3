"""Where the per-article stage runs: in this process, in a pool of processes, or on a dask cluster.

Every engine runs the same task, :func:`kg.worker.analyze_batch`, over batches of articles and yields the
results in input order (so a build is deterministic whatever ran it). Only a bounded number of batches is
in flight at once, so memory does not grow with the corpus. A Spark or Ray adapter would be one more
``submit``-shaped function here.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Any, Protocol

from kg import DEFAULT_MODEL
from kg.lifeline import init_worker
from kg.models import Article, ArticleResult, Skipped
from kg.vocab import DEFAULT_BASE
from kg.worker import analyze_batch, analyze_stream

BATCH = 8   # articles per task: large enough to amortize a task, small enough to balance the workers


class _Future(Protocol):
    def result(self) -> Any: ...


def batched(items: Iterable[Article], size: int = BATCH) -> Iterator[list[Article]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ordered(submit: Callable[[list[Article]], _Future], batches: Iterable[list[Article]], window: int
            ) -> Iterator[ArticleResult]:
    """Submit each batch, keep at most ``window`` in flight, and yield their results in submission order."""
    pending: deque[_Future] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def run_local(articles: Iterable[Article], *, model: str = DEFAULT_MODEL, time_limit: float | None = None,
              base: str = DEFAULT_BASE, compact: bool = False) -> Iterator[ArticleResult | Skipped]:
    """The per-article stage in this process, streaming."""
    yield from analyze_stream(articles, model=model, time_limit=time_limit, base=base, compact=compact)


def run_processes(articles: Iterable[Article], *, model: str = DEFAULT_MODEL, processes: int = 2,
                  time_limit: float | None = None, base: str = DEFAULT_BASE, compact: bool = False
                  ) -> Iterator[ArticleResult | Skipped]:
    """The per-article stage in ``processes`` worker processes (each loads the model once, and is killed
    by the kernel if this process dies, even by ``kill -9``: :mod:`kg.lifeline`)."""
    context = multiprocessing.get_context("spawn")   # no fork of a parent that runs threads (progress bar)
    with ProcessPoolExecutor(processes, mp_context=context, initializer=init_worker,
                             initargs=(model, os.getpid())) as pool:
        yield from ordered(lambda batch: pool.submit(analyze_batch, batch, model, time_limit, base, compact), batched(articles),
                           window=3 * processes)


def run(articles: Iterable[Article], *, model: str = DEFAULT_MODEL, processes: int = 1, dask: str | None = None,
        time_limit: float | None = None, base: str = DEFAULT_BASE, compact: bool = False
        ) -> Iterator[ArticleResult | Skipped]:
    """The per-article stage on the engine the options name (``dask`` wins over ``processes``); an article
    whose analysis outlasts ``time_limit`` seconds comes back as a :class:`~kg.models.Skipped`. ``compact``:
    results without what only the article graph needed (:func:`kg.worker.analyze_stream`)."""
    if dask is not None:
        from kg.dask_engine import run_dask

        return run_dask(articles, model=model, address=dask, time_limit=time_limit, base=base, compact=compact)
    if processes > 1:
        return run_processes(articles, model=model, processes=processes, time_limit=time_limit, base=base,
                             compact=compact)
    return run_local(articles, model=model, time_limit=time_limit, base=base, compact=compact)
