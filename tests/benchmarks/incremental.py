"""Time an incremental build: a full build of a corpus (with its cache), then the same corpus plus one article
(a copy of the first with a new id), with the memo of the previous build (.kg-cache/memo) and without it.

    .venv/bin/python tests/benchmarks/incremental.py CORPUS.jsonl WORKDIR [--limit N] [-j N]

Each build runs in its own process (tests/benchmarks/measure.py); the incremental ones start from copies of the
full build's folder, so both see the same cache. Prints one JSON line per build, the incremental builds' wall
time as a share of the full build's, and the load average beside each (wall time needs a quiet machine).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

MEASURE = Path(__file__).resolve().parent / "measure.py"


def _measure(corpus: Path, out: Path, options: list[str]) -> dict:
    load = os.getloadavg()[0]
    done = subprocess.run([sys.executable, str(MEASURE), "build", str(corpus), str(out), *options],
                          check=True, capture_output=True, text=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["load"] = round(load, 2)
    return figures


def main(argv: list[str]) -> None:
    corpus, work = Path(argv[0]), Path(argv[1])
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    options = ["-j", argv[argv.index("-j") + 1]] if "-j" in argv else []
    work.mkdir(parents=True, exist_ok=True)
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = rows[:limit] if limit else rows
    base_corpus, plus_corpus = work / "corpus.jsonl", work / "corpus-plus.jsonl"
    base_corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    extra = dict(rows[0], id=f"{rows[0].get('id', 'article')}-added")
    plus_corpus.write_text("".join(json.dumps(r) + "\n" for r in [*rows, extra]), encoding="utf-8")
    full = work / "full"
    shutil.rmtree(full, ignore_errors=True)
    first = _measure(base_corpus, full, options)
    print(json.dumps({"build": "full", **first}), flush=True)
    for memo in (False, True):
        out = work / ("memo" if memo else "no-memo")
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(full, out, symlinks=True)
        if not memo:
            shutil.rmtree(out / ".kg-cache" / "memo", ignore_errors=True)
        figures = _measure(plus_corpus, out, options)
        print(json.dumps({"build": "added, " + ("memo" if memo else "no memo"), **figures}), flush=True)
        print(f"adding one article ({'memo' if memo else 'no memo'}): {figures['wall']:.1f}s wall = "
              f"{100 * figures['wall'] / first['wall']:.1f}% of the full build's {first['wall']:.1f}s "
              f"(load {figures['load']} / {first['load']}); CPU {figures['cpu']:.1f}s = "
              f"{100 * figures['cpu'] / first['cpu']:.1f}%", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
