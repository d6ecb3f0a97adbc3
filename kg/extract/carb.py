"""CaRB rendering: the n-ary clauses of pre-tokenised sentences as CaRB's tab-separated tuples.

Each input line is one sentence, already tokenised (tokens separated by single blanks); it is parsed as
given, so argument phrases are made of the sentence's own tokens, and it is copied verbatim into the
output: ``sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2...``.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.nary import Clause, clauses

SPLIT_FACTOR = 0.9


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
        if len(row[2]) == 1:
            split = _split_subject(clause)
            if split is not None:
                yield split


def carb_row(clause: Clause) -> tuple[float, str, list[str]] | None:
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
