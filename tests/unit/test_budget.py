"""The per-article time budget (kg.budget) and its use by the worker: a runaway article is named and skipped.
No model: the worker runs on a blank spaCy pipeline and a stand-in analysis that never ends."""
from __future__ import annotations

import threading
import time

import pytest
import spacy

import kg.nlp
import kg.resolve
from kg.budget import OverBudget, time_budget
from kg.models import Article, ArticleResult, Skipped
from kg.worker import analyze_stream


def spin() -> None:
    while True:   # pure Python, as extraction and resolution are
        pass


def test_budget_stops_a_runaway_block():
    started = time.perf_counter()
    with pytest.raises(OverBudget):
        with time_budget(0.2):
            spin()
    assert time.perf_counter() - started < 5


def test_budget_lets_a_quick_block_finish_and_fires_nothing_later():
    with time_budget(0.2):
        value = sum(range(1000))
    time.sleep(0.5)   # a timer that still fired would raise here
    assert value == 499500


@pytest.mark.parametrize("seconds", [None, 0])
def test_budget_none_or_zero_is_no_limit(seconds):
    with time_budget(seconds):
        time.sleep(0.05)


def test_budget_works_in_a_worker_thread():
    outcome: list[str] = []

    def run() -> None:
        try:
            with time_budget(0.2):
                spin()
        except OverBudget:
            outcome.append("stopped")

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(10)
    assert outcome == ["stopped"]


def test_worker_skips_a_runaway_article_by_name_and_goes_on(monkeypatch):
    monkeypatch.setattr(kg.nlp, "load_pipeline", lambda model: spacy.blank("en"))

    def analyze(doc, article: Article) -> ArticleResult:
        if "forever" in article.text:
            spin()
        return ArticleResult(article=article)

    monkeypatch.setattr(kg.resolve, "analyze", analyze)
    articles = [Article(id="a", text="Fine.", source="a.txt"), Article(id="b", text="Runs forever.", source="b.txt"),
                Article(id="c", text="Fine too.", source="c.txt")]
    results = list(analyze_stream(articles, model="blank", time_limit=0.3))
    assert [type(r).__name__ for r in results] == ["ArticleResult", "Skipped", "ArticleResult"]
    skipped = results[1]
    assert isinstance(skipped, Skipped) and skipped.source == "b.txt"
    assert skipped.reason.startswith("analysis took longer than 0.3s (13 characters), stopped")
