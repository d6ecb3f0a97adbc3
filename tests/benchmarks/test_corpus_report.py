"""The corpus report (``corpus_report.py``) on Wikinews: the top named entities by degree, for reading.

Run with ``make benchmark`` (needs ../shared/corpora/wikinews beside the repository); ``KG_REPORT_ARTICLES``
sets how many articles (default all 2,344, several minutes of CPU). The list is printed; what is asserted
is only what holds by construction: named entities only, one-line labels, ranked by degree.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews" / "articles.jsonl"

pytestmark = [pytest.mark.benchmark, pytest.mark.model]


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpora/wikinews is not here")
def test_corpus_report_lists_named_entities_by_degree(tmp_path, capsys):
    from tests.benchmarks.corpus_report import main

    out = tmp_path / "top.tsv"
    assert main([str(CORPUS), "--top", "100", "--limit", os.environ.get("KG_REPORT_ARTICLES", "0"),
                 "--out", str(out)]) == 0
    print(capsys.readouterr().out)
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()[1:]]
    assert 0 < len(rows) <= 100
    assert all(r[2] != "Concept" and "\\n" not in r[3] and r[3] == r[3].strip() for r in rows)
    degrees = [int(r[1]) for r in rows]
    assert degrees == sorted(degrees, reverse=True)
