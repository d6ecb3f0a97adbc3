"""What resolution needs to know of each mention's place in the parse, read from the ``Doc`` once.

Resolution (:mod:`kg.resolve`) is a pure function over mentions and these values: it never sees the
``Doc``. :func:`article_view` is the one place that reads the parse for it: each mention's sentence, the
dependency role of its root word and where that word's head is, whether a determiner or possessive makes it
definite, whether a person's name is inside it, the title words written right before it, and for a pronoun
its word, whether it stands for nothing ("it is likely that") and the speaker it reports ("The Taliban said
it ...").
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from spacy.attrs import DEP, IDX, POS
from spacy.symbols import NOUN, PROPN, nsubj, nsubjpass
from spacy.tokens import Doc, Span, Token

from kg.extract.mentions import mention_for
from kg.extract.modality import SPEECH_VERBS
from kg.models import Mention
from kg.names import TITLE_WORDS
from kg.ontology import cue_words

_DEFINITE = {"the", "this", "that", "these", "those"}
_RUN_WORDS = TITLE_WORDS | cue_words("office-modifier")
_SUBJECT_DEPS = (nsubj, nsubjpass)
_NOUNS = (NOUN, PROPN)
_RESTRICTIVE = {"prep", "relcl", "acl"}


@dataclass(frozen=True, slots=True)
class Context:
    """One mention's place in the parse, as plain values (character offsets into the article's text)."""

    sentence: int                     # index of its sentence
    span: tuple[int, int]             # its words' (start, end): the mention widened to whole words
    dep: str                          # dependency label of its root word
    head: int                         # offset of the root word's syntactic head
    definite: bool = False            # a determiner or possessive before it ("the X", "Islam's X")
    indefinite: bool = False          # an indefinite article before it ("a team", "an orbiter")
    person_inside: bool = False       # a person's name among its words ("the Biden administration")
    coordinated: bool = False         # one of several joined phrases ("the Taliban and the Kurds")
    restricted: bool = False          # a phrase or clause after it says which one ("the exhibit at USI")
    title_run: tuple[str, ...] = ()   # title words right before it in its sentence ("prime", "minister")
    word: str = ""                    # its first word, lower case (a pronoun's pronoun)
    pleonastic: bool = False          # an "it" that stands for nothing ("it is likely that")
    speaker: Mention | None = None    # the speaker of the reported speech a pronoun is the subject of

    def holds(self, offset: int) -> bool:
        """True when the word at ``offset`` is one of this mention's words."""
        return self.span[0] <= offset < self.span[1]


@dataclass(frozen=True, slots=True)
class ArticleView:
    """An article as resolution sees it: its text, sentence starts, noun subjects and mention contexts."""

    text: str
    sentences: tuple[int, ...]                       # start offset of each sentence
    subjects: tuple[int, ...] = ()                   # offsets of noun and proper-noun subjects, in order
    contexts: Mapping[str, Context] = field(default_factory=dict)   # mention key -> context

    def of(self, mention: Mention) -> Context | None:
        return self.contexts.get(mention.key)

    def sentence_at(self, offset: int) -> int:
        return bisect_right(self.sentences, offset) - 1

    def subject_between(self, start: int, end: int) -> bool:
        """A noun subject starts at or after ``start`` and before ``end``."""
        i = bisect_left(self.subjects, start)
        return i < len(self.subjects) and self.subjects[i] < end


def article_view(doc: Doc, mentions: Iterable[Mention], *, text: str | None = None) -> ArticleView:
    """The view of ``doc`` resolution needs for ``mentions`` and for the speakers their pronouns report
    (``text``: ``doc.text``, when the caller has it)."""
    sentences = list(doc.sents)
    starts = tuple(s.start_char for s in sentences)
    sent_tokens = [s.start for s in sentences]    # each sentence's first token, for a bisect (span.sent scans)
    contexts: dict[str, Context] = {}
    pending = list(mentions)
    while pending:
        m = pending.pop()
        if m.key in contexts:
            continue
        context = _context(doc, m, sent_tokens)
        if context is not None:
            contexts[m.key] = context
            if context.speaker is not None and context.speaker.key not in contexts:
                pending.append(context.speaker)
    subjects = tuple(idx for dep, pos, idx in doc.to_array([DEP, POS, IDX]).tolist()    # (one array: no Token
                     if dep in _SUBJECT_DEPS and pos in _NOUNS)                         # per word, no strings)
    return ArticleView(text=doc.text if text is None else text, sentences=starts, subjects=subjects, contexts=contexts)


def _context(doc: Doc, m: Mention, sent_tokens: list[int]) -> Context | None:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    first = span[0]
    pronoun = first.lower_ if m.is_pronoun else ""
    speaker = None
    if m.is_pronoun and not (pronoun in ("it", "its") and _pleonastic(first)):
        token = _speaker_of(first)
        speaker = mention_for(token) if token is not None else None
    sentence = bisect_right(sent_tokens, span.start) - 1   # the sentence of its first token, as span.sent
    return Context(sentence=sentence, span=(span.start_char, span.end_char), dep=root.dep_,
                   head=root.head.idx, definite=_definite(span), indefinite=_indefinite(span),
                   person_inside=any(t.ent_type_ == "PERSON" for t in span),
                   coordinated=any(c.dep_ == "conj" for c in root.children),
                   restricted=any(c.dep_ in _RESTRICTIVE and c.i > root.i for c in root.children),
                   title_run=_title_run(span, sent_tokens[sentence]),
                   word=first.lower_, pleonastic=m.is_pronoun and _pleonastic(first), speaker=speaker)


def _definite(span: Span) -> bool:
    """True when a determiner or a possessive makes the phrase definite ("the X", "Islam's X")."""
    doc = span.doc
    if span.start == 0:
        return False
    i = span.start - 1
    while i > 0 and doc[i].pos_ in ("ADJ", "ADV", "NUM") and doc[i].head.i >= span.start:
        i -= 1      # "the largest Christian denomination"
    before = doc[i]
    return before.lower_ in _DEFINITE or before.tag_ == "POS" or before.dep_ == "poss"


_INDEFINITE = {"a", "an", "another"}


def _indefinite(span: Span) -> bool:
    """True when an indefinite article determines the phrase ("a team", "another court")."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.lower_ in _INDEFINITE and span.start <= before.head.i < span.end


def _title_run(span: Span, sent_start: int) -> tuple[str, ...]:
    """The title words written right before the phrase in its sentence ("Prime Minister [Rishi Sunak]"),
    which starts at token ``sent_start``."""
    doc = span.doc
    i = span.start
    run: list[str] = []
    while i > sent_start and doc[i - 1].text.strip(".").casefold() in _RUN_WORDS:
        i -= 1
        run.insert(0, doc[i].text.strip(".").casefold())
    return tuple(run)


def _speaker_of(token: Token) -> Token | None:
    """The subject of the speech verb whose complement clause has ``token`` as its subject."""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    if verb.dep_ not in ("ccomp",) or verb.head.lemma_ not in SPEECH_VERBS:
        return None
    speech = verb.head
    speakers = [c for c in speech.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    if not speakers and speech.dep_ == "conj" and speech.head.i != speech.i:
        # "X denied A and said it would B": the speech verb shares the first verb's subject
        speakers = [c for c in speech.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    return speakers[0] if speakers else None


def _pleonastic(token: Token) -> bool:
    """ "It is likely that ...", "it seems": an "it" that stands for nothing."""
    head = token.head
    return head.lemma_ in ("be", "seem", "appear", "rain", "take", "matter") or any(
        c.dep_ in ("ccomp", "xcomp", "csubj") for c in head.children) and head.lemma_ in ("be", "seem", "appear")
