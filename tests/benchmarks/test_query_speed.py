"""Ready-made queries at corpus scale: p50 per query over a loaded store (target: <= 1 s each).

The graph is ``$KG_CORPUS_GRAPH`` (an export file or folder, e.g. a build of the Wikinews corpus) or, by
default, the corpus-sized hand-built graph of :mod:`tests.benchmarks.corpus_like` (~2 M quads; building it
takes a few minutes). Every figure is printed before the target is checked.

    make benchmark            # or: .venv/bin/python -m pytest tests/benchmarks/test_query_speed.py -m benchmark -s
"""
from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

import pytest

from kg.query import bind_parameters, get_named_query, run_query
from kg.store import open_store

CASES = [("who-did-what", {"entity": "Taliban"}), ("entity", {"entity": "Taliban"}),
         ("timeline", {"entity": "Taliban"}), ("sources", {"entity": "Taliban"}),
         ("negated", {"entity": "Taliban"})]
RUNS = 5


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    given = os.environ.get("KG_CORPUS_GRAPH")
    if given:
        path = Path(given)
    else:
        from tests.benchmarks.corpus_like import main

        path = tmp_path_factory.mktemp("corpus-like")
        main(str(path))
    started = time.perf_counter()
    loaded = open_store(path, with_ontology=True, with_name_index=True)
    print(f"\nloaded {path} in {time.perf_counter() - started:.1f} s")
    return loaded


@pytest.mark.benchmark
@pytest.mark.parametrize(("name", "params"), CASES, ids=[c[0] for c in CASES])
def test_query_speed_p50_at_corpus_scale(store, name: str, params: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    sparql = bind_parameters(get_named_query(name), params)
    times, rows = [], 0
    for _ in range(RUNS):
        started = time.perf_counter()
        rows = len(run_query(store, sparql).rows)
        times.append(time.perf_counter() - started)
    p50 = statistics.median(times)
    print(f"{name} {params}: {rows} rows, p50 {p50:.2f} s (runs: {', '.join(f'{t:.2f}' for t in times)})")
    assert rows > 0
    assert p50 <= 1.0, f"{name}: p50 {p50:.2f} s > 1 s"
