"""The one place where IRIs are minted. Same input, same IRI: on any machine, in any order."""
from __future__ import annotations

import hashlib
import re

import pyoxigraph as ox
from rdflib import URIRef

from kg.errors import UsageError
from kg.vocab import DEFAULT_BASE, RELATION_NS


_UNSAFE = re.compile(r"[^A-Za-z0-9._~/-]+")


def _safe(part: str) -> str:
    # no "." or "-" at either end: Turtle writes a trailing "." of a local name escaped (art:x\.), which
    # rdflib rejects
    return _UNSAFE.sub("-", part).strip("-.")


def digest(text: str) -> str:
    """SHA-1 hex of ``text``; any Python string, a lone surrogate included, has one."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def _with_hash(safe: str, original: str) -> str:
    """``safe``, plus a short hash of ``original`` when sanitizing changed it, so no two originals collide."""
    if safe == original:
        return safe
    return "-".join(x for x in (safe, digest(original)[:10]) if x)


def check_base(base: str) -> str:
    """``base`` if it can prefix every IRI kg mints: absolute (``scheme:``), ending in "/" or "#", nothing an
    IRI may not hold (spaces, quotes, ``<>{}|^`\\``, controls).

    Raises:
        UsageError: it cannot, with what is wrong.

    >>> check_base("https://example.org/kg/")
    'https://example.org/kg/'
    """
    example = "e.g. https://example.org/kg/"
    if not (base.endswith("/") or base.endswith("#")):
        raise UsageError(f"base IRI {base!r} must end with '/' or '#'", hint=example)
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", base):
        raise UsageError(f"base IRI {base!r} is not absolute (it needs a scheme such as https:)", hint=example)
    bad = re.search(r"[\x00-\x20<>\"{}|^`\\\\\x7f-\x9f\ud800-\udfff]", base)
    if bad:
        raise UsageError(f"base IRI {base!r} holds a character an IRI may not hold ({bad.group()!r})", hint=example)
    try:
        ox.NamedNode(base + "x")
    except ValueError as exc:
        raise UsageError(f"base IRI {base!r} is not a valid IRI: {exc}", hint=example) from None
    return base


def entity_iri(key: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of an entity key; a key that is not already IRI-safe gets a short hash so keys never collide.

    >>> str(entity_iri("taliban"))
    'https://example.org/kg/entity/taliban'
    """
    return URIRef(entity_iri_text(key, base))


def entity_iri_text(key: str, base: str = DEFAULT_BASE) -> str:
    """:func:`entity_iri` as a plain string (no rdflib term: the build's exports make ~200,000)."""
    return f"{base}entity/{_with_hash(_safe(key), key)}"


def article_iri(article_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of an article id; an id that is not IRI-safe gets a short hash, so ids never collide.

    >>> str(article_iri("wikinews2019-016"))
    'https://example.org/kg/article/wikinews2019-016'
    """
    safe = re.sub(r"[^A-Za-z0-9._~-]+", "-", article_id).strip("-.")
    return URIRef(f"{base}article/{_with_hash(safe, article_id) if safe else 'x' + _with_hash('', article_id)}")


def statement_iri(*parts: object, base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(f"{base}statement/{digest(chr(0x1f).join(map(str, parts)))[:20]}")


def relation_slug(label: str) -> str:
    """"will not work with" -> "will_not_work_with" (ASCII letters, digits, underscores)."""
    value = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
    return value or "x" + digest(label)[:8]


def relation_iri(label: str) -> URIRef:
    return RELATION_NS[relation_slug(label)]


def relation_class_iri(name: str) -> URIRef:
    return RELATION_NS[f"class/{relation_slug(name)}"]


def graph_iri(article_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The named graph holding one article's description, statements and evidence."""
    return URIRef(f"{base}graph/article/{article_iri(article_id, base).rsplit('/', 1)[-1]}")


def merged_graph_iri(base: str = DEFAULT_BASE) -> URIRef:
    """The named graph holding merged entity data, relation declarations and edge-level aggregates."""
    return URIRef(f"{base}graph/merged")


def group_iri(subject: str, label: str, obj: str, base: str = DEFAULT_BASE) -> URIRef:
    """The statement group of the asserted triple ``subject label object`` (its edge-level aggregates)."""
    return URIRef(f"{base}edge/{digest(chr(0x1f).join((subject, label, obj)))[:20]}")
