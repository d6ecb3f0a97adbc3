"""Scale: the full build against bare ``nlp.pipe``, parallel engines, memory, linear growth, incremental
rebuilds and byte identity across engines, measured side by side in one run.

    .venv/bin/python -m pytest tests/benchmarks/test_scale.py -m benchmark -s

Environment: ``KG_BENCH_CORPUS`` (JSON lines; default ``../shared/corpora/wikinews/articles.jsonl``),
``KG_BENCH_ARTICLES`` (how many of its articles; default all), ``KG_BENCH_SCALE_BASE`` (articles in the
smallest scaling point, default 200) and ``KG_BENCH_SCALE_POINTS`` (multiples, default ``1,2,4``: the base
repeated with new ids). Each job runs in a fresh process (tests/benchmarks/measure.py), so CPU seconds and
peak memory are its own; CPU counts worker processes too. Wall-time ratios depend on what else the machine
runs: the report prints the load average next to them.

Targets (issue 12): build throughput >= 0.85x bare nlp.pipe (CPU); -j 2 >= 1.7x -j 1 (wall); --dask local
within 10 % of -j 2 (wall); peak RSS <= 1 GB; time and memory linear in the corpus; adding one article
rebuilds in <= 5 % of the full build's time; removing one removes exactly its statements; exports
byte-identical across -j 1, -j 2 and --dask local. All figures are printed before any target is checked.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.iri import graph_iri

ROOT = Path(__file__).resolve().parents[2]
MEASURE = Path(__file__).with_name("measure.py")
EXPORTS = ["graph.ttl", "graph.trig", "graph.nq", "graph.jsonld", "graph.graphml", "graph.gexf", "graph.html",
           "nodes.csv", "edges.csv"]
pytestmark = pytest.mark.filterwarnings("ignore:Importing 'parser.split_arg_string':DeprecationWarning")


def _corpus() -> Path:
    env = os.environ.get("KG_BENCH_CORPUS")
    return Path(env) if env else ROOT.parent / "shared" / "corpora" / "wikinews" / "articles.jsonl"


def _measure(*args: str | Path) -> dict:
    run = subprocess.run([sys.executable, str(MEASURE), *map(str, args)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _load() -> str:
    path = Path("/proc/loadavg")
    return " ".join(path.read_text().split()[:3]) if path.exists() else "?"


def _graphs(nq: Path) -> dict[str, str]:
    """A digest of each graph's N-Quads lines (in file order), by graph name: read streaming, so this process
    stays small (a child's peak RSS on Linux starts from this process's size at the fork)."""
    out: dict[str, hashlib._Hash] = {}
    with nq.open("rb") as fh:
        for line in fh:
            graph = line.rsplit(b" ", 2)[-2].decode("utf-8")
            digest = out.get(graph)
            if digest is None:
                digest = out[graph] = hashlib.sha256()
            digest.update(line)
    return {graph: digest.hexdigest() for graph, digest in out.items()}


@pytest.mark.benchmark
@pytest.mark.timeout(0)   # tens of minutes: the suite's 10-minute limit for a hung test does not apply
def test_scale_full_corpus(tmp_path):
    corpus = _corpus()
    if not corpus.exists():
        pytest.skip(f"benchmark corpus not found: {corpus} (set KG_BENCH_CORPUS=/path/to/articles.jsonl)")
    with corpus.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    rows = rows[:int(os.environ.get("KG_BENCH_ARTICLES", len(rows)))]
    data = _write(tmp_path / "corpus.jsonl", rows)
    n = len(rows)
    report: list[str] = [f"corpus: {n} articles from {corpus}"]
    failures: list[str] = []

    def check(ok: bool, message: str) -> None:
        report.append(("met    " if ok else "MISSED ") + message)
        if not ok:
            failures.append(message)

    pipe = _measure("pipe", data, n)
    j1 = _measure("build", data, tmp_path / "j1", "--no-cache", "-j", "1")
    report.append(f"load before -j 2: {_load()}")
    j2 = _measure("build", data, tmp_path / "j2", "-j", "2")     # a fresh folder: parses all, fills the cache
    report.append(f"load before --dask local: {_load()}")
    dask = _measure("build", data, tmp_path / "dask", "--no-cache", "--dask", "local")
    for name, fig in (("nlp.pipe", pipe), ("build -j 1", j1), ("build -j 2", j2), ("build --dask local", dask)):
        report.append(f"{name}: {json.dumps(fig)}")
    ratio = pipe["cpu"] / j1["cpu"]
    check(ratio >= 0.85, f"throughput build -j 1 / bare nlp.pipe (CPU) = {ratio:.2f} (target >= 0.85): "
                         f"{j1['cpu']:.0f}s vs {pipe['cpu']:.0f}s")
    speedup = j1["wall"] / j2["wall"]
    check(speedup >= 1.7, f"-j 2 speedup over -j 1 (wall) = {speedup:.2f} (target >= 1.7)")
    slower = dask["wall"] / j2["wall"] - 1
    check(slower <= 0.10, f"--dask local vs -j 2 (wall) = {100 * slower:+.0f}% (target within 10%)")
    peak = max(j1["rss_mb"], j1["child_rss_mb"])
    check(peak <= 1024, f"peak RSS of the -j 1 build = {peak:.0f} MB (target <= 1024 MB; "
                        f"bare nlp.pipe {pipe['rss_mb']:.0f} MB)")
    # with -j 2 the model lives in the workers: the parent holds what the merge and the exports need
    report.append(f"peak RSS of the -j 2 build: parent {j2['rss_mb']:.0f} MB, largest worker "
                  f"{j2['child_rss_mb']:.0f} MB")
    different = [f"{name} ({other})" for other in ("j2", "dask") for name in EXPORTS
                 if (tmp_path / "j1" / name).read_bytes() != (tmp_path / other / name).read_bytes()]
    check(not different, f"exports byte-identical across -j 1, -j 2, --dask local (differing: {different or 'none'})")

    # incremental: one article more, then one fewer, on the cache the -j 2 build left
    extra = dict(rows[0], id=f"{rows[0].get('id', 'article')}-added")
    added = _measure("build", _write(tmp_path / "added.jsonl", [*rows, extra]), tmp_path / "j2")
    share = added["wall"] / j1["wall"]
    check(added["parsed"] == 1 and share <= 0.05,
          f"adding one article: {added['parsed']} parsed, {added['wall']:.1f}s = {100 * share:.1f}% of the full "
          f"build's {j1['wall']:.1f}s (target <= 5%)")
    before = _graphs(tmp_path / "j2" / "graph.nq")
    removed = f"<{graph_iri(rows[-1]['id'])}>"
    _measure("build", _write(tmp_path / "removed.jsonl", [*rows[:-1], extra]), tmp_path / "j2")
    after = _graphs(tmp_path / "j2" / "graph.nq")
    gone = [g for g in before if g not in after]
    same = all(after[g] == before[g] for g in before if g in after and "/graph/merged" not in g)
    check(gone == [removed] and same,
          f"removing one article drops its named graph only (dropped {gone}; other article graphs unchanged: {same})")

    # linear growth: the first BASE articles repeated with new ids
    base = int(os.environ.get("KG_BENCH_SCALE_BASE", "200"))
    points = [int(p) for p in os.environ.get("KG_BENCH_SCALE_POINTS", "1,2,4").split(",")]
    figures = []
    for k in points:
        copies = [dict(r, id=f"{r['id']}-{i}") for i in range(k) for r in rows[:base]]
        fig = _measure("build", _write(tmp_path / f"x{k}.jsonl", copies), tmp_path / f"x{k}", "--no-cache")
        figures.append((k, fig))
        report.append(f"{k}x ({len(copies)} articles): cpu {fig['cpu']:.1f}s, wall {fig['wall']:.1f}s, "
                      f"peak RSS {fig['rss_mb']:.0f} MB, stages {json.dumps(fig['stages'])}")
    (k0, f0), (k1, f1) = figures[0], figures[-1]
    growth = (f1["cpu"] / f0["cpu"]) / (k1 / k0)
    check(growth <= 1.15, f"CPU per article at {k1}x / at {k0}x = {growth:.2f} (linear: <= 1.15)")
    print("\n" + "\n".join(report))
    assert not failures, "; ".join(failures)
