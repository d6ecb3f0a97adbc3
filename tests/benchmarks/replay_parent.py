"""Replay the parent's side of a build (assembly, merge, every export) from a build's per-article cache,
without parsing anything: to profile and time the serial stages after the parse.

    python tests/benchmarks/replay_parent.py CACHE_DIR OUT_DIR [--limit N] [--parallel] [--wall] [--profile FILE.prof]

``CACHE_DIR`` is a build folder's ``.kg-cache`` (fill one with ``kg build CORPUS -o DIR``); its pickled
results are read whatever code fingerprint wrote them, so the parent code can change between replays.
Prints the stages' CPU seconds (this process; wall seconds with ``--wall``), the total CPU (with a forked child's) and wall seconds and peak RSS as JSON (RSS includes the loaded results).
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pickle
import resource
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path


def load(cache: Path, limit: int | None = None) -> Iterator:
    """The cached results, one at a time (as a build receives them), the first ``limit`` by file name."""
    from kg.models import ArticleResult

    paths = sorted(cache.rglob("*.pickle"))
    for path in paths[:limit] if limit else paths:
        result = pickle.loads(path.read_bytes())
        if isinstance(result, ArticleResult):
            yield result


def replay(results: Iterable, out: Path, parallel: bool = False, wall: bool = False) -> dict[str, float]:
    from kg.assemble import Assembly
    from kg.vocab import DEFAULT_BASE

    stages: dict[str, float] = {}
    clock = time.perf_counter if wall else time.process_time
    last = [clock()]

    def lap(stage: str) -> None:
        now = clock()
        stages[stage] = stages.get(stage, 0.0) + now - last[0]
        last[0] = now

    out.mkdir(parents=True, exist_ok=True)
    assembly = Assembly(DEFAULT_BASE)
    try:
        for result in results:
            assembly.add(result)
        lap("load+add")
        groups = assembly.merge()
        lap("merge")
        assembly.write(out, groups, lap, parallel=parallel)
    finally:
        assembly.close()
    return stages


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cache", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--profile")
    parser.add_argument("--parallel", action="store_true", help="visual exports beside the RDF (as -j 2 does)")
    parser.add_argument("--wall", action="store_true", help="the stages in wall seconds, not this process's CPU")
    args = parser.parse_args()
    results = load(args.cache, args.limit)
    cpu0, wall0 = _cpu(), time.perf_counter()
    if args.profile:
        profiler = cProfile.Profile()
        stages = profiler.runcall(replay, results, args.out, args.parallel, args.wall)
        profiler.dump_stats(args.profile)
    else:
        stages = replay(results, args.out, args.parallel, args.wall)
    print(json.dumps({"articles": args.limit or "all", "cpu": round(_cpu() - cpu0, 2),
                      "wall": round(time.perf_counter() - wall0, 2),
                      "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                      "child_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
                      "stages": {k: round(v, 2) for k, v in stages.items()}}))


if __name__ == "__main__":
    sys.exit(main())
