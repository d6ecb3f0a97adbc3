"""NER repair in kg.extract.mentions on hand-built Docs: cut, extended, missed and nested names."""
from __future__ import annotations

import pytest

from kg.extract.mentions import mention_for, named_mentions, nested_names
from tests.docs import make_doc


def names(rows) -> dict[str, str]:
    return {m.text: m.type for m in named_mentions(make_doc(rows))}


def test_mentions_lower_case_lead_is_cut():
    rows = [
        ("pro", "pro", "ADJ", "JJ", "amod", 5, "B-ORG"),
        ("-", "-", "PUNCT", "HYPH", "punct", 5, "I-ORG"),
        ("Beijing", "Beijing", "PROPN", "NNP", "compound", 5, "I-ORG"),
        ("New", "New", "PROPN", "NNP", "compound", 5, "I-ORG"),
        ("People", "People", "PROPN", "NNP", "compound", 5, "I-ORG"),
        ("Party", "Party", "PROPN", "NNP", "ROOT", 5, "I-ORG"),
    ]
    doc = make_doc(rows, spaces=[False, False, True, True, True, False])
    assert doc.text == "pro-Beijing New People Party"
    assert [m.text for m in named_mentions(doc) if m.type == "Organization"] == ["New People Party"]


def test_mentions_descriptive_noun_before_a_name_is_cut():
    rows = [
        ("US", "US", "PROPN", "NNP", "compound", 2, "B-ORG"),
        ("team", "team", "NOUN", "NN", "compound", 2, "I-ORG"),
        ("Cloud9", "Cloud9", "PROPN", "NNP", "ROOT", 2, "I-ORG"),
    ]
    assert "Cloud9" in names(rows) and "US team Cloud9" not in names(rows)


def test_mentions_honorific_is_cut():
    rows = [("Mr", "Mr", "PROPN", "NNP", "compound", 1, "B-PERSON"), ("Key", "Key", "PROPN", "NNP", "ROOT", 1, "I-PERSON")]
    assert names(rows) == {"Key": "Person"}


def test_mentions_given_name_extends_a_name_ner_cut_short():
    rows = [
        ("athletes", "athlete", "NOUN", "NNS", "ROOT", 0, "O"),
        ("Vitas", "Vitas", "PROPN", "NNP", "compound", 2, "O"),
        ("Gerulaitis", "Gerulaitis", "PROPN", "NNP", "appos", 0, "B-GPE"),
    ]
    assert names(rows)["Vitas Gerulaitis"] == "Person"


def test_mentions_names_ner_missed():
    rows = [
        ("the", "the", "DET", "DT", "det", 3, "O"),
        ("FIFA", "FIFA", "PROPN", "NNP", "compound", 3, "O"),
        ("football", "football", "NOUN", "NN", "compound", 3, "O"),
        ("tournament", "tournament", "NOUN", "NN", "ROOT", 3, "O"),
        ("of", "of", "ADP", "IN", "prep", 3, "O"),
        ("Star", "Star", "PROPN", "NNP", "compound", 6, "O"),
        ("Wars", "Wars", "PROPN", "NNP", "pobj", 4, "O"),
    ]
    got = names(rows)
    assert got["FIFA"] == "Organization" and got["Star Wars"] == "Entity"


def test_mentions_bare_title_is_no_name():
    rows = [("the", "the", "DET", "DT", "det", 1, "O"), ("President", "President", "PROPN", "NNP", "nsubj", 2, "O"),
            ("spoke", "speak", "VERB", "VBD", "ROOT", 2, "O")]
    assert names(rows) == {}


def test_mentions_names_nested_in_longer_names():
    rows = [
        ("the", "the", "DET", "DT", "det", 1, "O"),
        ("University", "University", "PROPN", "NNP", "ROOT", 1, "B-ORG"),
        ("of", "of", "ADP", "IN", "prep", 1, "I-ORG"),
        ("Sheffield", "Sheffield", "PROPN", "NNP", "pobj", 2, "I-ORG"),
        ("and", "and", "CCONJ", "CC", "cc", 1, "O"),
        ("the", "the", "DET", "DT", "det", 7, "O"),
        ("Fisht", "Fisht", "PROPN", "NNP", "compound", 7, "B-FAC"),
        ("Stadium", "Stadium", "PROPN", "NNP", "conj", 1, "I-FAC"),
    ]
    got = names(rows)
    assert got["University of Sheffield"] == "Organization" and got["Sheffield"] == "Place"
    assert "Fisht" in got and got["Fisht Stadium"] == "Place"


def test_mentions_dates_are_never_names():
    rows = [("Sat", "Sat", "PROPN", "NNP", "compound", 3, "B-ORG"), ("09", "09", "NUM", "CD", "nummod", 3, "I-ORG"),
            ("Oct", "Oct", "PROPN", "NNP", "compound", 3, "I-ORG"), ("2021", "2021", "NUM", "CD", "ROOT", 3, "I-ORG")]
    assert names(rows) == {}


def test_mentions_a_name_never_runs_over_a_line_break():
    doc = make_doc([("NASA", "NASA", "PROPN", "NNP", "compound", 1, "B-ORG"),
                    ("Administrator", "Administrator", "PROPN", "NNP", "ROOT", 1, "I-ORG"),
                    ("\n\n", "\n\n", "SPACE", "_SP", "dep", 1, "I-ORG"),
                    ("File", "File", "PROPN", "NNP", "appos", 1, "I-ORG")])
    assert [m.text for m in named_mentions(doc)] == ["NASA Administrator"]


def test_mentions_named_day_inside_a_date_is_an_event():
    rows = [("Waitangi", "Waitangi", "PROPN", "NNP", "compound", 1, "B-DATE"),
            ("Day", "Day", "PROPN", "NNP", "ROOT", 1, "I-DATE"),
            ("-", "-", "PUNCT", "HYPH", "punct", 1, "I-DATE"),
            ("February", "February", "PROPN", "NNP", "appos", 1, "I-DATE"),
            ("6", "6", "NUM", "CD", "nummod", 3, "I-DATE")]
    assert names(rows) == {"Waitangi Day": "Event"}


def test_mentions_academic_title_is_cut():
    rows = [("Professor", "Professor", "PROPN", "NNP", "compound", 2, "B-PERSON"),
            ("Cres", "Cres", "PROPN", "NNP", "compound", 2, "I-PERSON"),
            ("Eastman", "Eastman", "PROPN", "NNP", "ROOT", 2, "I-PERSON")]
    assert names(rows) == {"Cres Eastman": "Person"}


def test_mentions_facility_and_university_places_inside_names():
    rows = [("NTU", "NTU", "PROPN", "NNP", "compound", 2, "B-FAC"),
            ("Hospital", "Hospital", "PROPN", "NNP", "compound", 2, "I-FAC"),
            ("Station", "Station", "PROPN", "NNP", "ROOT", 2, "I-FAC"),
            ("and", "and", "CCONJ", "CC", "cc", 2, "O"),
            ("University", "University", "PROPN", "NNP", "conj", 2, "B-ORG"),
            ("of", "of", "ADP", "IN", "prep", 4, "I-ORG"),
            ("Southern", "Southern", "PROPN", "NNP", "compound", 7, "I-ORG"),
            ("Indiana", "Indiana", "PROPN", "NNP", "pobj", 5, "I-ORG")]
    got = names(rows)
    assert got["NTU Hospital"] == "Place" and got["Southern Indiana"] == "Place"
    assert "Indiana" not in got     # "Southern Indiana" is not Indiana


def test_mentions_quantified_phrases():
    """ "Every team" keeps its quantifier (no one team); "any country" in a comparison after a superlative is
    no thing at all, so no statement is made about it; "any evidence" elsewhere keeps its quantifier."""
    from kg.extract.mentions import mention_for
    rows = [
        ("Every", "every", "DET", "DT", "det", 1, "O"),
        ("team", "team", "NOUN", "NN", "nsubj", 2, "O"),
        ("has", "have", "VERB", "VBZ", "ROOT", 2, "O"),
        ("the", "the", "DET", "DT", "det", 5, "O"),
        ("largest", "large", "ADJ", "JJS", "amod", 5, "O"),
        ("reserves", "reserve", "NOUN", "NNS", "dobj", 2, "O"),
        ("of", "of", "ADP", "IN", "prep", 5, "O"),
        ("any", "any", "DET", "DT", "det", 8, "O"),
        ("country", "country", "NOUN", "NN", "pobj", 6, "O"),
        (".", ".", "PUNCT", ".", "punct", 2, "O"),
    ]
    doc = make_doc(rows)
    assert mention_for(doc[1]).text == "Every team"
    assert mention_for(doc[5]).text == "largest reserves"
    assert mention_for(doc[8]) is None
    rows = [
        ("Police", "police", "NOUN", "NNS", "nsubj", 3, "O"),
        ("did", "do", "AUX", "VBD", "aux", 3, "O"),
        ("not", "not", "PART", "RB", "neg", 3, "O"),
        ("find", "find", "VERB", "VB", "ROOT", 3, "O"),
        ("any", "any", "DET", "DT", "det", 5, "O"),
        ("evidence", "evidence", "NOUN", "NN", "dobj", 3, "O"),
        (".", ".", "PUNCT", ".", "punct", 3, "O"),
    ]
    assert mention_for(make_doc(rows)[5]).text == "any evidence"


def test_mentions_phrase_of_punctuation_only_is_no_mention():
    """A noun the tagger gave to a dash trims to nothing: no mention, and no error."""
    from kg.extract.mentions import mention_for
    rows = [
        ("He", "he", "PRON", "PRP", "nsubj", 1, "O"),
        ("said", "say", "VERB", "VBD", "ROOT", 1, "O"),
        ("--", "--", "NOUN", "NN", "dobj", 1, "O"),
    ]
    assert mention_for(make_doc(rows)[2]) is None


def _coordinated(head: str, tag: str = "NNPS") -> list:
    """"Officials of the State and Justice <head> met." with NER calling State an organization."""
    return [
        ("Officials", "official", "NOUN", "NNS", "nsubj", 7, "O"),          # 0
        ("of", "of", "ADP", "IN", "prep", 0, "O"),                          # 1
        ("the", "the", "DET", "DT", "det", 6, "O"),                         # 2
        ("State", "State", "PROPN", "NNP", "compound", 6, "B-ORG"),         # 3
        ("and", "and", "CCONJ", "CC", "cc", 3, "O"),                        # 4
        ("Justice", "Justice", "PROPN", "NNP", "conj", 3, "O"),             # 5
        (head, head, "PROPN", tag, "pobj", 1, "O"),                         # 6
        ("met", "meet", "VERB", "VBD", "ROOT", 7, "O"),                     # 7
        (".", ".", "PUNCT", ".", "punct", 7, "O"),                          # 8
    ]


def test_mentions_plural_head_written_once_belongs_to_each_name():
    """"the State and Justice Departments": the State Department and the Justice Department, never a bare
    "State" node nor a plural "Departments" one."""
    texts = {m.text for m in named_mentions(make_doc(_coordinated("Departments")))}
    assert "State Department" in texts and "State" not in texts
    assert "Justice Department" in texts


def test_mentions_head_without_plural_ending_is_one_name():
    """"the Avon and Somerset Police" is one force: "Police" is no plural written once for two names."""
    texts = {m.text for m in named_mentions(make_doc(_coordinated("Police", "NNS")))}
    assert "State" in texts and "State Police" not in texts


def _object(word: str, pos: str, tag: str, ent: str = "O"):
    """ "He saw <word>." with ``word`` the object."""
    return make_doc([("He", "he", "PRON", "PRP", "nsubj", 1, "O"), ("saw", "see", "VERB", "VBD", "ROOT", 1, "O"),
                     (word, word.lower(), pos, tag, "dobj", 1, ent), (".", ".", "PUNCT", ".", "punct", 1, "O")])


@pytest.mark.parametrize("word, pos, tag, ent", [
    ("Tuesday", "PROPN", "NNP", "O"), ("July", "PROPN", "NNP", "O"), ("1990s", "NOUN", "NNS", "O"),
    ("3pm", "NOUN", "NN", "O"), ("2017", "NUM", "CD", "O"), ("2017", "PROPN", "NNP", "B-DATE"),
    ("thousands", "NOUN", "NNS", "B-CARDINAL"), ("Tuesday", "PROPN", "NNP", "B-DATE"),
])
def test_mentions_statement_argument_date_or_number_is_no_mention(word, pos, tag, ent):
    """A statement argument that is a date or a number, tagged by NER or not, is never an entity node."""
    assert mention_for(_object(word, pos, tag, ent)[2]) is None


@pytest.mark.parametrize("word, ent, kind", [("Reuters", "B-ORG", "Organization"), ("Kabul", "B-GPE", "Place"),
                                             ("Obama", "B-PERSON", "Person"), ("Acme", "O", "Entity")])
def test_mentions_statement_argument_keeps_its_ner_type(word, ent, kind):
    """A statement argument NER tagged keeps NER's type (never "Concept"/"Entity"); an untagged name is "Entity"."""
    m = mention_for(_object(word, "PROPN", "NNP", ent)[2])
    assert m is not None and m.is_named and m.type == kind and m.ner_label == (ent[2:] if ent != "O" else None)


@pytest.mark.parametrize("first, joined", [("Scientologist", None), ("Carly", "Carly Simon")])
def test_mentions_word_before_a_person_joins_only_as_a_given_name(first, joined):
    """ "featuring Scientologist Tom Cruise": a capitalized word before a person's name that is no given name
    describes them and is no part of the name; a given name NER left out is ("Carly [Simon]")."""
    rows = [("featuring", "feature", "VERB", "VBG", "ROOT", 0, "O"),
            (first, first, "PROPN", "NNP", "compound", 3, "O")]
    if joined is None:
        rows += [("Tom", "Tom", "PROPN", "NNP", "compound", 3, "B-PERSON"),
                 ("Cruise", "Cruise", "PROPN", "NNP", "dobj", 0, "I-PERSON")]
    else:
        rows += [("Simon", "Simon", "PROPN", "NNP", "dobj", 0, "B-PERSON")]
        rows[1] = (first, first, "PROPN", "NNP", "compound", 2, "O")
    found = names(rows)
    if joined is None:
        assert found == {"Tom Cruise": "Person"}
    else:
        assert found[joined] == "Person"


def test_mentions_name_ner_joined_to_a_tail_keeps_its_own_type():
    """ "CentOS [Stream]GPE": NER typed only the tail, so the longer name is no place (it stays untyped)."""
    rows = [("using", "use", "VERB", "VBG", "ROOT", 0, "O"),
            ("CentOS", "CentOS", "PROPN", "NNP", "compound", 2, "O"),
            ("Stream", "Stream", "PROPN", "NNP", "dobj", 0, "B-GPE")]
    assert names(rows)["CentOS Stream"] == "Entity"


def test_mentions_name_never_runs_over_an_open_parenthesis():
    """ "the National Hurricane Center (NHC" as one NER span: the name ends before the parenthesis."""
    rows = [("the", "the", "DET", "DT", "det", 3, "O"),
            ("National", "National", "PROPN", "NNP", "compound", 3, "B-ORG"),
            ("Hurricane", "Hurricane", "PROPN", "NNP", "compound", 3, "I-ORG"),
            ("Center", "Center", "PROPN", "NNP", "ROOT", 3, "I-ORG"),
            ("(", "(", "PUNCT", "-LRB-", "punct", 3, "I-ORG"),
            ("NHC", "NHC", "PROPN", "NNP", "appos", 3, "I-ORG"),
            (")", ")", "PUNCT", "-RRB-", "punct", 3, "O")]
    doc = make_doc(rows, spaces=[True, True, True, True, False, False, False])
    found = {m.text: m.type for m in named_mentions(doc)}
    assert found["National Hurricane Center"] == "Organization" and not any("(" in name for name in found)


def test_mentions_amount_is_an_unnamed_concept():
    """ "gave $67 million": an amount NER tagged is the statement's value, an article-local concept (never a
    name merged across articles, never dropped); a bare number is none (above)."""
    doc = make_doc([("He", "he", "PRON", "PRP", "nsubj", 1, "O"), ("gave", "give", "VERB", "VBD", "ROOT", 1, "O"),
                    ("$", "$", "SYM", "$", "nmod", 4, "B-MONEY"), ("67", "67", "NUM", "CD", "compound", 4, "I-MONEY"),
                    ("million", "million", "NUM", "CD", "dobj", 1, "I-MONEY"), (".", ".", "PUNCT", ".", "punct", 1, "O")],
                   spaces=[True, True, False, True, False, False])
    m = mention_for(doc[4])
    assert m is not None and m.text == "$67 million" and m.type == "Concept" and not m.is_named


def test_mentions_amount_without_its_unit_is_no_mention():
    """ "paid $ 750" with NER's span "750": a bare number says nothing of what it counts."""
    doc = make_doc([("He", "he", "PRON", "PRP", "nsubj", 1, "O"), ("paid", "pay", "VERB", "VBD", "ROOT", 1, "O"),
                    ("$", "$", "SYM", "$", "nmod", 3, "O"), ("750", "750", "NUM", "CD", "dobj", 1, "B-MONEY"),
                    (".", ".", "PUNCT", ".", "punct", 1, "O")])
    assert mention_for(doc[3]) is None


def _glued_rows(name: str, place: str, *, alone: bool) -> list:
    """"[The ship <name> sailed.] The ship [<name> in <place>]." (a caption NER read as one name)"""
    rows = []
    if alone:
        rows = [("The", "the", "DET", "DT", "det", 2, "O"), ("ship", "ship", "NOUN", "NN", "compound", 2, "O"),
                (name, name, "PROPN", "NNP", "nsubj", 3, "B-ORG"), ("sailed", "sail", "VERB", "VBD", "ROOT", 3, "O"),
                (".", ".", "PUNCT", ".", "punct", 3, "O")]
    n = len(rows)
    rows += [("The", "the", "DET", "DT", "det", n + 1, "O"), ("ship", "ship", "NOUN", "NN", "compound", n + 2, "O"),
             (name, name, "PROPN", "NNP", "ROOT", n + 2, "B-WORK_OF_ART"),
             ("in", "in", "ADP", "IN", "prep", n + 2, "I-WORK_OF_ART"),
             (place, place, "PROPN", "NNP", "pobj", n + 3, "I-WORK_OF_ART"), (".", ".", "PUNCT", ".", "punct", n + 2, "O")]
    return rows


def test_mentions_name_glued_over_in_to_a_place_is_cut():
    """ "The ship Freewinds sailed. The ship Freewinds in Bonaire.": the ship and the place, each a name
    (Bonaire, a place a country's name lists); the place is its own name as a statement argument too."""
    rows = _glued_rows("Freewinds", "Bonaire", alone=True)
    found = names(rows)
    assert found["Bonaire"] == "Place" and "Freewinds" in found and "Freewinds in Bonaire" not in found
    doc = make_doc(rows)
    assert mention_for(doc[9]).text == "Bonaire" and mention_for(doc[7]).text == "Freewinds"


@pytest.mark.parametrize("name, place, alone", [
    ("Freewinds", "Bonaire", False),     # the name before "in" is never written alone: maybe a title
    ("Alice", "Wonderland", True),       # no place after "in": a title ("Alice in Wonderland")
])
def test_mentions_name_with_in_stays_whole(name, place, alone):
    assert f"{name} in {place}" in names(_glued_rows(name, place, alone=alone))


def _award_rows(after_of: tuple[str, str]) -> list:
    """"Kane won the Budweiser Man of the <Match> <award>." """
    word, ent = after_of
    return [
        ("Kane", "Kane", "PROPN", "NNP", "nsubj", 1, "B-PERSON"),       # 0
        ("won", "win", "VERB", "VBD", "ROOT", 1, "O"),                  # 1
        ("the", "the", "DET", "DT", "det", 4, "O"),                     # 2
        ("Budweiser", "Budweiser", "PROPN", "NNP", "compound", 4, "O"),  # 3
        ("Man", "Man", "PROPN", "NNP", "dobj", 1, "O"),                  # 4
        ("of", "of", "ADP", "IN", "prep", 4, "O"),                      # 5
        ("the", "the", "DET", "DT", "det", 8, "O"),                     # 6
        (word, word, "PROPN", "NNP", "compound", 8, ent),               # 7
        ("award", "award", "NOUN", "NN", "pobj", 5, "O"),               # 8
        (".", ".", "PUNCT", ".", "punct", 1, "O"),                      # 9
    ]


def test_mentions_name_cut_inside_a_longer_title_is_none():
    """ "Kane won the Budweiser Man of the Match award.": no name "Budweiser Man"; what he won is the award,
    an unnamed concept with the whole title."""
    rows = _award_rows(("Match", "O"))
    assert "Budweiser Man" not in names(rows)
    won = mention_for(make_doc(rows)[4])
    assert won.text == "Budweiser Man of the Match award" and not won.is_named and won.type == "Concept"


def test_mentions_title_running_into_a_name_ner_found_stays():
    """Guard: "... Man of the England award": "of" runs into a name NER found, not into one title."""
    rows = _award_rows(("England", "B-GPE"))
    assert mention_for(make_doc(rows)[4]).text == "Budweiser Man"


@pytest.mark.parametrize("before, after, expected", [
    ("Wikileaks", ("Julian", "Assange"), "Julian Assange"),    # a word NER ran over a comma into the name
    ("King", ("Martin", "Jr."), "King, Martin Jr."),            # guard: no cut before a generational suffix
    ("Assange", ("Texas", "Rangers"), "Assange, Texas Rangers"),  # guard: no known given name after the comma
], ids=["cut", "suffix", "no-given-name"])
def test_mentions_person_ner_ran_over_a_comma(before, after, expected):
    rows = [
        ("website", "website", "NOUN", "NN", "ROOT", 0, "O"),
        (before, before, "PROPN", "NNP", "appos", 0, "B-PERSON"),
        (",", ",", "PUNCT", ",", "punct", 4, "I-PERSON"),
        (after[0], after[0], "PROPN", "NNP", "compound", 4, "I-PERSON"),
        (after[1], after[1], "PROPN", "NNP", "appos", 1, "I-PERSON"),
    ]
    doc = make_doc(rows)
    assert [m.text for m in named_mentions(doc)] == [expected]
    assert mention_for(doc[4]).text == expected
    assert (mention_for(doc[1]) is None) is (expected == "Julian Assange")


def test_mentions_organization_ner_ran_over_a_comma_into_a_person():
    """ "the website [Wikileaks, Julian Assange]ORG": the website and the person, two names."""
    rows = [
        ("website", "website", "NOUN", "NN", "ROOT", 0, "O"),
        ("Wikileaks", "Wikileaks", "NOUN", "NN", "appos", 0, "B-ORG"),
        (",", ",", "PUNCT", ",", "punct", 1, "I-ORG"),
        ("Julian", "Julian", "PROPN", "NNP", "compound", 4, "I-ORG"),
        ("Assange", "Assange", "PROPN", "NNP", "appos", 1, "I-ORG"),
    ]
    doc = make_doc(rows)
    assert {m.text: m.type for m in named_mentions(doc)} == {"Wikileaks": "Organization", "Julian Assange": "Person"}
    assert mention_for(doc[4]).text == "Julian Assange" and mention_for(doc[1]).text == "Wikileaks"


@pytest.mark.parametrize("det, word, dep, head, expected", [
    ("The", "Telegraph", "nsubj", 2, "Entity"),         # "The Telegraph reports": no person takes "the"
    ("The", "Obama", "compound", 2, "Person"),          # guard: "The Obama administration" names Obama
    ("Then", "Telegraph", "nsubj", 2, "Person"),        # guard: no "the", NER's label stays
], ids=["definite-head", "modifier", "no-the"])
def test_mentions_person_after_the_is_no_person(det, word, dep, head, expected):
    rows = [(det, det.lower(), "DET" if det == "The" else "ADV", "DT", "det", 1, "O"),
            (word, word, "PROPN", "NNP", dep, head, "B-PERSON"),
            ("reports" if dep == "nsubj" else "administration", "report", "NOUN" if dep == "compound" else "VERB",
             "VBZ", "ROOT", 2, "O")]
    assert names(rows)[word] == expected


def _rank_rows(org: tuple[str, ...], ent: str = "ORG") -> list:
    """ "confirmed by <org> Gen. Dana Atkins": NER's ``ent`` span ``org``, then a person with a rank before."""
    n = len(org)
    rows = [("confirmed", "confirm", "VERB", "VBN", "ROOT", 0, "O"), ("by", "by", "ADP", "IN", "agent", 0, "O")]
    rows += [(w, w, "PROPN", "NNP", "compound", n + 4, ("B-" if i == 0 else "I-") + ent) for i, w in enumerate(org)]
    rows += [("Gen.", "Gen.", "PROPN", "NNP", "compound", n + 4, "O"),
             ("Dana", "Dana", "PROPN", "NNP", "compound", n + 4, "B-PERSON"),
             ("Atkins", "Atkins", "PROPN", "NNP", "pobj", 1, "I-PERSON")]
    return rows


@pytest.mark.parametrize("org, expected", [
    (("Air", "Force", "Lt"), None),                          # a rank (and its service) NER called an organization
    (("Apple", "CEO"), "Apple"),                             # the organization before a title stays
    (("Department", "of", "Justice"), "Department of Justice"),  # guard: a title word after "of" is the name's
    (("Air", "Force"), "Air Force"),                         # guard: no title word at its end, no cut
], ids=["rank", "org-and-title", "of-connector", "no-title"])
def test_mentions_title_words_ending_a_name_before_a_person_are_cut(org, expected):
    found = names(_rank_rows(org))
    assert found["Dana Atkins"] == "Person"
    assert [t for t, kind in found.items() if kind != "Person"] == ([expected] if expected else [])


@pytest.mark.parametrize("words, ent, expected", [
    (("Crown", "Princess", "Victoria"), "PRODUCT", ("Victoria", "Person", "Crown Princess")),
    (("Able", "Seaman", "Ryan", "Donovan"), "PERSON", ("Ryan Donovan", "Person", "Able Seaman")),
    (("Colonel", "Gaddafi"), "PERSON", ("Gaddafi", "Person", "Colonel")),
    (("Dean", "Kamen"), "PERSON", ("Dean Kamen", "Person", "")),     # guard: a given name first is the name's
    (("Princess", "Victoria"), "PERSON", ("Princess Victoria", "Person", "")),  # guard: the same
], ids=["title-before-given-title", "rank", "colonel", "given-name-first", "given-name-title-first"])
def test_mentions_title_glued_before_a_name_goes_to_the_role(words, ent, expected):
    n = len(words)
    rows = [(w, w, "PROPN", "NNP", "compound" if i + 1 < n else "nsubj", n if i + 1 < n else n,
             ("B-" if i == 0 else "I-") + ent) for i, w in enumerate(words)]
    rows = [(w, l, p, t, d, n - 1 if i + 1 < n else n, e) for i, (w, l, p, t, d, _, e) in enumerate(rows)]
    rows.append(("married", "marry", "VERB", "VBD", "ROOT", n, "O"))
    found = [(m.text, m.type, m.title) for m in named_mentions(make_doc(rows))]
    assert found == [expected]


@pytest.mark.parametrize("words, ent, expected", [
    (("Raoul", "Moat", '"', "Wikinews"), "PERSON", ["Raoul Moat"]),   # a name never runs over a closing quote
    (("Chilean", "]", "Government"), "ORG", []),                       # nor a closing bracket ("Chilean" alone
                                                                       # is an adjective: no name)
    (("Operation", "\u201c", "Iraqi", "Freedom", "\u201d", "Two"), "ORG",
     ["Operation\u201c Iraqi Freedom\u201d Two"]),                   # guard: a quote opened inside the name
], ids=["quote", "bracket", "quote-opened-inside"])
def test_mentions_name_never_runs_over_a_closing_quote_or_bracket(words, ent, expected):
    rows = [(w, w, "PUNCT" if w in ('"', "]", "\u201c", "\u201d") else ("ADJ" if w == "Chilean" else "PROPN"),
             "JJ" if w == "Chilean" else "NNP", "compound", len(words) - 1, ("B-" if i == 0 else "I-") + ent)
            for i, w in enumerate(words)]
    rows[-1] = rows[-1][:4] + ("ROOT", len(words) - 1, rows[-1][6])
    assert [m.text for m in named_mentions(make_doc(rows))] == expected


def test_mentions_ner_begun_inside_a_quoted_nickname_is_the_name_after_it():
    """ 'extradite Christopher "[Dudus" Coke]': the name after the nickname's closing quote."""
    rows = [("extradite", "extradite", "VERB", "VB", "ROOT", 0, "O"),
            ("Christopher", "Christopher", "PROPN", "NNP", "compound", 5, "B-PERSON"),
            ('"', '"', "PUNCT", "``", "punct", 5, "O"),
            ("Dudus", "Dudus", "PROPN", "NNP", "nmod", 5, "B-PERSON"),
            ('"', '"', "PUNCT", "''", "punct", 5, "I-PERSON"),
            ("Coke", "Coke", "PROPN", "NNP", "dobj", 0, "I-PERSON")]
    doc = make_doc(rows, spaces=[True, True, False, False, True, False])
    assert doc.text == 'extradite Christopher "Dudus" Coke'
    assert [m.text for m in named_mentions(doc)] == ["Christopher", "Coke"]


def test_mentions_nickname_in_quotes_stays_inside_the_name():
    """Guard: 'Bernard "Barney" McGuigan' as one span opens its quote inside the name: no cut."""
    rows = [("Bernard", "Bernard", "PROPN", "NNP", "compound", 4, "B-PERSON"),
            ('"', '"', "PUNCT", "``", "punct", 4, "I-PERSON"),
            ("Barney", "Barney", "PROPN", "NNP", "nmod", 4, "I-PERSON"),
            ('"', '"', "PUNCT", "''", "punct", 4, "I-PERSON"),
            ("McGuigan", "McGuigan", "PROPN", "NNP", "nsubj", 5, "I-PERSON"),
            ("died", "die", "VERB", "VBD", "ROOT", 5, "O")]
    doc = make_doc(rows, spaces=[True, False, False, True, True, False])
    assert [m.text for m in named_mentions(doc)] == ['Bernard "Barney" McGuigan']


@pytest.mark.parametrize("words, expected", [
    (("National", "Park", "Service"), "National Park Service"),   # an organization word last: the whole name
    (("Real", "Irish", "Republican", "Army"), "Real Irish Republican Army"),
], ids=["park-service", "real-ira"])
def test_mentions_organization_name_keeps_its_leading_words(words, expected):
    """A name ending in an organization word keeps words that would be a title before a person's given name
    ("National [Park]", "Real [Irish]": "Park" and "Irish" are given names too)."""
    n = len(words)
    rows = [(w, w, "PROPN", "NNP", "compound" if i + 1 < n else "ROOT", n - 1, ("B-" if i == 0 else "I-") + "ORG")
            for i, w in enumerate(words)]
    assert names(rows) == {expected: "Organization"}


def _sentence_start_rows(word: str, later: str) -> list:
    """ "<word> are used . Towns ban <later> ." with NER calling the first word a person."""
    return [(word, word.lower(), "PROPN", "NNP", "nsubj", 2, "B-PERSON"),
            ("are", "be", "AUX", "VBP", "aux", 2, "O"),
            ("used", "use", "VERB", "VBN", "ROOT", 2, "O"),
            (".", ".", "PUNCT", ".", "punct", 2, "O"),
            ("Towns", "town", "NOUN", "NNS", "nsubj", 5, "O"),
            ("ban", "ban", "VERB", "VBP", "ROOT", 5, "O"),
            (later, later.lower(), "NOUN" if later.islower() else "PROPN", "NNS", "dobj", 5, "O"),
            (".", ".", "PUNCT", ".", "punct", 5, "O")]


@pytest.mark.parametrize("word, later, junk", [
    ("Fireworks", "fireworks", True),       # capitalized only where a sentence starts, lower case elsewhere
    ("Fireworks", "Fireworks", False),      # guard: capitalized inside a sentence too
    ("Fireworks", "rockets", False),        # guard: never written in lower case
], ids=["common", "capitalized-inside", "no-lower-case"])
def test_mentions_word_capitalized_only_at_sentence_start_is_no_name(word, later, junk):
    assert (word not in names(_sentence_start_rows(word, later))) is junk


def _hyphen_rows(words: tuple[str, ...], ent: str) -> list:
    """ "near W1-w2-W3" with NER's ``ent`` on the first word only; the words joined by hyphens, no spaces."""
    rows = [("near", "near", "ADP", "IN", "ROOT", 0, "O")]
    for k, w in enumerate(words):
        if k:
            rows.append(("-", "-", "PUNCT", "HYPH", "punct", 1, "O"))
        rows.append((w, w, "PROPN", "NNP", "pobj" if k == 0 else "appos", 0 if k == 0 else 1,
                     f"B-{ent}" if k == 0 else "O"))
    return rows


@pytest.mark.parametrize("words, expected", [
    (("Mazar", "e", "Sharif"), {"Mazar-e-Sharif": "Place"}),          # a particle between two capitalized words
    (("Stratford", "upon", "Avon"), {"Stratford-upon-Avon": "Place"}),
    (("Bosnia", "Herzegovina"), {"Bosnia": "Place", "Herzegovina": "Entity"}),  # guard: no particle, no join
], ids=["mazar", "stratford", "no-particle"])
def test_mentions_hyphenated_place_name_is_one_name(words, expected):
    rows = _hyphen_rows(words, "GPE")
    doc = make_doc(rows, spaces=[True] + [False] * (len(rows) - 1))
    assert {m.text: m.type for m in named_mentions(doc)} == expected
    assert mention_for(doc[len(doc) - 1]).text == ("-".join(words) if len(expected) == 1 else words[-1])


def test_mentions_hyphenated_name_without_ner_is_one_name():
    """No entity at all: the run from the first word takes the whole name; its last word is no name of its own."""
    rows = _hyphen_rows(("Mazar", "e", "Sharif"), "GPE")
    rows = [r[:6] + ("O",) for r in rows]
    doc = make_doc(rows, spaces=[True] + [False] * (len(rows) - 1))
    assert [m.text for m in named_mentions(doc)] == ["Mazar-e-Sharif"]
    assert mention_for(doc[1]).text == mention_for(doc[5]).text == "Mazar-e-Sharif"


@pytest.mark.parametrize("tail, expected", [
    (("of", "the"), "Korean War"),          # NER ran into "of the 1950s": no name ends in a connector
    (("of", "Korea"), "Korean War of Korea"),   # guard: a connector inside a name stays
], ids=["trailing", "inside"])
def test_mentions_name_never_ends_in_a_connector(tail, expected):
    rows = [("during", "during", "ADP", "IN", "ROOT", 0, "O"),
            ("Korean", "Korean", "PROPN", "NNP", "compound", 2, "B-EVENT"),
            ("War", "War", "PROPN", "NNP", "pobj", 0, "I-EVENT"),
            (tail[0], tail[0], "ADP", "IN", "prep", 2, "I-EVENT"),
            (tail[1], tail[1], "DET" if tail[1] == "the" else "PROPN", "DT" if tail[1] == "the" else "NNP",
             "det" if tail[1] == "the" else "pobj", 3, "I-EVENT")]
    if tail[1] == "the":
        rows.append(("1950s", "1950", "NUM", "CD", "pobj", 3, "B-DATE"))
    assert [m.text for m in named_mentions(make_doc(rows))] == [expected]


def _coalition_rows(first: str, last: str) -> list:
    """ "The Shia-Backed <first> of Law <last> won": no NER entity but "Shia"."""
    return [("The", "the", "DET", "DT", "det", 8, "O"),
            ("Shia", "Shia", "PROPN", "NNP", "npadvmod", 3, "B-NORP"),
            ("-", "-", "PUNCT", "HYPH", "punct", 3, "O"),
            ("Backed", "Backed", "PROPN", "NNP", "nmod", 4, "O"),
            (first, first, "PROPN", "NNP", "nmod", 7, "O"),
            ("of", "of", "ADP", "IN", "prep", 4, "O"),
            ("Law", "Law", "PROPN", "NNP", "pobj", 5, "O"),
            (last, last, "PROPN", "NNP", "nsubj", 8, "O"),
            ("won", "win", "VERB", "VBD", "ROOT", 8, "O")]


@pytest.mark.parametrize("first, last, expected", [
    ("State", "Coalition", "State of Law Coalition"),   # "of" inside an organization's name ending in its word
    ("State", "Review", "Law Review"),                  # guard: no organization word last, the runs stay apart
    ("Minister", "Party", "Law Party"),                 # guard: a title before "of" ("Minister of ...")
], ids=["org", "no-org-word", "title"])
def test_mentions_name_runs_over_of_into_an_organization_word(first, last, expected):
    rows = _coalition_rows(first, last)
    doc = make_doc(rows, spaces=[True, False, False, True, True, True, True, True, False])
    found = [m.text for m in named_mentions(doc)]
    assert expected in found and "Backed" not in " ".join(found)   # "Shia-Backed": a modifier, no name


@pytest.mark.parametrize("words, pos, expected", [
    (("120", "million", "INR"), ("NUM", "NUM", "PROPN"), []),          # an amount NER called an organization
    (("bin",), ("PROPN",), []),                                          # a name particle alone
    (("20th", "Century", "Fox"), ("ADJ", "PROPN", "PROPN"), ["20th Century Fox"]),  # guard: no magnitude word
    (("bin", "Laden"), ("PROPN", "PROPN"), ["bin Laden"]),              # guard: a particle inside a name
], ids=["amount", "particle", "number-first-name", "particle-in-name"])
def test_mentions_amount_or_lone_particle_is_no_name(words, pos, expected):
    n = len(words)
    rows = [("from", "from", "ADP", "IN", "ROOT", 0, "O")]
    rows += [(w, w, p, "CD" if p == "NUM" else "NNP", "pobj" if i + 1 == n else "compound", 0 if i + 1 == n else n,
              ("B-" if i == 0 else "I-") + "ORG") for i, (w, p) in enumerate(zip(words, pos))]
    assert [m.text for m in named_mentions(make_doc(rows))] == expected


def _facility(words: list[str], after: list | None = None) -> list:
    """"The <words...> said." with NER calling the words one organization (the last a facility head)."""
    n = len(words)
    rows = [("The", "the", "DET", "DT", "det", n, "O")]
    rows += [(w, w, "PROPN", "NNP", "compound" if k < n - 1 else "nsubj", n if k < n - 1 else n + 1,
              ("B-" if k == 0 else "I-") + "ORG") for k, w in enumerate(words)]
    rows += [("said", "say", "VERB", "VBD", "ROOT", n + 1, "O"), (".", ".", "PUNCT", ".", "punct", n + 1, "O")]
    return rows + (after or [])


def test_mentions_common_words_before_a_facility_head_are_no_name_of_their_own():
    """"The Storm Prediction Center said": "Storm Prediction" is no name the center is called after."""
    got = names(_facility(["Storm", "Prediction", "Center"]))
    assert "Storm Prediction Center" in got and "Storm Prediction" not in got


def test_mentions_name_before_a_facility_head_stays_when_given_or_written_apart():
    # guards: a person's name ("[Maria Lopez] Foundation") and a name the article writes alone too
    assert names(_facility(["Maria", "Lopez", "Foundation"]))["Maria Lopez"] == "Person"
    rows = _facility(["Metro", "Widget", "Center"])
    rows += [(w, le, p, t, d, h + len(rows), e) for w, le, p, t, d, h, e in
             [("Metro", "Metro", "PROPN", "NNP", "compound", 1, "O"), ("Widget", "Widget", "PROPN", "NNP", "nsubj", 2, "O"),
              ("grew", "grow", "VERB", "VBD", "ROOT", 2, "O"), (".", ".", "PUNCT", ".", "punct", 2, "O")]]
    doc = make_doc(rows)
    assert [p.text for p, _ in nested_names(doc[1:4])] == ["Metro Widget"]
    assert [p.text for p, _ in nested_names(make_doc(_facility(["Metro", "Widget", "Center"]))[1:4])] == []
    assert [p.text for p, _ in nested_names(make_doc(_facility(["Harborview", "Medical", "Center"]))[1:4])] == [
        "Harborview Medical"]
    # a word that is no common English word makes a name of its own: "[Nizhny Novgorod] Stadium"
    assert [p.text for p, _ in nested_names(make_doc(_facility(["Nizhny", "Novgorod", "Stadium"]))[1:4])] == [
        "Nizhny Novgorod"]


def _hyphen_doc(surname, syllable, hyphen, tail, tail_pos="PROPN"):
    rows = [
        (surname, surname, "PROPN", "NNP", "compound", 1, "B-PERSON"),
        (syllable, syllable, "PROPN", "NNP", "nsubj", 4, "I-PERSON"),
        (hyphen, hyphen, "PUNCT", "HYPH", "punct", 1, "O"),
        (tail, tail, tail_pos, "NN", "compound", 1, "O"),
        ("won", "win", "VERB", "VBD", "ROOT", 4, "O"),
    ]
    return make_doc(rows, spaces=[True, False, False, True, False])


def test_mentions_second_syllable_of_a_hyphenated_given_name_joins_the_name():
    doc = _hyphen_doc("Wong", "Kwok", "-", "hing")
    assert doc.text == "Wong Kwok-hing won"
    assert [m.text for m in named_mentions(doc)] == ["Wong Kwok-hing"]


def test_mentions_hyphenated_modifier_after_a_name_stays_out():
    doc = _hyphen_doc("Barack", "Obama", "-", "era", "NOUN")     # "Obama" is no syllable
    assert [m.text for m in named_mentions(doc)] == ["Barack Obama"]
    doc = _hyphen_doc("Wong", "Kwok", "-", "led", "VERB")        # "led" is no syllable
    assert [m.text for m in named_mentions(doc)] == ["Wong Kwok"]


def test_mentions_a_one_word_name_written_twice_is_one_name():
    rows = [
        ("of", "of", "ADP", "IN", "ROOT", 0, "O"),
        ("Duran", "Duran", "PROPN", "NNP", "compound", 2, "B-ORG"),
        ("Duran", "Duran", "PROPN", "NNP", "pobj", 0, "O"),
    ]
    assert names(rows) == {"Duran Duran": "Organization"}
    rows = [
        ("Paris", "Paris", "PROPN", "NNP", "nsubj", 1, "B-GPE"),
        ("met", "meet", "VERB", "VBD", "ROOT", 1, "O"),
        ("Paris", "Paris", "PROPN", "NNP", "dobj", 1, "B-GPE"),
    ]
    assert set(names(rows)) == {"Paris"}


def _org_then_person(words, ner="ORG"):
    rows = [("of", "of", "ADP", "IN", "ROOT", 0, "O")]
    n = len(words)
    for i, w in enumerate(words):
        rows.append((w, w, "PROPN", "NNP", "pobj" if i == n - 1 else "compound", n, ("B-" if i == 0 else "I-") + ner))
    rows.append(("said", "say", "VERB", "VBD", "ROOT", n + 1, "O"))
    return rows


def test_mentions_person_ner_ran_into_an_organization_is_a_name_of_its_own():
    got = names(_org_then_person(["Council", "on", "Islamic", "Relations", "Alia", "Salem"]))
    assert got == {"Council on Islamic Relations": "Organization", "Alia Salem": "Person"}


def test_mentions_organization_ending_in_a_persons_name_stays_one():
    got = names(_org_then_person(["JP", "Morgan", "Chase"]))          # no organization word before "Morgan"
    assert "JP Morgan Chase" in got and "Morgan Chase" not in got
    got = names(_org_then_person(["Ford", "Foundation", "Grant", "Program"]))   # "Program" is a word
    assert "Alia Salem" not in got and "Grant Program" not in got


def test_mentions_plural_word_after_a_given_name_is_no_surname():
    rows = _org_then_person(["Football", "League", "Semi", "Finals"])
    rows[4] = ("Finals", "final", "PROPN", "NNPS", "pobj", 4, "I-ORG")
    got = names(rows)
    assert "Football League Semi Finals" in got and "Semi Finals" not in got


def test_mentions_romance_article_before_a_name_is_part_of_it():
    rows = [
        ("Italy", "Italy", "PROPN", "NNP", "poss", 3, "B-GPE"),
        ("'s", "'s", "PART", "POS", "case", 0, "O"),
        ("la", "la", "DET", "DT", "det", 3, "O"),
        ("Repubblica", "Repubblica", "PROPN", "NNP", "ROOT", 3, "B-ORG"),
    ]
    assert names(rows) == {"Italy": "Place", "la Repubblica": "Organization"}
    rows = [
        ("in", "in", "ADP", "IN", "ROOT", 0, "O"),
        ("the", "the", "DET", "DT", "det", 3, "O"),
        ("la", "la", "X", "FW", "compound", 3, "O"),
        ("Repubblica", "Repubblica", "PROPN", "NNP", "pobj", 0, "B-ORG"),
    ]
    assert "Repubblica" in names(rows)      # the English article before it: "la" stays out
    rows[1] = ("de", "de", "X", "FW", "compound", 3, "O")
    assert "la Repubblica" not in names(rows)     # inside a longer Romance name ("Museo de la Armada")


def test_mentions_words_of_a_script_without_capitals_are_cut_from_a_name():
    rows = [
        ("COVID-19", "COVID-19", "PROPN", "NNP", "pobj", 1, "B-ORG"),
        ("से", "से", "PROPN", "NNP", "ROOT", 1, "I-ORG"),
    ]
    assert names(rows) == {"COVID-19": "Organization"}


def test_mentions_name_all_in_a_script_without_capitals_is_no_name():
    rows = [
        ("आगरा", "आगरा", "PROPN", "NNP", "compound", 2, "B-PERSON"),
        ("से", "से", "PROPN", "NNP", "compound", 2, "I-PERSON"),
        ("या", "या", "PROPN", "NNP", "ROOT", 2, "I-PERSON"),
    ]
    assert names(rows) == {}


def test_mentions_letters_with_diacritics_keep_their_name():
    rows = [
        ("Recep", "Recep", "PROPN", "NNP", "compound", 2, "B-PERSON"),
        ("Tayyip", "Tayyip", "PROPN", "NNP", "compound", 2, "I-PERSON"),
        ("Erdoğan", "Erdoğan", "PROPN", "NNP", "nsubj", 3, "I-PERSON"),
        ("spoke", "speak", "VERB", "VBD", "ROOT", 3, "O"),
    ]
    assert names(rows) == {"Recep Tayyip Erdoğan": "Person"}


def _before_title(word: str, label: str) -> list:
    return [
        (word, word, "PROPN", "NNP", "compound", 1, f"B-{label}"),
        ("Secretary", "Secretary", "PROPN", "NNP", "compound", 3, "O"),
        ("Alan", "Alan", "PROPN", "NNP", "compound", 3, "B-PERSON"),
        ("Johnson", "Johnson", "PROPN", "NNP", "nsubj", 4, "I-PERSON"),
        ("spoke", "speak", "VERB", "VBD", "ROOT", 4, "O"),
    ]


def test_mentions_title_word_written_only_before_a_title_is_no_name():
    assert names(_before_title("Home", "ORG")) == {"Alan Johnson": "Person"}


def test_mentions_title_word_written_elsewhere_too_is_left_to_the_other_rules():
    rows = _before_title("Home", "ORG") + [
        ("at", "at", "ADP", "IN", "prep", 4, "O"),
        ("Home", "Home", "PROPN", "NNP", "pobj", 5, "B-ORG"),
    ]
    assert "Home" in names(rows)


def test_mentions_name_before_a_title_stays_a_name():
    assert names(_before_title("Labour", "ORG")) == {"Labour": "Organization", "Alan Johnson": "Person"}


def _quoted(word: str, pos: str, tag: str) -> tuple[list, list[bool]]:
    rows = [
        ("He", "he", "PRON", "PRP", "nsubj", 1, "O"),
        ("said", "say", "VERB", "VBD", "ROOT", 1, "O"),
        ('"', '"', "PUNCT", "``", "punct", 5, "O"),
        (word, word, pos, tag, "nsubj", 5, "O"),
        ("is", "be", "AUX", "VBZ", "aux", 5, "O"),
        ("toxic", "toxic", "ADJ", "JJ", "ccomp", 1, "O"),
    ]
    return rows, [True, True, False, True, True, False]


def test_mentions_common_noun_capitalized_only_by_opening_a_quotation_is_no_name():
    rows, spaces = _quoted("Fat", "NOUN", "NN")
    doc = make_doc(rows, spaces=spaces)
    assert doc.text == 'He said "Fat is toxic'
    assert mention_for(doc[3]).is_named is False


@pytest.mark.parametrize("word, pos, tag", [("Tesco", "PROPN", "NNP"), ("Iceland", "NOUN", "NN")],
                         ids=["proper-noun", "no-common-word"])
def test_mentions_name_opening_a_quotation_stays_a_name(word, pos, tag):
    rows, spaces = _quoted(word, pos, tag)
    assert mention_for(make_doc(rows, spaces=spaces)[3]).is_named is True


def test_mentions_capitalized_common_noun_inside_a_sentence_stays_a_name():
    rows, _ = _quoted("Internet", "NOUN", "NN")
    rows[2] = ("the", "the", "DET", "DT", "det", 3, "O")
    doc = make_doc(rows, spaces=[True] * 5 + [False])
    assert doc.text == "He said the Internet is toxic" and mention_for(doc[3]).is_named is True


def _two_names(first: str, second: str, label: str, *, alone: tuple[bool, bool]) -> list:
    rows = [
        (first, first, "PROPN", "NNP", "nsubj", 3, f"B-{label}"),
        ("and", "and", "CCONJ", "CC", "cc", 0, f"I-{label}"),
        (second, second, "PROPN", "NNP", "conj", 0, f"I-{label}"),
        ("disagreed", "disagree", "VERB", "VBD", "ROOT", 3, "O"),
        (".", ".", "PUNCT", ".", "punct", 3, "O"),
    ]
    for word, written in zip((first, second), alone):
        if written:
            n = len(rows)
            rows += [(word, word, "PROPN", "NNP", "nsubj", n + 1, "B-PERSON"), ("spoke", "speak", "VERB", "VBD", "ROOT", n + 1, "O"),
                     (".", ".", "PUNCT", ".", "punct", n + 1, "O")]
    return rows


def test_mentions_two_names_ner_ran_together_are_no_third_name():
    """ "[Carroll and Riva] disagreed" beside "Carroll spoke", "Riva spoke": two people, not an organization."""
    found = names(_two_names("Carroll", "Riva", "ORG", alone=(True, True)))
    assert "Carroll and Riva" not in found and {"Carroll", "Riva"} <= set(found)


@pytest.mark.parametrize("alone", [(True, False), (False, False)], ids=["one-side-alone", "neither-alone"])
def test_mentions_one_name_with_and_inside_stays_whole(alone):
    """Guard: "Procter & Gamble" stays one name unless the article writes both sides alone."""
    assert "Procter and Gamble" in names(_two_names("Procter", "Gamble", "ORG", alone=alone))



def _plural_first_rows(word: str, tag: str, ent: str) -> list:
    """ "The match ended . <word> were paid ." with <word> a plural proper noun first in its sentence."""
    return [("The", "the", "DET", "DT", "det", 1, "O"),
            ("match", "match", "NOUN", "NN", "nsubj", 2, "O"),
            ("ended", "end", "VERB", "VBD", "ROOT", 2, "O"),
            (".", ".", "PUNCT", ".", "punct", 2, "O"),
            (word, word, "PROPN", tag, "nsubjpass", 6, ent),
            ("were", "be", "AUX", "VBD", "auxpass", 6, "O"),
            ("paid", "pay", "VERB", "VBN", "ROOT", 6, "O"),
            (".", ".", "PUNCT", ".", "punct", 6, "O")]


@pytest.mark.parametrize("word, tag, ent, junk", [
    ("Tributes", "NNPS", "B-GPE", True),     # a plural common noun capitalized by its place first in a sentence
    ("Stories", "NNPS", "B-ORG", True),      # "-ies" plural of a common word
    ("Reuters", "NNPS", "B-ORG", False),     # guard: no plural of an English word
    ("Democrats", "NNPS", "B-NORP", False),  # guard: a group NER names
    ("Tributes", "NNP", "B-GPE", False),     # guard: a singular proper noun tag
    ("Philippines", "NNPS", "B-GPE", False),  # guard: a place
    ("Rovers", "NNPS", "B-ORG", False),      # guard: an institution's word ("Blackburn Rovers")
], ids=["tributes", "stories", "reuters", "norp", "singular-tag", "place", "institution"])
def test_mentions_sentence_first_plural_common_noun_is_no_name(word, tag, ent, junk):
    assert (word not in names(_plural_first_rows(word, tag, ent))) is junk


def test_mentions_plural_capitalized_inside_a_sentence_too_is_left():
    # guard: "Giants won . Fans cheered the Giants ." -- the article capitalizes it mid-sentence: a name
    rows = _plural_first_rows("Giants", "NNPS", "B-ORG")
    rows += [("Fans", "fan", "NOUN", "NNS", "nsubj", 9, "O"), ("cheered", "cheer", "VERB", "VBD", "ROOT", 9, "O"),
             ("the", "the", "DET", "DT", "det", 11, "O"), ("Giants", "Giants", "PROPN", "NNPS", "dobj", 9, "B-ORG"),
             (".", ".", "PUNCT", ".", "punct", 9, "O")]
    assert "Giants" in names(rows)
    assert "Giants" not in names(_plural_first_rows("Giants", "NNPS", "B-ORG"))


@pytest.mark.parametrize("word, ent, junk", [
    ("Attendance", "B-PERSON", True),   # "Attendance was underwhelming": a common word NER called a person
    ("Debris", "B-PERSON", True),       # a common word the article capitalizes nowhere but first in a sentence
    ("Politico", "B-ORG", False),       # guard: a one-word organization NER names (an outlet, a company)
    ("Reuters", "B-ORG", False),        # guard: no English word
    ("Mark", "B-PERSON", False),        # guard: a given name
    ("Turkey", "B-GPE", False),         # guard: a place
], ids=["attendance", "only-first", "organization", "reuters", "given-name", "place"])
def test_mentions_singular_common_word_capitalized_only_first_is_no_name(word, ent, junk):
    assert (word not in names(_plural_first_rows(word, "NNP", ent))) is junk


@pytest.mark.parametrize("later", [
    [("the", "the", "DET", "DT", "det", 11, "O"), ("Debris", "Debris", "PROPN", "NNP", "dobj", 9, "B-PERSON")],
    [("John", "John", "PROPN", "NNP", "compound", 11, "B-PERSON"), ("Debris", "Debris", "PROPN", "NNP", "dobj", 9, "I-PERSON")],
], ids=["capitalized-mid-sentence", "inside-a-longer-name"])
def test_mentions_common_word_written_as_a_name_elsewhere_stays(later):
    # guard: "Debris were paid . Fans cheered the Debris ." / "... cheered John Debris ." -- written as a name elsewhere
    rows = _plural_first_rows("Debris", "NNP", "B-PERSON")
    rows += [("Fans", "fan", "NOUN", "NNS", "nsubj", 9, "O"), ("cheered", "cheer", "VERB", "VBD", "ROOT", 9, "O"),
             *later, (".", ".", "PUNCT", ".", "punct", 9, "O")]
    assert "Debris" in names(rows)


@pytest.mark.parametrize("words, label, junk", [
    (("850p",), "PRODUCT", True),          # a price in pence
    (("698k",), "ORG", True),              # a number in thousands
    (("80.46", "kph"), "ORG", True),       # a speed with its unit apart
    (("8chan",), "ORG", False),            # guard: a name that starts with a digit
    (("18", "FM"), "ORG", False),          # guard: a capitalized word after the number
], ids=["pence", "thousands", "speed", "digit-name", "capitalized-after-number"])
def test_mentions_amount_with_its_unit_is_no_name(words, label, junk):
    rows = [("It", "it", "PRON", "PRP", "nsubj", 1, "O"), ("reached", "reach", "VERB", "VBD", "ROOT", 1, "O")]
    for k, w in enumerate(words):
        rows.append((w, w, "PROPN" if k == len(words) - 1 else "NUM", "NNP" if k == len(words) - 1 else "CD",
                     "dobj" if k == len(words) - 1 else "nummod", 1 if k == len(words) - 1 else len(rows) + 1,
                     ("B-" if k == 0 else "I-") + label))
    rows.append((".", ".", "PUNCT", ".", "punct", 1, "O"))
    assert (" ".join(words) not in names(rows)) is junk
