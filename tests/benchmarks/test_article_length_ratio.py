"""Long articles cost in proportion to their length: the per-article stage (parse, extraction, resolution) of
one ~2 MB article of real sentences, against its parse alone, keeps the ratio it has for a 10 kB article.

    .venv/bin/python -m pytest tests/benchmarks/test_article_length_ratio.py -m benchmark -s

The articles are Wikinews texts joined with blank lines (``KG_BENCH_CORPUS``, default the shared corpus;
``KG_BENCH_LONG_CHARS`` sets the long size, default 2,000,000). Times are CPU seconds of this process (the
stage runs in-process), so other load on the machine changes them little. The short article is measured
five times and its best run kept; the long one once. Target (issue 10): ratio(2 MB) <= 1.5 x ratio(10 kB),
where ratio = stage CPU / parse CPU. Figures are printed before the target is checked.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from kg.models import Article

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.filterwarnings("ignore:Importing 'parser.split_arg_string':DeprecationWarning")


def _corpus() -> Path:
    env = os.environ.get("KG_BENCH_CORPUS")
    return Path(env) if env else ROOT.parent / "shared" / "corpora" / "wikinews" / "articles.jsonl"


def _text(corpus: Path, chars: int) -> str:
    """Whole Wikinews texts joined by blank lines until ``chars`` characters are reached (then cut there at the
    last sentence end, so the article is real sentences only)."""
    parts: list[str] = []
    size = 0
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"].strip()
            parts.append(text)
            size += len(text) + 2
            if size >= chars:
                break
    joined = "\n\n".join(parts)[:chars]
    return joined[:joined.rfind(". ") + 1]


def _measure(article: Article, repeats: int) -> tuple[float, float]:
    """(best parse CPU seconds, best stage CPU seconds) over ``repeats`` runs."""
    from kg.nlp import load_pipeline, parse_articles
    from kg.worker import analyze_stream

    nlp = load_pipeline()
    parse = stage = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for _doc, _article in parse_articles(nlp, [article]):
            pass
        parse = min(parse, time.process_time() - start)
        start = time.process_time()
        results = list(analyze_stream([article], time_limit=None))
        stage = min(stage, time.process_time() - start)
        assert len(results) == 1 and results[0].statements
    return parse, stage


@pytest.mark.benchmark
def test_long_article_stage_linear_in_length():
    corpus = _corpus()
    if not corpus.exists():
        pytest.skip(f"benchmark corpus not found: {corpus} (set KG_BENCH_CORPUS=/path/to/articles.jsonl)")
    long_chars = int(os.environ.get("KG_BENCH_LONG_CHARS", 2_000_000))
    short = Article(id="short", text=_text(corpus, 10_000), source="short")
    long = Article(id="long", text=_text(corpus, long_chars), source="long")
    from kg.nlp import load_pipeline

    load_pipeline()   # not timed
    short_parse, short_stage = _measure(short, 5)
    long_parse, long_stage = _measure(long, 1)
    short_ratio, long_ratio = short_stage / short_parse, long_stage / long_parse
    print(f"\nshort: {len(short.text):,} chars  parse {short_parse:.2f}s CPU  stage {short_stage:.2f}s CPU  "
          f"stage/parse {short_ratio:.2f}")
    print(f"long:  {len(long.text):,} chars  parse {long_parse:.2f}s CPU  stage {long_stage:.2f}s CPU  "
          f"stage/parse {long_ratio:.2f}")
    print(f"long ratio / short ratio: {long_ratio / short_ratio:.2f} (target <= 1.5)")
    assert long_ratio <= 1.5 * short_ratio
