"""The per-article stage on a dask.distributed cluster (``kg build --dask local|tcp://HOST:PORT``).

Each worker loads the model once (:class:`LoadModel`, a ``WorkerPlugin``) and runs
:func:`kg.worker.analyze_batch` on batches of articles; results come back in input order, so the build
is byte-identical to a local one. ``local`` starts a ``LocalCluster`` on this machine (one single-threaded
worker process per core, configured by :data:`QUIET`); any other value is the address of a running scheduler, whose workers must
have kg and the model installed (``pip install kg-*.whl`` in their environment).
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from kg import DEFAULT_MODEL
from kg.engines import batched, ordered
from kg.errors import KGError
from kg.models import Article, ArticleResult, Skipped
from kg.vocab import DEFAULT_BASE
from kg.worker import analyze_batch, warm_up

try:
    from distributed import WorkerPlugin
except ImportError:   # pragma: no cover - dask is a pinned dependency; this keeps the message clean
    WorkerPlugin = object   # type: ignore[assignment,misc]


# A dask worker's own machinery, quieted for CPU-bound tasks on a LocalCluster. By default each worker samples
# its task thread's stack every 10 ms (the statistical profiler behind the dashboard), checks its event loop
# every 20 ms, and its nanny starts it with MALLOC_TRIM_THRESHOLD_=65536 (glibc hands freed memory back to the
# system at once, and maps it again for the next article). Measured on 120 Wikinews articles (one worker,
# tests/benchmarks/dask_task_cpu.py): the same task took about 20 % more CPU seconds in a default worker than in
# a plain process, and as many with these settings.
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


class LoadModel(WorkerPlugin):  # type: ignore[misc,valid-type]
    """Load the spaCy model when a worker starts, so no task pays for it and each worker loads it once."""

    name = "kg-load-model"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        warm_up(self.model)


def _client(address: str, workers: int | None) -> tuple[Any, Any]:
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise KGError("dask.distributed is not installed", hint="pip install 'distributed'") from exc
    if address == "local":
        n = workers or max(1, min(2, os.cpu_count() or 1))
        with dask.config.set(QUIET):   # the nannies read it, and pass it on to the workers they start
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    try:
        return Client(address, timeout=30), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise KGError(f"cannot reach the dask scheduler at {address} ({exc})",
                      hint="start one with `dask scheduler` and workers with `dask worker ADDRESS`, "
                           "or use --dask local") from exc


def run_dask(articles: Iterable[Article], *, model: str = DEFAULT_MODEL, address: str = "local",
             workers: int | None = None, time_limit: float | None = None, base: str = DEFAULT_BASE,
             compact: bool = False) -> Iterator[ArticleResult | Skipped]:
    """Yield one result per article, in order, computed on the dask cluster at ``address`` (or ``local``)."""
    client, cluster = _client(address, workers)
    try:
        client.register_plugin(LoadModel(model))
        window = 3 * max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))
        yield from ordered(lambda batch: client.submit(analyze_batch, batch, model, time_limit, base, compact, pure=False),
                           batched(articles), window=window)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
