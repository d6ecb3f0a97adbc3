"""Date normalization: turn the many ways news sites write a date into ISO 8601.

Fast paths (ISO regex, a handful of ``strptime`` formats) run first; ``dateparser`` is the slow fallback.
No timezone is ever guessed: a time is kept as written ("06:30 PM EST" -> "18:30:00").
"""
from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from typing import Any

__all__ = ["to_iso", "looks_like_dateline"]

_MAX_LEN = 80   # longer strings are sentences, not dates; also bounds dateparser's work

_ISO_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?$")
_ISO_SHAPE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})\b")
_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*[ap]\.?\s?m\b\.?", re.IGNORECASE)
_PREFIX_RE = re.compile(
    r"^(?:(?:last\s+)?updated|published|posted|first\s+published|date)\s*(?:on|at)?\s*:?\s*",
    re.IGNORECASE)
_WEEKDAY_RE = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\b\.?",
    re.IGNORECASE)
_TZ_RE = re.compile(r"\s*\b(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|IST|AEST|AEDT|ET|PT)\b"
                    r"(?:\s*[+-]\d{1,2}(?::?\d{2})?)?\s*$")
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%Y/%m/%d", "%d.%m.%Y", "%B %dst %Y",
                 "%B %dnd %Y", "%B %drd %Y", "%B %dth %Y")
_TIME_FORMATS = ("", " %I:%M %p", " %I:%M%p", " %H:%M", " %H:%M:%S", " %I %p", " %I%p")

# Words a dateline may contain besides the date itself.
_DATE_WORDS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september "
    "oct october nov november dec december mon monday tue tues tuesday wed wednesday thu thur thurs "
    "thursday fri friday sat saturday sun sunday am pm a p m at on of the st nd rd th updated published "
    "posted last first date gmt utc est edt cst cdt mst mdt pst pdt bst cet cest ist aest aedt et pt "
    "z t".split())


def _clean(text: str) -> str:
    """Drop "Published:"-style prefixes, weekday names, separators and a trailing timezone name."""
    s = " ".join(text.split())
    s = _PREFIX_RE.sub("", s)
    s = _WEEKDAY_RE.sub(" ", s)
    s = re.sub(r"[|,•·–—]|\s-\s", " ", s)
    s = re.sub(r"\bat\b", " ", s, flags=re.IGNORECASE)
    s = re.sub(r"(\d)\s*([ap])\.?\s?m\.?(?=\s|$)", lambda m: f"{m.group(1)} {m.group(2).upper()}M", s,
               flags=re.IGNORECASE)
    s = _TZ_RE.sub("", " ".join(s.split()))
    return " ".join(s.split())


def _format(dt: datetime, has_time: bool) -> str:
    """ISO date, plus the time when the input gave one; the year always has four digits ("0099-01-01":
    ``strftime("%Y")`` writes "99", which is not an xsd:date)."""
    day = f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}"
    return f"{day}T{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}" if has_time else day


def _iso_fast(s: str) -> str | None:
    """Already ISO 8601 (with or without time/offset)?"""
    m = _ISO_RE.match(s)
    if not m:
        return None
    y, mo, d, hh, mi, ss = m.groups()
    try:
        dt = datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0))
    except ValueError:
        return None
    return _format(dt, hh is not None)


def _strptime_fast(s: str) -> str | None:
    """Try the common English news formats with ``datetime.strptime``."""
    for dfmt in _DATE_FORMATS:
        for tfmt in _TIME_FORMATS:
            try:
                dt = datetime.strptime(s, dfmt + tfmt)
            except ValueError:
                continue
            return _format(dt, bool(tfmt))
    return None


@lru_cache(maxsize=1)
def _parser() -> Any:
    """The dateparser parser, built once (building it is slow). English only, no language detection."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
        "PARSERS": ["custom-formats", "absolute-time"],   # no "3 days ago": news datelines are absolute
    })


def _dateparser(s: str) -> str | None:
    """Slow fallback; any failure inside dateparser means "not a date"."""
    try:
        data = _parser().get_date_data(s)
    except Exception:  # dateparser raises a zoo of errors on odd input; none is the user's to act on
        return None
    dt = data.date_obj if data is not None else None
    if dt is None:
        return None
    dt = dt.replace(tzinfo=None)
    return _format(dt, bool(_TIME_RE.search(s)))


@lru_cache(maxsize=4096)   # a header line is asked about as dateline, furniture and date
def to_iso(text: str | None) -> str | None:
    """Normalize a written date to ISO 8601, or return None when it is not a full date.

    A time is kept when one is written; timezones are dropped, never converted.

    Args:
        text: a date as found in an article ("Sat 09 Oct 2021 | 06:30 PM", "2019-01-23", ...).

    Returns:
        "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS", or None. Never raises.

    >>> to_iso("Sat 09 Oct 2021 | 06:30 PM")
    '2021-10-09T18:30:00'
    >>> to_iso("Wednesday, January 23, 2019")
    '2019-01-23'
    """
    if not isinstance(text, str):
        return None
    raw = " ".join(text.split())
    if not raw or len(raw) > _MAX_LEN or not any(c.isdigit() for c in raw):
        return None
    iso = _iso_fast(raw)
    if iso:
        return iso
    cleaned = _clean(raw)
    if not cleaned:
        return None
    shape = _ISO_SHAPE_RE.match(cleaned)
    if shape:
        # written year-month-day: valid as written ("2021-1-5") or not a date ("2020-13-01"); never let a
        # fuzzy parser read it as something else (13 January)
        y, mo, d = shape.groups()
        return _iso_fast(f"{int(y):04d}-{int(mo):02d}-{int(d):02d}{cleaned[shape.end():]}")
    return _strptime_fast(cleaned) or _dateparser(cleaned)


def looks_like_dateline(line: str) -> bool:
    """Is this line mainly a date (and maybe a time), like "Wednesday, January 23, 2019"?

    Every word must be a month, weekday, time or dateline word ("Updated", "on", ...), and the whole must
    parse as a full date.

    >>> looks_like_dateline("Sat 09 Oct 2021 | 06:30 PM")
    True
    >>> looks_like_dateline("The talks began on 9 October 2021.")
    False
    """
    s = " ".join(line.split())
    if not s or len(s) > _MAX_LEN or not any(c.isdigit() for c in s):
        return False
    words = re.findall(r"[A-Za-z]+", s)
    if any(w.lower() not in _DATE_WORDS for w in words):
        return False
    return to_iso(s) is not None
