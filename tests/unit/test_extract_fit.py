"""Relation classes that fit their arguments (ontology/argument_fit.tsv), on hand-built parses."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.extract import extract_statements
from kg.extract.fit import fits, read_rules
from tests.docs import make_doc

# The company struck a deal with the union.
STRUCK_DEAL = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('company', 'company', 'NOUN', 'NN', 'nsubj', 2, 'O'),
    ('struck', 'strike', 'VERB', 'VBD', 'ROOT', 2, 'O'),
    ('a', 'a', 'DET', 'DT', 'det', 4, 'O'),
    ('deal', 'deal', 'NOUN', 'NN', 'dobj', 2, 'O'),
    ('with', 'with', 'ADP', 'IN', 'prep', 4, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 7, 'O'),
    ('union', 'union', 'NOUN', 'NN', 'pobj', 5, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]


# Rebels struck the convoy.
STRUCK_CONVOY = [
    ('Rebels', 'rebel', 'NOUN', 'NNS', 'nsubj', 1, 'O'),
    ('struck', 'strike', 'VERB', 'VBD', 'ROOT', 1, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 3, 'O'),
    ('convoy', 'convoy', 'NOUN', 'NN', 'dobj', 1, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]


# Iraq sent anthrax to Syria.
SENT_ANTHRAX = [
    ('Iraq', 'Iraq', 'PROPN', 'NNP', 'nsubj', 1, 'B-GPE'),
    ('sent', 'send', 'VERB', 'VBD', 'ROOT', 1, 'O'),
    ('anthrax', 'anthrax', 'NOUN', 'NN', 'dobj', 1, 'O'),
    ('to', 'to', 'ADP', 'IN', 'dative', 1, 'O'),
    ('Syria', 'Syria', 'PROPN', 'NNP', 'pobj', 3, 'B-GPE'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]


def classes(rows: list) -> dict[tuple[str, str, str], str | None]:
    return {(s.subject.text, s.relation, s.object.text): s.relation_class
            for s in extract_statements(make_doc(rows), "a")}


def test_fit_a_deal_struck_is_no_attack() -> None:
    found = classes(STRUCK_DEAL)
    assert found[("company", "strike", "deal")] is None
    assert not any(rel.startswith("attack") for _, rel, _ in found)


def test_fit_a_convoy_struck_is_an_attack() -> None:
    assert classes(STRUCK_CONVOY)[("Rebels", "attack", "convoy")] == "assault"


def test_fit_anthrax_sent_is_no_aid() -> None:
    assert all(klass != "aid" for klass in classes(SENT_ANTHRAX).values())


@pytest.mark.parametrize("relation, klass, kind, head, expected", [
    ("fight", "assault", "Concept", "cancer", False),
    ("fight", "assault", "Organization", "taliban", True),
    ("fight with", "assault", "Concept", "militant", True),
    ("send", "aid", "Concept", "aid", True),
    ("provide", "aid", "Concept", "evidence", False),
    ("meet", "cooperation", "Concept", "anything", True),      # no rule: the lexicon's class stands
])
def test_fit_rules(relation, klass, kind, head, expected) -> None:
    assert fits(relation, klass, kind, head) is expected


@pytest.mark.parametrize("subject, expected", [("tornado", False), ("earthquake", False), ("truck", False),
                                               ("rebel", True), ("", True)])
def test_fit_natural_force_or_vehicle_striking_is_no_attack(subject, expected) -> None:
    """ "The tornado struck Huntsville", "a truck struck Gibson": no attack whatever the object is; "rebels
    struck Huntsville" is one."""
    assert fits("strike", "assault", "Place", "huntsville", subject) is expected


def test_fit_product_striking_is_no_attack() -> None:
    """ "A Volvo XC90 struck Harry Dunn": a product (a car) striking someone is no attack."""
    assert fits("strike", "assault", "Person", "dunn", "xc90", "Product") is False
    assert fits("strike", "assault", "Person", "dunn", "militant", "Concept") is True


def test_fit_malformed_rule_names_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "fit.tsv"
    bad.write_text("# header\nfight\tassault\tsorts\tPerson\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"fit\.tsv:2: expected"):
        read_rules(bad)
