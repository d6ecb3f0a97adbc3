"""Entity types: spaCy NER labels to kg classes, and repair of obvious NER errors."""
from __future__ import annotations

import re

from spacy.tokens import Span

# spaCy (OntoNotes) label -> kg class. Labels mapped to None never become graph nodes.
NER_TO_TYPE: dict[str, str | None] = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "NORP": "Group",
    "EVENT": "Event",
    "WORK_OF_ART": "Work",
    "PRODUCT": "Product",
    "LAW": "Law",
    "LANGUAGE": "Concept",
    "DATE": None,
    "TIME": None,
    "PERCENT": None,
    "MONEY": None,
    "QUANTITY": None,
    "ORDINAL": None,
    "CARDINAL": None,
}

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
_DATE_WORD = re.compile(rf"^(?:{_MONTHS}|{_DAYS})$", re.IGNORECASE)
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?$|^[ap]\.?m\.?$", re.IGNORECASE)
_NUMBERISH = re.compile(r"^[\d.,:/|-]+$")


def looks_temporal(text: str) -> bool:
    """True when a phrase is made of date/time words and numbers only ("Sat 09 Oct 2021", "06:30 PM")."""
    words = [w for w in re.split(r"[\s,|]+", text.strip()) if w]
    if not words:
        return False
    temporal = [bool(_DATE_WORD.match(w) or _TIME.match(w) or _NUMBERISH.match(w)) for w in words]
    return all(temporal) and any(_DATE_WORD.match(w) or _TIME.match(w) for w in words)


def entity_type(span: Span) -> str | None:
    """The kg class of a named-entity span, or None when it is not a thing (a date, a number, an error)."""
    kind = NER_TO_TYPE.get(span.label_, "Concept")
    if kind is None:
        return None
    text = span.text
    if looks_temporal(text):
        return None  # "Sat 09 Oct 2021" tagged ORG: a date is never an organization or a person
    if not any(ch.isalpha() for ch in text):
        return None
    return kind
