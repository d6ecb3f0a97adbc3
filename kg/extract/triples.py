"""Compact triples: the extractor's clauses as binary facts with phrase arguments (``--format triples``).

Each clause of :func:`kg.extract.nary.clauses` (the same walk the graph's propositions come from) becomes
the minimal subject–relation–object facts a knowledge graph stores, in the words of the sentence:

* the direct object: ``(He, founded, the company)``, and a prepositional phrase inside it split off
  into the relation: ``(He, served as the first Prime Minister of, Australia)``;
* every prepositional argument, the preposition joining the relation and, when there is one, the object
  too: ``(She, moved to, Paris)``, ``(They, raised funds across, the country)``;
* a passive's agent: ``(The bridge, was damaged by, floods)``; a clausal complement as the object;
* one fact per conjunct of a coordinated subject or object ("He and his friends", "X and Y").

One predicate gives one reading: the n-ary clause's extra readings (CaRB's split subjects, conjunct
duplicates) are not repeated, and a triple is printed once per sentence.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.extract.carb import _conjuncts, pretokenized_docs
from kg.extract.nary import Argument, Clause, clauses

Triple = tuple[str, str, str]
# argument roles a fact is made of (adjuncts such as "on Tuesday" or "instead of X" are left to the clause)
FACT_ROLES = ("object", "prep", "agent", "clause")


def _text(tokens: Iterable[Token]) -> str:
    return " ".join(t.text for t in tokens)


def _noun(arg: Argument) -> Argument:
    """An argument headed by its noun: a prepositional argument whose preposition went into the relation
    ("served as | the first Prime Minister") is headed by the preposition's object."""
    if arg.head.dep_ in ("prep", "agent", "dative"):
        pobj = next((c for c in arg.head.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.i in {t.i for t in arg.tokens}:
            return Argument(pobj, arg.role, arg.tokens)
    return arg


def _parts(arg: Argument) -> list[list[Token]]:
    """The argument itself, or each conjunct of it when it is a coordination."""
    return _conjuncts(_noun(arg)) or [arg.tokens]


def _inner_preps(tokens: list[Token], head: Token) -> Iterator[tuple[list[Token], Token, list[Token]]]:
    """(phrase before the preposition, preposition, its object) for each prepositional phrase of a noun
    phrase's head ("the first Prime Minister | of | Australia")."""
    inside = {t.i for t in tokens}
    for prep in head.children:
        if prep.dep_ != "prep" or prep.i not in inside or prep.i < head.i:
            continue
        pobj = [c for c in prep.children if c.dep_ == "pobj"]
        if not pobj:
            continue
        cut = {t.i for t in prep.subtree}
        before = [t for t in tokens if t.i not in cut and t.i < prep.i]
        after = [t for t in tokens if t.i in cut and t.i > prep.i]
        if before and after:
            yield before, prep, after


def _base_relation(clause: Clause) -> str:
    """The clause's relation words without a preposition the CaRB shaping moved into it, with the "to" of
    an infinitive kept ("were said to have made")."""
    tokens = sorted(clause.relation, key=lambda t: t.i)
    if not tokens:
        return clause.relation_string.strip()
    first, last = tokens[0].i, tokens[-1].i
    inside = {t.i for t in tokens}
    tokens += [c for c in clause.predicate.children if c.dep_ == "aux" and c.tag_ == "TO" and first < c.i < last
               and c.i not in inside]
    return _text(sorted(tokens, key=lambda t: t.i))


def clause_triples(clause: Clause) -> Iterator[Triple]:
    """The binary facts of one clause (see the module docstring)."""
    if clause.kind == "poss":
        return                    # "X 's Y" is a noun phrase, not a fact a reader would list
    base = _base_relation(clause)
    rel = clause.relation_string.strip()
    if clause.relation and rel.startswith(_text(sorted(clause.relation, key=lambda t: t.i))):
        rel = base + rel[len(_text(sorted(clause.relation, key=lambda t: t.i))):]
    if not rel:
        return
    subjects = [_text(p) for p in _parts(clause.subject)] if clause.kind not in ("appos", "poss", "title") \
        else [clause.subject.text]
    args = [a for a in clause.arguments if a.role in FACT_ROLES and a.tokens]
    objects = [a for a in args if a.role == "object" and a.head.i > clause.predicate.i]
    first = objects[0] if objects else None
    if first is None and args and args[0].head.i > clause.predicate.i and args[0].role != "clause":
        first = args[0]           # "served as X": the clause's first argument, its preposition already in rel
    for subject in subjects:
        if first is not None:
            for part in _parts(first):
                yield subject, rel, _text(part)
                for before, prep, after in _inner_preps(part, _noun(first).head):
                    yield subject, f"{rel} {_text(before)} {prep.text}", _text(after)
        for arg in args:
            if arg is first or arg.head.i < clause.predicate.i and arg.role != "agent":
                continue
            if arg.role == "clause":
                if arg.head.dep_ != "xcomp":      # "began to siphon X" is the controlled verb's own fact
                    yield subject, rel, arg.text
                continue
            prep, rest = arg.tokens[0], arg.tokens[1:]
            if arg.role not in ("prep", "agent") or prep.dep_ not in ("prep", "agent", "dative") or not rest:
                continue
            middle = f" {first.text}" if first is not None and first.role == "object" else ""
            for part in _parts(Argument(arg.head, arg.role, rest)) if rest[0].dep_ == "pobj" else [rest]:
                yield subject, f"{base}{middle} {prep.text}", _text(part)


def triples(doc: Doc | Span) -> Iterator[Triple]:
    """Every compact triple of a parsed sentence, each once."""
    seen: set[Triple] = set()
    for clause in clauses(doc):
        for triple in clause_triples(clause):
            if triple not in seen and all(x.strip() for x in triple):
                seen.add(triple)
                yield triple


def triple_lines(nlp: Language, lines: Iterable[str]) -> Iterator[str]:
    """``sent_id<TAB>subject<TAB>relation<TAB>object`` for pre-tokenised sentences (id = line number)."""
    numbered = [(n, line.rstrip("\r")) for n, line in enumerate(lines, start=1)]
    ids = [n for n, line in numbered if line.strip()]
    docs = pretokenized_docs(nlp, (line for _, line in numbered if line.strip()))
    for n, (_, doc) in zip(ids, docs):
        for subject, relation, obj in triples(doc):
            yield "\t".join([str(n), subject, relation, obj])
