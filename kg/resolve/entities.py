"""In-article entity clustering: names, short forms, acronyms and aliases become one local entity.

Rules (each recorded on the entity as the reason for a merge):

* ``same-name``: the same normalized name;
* ``alias-table``: names the curated alias table maps to one canonical name ("US", "the United States");
* ``surname``: a one-word name equal to the last word of a person named in the article ("Shaheen");
* ``acronym``: an all-capitals name equal to the initials of a longer name in the article ("ETIM").

An entity's type is the majority type of all its named mentions (NER is often wrong on one of them).
Unnamed noun phrases become article-local concept nodes so that two different "attacks" in two articles
are never fused.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from kg.models import Entity, Mention
from kg.resolve.aliases import canonical_alias, normalize_name

_STOP = {"of", "the", "and", "for", "in", "on", "at", "to", "&", "de"}
TYPE_PRIORITY = ["Person", "Organization", "Place", "Group", "Event", "Work", "Product", "Law", "Concept"]


def slug(text: str, *, limit: int = 60) -> str:
    """An IRI-safe key part: lowercase ASCII letters, digits and hyphens (a hash when nothing is left)."""
    value = re.sub(r"[^a-z0-9]+", "-", normalize_name(text).encode("ascii", "ignore").decode().lower()).strip("-")
    digest = hashlib.sha1(normalize_name(text).encode("utf-8")).hexdigest()[:8]
    if not value:
        return f"x{digest}"
    if len(value) > limit:
        return f"{value[:limit].rstrip('-')}-{digest}"
    return value


def initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[\w'-]+", name) if w.lower() not in _STOP).upper()


def entity_key(mention: Mention, article_id: str) -> str:
    """Global key of a mention's entity before short-form rules; named things by name, concepts per article."""
    if mention.is_named:
        alias = canonical_alias(mention.text)
        return slug(alias[0] if alias else mention.text)
    return f"concept/{slug(article_id)}/{slug(mention.text)}"


def _majority_type(mentions: Sequence[Mention]) -> str:
    counts = Counter(m.type for m in mentions if m.type != "Concept") or Counter(m.type for m in mentions)
    best = max(counts.values())
    return next(t for t in TYPE_PRIORITY if counts.get(t) == best) if any(
        counts.get(t) == best for t in TYPE_PRIORITY) else sorted(counts)[0]


def _label(mentions: Sequence[Mention]) -> str:
    """The most complete frequent name: most words first, then most frequent, then alphabetical."""
    counts = Counter(m.text for m in mentions)
    return sorted(counts, key=lambda n: (-len(n.split()), -counts[n], n))[0]


def cluster_mentions(article_id: str, mentions: Sequence[Mention]
                     ) -> tuple[list[Entity], dict[str, str], dict[str, tuple[str, ...]]]:
    """Group one article's mentions into entities.

    Returns:
        (entities, mention key -> entity key, entity key -> merge rules used)
    """
    keys: dict[str, str] = {}
    rules: dict[str, set[str]] = defaultdict(set)
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.is_pronoun:
            continue
        key = entity_key(m, article_id)
        keys[m.key] = key
        by_key[key].append(m)
        if m.is_named and canonical_alias(m.text) and normalize_name(m.text) != normalize_name(
                canonical_alias(m.text)[0]):   # type: ignore[index]
            rules[key].add("alias-table")
    # short forms: surnames and acronyms point at a longer name of the same article
    persons = {k: ms for k, ms in by_key.items() if _majority_type(ms) == "Person"
               and any(len(m.text.split()) > 1 for m in ms)}
    longer = {k: ms for k, ms in by_key.items() if any(len(m.text.split()) > 1 for m in ms)}
    for key, ms in list(by_key.items()):
        if not all(m.is_named for m in ms) or any(len(m.text.split()) > 1 for m in ms):
            continue
        word = ms[0].text
        targets = sorted({k for k, pms in persons.items() if k != key
                          and any(pm.text.split()[-1] == word for pm in pms)})
        rule = "surname"
        if not targets and word.isupper() and 2 <= len(word) <= 6:
            targets = sorted({k for k, lms in longer.items() if k != key
                              and any(initials(lm.text) == word for lm in lms)})
            rule = "acronym"
        if len(targets) == 1:
            target = targets[0]
            by_key[target].extend(ms)
            del by_key[key]
            for m in ms:
                keys[m.key] = target
            rules[target].add(rule)
    entities = []
    for key, ms in sorted(by_key.items()):
        label = _label(ms)
        aliases = tuple(sorted({m.text for m in ms} - {label}))
        if len({normalize_name(m.text) for m in ms}) > 1 and not rules[key]:
            rules[key].add("same-name")
        entities.append(Entity(key=key, label=label, type=_majority_type(ms), aliases=aliases,
                               articles=(article_id,), mentions=len(ms), rules=tuple(sorted(rules[key]))))
    return entities, keys, {k: tuple(sorted(v)) for k, v in rules.items()}


def retype(mentions: Sequence[Mention], entities: Sequence[Entity], keys: dict[str, str]) -> list[Mention]:
    """Mentions with the type of the entity they were resolved to (for pronoun agreement)."""
    types = {e.key: e.type for e in entities}
    return [replace(m, type=types.get(keys.get(m.key, ""), m.type)) for m in mentions]
