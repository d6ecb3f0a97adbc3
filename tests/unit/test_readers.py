"""Readers: header detection, JSON/JSONL, HTML, bad inputs, folder walking."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.models import Article, Skipped
from kg.readers import read_file, read_paths
from kg.readers.text import detect_header, is_title_like, parse_text

DATA = Path(__file__).resolve().parents[1] / "data" / "readers"
DEMO = Path(__file__).resolve().parents[2] / "articles" / "taliban-rules-out-cooperation-with-us.txt"


def only(items: list[Article | Skipped]) -> Article:
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, Article), item
    return item


def test_readers_demo_header_is_removed() -> None:
    art = only(list(read_paths([DEMO])))
    assert art.id == "taliban-rules-out-cooperation-with-us"
    assert art.title == "Taliban Rules out Cooperation with US to Contain ISIS"
    assert art.date == "2021-10-09T18:30:00"
    assert art.author == "Ahmad El-Assasy"
    assert art.text.startswith("The Taliban on Saturday said it will not work with the US")
    assert art.text.endswith("slow pace of US-facilitated evacuations from Taliban-ruled Afghanistan.")
    for furniture in ("Supervisor", "Editor in Chief", "06:30 PM", "El-Assasy"):
        assert furniture not in art.text
    assert art.source == str(DEMO)


def test_readers_masthead_nav_byline_and_trailing_furniture() -> None:
    art = only(list(read_file(DATA / "masthead.txt")))
    assert art.title == "Ministers Agree on New Water Deal"
    assert art.date == "2019-01-23T10:30:00"
    assert art.author == "Jane Doe and John Roe"
    paragraphs = art.text.split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[1] == "The deal, signed in the capital, covers the next ten years."
    assert "Share this" not in art.text and "©" not in art.text


def test_readers_text_normalization_invariants() -> None:
    for item in read_paths([DATA, DEMO.parent]):
        if isinstance(item, Article):
            assert item.text == item.text.strip()
            for para in item.text.split("\n\n"):
                assert para and para == " ".join(para.split())


def test_readers_plain_text_without_header() -> None:
    art = parse_text("First sentence of a body without any header at all. It goes on.\n\nSecond one.",
                     path="x.txt", article_id="x")
    assert isinstance(art, Article)
    assert art.title is None and art.date is None and art.author is None
    assert art.text.startswith("First sentence")


def test_readers_name_byline_needs_headline_first() -> None:
    header = detect_header(["Jane Doe", "", "Body text that is a sentence."])
    assert header.author is None


@pytest.mark.parametrize("line,expected", [
    pytest.param("Taliban Rules out Cooperation with US", True, id="headline"),
    pytest.param("This is a sentence.", False, id="terminal-period"),
    pytest.param("lowercase start", False, id="lowercase"),
])
def test_readers_title_like(line: str, expected: bool) -> None:
    assert is_title_like(line) is expected


def test_readers_wikinews_dateline_is_stripped(tmp_path: Path) -> None:
    src = tmp_path / "wn.jsonl"
    src.write_text('{"title": "T", "text": "Wednesday, January 23, 2019 \\n\\n\\nBody here."}\n',
                   encoding="utf-8")
    art = only(list(read_file(src)))
    assert art.text == "Body here."
    assert art.date == "2019-01-23"            # taken from the dateline: no "date" key
    assert art.id == "wn-1"
    assert art.source == f"{src}:1"


def test_readers_markdown_front_matter_and_syntax() -> None:
    art = only(list(read_file(DATA / "front-matter.md")))
    assert art.id == "front-matter"
    assert (art.title, art.date, art.author, art.url) == (
        "Talks Resume in Doha", "2021-10-09", "Jane Doe", "https://example.org/talks")
    assert art.text == ("The Taliban and US officials met in Doha on Saturday.\n\n"
                        "Talks will continue on Sunday.")


def test_readers_jsonl_bad_line_does_not_stop_others() -> None:
    src = DATA / "lines.jsonl"
    items = list(read_file(src))
    assert [type(i).__name__ for i in items] == ["Article", "Skipped", "Article", "Skipped"]
    first, bad, third, no_text = items
    assert isinstance(first, Article) and isinstance(third, Article)
    assert isinstance(bad, Skipped) and isinstance(no_text, Skipped)
    assert first.id == "a" and first.date == "2019-01-23"
    assert first.text == "First paragraph.\n\nSecond paragraph."
    assert bad.source == f"{src}:2" and "invalid JSON" in bad.reason
    assert third.id == "lines-4" and third.metadata == (("tags", '["x", "y"]'),)
    assert no_text.source == f"{src}:5" and "'text' is missing" in no_text.reason


def test_readers_json_list() -> None:
    first, second = list(read_file(DATA / "list.json"))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.date, first.author) == ("7", "2020-03-07", "A. Writer, B. Writer")
    assert first.metadata == (("lang", '"en"'),)
    assert (second.id, second.date, second.text) == ("list-2", "2020-03-07", "Body two.")


def test_readers_html_extraction() -> None:
    art = only(list(read_file(DATA / "page.html")))
    assert art.id == "page"
    assert art.title == "Envoy Meets Taliban in Doha"
    assert art.date == "2021-10-09"
    assert art.author == "Jane Doe"
    assert art.text.startswith("The United States envoy met senior Taliban officials")
    assert len(art.text.split("\n\n")) == 3
    assert "Home" not in art.text and "©" not in art.text


@pytest.mark.parametrize("name,content,reason", [
    pytest.param("bad.txt", b"caf\xe9 \xff\xfe", "not UTF-8", id="undecodable"),
    pytest.param("empty.txt", b"", "empty", id="empty-txt"),
    pytest.param("blank.jsonl", b"\n  \n", "empty", id="empty-jsonl"),
    pytest.param("empty.json", b"[]", "empty", id="empty-json-list"),
    pytest.param("scalar.json", b"42", "expected a JSON object", id="json-scalar"),
    pytest.param("header-only.txt", b"Big Headline\n\n2019-01-23\n", "no body text", id="header-only"),
    pytest.param("notes.pdf", b"%PDF", "unsupported file type", id="unknown-suffix"),
])
def test_readers_bad_files_are_skipped(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    items = list(read_paths([path]))
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert items[0].source == str(path)
    assert reason in items[0].reason


def test_readers_nonexistent_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    assert list(read_paths([missing])) == [Skipped(str(missing), "no such file or folder; check the path")]


def test_readers_folder_walk_is_sorted_and_skips_docs(tmp_path: Path) -> None:
    for rel in ("b/z.txt", "a.txt", "b/a.md", ".hidden/x.txt", "c/.y.txt", "README.md", "b/LICENSE.txt",
                "notes.pdf"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Some body text that is a full sentence.\n", encoding="utf-8")
    sources = [item.source for item in read_paths([tmp_path])]
    assert sources == [str(tmp_path / r) for r in ("a.txt", "b/a.md", "b/z.txt")]
    assert sources == [item.source for item in read_paths([tmp_path])]


def test_readers_demo_folder_ignores_readme(tmp_path: Path) -> None:
    shutil.copytree(DEMO.parent, tmp_path / "articles")
    items = list(read_paths([tmp_path / "articles"]))
    assert all(isinstance(i, Article) for i in items)
    assert not any(i.source.endswith("README.md") for i in items)
    assert len(items) == 11
    ids = [i.id for i in items if isinstance(i, Article)]
    assert len(set(ids)) == len(ids)


def test_readers_byline_with_date_and_site_name() -> None:
    text = ("World News\nSign in\n\nPakistan Urges Talks With Kabul\nBy Jane Doe | Updated 2021-10-09\n\n"
            "Islamabad on Monday urged the world to engage with the new rulers of Afghanistan, officials "
            "said.\n\nAdvertisement\n\nMore text here.\n\nRelated: Other story")
    art = parse_text(text, path="x.txt", article_id="x")
    assert isinstance(art, Article)
    assert (art.title, art.date, art.author) == ("Pakistan Urges Talks With Kabul", "2021-10-09", "Jane Doe")
    assert art.text.endswith("officials said.\n\nMore text here.")
