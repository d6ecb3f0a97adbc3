"""A definite bare noun is the one longer phrase of its head written before it ("the database" after "the
NEMISIS database"), on hand-built Docs; never by recency when two phrases qualify."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.extract.context import article_view
from kg.models import Mention
from kg.resolve import resolve_entities
from tests.docs import make_doc


def resolved(doc, mentions, **kwargs):
    return resolve_entities(article_view(doc, mentions), "a1", mentions, **kwargs)


def phrase(doc: Doc, start: int, end: int) -> Mention:
    span = doc[start:end]
    return Mention(text=span.text, start=span.start_char, end=span.end_char, type="Concept",
                   head=span.root.lemma_.lower())


def _doc(first: tuple[str, ...], second: tuple[str, ...] = ("The", "database"), after: tuple[str, ...] = ()):
    """"The <first...> was unveiled. <second...> [<after...>] failed." with ``first``'s last word its head."""
    rows = [("The", "the", "DET", "DT", "det", len(first), "O")]
    for i, w in enumerate(first):
        last = i == len(first) - 1
        rows.append((w, w.lower().rstrip("s") if last and w.endswith("s") else w.lower(), "NOUN",
                     "NN", "nsubjpass" if last else "compound", len(first) + 2 if last else len(first), "O"))
    root = len(rows) + 1
    rows += [("was", "be", "AUX", "VBD", "auxpass", root, "O"), ("unveiled", "unveil", "VERB", "VBN", "ROOT", root, "O"),
             (".", ".", "PUNCT", ".", "punct", root, "O")]
    start = len(rows)
    head = start + len(second) - 1
    verb = head + len(after) + 1
    rows.append((second[0], second[0].lower(), "DET", "DT", "det", head, "O"))
    rows += [(w, w.lower(), "NOUN", "NN", "nsubj", verb, "O") for w in second[1:]]
    if after:
        rows += [(after[0], after[0].lower(), "ADP", "IN", "prep", head, "O")]
        rows += [(w, w.lower(), "NOUN", "NN", "pobj", head + 1, "O") for w in after[1:]]
    rows += [("failed", "fail", "VERB", "VBD", "ROOT", verb, "O"), (".", ".", "PUNCT", ".", "punct", verb, "O")]
    doc = make_doc(rows)
    return doc, phrase(doc, 1, 1 + len(first)), phrase(doc, head, head + 1)


def test_head_anaphora_bare_noun_is_the_one_earlier_phrase_of_its_head():
    doc, longer, bare = _doc(("security", "database"))
    _, entities, keys = resolved(doc, [longer, bare])
    assert keys[bare.key] == keys[longer.key] == "concept/a1/security-database"
    [entity] = [e for e in entities if e.key == keys[longer.key]]
    assert "description-head" in entity.rules and entity.label == "security database"
    assert not any(e.key == "concept/a1/database" for e in entities)


def test_head_anaphora_two_candidates_leave_it_alone():
    """"The security database and the tax database ... The database": either may be meant; not the nearer."""
    doc = make_doc([
        ("The", "the", "DET", "DT", "det", 2, "O"),                       # 0
        ("security", "security", "NOUN", "NN", "compound", 2, "O"),       # 1
        ("database", "database", "NOUN", "NN", "nsubjpass", 8, "O"),      # 2
        ("and", "and", "CCONJ", "CC", "cc", 2, "O"),                      # 3
        ("the", "the", "DET", "DT", "det", 6, "O"),                       # 4
        ("tax", "tax", "NOUN", "NN", "compound", 6, "O"),                 # 5
        ("database", "database", "NOUN", "NN", "conj", 2, "O"),           # 6
        ("were", "be", "AUX", "VBD", "auxpass", 8, "O"),                  # 7
        ("unveiled", "unveil", "VERB", "VBN", "ROOT", 8, "O"),            # 8
        (".", ".", "PUNCT", ".", "punct", 8, "O"),                        # 9
        ("The", "the", "DET", "DT", "det", 11, "O"),                      # 10
        ("database", "database", "NOUN", "NN", "nsubj", 12, "O"),         # 11
        ("failed", "fail", "VERB", "VBD", "ROOT", 12, "O"),               # 12
        (".", ".", "PUNCT", ".", "punct", 12, "O"),                       # 13
    ])
    security, tax, bare = phrase(doc, 1, 3), phrase(doc, 5, 7), phrase(doc, 11, 12)
    _, _, keys = resolved(doc, [security, tax, bare])
    assert keys[bare.key] == "concept/a1/database"


@pytest.mark.parametrize("first", [("first", "database"), ("two", "databases"), ("every", "database")],
                         ids=["ordinal", "number", "quantifier"])
def test_head_anaphora_a_counted_phrase_is_no_antecedent(first):
    """"the first game ... the game": the game may be any of them."""
    second = ("The", first[-1])
    doc, longer, bare = _doc(first, second)
    _, _, keys = resolved(doc, [longer, bare])
    assert keys[bare.key] != keys[longer.key]


def test_head_anaphora_a_restricted_noun_is_a_new_thing():
    """"the exhibit at USI" after "the UNC exhibit": the phrase after it says which exhibit, a new one."""
    doc, longer, bare = _doc(("security", "database"), after=("of", "police"))
    _, _, keys = resolved(doc, [longer, bare])
    assert keys[bare.key] == "concept/a1/database"


def test_head_anaphora_plural_bare_noun_stays():
    """"the girls", "the schools": a plural bare noun is often generic or a subset; it stays its own concept."""
    doc, longer, bare = _doc(("security", "databases"), ("The", "databases"))
    bare = Mention(text=bare.text, start=bare.start, end=bare.end, type="Concept", head="database")
    _, _, keys = resolved(doc, [longer, bare])
    assert keys[bare.key] == "concept/a1/databases"


def test_head_anaphora_classifying_noun_stays():
    """"X is a database": a predicate classifies, it refers to nothing and is never resolved."""
    doc, longer, bare = _doc(("security", "database"))
    _, _, keys = resolved(doc, [longer, bare], predicates=frozenset({bare.key}))
    assert keys[bare.key] == "concept/a1/database"
