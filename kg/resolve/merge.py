"""Cross-article merge: entities with the same key are one node (a union, independent of order).

Keys decide identity (:func:`kg.resolve.entities.entity_key`): the same normalized name, or the canonical
name of the curated alias table. Short forms (surnames, acronyms, trailing words) were resolved inside their
own article; a bare surname that no full name explained has an article-local key, so it never merges here.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
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
                   link: bool = True, ids: Sequence[bytes] | None = None, known: Mapping[bytes, Entity] | None = None,
                   used: dict[bytes, Entity] | None = None, ahead: UnionsAhead | None = None) -> dict[str, Entity]:
    """Union per key, then the corpus-level links of :mod:`kg.resolve.corpus_links` (``link=False``: none).

    Memoized (an incremental build; the same result): ``ids`` names each entity (equal ids, equal values), so a
    key's union is named by its parts' ids; ``known`` holds a previous build's unions by that name, found
    instead of made, and ``used`` receives every union this call made or found (the next build's ``known``; a
    union that is its key's one part as :data:`PART`).
    ``ahead``: the first unions of the first entities, made before the others were known (:class:`UnionsAhead`,
    with these ``ids`` and ``known``); only the keys the other entities touch are made again."""
    entities = list(entities)
    if ahead is not None:
        merges = ahead.merges
    merges = merge_table() if merges is None else merges
    memo = _Memo(ids, known, used, merges) if ids is not None else None
    merged = _union(entities, merges=merges, memo=memo, ahead=ahead if memo is not None else None)
    if not link:
        return merged
    links = corpus_links(merged)
    if not links and memo is None:
        return merged
    moved = []
    moved_ids = []
    for key, e in merged.items():
        if key in links:
            target, rule = links[key]
            e = replace(e, key=target, same_as=tuple(sorted({*e.same_as, key})), rules=(*e.rules, rule))
            if rule == "corpus-name":   # the one NER label the link overrules is no vote for the joined node
                e = replace(e, type=merged[target].type,
                            type_votes=tuple((t, n) for t, n in e.type_votes if t != "Person"))
            if memo is not None:
                moved_ids.append(memo.linked(key, target, rule))
        elif memo is not None:
            moved_ids.append(memo.unlinked(key))
        moved.append(e)
    if memo is not None:
        memo = _Memo(moved_ids, known, used, {}, b"2")   # parts: the first unions, moved
    return _union(moved, merges={}, memo=memo)


class _Memo:
    """Names of unions by their parts (see :func:`merge_entities`): the sorted ids of a key's parts, hashed
    with the explicit merges; :func:`_union` does not depend on its parts' order."""

    def __init__(self, ids: Sequence[bytes], known: Mapping[bytes, Entity] | None, used: dict[bytes, Entity] | None,
                 merges: Mapping[str, tuple[str, str]], tag: bytes = b"1") -> None:
        self.ids = ids
        self.known = known or {}
        self.used = used if used is not None else {}
        self.salt = hashlib.blake2b(tag + repr(sorted(merges.items())).encode("utf-8", "surrogatepass"),
                                    digest_size=16).digest()
        self._salted = hashlib.blake2b(self.salt, digest_size=16)   # copied for each name: the same digests
        self.names: dict[str, bytes] = {}      # key -> the name of its union

    def name(self, key: str, parts: list[bytes]) -> bytes:
        h = self._salted.copy()
        # one update of the joined bytes hashes what one update per part hashed (a hash reads a stream)
        h.update(key.encode("utf-8", "surrogatepass") + b"".join(sorted(parts) if len(parts) > 1 else parts))
        self.names[key] = name = h.digest()
        return name

    def linked(self, key: str, target: str, rule: str) -> bytes:
        """The name of the first union of ``key`` as the corpus links moved it (into ``target`` by ``rule``;
        a ``corpus-name`` link also takes the target's type)."""
        h = hashlib.blake2b(self.names[key], digest_size=16)
        h.update(f"{target}\0{rule}".encode("utf-8", "surrogatepass"))
        if rule == "corpus-name":
            h.update(self.names[target])
        return h.digest()

    def unlinked(self, key: str) -> bytes:
        """:meth:`linked` of a key no corpus link moved (``linked(key, "", "")``)."""
        return hashlib.blake2b(self.names[key] + b"\0", digest_size=16).digest()


def moved_keys(entities: dict[str, Entity]) -> dict[str, str]:
    """Old key -> the key it was joined into (its ``owl:sameAs``): a statement made of the old key belongs to
    the joined node, never dropped with the old key."""
    return {old: key for key, e in entities.items() for old in e.same_as if old not in entities}


class UnionsAhead:
    """The first unions (:func:`_union`, memoized) of the entities known so far, made ahead (while a forked process
    parses the last few articles): :func:`merge_entities` given it and the whole list groups only the entities
    added since, and makes again only the unions of the keys they touch; every other union is the one made
    here. ``entities`` and ``ids`` must be the first ones merge_entities gets, ``known`` the same."""

    def __init__(self, entities: Sequence[Entity], ids: Sequence[bytes], known: Mapping[bytes, Entity] | None,
                 merges: dict[str, tuple[str, str]] | None = None) -> None:
        self.merges = merge_table() if merges is None else merges
        self.count = len(entities)
        self.last = entities[-1] if entities else None
        memo = _Memo(ids, known, {}, self.merges)
        self.groups: dict[str, list[Entity]] = defaultdict(list)
        self.names: dict[str, list[bytes]] = defaultdict(list)
        _group(entities, self.merges, ids, self.groups, self.names, 0)
        joined = _joined_keys(self.merges)
        self.made = {key: _made(key, self.groups[key], self.names[key], memo, joined) for key in self.groups}

    def fits(self, entities: Sequence[Entity]) -> bool:
        """Whether it was made of the first of ``entities``."""
        return len(entities) >= self.count and (not self.count or entities[self.count - 1] is self.last)


def _group(entities: Sequence[Entity], merges: Mapping[str, tuple[str, str]], ids: Sequence[bytes] | None,
           groups: dict[str, list[Entity]], names: dict[str, list[bytes]], start: int) -> set[str]:
    """``entities[start:]`` added to their keys' ``groups`` (and their ids to ``names``); the keys they went to."""
    touched = set()
    for i in range(start, len(entities)):
        entity = entities[i]
        key = entity.key
        if key in merges:
            target, seen = key, {key}
            while target in merges and merges[target][0] not in seen:     # a chain of merges, never a loop
                target = merges[target][0]
                seen.add(target)
            if target != key:
                entity = replace(entity, key=target, same_as=(*entity.same_as, key),
                                 rules=(*entity.rules, "explicit-merge"))
                key = target
        groups[key].append(entity)
        touched.add(key)
        if ids is not None:
            names[key].append(ids[i])
    return touched


def _joined_keys(merges: Mapping[str, tuple[str, str]]) -> dict[str, set[str]]:
    joined: dict[str, set[str]] = defaultdict(set)   # new key -> the old keys merged into it
    for old, (new, _) in merges.items():
        joined[new].add(old)
    return joined


def _made(key: str, parts: list[Entity], ids: list[bytes], memo: _Memo, joined: Mapping[str, set[str]]
          ) -> tuple[bytes, Entity]:
    """The name of ``key``'s union and the union, found in the memo or made."""
    name = memo.name(key, ids)
    found = memo.known.get(name)
    if isinstance(found, str):   # PART: a name made of one part's id, and ``parts`` is that one part
        return name, parts[0]
    if found is None:
        found = _joined(key, parts, joined)
        if len(parts) == 1 and found == parts[0]:
            found = parts[0]       # one object, stored once
    return name, found


# what the memo holds for a union that is its key's one part (most keys): the part itself, which the next build
# has anyway, not a copy of it in the memo's file (full corpus: ~190,000 unions, most of them one part)
PART = "part"


def _union(entities: Iterable[Entity], *, merges: dict[str, tuple[str, str]] | None = None,
           memo: _Memo | None = None, ahead: UnionsAhead | None = None) -> dict[str, Entity]:
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
    entities = entities if isinstance(entities, list) else list(entities)
    ids = memo.ids if memo is not None else None
    made: dict[str, tuple[bytes, Entity]] = {}
    if ahead is not None and memo is not None and ahead.fits(entities):   # its groups grow by the rest (used once)
        groups, names, made = ahead.groups, ahead.names, ahead.made
        for key in _group(entities, merges, ids, groups, names, ahead.count):
            made.pop(key, None)     # a key the rest touched: its union is made again
    else:
        groups, names = defaultdict(list), defaultdict(list)   # with a memo: the parts' ids per key
        _group(entities, merges, ids, groups, names, 0)
    joined = _joined_keys(merges)
    merged: dict[str, Entity] = {}
    for key in sorted(groups):
        parts = groups[key]
        if memo is not None:
            name, found = made.get(key) or _made(key, parts, names[key], memo, joined)
            memo.names[key] = name
            merged[key] = found
            memo.used[name] = PART if len(parts) == 1 and found is parts[0] else found
            continue
        merged[key] = _joined(key, parts, joined)
    return merged


def _joined(key: str, parts: list[Entity], joined: Mapping[str, set[str]]) -> Entity:
    """The union of the entities ``parts`` of one key."""
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
    return Entity(key=key, label=label, type=kind, aliases=tuple(sorted(set(names) - {label})),
                  articles=tuple(articles), mentions=sum(e.mentions for e in parts),
                  rules=tuple(sorted(rules)),
                  same_as=tuple(sorted({k for e in parts for k in e.same_as} | joined.get(key, set())
                                    - {key})),
                  type_votes=as_pairs(votes), roles=tuple(sorted({r for e in parts for r in e.roles})))
