"""Benchmark: building the demo folder from scratch (model load, parse, extract, resolve, all exports).

    make benchmark        # or: .venv/bin/python -m pytest tests/benchmarks/test_build_speed.py -m benchmark -s

Target (issue "Foundation"): under 30 seconds once set up.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.benchmark
def test_build_speed_demo_folder(tmp_path):
    from kg.nlp import load_pipeline
    from kg.pipeline import build

    load_pipeline.cache_clear()           # include the model load, as a user's `make run` does
    started = time.perf_counter()
    summary = build([ROOT / "articles"], tmp_path, use_cache=False)
    seconds = time.perf_counter() - started
    print(f"\ndemo build: {summary.articles} articles, {summary.statements} statements, "
          f"{summary.entities} entities, {summary.triples} triples in {seconds:.1f} s (target < 30 s)")
    assert seconds < 30
