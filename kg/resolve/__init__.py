"""Entity resolution: pronouns, descriptions, short forms and aliases inside an article; keys across articles.

The in-article stages are plain functions over spaCy-free values, so each can be swapped: ``resolver``
(pronouns) takes any callable with the :data:`~kg.resolve.coref.Resolver` signature, e.g. one backed by a
neural coreference model where one is installed.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kg.lexicon import Lexicon
from kg.names import role_label
from kg.models import Article, ArticleResult, Entity, Mention, Statement
from kg.resolve.coref import Resolver, resolve_pronouns
from kg.resolve.descriptions import (_CLASS_TYPES, ENTITY_NOUNS, PERSON_NOUNS, description_head, is_title_phrase,
                                     after_of, name_heads, plural, resolve_descriptions, resolve_head_anaphora)
from kg.resolve.entities import cluster_mentions, parenthesised_acronyms, retype
from kg.resolve.merge import merge_entities, moved_keys

if TYPE_CHECKING:   # the parse is read only by analyze(), which imports it: merging and exporting never load spaCy
    from spacy.tokens import Doc

    from kg.extract.context import ArticleView

__all__ = ["analyze", "merge_entities", "moved_keys", "resolve_entities", "resolve_pronouns"]


def _unique(mentions: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for m in mentions:
        if m.key not in seen or (m.is_named and not seen[m.key].is_named):
            seen[m.key] = m
    return sorted(seen.values(), key=lambda m: (m.start, m.end))


def _describes(mention: Mention, view: ArticleView, predicates: frozenset[str], roles: frozenset[str] = frozenset()
               ) -> bool:
    """A description to resolve (or leave out), not a name; a classifying noun phrase after "be" and a
    role someone holds ("Prime Minister" in "Prime Minister Boris Johnson") stay."""
    if mention.key in roles:
        return False
    head = description_head(mention, view.of(mention))
    if head is None or mention.is_named and len(mention.text.split()) > 1 and head != "title":
        return False
    return head == "title" or len(mention.text.split()) == 1 or mention.key not in predicates


def resolve_entities(view: ArticleView, article_id: str, mentions: list[Mention], *,
                     resolver: Resolver = resolve_pronouns,
                     predicates: frozenset[str] = frozenset(), roles: frozenset[str] = frozenset(),
                     appositions: tuple[tuple[Mention, Mention], ...] = (),
                     held: tuple[tuple[Mention, str], ...] = ()
                     ) -> tuple[list[Mention], list[Entity], dict[str, str]]:
    """Cluster one article's mentions into entities and resolve pronouns and descriptions: a pure function of
    the mentions and their ``view`` (:func:`kg.extract.context.article_view`), never the parse itself.

    Args:
        predicates: keys of mentions that classify rather than refer ("X is a Taliban spokesman"); they
            stay concept nodes even when they look like descriptions.
        roles: keys of mentions that name a role someone holds ("X hold role Prime Minister"); they stay
            concept nodes, never resolved to the holder (which would make the role a self-loop).
        appositions: (name, description) pairs written side by side ("MicroMega, the secularist
            magazine"); a definite description there is the name, wherever else the article repeats it.
        held: (person, title) pairs the article states ("Paul Dewar, an Ottawa New Democrat MP"): the
            person holds that title, so "the MP" later on may be them.

    Returns:
        (mentions, entities, mention key -> entity key); unresolved pronouns and descriptions are absent
        from the mapping.
    """
    mentions = _unique(mentions)
    descriptive = {m.key for m in mentions if _describes(m, view, predicates, roles)}
    descriptions = [m for m in mentions if m.key in descriptive]
    names = [m for m in mentions if m.key not in descriptive]
    acronyms = parenthesised_acronyms(names, view.text)
    entities, keys = cluster_mentions(article_id, names, acronyms=acronyms)
    antecedents = resolver(view, retype(names, entities, keys))
    if any(a.key not in keys for a in antecedents.values()):
        names = _unique(names + [a for a in antecedents.values() if a.key not in descriptive])
        entities, keys = cluster_mentions(article_id, names, acronyms=acronyms)
    for pronoun, antecedent in antecedents.items():
        if antecedent.key in keys:
            keys[pronoun] = keys[antecedent.key]
    resolved = resolve_descriptions(view, descriptions, names, entities, keys,
                                    held=tuple((keys[p.key], t) for p, t in held if p.key in keys))
    types = {e.key: e.type for e in entities}
    for name, description in appositions:
        if name.key in keys and description.key in keys and keys[description.key].startswith("concept/") \
                and not keys[name.key].startswith("concept/") and not _coordinated(view, description) \
                and not (plural(description) and types.get(keys[name.key]) == "Person") \
                and not (name.start > description.end and after_of(view.text, description)) and (
                    _definite(view, description) or _person_noun(description) and types.get(keys[name.key]) == "Person"):
            # "a Scientology attorney, Kendrick Moxon": a person noun in apposition to a person is that person
            concept = keys[description.key]
            for mention_key, entity_key in list(keys.items()):
                if entity_key == concept:
                    resolved[mention_key] = (keys[name.key], "appositive")
            entities = [e for e in entities if e.key != concept]
    # a description that stands for no entity of the article stays what it says ("the former minister",
    # "the hospital"): an article-local concept node, so its statements are kept without being pinned on a
    # guessed name; a bare class noun ("the country", "the company") stays out when the article names
    # things of its class, one of which it may well stand for
    named_types = {e.type for e in entities if not e.key.startswith("concept/")}
    unresolved = [d for d in descriptions if d.key not in resolved and d.key not in keys and not d.is_pronoun
                  and not (len(d.text.split()) == 1 and (klass := ENTITY_NOUNS.get(d.text.casefold()))
                           and named_types & set(_CLASS_TYPES[klass]))]
    if unresolved:
        # local even when capitalized ("the Prime Minister"): one node per article, never one per corpus
        local_entities, local_keys = cluster_mentions(article_id, [replace(d, is_named=False) for d in unresolved])
        known = {e.key for e in entities}
        entities = entities + [e for e in local_entities if e.key not in known]
        for mention_key, entity_key in local_keys.items():
            keys.setdefault(mention_key, entity_key)
    # "the team" after "the six-member Afghan team": a bare noun is the one longer phrase of its head before it
    anaphora = resolve_head_anaphora(view, _unique(names + descriptions), keys, entities, keep=predicates | roles)
    if anaphora:
        resolved.update(anaphora)
        left = {k for mk, k in keys.items() if mk not in anaphora}
        entities = _without_unused_concepts(entities, left)
    # a bare class noun ("the team", "the court", "the Government") in an article that writes longer phrases
    # or names of that head ("the Afghan team", "the European team"; "the Monti government") is an anaphor of
    # one of them: resolved above on strong evidence, or else left out with the statements that use it (as an
    # unresolved "it"), never a node "team"; with no such phrase it stands for the one thing of its kind the
    # story is about ("the army", "the government") and stays, and "a team" says there is one and stays
    # A capitalized one ("the State", "the Administration") is no node of its own either way: written as a
    # name's head word, it is an anaphor of a longer name ("the Church" of the "Church of Scientology", resolved
    # above when the article writes exactly one), and left out when the article names none or several
    headed = {h for m in mentions if not m.is_pronoun and len(m.text.split()) > 1 for h in name_heads(m.text)}
    anaphors = {d.key for d in descriptions if d.key not in resolved and _bare_class_noun(view, d)
                and (d.text.casefold() in headed or d.text[:1].isupper() and _definite(view, d))}
    if anaphors:
        for mention_key in anaphors:
            keys.pop(mention_key, None)
        left = set(keys.values()) | {k for k, _ in resolved.values()}
        entities = _without_unused_concepts(entities, left)
    if resolved:
        rules = {key: set() for key in keys.values()}
        for mention_key, (entity_key, rule) in resolved.items():
            keys[mention_key] = entity_key
            rules.setdefault(entity_key, set()).add(f"description-{rule}")
        entities = [replace(e, rules=tuple(sorted(set(e.rules) | rules.get(e.key, set())))) for e in entities]
    return _unique(names + descriptions), entities, keys


def _without_unused_concepts(entities: list[Entity], used: set[str]) -> list[Entity]:
    """``entities`` less the article-local concepts no mention stands for any more (names always stay)."""
    return [e for e in entities if e.key in used or not e.key.startswith("concept/")]


def _bare_class_noun(view: ArticleView, mention: Mention) -> bool:
    """One noun for a kind of entity ("team", "State", "court"), not introduced by "a"/"an"."""
    return not mention.is_pronoun and len(words := mention.text.split()) == 1 \
        and words[0].casefold() in ENTITY_NOUNS and not ((context := view.of(mention)) is not None and context.indefinite)


def _coordinated(view: ArticleView, mention: Mention) -> bool:
    """A phrase with a conjunct ("the airline and union, Vereinigung Cockpit"): a name in apposition after it
    may be the last conjunct's, not this phrase's."""
    return (context := view.of(mention)) is not None and context.coordinated


def _definite(view: ArticleView, mention: Mention) -> bool:
    return (context := view.of(mention)) is not None and context.definite


def _person_noun(mention: Mention) -> bool:
    """A short noun phrase headed by a title or a noun for a person ("a Scientology attorney")."""
    words = mention.text.split()
    return not mention.is_pronoun and mention.type != "Person" and 0 < len(words) <= 5 \
        and words[-1].casefold() in PERSON_NOUNS


def _states_role(s: Statement, persons: frozenset[str]) -> bool:
    """A title or occupation stated of a person with no organization named: "Prime Minister Boris Johnson",
    "Kendrick Moxon, a Scientology attorney", "Paul Dewar, an Ottawa New Democrat MP"."""
    if s.pattern == "role":
        return True
    return s.pattern == "appos" and s.relation == "be" and s.subject.key in persons and _person_noun(s.object)


def analyze(doc: Doc, article: Article, *, lexicon: Lexicon | None = None,
            resolver: Resolver = resolve_pronouns) -> ArticleResult:
    """Extract, resolve and package everything one parsed article contributes to the graph."""
    from kg.extract import extract_statements, named_mentions
    from kg.extract.context import article_view
    from kg.extract.doc_text import doc_text

    text = doc_text(doc)    # spaCy joins doc.text from every token on each access: once per article
    statements = list(extract_statements(doc, article.id, lexicon, text=text))
    # a role that names no organization ("Prime Minister Boris Johnson", "Paul Dewar, the MP") is a value of
    # its holder (kg:role), not a node of its own: a bare title is no thing, and one "Prime Minister" node per
    # article would join every holder the article names; the title words themselves may still stand for
    # their holder elsewhere in the article ("the Prime Minister said"), which descriptions decide
    named = named_mentions(doc, text=text)
    persons = frozenset(m.key for m in named if m.type == "Person" or m.ner_label == "PERSON")
    role_statements = [s for s in statements if _states_role(s, persons)]
    statements = [s for s in statements if not _states_role(s, persons)]
    mentions = named + [m for s in statements for m in (s.subject, s.object, s.attribution) if m is not None]
    # the one place resolution's input is read from the parse: from here on it is plain values
    mentions, entities, keys = resolve_entities(
        article_view(doc, mentions, text=text), article.id, mentions, resolver=resolver,
        predicates=frozenset(s.object.key for s in statements if s.relation.split()[0] == "be"),
        held=tuple((s.subject, s.object.text) for s in [*statements, *role_statements]
                   if s.pattern in ("appos", "role") and is_title_phrase(s.object.text)),
        appositions=tuple((s.subject, s.object) for s in [*statements, *role_statements]
                          if s.pattern == "appos" and s.subject.is_named
                          and not s.object.is_named and not s.object.is_pronoun))
    held: dict[str, set[str]] = {}
    for s in role_statements:
        if s.subject.key in keys:
            held.setdefault(keys[s.subject.key], set()).add(role_label(s.object.text))
    if held:
        entities = [replace(e, roles=tuple(sorted(set(e.roles) | held[e.key]))) if e.key in held else e
                    for e in entities]
    resolved: list[Statement] = []
    seen = set()
    for s in statements:
        if s.subject.key not in keys or s.object.key not in keys or keys[s.subject.key] == keys[s.object.key]:
            continue    # an unresolved pronoun or description, or a self-loop: left out rather than guessed
        attribution = s.attribution if s.attribution is None or s.attribution.key in keys else None
        ident = (keys[s.subject.key], s.relation, keys[s.object.key], s.polarity, s.modality, s.evidence.start)
        if ident in seen:
            continue
        seen.add(ident)
        resolved.append(s if attribution is s.attribution else replace(s, attribution=attribution))
    return ArticleResult(article=article, mentions=tuple(mentions), statements=tuple(resolved),
                         entities=tuple(entities), resolution=tuple(sorted(keys.items())))
