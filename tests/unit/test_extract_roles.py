"""Roles: a title or person noun that names no organization is a value of its holder (kg:role); a title
with one is a statement (be spokesman of); never a self-loop."""
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


def test_roles_pre_name_title_is_a_role_value_of_the_person_not_a_node() -> None:
    doc = make_doc(PRE_NAME_TITLE)
    result = analyze(doc, Article(id="a", text=doc.text, source="a.txt"))
    by_label = {e.label: e for e in result.entities}
    assert by_label["Boris Johnson"].roles == ("Prime Minister",)
    assert "Prime Minister" not in by_label     # a bare title is no node of its own
    found = resolved(PRE_NAME_TITLE)
    assert ("Boris Johnson", "meet", "envoy") in found
    assert not any(r == "hold role" or s == o for s, r, o in found)


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


def test_roles_role_is_a_literal_of_its_holder_in_rdf_and_graphml() -> None:
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDFS

    from kg.graph import to_networkx, to_rdf
    from kg.vocab import KG

    doc = make_doc(PRE_NAME_TITLE)
    kg = merge_results([analyze(doc, Article(id="a", text=doc.text, source="a.txt"))])
    graph = to_rdf(kg)
    holders = {(str(s), str(o)) for s, o in graph.subject_objects(URIRef(str(KG.role)))}
    assert len(holders) == 1 and next(iter(holders))[1] == "Prime Minister"
    assert next(iter(holders))[0].endswith("boris-johnson")
    assert Literal("Prime Minister") not in set(graph.objects(None, RDFS.label))   # no node named by a title
    nodes = dict(to_networkx(kg).nodes(data=True))
    assert [d["roles"] for d in nodes.values() if d["label"] == "Boris Johnson"] == ["Prime Minister"]
    assert all(d["label"] != "Prime Minister" for d in nodes.values())


# Montalvo was put through to a Scientology attorney, Kendrick Moxon.
PERSON_NOUN_APPOSED = [
    ('Montalvo', 'Montalvo', 'PROPN', 'NNP', 'nsubjpass', 2, 'B-PERSON'),     # 0
    ('was', 'be', 'AUX', 'VBD', 'auxpass', 2, 'O'),                          # 1
    ('put', 'put', 'VERB', 'VBN', 'ROOT', 2, 'O'),                           # 2
    ('through', 'through', 'ADP', 'RP', 'prt', 2, 'O'),                      # 3
    ('to', 'to', 'ADP', 'IN', 'prep', 2, 'O'),                               # 4
    ('a', 'a', 'DET', 'DT', 'det', 7, 'O'),                                  # 5
    ('Scientology', 'Scientology', 'PROPN', 'NNP', 'compound', 7, 'O'),      # 6
    ('attorney', 'attorney', 'NOUN', 'NN', 'pobj', 4, 'O'),                  # 7
    (',', ',', 'PUNCT', ',', 'punct', 7, 'O'),                               # 8
    ('Kendrick', 'Kendrick', 'PROPN', 'NNP', 'compound', 10, 'B-PERSON'),    # 9
    ('Moxon', 'Moxon', 'PROPN', 'NNP', 'appos', 7, 'I-PERSON'),              # 10
    ('.', '.', 'PUNCT', '.', 'punct', 2, 'O'),                               # 11
]


def test_roles_person_noun_in_apposition_is_a_role_and_the_person() -> None:
    """A person noun in apposition to a person is what they are (kg:role), and where the sentence uses the
    noun phrase it stands for them: no "Scientology attorney" node beside Kendrick Moxon."""
    doc = make_doc(PERSON_NOUN_APPOSED)
    result = analyze(doc, Article(id="a", text=doc.text, source="a.txt"))
    by_label = {e.label: e for e in result.entities}
    assert by_label["Kendrick Moxon"].roles == ("Scientology attorney",)
    assert "Scientology attorney" not in by_label
    found = resolved(PERSON_NOUN_APPOSED)
    assert any(s == "Montalvo" and o == "Kendrick Moxon" for s, _, o in found)
    assert not any(r == "be" for _, r, _ in found)


def test_roles_thing_noun_in_apposition_to_a_person_stays_a_statement() -> None:
    """Only nouns for people are roles: "Moxon, a Scientology office" is no role of his (nor him)."""
    rows = list(PERSON_NOUN_APPOSED)
    rows[7] = ('office', 'office', 'NOUN', 'NN', 'pobj', 4, 'O')
    doc = make_doc(rows)
    result = analyze(doc, Article(id="a", text=doc.text, source="a.txt"))
    assert all(not e.roles for e in result.entities)
    assert not any(s == "Montalvo" and o == "Kendrick Moxon" for s, _, o in resolved(rows))


def test_roles_hyphenated_title_is_one_role_value() -> None:
    """ "NATO Secretary-General Jens Stoltenberg spoke": the title noun phrase keeps the words a hyphen joins
    to its head, so the person holds "Secretary-General" and no second role "General"."""
    rows = [
        ("NATO", "NATO", "PROPN", "NNP", "compound", 5, "B-ORG"),
        ("Secretary", "Secretary", "PROPN", "NNP", "compound", 3, "O"),
        ("-", "-", "PUNCT", "HYPH", "punct", 3, "O"),
        ("General", "General", "PROPN", "NNP", "compound", 5, "O"),
        ("Jens", "Jens", "PROPN", "NNP", "compound", 5, "B-PERSON"),
        ("Stoltenberg", "Stoltenberg", "PROPN", "NNP", "nsubj", 6, "I-PERSON"),
        ("spoke", "speak", "VERB", "VBD", "ROOT", 6, "O"),
        (".", ".", "PUNCT", ".", "punct", 6, "O"),
    ]
    doc = make_doc(rows, spaces=[True, False, False, True, True, True, False, False])
    result = analyze(doc, Article(id="a", text=doc.text, source="a.txt"))
    roles = {e.label: e.roles for e in result.entities}["Jens Stoltenberg"]
    assert "General" not in roles and any(r.replace(" ", "") == "Secretary-General" for r in roles)


def _apposed(title: str, obj: str, obj_ent: str) -> list:
    """ "John Kerry, the <title> of <obj>, met the envoy." """
    return [
        ('John', 'John', 'PROPN', 'NNP', 'compound', 1, 'B-PERSON'),
        ('Kerry', 'Kerry', 'PROPN', 'NNP', 'nsubj', 8, 'I-PERSON'),
        (',', ',', 'PUNCT', ',', 'punct', 1, 'O'),
        ('the', 'the', 'DET', 'DT', 'det', 4, 'O'),
        (title, title, 'PROPN', 'NNP', 'appos', 1, 'O'),
        ('of', 'of', 'ADP', 'IN', 'prep', 4, 'O'),
        (obj, obj, 'PROPN', 'NNP', 'pobj', 5, obj_ent),
        (',', ',', 'PUNCT', ',', 'punct', 1, 'O'),
        ('met', 'meet', 'VERB', 'VBD', 'ROOT', 8, 'O'),
        ('the', 'the', 'DET', 'DT', 'det', 10, 'O'),
        ('envoy', 'envoy', 'NOUN', 'NN', 'dobj', 8, 'O'),
        ('.', '.', 'PUNCT', '.', 'punct', 8, 'O'),
    ]


def test_roles_the_of_word_of_a_title_is_part_of_the_title_not_an_entity() -> None:
    # "the Secretary of State": NER tags "State" ORG, but it is the office's name, never a State node
    doc = make_doc(_apposed("Secretary", "State", "B-ORG"))
    result = analyze(doc, Article(id="a", text=doc.text, source="a.txt"))
    assert "State" not in {e.label for e in result.entities}
    found = resolved(_apposed("Secretary", "State", "B-ORG"))
    assert ("John Kerry", "meet", "envoy") in found
    assert not any(o == "State" for _, _, o in found)


def test_roles_title_of_a_named_place_still_states_whose_title() -> None:
    # guard: "the President of France" names France ("France" is no common word of institution names)
    found = resolved(_apposed("President", "France", "B-GPE"))
    assert ("John Kerry", "be leader of", "France") in found
