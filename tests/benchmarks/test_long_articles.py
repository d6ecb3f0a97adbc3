"""Linear cost per article: extraction + resolution of a 20,000-word text costs about 20x a 1,000-word one.

    .venv/bin/python -m pytest tests/benchmarks/test_long_articles.py -m benchmark -s

The long texts are consecutive Wikinews articles joined by paragraph breaks (``KG_BENCH_CORPUS`` overrides
the corpus). Each text is parsed once; only :func:`kg.resolve.analyze` (extraction and in-article
resolution, what runs after the parse) is timed, in CPU seconds. Target: 20k / 1k <= 25 (linear, with
room for the fixed cost of a tiny text); a quadratic stage would give about 400.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.filterwarnings("ignore:Importing 'parser.split_arg_string':DeprecationWarning")


def _text(texts: list[str], words: int) -> str:
    out, n = [], 0
    for t in texts:
        out.append(t)
        n += len(t.split())
        if n >= words:
            break
    return "\n\n".join(out)


@pytest.mark.benchmark
def test_long_articles_cost_linear_in_length():
    corpus = Path(os.environ.get("KG_BENCH_CORPUS", ROOT.parent / "shared" / "corpora" / "wikinews" / "articles.jsonl"))
    if not corpus.exists():
        pytest.skip(f"benchmark corpus not found: {corpus}")
    from kg.models import Article
    from kg.nlp import load_pipeline
    from kg.resolve import analyze

    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()[:300]]
    nlp = load_pipeline()
    seconds = {}
    for words in (1_000, 5_000, 20_000):
        text = _text(texts, words)
        doc = nlp(text)
        start = time.process_time()
        analyze(doc, Article(id=f"long-{words}", text=text))
        seconds[words] = time.process_time() - start
        print(f"\n{words} words ({len(doc)} tokens): {seconds[words]:.2f}s", end="")
    ratio = seconds[20_000] / seconds[1_000]
    print(f"\n20k / 1k = {ratio:.1f} (target <= 25; quadratic would be ~400)")
    assert ratio <= 25
