"""Compact triples (``kg extract --format triples``) on hand-built parses."""
from __future__ import annotations

from kg.extract.triples import triples
from tests.docs import make_doc

# He served as the first Prime Minister of Australia.
SERVED_AS = [
    ('He', 'he', 'PRON', 'PRP', 'nsubj', 1, 'O'),
    ('served', 'serve', 'VERB', 'VBD', 'ROOT', 1, 'O'),
    ('as', 'as', 'ADP', 'IN', 'prep', 1, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('first', 'first', 'ADJ', 'JJ', 'amod', 6, 'B-ORDINAL'),
    ('Prime', 'Prime', 'PROPN', 'NNP', 'compound', 6, 'O'),
    ('Minister', 'Minister', 'PROPN', 'NNP', 'pobj', 2, 'O'),
    ('of', 'of', 'ADP', 'IN', 'prep', 6, 'O'),
    ('Australia', 'Australia', 'PROPN', 'NNP', 'pobj', 7, 'B-GPE'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]

# The rebels sold weapons and ammunition to the militia.
SOLD = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('rebels', 'rebel', 'NOUN', 'NNS', 'nsubj', 2, 'O'),
    ('sold', 'sell', 'VERB', 'VBD', 'ROOT', 2, 'O'),
    ('weapons', 'weapon', 'NOUN', 'NNS', 'dobj', 2, 'O'),
    ('and', 'and', 'CCONJ', 'CC', 'cc', 3, 'O'),
    ('ammunition', 'ammunition', 'NOUN', 'NN', 'conj', 3, 'O'),
    ('to', 'to', 'ADP', 'IN', 'prep', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 8, 'O'),
    ('militia', 'militia', 'NOUN', 'NN', 'pobj', 6, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]


def test_triples_preposition_joins_the_relation_and_nested_phrase_splits_off() -> None:
    assert list(triples(make_doc(SERVED_AS))) == [
        ("He", "served as", "the first Prime Minister of Australia"),
        ("He", "served as the first Prime Minister of", "Australia"),
    ]


def test_triples_one_fact_per_conjunct_and_per_prepositional_argument() -> None:
    found = set(triples(make_doc(SOLD)))
    assert found == {
        ("The rebels", "sold", "weapons"), ("The rebels", "sold", "ammunition"),
        ("The rebels", "sold weapons and ammunition to", "the militia"),
    }


def test_triples_each_triple_once() -> None:
    found = list(triples(make_doc(SOLD)))
    assert len(found) == len(set(found))
