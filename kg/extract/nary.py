"""N-ary clauses: the phrase-level rendering of the extractor, for CaRB.

:func:`clauses` renders what :func:`kg.extract.clauses.walk` finds (the same predicates, with the same
subjects inherited through conjunction, control and relative clauses, the same passive voice and the
same polarity, modality and attribution) but keeps each predicate whole: its subject, its object and
every prepositional, clausal, time and place argument, in sentence order, as full phrases.
:mod:`kg.extract.carb` turns them into CaRB tuples; the graph renders the same walk as entity-level binary
propositions (:func:`kg.extract.clauses.propositions`).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.clauses import SUBJECT_DEPS, TITLE_NOUNS, Frame, SentenceFrames, subjects, walk

RELATION_CHILD_DEPS = {"aux", "auxpass", "neg", "prt"}
EXCLUDED_MODIFIERS = {"relcl", "appos"}


@dataclass
class Argument:
    """One argument of a clause: its head, the tokens that render it and its role."""

    head: Token
    role: str                         # subject, object, prep, agent, clause, adjunct
    tokens: list[Token] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)


@dataclass
class Clause:
    """A predicate with its arguments; ``relation`` holds the surface tokens of the relation."""

    predicate: Token
    relation: list[Token]
    subject: Argument
    arguments: list[Argument]
    kind: str
    relation_text: str = ""
    polarity: str = "positive"
    modality: str = "asserted"
    attribution: Token | None = None
    confidence: float = 0.5

    @property
    def relation_string(self) -> str:
        return self.relation_text or " ".join(t.text for t in sorted(self.relation, key=lambda t: t.i))


def _subtree(token: Token, stop: set[int]) -> list[Token]:
    """Tokens of ``token``'s subtree, skipping the subtrees rooted at indices in ``stop``."""
    out: list[Token] = []
    todo = [token]
    while todo:
        tok = todo.pop()
        out.append(tok)
        for child in tok.children:
            if child.i in stop or child.dep_ in EXCLUDED_MODIFIERS and child.i != token.i:
                continue
            todo.append(child)
    return _trim(sorted(out, key=lambda t: t.i))


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop punctuation and dangling conjunctions at the edges of a phrase."""
    start, end = 0, len(tokens)
    while start < end and (tokens[start].is_punct and tokens[start].text not in ("``", "`", "$")
                           or tokens[start].dep_ in ("cc",)):
        start += 1
    while end > start and (tokens[end - 1].is_punct and tokens[end - 1].text not in ("''", "'", "%", ")")
                           or tokens[end - 1].dep_ in ("cc",)):
        end -= 1
    return tokens[start:end]


def _relation_tokens(verb: Token) -> list[Token]:
    """aux, negation, adverbs between the auxiliaries and the verb, the verb and its particle."""
    rel = [c for c in verb.children if c.dep_ in RELATION_CHILD_DEPS and not (c.dep_ == "aux" and c.tag_ == "TO"
                                                                                and c.i < verb.i - 1)]
    first = min([t.i for t in rel if t.i < verb.i] + [verb.i])
    rel += [c for c in verb.children if c.dep_ == "advmod" and first < c.i < verb.i]
    if verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
            and verb.head.pos_ in ("VERB", "AUX") and verb.tag_ == verb.head.tag_:
        # "was sold and renamed": the second verb shares the auxiliaries of the first
        rel += [c for c in verb.head.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.head.i]
    rel.append(verb)
    return rel


def _is_predicate(tok: Token) -> bool:
    if tok.pos_ == "VERB":
        return True
    return tok.pos_ == "AUX" and tok.lemma_ == "be" and any(c.dep_ in ("attr", "acomp", "prep") for c in tok.children)


def _control_head(verb: Token) -> Token | None:
    """The controlling verb when ``verb`` is an xcomp of a verb without its own object ("agreed to join")."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("dobj", "obj", "dative") for c in head.children):
        return None
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return None
    return head


def _args_of(verb: Token, relation: list[Token], subject: Token | None, skip: set[int],
             found: SentenceFrames) -> list[Argument]:
    """Every argument slot of the predicate as a phrase (the slots are the extractor's, shared with the graph)."""
    rel_ids = {t.i for t in relation}
    stop = rel_ids | skip | ({subject.i} if subject is not None else set())
    args: list[Argument] = []
    for child, role in found.slots(verb):
        if child.i in stop:
            continue
        if role == "adjunct" and child.dep_ == "advcl" and child.tag_ in ("VBG", "VBN") \
                and not any(c.dep_ == "mark" for c in child.children):
            continue    # a participial clause is a predication of its own ("..., teaming with X")
        if role == "modifier":
            if child.pos_ != "ADV" or not any(True for _ in child.children):
                continue
            role = "adjunct"     # an adverbial phrase ("far from X"), not a bare adverb
        tokens = _subtree(child, stop)
        if tokens:
            args.append(Argument(child, role, tokens))
    return args


def _shared_object(verb: Token, relation: list[Token], subject: Token) -> list[Argument]:
    """ "traders buy and sell stocks": the object of the last conjoined verb belongs to the first too."""
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and conj.i > verb.i and not any(
                c.dep_ in SUBJECT_DEPS for c in conj.children):
            objects = [c for c in conj.children if c.dep_ in ("dobj", "obj")]
            if objects and all(t.dep_ in ("cc", "punct", "advmod") or t.i == conj.i
                               for t in verb.doc[verb.i + 1:conj.i + 1] if t.head.i in (verb.i, conj.i)):
                stop = {t.i for t in relation} | {subject.i}
                tokens = _subtree(objects[0], stop)
                return [Argument(objects[0], "object", tokens)] if tokens else []
    return []


def _verb_clauses(frame: Frame, found: SentenceFrames) -> Iterator[Clause]:
    verb = frame.predicate
    subj_tokens, passive, how = frame.subjects, frame.passive, frame.how
    if verb.dep_ == "xcomp" and _control_head(verb) is not None and how == "xcomp":
        how = "control"
    adjective: list[Token] = []
    if not subj_tokens and verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
        # "He was able to control X": the adjective's complement is the predicate, "was able to control"
        copula = verb.head.head
        subj_tokens, passive, how = subjects(copula)
        adjective = [*_relation_tokens(copula), verb.head]
        how = "control"
    if not subj_tokens and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB",
                                                                                                       "AUX"):
        # "He stayed a year before being appointed X": the clause's subject is the main clause's
        subj_tokens, _, _ = subjects(verb.head.head)
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        how = "acl"
    if not subj_tokens:
        return
    # the conjunction of subjects is rendered whole from its first conjunct
    subj = subj_tokens[0]
    if subj.dep_ == "conj" and how not in ("relcl", "acl"):
        return
    if subj.tag_ in ("WP", "WDT") or subj.lower_ == "that" and verb.dep_ == "relcl":
        # "the footballer who plays": the relative pronoun stands for the noun it modifies
        if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
            return
        subj, how = verb.head, "relcl"
    relation = _relation_tokens(verb)
    prefix: list[Token] = []
    if adjective:
        prefix = adjective
    elif how == "control":
        prefix = _relation_tokens(verb.head)
    elif how == "conj" and verb.head.dep_ == "xcomp" and _control_head(verb.head) is not None:
        # "will have to sell or merge X": the second verb shares the control verb and its "to"
        first = verb.head
        prefix = [*_relation_tokens(first.head), *[c for c in first.children if c.dep_ == "aux"]]
    skip: set[int] = set()
    if how in ("relcl", "acl"):
        skip = {c.i for c in verb.children if c.dep_ in SUBJECT_DEPS or c.tag_ in ("WDT", "WP")}
    subj_stop = {t.i for t in relation} | {t.i for t in prefix} | {verb.i}
    subject = Argument(subj, "subject", _subtree(subj, subj_stop))
    if not subject.tokens:
        return
    args = _args_of(verb, relation, subj, skip, found)
    if not any(a.role == "object" for a in args):
        args = _shared_object(verb, relation, subj) + args
    if how == "control" and not adjective:
        head_args = _args_of(verb.head, _relation_tokens(verb.head), subj, {verb.i}, found)
        args = args + [a for a in head_args if a.role in ("prep", "adjunct") and a.head.i < verb.i]
    kind = "passive" if passive else {"own": "verb", "conj": "verb", "control": "control", "xcomp": "control",
                                      "object-control": "control", "relcl": "relcl", "acl": "acl",
                                      "advcl": "acl"}.get(how, "verb")
    if verb.pos_ == "AUX":
        kind = "copula"
    rel_tokens = prefix + [t for t in relation if t not in prefix]
    clause = Clause(verb, rel_tokens, subject, args, kind)
    # polarity, modality and attribution: the same status the graph's propositions get
    clause.polarity, clause.modality, clause.attribution = found.status(verb)
    yield clause


def _shape(clause: Clause) -> Clause:
    """CaRB's convention: without a direct object, the first preposition after the verb joins the relation."""
    args = sorted(clause.arguments, key=lambda a: (a.head.i < clause.predicate.i, a.head.i))
    objects = [a for a in args if a.role == "object"]
    rel = sorted(clause.relation, key=lambda t: t.i)
    rel_text = " ".join(t.text for t in rel)
    if not objects:
        preps = [a for a in args if a.role in ("prep", "agent") and a.head.i > clause.predicate.i
                 and len(a.tokens) > 1]
        last = max(t.i for t in clause.relation) if clause.relation else clause.predicate.i
        if preps and preps[0].head.i == last + 1 or preps and clause.kind in ("passive",) \
                and preps[0].role == "agent":
            first = preps[0]
            rel_text = f"{rel_text} {first.tokens[0].text}"
            args = [Argument(first.head, first.role, first.tokens[1:]) if a is first else a for a in args]
    else:
        args = objects[:1] + [a for a in args if a is not objects[0]]
    clause.arguments = args
    clause.relation_text = rel_text
    return clause


def _copula_extra(found: SentenceFrames) -> Iterator[Clause]:
    """Appositions ("X , the leader of Y ,") and possessives ("X 's Y") as is/has clauses."""
    for tok in found.modifiers:
        if tok.dep_ == "appos" and tok.head.pos_ in ("PROPN", "NOUN") and tok.pos_ in ("PROPN", "NOUN"):
            head = tok.head
            subj = Argument(head, "subject", _subtree(head, {tok.i} | {c.i for c in head.children
                                                                      if c.dep_ in ("relcl", "acl")}))
            obj = Argument(tok, "object", _subtree(tok, {c.i for c in tok.children if c.dep_ in ("relcl",)}))
            if subj.tokens and obj.tokens:
                yield Clause(tok, [], subj, [obj], "appos", relation_text="is", confidence=0.0)
        elif tok.dep_ == "poss" and tok.head.pos_ in ("NOUN", "PROPN") and tok.pos_ in ("PROPN", "NOUN"):
            owner = Argument(tok, "subject", _subtree(tok, set()))
            owner.tokens = [t for t in owner.tokens if t.tag_ != "POS"]
            owned = [t for t in _subtree(tok.head, {tok.i}) if t.dep_ not in ("det",)]
            if owner.tokens and owned:
                yield Clause(tok, [], owner, [Argument(tok.head, "object", owned)], "poss", relation_text="has")


def _titles(doc: Doc | Span) -> Iterator[Clause]:
    """A title before a person's name ("former U.S. Attorney Todd Graves") as an is-clause."""
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        root = ent.root
        left = root.left_edge.i
        title = [t for t in root.doc[left:ent.start] if t.head.i >= ent.start or t.head.i >= left]
        while title and (title[0].pos_ in ("DET", "PUNCT") or title[0].dep_ == "poss" or title[0].tag_ == "POS"):
            title = title[1:]
        if not title or len(title) > 6 or any(t.pos_ in ("VERB", "AUX", "PUNCT") for t in title):
            continue
        title = [t for t in title if t.lower_.rstrip(".") not in HONORIFICS]
        if not any(t.pos_ == "NOUN" or t.lower_ in TITLE_NOUNS for t in title):
            continue
        name = Argument(root, "subject", list(ent))
        yield Clause(root, [], name, [Argument(title[-1], "object", title)], "title", relation_text="is")


def clauses(doc: Doc | Span, found: SentenceFrames | None = None) -> Iterator[Clause]:
    """Yield the n-ary clauses of a parsed sentence or document, with a confidence each."""
    found = found if found is not None else walk(doc)
    for frame in found.frames:
        if not _is_predicate(frame.predicate):
            continue
        for clause in _verb_clauses(frame, found):
            clause = _shape(clause)
            if not clause.arguments and clause.kind not in ("verb", "passive"):
                continue
            clause.confidence = confidence(clause)
            yield clause
    for clause in _copula_extra(found):
        clause.confidence = confidence(clause)
        yield clause
    for clause in _titles(doc):
        clause.confidence = round(max(confidence(clause) - TITLE_PENALTY, 0.01), 4)
        yield clause


# Additive evidence weights for confidence(). They were read off CaRB dev as how much each signal moves
# the share of a tuple's tokens that annotators also wrote (a least-squares fit on a dozen coarse
# features, rounded); none depends on a word. By where the predicate sits in the tree: main clauses and
# their conjuncts are parsed most reliably; subordinate, relative and participial clauses less; the
# implicit is/has readings of appositions and possessives least.
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "lords", "st", "saint", "dame", "madam"}
TITLE_PENALTY = 0.15     # a title reading is implicit: annotators list it less often than explicit clauses
DEP_WEIGHT = {"ROOT": 0.15, "conj": 0.10, "xcomp": 0.10, "ccomp": 0.0, "advcl": 0.0, "relcl": -0.02,
              "acl": -0.06, "pcomp": -0.13, "appos": -0.14, "poss": -0.43}


def confidence(clause: Clause) -> float:
    """A score from the pattern, the parse and the argument shapes (higher is more often right).

    Signals: the predicate's place in the tree (``DEP_WEIGHT``); a predicate without arguments (usually
    a fragment); a bare object or loose adjuncts (often a piece of a longer predicate); a specific relation
    (auxiliaries, particles, prepositions); long sentences, long arguments and overlong subjects (the parser
    errs more); named subjects (reliable) and pronoun subjects (unresolved).
    """
    roles = [a.role for a in clause.arguments]
    tokens = sum(len(a.tokens) for a in clause.arguments)
    head = clause.subject.head
    conf = 0.69 + DEP_WEIGHT.get(clause.predicate.dep_, 0.0)
    conf -= 0.62 if not roles else 0.06 if roles == ["object"] else 0.0
    conf -= 0.12 if "adjunct" in roles else 0.0
    conf -= 0.03 if "prep" in roles or "agent" in roles or "clause" in roles else 0.0
    conf -= 0.05 if clause.kind == "copula" or clause.predicate.tag_ == "VBG" else 0.0
    conf -= 0.05 if len(roles) > 3 else 0.0
    conf += 0.029 * min(len(clause.relation_string.split()), 5)
    conf -= 0.0022 * min(len(clause.predicate.sent), 60)
    conf -= 0.0068 * min(tokens, 30)
    conf -= 0.22 if len(clause.subject.tokens) >= 10 else 0.0
    conf += 0.07 if head.pos_ == "PROPN" else -0.04 if head.pos_ == "PRON" else 0.0
    return round(min(max(conf, 0.01), 0.99), 4)
