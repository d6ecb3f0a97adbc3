"""N-ary clauses and their CaRB rendering on hand-built parses (no model is loaded)."""
from __future__ import annotations


import pytest

from kg.extract.carb import tuples
from kg.extract.nary import clauses
from tests.docs import make_doc

# Tom joined the company in 1941 .
NARY = [
    ('Tom', 'Tom', 'PROPN', 'NNP', 'nsubj', 1, 'B-PERSON'),
    ('joined', 'join', 'VERB', 'VBD', 'ROOT', 1, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 3, 'O'),
    ('company', 'company', 'NOUN', 'NN', 'dobj', 1, 'O'),
    ('in', 'in', 'ADP', 'IN', 'prep', 1, 'O'),
    ('1941', '1941', 'NUM', 'CD', 'pobj', 4, 'B-DATE'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]

# The movement , which sought refuge in Pakistan , grew .
RELATIVE = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('movement', 'movement', 'NOUN', 'NN', 'nsubj', 9, 'O'),
    (',', ',', 'PUNCT', ',', 'punct', 1, 'O'),
    ('which', 'which', 'PRON', 'WDT', 'nsubj', 4, 'O'),
    ('sought', 'seek', 'VERB', 'VBD', 'relcl', 1, 'O'),
    ('refuge', 'refuge', 'NOUN', 'NN', 'dobj', 4, 'O'),
    ('in', 'in', 'ADP', 'IN', 'prep', 4, 'O'),
    ('Pakistan', 'Pakistan', 'PROPN', 'NNP', 'pobj', 6, 'B-GPE'),
    (',', ',', 'PUNCT', ',', 'punct', 9, 'O'),
    ('grew', 'grow', 'VERB', 'VBD', 'ROOT', 9, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 9, 'O'),
]

# The mosque was attacked by ISIS .
PASSIVE = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('mosque', 'mosque', 'NOUN', 'NN', 'nsubjpass', 3, 'O'),
    ('was', 'be', 'AUX', 'VBD', 'auxpass', 3, 'O'),
    ('attacked', 'attack', 'VERB', 'VBN', 'ROOT', 3, 'O'),
    ('by', 'by', 'ADP', 'IN', 'agent', 3, 'O'),
    ('ISIS', 'ISIS', 'PROPN', 'NNP', 'pobj', 4, 'B-ORG'),
    ('.', '.', 'PUNCT', '.', 'punct', 3, 'O'),
]

# The Taliban will not work with the US .
NEGATED = [
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

# He served as the first Prime Minister of Australia and became a founding justice of the High Court .
CONJOINED_VERBS = [
    ('He', 'he', 'PRON', 'PRP', 'nsubj', 1, 'O'),
    ('served', 'serve', 'VERB', 'VBD', 'ROOT', 1, 'O'),
    ('as', 'as', 'ADP', 'IN', 'prep', 1, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('first', 'first', 'ADJ', 'JJ', 'amod', 6, 'B-ORDINAL'),
    ('Prime', 'Prime', 'PROPN', 'NNP', 'compound', 6, 'O'),
    ('Minister', 'Minister', 'PROPN', 'NNP', 'pobj', 2, 'O'),
    ('of', 'of', 'ADP', 'IN', 'prep', 6, 'O'),
    ('Australia', 'Australia', 'PROPN', 'NNP', 'pobj', 7, 'B-GPE'),
    ('and', 'and', 'CCONJ', 'CC', 'cc', 1, 'O'),
    ('became', 'become', 'VERB', 'VBD', 'conj', 1, 'O'),
    ('a', 'a', 'DET', 'DT', 'det', 13, 'O'),
    ('founding', 'found', 'VERB', 'VBG', 'amod', 13, 'O'),
    ('justice', 'justice', 'NOUN', 'NN', 'attr', 10, 'O'),
    ('of', 'of', 'ADP', 'IN', 'prep', 13, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 17, 'B-ORG'),
    ('High', 'High', 'PROPN', 'NNP', 'compound', 17, 'I-ORG'),
    ('Court', 'Court', 'PROPN', 'NNP', 'pobj', 14, 'I-ORG'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]

# The Taliban agreed to join the talks .
CONTROL = [
    ('The', 'the', 'DET', 'DT', 'det', 1, 'O'),
    ('Taliban', 'Taliban', 'PROPN', 'NNP', 'nsubj', 2, 'B-ORG'),
    ('agreed', 'agree', 'VERB', 'VBD', 'ROOT', 2, 'O'),
    ('to', 'to', 'PART', 'TO', 'aux', 4, 'O'),
    ('join', 'join', 'VERB', 'VB', 'xcomp', 2, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('talks', 'talk', 'NOUN', 'NNS', 'dobj', 4, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),
]


def rows(parse: list) -> list[tuple[str, list[str]]]:
    return [(rel, args) for _, rel, args in tuples(make_doc(parse))]


def test_extract_carb_time_adjunct_is_a_third_argument() -> None:
    assert ("joined", ["Tom", "the company", "in 1941"]) in rows(NARY)


def test_extract_carb_relative_clause_takes_the_noun_as_subject() -> None:
    out = rows(RELATIVE)
    assert ("sought", ["The movement", "refuge", "in Pakistan"]) in out
    assert ("grew", ["The movement"]) in out          # the relative clause is not part of the subject


def test_extract_carb_passive_keeps_by_in_the_relation() -> None:
    assert ("was attacked by", ["The mosque", "ISIS"]) in rows(PASSIVE)


def test_extract_carb_negation_and_modal_stay_in_the_relation() -> None:
    assert ("will not work with", ["The Taliban", "the US"]) in rows(NEGATED)


def test_extract_carb_conjoined_verbs_share_the_subject() -> None:
    out = rows(CONJOINED_VERBS)
    assert ("served as", ["He", "the first Prime Minister of Australia"]) in out
    assert ("became", ["He", "a founding justice of the High Court"]) in out


def test_extract_carb_control_verb_joins_the_relation() -> None:
    assert ("agreed to join", ["The Taliban", "the talks"]) in rows(CONTROL)


def test_extract_carb_clause_status_matches_the_graph_rules() -> None:
    (clause,) = [c for c in clauses(make_doc(NEGATED)) if c.predicate.lemma_ == "work"]
    assert (clause.polarity, clause.modality) == ("negative", "planned")


ALL = [NARY, RELATIVE, PASSIVE, NEGATED, CONJOINED_VERBS, CONTROL]


@pytest.mark.parametrize("parse", ALL, ids=[" ".join(r[0] for r in p[:4]) for p in ALL])
def test_extract_carb_rows_are_well_formed(parse: list) -> None:
    doc = make_doc(parse)
    words = {t.text for t in doc}
    out = list(tuples(doc))
    assert out
    for conf, rel, args in out:
        assert 0.0 < conf < 1.0
        assert rel.strip() and all(a.strip() for a in args)
        assert all("\t" not in cell and "\n" not in cell for cell in (rel, *args))
        assert set(" ".join([rel, *args]).split()) <= words        # phrases are made of the sentence's tokens
    assert len({(rel, *args) for _, rel, args in out}) == len(out)  # no duplicates


def test_extract_carb_predicate_without_arguments_ranks_below_one_with_arguments() -> None:
    conf = {rel: c for c, rel, _ in tuples(make_doc(RELATIVE))}
    assert conf["grew"] < conf["sought"]


def test_one_walk_renders_as_graph_propositions_and_as_clauses() -> None:
    """One extractor, two renderings: the same walk gives the graph's binary propositions and CaRB's clause."""
    from kg.extract.clauses import argument_slots, propositions, walk

    doc = make_doc(NARY)
    found = walk(doc)
    assert [f.predicate.text for f in found.frames] == ["joined"]
    assert [(t.text, role) for t, role in argument_slots(found.frames[0].predicate)] == [("company", "object"),
                                                                                        ("in", "prep")]
    props = list(propositions(doc[:], found))
    assert [(p.subject.text, p.relation, p.object.text) for p in props] == [("Tom", "join", "company")]
    (clause,) = list(clauses(doc, found))
    assert clause.predicate.i == props[0].verb.i
    assert [clause.subject.text, *(a.text for a in clause.arguments)] == ["Tom", "the company", "in 1941"]
    assert (clause.polarity, clause.modality) == (props[0].polarity, props[0].modality)
