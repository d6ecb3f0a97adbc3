"""Immutable, spaCy-free values that flow between the pipeline stages.

They hold character offsets, never ``Span``/``Token`` objects, so they pickle, hash and cross process
boundaries (``nlp.pipe(n_process=...)``, dask workers).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

Polarity = Literal["positive", "negative"]
Modality = Literal["asserted", "possible", "planned", "conditional", "reported", "requested", "alleged"]
EntityType = Literal["Person", "Organization", "Place", "Group", "Event", "Work", "Product", "Law",
                     "Concept", "Quantity"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from disk.

    ``text`` is exactly what the NLP stage parses (the body, without headline, dateline, byline or page
    furniture); every character offset elsewhere refers to it.
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None          # ISO 8601: "2021-10-09" or "2021-10-09T18:30:00"
    author: str | None = None
    url: str | None = None
    source: str = ""                 # file path (plus ":LINE" for JSON lines)
    metadata: tuple[tuple[str, str], ...] = ()   # unknown keys, sorted, values as JSON text

    @property
    def sha256(self) -> str:
        """Content hash over every field that affects the graph (for incremental builds)."""
        h = hashlib.sha256()
        for part in (self.id, self.title or "", self.date or "", self.author or "", self.url or "",
                     self.text):
            h.update(part.encode("utf-8", "surrogatepass"))   # a lone surrogate must not abort a build
            h.update(b"\x00")
        return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read; the build goes on without it."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a statement was read: the article, the sentence and the character span in ``Article.text``."""

    article_id: str
    sentence: str
    sentence_start: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A phrase that names or describes a thing, with its type guess.

    ``key`` identifies the mention inside its article (``"{start}:{end}"``) so that resolution can map it
    to an entity without holding spaCy objects.
    """

    text: str
    start: int
    end: int
    type: str                         # an EntityType
    ner_label: str | None = None      # spaCy's label (PERSON, ORG, GPE, ...) or None for noun phrases
    head: str = ""                    # lemma/text of the head word
    is_pronoun: bool = False
    is_named: bool = False
    title: str = ""                   # role words written before a person's name ("Defense Secretary")
    cues: tuple[str, ...] = ()        # type evidence besides NER (kg.extract.types.CUE_TYPES)

    @property
    def key(self) -> str:
        return f"{self.start}:{self.end}"


@dataclass(frozen=True, slots=True)
class Statement:
    """A subject-relation-object proposition read from one sentence.

    ``relation`` is the canonical relation (lemmatized, normalized, active voice, without negation);
    ``surface`` is the relation as written. ``polarity`` and ``modality`` say whether and how it holds.
    """

    subject: Mention
    relation: str
    object: Mention
    surface: str
    evidence: Evidence
    polarity: Polarity = "positive"
    modality: Modality = "asserted"
    attribution: Mention | None = None
    confidence: float = 0.5
    pattern: str = ""                 # which extraction rule produced it
    relation_class: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved real-world thing: one graph node."""

    key: str                          # canonical key; the IRI is minted from it
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    mentions: int = 0
    rules: tuple[str, ...] = ()       # why names were merged into this entity (auditable)
    same_as: tuple[str, ...] = ()     # keys this entity's names had before a curated merge (owl:sameAs)
    type_votes: tuple[tuple[str, int], ...] = ()   # weighted type evidence of its mentions (corpus vote)
    roles: tuple[str, ...] = ()       # titles written before its name ("Defense Secretary")


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything extracted from one article; results of different articles merge by union."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    statements: tuple[Statement, ...] = ()
    entities: tuple[Entity, ...] = ()          # this article's entities (keys are global, deterministic)
    # mention key -> entity key (after in-article resolution); unresolved mentions are absent
    resolution: tuple[tuple[str, str], ...] = field(default=())
    # the article's named graph as export chunks (a kg.article_graph.ArticleGraph), made where it was parsed
    graph: object = None
