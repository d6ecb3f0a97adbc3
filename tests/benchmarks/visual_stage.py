"""Time the visual exports' stage of an incremental build alone (GraphML, GEXF, the CSV tables, Neo4j's and
graph.html: ``Assembly._write_visual``), replayed from saved build states, so its wall and CPU time can be
compared before/after a change without the rest of the build.

    python tests/benchmarks/visual_stage.py capture CORPUS BUILD STATE    build CORPUS into the build folder BUILD
                                                                       (e.g. a copy of an earlier build: its cache
                                                                       is used) and save the state the exports are
                                                                       written from in the folder STATE
    python tests/benchmarks/visual_stage.py run BEFORE AFTER [-n N] [--ref DIR] [--no-memo]

``run`` writes the visual exports of the state BEFORE (its memo made, in a temporary folder), then N times (3)
those of AFTER from a copy of that memo, each in a fresh folder, and prints one JSON line per run (wall and CPU
seconds, load average); ``--ref`` compares the last run's files with a build's (e.g. a clean build of AFTER's
corpus). ``--no-memo`` times AFTER written without a memo (the ``--no-cache`` path). The garbage collector is
paused as the build pauses it.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import shutil
import tempfile
import time
from pathlib import Path

NAMES = ("graph.graphml", "graph.gexf", "graph.html", "nodes.csv", "edges.csv", "neo4j-nodes.csv",
         "neo4j-relationships.csv")


def capture(corpus: str, build: str, state: str) -> None:
    from kg.assemble import Assembly
    from kg.pipeline import build as run_build

    folder = Path(state)
    folder.mkdir(parents=True, exist_ok=True)
    write = Assembly.write

    def saved(self, out, groups, *args, **kwargs):   # type: ignore[no-untyped-def]
        self.spool.flush()
        self.spool.seek(0)
        with (folder / "spool").open("wb") as f:
            shutil.copyfileobj(self.spool, f)
        (folder / "state.pickle").write_bytes(pickle.dumps(
            (self.base, self.merged, groups, self.entries, self.memo.salt), protocol=pickle.HIGHEST_PROTOCOL))
        return write(self, out, groups, *args, **kwargs)

    Assembly.write = saved   # type: ignore[method-assign]
    run_build([corpus], build)


def _assembly(state: Path, memo: Path | None):   # type: ignore[no-untyped-def]
    from kg.assemble import Assembly
    from kg.memo import Memo

    base, merged, groups, entries, salt = pickle.loads((state / "state.pickle").read_bytes())
    assembly = Assembly(base, Memo(memo, salt.decode()))
    assembly.spool.close()
    assembly.spool = (state / "spool").open("rb")
    assembly.merged, assembly.entries = merged, entries
    return assembly, groups


def _write(state: Path, memo: Path | None, out: Path) -> dict[str, float]:
    assembly, groups = _assembly(state, memo)
    gc.disable()
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        assembly._write_visual(out, groups)
        return {"wall": round(time.perf_counter() - wall, 3), "cpu": round(time.process_time() - cpu, 3),
                "load": os.getloadavg()[0]}
    finally:
        gc.enable()
        assembly.close()


def run(before: str, after: str, n: int, ref: str | None, memo: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="kg-visual-") as tmp:
        work = Path(tmp)
        first = work / "memo-before"
        (work / "out-before").mkdir()
        _write(Path(before), first, work / "out-before")
        out = work / "out"
        for _ in range(n):
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            copy = work / "memo"
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(first, copy, copy_function=os.link)   # a build never rewrites a kept file in place
            print(json.dumps(_write(Path(after), copy if memo else None, out)), flush=True)
        if ref:
            differ = [name for name in NAMES if (out / name).read_bytes() != (Path(ref) / name).read_bytes()]
            print(json.dumps({"compared": len(NAMES), "differ": differ}))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("capture")
    c.add_argument("corpus")
    c.add_argument("build")
    c.add_argument("state")
    r = sub.add_parser("run")
    r.add_argument("before")
    r.add_argument("after")
    r.add_argument("-n", type=int, default=3)
    r.add_argument("--ref")
    r.add_argument("--no-memo", action="store_true")
    args = parser.parse_args()
    if args.command == "capture":
        capture(args.corpus, args.build, args.state)
    else:
        run(args.before, args.after, args.n, args.ref, not args.no_memo)
