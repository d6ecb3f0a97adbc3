"""JSON Lines (``.jsonl``, one object a line) and JSON (``.json``, an object or a list of objects).

Known keys: ``id``, ``title``, ``date``, ``url``, ``author`` (a string or a list), ``text``. Other keys
are kept in ``Article.metadata``. A bad line or object is skipped with its ``file:line`` and the reason;
the others are still read.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from kg.models import Article, Skipped
from kg.safe_text import clean_text
from ._common import (read_whole_text, as_text, decode, decode_error_reason, default_stem, drop_trailing_furniture,
                      has_wide_bom, join_body, metadata_of, split_paragraphs, strip_leading)
from .dates import to_iso

__all__ = ["article_from_object", "read_jsonl", "read_json", "Lines"]

KNOWN_KEYS = ("id", "title", "date", "url", "author", "text")


def article_from_object(obj: Any, *, source: str, default_id: str) -> Article | Skipped:
    """Turn one decoded JSON value into an Article, or a Skipped saying what is wrong with it.

    A leading dateline in the text ("Wednesday, January 23, 2019", as in Wikinews) is removed and used
    as the date when ``date`` is missing. A ``date`` that cannot be read is kept in metadata as written.
    """
    if not isinstance(obj, dict):
        return Skipped(source, f"expected a JSON object, got {_json_type(obj)}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        what = "missing" if text is None else ("empty" if isinstance(text, str) else
                                               f"a {type(text).__name__}, not a string")
        return Skipped(source, f"'text' is {what}; each object needs the article body in 'text'")
    title = as_text(obj.get("title"))
    paragraphs, dateline = strip_leading(split_paragraphs(clean_text(text)), title)
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
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int, float))):
        return Skipped(source, f"'id' must be a string or a number, got {_json_type(raw_id)}")
    article_id = as_text(raw_id) if raw_id is not None else None
    # a title/author/url that is not text (an object, a bool) is kept as written, never turned into a repr
    unusable = tuple((k, json.dumps(obj[k], sort_keys=True, ensure_ascii=False)) for k in ("title", "author", "url")
                     if obj.get(k) is not None and as_text(obj[k]) is None and not isinstance(obj[k], str))
    if unusable:
        metadata = tuple(sorted(metadata + tuple((k, clean_text(v)) for k, v in unusable)))
    return Article(id=article_id or default_id, text=join_body(paragraphs), title=title, date=date,
                   author=as_text(obj.get("author")), url=as_text(obj.get("url")), source=source,
                   metadata=metadata)


def _json_type(value: Any) -> str:
    """The JSON name of a decoded value's type (object, array, boolean, ...)."""
    names = {dict: "an object", list: "an array", bool: "a boolean", str: "a string", int: "a number",
             float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def loads(text: str) -> tuple[Any, str | None]:
    """Decode JSON text: (value, None), or (None, why it cannot be read) for any bad input.

    Besides syntax errors, Python's decoder raises ValueError for an integer of more than 4,300 digits and
    RecursionError for nesting deeper than the interpreter's stack; each is a problem of the input.
    """
    try:
        return json.loads(text), None
    except json.JSONDecodeError as err:
        return None, f"invalid JSON ({err.msg} at line {err.lineno}, column {err.colno})"
    except RecursionError:
        return None, "invalid JSON (nested too deeply to read)"
    except ValueError as err:   # e.g. "Exceeds the limit (4300 digits) for integer string conversion"
        return None, f"invalid JSON ({str(err).split(';')[0]})"


def read_jsonl(path: Path, source: str, name: str | None = None, memo: Lines | None = None
               ) -> Iterator[Article | Skipped]:
    """Yield one Article or Skipped per non-blank line of a ``.jsonl`` file.

    Lines are decoded one by one, so one undecodable or invalid line does not lose the others. An object
    without ``id`` gets ``NAME-LINE`` (``name`` defaults to the file's stem). ``memo``: what earlier reads made
    of each line (see :class:`Lines`), found again rather than made (a build's incremental rebuild reads a
    corpus of which all but a few lines are unchanged: ~1 s for the 2,344 Wikinews articles).
    """
    stem = default_stem(path, name)
    found = False
    with path.open("rb") as fh:
        if has_wide_bom(fh.read(4)):         # UTF-16/32: decode the whole file, then split it into lines
            fh.seek(0)
            try:
                lines: Iterable[bytes] = [line.encode("utf-8") for line in decode(fh.read()).split("\n")]
            except UnicodeDecodeError as err:
                yield Skipped(source, decode_error_reason(err))
                return
        else:
            fh.seek(0)
            lines = fh
        for lineno, raw in enumerate(lines, start=1):
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
            if memo is not None:
                key = memo.key(raw)
                hit = memo.known.get(key)
                if hit is not None:
                    memo.used[key] = hit
                    yield memo.placed(hit, where, f"{stem}-{lineno}")
                    continue
            obj, problem = loads(line)
            if problem is not None:
                yield Skipped(where, problem.replace(" at line 1,", " at") + "; each line must hold one complete "
                                                                          "JSON object")
                continue
            if memo is not None:   # kept with no default id: the same line elsewhere takes the id of its place
                memo.used[key] = item = article_from_object(obj, source=where, default_id="")
                yield memo.placed(item, where, f"{stem}-{lineno}")
            else:
                yield article_from_object(obj, source=where, default_id=f"{stem}-{lineno}")
    if not found:
        yield Skipped(source, "file is empty")


class Lines:
    """What the lines of JSON Lines files were read as (an Article or a Skipped) under a hash of each line's bytes:
    ``known`` from earlier reads (:class:`kg.memo.Table`), ``used`` filled by this one. A line's value depends on
    nothing else but its place, set by :meth:`placed` on each read: its source (``file:line``) and, for an
    object without an id (kept with the id ``""``), the default id of its line."""

    def __init__(self, known: dict[bytes, Article | Skipped] | None = None) -> None:
        self.known = known or {}
        self.used: MutableMapping[bytes, Article | Skipped] = {}

    @staticmethod
    def key(raw: bytes) -> bytes:
        return hashlib.blake2b(raw, digest_size=16).digest()

    @staticmethod
    def placed(item: Article | Skipped, source: str, default_id: str) -> Article | Skipped:
        if isinstance(item, Article):
            return replace(item, source=source, id=item.id or default_id)
        return replace(item, source=source)


def read_json(path: Path, source: str, name: str | None = None) -> Iterator[Article | Skipped]:
    """Yield the article(s) of a ``.json`` file holding one object or a list of objects."""
    stem = default_stem(path, name)
    text = read_whole_text(path, source)
    if isinstance(text, Skipped):
        yield text
        return
    data, problem = loads(text)
    if problem is not None:
        yield Skipped(source, problem)
        return
    if isinstance(data, dict):
        yield article_from_object(data, source=source, default_id=stem)
    elif isinstance(data, list):
        if not data:
            yield Skipped(source, "the JSON list is empty")
        for n, item in enumerate(data, start=1):
            yield article_from_object(item, source=f"{source}[{n - 1}]", default_id=f"{stem}-{n}")
    else:
        yield Skipped(source, f"expected a JSON object or a list of objects, got {_json_type(data)}")
