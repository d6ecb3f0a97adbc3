"""Replay the parent's side of a build (assembly, merge, every export) from a build's per-article cache,
without parsing anything: to profile and time the serial stages after the parse.

    python tests/benchmarks/replay_parent.py CACHE_DIR OUT_DIR [--limit N] [--profile FILE.prof]

``CACHE_DIR`` is a build folder's ``.kg-cache`` (fill one with ``kg build CORPUS -o DIR``); its pickled
results are read whatever code fingerprint wrote them, so the parent code can change between replays.
Prints the stages' CPU seconds, the total CPU and wall seconds and peak RSS as JSON (RSS includes the loaded results).
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pickle
import resource
import sys
import time
from pathlib import Path


def load(cache: Path, limit: int | None = None) -> list:
    from kg.models import ArticleResult

    results = []
    for path in sorted(cache.rglob("*.pickle")):
        result = pickle.loads(path.read_bytes())
        if isinstance(result, ArticleResult):
            results.append(result)
    results.sort(key=lambda r: r.article.id)
    return results[:limit] if limit else results


def replay(results: list, out: Path) -> dict[str, float]:
    from kg.assemble import Assembly
    from kg.vocab import DEFAULT_BASE

    stages: dict[str, float] = {}
    last = [time.process_time()]

    def lap(stage: str) -> None:
        now = time.process_time()
        stages[stage] = stages.get(stage, 0.0) + now - last[0]
        last[0] = now

    out.mkdir(parents=True, exist_ok=True)
    assembly = Assembly(DEFAULT_BASE)
    try:
        for result in results:
            assembly.add(result)
        lap("add")
        groups = assembly.merge()
        lap("merge")
        assembly.write(out, groups, lap)
    finally:
        assembly.close()
    return stages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cache", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--profile")
    args = parser.parse_args()
    results = load(args.cache, args.limit)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    if args.profile:
        profiler = cProfile.Profile()
        stages = profiler.runcall(replay, results, args.out)
        profiler.dump_stats(args.profile)
    else:
        stages = replay(results, args.out)
    print(json.dumps({"articles": len(results), "cpu": round(time.process_time() - cpu0, 2),
                      "wall": round(time.perf_counter() - wall0, 2),
                      "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                      "stages": {k: round(v, 2) for k, v in stages.items()}}))


if __name__ == "__main__":
    sys.exit(main())
