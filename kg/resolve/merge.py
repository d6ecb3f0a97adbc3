"""Cross-article merge: entities with the same key are one node (a union, independent of order).

Keys decide identity (:func:`kg.resolve.entities.entity_key`): the same normalized name, or the canonical
name of the curated alias table. Short forms (surnames, acronyms, trailing words) were resolved inside their
own article; a bare surname that no full name explained has an article-local key, so it never merges here.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from kg.models import Entity
from kg.names import merge_table
from kg.resolve.corpus_links import corpus_links
from kg.resolve.entities import label_of
from kg.resolve.type_vote import TYPE_PRIORITY, as_pairs, decide


def _vote(types: Counter[str]) -> str:
    """The most voted type; a specific type beats "Entity" (a name NER did not type) and "Concept"."""
    specific = Counter({t: n for t, n in types.items() if t not in ("Entity", "Concept")})
    pool = specific or Counter({t: n for t, n in types.items() if t != "Concept"}) or types
    best = max(pool.values())
    return next((t for t in TYPE_PRIORITY if pool.get(t) == best), sorted(pool)[0])


def merge_entities(entities: Iterable[Entity], *, merges: dict[str, tuple[str, str]] | None = None,
                   link: bool = True) -> dict[str, Entity]:
    """Union per key, then the corpus-level links of :mod:`kg.resolve.corpus_links` (``link=False``: none)."""
    merged = _union(entities, merges=merges)
    if not link:
        return merged
    links = corpus_links(merged)
    if not links:
        return merged
    moved = []
    for key, e in merged.items():
        if key in links:
            target, rule = links[key]
            e = replace(e, key=target, same_as=tuple(sorted({*e.same_as, key})), rules=(*e.rules, rule))
            if rule == "corpus-name":   # the one NER label the link overrules is no vote for the joined node
                e = replace(e, type=merged[target].type,
                            type_votes=tuple((t, n) for t, n in e.type_votes if t != "Person"))
        moved.append(e)
    return _union(moved, merges={})


def moved_keys(entities: dict[str, Entity]) -> dict[str, str]:
    """Old key -> the key it was joined into (its ``owl:sameAs``): a statement made of the old key belongs to
    the joined node, never dropped with the old key."""
    return {old: key for key, e in entities.items() for old in e.same_as if old not in entities}


def _union(entities: Iterable[Entity], *, merges: dict[str, tuple[str, str]] | None = None
           ) -> dict[str, Entity]:
    """Union per key: all names, all articles; label = most complete frequent name; type by mention vote.

    Args:
        merges: explicit merges, old key -> (new key, reason); default ``ontology/merges.tsv``. An entity
            under an old key joins the new one, and the old key is kept in ``same_as`` (owl:sameAs).

    >>> from kg.models import Entity
    >>> a = Entity(key="x", label="X Corp", type="Organization", articles=("a1",), mentions=2)
    >>> b = Entity(key="x", label="X Corp", type="Place", aliases=("X",), articles=("a2",), mentions=1)
    >>> merged = merge_entities([a, b])["x"]
    >>> merged.type, merged.aliases, merged.articles, merged.rules
    ('Organization', ('X',), ('a1', 'a2'), ('same-key-across-articles',))
    """
    merges = merge_table() if merges is None else merges
    groups: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        target, seen = entity.key, {entity.key}
        while target in merges and merges[target][0] not in seen:     # a chain of merges, never a loop
            target = merges[target][0]
            seen.add(target)
        if target != entity.key:
            entity = replace(entity, key=target, same_as=(*entity.same_as, entity.key),
                             rules=(*entity.rules, "explicit-merge"))
        groups[entity.key].append(entity)
    joined: dict[str, set[str]] = defaultdict(set)   # new key -> the old keys merged into it
    for old, (new, _) in merges.items():
        joined[new].add(old)
    merged: dict[str, Entity] = {}
    for key in sorted(groups):
        parts = groups[key]
        names: Counter[str] = Counter()
        types: Counter[str] = Counter()
        votes: Counter[str] = Counter()
        for e in parts:
            names[e.label] += max(e.mentions, 1)
            for alias in e.aliases:
                names[alias] += 1
            types[e.type] += max(e.mentions, 1)
            votes.update(dict(e.type_votes) or {e.type: max(e.mentions, 1)})
        label = label_of(names)
        rules = {r for e in parts for r in e.rules}
        articles = sorted({a for e in parts for a in e.articles})
        if len(articles) > 1:
            rules.add("same-key-across-articles")
        kind = decide(votes, names) if any(e.type_votes for e in parts) else _vote(types)
        if kind == "Concept" and any(e.type != "Concept" for e in parts):
            kind = _vote(types)
        merged[key] = Entity(key=key, label=label, type=kind, aliases=tuple(sorted(set(names) - {label})),
                             articles=tuple(articles), mentions=sum(e.mentions for e in parts),
                             rules=tuple(sorted(rules)),
                             same_as=tuple(sorted({k for e in parts for k in e.same_as} | joined.get(key, set())
                                                  - {key})),
                             type_votes=as_pairs(votes), roles=tuple(sorted({r for e in parts for r in e.roles})))
    return merged
