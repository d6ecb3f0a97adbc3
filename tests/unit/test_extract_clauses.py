"""Clause patterns, polarity, modality and attribution on hand-built parses (no model is loaded).

Each parse below is what en_core_web_sm gives for the sentence in the comment above it, written out so the
test shows exactly which tree the rule relies on.
"""
from __future__ import annotations


import pytest

from kg.extract import extract_statements
from kg.models import Statement
from tests.docs import make_doc

# The Taliban rejected the offer.
REJECT = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('Taliban', 'Taliban', 'PROPN', 'NNP', 'nsubj', 2, 'B-ORG'),
    ('rejected', 'reject', 'VERB', 'VBD', 'ROOT', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 4, 'O'),
    ('offer', 'offer', 'NOUN', 'NN', 'dobj', 2, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]

# The Taliban will not work with the US.
NEGATED_FUTURE = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('Taliban', 'Taliban', 'PROPN', 'NNP', 'nsubj', 4, 'B-ORG'),
    ('will', 'will', 'AUX', 'MD', 'aux', 4, 'O'),
    ('not', 'not', 'PART', 'RB', 'neg', 4, 'O'),
    ('work', 'work', 'VERB', 'VB', 'ROOT', 4, 'O'),
    ('with', 'with', 'ADP', 'IN', 'prep', 4, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 7, 'O'),
    ('US', 'US', 'PROPN', 'NNP', 'pobj', 5, 'B-GPE'),
    ('.', '.', 'PUNCT', '.', 'punct', 4, 'O'),
]

# ISIS could attack the city.
POSSIBLE = [
    ('ISIS', 'isis', 'NOUN', 'NN', 'nsubj', 2, 'B-ORG'),
    ('could', 'could', 'AUX', 'MD', 'aux', 2, 'O'),
    ('attack', 'attack', 'VERB', 'VB', 'ROOT', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 4, 'O'),
    ('city', 'city', 'NOUN', 'NN', 'dobj', 2, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]

# Shaheen said the Taliban attacked ISIS.
REPORTED = [
    ('Shaheen', 'Shaheen', 'PROPN', 'NNP', 'nsubj', 1, 'O'),
    ('said', 'say', 'VERB', 'VBD', 'ROOT', 1, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 3, 'O'),
    ('Taliban', 'Taliban', 'PROPN', 'NNP', 'nsubj', 4, 'B-ORG'),
    ('attacked', 'attack', 'VERB', 'VBD', 'ccomp', 1, 'O'),
    ('ISIS', 'isis', 'NOUN', 'NN', 'dobj', 4, 'B-ORG'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]

# Shaheen told the Associated Press that the Taliban will meet US officials.
TOLD = [
    ('Shaheen', 'Shaheen', 'PROPN', 'NNP', 'nsubj', 1, 'O'),
    ('told', 'tell', 'VERB', 'VBD', 'ROOT', 1, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 4, 'B-ORG'),
    ('Associated', 'Associated', 'PROPN', 'NNP', 'compound', 4, 'I-ORG'),
    ('Press', 'Press', 'PROPN', 'NNP', 'dobj', 1, 'I-ORG'),
    ('that', 'that', 'SCONJ', 'IN', 'mark', 9, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 7, 'O'),
    ('Taliban', 'Taliban', 'PROPN', 'NNP', 'nsubj', 9, 'B-ORG'),
    ('will', 'will', 'AUX', 'MD', 'aux', 9, 'O'),
    ('meet', 'meet', 'VERB', 'VB', 'ccomp', 1, 'O'),
    ('US', 'US', 'PROPN', 'NNP', 'compound', 11, 'B-GPE'),
    ('officials', 'official', 'NOUN', 'NNS', 'dobj', 9, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]

# The mosque was attacked by ISIS.
PASSIVE_AGENT = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('mosque', 'mosque', 'NOUN', 'NN', 'nsubjpass', 3, 'O'),
    ('was', 'be', 'AUX', 'VBD', 'auxpass', 3, 'O'),
    ('attacked', 'attack', 'VERB', 'VBN', 'ROOT', 3, 'O'),
    ('by', 'by', 'ADP', 'IN', 'agent', 3, 'O'),
    ('ISIS', 'ISIS', 'PROPN', 'NNP', 'pobj', 4, 'B-ORG'),
    ('.', '.', 'PUNCT', '.', 'punct', 3, 'O'),
]

# The Taliban refused to meet the envoy.
REFUSE_CONTROL = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('Taliban', 'Taliban', 'PROPN', 'NNP', 'nsubj', 2, 'B-ORG'),
    ('refused', 'refuse', 'VERB', 'VBD', 'ROOT', 2, 'O'),
    ('to', 'to', 'PART', 'TO', 'aux', 4, 'O'),
    ('meet', 'meet', 'VERB', 'VB', 'xcomp', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('envoy', 'envoy', 'NOUN', 'NN', 'dobj', 4, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]

# If ISIS attacks the city, the army will respond.
CONDITIONAL = [
    ('If', 'if', 'SCONJ', 'IN', 'mark', 2, 'O'),
    ('ISIS', 'isis', 'NOUN', 'NN', 'nsubj', 2, 'B-ORG'),
    ('attacks', 'attack', 'VERB', 'VBZ', 'advcl', 9, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 4, 'O'),
    ('city', 'city', 'NOUN', 'NN', 'dobj', 2, 'O'),
    (',', ',', 'PUNCT', ',', 'punct', 9, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 7, 'O'),
    ('army', 'army', 'NOUN', 'NN', 'nsubj', 9, 'O'),
    ('will', 'will', 'AUX', 'MD', 'aux', 9, 'O'),
    ('respond', 'respond', 'VERB', 'VB', 'ROOT', 9, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 9, 'O'),
]

# Taliban spokesman Zabihullah Mujahid spoke.
TITLE = [
    ('Taliban', 'Taliban', 'PROPN', 'NNP', 'compound', 1, 'B-ORG'),
    ('spokesman', 'spokesman', 'NOUN', 'NN', 'compound', 3, 'O'),
    ('Zabihullah', 'Zabihullah', 'PROPN', 'NNP', 'compound', 3, 'B-PERSON'),
    ('Mujahid', 'Mujahid', 'PROPN', 'NNP', 'nsubj', 4, 'I-PERSON'),
    ('spoke', 'speak', 'VERB', 'VBD', 'ROOT', 4, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 4, 'O'),
]

# The movement, which sought refuge in Pakistan, grew.
RELATIVE = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('movement', 'movement', 'NOUN', 'NN', 'nsubj', 9, 'O'),
    (',', ',', 'PUNCT', ',', 'punct', 1, 'O'),
    ('which', 'which', 'PRON', 'WDT', 'nsubj', 4, 'O'),
    ('sought', 'seek', 'VERB', 'VBD', 'relcl', 1, 'O'),
    ('refuge', 'refuge', 'NOUN', 'NN', 'dobj', 4, 'O'),
    ('in', 'in', 'ADP', 'IN', 'prep', 4, 'O'),
    ('Pakistan', 'Pakistan', 'PROPN', 'NNP', 'pobj', 6, 'B-GPE'),
    (',', ',', 'PUNCT', ',', 'punct', 1, 'O'),
    ('grew', 'grow', 'VERB', 'VBD', 'ROOT', 9, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 9, 'O'),
]

# ISIS claimed responsibility for the attack.
LIGHT_VERB = [
    ('ISIS', 'isis', 'NOUN', 'NN', 'nsubj', 1, 'B-ORG'),
    ('claimed', 'claim', 'VERB', 'VBD', 'ROOT', 1, 'O'),
    ('responsibility', 'responsibility', 'NOUN', 'NN', 'dobj', 1, 'O'),
    ('for', 'for', 'ADP', 'IN', 'prep', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 5, 'O'),
    ('attack', 'attack', 'NOUN', 'NN', 'pobj', 3, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]

# Tom joined the company in 1941.
NARY = [
    ('Tom', 'Tom', 'PROPN', 'NNP', 'nsubj', 1, 'B-PERSON'),
    ('joined', 'join', 'VERB', 'VBD', 'ROOT', 1, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 3, 'O'),
    ('company', 'company', 'NOUN', 'NN', 'dobj', 1, 'O'),
    ('in', 'in', 'ADP', 'IN', 'prep', 1, 'O'),
    ('1941', '1941', 'NUM', 'CD', 'pobj', 4, 'B-DATE'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]

# According to the US, the talks are not a prelude to recognition.
ACCORDING = [
    ('According', 'accord', 'VERB', 'VBG', 'prep', 7, 'O'),
    ('to', 'to', 'ADP', 'IN', 'prep', 0, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 3, 'O'),
    ('US', 'US', 'PROPN', 'NNP', 'pobj', 1, 'B-GPE'),
    (',', ',', 'PUNCT', ',', 'punct', 7, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('talks', 'talk', 'NOUN', 'NNS', 'nsubj', 7, 'O'),
    ('are', 'be', 'AUX', 'VBP', 'ROOT', 7, 'O'),
    ('not', 'not', 'PART', 'RB', 'neg', 7, 'O'),
    ('a', 'a', 'DET', 'DT', 'det', 10, 'O'),
    ('prelude', 'prelude', 'NOUN', 'NN', 'attr', 7, 'O'),
    ('to', 'to', 'ADP', 'IN', 'prep', 10, 'O'),
    ('recognition', 'recognition', 'NOUN', 'NN', 'pobj', 11, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 7, 'O'),
]

# The Taliban never met the envoy.
NEVER = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('Taliban', 'Taliban', 'PROPN', 'NNP', 'nsubj', 3, 'B-ORG'),
    ('never', 'never', 'ADV', 'RB', 'neg', 3, 'O'),
    ('met', 'meet', 'VERB', 'VBD', 'ROOT', 3, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 5, 'O'),
    ('envoy', 'envoy', 'NOUN', 'NN', 'dobj', 3, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 3, 'O'),
]

# Talks between Pakistan and Sherman began.
NOMINAL = [
    ('Talks', 'talk', 'NOUN', 'NNS', 'nsubj', 5, 'O'),
    ('between', 'between', 'ADP', 'IN', 'prep', 0, 'O'),
    ('Pakistan', 'Pakistan', 'PROPN', 'NNP', 'pobj', 1, 'B-GPE'),
    ('and', 'and', 'CCONJ', 'CC', 'cc', 2, 'O'),
    ('Sherman', 'Sherman', 'PROPN', 'NNP', 'conj', 2, 'B-PERSON'),
    ('began', 'begin', 'VERB', 'VBD', 'ROOT', 5, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 5, 'O'),
]

# The Taliban cancelled talks between Pakistan and Sherman.
NOMINAL_CANCELLED = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('Taliban', 'Taliban', 'PROPN', 'NNP', 'nsubj', 2, 'B-ORG'),
    ('cancelled', 'cancel', 'VERB', 'VBD', 'ROOT', 2, 'O'),
    ('talks', 'talk', 'NOUN', 'NNS', 'dobj', 2, 'O'),
    ('between', 'between', 'ADP', 'IN', 'prep', 3, 'O'),
    ('Pakistan', 'Pakistan', 'PROPN', 'NNP', 'pobj', 4, 'B-GPE'),
    ('and', 'and', 'CCONJ', 'CC', 'cc', 5, 'O'),
    ('Sherman', 'Sherman', 'PROPN', 'NNP', 'conj', 5, 'B-PERSON'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]

# US Deputy Secretary of State Wendy Sherman spoke.
PROPER_TITLE = [
    ('US', 'US', 'PROPN', 'NNP', 'nmod', 2, 'B-GPE'),
    ('Deputy', 'Deputy', 'PROPN', 'NNP', 'nmod', 2, 'O'),
    ('Secretary', 'Secretary', 'PROPN', 'NNP', 'nmod', 6, 'O'),
    ('of', 'of', 'ADP', 'IN', 'prep', 2, 'O'),
    ('State', 'State', 'PROPN', 'NNP', 'pobj', 3, 'B-ORG'),
    ('Wendy', 'Wendy', 'PROPN', 'NNP', 'compound', 6, 'B-PERSON'),
    ('Sherman', 'Sherman', 'PROPN', 'NNP', 'nsubj', 7, 'I-PERSON'),
    ('spoke', 'speak', 'VERB', 'VBD', 'ROOT', 7, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 7, 'O'),
]

# Russia denied that Ukraine attacked the convoy.
DENIED = [
    ('Russia', 'Russia', 'PROPN', 'NNP', 'nsubj', 1, 'B-GPE'),
    ('denied', 'deny', 'VERB', 'VBD', 'ROOT', 1, 'O'),
    ('that', 'that', 'SCONJ', 'IN', 'mark', 4, 'O'),
    ('Ukraine', 'Ukraine', 'PROPN', 'NNP', 'nsubj', 4, 'B-GPE'),
    ('attacked', 'attack', 'VERB', 'VBD', 'ccomp', 1, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('convoy', 'convoy', 'NOUN', 'NN', 'dobj', 4, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]

# Officials rejected claims that Iran attacked the ship.
REJECTED_CLAIM = [
    ('Officials', 'official', 'NOUN', 'NNS', 'nsubj', 1, 'O'),
    ('rejected', 'reject', 'VERB', 'VBD', 'ROOT', 1, 'O'),
    ('claims', 'claim', 'NOUN', 'NNS', 'dobj', 1, 'O'),
    ('that', 'that', 'SCONJ', 'IN', 'mark', 5, 'O'),
    ('Iran', 'Iran', 'PROPN', 'NNP', 'nsubj', 5, 'B-GPE'),
    ('attacked', 'attack', 'VERB', 'VBD', 'acl', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 7, 'O'),
    ('ship', 'ship', 'NOUN', 'NN', 'dobj', 5, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]

# The ministry plans to sanction Iran.
PLANS_TO = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('ministry', 'ministry', 'NOUN', 'NN', 'nsubj', 2, 'O'),
    ('plans', 'plan', 'VERB', 'VBZ', 'ROOT', 2, 'O'),
    ('to', 'to', 'PART', 'TO', 'aux', 4, 'O'),
    ('sanction', 'sanction', 'VERB', 'VB', 'xcomp', 2, 'O'),
    ('Iran', 'Iran', 'PROPN', 'NNP', 'dobj', 4, 'B-GPE'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]

# Iran threatened to attack Israel.
THREATENED_TO = [
    ('Iran', 'Iran', 'PROPN', 'NNP', 'nsubj', 1, 'B-GPE'),
    ('threatened', 'threaten', 'VERB', 'VBD', 'ROOT', 1, 'O'),
    ('to', 'to', 'PART', 'TO', 'aux', 3, 'O'),
    ('attack', 'attack', 'VERB', 'VB', 'xcomp', 1, 'O'),
    ('Israel', 'Israel', 'PROPN', 'NNP', 'dobj', 3, 'B-GPE'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]

# A suicide bombing at a mosque that killed 46 people shocked the city.
MISATTACHED = [
    ('A', 'a', 'DET', 'DT', 'det', 2, 'O'),
    ('suicide', 'suicide', 'NOUN', 'NN', 'compound', 2, 'O'),
    ('bombing', 'bombing', 'NOUN', 'NN', 'nsubj', 10, 'O'),
    ('at', 'at', 'ADP', 'IN', 'prep', 2, 'O'),
    ('a', 'a', 'DET', 'DT', 'det', 5, 'O'),
    ('mosque', 'mosque', 'NOUN', 'NN', 'pobj', 3, 'O'),
    ('that', 'that', 'PRON', 'WDT', 'nsubj', 7, 'O'),
    ('killed', 'kill', 'VERB', 'VBD', 'relcl', 5, 'O'),
    ('46', '46', 'NUM', 'CD', 'nummod', 9, 'B-CARDINAL'),
    ('people', 'people', 'NOUN', 'NNS', 'dobj', 7, 'O'),
    ('shocked', 'shock', 'VERB', 'VBD', 'ROOT', 10, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 12, 'O'),
    ('city', 'city', 'NOUN', 'NN', 'dobj', 10, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 10, 'O'),
]


def statements(rows: list) -> list[Statement]:
    return list(extract_statements(make_doc(rows), "a"))


def triples(rows: list) -> set[tuple[str, str, str]]:
    return {(s.subject.text, s.relation, s.object.text) for s in statements(rows)}


def find(rows: list, subject: str, relation: str, obj: str) -> Statement:
    found = [s for s in statements(rows) if (s.subject.text, s.relation, s.object.text) == (subject, relation, obj)]
    assert found, f"no ({subject}, {relation}, {obj}) in {triples(rows)}"
    return found[0]


def test_extract_active_clause_gives_canonical_relation_and_class() -> None:
    s = find(REJECT, "Taliban", "reject", "offer")
    assert (s.polarity, s.modality, s.relation_class, s.pattern) == ("positive", "asserted", "rejection", "svo")
    assert s.surface == "rejected"


def test_extract_negated_future_is_negative_and_planned() -> None:
    s = find(NEGATED_FUTURE, "Taliban", "work with", "US")
    assert (s.polarity, s.modality) == ("negative", "planned")
    assert s.surface == "will not work with"
    assert s.relation_class == "cooperation"


def test_extract_never_is_negation() -> None:
    assert find(NEVER, "Taliban", "meet", "envoy").polarity == "negative"


def test_extract_modal_could_is_possible() -> None:
    s = find(POSSIBLE, "ISIS", "attack", "city")
    assert (s.polarity, s.modality) == ("positive", "possible")


def test_extract_reported_speech_is_attributed_to_the_speaker() -> None:
    s = find(REPORTED, "Taliban", "attack", "ISIS")
    assert s.modality == "reported"
    assert s.attribution is not None and s.attribution.text == "Shaheen"


def test_extract_speech_act_and_its_content_are_both_kept() -> None:
    find(TOLD, "Shaheen", "tell", "Associated Press")
    content = find(TOLD, "Taliban", "meet", "US officials")
    assert content.modality == "planned"          # "will": planned outranks reported, the speaker is kept
    assert content.attribution is not None and content.attribution.text == "Shaheen"


def test_extract_according_to_attributes_and_keeps_negation() -> None:
    s = find(ACCORDING, "talks", "be prelude to", "recognition")
    assert s.polarity == "negative"
    assert s.attribution is not None and s.attribution.text == "US"


def test_extract_passive_with_agent_is_turned_active() -> None:
    s = find(PASSIVE_AGENT, "ISIS", "attack", "mosque")
    assert s.pattern == "passive"
    assert ("mosque", "attack", "ISIS") not in triples(PASSIVE_AGENT)


def test_extract_refuse_to_negates_the_controlled_verb() -> None:
    s = find(REFUSE_CONTROL, "Taliban", "meet", "envoy")
    assert s.polarity == "negative"


def test_extract_condition_is_conditional_not_asserted() -> None:
    s = find(CONDITIONAL, "ISIS", "attack", "city")
    assert s.modality == "conditional"


def test_extract_title_before_a_name() -> None:
    s = find(TITLE, "Zabihullah Mujahid", "be spokesman of", "Taliban")
    assert s.relation_class == "affiliation"


def test_extract_relative_pronoun_stands_for_its_noun() -> None:
    find(RELATIVE, "movement", "seek", "refuge")
    find(RELATIVE, "movement", "seek in", "Pakistan")
    assert not any(s.subject.text.lower() == "which" for s in statements(RELATIVE))


def test_extract_light_verb_predicate() -> None:
    s = find(LIGHT_VERB, "ISIS", "claim responsibility for", "attack")
    assert s.relation_class == "statement"


def test_extract_dates_are_not_objects() -> None:
    assert triples(NARY) == {("Tom", "join", "company")}


ALL = [MISATTACHED, DENIED, REJECTED_CLAIM, PLANS_TO, THREATENED_TO, NOMINAL, NOMINAL_CANCELLED, PROPER_TITLE, REJECT, NEGATED_FUTURE, POSSIBLE, REPORTED, TOLD, PASSIVE_AGENT, REFUSE_CONTROL, CONDITIONAL, TITLE,
       RELATIVE, LIGHT_VERB, NARY, ACCORDING, NEVER]


@pytest.mark.parametrize("rows", ALL, ids=[" ".join(r[0] for r in rows) for rows in ALL])
def test_extract_confidence_is_a_probability_and_evidence_covers_the_sentence(rows: list) -> None:
    doc = make_doc(rows)
    for s in extract_statements(doc, "a"):
        assert 0.0 < s.confidence < 1.0
        assert doc.text[s.evidence.sentence_start:].startswith(s.evidence.sentence)
        assert s.evidence.sentence_start <= s.evidence.start < s.evidence.end <= len(doc.text)
        assert doc.text[s.subject.start:s.subject.end] == s.subject.text


@pytest.mark.parametrize("rows", [NEGATED_FUTURE, NEVER, POSSIBLE, REFUSE_CONTROL, CONDITIONAL, ACCORDING, DENIED,
                                  REJECTED_CLAIM, NOMINAL_CANCELLED],
                         ids=["will-not", "never", "could", "refuse-to", "if", "according-to-not", "denied-that",
                              "rejected-claims", "cancelled-talks"])
def test_extract_negated_or_hypothetical_is_never_a_positive_asserted_triple(rows: list) -> None:
    from kg.graph import asserted_label

    hedged = [s for s in statements(rows) if s.polarity == "negative" or s.modality in ("possible", "conditional")]
    assert hedged
    for s in hedged:
        label = asserted_label(s.relation, s.polarity, s.modality)
        assert label != s.relation, f"{s.relation!r} would be asserted as a plain positive triple"


def test_extract_nominal_event_between_two_parties() -> None:
    s = find(NOMINAL, "Pakistan", "talk with", "Sherman")
    assert (s.pattern, s.polarity, s.modality) == ("nominal", "positive", "asserted")
    assert ("Sherman", "talk with", "Pakistan") not in triples(NOMINAL)     # one direction per pair


def test_extract_cancelled_nominal_event_is_negative() -> None:
    s = find(NOMINAL_CANCELLED, "Pakistan", "talk with", "Sherman")
    assert s.polarity == "negative"


def test_extract_title_written_as_proper_nouns() -> None:
    find(PROPER_TITLE, "Wendy Sherman", "be secretary of", "US")
    # "of State" is part of the title "Secretary of State", not an organization or place called State
    assert not any(o == "State" for _, _, o in triples(PROPER_TITLE))


def test_extract_denied_content_is_negative_and_attributed_to_the_denier() -> None:
    s = find(DENIED, "Ukraine", "attack", "convoy")
    assert (s.polarity, s.modality) == ("negative", "reported")
    assert s.attribution is not None and s.attribution.text == "Russia"


def test_extract_rejected_claim_is_not_asserted() -> None:
    s = find(REJECTED_CLAIM, "Iran", "attack", "ship")
    assert (s.polarity, s.modality) == ("negative", "reported")
    assert s.attribution is not None and s.attribution.text == "Officials"


def test_extract_scheduling_verb_becomes_planned_modality() -> None:
    s = find(PLANS_TO, "ministry", "sanction", "Iran")
    assert (s.polarity, s.modality, s.relation_class) == ("positive", "planned", "coercion")


def test_extract_other_control_verbs_stay_in_the_relation() -> None:
    s = find(THREATENED_TO, "Iran", "threaten to attack", "Israel")
    assert (s.modality, s.relation_class) == ("asserted", "threat")


def test_extract_relative_clause_of_violence_attaches_to_the_event_not_the_place() -> None:
    find(MISATTACHED, "suicide bombing", "kill", "46 people")
    assert not any(s.subject.text == "mosque" for s in statements(MISATTACHED))
