"""Plain-text and Markdown articles: find the header (headline, dateline, byline, masthead), keep the body.

The header is the run of short lines before the first real paragraph. Each line there is classified as
furniture (masthead staff, navigation, share/subscribe, copyright), dateline, byline or headline; the
body starts at the first line that is none of these (or at the first long paragraph).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.models import Article, Skipped
from kg.ontology import cue_words
from ._common import (read_whole_text, collapse, default_stem, drop_trailing_furniture, is_furniture,
                      join_body, slugify, split_paragraphs)
from .dates import looks_like_dateline, to_iso

__all__ = ["Header", "detect_header", "read_text", "parse_text", "parse_markdown"]

_MAX_HEADER_LINES = 20        # header lines looked at, non-blank
_LONG_LINE_CHARS = 120        # a line this long is body text
_LONG_LINE_WORDS = 20
_MAX_TITLE_WORDS = 25
_BY_RE = re.compile(r"^(?:written\s+|reported\s+|story\s+)?by[:\s]+(.+)$", re.IGNORECASE)
_NAME_PARTICLES = cue_words("name-particle") | {"and"}    # "Ahmad El-Assasy and Jane Roe"
_NAME_TOKEN_RE = re.compile(r"^[A-Z][A-Za-z'’.]*(?:-[A-Za-z][A-Za-z'’.]*)*$")


@dataclass(frozen=True, slots=True)
class Header:
    """What the header detector found, and where the body starts (index into the lines)."""

    title: str | None
    date: str | None
    author: str | None
    body_start: int


def is_long_line(line: str) -> bool:
    """A line long enough to be a body paragraph rather than a header line."""
    s = collapse(line)
    return len(s) >= _LONG_LINE_CHARS or len(s.split()) >= _LONG_LINE_WORDS


def is_title_like(line: str) -> bool:
    """Short, no terminal period, starts with a capital or digit: could be a headline."""
    s = collapse(line)
    if not s or len(s.split()) > _MAX_TITLE_WORDS or is_long_line(s):
        return False
    if s.endswith((".", ",", ";", ":")) and not s.endswith("..."):
        return False
    return s[0].isupper() or s[0].isdigit() or s[0] in "\"'‘“"


def is_name_line(line: str) -> bool:
    """A bare name of 2-4 capitalized tokens ("Ahmad El-Assasy"), particles like "bin" allowed."""
    tokens = collapse(line).split()
    if not 2 <= len(tokens) <= 6:
        return False
    caps = [t for t in tokens if t.lower() not in _NAME_PARTICLES]
    return (2 <= len(caps) <= 4 and tokens[0].lower() not in _NAME_PARTICLES
            and all(_NAME_TOKEN_RE.match(t) for t in caps))


def byline_author(line: str) -> str | None:
    """The author named by a "By ..." line: "By X and Y, Reuters" -> "X and Y"; None if not a byline."""
    m = _BY_RE.match(collapse(line))
    if not m:
        return None
    rest = re.split(r"\s*[,|•·]\s*|\s+-\s+|\s+—\s+", m.group(1))[0]
    rest = rest.strip(" .")
    return rest if rest and len(rest.split()) <= 12 else None


def date_in_byline(line: str) -> str | None:
    """A date written in the byline ("By Jane Doe | Updated 2021-10-09"), or None."""
    for part in re.split(r"\s*[|•·]\s*|\s+[-—]\s+", collapse(line))[1:]:
        if looks_like_dateline(part):
            return to_iso(part)
    return None


def header_candidates(lines: list[str]) -> list[int]:
    """Indices of the non-blank lines that may belong to the header (before the first long line)."""
    out: list[int] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if is_long_line(line) or len(out) >= _MAX_HEADER_LINES:
            break
        out.append(i)
    return out


def detect_header(lines: list[str]) -> Header:
    """Classify the first lines of an article and find where the body starts.

    Furniture lines are skipped wherever they are in the header. The headline is the longest title-like
    line before the first dateline/byline (site names above a headline are usually short). A bare name
    after the headline or dateline is the byline. The first other line starts the body.

    >>> h = detect_header(["Editor in Chief A B", "Big News Today", "2019-01-23", "By Jane Doe", "", "Text."])
    >>> (h.title, h.date, h.author, h.body_start)
    ('Big News Today', '2019-01-23', 'Jane Doe', 5)
    """
    title: str | None = None
    date: str | None = None
    author: str | None = None
    body_start = 0
    seen_meta = False            # a dateline or byline was seen: no more headline candidates
    for i in header_candidates(lines):
        s = collapse(lines[i])
        if is_furniture(s):
            pass
        elif date is None and looks_like_dateline(s):
            date, seen_meta = to_iso(s), True
        elif author is None and (by := byline_author(s)) is not None:
            author, seen_meta = by, True
            date = date or date_in_byline(s)
        elif author is None and (title or date) and is_name_line(s) and not _better_title(s, title):
            author, seen_meta = s, True
        elif not seen_meta and is_title_like(s):
            if title is None or _better_title(s, title):
                title = s
        else:
            return Header(title, date, author, i)
        body_start = i + 1
    return Header(title, date, author, body_start)


def _better_title(candidate: str, current: str | None) -> bool:
    """Does ``candidate`` look more like the headline than ``current`` (a short site name, say)?"""
    return current is not None and len(candidate.split()) > max(4, len(current.split()))


def parse_text(text: str, *, path: str, article_id: str) -> Article | Skipped:
    """Build an Article from the contents of a ``.txt`` file."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = detect_header(lines)
    paragraphs = drop_trailing_furniture(split_paragraphs("\n".join(lines[header.body_start:])))
    if not paragraphs:
        return Skipped(path, "no body text after the header (headline/dateline/byline); "
                             "put the article text below the header, separated by a blank line")
    return Article(id=article_id, text=join_body(paragraphs), title=header.title, date=header.date,
                   author=header.author, source=path)


_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_INLINE = (
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),                 # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),               # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),              # [text][ref]
    (re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.MULTILINE), ""),  # reference definitions
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\w)"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE), r"\1"),  # headings
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),             # blockquotes
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.MULTILINE), ""),  # list markers
    (re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.MULTILINE), ""),  # horizontal rules
)


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split simple YAML front matter (``key: value`` lines) from a Markdown document."""
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "#")):
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            meta[key.strip().lower()] = value
    return meta, text[m.end():]


def strip_markdown(text: str) -> str:
    """Remove Markdown syntax but keep the words (link text stays, URLs and images go)."""
    for pattern, repl in _MD_INLINE:
        text = pattern.sub(repl, text)
    return text


def parse_markdown(text: str, *, path: str, article_id: str) -> Article | Skipped:
    """Build an Article from a ``.md`` file: front matter first, then the same header detection."""
    meta, rest = parse_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    parsed = parse_text(strip_markdown(rest), path=path, article_id=article_id)
    if isinstance(parsed, Skipped):
        return parsed
    fm_date = meta.get("date")
    authors = meta.get("author") or meta.get("authors")
    return Article(
        id=article_id, text=parsed.text, source=path,
        title=collapse(meta["title"]) if meta.get("title") else parsed.title,
        date=(to_iso(fm_date) if fm_date else None) or parsed.date,
        author=(collapse(authors.strip("[]").replace("\"", "")) if authors else None) or parsed.author,
        url=meta.get("url") or meta.get("link") or None)


def read_text(path: Path, source: str, name: str | None = None) -> Iterator[Article | Skipped]:
    """Read one ``.txt``/``.md`` file; yields exactly one Article or Skipped (id: ``name``'s slug)."""
    text = read_whole_text(path, source)
    if isinstance(text, Skipped):
        yield text
        return
    article_id = slugify(default_stem(path, name))
    parse = parse_markdown if path.suffix.lower() == ".md" else parse_text
    yield parse(text, path=source, article_id=article_id)

