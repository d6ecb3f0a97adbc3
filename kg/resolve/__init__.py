"""Entity resolution: pronouns, short forms and aliases inside an article; keys across articles."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from kg.extract import extract_statements, named_mentions
from kg.lexicon import Lexicon
from kg.models import Article, ArticleResult, Mention, Statement
from kg.resolve.coref import Resolver, resolve_pronouns
from kg.resolve.entities import cluster_mentions, retype
from kg.resolve.merge import merge_entities

__all__ = ["analyze", "merge_entities", "resolve_pronouns"]


def _unique(mentions: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for m in mentions:
        if m.key not in seen or (m.is_named and not seen[m.key].is_named):
            seen[m.key] = m
    return sorted(seen.values(), key=lambda m: (m.start, m.end))


def analyze(doc: Doc, article: Article, *, lexicon: Lexicon | None = None,
            resolver: Resolver = resolve_pronouns) -> ArticleResult:
    """Extract, resolve and package everything one parsed article contributes to the graph."""
    statements = list(extract_statements(doc, article.id, lexicon))
    mentions = _unique(named_mentions(doc) + [m for s in statements for m in (s.subject, s.object, s.attribution)
                                              if m is not None])
    entities, keys, _ = cluster_mentions(article.id, mentions)
    antecedents = resolver(doc, retype(mentions, entities, keys))
    if any(a.key not in keys for a in antecedents.values()):
        mentions = _unique(mentions + list(antecedents.values()))
        entities, keys, _ = cluster_mentions(article.id, mentions)
    for pronoun, antecedent in antecedents.items():
        keys[pronoun] = keys[antecedent.key]
    resolved: list[Statement] = []
    seen = set()
    for s in statements:
        if s.subject.key not in keys or s.object.key not in keys or keys[s.subject.key] == keys[s.object.key]:
            continue    # an unresolved pronoun or a self-loop: left out rather than guessed
        attribution = s.attribution if s.attribution is None or s.attribution.key in keys else None
        ident = (keys[s.subject.key], s.relation, keys[s.object.key], s.polarity, s.modality, s.evidence.start)
        if ident in seen:
            continue
        seen.add(ident)
        resolved.append(replace(s, attribution=attribution))
    return ArticleResult(article=article, mentions=tuple(mentions), statements=tuple(resolved),
                         entities=tuple(entities), resolution=tuple(sorted(keys.items())))
