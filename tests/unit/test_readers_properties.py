"""Property tests over random files and small articles: the readers never raise, and every Article they
return is fit for every export (clean text, a usable id and hash, an xsd:date or no date); small random
articles go through the real pipeline into exports every reader parses."""
from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.models import Article, Skipped
from kg.readers import SUPPORTED_SUFFIXES, read_paths

UNUSABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]")
HOSTILE = ["\ufffe", "\uffff", "\x00", "\x1b", "\ud800", "\udfff", "\u202e", "\u200b", "\ufeff", "\r", "\n\n",
           "2020-13-01", "0099-01-01", "<script>", "---\n", "# ", "By ", "{", "\"", "\\u0000", " ", "."]
text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=8)), max_size=8).map("".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3), max_leaves=8)
objects = st.fixed_dictionaries({}, optional={"id": json_values, "title": json_values, "date": json_values,
                                               "author": json_values, "url": json_values, "text": json_values | text})


def assert_fit(item: Article | Skipped) -> None:
    assert isinstance(item, (Article, Skipped))
    if isinstance(item, Skipped):
        assert item.reason and "\n" not in item.reason
        return
    assert item.id and item.text.strip()
    for value in (item.id, item.text, item.title, item.author, item.url, *(v for kv in item.metadata for v in kv)):
        assert value is None or not UNUSABLE.search(value), value
    assert len(item.sha256) == 64
    if item.date is not None:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?", item.date), item.date
        dt.datetime.fromisoformat(item.date)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(suffix=st.sampled_from(SUPPORTED_SUFFIXES), data=st.binary(max_size=300))
def test_readers_properties_any_bytes(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"a{suffix}"
        path.write_bytes(data)
        items = list(read_paths([path]))
    assert items
    for item in items:
        assert_fit(item)


@settings(max_examples=80, deadline=None)
@given(suffix=st.sampled_from([".txt", ".md", ".html"]), content=text)
def test_readers_properties_any_text(suffix: str, content: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"a{suffix}"
        path.write_bytes(content.encode("utf-8", "surrogatepass"))
        for item in read_paths([path]):
            assert_fit(item)


@settings(max_examples=120, deadline=None)
@given(objs=st.lists(objects, min_size=1, max_size=4))
def test_readers_properties_any_json(objs: list[dict]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        lines = Path(folder) / "a.jsonl"
        lines.write_text("\n".join(json.dumps(o) for o in objs) + "\n", encoding="utf-8")
        whole = Path(folder) / "b.json"
        whole.write_text(json.dumps(objs), encoding="utf-8")
        items = list(read_paths([lines])) + list(read_paths([whole]))
    assert len(items) == 2 * len(objs)
    for item in items:
        assert_fit(item)


sentences = st.lists(st.sampled_from([
    "The Taliban said it will not work with the United States.", "Iran criticized Israel on Monday.",
    "Suhail Shaheen met Zalmay Khalilzad in Doha.", "The envoy rejected the offer.", "Russia attacked Ukraine.",
]), min_size=1, max_size=4)


@pytest.mark.model
@settings(max_examples=8, deadline=None)
@given(articles=st.lists(st.tuples(text, sentences, st.sampled_from(HOSTILE), st.dates()), min_size=1, max_size=3))
def test_readers_properties_small_articles_build_into_valid_exports(articles: list) -> None:
    from tests.exportcheck import assert_exports_parse
    from kg.pipeline import build

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "in").mkdir()
        for n, (title, body, odd, day) in enumerate(articles):
            obj = {"id": f"{title}{n}", "title": title, "date": day.isoformat(), "author": odd,
                   "text": f"{odd} ".join(body)}
            (root / "in" / f"{n}.json").write_text(json.dumps(obj), encoding="utf-8")
        summary = build([root / "in"], root / "out", use_cache=False)
        assert summary.articles + len(summary.skipped) == len(articles)
        quads, _ = assert_exports_parse(root / "out")
        ids = {q.object.value for q in quads if q.predicate.value == "https://schema.org/identifier"}
        assert len(ids) == summary.articles
