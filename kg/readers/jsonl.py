"""JSON Lines (``.jsonl``, one object a line) and JSON (``.json``, an object or a list of objects).

Known keys: ``id``, ``title``, ``date``, ``url``, ``author`` (a string or a list), ``text``. Other keys
are kept in ``Article.metadata``. A bad line or object is skipped with its ``file:line`` and the reason;
the others are still read.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.models import Article, Skipped
from ._common import (read_whole_text, as_text, decode, decode_error_reason, drop_trailing_furniture, join_body,
                      metadata_of, split_paragraphs, strip_leading)
from .dates import to_iso

__all__ = ["article_from_object", "read_jsonl", "read_json"]

KNOWN_KEYS = ("id", "title", "date", "url", "author", "text")


def article_from_object(obj: Any, *, source: str, default_id: str) -> Article | Skipped:
    """Turn one decoded JSON value into an Article, or a Skipped saying what is wrong with it.

    A leading dateline in the text ("Wednesday, January 23, 2019", as in Wikinews) is removed and used
    as the date when ``date`` is missing. A ``date`` that cannot be read is kept in metadata as written.
    """
    if not isinstance(obj, dict):
        return Skipped(source, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        what = "missing" if text is None else ("empty" if isinstance(text, str) else
                                               f"a {type(text).__name__}, not a string")
        return Skipped(source, f"'text' is {what}; each object needs the article body in 'text'")
    title = as_text(obj.get("title"))
    paragraphs, dateline = strip_leading(split_paragraphs(text), title)
    paragraphs = drop_trailing_furniture(paragraphs)
    if not paragraphs:
        return Skipped(source, "'text' holds no body text (only a title or dateline)")
    metadata = metadata_of(obj, KNOWN_KEYS)
    raw_date = as_text(obj.get("date"))
    date = to_iso(raw_date) if raw_date else None
    if raw_date and date is None:
        # unreadable date: keep what was written rather than lose it
        metadata = tuple(sorted(metadata + (("date", json.dumps(obj.get("date"), sort_keys=True)),)))
    if date is None and dateline:
        date = to_iso(dateline)
    raw_id = obj.get("id")
    article_id = as_text(raw_id) if raw_id is not None else None
    return Article(id=article_id or default_id, text=join_body(paragraphs), title=title, date=date,
                   author=as_text(obj.get("author")), url=as_text(obj.get("url")), source=source,
                   metadata=metadata)


def read_jsonl(path: Path, source: str) -> Iterator[Article | Skipped]:
    """Yield one Article or Skipped per non-blank line of a ``.jsonl`` file.

    Lines are decoded one by one, so one undecodable or invalid line does not lose the others.
    """
    found = False
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            where = f"{source}:{lineno}"
            try:
                line = decode(raw) if lineno == 1 else raw.decode("utf-8")
            except UnicodeDecodeError as err:
                found = True
                yield Skipped(where, decode_error_reason(err))
                continue
            if not line.strip():
                continue
            found = True
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                yield Skipped(where, f"invalid JSON ({err.msg} at column {err.colno}); "
                                     "each line must hold one complete JSON object")
                continue
            yield article_from_object(obj, source=where, default_id=f"{path.stem}-{lineno}")
    if not found:
        yield Skipped(source, "file is empty")


def read_json(path: Path, source: str) -> Iterator[Article | Skipped]:
    """Yield the article(s) of a ``.json`` file holding one object or a list of objects."""
    text = read_whole_text(path, source)
    if isinstance(text, Skipped):
        yield text
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        yield Skipped(source, f"invalid JSON ({err.msg} at line {err.lineno}, column {err.colno})")
        return
    if isinstance(data, dict):
        yield article_from_object(data, source=source, default_id=path.stem)
    elif isinstance(data, list):
        if not data:
            yield Skipped(source, "the JSON list is empty")
        for n, item in enumerate(data, start=1):
            yield article_from_object(item, source=f"{source}[{n - 1}]", default_id=f"{path.stem}-{n}")
    else:
        yield Skipped(source, f"expected a JSON object or a list of objects, got {type(data).__name__}")
