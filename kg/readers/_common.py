"""Helpers shared by the readers: decoding, body normalization, page-furniture patterns, ids."""
from __future__ import annotations

import codecs
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kg.models import Skipped
from kg.safe_text import clean_text

from .dates import looks_like_dateline

_SLUG_RE = re.compile(r"[^a-z0-9]+")

# Short lines that are site chrome, not article text (matched against the whole stripped line).
FURNITURE_RE = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|share(?: this(?: article| story| page)?)?"
    r"|share on \w+|subscribe(?: now| to .*)?|sign (?:in|up)(?: .*)?|log ?in|register|menu|search"
    r"|skip to (?:main )?content|follow us(?: on .*)?|print(?: this)?|email|tweet|facebook|twitter"
    r"|whatsapp|linkedin|comments?(?: \(\d+\))?|read more(?: .*)?|related(?: articles| stories| news)?:?.*"
    r"|more from .*|tags?:.*|topics?:.*|click here.*|newsletter.*|(?:photo|image)(?: credit)?:.*"
    r"|©.*|\(c\) .*|copyright\b.*|all rights reserved\.?.*|\d+ min(?:ute)?s? read|listen(?: to this article)?"
    r"|back to top|home)$",
    re.IGNORECASE)
# Masthead staff lines: a role word then a name ("Supervisor Elham AbolFateh", "Editor in Chief X").
MASTHEAD_RE = re.compile(
    r"^(?:supervisor|editor[- ]in[- ]chief|chief editor|(?:managing|executive|deputy|senior|news|"
    r"general)? ?editor|chairman(?: of the board)?|board chairman|publisher|founder|ceo|general manager|"
    r"editorial director|director)\s*:?\s+[A-Z][\w'.-]*(?:\s+[A-Za-z][\w'.-]*){0,4}$",
    re.IGNORECASE)
# Lines that are page furniture wherever they stand and however long (up to _CREDIT_MAX characters): photo
# credits and captions ending in a credit, newsletter promotions, "Read more"/related-link lines, wiki media
# embeds ("File:WFPlogo130.svg", "File:Elizabeth and John Edwards by The Tonight Show.jpg").
_CREDIT_MAX = 300
CREDIT_RE = re.compile(
    r"^(?:\(?(?:photo|image|picture|photograph|video|graphic)s?(?: by| credit| courtesy(?: of)?)?\s*[:/].*"
    r"|(?:photo|image|picture|photograph|video|graphic)s? (?:by|courtesy of|credit) .*"
    r"|(?:image|photo) copyright .*|(?:credit|source|caption)s?: .*"
    r"|(?:file|image|media):.*\.(?:jpe?g|png|gif|svg|tiff?|webp|ogg|ogv|webm)"
    r"|(?:read|see|watch|listen|also read|more|related|recommended|trending)(?: more| also| now)?\s*:.*"
    r"|read more\b.*|related (?:articles?|stories|coverage|links?)\b.*"
    r"|.*\b(?:sign up|subscribe)\b.*\bnewsletters?\b.*|.*\bnewsletters?\b.*\b(?:sign up|subscribe|inbox)\b.*"
    r"|.*(?:\(|\b)(?:ap photo|afp photo|getty images|reuters/[\w .'-]+|shutterstock|epa-efe|ap images|"
    r"file photo)\)?\.?"
    r"|.*\b(?:ap|afp|epa|reuters|getty|xinhua) (?:photo|images?)\s*/\s*[\w .'-]+\)?\.?)$",
    re.IGNORECASE)
# A wire dateline before the first words of a paragraph: "WASHINGTON (Reuters) - ", "(CNN)".
WIRE_DATELINE_RE = re.compile(
    r"^(?:[A-Z][A-Z .,'-]*[A-Z],?\s*(?:[A-Z][a-z]+\.?\s*\d*\s*)?)?"
    r"\((?:CNN|Reuters|AP|AFP|UPI|Bloomberg|dpa|AAP|Xinhua|PTI|IANS)\)\s*(?:[-\u2013\u2014]+\s*)?")
_NAV_SEP_RE = re.compile(r"\s[|»›>/•·]\s")
_BLANK_SPLIT_RE = re.compile(r"\n[ \t\r\f\v]*\n")


def is_furniture(line: str) -> bool:
    """Is this line site chrome: masthead staff, navigation, share/subscribe, copyright, ads?

    >>> is_furniture("Editor in Chief Mohamed Wadie"), is_furniture("Home | News | World")
    (True, True)
    """
    s = " ".join(line.split())
    if not s:
        return False
    if FURNITURE_RE.match(s) or MASTHEAD_RE.match(s):
        return True
    parts = [p for p in _NAV_SEP_RE.split(s) if p.strip()]
    # navigation: "Home | News | World" — several very short items and no date
    return (len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts)
            and not looks_like_dateline(s))


def slugify(text: str) -> str:
    """Lowercase, runs of anything but [a-z0-9] become "-" ("My Article_1" -> "my-article-1")."""
    return _SLUG_RE.sub("-", text.lower()).strip("-") or "article"


def default_stem(path: Path, name: str | None) -> str:
    """What an article's default id is made of: its path relative to the folder read, without the suffix
    ("2024-01/index" -> "2024-01-index"), so files of one name in different folders keep apart; a file
    given by itself is named by its stem."""
    if not name or name == path.stem:
        return path.stem
    return name.replace("/", "-")


def collapse(text: str) -> str:
    """One paragraph: internal whitespace to single spaces, stripped."""
    return " ".join(text.split())


def split_paragraphs(text: str) -> list[str]:
    """Split body text into normalized, non-empty paragraphs.

    Blank lines separate paragraphs and single newlines inside a block are wrapping. When the text has no
    blank line at all, each line is a paragraph (one-paragraph-per-line files, trafilatura output).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return []
    blocks = _BLANK_SPLIT_RE.split(text) if _BLANK_SPLIT_RE.search(text) else text.split("\n")
    out: list[str] = []
    for block in blocks:
        out.extend(_split_out_furniture(block))
    return [p for p in (collapse(b) for b in out) if p]


def _split_out_furniture(block: str) -> list[str]:
    """Keep furniture lines wrapped into a block ("Share this" right above "© 2021 ...") on their own."""
    lines = block.split("\n")
    if len(lines) == 1:
        return lines
    parts: list[str] = []
    current: list[str] = []
    for line in lines:
        if len(line.strip()) < 80 and is_furniture(line):
            parts.extend(["\n".join(current), line])
            current = []
        else:
            current.append(line)
    parts.append("\n".join(current))
    return parts


def is_credit_or_promo(line: str) -> bool:
    """A photo credit or caption with a credit, a newsletter promotion, or a "Read more"/related link line.

    >>> is_credit_or_promo("Photo: AP"), is_credit_or_promo("Read more: Tsai wins again")
    (True, True)
    >>> is_credit_or_promo("Tsai Ing-wen won the election, officials said.")
    False
    """
    s = " ".join(line.split())
    return bool(s) and len(s) <= _CREDIT_MAX and bool(CREDIT_RE.match(s))


def strip_wire_dateline(paragraph: str) -> str:
    """A paragraph without its wire dateline ("WASHINGTON (Reuters) - The ..." -> "The ...")."""
    return WIRE_DATELINE_RE.sub("", paragraph, count=1)


def drop_trailing_furniture(paragraphs: list[str]) -> list[str]:
    """Remove furniture paragraphs anywhere when they are short, photo credits, promotions and related
    links anywhere, wire datelines before a paragraph, and the trailing run of furniture."""
    kept = [strip_wire_dateline(p) for p in paragraphs if not (len(p) < 40 and is_furniture(p))
            and not is_credit_or_promo(p)]
    kept = [p for p in kept if p.strip()]
    while kept and len(kept[-1]) < 200 and is_furniture(kept[-1]):
        kept.pop()
    return kept


def strip_leading(paragraphs: list[str], title: str | None) -> tuple[list[str], str | None]:
    """Drop a leading repeat of the title and a leading dateline; return them and the dateline found.

    Wikinews bodies start with "Wednesday, January 23, 2019"; some start with the headline first.
    """
    dateline = None
    norm_title = collapse(title).casefold() if title else None
    for _ in range(2):
        if not paragraphs:
            break
        first = paragraphs[0]
        if norm_title and first.casefold().rstrip(" .") == norm_title.rstrip(" ."):
            paragraphs = paragraphs[1:]
        elif dateline is None and looks_like_dateline(first):
            dateline, paragraphs = first, paragraphs[1:]
    return paragraphs, dateline


def join_body(paragraphs: Iterable[str]) -> str:
    """Paragraphs joined with a blank line: the exact ``Article.text`` form."""
    return "\n\n".join(paragraphs)


def _scalar_text(value: Any) -> str | None:
    """A JSON string or number as cleaned text; None for anything else (null, bool, object, list)."""
    if isinstance(value, str):
        return collapse(clean_text(value)) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def as_text(value: Any) -> str | None:
    """A JSON value as a stripped string, or None when null/empty or not text (a bool, an object).

    Lists of strings or numbers join with ", "; other items are left out, never written as Python reprs.
    """
    if isinstance(value, list):
        items = [t for t in map(_scalar_text, value) if t]
        return ", ".join(items) or None
    return _scalar_text(value)


def metadata_of(obj: Mapping[str, Any], known: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """Unknown keys as sorted (key, JSON text) pairs."""
    skip = set(known)
    return tuple(sorted((clean_text(str(k)), clean_text(json.dumps(v, sort_keys=True, ensure_ascii=False)))
                        for k, v in obj.items() if k not in skip))


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is allowed), or UTF-16/UTF-32 when the data starts with their byte-order mark (as Windows
    tools write "Unicode" text), cleaned with :func:`clean_text`. Raises UnicodeDecodeError, which callers
    turn into a Skipped."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text = data.decode(codec)
            if _looks_binary(text):    # random bytes that happen to start like a byte-order mark
                raise UnicodeDecodeError(codec, data, 0, len(bom), "binary data, not text")
            return clean_text(text)
    return clean_text(data.decode("utf-8-sig"))


def _looks_binary(text: str) -> bool:
    """More than one character in ten is a control, unassigned, private-use or surrogate code point."""
    odd = sum(1 for ch in text if not ch.isspace() and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs"))
    return odd * 10 > len(text)


def has_wide_bom(data: bytes) -> bool:
    """Does ``data`` start with a UTF-16 or UTF-32 byte-order mark (so it cannot be split into lines as bytes)?"""
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE))


def decode_error_reason(err: UnicodeDecodeError) -> str:
    """A message a user can act on for undecodable bytes."""
    if err.reason == "binary data, not text":
        return "binary data, not text (it starts with a UTF-16 byte-order mark but does not decode to text)"
    bad = err.object[err.start:err.start + 1].hex()
    if err.encoding.lower().replace("-", "").startswith(("utf16", "utf32")):
        return f"not {err.encoding.upper()} text although it starts with that byte-order mark (offset {err.start})"
    return f"not UTF-8 text (byte 0x{bad} at offset {err.start}); re-save the file as UTF-8"


def read_whole_text(path: Path, source: str) -> str | Skipped:
    """The decoded, non-empty text of a file, or the :class:`Skipped` that says why it cannot be used."""
    try:
        text = decode(path.read_bytes())
    except UnicodeDecodeError as err:
        return Skipped(source, decode_error_reason(err))
    if not text.strip():
        return Skipped(source, "file is empty")
    return text
