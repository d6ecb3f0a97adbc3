"""Time and memory of full builds of a synthetic corpus grown k times (the first BASE articles repeated with
new ids), one fresh process per point (tests/benchmarks/measure.py), --no-cache:

    .venv/bin/python tests/benchmarks/linearity.py CORPUS --base 2344 --points 1,2,4,10 [-j 2] [--out DIR]

Prints one JSON line per point (articles, CPU and wall seconds, peak RSS of the build process and of its
largest worker, the stages, the load average before it) and then CPU and RSS per article relative to the
first point: 1.00 everywhere is linear. Repeated articles keep their text, so each kx corpus names the same
entities k times over: the merged graph grows by statements and mentions, not by new entities.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

MEASURE = Path(__file__).with_name("measure.py")


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="JSON lines, one article per line (id, title, date, text)")
    parser.add_argument("--base", type=int, default=300, help="articles in the 1x point (default 300)")
    parser.add_argument("--points", default="1,2,4", help="multiples of the base (default 1,2,4)")
    parser.add_argument("-j", type=int, default=1, help="worker processes of each build (default 1)")
    parser.add_argument("--out", type=Path, help="where corpora and builds go (default: a temporary folder)")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = rows[:args.base]
    work = args.out or Path(tempfile.mkdtemp(prefix="kg-linearity-"))
    work.mkdir(parents=True, exist_ok=True)
    figures = []
    for k in (int(p) for p in args.points.split(",")):
        corpus = work / f"x{k}.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for i in range(k):
                for row in rows:
                    fh.write(json.dumps(dict(row, id=f"{row['id']}-{i}" if k > 1 else row["id"]),
                                        ensure_ascii=False) + "\n")
        load = _load()
        run = subprocess.run([sys.executable, str(MEASURE), "build", str(corpus), str(work / f"x{k}"), "--no-cache",
                              "-j", str(args.j)], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"Error: the {k}x build failed: {run.stderr.strip().splitlines()[-1:]}")
        fig = json.loads(run.stdout.strip().splitlines()[-1])
        fig.update(k=k, load_before=load)
        figures.append(fig)
        print(json.dumps(fig), flush=True)
    first = figures[0]
    for fig in figures:
        scale = fig["articles"] / first["articles"]
        print(f"{fig['k']}x: {fig['articles']} articles, cpu {fig['cpu']:.1f}s, wall {fig['wall']:.1f}s, "
              f"peak RSS {fig['rss_mb']:.0f} MB (largest worker {fig['child_rss_mb']:.0f} MB), load before "
              f"{fig['load_before']}; per article vs 1x: cpu {fig['cpu'] / first['cpu'] / scale:.2f}, "
              f"wall {fig['wall'] / first['wall'] / scale:.2f}")


if __name__ == "__main__":
    main()
