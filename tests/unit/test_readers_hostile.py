"""Readers on hostile input: every bad file or object is one Skipped naming it and the reason, never an
exception; odd characters never reach an Article; paths that cannot be opened are named, not opened."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kg.models import Article, Skipped
from kg.readers import read_file, read_paths, to_iso

BODY = "The Taliban met the United States envoy in Doha on Saturday."


def items_of(path: Path) -> list[Article | Skipped]:
    return list(read_paths([path]))


def one_article(path: Path) -> Article:
    items = items_of(path)
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def one_skipped(path: Path) -> Skipped:
    items = items_of(path)
    assert len(items) == 1 and isinstance(items[0], Skipped), items
    return items[0]


@pytest.mark.parametrize("name,content,reason", [
    pytest.param("deep.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply", id="deep-json"),
    pytest.param("deep.jsonl", b"[" * 100_000 + b"]" * 100_000 + b"\n", "nested too deeply", id="deep-jsonl"),
    pytest.param("bigint.json", b'{"id": ' + b"9" * 5000 + b', "text": "x y"}', "4300 digits", id="5000-digit-id"),
    pytest.param("bigint.jsonl", b'{"id": ' + b"9" * 5000 + b', "text": "x y"}\n', "4300 digits",
                 id="5000-digit-id-jsonl"),
    pytest.param("dict-id.json", json.dumps({"id": {"a": 1}, "text": BODY}).encode(), "'id' must be a string",
                 id="object-id"),
    pytest.param("bool-id.json", json.dumps({"id": True, "text": BODY}).encode(), "got a boolean", id="bool-id"),
    pytest.param("true.json", b"true", "got a boolean", id="json-bool"),
])
def test_readers_hostile_json_is_one_clear_skip(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    skipped = one_skipped(path)
    assert skipped.source.startswith(str(path))
    assert reason in skipped.reason
    assert "sys.set_int_max_str_digits" not in skipped.reason


def test_readers_lone_surrogate_becomes_replacement_character(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"id": "a", "title": "Bad \\ud800 title", "author": "X \\udfff", "text": "%s"}' % BODY)
    art = one_article(path)
    assert art.title == "Bad \ufffd title" and art.author == "X \ufffd"
    assert len(art.sha256) == 64


@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\x00", "\x1b"])
def test_readers_non_characters_and_controls_never_reach_an_article(tmp_path: Path, char: str) -> None:
    path = tmp_path / "a.jsonl"
    obj = {"id": "a", "title": f"T{char}itle", "author": f"A{char}", "url": f"https://x.org/{char}a",
           "text": f"{BODY} More{char} text."}
    path.write_text(json.dumps(obj) + "\n", encoding="utf-8")
    art = one_article(path)
    for value in (art.title, art.author, art.url, art.text):
        assert value is not None and char not in value
    assert art.title == "Title"
    text = tmp_path / "b.txt"
    text.write_text(f"Headline{char}\n\n{BODY}{char}\n", encoding="utf-8")
    assert char not in one_article(text).text


def test_readers_json_values_are_never_python_reprs(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"id": 7, "title": {"en": "Title"}, "author": [{"name": "X"}, "Jane Doe", True],
                                "url": False, "text": BODY}))
    art = one_article(path)
    assert art.id == "7"
    assert art.title is None and art.url is None and art.author == "Jane Doe"
    assert dict(art.metadata)["title"] == '{"en": "Title"}'     # kept as written, not lost


@pytest.mark.parametrize("written,iso", [
    ("2020-13-01", None), ("2020-02-30", None), ("0099-01-01", "0099-01-01"), ("2021-1-5", "2021-01-05"),
    ("0999-12-31T23:59:00", "0999-12-31T23:59:00"), ("January 5, 0099", "0099-01-05"),
])
def test_readers_dates_are_valid_xsd_or_none(written: str, iso: str | None) -> None:
    assert to_iso(written) == iso


def test_readers_same_file_name_in_two_folders_gives_two_ids(tmp_path: Path) -> None:
    for month in ("2024-01", "2024-02"):
        (tmp_path / month).mkdir()
        (tmp_path / month / "index.txt").write_text(f"Headline {month}\n\n{BODY}\n")
        (tmp_path / month / "feed.jsonl").write_text(json.dumps({"text": BODY}) + "\n")
    (tmp_path / "top.txt").write_text(f"Top\n\n{BODY}\n")
    ids = [a.id for a in items_of(tmp_path) if isinstance(a, Article)]
    assert ids == ["2024-01-feed-1", "2024-01-index", "2024-02-feed-1", "2024-02-index", "top"]


def test_readers_odd_folder_entries_are_named_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(f"Headline\n\n{BODY}\n")
    outside = tmp_path / "secret.txt"
    outside.write_text(f"Secret\n\n{BODY}\n")
    (folder / "outside.txt").symlink_to(outside)
    (folder / "inside.txt").symlink_to(folder / "good.txt")
    (folder / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "dirlink").symlink_to(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    items = items_of(folder)
    skipped = {Path(i.source).name: i.reason for i in items if isinstance(i, Skipped)}
    read = sorted(Path(i.source).name for i in items if isinstance(i, Article))
    assert read == ["good.txt", "inside.txt"]
    assert "outside" in skipped["outside.txt"] and "not read" in skipped["outside.txt"]
    assert skipped["dangling.txt"] == "broken symbolic link"
    assert skipped["loop.txt"] == "symbolic link loop"
    assert "not followed" in skipped["dirlink"]
    assert "FIFO" in skipped["pipe.txt"]
    assert [i.source for i in items_of(folder / "pipe.txt")] == [str(folder / "pipe.txt")]   # never opened


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file or folder")
def test_readers_unreadable_folder_and_file_are_named(tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(f"H\n\n{BODY}\n")
    (tmp_path / "closed.txt").write_text(f"H\n\n{BODY}\n")
    os.chmod(tmp_path / "locked", 0)
    os.chmod(tmp_path / "closed.txt", 0)
    try:
        reasons = {Path(i.source).name: i.reason for i in items_of(tmp_path) if isinstance(i, Skipped)}
    finally:
        os.chmod(tmp_path / "locked", 0o755)
    assert reasons == {"locked": "cannot read folder: permission denied",
                       "closed.txt": "cannot read file: permission denied"}


def test_readers_path_too_long_is_named(tmp_path: Path) -> None:
    long = tmp_path / ("x" * 300 + ".txt")
    assert items_of(long) == [Skipped(str(long), "file name too long")]
    assert list(read_file(long)) == [Skipped(str(long), "file name too long")]


def test_readers_permission_errors_are_named_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as above where the tests run as root: the system's refusals are simulated."""
    import errno

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(f"H\n\n{BODY}\n")
    (tmp_path / "closed.txt").write_text(f"H\n\n{BODY}\n")
    (tmp_path / "open.txt").write_text(f"H\n\n{BODY}\n")
    real_scandir, real_read_bytes = os.scandir, Path.read_bytes

    def scandir(path: object = ".") -> object:
        if Path(str(path)).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    def read_bytes(self: Path) -> bytes:
        if self.name == "closed.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    items = items_of(tmp_path)
    reasons = {Path(i.source).name: i.reason for i in items if isinstance(i, Skipped)}
    assert reasons == {"locked": "cannot read folder: permission denied",
                       "closed.txt": "cannot read file: permission denied"}
    assert [Path(i.source).name for i in items if isinstance(i, Article)] == ["open.txt"]
