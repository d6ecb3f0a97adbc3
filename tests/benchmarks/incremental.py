"""Time incremental builds: a full build of a corpus (with its cache), then, each from a copy of that build's
folder, the same corpus plus one article (a copy of the first with a new id, so it is parsed) and the same
corpus less one article (the one in the middle), each as a share of the full build at the same ``-j``.

    .venv/bin/python tests/benchmarks/incremental.py CORPUS.jsonl WORKDIR [--limit N] [-j N] [--no-memo]

Each build runs in its own process (tests/benchmarks/measure.py); each incremental build's folder is a copy of the
full build's whose files no build changes in place are hard links. ``--no-memo`` adds the same added-article build
without .kg-cache/memo (the per-article cache alone). Prints one JSON line per build, each incremental build's wall
and CPU time as a share of the full build's, and the load average beside each (wall time needs a quiet machine).
After each incremental build its exports are compared with a full build of the same input only when WORKDIR holds
one (``clean-added``/``clean-removed``, e.g. from ``same_exports.sh build``); tests/unit/test_incremental.py holds the
byte-identity in the suite.
"""
from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

MEASURE = Path(__file__).resolve().parent / "measure.py"
EXPORTS = ["graph.ttl", "graph.trig", "graph.nq", "graph.jsonld", "graph.graphml", "graph.gexf", "graph.html",
           "nodes.csv", "edges.csv", "neo4j-nodes.csv", "neo4j-relationships.csv"]


def _measure(corpus: Path, out: Path, options: list[str]) -> dict:
    load = os.getloadavg()[0]
    done = subprocess.run([sys.executable, str(MEASURE), "build", str(corpus), str(out), *options],
                          check=True, capture_output=True, text=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["load"] = round(load, 2)
    return figures


def _copy_or_link(src: str, dst: str) -> None:
    """Files a build changes in place (the memo's tables and segment files, the lock) copied, others hard-linked
    (replaced whole by a build: the per-article results, the rebuilt chunks, the exports' sets)."""
    path = Path(src)
    if path.name == ".kg-lock" or path.parent.name == "memo" and path.parent.parent.name == ".kg-cache":
        shutil.copy2(src, dst)
    else:
        os.link(src, dst)


def _clone(full: Path, out: Path) -> None:
    """A copy of the full build's folder to build into, leaving it as it was (~0.6 of its 1.1 GB are links)."""
    shutil.copytree(full, out, symlinks=True, copy_function=_copy_or_link)


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def main(argv: list[str]) -> None:
    corpus, work = Path(argv[0]), Path(argv[1])
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    options = ["-j", argv[argv.index("-j") + 1]] if "-j" in argv else []
    work.mkdir(parents=True, exist_ok=True)
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = rows[:limit] if limit else rows
    extra = dict(rows[0], id=f"{rows[0].get('id', 'article')}-added")
    corpora = {"full": _write(work / "corpus.jsonl", rows),
               "added": _write(work / "corpus-plus.jsonl", [*rows, extra]),
               "removed": _write(work / "corpus-less.jsonl", rows[:len(rows) // 2] + rows[len(rows) // 2 + 1:])}
    full = work / "full"
    shutil.rmtree(full, ignore_errors=True)
    first = _measure(corpora["full"], full, options)
    print(json.dumps({"build": "full", **first}), flush=True)
    runs = [("added", True), ("removed", True)] + ([("added", False)] if "--no-memo" in argv else [])
    for change, memo in runs:
        name = change + ("" if memo else "-no-memo")
        out = work / name
        shutil.rmtree(out, ignore_errors=True)
        _clone(full, out)
        if not memo:
            shutil.rmtree(out / ".kg-cache" / "memo", ignore_errors=True)
        figures = _measure(corpora[change], out, options)
        clean = work / f"clean-{change}"
        if clean.is_dir():
            figures["same_as_clean"] = all(filecmp.cmp(out / f, clean / f, shallow=False) for f in EXPORTS)
        print(json.dumps({"build": name, **figures}), flush=True)
        print(f"{name} ({' '.join(options) or '-j 1'}): {figures['wall']:.1f}s wall = "
              f"{100 * figures['wall'] / first['wall']:.1f}% of the full build's {first['wall']:.1f}s "
              f"(load {figures['load']} / {first['load']}); CPU {figures['cpu']:.1f}s = "
              f"{100 * figures['cpu'] / first['cpu']:.1f}%", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
