"""Mentions: the phrase a token stands for, as a spaCy-free :class:`~kg.models.Mention`.

A named entity gives its NER span (without a leading "the" or a trailing "'s"); any other noun gives a
compact noun phrase (its compounds, adjectives and the head, no determiners, clauses or prepositional
phrases) so graph nodes stay short ("senior Taliban officials", not the whole subtree).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.types import entity_type
from kg.models import Mention

PRONOUNS = {"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "this", "that",
            "these", "those", "who", "whom", "which", "what", "one", "myself", "himself", "herself", "itself",
            "themselves", "ourselves", "there", "here", "everyone", "someone", "anyone", "nobody", "all",
            "both", "each", "some", "many", "most", "none", "others", "another", "something", "anything",
            "nothing", "everything"}
_MODIFIERS = {"compound", "amod", "nmod", "nummod", "quantmod"}
_STRIP_LEFT = {"the", "a", "an", "this", "that", "these", "those"}


def entity_span(token: Token) -> Span | None:
    """The named-entity span that contains ``token``, if any."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _trim(span: Span) -> Span:
    """Drop a leading determiner and a trailing possessive or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _STRIP_LEFT or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def named_mention(span: Span) -> Mention | None:
    """A mention for a named-entity span, or None for dates, numbers and NER errors."""
    kind = entity_type(span)
    if kind is None:
        return None
    span = _trim(span)
    if not len(span):
        return None
    return Mention(text=span.text, start=span.start_char, end=span.end_char, type=kind, ner_label=span.label_,
                   head=span.root.text, is_named=True)


def noun_phrase(token: Token) -> Span:
    """The compact noun phrase headed by ``token``: contiguous left modifiers plus the head."""
    start = token.i
    for child in reversed(list(token.lefts)):
        if child.dep_ not in _MODIFIERS or child.right_edge.i != start - 1:
            break
        if any(t.dep_ in ("poss", "det", "punct", "cc") and t.head.i != child.i for t in child.subtree):
            break
        start = child.left_edge.i
    return _trim(token.doc[start:token.i + 1])


def mention_for(token: Token) -> Mention | None:
    """The mention a subject/object token stands for (None for dates, numbers and empty phrases)."""
    if token.pos_ == "PRON" or token.lower_ in PRONOUNS and token.pos_ in ("DET", "PRON", "NOUN", "ADV"):
        if token.lower_ in ("who", "which", "that", "what", "there", "here"):
            return None
        return Mention(text=token.text, start=token.idx, end=token.idx + len(token.text), type="Concept",
                       head=token.lower_, is_pronoun=True)
    span = entity_span(token)
    if span is not None:
        return named_mention(span)
    if token.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ", "X", "SYM"):
        return None
    if token.pos_ == "NUM" and token.like_num:
        return None
    phrase = noun_phrase(token)
    if not len(phrase) or not any(ch.isalpha() for ch in phrase.text):
        return None
    named = token.pos_ == "PROPN"
    return Mention(text=phrase.text, start=phrase.start_char, end=phrase.end_char,
                   type="Organization" if named and token.text.isupper() and len(token.text) > 1 else "Concept",
                   head=token.lemma_.lower(), is_named=named)


def named_mentions(doc: Doc) -> list[Mention]:
    """Every typed named-entity mention in the document, in text order."""
    out = []
    for ent in doc.ents:
        mention = named_mention(ent)
        if mention is not None:
            out.append(mention)
    return out
