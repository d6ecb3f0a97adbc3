"""From a parsed ``Doc`` to spaCy-free mentions and statements (see :mod:`kg.extract.clauses`)."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.clauses import Proposition, propositions
from kg.extract.mentions import mention_for, named_mentions
from kg.lexicon import Lexicon, default_lexicon
from kg.models import Evidence, Mention, Statement

__all__ = ["extract_statements", "named_mentions", "propositions", "statement_from"]


def _evidence(article_id: str, prop: Proposition, sent: Span) -> Evidence:
    tokens = [prop.subject, prop.object] + ([prop.verb] if prop.verb is not None else [])
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    text = sent.text.strip()
    return Evidence(article_id=article_id, sentence=text, sentence_start=sent.start_char + (len(sent.text) - len(
        sent.text.lstrip())), start=start, end=end)


def _surface(prop: Proposition) -> str:
    verb = prop.verb
    if verb is None:
        return prop.relation
    words: list[Token] = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt")]
    words.append(verb)
    ordered = sorted(words, key=lambda t: t.i)
    tail = prop.relation.split()[len(verb.lemma_.split()) + sum(1 for c in verb.children if c.dep_ == "prt"):]
    if prop.relation.startswith("be ") and verb.lemma_ != "be":
        tail = prop.relation.split()[2:]
    return " ".join([t.text for t in ordered] + tail)


def statement_from(prop: Proposition, article_id: str, lexicon: Lexicon | None = None) -> Statement | None:
    """Turn a parse-bound proposition into a :class:`Statement` (None when an argument is not a thing)."""
    lexicon = lexicon or default_lexicon()
    subject = mention_for(prop.subject)
    obj = mention_for(prop.object)
    if subject is None or obj is None or subject.key == obj.key:
        return None
    canonical, relation_class, _ = lexicon.normalize(prop.relation)
    polarity = prop.polarity
    attribution = mention_for(prop.attribution) if prop.attribution is not None else None
    return Statement(subject=subject, relation=canonical, object=obj, surface=_surface(prop),
                     evidence=_evidence(article_id, prop, prop.sentence), polarity=polarity,  # type: ignore[arg-type]
                     modality=prop.modality, attribution=attribution, confidence=prop.confidence,  # type: ignore[arg-type]
                     pattern=prop.pattern, relation_class=relation_class)


def extract_statements(doc: Doc, article_id: str, lexicon: Lexicon | None = None) -> Iterator[Statement]:
    """Yield every statement of a parsed document, sentence by sentence."""
    lexicon = lexicon or default_lexicon()
    for sent in doc.sents:
        for prop in propositions(sent):
            statement = statement_from(prop, article_id, lexicon)
            if statement is not None:
                yield statement
