"""From a parsed ``Doc`` to spaCy-free mentions and statements (see :mod:`kg.extract.clauses`)."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.extract.clauses import Proposition, propositions
from kg.extract.fit import fits
from kg.extract.mentions import mention_for, named_mentions
from kg.lexicon import Lexicon, default_lexicon
from kg.models import Evidence, Mention, Statement

__all__ = ["extract_statements", "named_mentions", "propositions", "statement_from"]


def _evidence(article_id: str, prop: Proposition, sent: Span, text: str | None = None,
              offset: int | None = None) -> Evidence:
    tokens = [prop.subject, prop.object] + ([prop.verb] if prop.verb is not None else [])
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    if text is None or offset is None:
        text, offset = _sentence_text(sent)
    return Evidence(article_id=article_id, sentence=text, sentence_start=offset, start=start, end=end)


def _sentence_text(sent: Span, doc_text: str | None = None) -> tuple[str, int]:
    # slicing the document's text (computed once per document) is cheaper than joining the sentence's tokens
    raw = doc_text[sent.start_char:sent.end_char] if doc_text is not None else sent.text
    return raw.strip(), sent.start_char + (len(raw) - len(raw.lstrip()))


def _surface(prop: Proposition) -> str:
    verb = prop.verb
    if verb is None:
        return prop.relation
    words: list[Token] = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt")]
    particles = sum(1 for c in words if c.dep_ == "prt")
    words.append(verb)
    ordered = sorted(words, key=lambda t: t.i)
    tail = prop.relation.split()[len(verb.lemma_.split()) + particles:]
    if prop.relation.startswith("be ") and verb.lemma_ != "be":
        tail = prop.relation.split()[2:]
    return " ".join([t.text for t in ordered] + tail)


def statement_from(prop: Proposition, article_id: str, lexicon: Lexicon | None = None, *,
                   sentence: tuple[str, int] | None = None,
                   mentions: dict[int, Mention | None] | None = None) -> Statement | None:
    """Turn a parse-bound proposition into a :class:`Statement` (None when an argument is not a thing).

    ``sentence`` is the stripped sentence text and its start offset, when the caller already has them;
    ``mentions`` caches mentions by token index across the propositions of one document.
    """
    lexicon = lexicon or default_lexicon()
    cache: dict[int, Mention | None] = {} if mentions is None else mentions

    def mention(token: Token) -> Mention | None:
        if token.i not in cache:
            cache[token.i] = mention_for(token)
        return cache[token.i]

    subject = mention(prop.subject)
    obj = mention(prop.object)
    if subject is None or obj is None or subject.key == obj.key:
        return None
    if prop.pattern == "role":
        # a role ("Prime Minister") is a concept node of its own, never resolved to whoever holds it
        obj = replace(obj, is_named=False, type="Concept")
    canonical, relation_class, _ = lexicon.normalize(prop.relation)
    if relation_class is not None and not fits(prop.relation, relation_class, obj.type, prop.object.lemma_,
                                                  prop.subject.lemma_, subject.type):
        # "strike a deal" is no attack, "send anthrax" no aid: the verb keeps its own word and no class
        canonical, relation_class = prop.relation, None
    polarity = prop.polarity
    attribution = mention(prop.attribution) if prop.attribution is not None else None
    return Statement(subject=subject, relation=canonical, object=obj, surface=_surface(prop),
                     evidence=_evidence(article_id, prop, prop.sentence, *(sentence or (None, None))), polarity=polarity,  # type: ignore[arg-type]
                     modality=prop.modality, attribution=attribution, confidence=prop.confidence,  # type: ignore[arg-type]
                     pattern=prop.pattern, relation_class=relation_class)


def extract_statements(doc: Doc, article_id: str, lexicon: Lexicon | None = None, *, text: str | None = None
                       ) -> Iterator[Statement]:
    """Yield every statement of a parsed document, sentence by sentence (``text``: ``doc.text``, when the
    caller has it: spaCy joins it from every token on each access)."""
    lexicon = lexicon or default_lexicon()
    mentions: dict[int, Mention | None] = {}
    doc_text = doc.text if text is None else text
    for sent in doc.sents:
        text = None
        for prop in propositions(sent):
            text = text or _sentence_text(sent, doc_text)
            statement = statement_from(prop, article_id, lexicon, sentence=text, mentions=mentions)
            if statement is not None:
                yield statement
