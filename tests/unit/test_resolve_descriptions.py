"""Descriptions and bare titles ("the Church", "the country", "the Prime Minister") on hand-built Docs."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.extract.context import article_view
from kg.models import Mention
from kg.resolve import resolve_entities
from kg.resolve.descriptions import description_head, is_title
from tests.docs import make_doc



def resolved(doc, mentions, **kwargs):
    """In-article resolution over the view of a hand-built parse."""
    return resolve_entities(article_view(doc, mentions), "a1", mentions, **kwargs)

def mention(doc: Doc, start: int, end: int, kind: str = "Concept", named: bool = False) -> Mention:
    span = doc[start:end]
    return Mention(text=span.text, start=span.start_char, end=span.end_char, type=kind, is_named=named)


@pytest.mark.parametrize("text, expected", [
    ("Prime Minister", True), ("the president", True), ("Home Secretary", True), ("NASA Administrator", True),
    ("Rishi Sunak", False), ("Prime Minister Rishi Sunak", False), ("State", False),
    ("Chief Medical Officer", True), ("Chief Executive", True), ("General Counsel", True),
    ("Executive Council", False), ("Police Officer Jane Doe", False),
])
def test_descriptions_is_title(text, expected):
    assert is_title(text) is expected


@pytest.mark.parametrize("text, named, expected", [
    ("team", False, "team"), ("Church", True, "church"), ("Prime Minister", True, "title"),
    ("Taliban", True, None), ("suicide bombing", False, None),
])
def test_descriptions_head_of_one_word_descriptions(text, named, expected):
    assert description_head(Mention(text=text, start=0, end=len(text), type="Concept", is_named=named)) == expected


CHURCH = [
    # text        lemma       pos      tag    dep        head ent
    ("The", "the", "DET", "DT", "det", 3, "O"),                        # 0
    ("Church", "Church", "PROPN", "NNP", "compound", 3, "B-ORG"),      # 1
    ("of", "of", "ADP", "IN", "prep", 1, "I-ORG"),                     # 2
    ("Scientology", "Scientology", "PROPN", "NNP", "nsubj", 4, "I-ORG"),  # 3
    ("sued", "sue", "VERB", "VBD", "ROOT", 4, "O"),                    # 4
    ("Rathbun", "Rathbun", "PROPN", "NNP", "dobj", 4, "B-PERSON"),     # 5
    (".", ".", "PUNCT", ".", "punct", 4, "O"),                         # 6
    ("The", "the", "DET", "DT", "det", 8, "O"),                        # 7
    ("Church", "church", "PROPN", "NNP", "nsubj", 9, "O"),             # 8
    ("won", "win", "VERB", "VBD", "ROOT", 9, "O"),                     # 9
    (".", ".", "PUNCT", ".", "punct", 9, "O"),                         # 10
]


def test_descriptions_head_noun_names_one_earlier_name():
    doc = make_doc(CHURCH)
    church = mention(doc, 1, 4, "Organization", True)
    the_church = mention(doc, 8, 9, "Concept", True)
    _, entities, keys = resolved(doc, [church, mention(doc, 5, 6, "Person", True), the_church])
    assert keys[the_church.key] == keys[church.key] == "church-of-scientology"
    [e] = [e for e in entities if e.key == "church-of-scientology"]
    assert "description-head" in e.rules and "Church" not in e.aliases    # a description is not a name


COUNTRY = [
    ("US", "US", "PROPN", "NNP", "compound", 1, "B-GPE"),              # 0
    ("soldiers", "soldier", "NOUN", "NNS", "nsubj", 2, "O"),           # 1
    ("left", "leave", "VERB", "VBD", "ROOT", 2, "O"),                  # 2
    ("Afghanistan", "Afghanistan", "PROPN", "NNP", "dobj", 2, "B-GPE"),  # 3
    ("and", "and", "CCONJ", "CC", "cc", 2, "O"),                       # 4
    ("the", "the", "DET", "DT", "det", 6, "O"),                        # 5
    ("Taliban", "Taliban", "PROPN", "NNP", "nsubj", 7, "B-ORG"),       # 6
    ("took", "take", "VERB", "VBD", "conj", 2, "O"),                   # 7
    ("control", "control", "NOUN", "NN", "dobj", 7, "O"),              # 8
    ("of", "of", "ADP", "IN", "prep", 8, "O"),                         # 9
    ("the", "the", "DET", "DT", "det", 11, "O"),                       # 10
    ("country", "country", "NOUN", "NN", "pobj", 9, "O"),              # 11
    (".", ".", "PUNCT", ".", "punct", 2, "O"),                         # 12
]


def test_descriptions_class_noun_takes_the_one_salient_country():
    doc = make_doc(COUNTRY)
    ms = [mention(doc, 0, 1, "Place", True), mention(doc, 3, 4, "Place", True), mention(doc, 6, 7, "Organization", True)]
    the_country = mention(doc, 11, 12)
    _, _, keys = resolved(doc, [*ms, the_country])
    assert keys[the_country.key] == "afghanistan"      # "US" only modifies "soldiers"


def test_descriptions_without_strong_evidence_are_left_out():
    rows = [r if i != 0 else ("Iran", "Iran", "PROPN", "NNP", "compound", 1, "B-GPE") for i, r in enumerate(COUNTRY)]
    rows[0] = ("Iran", "Iran", "PROPN", "NNP", "nsubj", 2, "B-GPE")   # two countries as referents: ambiguous
    doc = make_doc(rows)
    ms = [mention(doc, 0, 1, "Place", True), mention(doc, 3, 4, "Place", True)]
    the_country = mention(doc, 11, 12)
    mentions, entities, keys = resolved(doc, [*ms, the_country])
    assert the_country.key not in keys
    assert all(e.label != "country" for e in entities)


TITLE = [
    ("Prime", "Prime", "PROPN", "NNP", "compound", 1, "O"),            # 0
    ("Minister", "Minister", "PROPN", "NNP", "compound", 3, "O"),      # 1
    ("Rishi", "Rishi", "PROPN", "NNP", "compound", 3, "B-PERSON"),     # 2
    ("Sunak", "Sunak", "PROPN", "NNP", "nsubj", 4, "I-PERSON"),        # 3
    ("spoke", "speak", "VERB", "VBD", "ROOT", 4, "O"),                 # 4
    (".", ".", "PUNCT", ".", "punct", 4, "O"),                         # 5
    ("The", "the", "DET", "DT", "det", 8, "O"),                        # 6
    ("Prime", "Prime", "PROPN", "NNP", "compound", 8, "O"),            # 7
    ("Minister", "Minister", "PROPN", "NNP", "nsubj", 9, "O"),         # 8
    ("left", "leave", "VERB", "VBD", "ROOT", 9, "O"),                  # 9
    (".", ".", "PUNCT", ".", "punct", 9, "O"),                         # 10
]


def test_descriptions_bare_title_is_the_person_it_was_written_before():
    doc = make_doc(TITLE)
    sunak, title = mention(doc, 2, 4, "Person", True), mention(doc, 7, 9, "Concept", True)
    _, entities, keys = resolved(doc, [sunak, title])
    assert keys[title.key] == keys[sunak.key] == "rishi-sunak"
    assert {e.key for e in entities} == {"rishi-sunak"}     # no "Prime Minister" node of its own


def test_descriptions_definite_apposition_is_the_name():
    rows = [
        ("MicroMega", "MicroMega", "PROPN", "NNP", "nsubj", 5, "B-ORG"),   # 0
        (",", ",", "PUNCT", ",", "punct", 0, "O"),                         # 1
        ("the", "the", "DET", "DT", "det", 4, "O"),                        # 2
        ("secularist", "secularist", "ADJ", "JJ", "amod", 4, "O"),         # 3
        ("magazine", "magazine", "NOUN", "NN", "appos", 0, "O"),           # 4
        ("wrote", "write", "VERB", "VBD", "ROOT", 5, "O"),                 # 5
        (".", ".", "PUNCT", ".", "punct", 5, "O"),                         # 6
    ]
    doc = make_doc(rows)
    name, desc = mention(doc, 0, 1, "Organization", True), mention(doc, 3, 5)
    _, entities, keys = resolved(doc, [name, desc], appositions=((name, desc),))
    assert keys[desc.key] == "micromega"
    assert {e.key for e in entities} == {"micromega"}


def test_descriptions_title_must_match_whole_never_another_minister():
    rows = list(TITLE)
    rows[0] = ("Foreign", "Foreign", "PROPN", "NNP", "compound", 1, "O")     # "Foreign Minister Rishi Sunak"
    doc = make_doc(rows)
    sunak, title = mention(doc, 2, 4, "Person", True), mention(doc, 7, 9, "Concept", True)
    _, _, keys = resolved(doc, [sunak, title])
    # "the Prime Minister" is someone the article did not name: a node of this article only, not Sunak
    assert keys[title.key] == "concept/a1/prime-minister"


# The former minister accepted a car from Acme.
FORMER_MINISTER = [
    ("The", "the", "DET", "DT", "det", 2, "O"),                        # 0
    ("former", "former", "ADJ", "JJ", "amod", 2, "O"),                 # 1
    ("minister", "minister", "NOUN", "NN", "nsubj", 3, "O"),           # 2
    ("accepted", "accept", "VERB", "VBD", "ROOT", 3, "O"),             # 3
    ("a", "a", "DET", "DT", "det", 5, "O"),                            # 4
    ("car", "car", "NOUN", "NN", "dobj", 3, "O"),                      # 5
    ("from", "from", "ADP", "IN", "prep", 3, "O"),                     # 6
    ("Acme", "Acme", "PROPN", "NNP", "pobj", 6, "B-ORG"),              # 7
    (".", ".", "PUNCT", ".", "punct", 3, "O"),                         # 8
]


def test_descriptions_unresolved_description_is_an_article_local_concept():
    """No name in the article for "the former minister": it stays what it says, a node of this article only,
    never the article's one organization."""
    doc = make_doc(FORMER_MINISTER)
    acme = mention(doc, 7, 8, "Organization", True)
    minister = mention(doc, 1, 3)
    _, entities, keys = resolved(doc, [acme, minister])
    assert keys[minister.key] == "concept/a1/former-minister"
    assert keys[acme.key] != keys[minister.key]
    assert any(e.key == "concept/a1/former-minister" and e.label == "former minister" for e in entities)


def _title_doc(qualifier: str | None, name: tuple[str, str] = ("Rishi", "Sunak")) -> list:
    """"[Qualifier] Prime Minister <name> spoke. The Prime Minister left." (head indexes shift by one with
    a qualifier)."""
    rows = [row for row in TITLE]
    rows[2] = (name[0], name[0], "PROPN", "NNP", "compound", 3, "B-PERSON")
    rows[3] = (name[1], name[1], "PROPN", "NNP", "nsubj", 4, "I-PERSON")
    if qualifier is None:
        return rows
    shifted = [(qualifier, qualifier, "PROPN", "NNP", "compound", 3, "O")]
    for text, lemma, pos, tag, dep, head, ent in rows:
        shifted.append((text, lemma, pos, tag, dep, head + 1, ent))
    return shifted


@pytest.mark.parametrize("qualifier", ["Deputy", "Shadow", "Vice", "former"])
def test_descriptions_holder_of_another_office_is_no_holder_of_the_title(qualifier):
    """A "Deputy/Shadow/Vice/former Prime Minister" is no holder of "the Prime Minister"."""
    doc = make_doc(_title_doc(qualifier))
    sunak, title = mention(doc, 3, 5, "Person", True), mention(doc, 8, 10, "Concept", True)
    _, _, keys = resolved(doc, [sunak, title])
    assert keys[title.key] != keys[sunak.key]


def test_descriptions_holder_stated_in_apposition_holds_the_title():
    """ "Paul Dewar, an Ottawa MP, said ... The MP left.": a title stated of a person makes them its holder."""
    rows = [
        ("Paul", "Paul", "PROPN", "NNP", "compound", 1, "B-PERSON"),        # 0
        ("Dewar", "Dewar", "PROPN", "NNP", "nsubj", 7, "I-PERSON"),         # 1
        (",", ",", "PUNCT", ",", "punct", 1, "O"),                          # 2
        ("an", "an", "DET", "DT", "det", 5, "O"),                           # 3
        ("Ottawa", "Ottawa", "PROPN", "NNP", "compound", 5, "B-GPE"),       # 4
        ("MP", "MP", "PROPN", "NNP", "appos", 1, "O"),                      # 5
        (",", ",", "PUNCT", ",", "punct", 1, "O"),                          # 6
        ("spoke", "speak", "VERB", "VBD", "ROOT", 7, "O"),                  # 7
        (".", ".", "PUNCT", ".", "punct", 7, "O"),                          # 8
        ("The", "the", "DET", "DT", "det", 10, "O"),                        # 9
        ("MP", "MP", "PROPN", "NNP", "nsubj", 11, "O"),                     # 10
        ("left", "leave", "VERB", "VBD", "ROOT", 11, "O"),                  # 11
        (".", ".", "PUNCT", ".", "punct", 11, "O"),                         # 12
    ]
    doc = make_doc(rows)
    dewar, stated, later = (mention(doc, 0, 2, "Person", True), mention(doc, 4, 6), mention(doc, 10, 11,
                                                                                          "Concept", True))
    _, _, keys = resolved(doc, [dewar, later], held=((dewar, stated.text),))
    assert keys[later.key] == keys[dewar.key] == "paul-dewar"
    _, _, keys = resolved(doc, [dewar, later])
    assert keys[later.key] != keys[dewar.key]       # without the stated title: no holder, never by recency


def test_descriptions_bare_title_beside_a_full_name_is_that_person():
    """ "Malaysia's Prime Minister, Najib Razak said": side by side, whatever the parse made of it."""
    rows = [
        ("Malaysia", "Malaysia", "PROPN", "NNP", "poss", 3, "B-GPE"),       # 0
        ("'s", "'s", "PART", "POS", "case", 0, "O"),                        # 1
        ("Prime", "Prime", "PROPN", "NNP", "compound", 3, "O"),             # 2
        ("Minister", "Minister", "PROPN", "NNP", "ROOT", 3, "O"),           # 3
        (",", ",", "PUNCT", ",", "punct", 7, "O"),                          # 4
        ("Najib", "Najib", "PROPN", "NNP", "compound", 6, "B-PERSON"),      # 5
        ("Razak", "Razak", "PROPN", "NNP", "nsubj", 7, "I-PERSON"),         # 6
        ("said", "say", "VERB", "VBD", "parataxis", 3, "O"),                # 7
        (".", ".", "PUNCT", ".", "punct", 7, "O"),                          # 8
    ]
    doc = make_doc(rows)
    najib, title = mention(doc, 5, 7, "Person", True), mention(doc, 2, 4, "Concept", True)
    _, entities, keys = resolved(doc, [najib, title])
    assert keys[title.key] == keys[najib.key] == "najib-razak"
    assert all(e.label != "Prime Minister" for e in entities)     # no node of its own



def _class_noun_doc(det: str, noun: str, pos: str = "NOUN", ent: str = "O", *, phrases: tuple[str, ...] = ()
                    ) -> Doc:
    """"[The <phrase> <noun> and the <phrase> <noun> arrived.] <det> <noun> won the case." (issue 11: a bare
    class noun among longer phrases of its head names nothing by itself)."""
    rows = []
    if phrases:
        rows = [("The", "the", "DET", "DT", "det", 2, "O"),                                   # 0
                (phrases[0], phrases[0], "ADJ", "JJ", "amod", 2, "B-NORP"),                   # 1
                (noun.lower(), noun.lower(), "NOUN", "NN", "nsubj", 7, "O"),                   # 2
                ("and", "and", "CCONJ", "CC", "cc", 2, "O"),                                  # 3
                ("the", "the", "DET", "DT", "det", 6, "O"),                                   # 4
                (phrases[1], phrases[1], "ADJ", "JJ", "amod", 6, "B-NORP"),                   # 5
                (noun.lower(), noun.lower(), "NOUN", "NN", "conj", 2, "O"),                    # 6
                ("arrived", "arrive", "VERB", "VBD", "ROOT", 7, "O"),                         # 7
                (".", ".", "PUNCT", ".", "punct", 7, "O")]                                    # 8
    n = len(rows)
    rows += [(det, det.lower(), "DET", "DT", "det", n + 1, "O"),                              # n
             (noun, noun.lower(), pos, "NN" if pos == "NOUN" else "NNP", "nsubj", n + 2, ent),  # n + 1
             ("won", "win", "VERB", "VBD", "ROOT", n + 2, "O"),                               # n + 2
             ("the", "the", "DET", "DT", "det", n + 4, "O"),                                  # n + 3
             ("case", "case", "NOUN", "NN", "dobj", n + 2, "O"),                              # n + 4
             (".", ".", "PUNCT", ".", "punct", n + 2, "O")]                                   # n + 5
    return make_doc(rows)


@pytest.mark.parametrize("noun, pos, ent, kind, named", [
    ("team", "NOUN", "O", "Concept", False), ("court", "NOUN", "O", "Concept", False),
    ("Government", "PROPN", "B-ORG", "Organization", True), ("Administration", "PROPN", "B-ORG", "Organization", True),
])
def test_descriptions_bare_class_noun_among_phrases_of_its_head_is_left_out(noun, pos, ent, kind, named):
    """ "The Afghan team and the European team arrived. The team won the case.": either may be meant, so no
    node "team" (nor "Government"): the statements that use it are dropped as with an unresolved "it"; the
    phrases and the concept noun beside it stay."""
    doc = _class_noun_doc("The", noun, pos, ent, phrases=("Afghan", "European"))
    first, second = mention(doc, 1, 3), mention(doc, 5, 7)
    bare, case = mention(doc, 10, 11, kind, named), mention(doc, 13, 14)
    _, entities, keys = resolved(doc, [first, second, bare, case])
    assert bare.key not in keys
    assert all(e.label.casefold() != noun.casefold() for e in entities)
    assert keys[case.key] == "concept/a1/case"
    assert keys[first.key] == f"concept/a1/afghan-{noun.lower()}" != keys[second.key]


@pytest.mark.parametrize("det, noun", [("The", "army"), ("The", "government"), ("A", "team")])
def test_descriptions_bare_class_noun_with_no_phrase_of_its_head_stays(det, noun):
    """Guards: "The army won the case." in an article naming no army stands for the one army the story is
    about, and "A team won" says there is one: each stays what it says, an article-local concept."""
    doc = _class_noun_doc(det, noun)
    bare = mention(doc, 1, 2)
    _, entities, keys = resolved(doc, [bare])
    assert keys[bare.key] == f"concept/a1/{noun}"
    assert any(e.key == f"concept/a1/{noun}" for e in entities)


def test_descriptions_indefinite_class_noun_among_phrases_stays():
    """Guard: "The Afghan team and the European team arrived. A team won the case.": a new team, not left out."""
    doc = _class_noun_doc("A", "team", phrases=("Afghan", "European"))
    bare = mention(doc, 10, 11)
    _, _, keys = resolved(doc, [mention(doc, 1, 3), mention(doc, 5, 7), bare])
    assert keys[bare.key] == "concept/a1/team"


def test_descriptions_bare_class_noun_resolved_on_strong_evidence_stays():
    """ "The Afghan team arrived. The team won.": the one earlier phrase of its head, never dropped."""
    doc = make_doc([
        ("The", "the", "DET", "DT", "det", 2, "O"),                        # 0
        ("Afghan", "Afghan", "ADJ", "JJ", "amod", 2, "B-NORP"),            # 1
        ("team", "team", "NOUN", "NN", "nsubj", 3, "O"),                   # 2
        ("arrived", "arrive", "VERB", "VBD", "ROOT", 3, "O"),              # 3
        (".", ".", "PUNCT", ".", "punct", 3, "O"),                         # 4
        ("The", "the", "DET", "DT", "det", 6, "O"),                        # 5
        ("team", "team", "NOUN", "NN", "nsubj", 7, "O"),                   # 6
        ("won", "win", "VERB", "VBD", "ROOT", 7, "O"),                     # 7
        (".", ".", "PUNCT", ".", "punct", 7, "O"),                         # 8
    ])
    afghan, bare = mention(doc, 1, 3), mention(doc, 6, 7)
    _, entities, keys = resolved(doc, [afghan, bare])
    assert keys[bare.key] == keys[afghan.key] == "concept/a1/afghan-team"
    assert all(e.label != "team" for e in entities)


@pytest.mark.parametrize("noun", ["Administration", "State"])
def test_descriptions_capitalized_class_noun_naming_nothing_is_left_out(noun):
    """ "The Administration won the case." in an article that writes no longer name of that head: a capitalized
    bare class noun is no name of its own (one "State" node would join Lombardy's state to the State
    Department of another article's "the State and Defense departments"): left out with its statements."""
    doc = _class_noun_doc("The", noun, "PROPN", "B-ORG")
    bare, case = mention(doc, 1, 2, "Organization", True), mention(doc, 4, 5)
    _, entities, keys = resolved(doc, [bare, case])
    assert bare.key not in keys
    assert all(e.label.casefold() != noun.casefold() for e in entities)
    assert keys[case.key] == "concept/a1/case"


def test_descriptions_capitalized_class_noun_is_the_one_name_of_its_head():
    """ "The Church of Scientology sued. The Church won.": the one name whose head word it is."""
    doc = make_doc([
        ("The", "the", "DET", "DT", "det", 1, "O"),                        # 0
        ("Church", "Church", "PROPN", "NNP", "nsubj", 4, "B-ORG"),          # 1
        ("of", "of", "ADP", "IN", "prep", 1, "I-ORG"),                    # 2
        ("Scientology", "Scientology", "PROPN", "NNP", "pobj", 2, "I-ORG"),  # 3
        ("sued", "sue", "VERB", "VBD", "ROOT", 4, "O"),                    # 4
        (".", ".", "PUNCT", ".", "punct", 4, "O"),                         # 5
        ("The", "the", "DET", "DT", "det", 7, "O"),                        # 6
        ("Church", "Church", "PROPN", "NNP", "nsubj", 8, "B-ORG"),          # 7
        ("won", "win", "VERB", "VBD", "ROOT", 8, "O"),                     # 8
        (".", ".", "PUNCT", ".", "punct", 8, "O"),                         # 9
    ])
    name, bare = mention(doc, 1, 4, "Organization", True), mention(doc, 7, 8, "Organization", True)
    _, entities, keys = resolved(doc, [name, bare])
    assert keys[bare.key] == keys[name.key] == "church-of-scientology"
    assert all(e.label != "Church" for e in entities)


def test_descriptions_lower_case_class_noun_naming_nothing_stays():
    """Guard: "The government won the case." (no capital, no longer name of its head) stays a concept."""
    doc = _class_noun_doc("The", "government")
    bare = mention(doc, 1, 2)
    _, _, keys = resolved(doc, [bare])
    assert keys[bare.key] == "concept/a1/government"


def test_descriptions_bare_title_of_an_officer_is_local_to_its_article():
    """ "The Chief Medical Officer said so.": a title, never a named node shared by every article that writes it
    (Wales's and Northern Ireland's were one node)."""
    doc = make_doc([
        ("The", "the", "DET", "DT", "det", 3, "O"),                        # 0
        ("Chief", "Chief", "PROPN", "NNP", "compound", 3, "O"),            # 1
        ("Medical", "Medical", "PROPN", "NNP", "compound", 3, "O"),        # 2
        ("Officer", "Officer", "PROPN", "NNP", "nsubj", 4, "O"),           # 3
        ("said", "say", "VERB", "VBD", "ROOT", 4, "O"),                    # 4
        ("so", "so", "ADV", "RB", "advmod", 4, "O"),                       # 5
        (".", ".", "PUNCT", ".", "punct", 4, "O"),                         # 6
    ])
    officer = mention(doc, 1, 4, "Entity", True)
    _, _, keys = resolved(doc, [officer])
    assert keys[officer.key].startswith("concept/a1/")


def test_descriptions_country_adjective_and_pm_is_a_title():
    """ "Italian PM": a title (PM, a head title), never a named node of its own."""
    assert description_head(Mention(text="Italian PM", start=0, end=10, type="Organization", is_named=True)) == "title"


def test_descriptions_the_source_a_sentence_cites_is_no_candidate():
    rows = [
        ("According", "accord", "VERB", "VBG", "prep", 5, "O"),            # 0
        ("to", "to", "ADP", "IN", "prep", 0, "O"),                         # 1
        ("the", "the", "DET", "DT", "det", 3, "O"),                        # 2
        ("BBC", "BBC", "PROPN", "NNP", "pobj", 1, "B-ORG"),                # 3
        (",", ",", "PUNCT", ",", "punct", 5, "O"),                         # 4
        ("the", "the", "DET", "DT", "det", 6, "O"),                        # 5 -> head fixed below
        ("group", "group", "NOUN", "NN", "nsubj", 7, "O"),                 # 6
        ("left", "leave", "VERB", "VBD", "ROOT", 7, "O"),                  # 7
        (".", ".", "PUNCT", ".", "punct", 7, "O"),                         # 8
    ]
    rows[0] = ("According", "accord", "VERB", "VBG", "prep", 7, "O")
    rows[4] = (",", ",", "PUNCT", ",", "punct", 7, "O")
    doc = make_doc(rows)
    bbc, group = mention(doc, 3, 4, "Organization", True), mention(doc, 6, 7)
    _, _, keys = resolved(doc, [bbc, group])
    assert keys.get(group.key) != keys[bbc.key]


def test_descriptions_then_before_a_title_makes_a_former_holder():
    rows = [("then", "then", "ADV", "RB", "advmod", 3, "O")] + [
        (t, l, p, tg, d, h + 1, e) for t, l, p, tg, d, h, e in TITLE]
    doc = make_doc(rows)
    blair, title = mention(doc, 3, 5, "Person", True), mention(doc, 8, 10, "Concept", True)
    _, _, keys = resolved(doc, [blair, title])
    assert keys.get(title.key) != keys[blair.key]       # "the Prime Minister" is not the then Prime Minister
    doc = make_doc(TITLE)                                # guard: without "then" it is
    sunak, title = mention(doc, 2, 4, "Person", True), mention(doc, 7, 9, "Concept", True)
    assert resolved(doc, [sunak, title])[2][title.key] == "rishi-sunak"


def test_descriptions_title_stated_with_then_makes_a_former_holder():
    rows = [("Tony", "Tony", "PROPN", "NNP", "compound", 1, "B-PERSON"),
            ("Blair", "Blair", "PROPN", "NNP", "nsubj", 2, "I-PERSON")] + TITLE[4:]
    rows = [(t, l, p, tg, d, h - 2 if i >= 2 else h, e) for i, (t, l, p, tg, d, h, e) in enumerate(rows)]
    doc = make_doc(rows)
    blair, title = mention(doc, 0, 2, "Person", True), mention(doc, 5, 7, "Concept", True)
    _, _, keys = resolved(doc, [blair, title], held=((blair, "then Prime Minister"),))
    assert keys.get(title.key) != keys[blair.key]
    _, _, keys = resolved(doc, [blair, title], held=((blair, "Prime Minister"),))     # guard
    assert keys[title.key] == keys[blair.key]


def test_descriptions_role_statement_of_a_then_title_makes_no_holder():
    """ "then Prime Minister Tony Blair": the mention's title says "then", the role statement only "Prime
    Minister"; the Prime Minister of the story is someone else."""
    rows = [("Tony", "Tony", "PROPN", "NNP", "compound", 1, "B-PERSON"),
            ("Blair", "Blair", "PROPN", "NNP", "nsubj", 2, "I-PERSON")] + TITLE[4:]
    rows = [(t, l, p, tg, d, h - 2 if i >= 2 else h, e) for i, (t, l, p, tg, d, h, e) in enumerate(rows)]
    doc = make_doc(rows)
    blair = Mention(text="Tony Blair", start=0, end=10, type="Person", is_named=True, title="then Prime Minister")
    title = mention(doc, 5, 7, "Concept", True)
    _, _, keys = resolved(doc, [blair, title], held=((blair, "Prime Minister"),))
    assert keys.get(title.key) != keys[blair.key]


@pytest.mark.parametrize("modifier, resolved_to_delta", [("combined", False), ("new", False), ("airline", True)])
def test_descriptions_a_new_thing_is_no_earlier_name(modifier, resolved_to_delta):
    rows = [
        ("Delta", "Delta", "PROPN", "NNP", "nsubj", 1, "B-ORG"),           # 0
        ("grew", "grow", "VERB", "VBD", "ROOT", 1, "O"),                   # 1
        (".", ".", "PUNCT", ".", "punct", 1, "O"),                         # 2
        ("The", "the", "DET", "DT", "det", 5, "O"),                        # 3
        (modifier, modifier, "ADJ", "JJ", "amod", 5, "O"),                 # 4
        ("company", "company", "NOUN", "NN", "nsubj", 6, "O"),             # 5
        ("left", "leave", "VERB", "VBD", "ROOT", 6, "O"),                  # 6
        (".", ".", "PUNCT", ".", "punct", 6, "O"),                         # 7
    ]
    doc = make_doc(rows)
    delta, company = mention(doc, 0, 1, "Organization", True), mention(doc, 4, 6)
    _, _, keys = resolved(doc, [delta, company])
    assert (keys.get(company.key) == "delta") is resolved_to_delta


def test_descriptions_apposition_after_a_coordination_is_not_the_first_conjunct():
    rows = [
        ("the", "the", "DET", "DT", "det", 1, "O"),                        # 0
        ("airline", "airline", "NOUN", "NN", "nsubj", 7, "O"),             # 1
        ("and", "and", "CCONJ", "CC", "cc", 1, "O"),                       # 2
        ("union", "union", "NOUN", "NN", "conj", 1, "O"),                  # 3
        (",", ",", "PUNCT", ",", "punct", 1, "O"),                         # 4
        ("Vereinigung", "Vereinigung", "PROPN", "NNP", "compound", 6, "B-ORG"),   # 5
        ("Cockpit", "Cockpit", "PROPN", "NNP", "appos", 1, "I-ORG"),       # 6
        ("failed", "fail", "VERB", "VBD", "ROOT", 7, "O"),                 # 7
        (".", ".", "PUNCT", ".", "punct", 7, "O"),                         # 8
    ]
    doc = make_doc(rows)
    name, desc = mention(doc, 5, 7, "Organization", True), mention(doc, 1, 2)
    _, _, keys = resolved(doc, [name, desc], appositions=((name, desc),))
    assert keys.get(desc.key) != keys[name.key]


def test_descriptions_plural_is_no_apposition_of_one_person():
    rows = [
        ("Jorge", "Jorge", "PROPN", "NNP", "compound", 1, "B-PERSON"),     # 0
        ("Espinoza", "Espinoza", "PROPN", "NNP", "nsubj", 5, "I-PERSON"),  # 1
        (",", ",", "PUNCT", ",", "punct", 1, "O"),                         # 2
        ("the", "the", "DET", "DT", "det", 4, "O"),                        # 3
        ("men", "man", "NOUN", "NNS", "appos", 1, "O"),                    # 4
        ("are", "be", "AUX", "VBP", "ROOT", 5, "O"),                       # 5
        ("trapped", "trap", "VERB", "VBN", "acomp", 5, "O"),               # 6
        (".", ".", "PUNCT", ".", "punct", 5, "O"),                         # 7
    ]
    doc = make_doc(rows)
    name = mention(doc, 0, 2, "Person", True)
    men = Mention(text="men", start=doc[4].idx, end=doc[4].idx + 3, type="Concept", head="man")
    _, _, keys = resolved(doc, [name, men], appositions=((name, men),))
    assert keys.get(men.key) != keys[name.key]
    man = Mention(text="man", start=doc[4].idx, end=doc[4].idx + 3, type="Concept", head="man")    # guard
    rows[4] = ("man", "man", "NOUN", "NN", "appos", 1, "O")
    doc = make_doc(rows)
    _, _, keys = resolved(doc, [name, man], appositions=((name, man),))
    assert keys[man.key] == keys[name.key]


def test_descriptions_possessed_class_noun_is_no_nearby_name():
    rows = [
        ("Jamaica", "Jamaica", "PROPN", "NNP", "nsubj", 1, "B-GPE"),       # 0
        ("mourned", "mourn", "VERB", "VBD", "ROOT", 1, "O"),               # 1
        ("him", "he", "PRON", "PRP", "dobj", 1, "O"),                      # 2
        (".", ".", "PUNCT", ".", "punct", 1, "O"),                         # 3
        ("He", "he", "PRON", "PRP", "nsubj", 5, "O"),                      # 4
        ("loved", "love", "VERB", "VBD", "ROOT", 5, "O"),                  # 5
        ("his", "his", "PRON", "PRP$", "poss", 7, "O"),                    # 6
        ("country", "country", "NOUN", "NN", "dobj", 5, "O"),              # 7
        (".", ".", "PUNCT", ".", "punct", 5, "O"),                         # 8
    ]
    doc = make_doc(rows)
    jamaica, country = mention(doc, 0, 1, "Place", True), mention(doc, 7, 8)
    _, _, keys = resolved(doc, [jamaica, country])
    assert keys.get(country.key) != "jamaica"
    rows[6] = ("the", "the", "DET", "DT", "det", 7, "O")                  # guard: "the country" is Jamaica
    doc = make_doc(rows)
    country = mention(doc, 7, 8)
    assert resolved(doc, [jamaica, country])[2][country.key] == "jamaica"


def test_descriptions_indefinite_noun_is_no_earlier_name_of_its_head():
    rows = [
        ("The", "the", "DET", "DT", "det", 2, "O"),                        # 0
        ("Labour", "Labour", "PROPN", "NNP", "compound", 2, "B-ORG"),      # 1
        ("Party", "Party", "PROPN", "NNP", "nsubj", 3, "I-ORG"),           # 2
        ("won", "win", "VERB", "VBD", "ROOT", 3, "O"),                     # 3
        (".", ".", "PUNCT", ".", "punct", 3, "O"),                         # 4
        ("We", "we", "PRON", "PRP", "nsubj", 6, "O"),                      # 5
        ("had", "have", "VERB", "VBD", "ROOT", 6, "O"),                    # 6
        ("a", "a", "DET", "DT", "det", 8, "O"),                            # 7
        ("party", "party", "NOUN", "NN", "dobj", 6, "O"),                  # 8
        (".", ".", "PUNCT", ".", "punct", 6, "O"),                         # 9
    ]
    doc = make_doc(rows)
    labour, party = mention(doc, 1, 3, "Organization", True), mention(doc, 8, 9)
    _, _, keys = resolved(doc, [labour, party])
    assert keys.get(party.key) != keys[labour.key]
    rows[7] = ("the", "the", "DET", "DT", "det", 8, "O")                  # guard: "the party" is Labour
    doc = make_doc(rows)
    party = mention(doc, 8, 9)
    assert resolved(doc, [labour, party])[2][party.key] == keys[labour.key]


def test_descriptions_name_after_an_of_phrase_is_the_heads_not_the_objects():
    rows = [
        ("The", "the", "DET", "DT", "det", 1, "O"),                        # 0
        ("head", "head", "NOUN", "NN", "nsubj", 8, "O"),                   # 1
        ("of", "of", "ADP", "IN", "prep", 1, "O"),                         # 2
        ("the", "the", "DET", "DT", "det", 4, "O"),                        # 3
        ("agency", "agency", "NOUN", "NN", "pobj", 2, "O"),                # 4
        (",", ",", "PUNCT", ",", "punct", 4, "O"),                         # 5
        ("Benito", "Benito", "PROPN", "NNP", "compound", 7, "B-PERSON"),   # 6
        ("Ramos", "Ramos", "PROPN", "NNP", "appos", 4, "I-PERSON"),        # 7
        ("spoke", "speak", "VERB", "VBD", "ROOT", 8, "O"),                 # 8
        (".", ".", "PUNCT", ".", "punct", 8, "O"),                         # 9
    ]
    doc = make_doc(rows)
    ramos, agency = mention(doc, 6, 8, "Person", True), mention(doc, 4, 5)
    _, _, keys = resolved(doc, [ramos, agency])
    assert keys.get(agency.key) != keys[ramos.key]
    shifted = [(t, l, p, tg, d, h + 1 if h >= 4 else h, e) for t, l, p, tg, d, h, e in rows]
    rows = shifted[:4] + [("disaster", "disaster", "NOUN", "NN", "compound", 5, "O")] + shifted[4:]
    doc = make_doc(rows)      # "the disaster agency, Benito Ramos" as the parse's apposition, kept as a phrase
    ramos, agency = mention(doc, 7, 9, "Person", True), mention(doc, 4, 6)
    _, _, keys = resolved(doc, [ramos, agency], appositions=((ramos, agency),), predicates=frozenset({agency.key}))
    assert keys.get(agency.key) != keys[ramos.key]
    guard = [                                                              # "The spokesman, Benito Ramos, spoke."
        ("The", "the", "DET", "DT", "det", 1, "O"),                        # 0
        ("spokesman", "spokesman", "NOUN", "NN", "nsubj", 6, "O"),         # 1
        (",", ",", "PUNCT", ",", "punct", 1, "O"),                         # 2
        ("Benito", "Benito", "PROPN", "NNP", "compound", 4, "B-PERSON"),   # 3
        ("Ramos", "Ramos", "PROPN", "NNP", "appos", 1, "I-PERSON"),        # 4
        (",", ",", "PUNCT", ",", "punct", 1, "O"),                         # 5
        ("spoke", "speak", "VERB", "VBD", "ROOT", 6, "O"),                 # 6
        (".", ".", "PUNCT", ".", "punct", 6, "O"),                         # 7
    ]
    doc = make_doc(guard)
    ramos, spokesman = mention(doc, 3, 5, "Person", True), mention(doc, 1, 2)
    _, _, keys = resolved(doc, [ramos, spokesman])
    assert keys[spokesman.key] == keys[ramos.key]
