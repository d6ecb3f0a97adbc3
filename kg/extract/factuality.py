"""Factuality of a predicate: its own negation and modality, then what each verb that embeds it adds.

A predicate is read in its own clause first (:mod:`kg.extract.modality`), then the clause-embedding verbs
above it are climbed one by one, each applying its class from ``ontology/veridicality.tsv``
(:mod:`kg.extract.veridicality`, derived from MegaVeridicality):

* factive ("acknowledged that p"): p keeps its own status, the verb's subject is named as a source;
* implicative ("managed to V"): V as the verb's polarity says; negative ("refused / failed to V"): V negated;
* denial ("denied V-ing", "denied that p"): negated, reported, attributed to the denier;
* directive ("urged X to V", "was asked to V"): requested, attributed to who asked;
* planned ("plans to V"): planned; reported ("said that p", "is believed to V"): attributed to the verb's
  subject (alleged when there is none: "is suspected of V-ing"), negated when a negated neg-raising verb
  embeds it ("does not believe that p").

Negation never crosses coordination: "denied A and accused B" keeps B positive, "did not A but B" too;
only "did not A or B" shares it. A coordinated verb shares the auxiliaries of the first one when it has
none of its own, and the verbs that embed the coordination.

:func:`predicate_status` adds what no verb says: the content of claim nouns ("reports that p"), missing
evidence ("no evidence that p"), "according to X", parenthetical speech, conditions and questions, read
through the :class:`SentenceIndex` the one walk over a sentence collects.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.symbols import mark as MARK, prep as PREP
from spacy.tokens import Token

from kg.extract import veridicality

from kg.extract.modality import (CONDITION_MARKS, CONDITIONAL, NEGATIVE_VERBS, PLAN_VERBS, SPEECH_VERBS,
                                 has_own_auxiliary, modality, negated, subject_negated)
from kg.extract.veridicality import Entry, entry
from kg.ontology import cue_words

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# prepositions that introduce a verbal complement of a verb ("succeeded in landing", "accused X of
# shelling", "prevented X from leaving", "charged with smuggling")
COMPLEMENT_PREPS = cue_words("complement-prep")
# modalities from weakest to strongest hold on a statement; the strongest one found wins
# control verbs whose class says all there is to say about their complement: not kept in the relation
FOLDED_CLASSES = {"implicative", "negative", "denial", "factive"}
_STRENGTH = {"asserted": 0, "reported": 1, "alleged": 2, "planned": 3, "requested": 4, "possible": 5,
             "conditional": 6}

Status = tuple[str, str, "Token | None"]
FINITE_TAGS = {"VBD", "VBZ", "VBP"}
# nouns whose complement clause is only as true as the evidence ("no evidence that Y attacked Z")
EVIDENCE_NOUNS = cue_words("evidence-noun")
# verbs whose clausal complement is a claim they deny ("X denied that Y attacked Z")
DENIAL_VERBS = cue_words("denial-verb")
# nouns whose complement clause is a claim, not a fact ("claims that Y attacked Z")
CLAIM_NOUNS = cue_words("claim-noun")



def _verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "obj") for c in verb.children)


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, through coordination and subject control ("denied A and said B": A's)."""
    node = verb
    for _ in range(6):
        own = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        if own is not None:
            return own
        if node.dep_ in ("conj", "xcomp") and node.head.i != node.i and _verbal(node.head):
            node = node.head
            continue
        return None
    return None


def source_of(matrix: Token) -> Token | None:
    """Who a matrix verb's claim, request or denial belongs to: its subject, or a passive's agent."""
    if _passive(matrix):
        for prep in matrix.children:
            if prep.dep_ == "agent":
                return next((c for c in prep.children if c.dep_ == "pobj"), None)
        return None
    return subject_of(matrix)


def governor(node: Token) -> tuple[Token, str] | None:
    """(matrix verb, frame) when ``node`` is the complement of a clause-embedding verb, else None.

    Frames are MegaVeridicality's: that ("said that p"), to ("refused to V", "denied V-ing"), np_to
    ("urged X to V", "expects X to V"), passive_to ("was asked to V"), passive_that.
    """
    head = node.head
    if head.i == node.i:
        return None
    dep = node.dep_
    if dep == "pcomp" and head.dep_ == "prep" and head.lower_ in COMPLEMENT_PREPS and _verbal(head.head):
        matrix = head.head
        return matrix, "np_to" if _has_object(matrix) else "passive_to" if _passive(matrix) else "to"
    if dep == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        return head, "adj_to"          # "is likely to V", "was unable to V"
    if not _verbal(head):
        return None
    if dep == "ccomp":
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if infinitive:
            own_subject = any(c.dep_ in SUBJECT_DEPS for c in node.children)
            return head, "np_to" if own_subject else "passive_to" if _passive(head) else "to"
        return head, "passive_that" if _passive(head) else "that"
    if dep == "xcomp":
        return head, "np_to" if _has_object(head) else "passive_to" if _passive(head) else "to"
    return None


def kept_in_relation(verb: Token) -> bool:
    """True when a control verb stays in the relation of its complement ("threaten to attack"), so the
    relation itself says what the verb adds; the verbs whose class says it instead ("refused to", "managed
    to", "denied", and the scheduling verbs of PLAN_VERBS) are folded out of the relation."""
    if verb.dep_ != "xcomp" or not _verbal(verb.head) or verb.head.pos_ != "VERB" or verb.head.i == verb.i:
        return False
    matrix = verb.head
    if matrix.lemma_ in NEGATIVE_VERBS or matrix.lemma_ == "have" and any(c.lower_ == "yet" for c in matrix.children):
        return False
    if _has_object(matrix) or matrix.lemma_ in PLAN_VERBS:
        return False
    if _passive(matrix):
        # "was asked to ban", "is believed to have smuggled": the modality says it ("requested",
        # "alleged"); a passive the lexicon does not know stays in the relation
        return entry(matrix.lemma_, "passive_to") is None
    found = entry(matrix.lemma_, "to")
    return found is None or found.klass not in FOLDED_CLASSES


def _stronger(mode: str, new: str) -> str:
    return new if _STRENGTH.get(new, 0) > _STRENGTH.get(mode, 0) else mode


def _apply(found: Entry | None, matrix: Token, frame: str, negative: bool, mode: str,
           speaker: Token | None) -> tuple[bool, str, Token | None]:
    """The status of a complement after the verb that embeds it (see the module docstring)."""
    matrix_negated = negated(matrix) or frame == "adj_to" and negated(matrix.head)
    if found is None:
        # a verb the lexicon does not list: an infinitive shares its negation ("did not agree to join")
        if frame != "that" and matrix_negated:
            negative = not negative
        return negative, mode, speaker
    klass = found.klass
    source = source_of(matrix)
    if klass == "factive":
        return negative, mode, speaker or source
    if klass == "implicative":
        return negative != matrix_negated, mode, speaker
    if klass == "negative":
        return negative == matrix_negated, mode, speaker
    if klass == "denial":
        return (not negative) if not matrix_negated else negative, _stronger(mode, "reported"), speaker or source
    if klass == "directive":
        return negative != matrix_negated, _stronger(mode, "requested"), speaker or source
    if klass == "planned":
        return negative != matrix_negated, _stronger(mode, "planned"), speaker
    # reported and antiveridical: someone's claim or belief, never the writer's
    if matrix_negated and found.negraise:
        negative = not negative
    if source is None:
        return negative, _stronger(mode, "alleged"), speaker
    return negative, _stronger(mode, "reported"), speaker or source


def embedded_status(verb: Token) -> tuple[bool, str, Token | None, bool]:
    """(negative?, modality, source, climbed?) of a predicate from its clause and the verbs embedding it.

    ``climbed`` says whether some embedding verb was found (the caller adds "according to" and
    parenthetical speech only when no verb above gave a source).
    """
    negative = negated(verb) or subject_negated(verb)
    mode = modality(verb)
    speaker: Token | None = None
    climbed = False
    node = verb
    skip_governor = False
    for _ in range(8):
        if node.dep_ == "conj" and node.head.i != node.i and _verbal(node.head):
            head = node.head
            shared_or = any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.children) or any(
                c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in node.children)
            if shared_or and negated(head) and not any(c.dep_ in SUBJECT_DEPS for c in node.children):
                negative = True          # "did not attend or send": one negation over both
            if not has_own_auxiliary(node) and any(c.dep_ == "aux" and c.lower_ in CONDITIONAL for c in head.children):
                mode = _stronger(mode, "conditional")
            # a finite verb hung on an infinitive ("refused to sell X and instead extended Y") is a
            # misattached conjunct of the clause above: it does not share what the infinitive's verb says
            skip_governor = node.tag_ in FINITE_TAGS and head.tag_ == "VB" and head.dep_ in ("xcomp", "ccomp")
            node = head                  # the conjunct shares what embeds the coordination, not its negation
            continue
        if node.dep_ == "advcl" and _verbal(node.head) and node.head.i != node.i and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            # a purpose: "visited Beijing to discuss the debt"; under a negated verb it is not even planned
            # ("will not work with the US to combat ISIS" says nothing of combating ISIS)
            mode = _stronger(mode, "conditional" if negated(node.head) else "planned")
            node = node.head
            continue
        gov = governor(node)
        if gov is None:
            break
        matrix, frame = gov
        if skip_governor:
            skip_governor = False
            node = matrix
            continue
        if frame == "to" and matrix.lemma_ == "have" and any(c.lower_ == "yet" for c in matrix.children):
            negative = not negative       # "has yet to endorse": has not endorsed (yet)
            node = matrix
            continue
        found = None if kept_in_relation(node) else entry(matrix.lemma_, frame)
        if found is None and frame == "passive_that":
            found = entry(matrix.lemma_, "that")
        negative, mode, speaker = _apply(found, matrix, frame, negative, mode, speaker)
        climbed = climbed or found is not None
        matrix_mode = modality(matrix)
        if matrix_mode in ("conditional", "possible", "planned"):
            mode = _stronger(mode, matrix_mode)
        node = matrix
    return negative, mode, speaker, climbed


@dataclass
class SentenceIndex:
    """What predicates look up above themselves, collected in the one pass over a sentence."""

    according: dict[int, Token] = field(default_factory=dict)   # head index -> X of "according to X"
    conditions: set[int] = field(default_factory=set)           # heads of an if/whether/unless marker
    question: bool = False                                      # the sentence asks rather than states

    def add(self, tok: Token) -> None:
        dep = tok.dep
        if tok.text == "?":
            self.question = True
        elif dep == MARK and tok.lower_ in CONDITION_MARKS:
            self.conditions.add(tok.head.i)
        elif dep == PREP and tok.lower_ == "according":
            for to in tok.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        self.according.setdefault(tok.head.i, obj)



def attribution_of(verb: Token, index: SentenceIndex) -> tuple[Token | None, bool]:
    """(speaker, reported?) for a predicate inside reported speech or next to "according to X"."""
    node = verb
    for _ in range(6):
        source = index.according.get(node.i)
        if source is not None:
            return source, True
        if node.dep_ in ("ccomp", "parataxis") and (node.head.lemma_ in SPEECH_VERBS
                                                    or veridicality.takes_clause(node.head.lemma_)):
            return _subject_of(node.head), True
        if node.head.i == node.i:
            break
        node = node.head
    return None, False


def _conditional(verb: Token, index: SentenceIndex) -> bool:
    node = verb
    while True:
        if node.i in index.conditions:
            return True
        if node.head.i == node.i or node.dep_ == "ROOT":
            return False
        node = node.head


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def _content_clause(verb: Token) -> bool:
    """A clause that says what a noun claims ("reports that X attacked Y"), not a participle modifying it
    ("the report, published by the UN")."""
    return verb.tag_ not in ("VBN", "VBG") or any(c.dep_ == "mark" for c in verb.children)


def claimed_by(verb: Token) -> tuple[str, Token | None]:
    """("denied" | "claimed" | "unsupported" | "", who) for a predicate that is the content of a denial, a
    claim or a missing piece of evidence.

    "X denied that Y attacked Z" and "X rejected claims that Y attacked Z" -> ("denied", X);
    "claims that Y attacked Z surfaced" -> ("claimed", None); "there is no evidence that Y attacked Z" ->
    ("unsupported", None).
    """
    node = verb
    for _ in range(4):
        if node.dep_ == "ccomp" and node.head.lemma_ in DENIAL_VERBS:
            # "did not deny that p" denies nothing: p is only the subject's word
            return ("claimed" if negated(node.head) else "denied"), _subject_of(node.head)
        nominal = node.head.pos_ in ("NOUN", "PROPN")      # "claims that", not the verb "claimed that"
        if nominal and node.dep_ in ("acl", "ccomp") and node.head.lemma_ in EVIDENCE_NOUNS:
            noun = node.head
            lacking = any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "little", "scant") for c in noun.children)
            governing = noun.head if noun.dep_ in ("dobj", "obj", "attr", "nsubj") else None
            if lacking or (governing is not None and negated(governing)):
                return "unsupported", None
        if nominal and node.dep_ in ("acl", "ccomp") and node.head.lemma_ in CLAIM_NOUNS and _content_clause(node):
            claim = node.head
            if claim.dep_ in ("dobj", "obj") and claim.head.lemma_ in DENIAL_VERBS and not negated(claim.head):
                return "denied", _subject_of(claim.head)
            owner = next((c for c in claim.children if c.dep_ == "poss"), None)
            return "claimed", owner
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            break
        node = node.head
    return "", None


def predicate_status(verb: Token, index: SentenceIndex) -> Status:
    """(polarity, modality, speaker) of a predicate: its own clause, the verbs embedding it
    (:func:`kg.extract.factuality.embedded_status`), claims and denials of claims, "according to X",
    conditions and questions."""
    negative, mode, speaker, climbed = embedded_status(verb)
    if _conditional(verb, index) or index.question:
        mode = "conditional"
    claim, who = claimed_by(verb)
    if claim == "denied":
        # a denied claim is kept, negated and attributed to whoever denied it; never asserted
        return "negative", mode if mode != "asserted" else "reported", who
    if claim == "claimed":
        return "negative" if negative else "positive", mode if mode != "asserted" else "reported", who
    if claim == "unsupported":
        return "negative" if negative else "positive", mode if mode != "asserted" else "possible", speaker
    if speaker is None and not climbed:
        source, reported = attribution_of(verb, index)
        if reported:
            speaker = source
            if mode == "asserted":
                mode = "reported"
    return "negative" if negative else "positive", mode, speaker
