"""CPU seconds of one per-article task over the same articles in a plain process and in a one-worker dask
LocalCluster, with dask's default worker settings and with kg's (:data:`kg.dask_engine.QUIET`).

    .venv/bin/python tests/benchmarks/dask_task_cpu.py CORPUS.jsonl [N] [--rounds R]

The task's own process CPU time is measured inside the process running it (every thread of it: the task, and
in a dask worker its event loop and profiler), so what else the machine runs changes it little, unlike wall
time. Prints one JSON line per run and the median per mode.
"""
from __future__ import annotations

import json
import statistics
import sys
import time


def _timed(articles: list) -> dict[str, float]:
    from kg.worker import analyze_batch, warm_up

    warm_up()
    cpu, wall = time.process_time(), time.perf_counter()
    analyze_batch(articles, compact=True)
    return {"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall}


def _run(mode: str, articles: list) -> dict[str, float]:
    if mode == "plain":
        _timed(articles[:8])   # the first task pays for imports and caches, as a worker's first task does
        return _timed(articles)
    import dask
    from distributed import Client, LocalCluster

    from kg.dask_engine import QUIET

    with dask.config.set(QUIET if mode == "dask-kg" else {}):
        cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, Client(cluster) as client:
        client.submit(_timed, articles[:8], pure=False).result()
        return client.submit(_timed, articles, pure=False).result()


def main(argv: list[str]) -> None:
    from kg.models import Article
    from kg.readers import read_paths

    rounds = int(argv[argv.index("--rounds") + 1]) if "--rounds" in argv else 3
    argv = [a for i, a in enumerate(argv) if a != "--rounds" and (i == 0 or argv[i - 1] != "--rounds")]
    n = int(argv[1]) if len(argv) > 1 else 120
    articles = [a for a in read_paths([argv[0]]) if isinstance(a, Article)][:n]
    runs: dict[str, list[float]] = {}
    for _ in range(rounds):
        for mode in ("plain", "dask-default", "dask-kg"):   # interleaved: a busy spell hits every mode alike
            figures = _run(mode, articles)
            runs.setdefault(mode, []).append(figures["cpu"])
            print(json.dumps({"mode": mode, "articles": len(articles), **figures}), flush=True)
    plain = statistics.median(runs["plain"])
    for mode, cpus in runs.items():
        print(f"{mode}: median {statistics.median(cpus):.2f} CPU s = {statistics.median(cpus) / plain:.2f}x plain")


if __name__ == "__main__":
    main(sys.argv[1:])
