"""The one place where IRIs are minted. Same input, same IRI: on any machine, in any order."""
from __future__ import annotations

import hashlib
import re

from rdflib import URIRef

from kg.vocab import DEFAULT_BASE, RELATION_NS


def _safe(part: str) -> str:
    return re.sub(r"[^A-Za-z0-9._~/-]+", "-", part).strip("-")


def entity_iri(key: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of an entity key; a key that is not already IRI-safe gets a short hash so keys never collide.

    >>> str(entity_iri("taliban"))
    'https://example.org/kg/entity/taliban'
    """
    safe = _safe(key)
    if safe != key:
        safe = "-".join(x for x in (safe, hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]) if x)
    return URIRef(f"{base}entity/{safe}")


def article_iri(article_id: str, base: str = DEFAULT_BASE) -> URIRef:
    safe = re.sub(r"[^A-Za-z0-9._~-]+", "-", article_id).strip("-") or "x" + hashlib.sha1(
        article_id.encode()).hexdigest()[:12]
    return URIRef(f"{base}article/{safe}")


def statement_iri(*parts: object, base: str = DEFAULT_BASE) -> URIRef:
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]
    return URIRef(f"{base}statement/{digest}")


def relation_slug(label: str) -> str:
    """"will not work with" -> "will_not_work_with" (ASCII letters, digits, underscores)."""
    value = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
    return value or "x" + hashlib.sha1(label.encode()).hexdigest()[:8]


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
    digest = hashlib.sha1("\x1f".join((subject, label, obj)).encode("utf-8")).hexdigest()[:20]
    return URIRef(f"{base}edge/{digest}")
