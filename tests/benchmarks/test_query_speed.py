"""Ready-made queries at corpus scale: p50 per query (target: <= 1 s each) through the three ways users run
them: the library over the export's on-disk store, the ``kg query`` command (a new process each time) and
``kg serve`` (HTTP).

The graph is ``$KG_CORPUS_GRAPH`` (an export file or folder, e.g. a build of the Wikinews corpus) or, by
default, the corpus-sized hand-built graph of :mod:`tests.benchmarks.corpus_like` (~2 M quads; building it
takes a few minutes). The on-disk store beside the export is built once (its time is printed) and reused.
Every figure is printed before the target is checked.

    make benchmark            # or: .venv/bin/python -m pytest tests/benchmarks/test_query_speed.py -m benchmark -s
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg.query import bind_parameters, get_named_query, run_query
from kg.store_cache import cached_store, cached_store_path

CASES = [("who-did-what", {"entity": "Taliban"}), ("entity", {"entity": "Taliban"}),
         ("timeline", {"entity": "Taliban"}), ("sources", {"entity": "Taliban"}),
         ("negated", {"entity": "Taliban"})]
IDS = [c[0] for c in CASES]
RUNS = 5
KG = Path(sys.executable).parent / "kg"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("KG_CORPUS_GRAPH")
    if given:
        path = Path(given)
    else:
        from tests.benchmarks.corpus_like import main

        path = tmp_path_factory.mktemp("corpus-like")
        main(str(path))
    started = time.perf_counter()
    cached_store_path(path)
    print(f"\nstore of {path} ready in {time.perf_counter() - started:.1f} s")
    return path


def _p50(label: str, run: Callable[[], int]) -> float:
    times, rows = [], 0
    for _ in range(RUNS):
        started = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - started)
    p50 = statistics.median(times)
    print(f"{label}: {rows} rows, p50 {p50:.2f} s (runs: {', '.join(f'{t:.2f}' for t in times)})")
    assert rows > 0
    return p50


@pytest.mark.benchmark
@pytest.mark.parametrize(("name", "params"), CASES, ids=IDS)
def test_query_speed_p50_library(graph: Path, name: str, params: dict[str, str]) -> None:
    store = cached_store(graph)
    sparql = bind_parameters(get_named_query(name), params)
    p50 = _p50(f"library {name} {params}", lambda: len(run_query(store, sparql).rows))
    assert p50 <= 1.0, f"{name}: p50 {p50:.2f} s > 1 s"


@pytest.mark.benchmark
@pytest.mark.parametrize(("name", "params"), CASES, ids=IDS)
def test_query_speed_p50_kg_query_command(graph: Path, name: str, params: dict[str, str]) -> None:
    cmd = [str(KG), "query", str(graph), "--query", name, "--format", "csv"]
    for key, value in params.items():
        cmd += ["--param", f"{key}={value}"]

    def run() -> int:
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        return len(done.stdout.splitlines()) - 1

    p50 = _p50(f"kg query {name} {params}", run)
    assert p50 <= 1.0, f"kg query {name}: p50 {p50:.2f} s > 1 s (a new process each time)"


@pytest.fixture(scope="module")
def endpoint(graph: Path) -> Iterator[str]:
    from kg.serve import serving

    started = time.perf_counter()
    with serving(graph, port=0) as server:
        print(f"\nkg serve answering after {time.perf_counter() - started:.1f} s")
        yield server.query_url


@pytest.mark.benchmark
@pytest.mark.parametrize(("name", "params"), CASES, ids=IDS)
def test_query_speed_p50_kg_serve(endpoint: str, name: str, params: dict[str, str]) -> None:
    sparql = bind_parameters(get_named_query(name), params)
    body = urllib.parse.urlencode({"query": sparql}).encode()

    def run() -> int:
        request = urllib.request.Request(endpoint, data=body, headers={
            "Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(request, timeout=120) as response:
            return len(json.load(response)["results"]["bindings"])

    p50 = _p50(f"kg serve {name} {params}", run)
    assert p50 <= 1.0, f"kg serve {name}: p50 {p50:.2f} s > 1 s"
