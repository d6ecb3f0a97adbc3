"""One --no-cache build on one engine, its wall time, this process's CPU and its workers' (finished children's),
for comparing -j 2 with --dask local side by side (run them interleaved, on a quiet machine):

    for e in j2 dask "dask --dask-defaults"; do
        .venv/bin/python tests/benchmarks/engine_pair.py CORPUS.jsonl OUT $e; done

``--dask-defaults`` starts the LocalCluster's workers with dask's own settings instead of
:data:`kg.dask_engine.QUIET` (the profiler, the 20 ms tick, the nanny's malloc trim), to measure what they cost.
"""
from __future__ import annotations

import json
import resource
import sys
import time


def main(argv: list[str]) -> None:
    import kg.dask_engine
    from kg.pipeline import build

    defaults = "--dask-defaults" in argv
    if defaults:
        kg.dask_engine.QUIET = {}
    corpus, out, engine = [a for a in argv if a != "--dask-defaults"][:3]
    wall = time.perf_counter()
    summary = build([corpus], out, use_cache=False, **({"n_process": 2} if engine == "j2" else {"dask": "local"}))
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"engine": engine + (" (dask defaults)" if defaults else ""), "articles": summary.articles,
                      "wall": round(time.perf_counter() - wall, 1), "self_cpu": round(me.ru_utime + me.ru_stime, 1),
                      "children_cpu": round(kids.ru_utime + kids.ru_stime, 1),
                      "stages": {k: round(v, 1) for k, v in summary.stages.items()}}))


if __name__ == "__main__":   # the guard matters: -j 2 spawns workers that import this file
    main(sys.argv[1:])
