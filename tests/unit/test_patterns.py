"""Each extraction pattern on a hand-built parse (no model loaded)."""
from __future__ import annotations

import pytest

from kg.extract import extract_statements
from kg.graph import asserted_label
from kg.models import Article
from kg.resolve import analyze
from tests.docs import make_doc


def triples(doc):
    return {(s.subject.text, s.relation, s.object.text, s.polarity) for s in extract_statements(doc, "t")}


def test_patterns_subject_verb_object():
    doc = make_doc([
        ("ISIS", "ISIS", "PROPN", "NNP", "nsubj", 1, "B-ORG"),
        ("attacked", "attack", "VERB", "VBD", "ROOT", 1, "O"),
        ("Shia", "Shia", "PROPN", "NNP", "compound", 3, "B-NORP"),
        ("Muslims", "Muslims", "PROPN", "NNPS", "dobj", 1, "I-NORP"),
        (".", ".", "PUNCT", ".", "punct", 1, "O"),
    ])
    assert triples(doc) == {("ISIS", "attack", "Shia Muslims", "positive")}


def test_patterns_prepositional_object_keeps_preposition():
    doc = make_doc([
        ("Pakistan", "Pakistan", "PROPN", "NNP", "nsubj", 1, "B-GPE"),
        ("worked", "work", "VERB", "VBD", "ROOT", 1, "O"),
        ("with", "with", "ADP", "IN", "prep", 1, "O"),
        ("China", "China", "PROPN", "NNP", "pobj", 2, "B-GPE"),
        (".", ".", "PUNCT", ".", "punct", 1, "O"),
    ])
    assert ("Pakistan", "work with", "China", "positive") in triples(doc)


def test_patterns_passive_with_agent_is_turned_active():
    doc = make_doc([
        ("Soleimani", "Soleimani", "PROPN", "NNP", "nsubjpass", 2, "B-PERSON"),
        ("was", "be", "AUX", "VBD", "auxpass", 2, "O"),
        ("killed", "kill", "VERB", "VBN", "ROOT", 2, "O"),
        ("by", "by", "ADP", "IN", "agent", 2, "O"),
        ("the", "the", "DET", "DT", "det", 5, "O"),
        ("US", "US", "PROPN", "NNP", "pobj", 3, "B-GPE"),
        (".", ".", "PUNCT", ".", "punct", 2, "O"),
    ])
    assert triples(doc) == {("US", "kill", "Soleimani", "positive")}


def test_patterns_copula_with_prepositional_complement():
    doc = make_doc([
        ("Terrorists", "terrorist", "NOUN", "NNS", "nsubj", 1, "O"),
        ("are", "be", "AUX", "VBP", "ROOT", 1, "O"),
        ("members", "member", "NOUN", "NNS", "attr", 1, "O"),
        ("of", "of", "ADP", "IN", "prep", 2, "O"),
        ("ETIM", "ETIM", "PROPN", "NNP", "pobj", 3, "B-ORG"),
        (".", ".", "PUNCT", ".", "punct", 1, "O"),
    ])
    found = triples(doc)
    assert ("Terrorists", "be", "members", "positive") in found
    assert ("Terrorists", "be member of", "ETIM", "positive") in found


def test_patterns_apposition_gives_role_and_title_of_organization():
    doc = make_doc([
        ("Suhail", "Suhail", "PROPN", "NNP", "compound", 1, "B-PERSON"),
        ("Shaheen", "Shaheen", "PROPN", "NNP", "nsubj", 7, "I-PERSON"),
        (",", ",", "PUNCT", ",", "punct", 1, "O"),
        ("the", "the", "DET", "DT", "det", 6, "O"),
        ("Taliban", "Taliban", "PROPN", "NNP", "compound", 6, "B-ORG"),
        ("political", "political", "ADJ", "JJ", "amod", 6, "O"),
        ("spokesman", "spokesman", "NOUN", "NN", "appos", 1, "O"),
        ("spoke", "speak", "VERB", "VBD", "ROOT", 7, "O"),
        (".", ".", "PUNCT", ".", "punct", 7, "O"),
    ])
    found = triples(doc)
    # the title is a role of the organization it names; "be <the title>" would only restate the name
    assert ("Suhail Shaheen", "be spokesman of", "Taliban", "positive") in found
    assert ("Suhail Shaheen", "be", "Taliban political spokesman", "positive") not in found


def test_patterns_conjoined_objects_are_split():
    doc = make_doc([
        ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1, "B-GPE"),
        ("criticized", "criticize", "VERB", "VBD", "ROOT", 1, "O"),
        ("Israel", "Israel", "PROPN", "NNP", "dobj", 1, "B-GPE"),
        ("and", "and", "CCONJ", "CC", "cc", 2, "O"),
        ("Turkey", "Turkey", "PROPN", "NNP", "conj", 2, "B-GPE"),
        (".", ".", "PUNCT", ".", "punct", 1, "O"),
    ])
    assert triples(doc) == {("Iran", "criticize", "Israel", "positive"), ("Iran", "criticize", "Turkey", "positive")}


def test_patterns_conjoined_verbs_share_their_subject():
    doc = make_doc([
        ("Clerics", "cleric", "NOUN", "NNS", "nsubj", 1, "O"),
        ("attacked", "attack", "VERB", "VBD", "ROOT", 1, "O"),
        ("Kabul", "Kabul", "PROPN", "NNP", "dobj", 1, "B-GPE"),
        ("and", "and", "CCONJ", "CC", "cc", 1, "O"),
        ("sought", "seek", "VERB", "VBD", "conj", 1, "O"),
        ("safety", "safety", "NOUN", "NN", "dobj", 4, "O"),
        (".", ".", "PUNCT", ".", "punct", 1, "O"),
    ])
    found = triples(doc)
    assert ("Clerics", "attack", "Kabul", "positive") in found
    assert ("Clerics", "seek", "safety", "positive") in found


NEGATED = [
    ("The", "the", "DET", "DT", "det", 1, "O"),
    ("Taliban", "Taliban", "PROPN", "NNP", "nsubj", 2, "B-ORG"),
    ("said", "say", "VERB", "VBD", "ROOT", 2, "O"),
    ("it", "it", "PRON", "PRP", "nsubj", 6, "O"),
    ("will", "will", "AUX", "MD", "aux", 6, "O"),
    ("not", "not", "PART", "RB", "neg", 6, "O"),
    ("work", "work", "VERB", "VB", "ccomp", 2, "O"),
    ("with", "with", "ADP", "IN", "prep", 6, "O"),
    ("the", "the", "DET", "DT", "det", 9, "O"),
    ("US", "US", "PROPN", "NNP", "pobj", 7, "B-GPE"),
    (".", ".", "PUNCT", ".", "punct", 2, "O"),
]


def test_patterns_negation_is_kept_and_pronoun_resolves_to_speaker():
    doc = make_doc(NEGATED)
    result = analyze(doc, Article(id="t", text=doc.text))
    keys = dict(result.resolution)
    [statement] = result.statements
    assert (keys[statement.subject.key], statement.relation, keys[statement.object.key]) == (
        "taliban", "work with", "united-states")
    assert statement.polarity == "negative"
    assert statement.modality == "planned"
    assert statement.attribution is not None and statement.attribution.text == "Taliban"
    assert asserted_label(statement.relation, statement.polarity, statement.modality) == "will not work with"


def test_patterns_evidence_offsets_point_into_the_text():
    doc = make_doc(NEGATED)
    [statement] = analyze(doc, Article(id="t", text=doc.text)).statements
    ev = statement.evidence
    assert ev.sentence == doc.text
    assert doc.text[ev.start:ev.end].startswith("it will not work")
    assert doc.text[statement.object.start:statement.object.end] == "US"


@pytest.mark.parametrize("label", ["DATE", "TIME", "ORG"])
def test_patterns_dates_never_become_entities(label):
    doc = make_doc([
        ("Sat", "Sat", "PROPN", "NNP", "compound", 2, f"B-{label}"),
        ("09", "09", "NUM", "CD", "nummod", 2, f"I-{label}"),
        ("Oct", "Oct", "PROPN", "NNP", "nsubj", 3, f"I-{label}"),
        ("saw", "see", "VERB", "VBD", "ROOT", 3, "O"),
        ("talks", "talk", "NOUN", "NNS", "dobj", 3, "O"),
        (".", ".", "PUNCT", ".", "punct", 3, "O"),
    ])
    result = analyze(doc, Article(id="t", text=doc.text))
    assert all(e.type in ("Concept",) or "oct" not in e.key for e in result.entities)
    assert not result.statements


@pytest.mark.parametrize(("relation", "polarity", "modality", "label"), [
    ("meet", "positive", "asserted", "meet"),
    ("meet", "positive", "reported", "meet"),
    ("meet", "positive", "planned", "will meet"),
    ("attack", "positive", "possible", "may attack"),
    ("work with", "negative", "asserted", "not work with"),
    ("work with", "positive", "conditional", None),
], ids=["asserted", "reported", "planned", "possible", "negated", "conditional"])
def test_patterns_asserted_label_never_turns_negated_or_hypothetical_positive(relation, polarity, modality, label):
    assert asserted_label(relation, polarity, modality) == label
