"""Polarity, modality and attribution of a predicate, read from its auxiliaries and governors."""
from __future__ import annotations

from spacy.tokens import Token

NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "without", "hardly", "barely"}
FUTURE = {"will", "shall", "'ll", "wo"}              # "wo" is the first half of "won't"
POSSIBLE = {"may", "might", "could", "can", "ca", "must", "should", "ought"}
CONDITIONAL = {"would", "'d"}
# control verbs that only schedule the controlled event ("plans to meet" = planned meet); others
# ("threatened to attack", "vowed to join") stay in the relation, and their own clause's modality applies
PLAN_VERBS = {"plan", "intend", "aim", "expect", "prepare", "schedule", "set"}
NEGATIVE_VERBS = {"refuse", "decline", "fail", "deny", "reject", "avoid", "stop", "cease", "quit"}
SPEECH_VERBS = {"say", "tell", "state", "announce", "claim", "report", "add", "note", "declare", "insist",
                "argue", "warn", "write", "tweet", "explain", "confirm", "allege", "suggest", "answer",
                "reply", "indicate", "assert", "maintain", "acknowledge", "admit", "believe", "think",
                "accuse", "stress", "emphasize", "predict", "estimate", "describe", "reveal", "show"}
CONDITION_MARKS = {"if", "unless", "whether", "lest"}


def negated(verb: Token) -> bool:
    """True when the predicate itself is negated ("did not work", "never met", "won't go")."""
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "aux", "det") and child.lower_ in NEGATORS):
            return True
    return False


def modality(verb: Token) -> str:
    """asserted / possible / planned / conditional for one predicate (reported is set by the caller)."""
    mode = "asserted"
    node = verb
    for _ in range(4):  # the predicate and the verbs it is a complement of ("plans to meet", "may try to")
        for child in node.children:
            if child.dep_ not in ("aux", "auxpass"):
                continue
            word = child.lower_
            if word in CONDITIONAL:
                return "conditional"
            if word in POSSIBLE:
                mode = "possible"
            elif word in FUTURE and mode == "asserted":
                mode = "planned"
        if node.dep_ in ("advcl", "ccomp", "csubj") and any(
                c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children):
            return "conditional"
        if node.dep_ == "xcomp":
            if node.head.lemma_ in PLAN_VERBS and mode == "asserted":
                mode = "planned"
            node = node.head
            continue
        if node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
            continue
        break
    return mode


def governed_negation(verb: Token) -> bool:
    """Negation inherited from a governing verb: "refused to meet", "did not agree to join"."""
    node = verb
    while node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
        node = node.head
        if node.lemma_ in NEGATIVE_VERBS and node.dep_ != "conj":
            return True
        if negated(node) and node.pos_ in ("VERB", "AUX"):
            return True
    return False
