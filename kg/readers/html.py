"""HTML pages (``.html``/``.htm``): main text and metadata by trafilatura, offline.

trafilatura is imported lazily (it is slow to import) and only ever given the file's contents, never a
URL to fetch.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.models import Article, Skipped
from kg.safe_text import clean_text
from ._common import (as_text, decode, default_stem, drop_trailing_furniture, join_body, slugify, split_paragraphs,
                      strip_leading)
from .dates import to_iso

__all__ = ["extract_html", "read_html"]


def _as_dict(result: Any) -> dict[str, Any]:
    """trafilatura 2.x returns a ``Document``; 1.x returned a dict."""
    if result is None:
        return {}
    if isinstance(result, dict):
        return result
    if hasattr(result, "as_dict"):
        return dict(result.as_dict())
    return {k: getattr(result, k, None) for k in ("title", "date", "author", "url", "text")}


def extract_html(html: str | bytes, *, source: str, article_id: str) -> Article | Skipped:
    """Extract the article body and its title/date/author/url from an HTML page."""
    try:
        import trafilatura
    except ImportError as err:
        return Skipped(source, f"cannot read HTML: trafilatura is not usable ({err}); "
                               "install it with `pip install trafilatura lxml_html_clean`")
    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                             include_tables=False)
    except Exception as err:  # trafilatura/lxml raise many types on broken markup
        return Skipped(source, f"could not parse HTML ({type(err).__name__}: {err})")
    data = _as_dict(result)
    title = as_text(data.get("title"))
    paragraphs, dateline = strip_leading(split_paragraphs(clean_text(data.get("text") or "")), title)
    paragraphs = drop_trailing_furniture(paragraphs)
    if not paragraphs:
        return Skipped(source, "no article text found in the HTML page")
    raw_date = as_text(data.get("date"))
    date = (to_iso(raw_date) if raw_date else None) or (to_iso(dateline) if dateline else None)
    return Article(id=article_id, text=join_body(paragraphs), title=title, date=date,
                   author=as_text(data.get("author")), url=as_text(data.get("url")), source=source)


def read_html(path: Path, source: str, name: str | None = None) -> Iterator[Article | Skipped]:
    """Read one HTML file; yields exactly one Article or Skipped (id: ``name``'s slug)."""
    data = path.read_bytes()
    html: str | bytes
    try:
        html = decode(data)
    except UnicodeDecodeError:
        html = data            # not UTF-8: let trafilatura read the page's declared charset
    if not html.strip():
        yield Skipped(source, "file is empty")
        return
    yield extract_html(html, source=source, article_id=slugify(default_stem(path, name)))
