"""Polarity and modality a predicate carries in its own clause: negators, auxiliaries, hedging adverbs.

What the verbs above it add (denials, requests, factives, reported speech) is :mod:`kg.extract.factuality`.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.ontology import cue_words

NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "without", "hardly", "barely"}
FUTURE = {"will", "shall", "'ll", "wo"}              # "wo" is the first half of "won't"
POSSIBLE = {"may", "might", "could", "can", "ca", "must", "should", "ought"}
CONDITIONAL = {"would", "'d"}
# control verbs that only schedule the controlled event ("plans to meet" = planned meet); others
# ("threatened to attack", "vowed to join") stay in the relation, and the lexicon gives their effect
PLAN_VERBS = cue_words("plan-verb")
NEGATIVE_VERBS = cue_words("negative-verb")
SPEECH_VERBS = cue_words("speech-verb")
CONDITION_MARKS = {"if", "unless", "whether", "lest"}
# adverbs that hedge a clause: the writer does not vouch for it
ALLEGED_ADVERBS = cue_words("alleged-adverb")
POSSIBLE_ADVERBS = cue_words("possible-adverb")
# determiners and conjunctions that negate the noun phrase they open ("no country", "neither A nor B")
NEGATIVE_DETERMINERS = {"no", "neither", "nor"}


def negated(verb: Token) -> bool:
    """True when the predicate itself is negated ("did not work", "never met", "no longer imports")."""
    for child in verb.children:
        dep = child.dep_
        if dep == "neg" or (dep in ("advmod", "aux", "det", "preconj") and child.lower_ in NEGATORS):
            return True
        if dep == "advmod" and any(g.dep_ == "neg" or g.lower_ in ("no", "not") for g in child.children):
            return True         # "no longer", "not yet", "not anymore": the negator hangs on the adverb
    return False


def negative_argument(token: Token) -> bool:
    """True for a noun phrase that says "none": "no country", "neither Ecuador nor Peru", "nor Peru"."""
    for child in token.children:
        if child.dep_ in ("det", "preconj", "cc") and child.lower_ in NEGATIVE_DETERMINERS:
            return True
    return token.dep_ == "conj" and negative_argument(token.head)


def subject_negated(verb: Token) -> bool:
    """True when a subject of the predicate is a negative phrase ("Neither Ecuador nor Peru signed")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and negative_argument(c) for c in verb.children)


def own_modality(verb: Token) -> str:
    """asserted / possible / planned / conditional / alleged from the predicate's own auxiliaries and adverbs."""
    mode = "asserted"
    for child in verb.children:
        dep, word = child.dep_, child.lower_
        if dep in ("aux", "auxpass"):
            if word in CONDITIONAL:
                return "conditional"
            if word in POSSIBLE:
                mode = "possible"
            elif word in FUTURE and mode == "asserted":
                mode = "planned"
        elif dep == "advmod":
            if word in ALLEGED_ADVERBS and mode == "asserted":
                mode = "alleged"
            elif word in POSSIBLE_ADVERBS and mode in ("asserted", "alleged"):
                mode = "possible"
    return mode


def has_own_auxiliary(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)


def modality(verb: Token) -> str:
    """The modality of a predicate from its own clause and the auxiliaries it shares with a coordinated verb.

    ("will attend and send": "send" shares "will"; a verb with an auxiliary of its own keeps it.)
    """
    mode = own_modality(verb)
    node = verb
    while mode == "asserted" and node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX") \
            and not has_own_auxiliary(node) and node.head.i != node.i:
        node = node.head
        mode = own_modality(node)       # "allegedly took bribes and sold secrets": the hedge covers both
    return mode
