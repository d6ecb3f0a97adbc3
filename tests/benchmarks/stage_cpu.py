"""Time one build stage by stage, wall and this process's CPU, and print one JSON line (issue 12: an incremental
build's fixed costs; CPU is steadier than wall on a shared machine).

    python tests/benchmarks/stage_cpu.py CORPUS OUT [-j N] [--fingerprint FILE]

``--fingerprint FILE``: kg's code fingerprint read from FILE instead of computed, so a build folder made by
another version of the code is reused (valid only while the cached result and memo formats are the same).
``pre_wall``/``pre_cpu``: read + parse+extract + merge, what a build spends before the exports start;
``cpu_children``: finished child processes (workers, the forked parse or writer).
"""
from __future__ import annotations

import json
import resource
import sys
import time

if __name__ == "__main__":
    t0 = time.perf_counter()
    import kg.pipeline as pipeline

    args = sys.argv[1:]
    if "--fingerprint" in args:
        at = args.index("--fingerprint")
        fingerprint = open(args[at + 1], encoding="utf-8").read().strip()
        pipeline.code_fingerprint = lambda: fingerprint   # type: ignore[assignment]
        del args[at:at + 2]
    cpu: dict[str, float] = {}

    class Stopwatch(pipeline._Stopwatch):
        def __init__(self, summary: pipeline.BuildSummary) -> None:
            super().__init__(summary)
            self.cpu = time.process_time()

        def lap(self, stage: str) -> None:
            super().lap(stage)
            now = time.process_time()
            cpu[stage] = cpu.get(stage, 0.0) + now - self.cpu
            self.cpu = now

    pipeline._Stopwatch = Stopwatch   # type: ignore[misc]
    jobs = int(args[args.index("-j") + 1]) if "-j" in args else 1
    t1 = time.perf_counter()
    summary = pipeline.build([args[0]], args[1], n_process=jobs)
    t2 = time.perf_counter()
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    before = ("read", "parse+extract", "merge")
    print(json.dumps({"import_wall": round(t1 - t0, 3), "wall": round(t2 - t1, 3),
                      "pre_wall": round(sum(summary.stages.get(s, 0.0) for s in before), 3),
                      "pre_cpu": round(sum(cpu.get(s, 0.0) for s in before), 3),
                      "cpu_children": round(kids.ru_utime + kids.ru_stime, 3),
                      "stages": {s: round(v, 3) for s, v in summary.stages.items()},
                      "stage_cpu": {s: round(v, 3) for s, v in cpu.items()}}))
