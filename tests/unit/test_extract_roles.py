"""Roles as statements of their own: pre-name titles and titles in apposition, never a self-loop."""
from __future__ import annotations

from kg.graph import merge_results
from kg.models import Article, ArticleResult, Entity, Evidence, Mention, Statement
from kg.resolve import analyze
from tests.docs import make_doc

# Prime Minister Boris Johnson met the envoy.
PRE_NAME_TITLE = [
    ('Prime', 'Prime', 'PROPN', 'NNP', 'compound', 1, 'O'),
    ('Minister', 'Minister', 'PROPN', 'NNP', 'compound', 3, 'O'),
    ('Boris', 'Boris', 'PROPN', 'NNP', 'compound', 3, 'B-PERSON'),
    ('Johnson', 'Johnson', 'PROPN', 'NNP', 'nsubj', 4, 'I-PERSON'),
    ('met', 'meet', 'VERB', 'VBD', 'ROOT', 4, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('envoy', 'envoy', 'NOUN', 'NN', 'dobj', 4, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 4, 'O'),
]

# Suhail Shaheen, the Taliban political spokesman, met the envoy.
APPOSED_TITLE = [
    ('Suhail', 'Suhail', 'PROPN', 'NNP', 'compound', 1, 'B-PERSON'),
    ('Shaheen', 'Shaheen', 'PROPN', 'NNP', 'nsubj', 8, 'I-PERSON'),
    (',', ',', 'PUNCT', ',', 'punct', 1, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('Taliban', 'Taliban', 'PROPN', 'NNP', 'nmod', 6, 'B-ORG'),
    ('political', 'political', 'ADJ', 'JJ', 'amod', 6, 'O'),
    ('spokesman', 'spokesman', 'NOUN', 'NN', 'appos', 1, 'O'),
    (',', ',', 'PUNCT', ',', 'punct', 1, 'O'),
    ('met', 'meet', 'VERB', 'VBD', 'ROOT', 8, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 10, 'O'),
    ('envoy', 'envoy', 'NOUN', 'NN', 'dobj', 8, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 8, 'O'),
]

# US President Donald Trump and Turkish President Recep Tayyip Erdoğan spoke.
TWO_PRESIDENTS = [
    ('US', 'US', 'PROPN', 'NNP', 'compound', 1, 'B-GPE'),
    ('President', 'President', 'PROPN', 'NNP', 'compound', 9, 'O'),
    ('Donald', 'Donald', 'PROPN', 'NNP', 'compound', 3, 'B-PERSON'),
    ('Trump', 'Trump', 'PROPN', 'NNP', 'appos', 1, 'I-PERSON'),
    ('and', 'and', 'CCONJ', 'CC', 'cc', 3, 'O'),
    ('Turkish', 'turkish', 'ADJ', 'JJ', 'amod', 6, 'B-NORP'),
    ('President', 'President', 'PROPN', 'NNP', 'conj', 3, 'O'),
    ('Recep', 'Recep', 'PROPN', 'NNP', 'compound', 9, 'B-PERSON'),
    ('Tayyip', 'Tayyip', 'PROPN', 'NNP', 'compound', 9, 'I-PERSON'),
    ('Erdoğan', 'Erdoğan', 'PROPN', 'NNP', 'nsubj', 10, 'I-PERSON'),
    ('spoke', 'speak', 'VERB', 'VBD', 'ROOT', 10, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 10, 'O'),
]


def resolved(rows: list) -> set[tuple[str, str, str]]:
    """(subject label, relation, object label) of every statement after in-article resolution."""
    doc = make_doc(rows)
    result = analyze(doc, Article(id="a", text=doc.text, source="a.txt"))
    labels = {e.key: e.label for e in result.entities}
    keys = dict(result.resolution)
    return {(labels[keys[s.subject.key]], s.relation, labels[keys[s.object.key]]) for s in result.statements}


def test_roles_pre_name_title_is_a_role_node_not_the_person() -> None:
    found = resolved(PRE_NAME_TITLE)
    assert ("Boris Johnson", "hold role", "Prime Minister") in found
    assert not any(s == o for s, _, o in found)


def test_roles_apposed_title_states_whose_spokesman() -> None:
    found = resolved(APPOSED_TITLE)
    assert ("Suhail Shaheen", "be spokesman of", "Taliban") in found
    assert not any(s == o for s, _, o in found)


def test_roles_title_of_another_name_is_not_taken() -> None:
    """The parse hangs the first "President" on Erdoğan across "Donald Trump and": a title is only read
    when nothing but its own modifiers stands between it and the name."""
    found = resolved(TWO_PRESIDENTS)
    assert ("Donald Trump", "be leader of", "US") in found
    assert not any(s.endswith("Erdoğan") and o == "US" for s, _, o in found)


def test_roles_no_self_loop_reaches_the_graph() -> None:
    """Two mentions that resolve to one entity (a description and its name) never become an edge."""
    art = Article(id="a", text="Shaheen, the spokesman, met Shaheen.", source="a.txt")
    shaheen, spokesman = (Mention(text="Shaheen", start=0, end=7, type="Person", is_named=True),
                          Mention(text="spokesman", start=13, end=22, type="Concept"))
    loop = Statement(subject=shaheen, relation="meet", object=spokesman, surface="met",
                     evidence=Evidence("a", art.text, 0, 0, 22))
    result = ArticleResult(article=art, mentions=(shaheen, spokesman), statements=(loop,),
                           entities=(Entity("suhail-shaheen", "Suhail Shaheen", "Person", (), ("a",), 2),),
                           resolution=((shaheen.key, "suhail-shaheen"), (spokesman.key, "suhail-shaheen")))
    kg = merge_results([result])
    assert kg.facts == []
