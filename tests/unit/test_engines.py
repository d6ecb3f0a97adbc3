"""Engine plumbing without the model: batching, ordered bounded submission, text pieces, long-text parsing."""
from __future__ import annotations

from concurrent.futures import Future

import spacy
from hypothesis import given
from hypothesis import strategies as st

from kg.engines import batched, ordered
from kg.models import Article, ArticleResult
from kg.nlp import parse_articles, split_text


def test_engines_batched_keeps_order_and_sizes():
    items = [Article(id=str(i), text="x") for i in range(19)]
    batches = list(batched(items, 8))
    assert [len(b) for b in batches] == [8, 8, 3]
    assert [a.id for b in batches for a in b] == [str(i) for i in range(19)]


def test_engines_ordered_yields_in_submission_order_with_bounded_window():
    in_flight: list[Future] = []
    peak = 0

    def submit(batch: list[int]) -> Future:
        nonlocal peak
        future: Future = Future()
        future.set_result([n * 10 for n in batch])
        in_flight.append(future)
        peak = max(peak, sum(1 for f in in_flight if f not in consumed))
        return future

    consumed: list[Future] = []
    original = Future.result

    def result(self: Future, timeout: float | None = None):   # record when the engine reads a result
        consumed.append(self)
        return original(self, timeout)

    Future.result = result   # type: ignore[method-assign]
    try:
        out = list(ordered(submit, ([i, i + 1] for i in range(0, 20, 2)), window=3))
    finally:
        Future.result = original   # type: ignore[method-assign]
    assert out == [n * 10 for n in range(20)]
    assert peak == 3


@given(st.text(alphabet=st.sampled_from(list("ab .\n")), max_size=300), st.integers(min_value=1, max_value=40))
def test_nlp_split_text_joins_back_and_respects_limit(text, limit):
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= limit for p in pieces) or pieces == [""]


def test_nlp_split_text_cuts_at_paragraphs_first():
    text = "First one. Still first.\n\nSecond one. More.\n\nThird."
    assert split_text(text, 30) == ["First one. Still first.\n\n", "Second one. More.\n\nThird."]
    assert split_text(text, 20) == ["First one. ", "Still first.\n\n", "Second one. More.\n\n", "Third."]


def test_nlp_parse_articles_joins_pieces_of_a_long_article(monkeypatch):
    import kg.nlp

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    monkeypatch.setattr(kg.nlp, "CHUNK_CHARS", 40)
    long = Article(id="long", text="The Taliban met officials. " * 5 + "\n\n" + "They said no. " * 6)
    short = Article(id="short", text="A short one.")
    parsed = list(parse_articles(nlp, [long, short, long]))
    assert [a.id for _, a in parsed] == ["long", "short", "long"]
    doc = parsed[0][0]
    assert doc.text == long.text
    assert [t.idx for t in doc] == [t.idx for t in nlp(long.text)]   # offsets are the article's
    assert parsed[1][0].text == short.text


def test_nlp_parse_articles_beyond_max_length_does_not_abort():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 50
    article = Article(id="a", text="Word word word. " * 20)
    [(doc, _)] = list(parse_articles(nlp, [article]))
    assert doc.text == article.text and len(article.text) > nlp.max_length


def test_pipeline_stage_report_names_each_stage_in_order():
    from kg.pipeline import BuildSummary

    summary = BuildSummary(stages={"read": 0.31, "parse+extract": 12.0, "merge": 1.26})
    assert summary.stage_report() == "read 0.3s, parse+extract 12.0s, merge 1.3s"


def test_pipeline_cache_hit_for_the_same_article_read_from_another_file(tmp_path):
    from kg.pipeline import _Cache

    cache = _Cache(tmp_path, "model")
    article = Article(id="a", text="Some text.", title="T", source="old.jsonl:1")
    cache.put(ArticleResult(article=article))
    moved = Article(id="a", text="Some text.", title="T", source="new.jsonl:7")
    hit = cache.get(moved)
    assert hit is not None and hit.article == moved        # its source is where it was read this time
    assert cache.get(Article(id="a", text="Other text.", title="T", source="old.jsonl:1")) is None
