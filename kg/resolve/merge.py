"""Cross-article merge: entities with the same key are one node (a union, independent of order)."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from kg.models import Entity
from kg.resolve.entities import TYPE_PRIORITY


def merge_entities(entities: Iterable[Entity]) -> dict[str, Entity]:
    """Union per key: all names, all articles; label = most complete frequent name; type by mention vote."""
    groups: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        groups[entity.key].append(entity)
    merged: dict[str, Entity] = {}
    for key in sorted(groups):
        parts = groups[key]
        names: Counter[str] = Counter()
        types: Counter[str] = Counter()
        for e in parts:
            names[e.label] += max(e.mentions, 1)
            for alias in e.aliases:
                names[alias] += 1
            types[e.type] += max(e.mentions, 1)
        label = sorted(names, key=lambda n: (-len(n.split()), -names[n], n))[0]
        best = max(types.values())
        kind = next((t for t in TYPE_PRIORITY if types.get(t) == best), sorted(types)[0])
        rules = {r for e in parts for r in e.rules}
        articles = sorted({a for e in parts for a in e.articles})
        if len(articles) > 1:
            rules.add("same-key-across-articles")
        merged[key] = Entity(key=key, label=label, type=kind, aliases=tuple(sorted(set(names) - {label})),
                             articles=tuple(articles), mentions=sum(e.mentions for e in parts),
                             rules=tuple(sorted(rules)))
    return merged
