"""CaRB rendering: the n-ary clauses of pre-tokenised sentences as CaRB's tab-separated tuples.

Each input line is one sentence, already tokenised (tokens separated by single blanks); it is parsed as
given, so argument phrases are made of the sentence's own tokens, and it is copied verbatim into the
output: ``sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2...``.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.extract.nary import Argument, Clause, clauses

# extra readings rank below the clause they come from: annotators list them less consistently
SPLIT_FACTOR = 0.9        # "X at Y was abandoned" -> (was abandoned, X, at Y)
CONJUNCT_FACTOR = 0.3     # one tuple per conjunct of a coordinated argument


def pretokenized_docs(nlp: Language, lines: Iterable[str], *, batch_size: int = 64) -> Iterator[tuple[str, Doc]]:
    """Parse each line with its own tokenisation (blank-separated); yields ``(line, doc)``."""
    pairs = ((Doc(nlp.vocab, words=[w for w in line.split(" ") if w] or [" "]), line) for line in lines)
    for doc, line in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield line, doc


def tuples(doc: Doc) -> Iterator[tuple[float, str, list[str]]]:
    """(confidence, relation, [arg1, arg2, ...]) per clause of a parsed sentence, without duplicates."""
    seen: set[tuple[str, ...]] = set()
    for clause in clauses(doc):
        row = carb_row(clause)
        if row is None:
            continue
        key = (row[1], *row[2])
        if key in seen:
            continue
        seen.add(key)
        yield row
        variants = list(_conjunct_variants(clause, row))
        if len(row[2]) == 1:
            split = _split_subject(clause)
            variants += [split] if split is not None else []
        for variant in variants:
            vkey = (variant[1], *variant[2])
            if vkey not in seen:
                seen.add(vkey)
                yield variant


def _conjuncts(arg: Argument) -> list[list[Token]]:
    """The coordinated parts of an argument ("X , Y and Z"), each as its own phrase; [] if not coordinated."""
    head = arg.head
    members = [head, *[c for c in head.children if c.dep_ == "conj"]]
    inner = {t.i for t in arg.tokens}
    if len(members) < 2 or not all(m.i in inner for m in members):
        return []
    parts: list[list[Token]] = []
    for member in members:
        drop: set[int] = set()
        for c in member.children:
            if c.dep_ in ("conj", "cc") or (c.dep_ == "punct" and c.i > member.i):
                drop |= {t.i for t in c.subtree}
        own = {x.i for x in member.subtree}
        part = [t for t in arg.tokens if t.i in own and t.i not in drop]
        while part and (part[-1].is_punct or part[-1].dep_ == "cc"):
            part.pop()
        if part:
            parts.append(part)
    return parts if len(parts) >= 2 else []


def _conjunct_variants(clause: Clause, row: tuple[float, str, list[str]]) -> Iterator[tuple[float, str, list[str]]]:
    """One tuple per conjunct of a coordinated argument: annotators list "sold X" and "sold Y" apart."""
    conf, rel, texts = row
    args = [clause.subject, *clause.arguments]
    if len(args) != len(texts):
        return
    for k, arg in enumerate(args):
        for part in _conjuncts(arg):
            yield round(conf * CONJUNCT_FACTOR, 4), rel, [*texts[:k], " ".join(t.text for t in part), *texts[k + 1:]]


def carb_row(clause: Clause) -> tuple[float, str, list[str]] | None:
    """(confidence, relation, [subject, argument, ...]) of a clause, or None when nothing is left to show."""
    rel = clause.relation_string.strip()
    args = [clause.subject.text, *(a.text for a in clause.arguments)]
    args = [a for a in args if a.strip()]
    if not rel or not args:
        return None
    return clause.confidence, rel, args


def carb_lines(nlp: Language, lines: Iterable[str]) -> Iterator[str]:
    """Yield CaRB prediction lines for sentences (one per line; blank lines are skipped)."""
    kept = (line.rstrip("\n").rstrip("\r") for line in lines)
    for line, doc in pretokenized_docs(nlp, (ln for ln in kept if ln.strip())):
        for conf, rel, args in tuples(doc):
            yield "\t".join([line, f"{conf:.4f}", rel, *args])


def _split_subject(clause: Clause) -> tuple[float, str, list[str]] | None:
    """ "X at Y was abandoned": the subject's trailing prepositional phrase as a second argument."""
    head = clause.subject.head
    preps = [c for c in head.children if c.dep_ == "prep" and c.i > head.i]
    if not preps:
        return None
    prep = preps[-1]
    cut = {t.i for t in prep.subtree}
    subj = [t for t in clause.subject.tokens if t.i not in cut]
    rest = [t for t in clause.subject.tokens if t.i in cut]
    if not subj or not rest:
        return None
    return (round(clause.confidence * SPLIT_FACTOR, 4), clause.relation_string,
            [" ".join(t.text for t in subj), " ".join(t.text for t in rest)])
