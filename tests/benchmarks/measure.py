"""Run one measured job in this process and print its figures as JSON (used by test_scale.py).

    python tests/benchmarks/measure.py pipe CORPUS N          bare nlp.pipe over the first N article texts
    python tests/benchmarks/measure.py build CORPUS OUT [kg build options...]

CPU seconds are this process's plus its finished children's (worker processes, a dask LocalCluster's
workers), so they count all the work wherever it ran; ``rss_mb`` is this process's peak resident memory
and ``child_rss_mb`` the largest finished child's.
"""
from __future__ import annotations

import json
import resource
import sys
import time


def _usage() -> dict[str, float]:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime, "rss_mb": me.ru_maxrss / 1024,
            "child_rss_mb": kids.ru_maxrss / 1024}


def pipe(corpus: str, n: int) -> dict[str, float]:
    """Bare ``nlp.pipe`` over the texts a build parses: the readers' article texts (cleaned, the title and
    dateline split off; read before the clock starts), not the raw JSON ``text`` fields, which are longer."""
    from kg.nlp import load_pipeline
    from kg.readers import read_paths

    texts = [a.text for a in read_paths([corpus]) if hasattr(a, "text")][:n]
    before, wall = _usage(), time.perf_counter()
    nlp = load_pipeline()      # timed, as the build's own model load is
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    after = _usage()
    return {"articles": len(texts), "cpu": after["cpu"] - before["cpu"], "wall": time.perf_counter() - wall,
            "rss_mb": after["rss_mb"]}


def build(corpus: str, out: str, options: list[str]) -> dict[str, float]:
    from kg.pipeline import build as run_build

    n_process = int(options[options.index("-j") + 1]) if "-j" in options else 1
    dask = options[options.index("--dask") + 1] if "--dask" in options else None
    before, wall = _usage(), time.perf_counter()
    summary = run_build([corpus], out, use_cache="--no-cache" not in options, n_process=n_process, dask=dask)
    after = _usage()
    return {"articles": summary.articles, "parsed": summary.parsed, "statements": summary.statements,
            "triples": summary.triples, "cpu": after["cpu"] - before["cpu"], "wall": time.perf_counter() - wall,
            "rss_mb": after["rss_mb"], "child_rss_mb": after["child_rss_mb"], "stages": summary.stages}


if __name__ == "__main__":
    kind, corpus = sys.argv[1], sys.argv[2]
    figures = pipe(corpus, int(sys.argv[3])) if kind == "pipe" else build(corpus, sys.argv[3], sys.argv[4:])
    print(json.dumps(figures))
