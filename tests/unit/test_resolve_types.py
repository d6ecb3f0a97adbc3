"""Types by evidence and names that are no names: cues on hand-built Docs, votes on plain values. No model."""
from __future__ import annotations

from collections import Counter

import pytest

from kg.extract.mentions import named_mentions
from kg.extract.types import display_name
from kg.models import Entity, Mention
from kg.resolve.merge import merge_entities
from kg.resolve.type_vote import decide, mention_votes
from tests.docs import make_doc


def by_text(rows, **kw) -> dict[str, Mention]:
    return {m.text: m for m in named_mentions(make_doc(rows, **kw))}


MATTIS = [
    ("Defense", "Defense", "PROPN", "NNP", "compound", 2, "B-ORG"),     # 0  NER glued the title and says ORG
    ("Jim", "Jim", "PROPN", "NNP", "compound", 2, "I-ORG"),            # 1
    ("Mattis", "Mattis", "PROPN", "NNP", "nsubj", 3, "I-ORG"),         # 2
    ("resigned", "resign", "VERB", "VBD", "ROOT", 3, "O"),             # 3
    (".", ".", "PUNCT", ".", "punct", 3, "O"),                         # 4
]


def test_types_title_is_stripped_from_the_label_and_kept_as_the_role():
    ms = by_text(MATTIS)
    assert "Defense Jim Mattis" not in ms
    mattis = ms["Jim Mattis"]
    assert mattis.title == "Defense"
    assert {"given-name", "person-verb"} <= set(mattis.cues)


def test_types_title_written_before_a_name_is_a_person_cue():
    rows = [
        ("Prime", "Prime", "PROPN", "NNP", "compound", 1, "O"),
        ("Minister", "Minister", "PROPN", "NNP", "compound", 3, "O"),
        ("Imran", "Imran", "PROPN", "NNP", "compound", 3, "B-ORG"),
        ("Khan", "Khan", "PROPN", "NNP", "nsubj", 4, "I-ORG"),
        ("spoke", "speak", "VERB", "VBD", "ROOT", 4, "O"),
    ]
    khan = by_text(rows)["Imran Khan"]
    assert khan.title == "Prime Minister" and "title" in khan.cues
    assert decide(mention_votes([khan]), [khan.text]) == "Person"     # NER's ORG is outvoted by the title


def test_types_chef_glued_to_a_name_is_cut():
    rows = [
        ("Chefs", "chef", "NOUN", "NNS", "compound", 2, "B-PERSON"),
        ("Jamie", "Jamie", "PROPN", "NNP", "compound", 2, "I-PERSON"),
        ("Oliver", "Oliver", "PROPN", "NNP", "ROOT", 2, "I-PERSON"),
    ]
    assert set(by_text(rows)) == {"Jamie Oliver"}


def test_types_given_name_that_is_a_title_word_stays():
    rows = [("Dean", "Dean", "PROPN", "NNP", "compound", 1, "B-PERSON"),
            ("Kamen", "Kamen", "PROPN", "NNP", "ROOT", 1, "I-PERSON")]
    assert set(by_text(rows)) == {"Dean Kamen"}


@pytest.mark.parametrize("word, pos, tag, label", [
    ("One", "NUM", "CD", "ORG"), ("Students", "NOUN", "NNS", "ORG"), ("Heartfelt", "ADJ", "JJ", "PERSON"),
    ("PhD", "PROPN", "NNP", "WORK_OF_ART"), ("Ph.D.", "PROPN", "NNP", "ORG"), ("MSc", "PROPN", "NNP", "ORG"),
], ids=["number-word", "plural-common-noun", "adjective", "academic-degree", "academic-degree-dotted", "academic-degree-msc"])
def test_types_common_words_are_no_names(word, pos, tag, label):
    rows = [(word, word.lower(), pos, tag, "nsubj", 1, f"B-{label}"), ("left", "leave", "VERB", "VBD", "ROOT", 1, "O")]
    assert by_text(rows) == {}


def test_types_lower_case_prefix_is_no_name():
    rows = [("post", "post", "ADJ", "JJ", "amod", 2, "B-NORP"), ("-", "-", "PUNCT", "HYPH", "punct", 2, "I-NORP"),
            ("Brexit", "Brexit", "PROPN", "NNP", "ROOT", 2, "I-NORP")]
    assert "post-Brexit" not in by_text(rows, spaces=[False, False, False])


def test_types_a_name_holding_a_degree_word_stays_a_name():
    # guard: only the degree alone is no name ("PhD Comics" is a name)
    rows = [("PhD", "PhD", "PROPN", "NNP", "compound", 1, "B-ORG"), ("Comics", "Comics", "PROPN", "NNP", "nsubj", 2, "I-ORG"),
            ("left", "leave", "VERB", "VBD", "ROOT", 2, "O")]
    assert "PhD Comics" in by_text(rows)
    # nor is an acronym written in capitals ("MSC", the shipping company, is no MSc)
    rows = [("MSC", "MSC", "PROPN", "NNP", "nsubj", 1, "B-ORG"), ("left", "leave", "VERB", "VBD", "ROOT", 1, "O")]
    assert "MSC" in by_text(rows)


def test_types_name_running_over_a_sentence_end_is_no_name():
    """ "हमें मिलता है। हम community" as one ORG: a danda (or a full stop token) inside ends a sentence."""
    rows = [("समुदाय", "समुदाय", "PROPN", "NNP", "compound", 2, "B-ORG"), ("से।", "से।", "PROPN", "NNP", "compound", 2, "I-ORG"),
            ("Community", "Community", "PROPN", "NNP", "nsubj", 3, "I-ORG"), ("left", "leave", "VERB", "VBD", "ROOT", 3, "O")]
    assert not any("\u0964" in name for name in by_text(rows))
    # guard: dots inside a token ("U.S. Army", "St. Louis") are no sentence end
    rows = [("U.S.", "U.S.", "PROPN", "NNP", "compound", 1, "B-ORG"), ("Army", "Army", "PROPN", "NNP", "nsubj", 2, "I-ORG"),
            ("left", "leave", "VERB", "VBD", "ROOT", 2, "O")]
    assert "U.S. Army" in by_text(rows)


@pytest.mark.parametrize("word, lower_elsewhere, junk", [("Community", True, True), ("Obama", False, False)])
def test_types_word_capitalized_after_a_danda_is_no_name(word, lower_elsewhere, junk):
    """ "...हमारा।  Community को": a sentence start the parser missed; the article's lower-case "community"
    says it is a common word. Guard: "।  Obama" (never written in lower case) stays a name."""
    rows = [("हमारा।", "हमारा।", "X", "FW", "dep", 1, "O"), (word, word, "PROPN", "NNP", "nsubj", 2, "B-ORG"),
            ("को", "को", "X", "FW", "ROOT", 2, "O")]
    if lower_elsewhere:
        rows += [("the", "the", "DET", "DT", "det", 4, "O"), (word.lower(), word.lower(), "NOUN", "NN", "ROOT", 4, "O")]
    assert (word not in by_text(rows)) is junk


def test_types_acronym_is_not_a_number_word():
    rows = [("FIRST", "first", "PROPN", "NNP", "nsubj", 1, "B-ORG"), ("won", "win", "VERB", "VBD", "ROOT", 1, "O")]
    assert "FIRST" in by_text(rows)


@pytest.mark.parametrize("text, label", [
    ("WASHINGTON", "Washington"), ("NEW YORK", "New York"), ("NATO", "NATO"), ("UNESCO", "UNESCO"), ("DPRK", "DPRK"),
    ("CHINA", "China"),
    ("Barack\n Obama ", "Barack Obama"),
])
def test_types_display_name_is_one_line_and_dateline_capitals_are_normalised(text, label):
    assert display_name(text) == label


def test_types_known_place_is_never_a_person():
    assert decide(Counter({"Person": 10, "Place": 2}), ["Paris"]) == "Place"
    assert decide(Counter({"Person": 10}), ["Jackson"]) == "Person"     # a town of 100,000 may be a surname


@pytest.mark.parametrize("name", ["Turkey", "Türkiye", "Ivory Coast", "Brunei", "Cape Verde", "East Timor",
                                  "Democratic Republic of the Congo", "DR Congo"])
def test_types_country_known_by_its_english_news_name_is_never_a_person(name):
    """ISO 3166-1 calls them Türkiye, Côte d'Ivoire ...; news writes Turkey, Ivory Coast: both are countries."""
    assert decide(Counter({"Person": 10, "Place": 2}), [name]) == "Place"


@pytest.mark.parametrize("name", ["Ciudad Juárez", "Ciudad Juarez", "CIUDAD JUÁREZ".title(), "São Paulo", "Sao Paulo"])
def test_types_known_place_with_diacritics_is_never_a_person(name):
    # the place list keeps names with diacritics and is matched with or without them
    assert decide(Counter({"Person": 10, "Place": 2}), [name]) == "Place"


def test_types_place_inside_a_name_is_found_without_its_diacritics():
    rows = [("University", "University", "PROPN", "NNP", "nsubj", 3, "B-ORG"), ("of", "of", "ADP", "IN", "prep", 0, "I-ORG"),
            ("Zurich", "Zurich", "PROPN", "NNP", "pobj", 1, "I-ORG"), ("grew", "grow", "VERB", "VBD", "ROOT", 3, "O")]
    found = by_text(rows)
    assert found["Zurich"].type == "Place" and found["University of Zurich"].type == "Organization"


def test_types_given_name_with_a_person_cue_is_never_an_organization():
    votes = Counter({"Organization": 20, "Person": 2, "cue:given-name": 1, "cue:given-name-person": 1})
    assert decide(votes, ["Donald Trump"]) == "Person"
    assert decide(Counter({"Organization": 20, "Person": 2, "cue:given-name": 1}), ["Jordan Valley Co"]) == "Organization"


@pytest.mark.parametrize("first, second, label", [("Al", "Qaeda", "ORG"), ("Apple", "Inc.", "ORG")])
def test_types_particle_or_org_suffix_is_no_given_name_cue(first, second, label):
    rows = [(first, first, "PROPN", "NNP", "compound", 1, f"B-{label}"),
            (second, second, "PROPN", "NNP", "nsubj", 2, f"I-{label}"),
            ("thinks", "think", "VERB", "VBZ", "ROOT", 2, "O")]
    [m] = by_text(rows).values()
    assert "given-name" not in m.cues and "given-name-person" not in m.cues


def test_types_new_york_city_keeps_its_first_word():
    rows = [("New", "New", "PROPN", "NNP", "compound", 2, "B-GPE"), ("York", "York", "PROPN", "NNP", "compound", 2, "I-GPE"),
            ("City", "City", "PROPN", "NNP", "ROOT", 2, "I-GPE")]
    assert "New York City" in by_text(rows) and "York City" not in by_text(rows)


def test_types_short_forms_do_not_vote_against_the_full_name():
    ms = [Mention(text="Julian Assange", start=0, end=14, type="Person", ner_label="PERSON", is_named=True)] + [
        Mention(text="Assange", start=100 * i, end=100 * i + 7, type="Organization", ner_label="ORG", is_named=True)
        for i in range(1, 6)]
    assert decide(mention_votes(ms), {m.text for m in ms}) == "Person"


def test_types_corpus_vote_outweighs_one_article_slip():
    def art(aid: str, kind: str, n: int) -> Entity:
        return Entity(key="mike-pence", label="Mike Pence", type=kind, articles=(aid,), mentions=n,
                      type_votes=((kind, 2 * n),))
    merged = merge_entities([art("a1", "Organization", 3), art("a2", "Person", 2), art("a3", "Person", 2)], merges={})
    assert merged["mike-pence"].type == "Person"


@pytest.mark.parametrize("word", ["Professor", "UTC"])
def test_types_a_title_or_time_zone_alone_is_no_name(word):
    rows = [(word, word.lower(), "PROPN", "NNP", "nsubj", 1, "B-ORG"), ("left", "leave", "VERB", "VBD", "ROOT", 1, "O")]
    assert by_text(rows) == {}


def test_types_role_noun_before_a_name_is_a_title():
    rows = [
        ("WikiLeaks", "WikiLeaks", "PROPN", "NNP", "compound", 1, "B-ORG"),
        ("founder", "founder", "NOUN", "NN", "compound", 3, "O"),
        ("Julian", "Julian", "PROPN", "NNP", "compound", 3, "B-ORG"),
        ("Assange", "Assange", "PROPN", "NNP", "nsubj", 4, "I-ORG"),
        ("spoke", "speak", "VERB", "VBD", "ROOT", 4, "O"),
    ]
    assange = by_text(rows)["Julian Assange"]
    assert assange.title == "founder" and decide(mention_votes([assange]), [assange.text]) == "Person"


def test_types_title_must_stand_right_before_the_name():
    rows = [
        ("manager", "manager", "NOUN", "NN", "nsubj", 4, "O"),
        ("of", "of", "ADP", "IN", "prep", 0, "O"),
        ("the", "the", "DET", "DT", "det", 3, "O"),
        ("CentOS", "CentOS", "PROPN", "NNP", "pobj", 1, "B-ORG"),
        ("spoke", "speak", "VERB", "VBD", "ROOT", 4, "O"),
    ]
    centos = by_text(rows)["CentOS"]
    assert centos.title == "" and "title" not in centos.cues


def test_types_title_is_stripped_from_a_name_ner_missed():
    rows = [
        ("Police", "Police", "PROPN", "NNP", "compound", 3, "O"),
        ("Constable", "Constable", "PROPN", "NNP", "compound", 3, "O"),
        ("Stephen", "Stephen", "PROPN", "NNP", "compound", 3, "O"),
        ("Mitchell", "Mitchell", "PROPN", "NNP", "nsubj", 4, "O"),
        ("spoke", "speak", "VERB", "VBD", "ROOT", 4, "O"),
    ]
    ms = by_text(rows)
    assert "Police Constable Stephen Mitchell" not in ms and ms["Stephen Mitchell"].type == "Person"


def test_types_hyphenated_title_is_one_role():
    """ "NATO Secretary-General Jens Stoltenberg": the role is "Secretary-General", not "General"."""
    rows = [
        ("NATO", "NATO", "PROPN", "NNP", "compound", 3, "B-ORG"),
        ("Secretary", "Secretary", "PROPN", "NNP", "compound", 3, "O"),
        ("-", "-", "PUNCT", "HYPH", "punct", 3, "O"),
        ("General", "General", "PROPN", "NNP", "compound", 5, "O"),
        ("Jens", "Jens", "PROPN", "NNP", "compound", 5, "B-PERSON"),
        ("Stoltenberg", "Stoltenberg", "PROPN", "NNP", "nsubj", 6, "I-PERSON"),
        ("spoke", "speak", "VERB", "VBD", "ROOT", 6, "O"),
    ]
    assert by_text(rows)["Jens Stoltenberg"].title.replace(" ", "") == "Secretary-General"


def _defined(verb: str = "is", det: str = "an", neg: bool = False) -> list:
    """"Minetest <verb> [not] <det> open game." with NER calling Minetest an organization."""
    rows = [("Minetest", "Minetest", "PROPN", "NNP", "nsubj", 1, "B-ORG"),
            (verb, "be", "AUX", {"is": "VBZ", "was": "VBD", "be": "VB"}[verb], "ROOT", 1, "O")]
    if neg:
        rows.append(("not", "not", "PART", "RB", "neg", 1, "O"))
    n = len(rows)
    rows += [(det, det.lower(), "DET", "DT", "det", n + 2, "O"), ("open", "open", "ADJ", "JJ", "amod", n + 2, "O"),
             ("game", "game", "NOUN", "NN", "attr", 1, "O"), (".", ".", "PUNCT", ".", "punct", 1, "O")]
    return rows


def test_types_a_definition_is_a_cue_that_outweighs_ner():
    """"Minetest is an open-source game": the text says what it is; NER's ORG on every mention does not."""
    minetest = by_text(_defined())["Minetest"]
    assert "defined-product" in minetest.cues
    plain = Mention(text="Minetest", start=0, end=8, type="Organization", ner_label="ORG", is_named=True)
    votes = mention_votes([minetest] + [plain] * 20)     # one definition, twenty more ORG labels
    assert votes["Organization"] > votes["Product"] and decide(votes, ["Minetest"]) == "Product"


@pytest.mark.parametrize("kw", [{"neg": True}, {"det": "the"}], ids=["negated", "definite"])
def test_types_no_definition_without_a_plain_indefinite_predicate(kw):
    """"Minetest is not a game" and "Minetest is the game" (an identity, not a class) define nothing."""
    assert not any(c.startswith("defined-") for c in by_text(_defined(**kw))["Minetest"].cues)


def test_types_apposition_after_of_phrase_defines_nothing():
    """"Robert Seiden of Confidential Security, a New York firm": the firm may be the organization."""
    ms = by_text([
        ("Robert", "Robert", "PROPN", "NNP", "compound", 1, "B-PERSON"),     # 0
        ("Seiden", "Seiden", "PROPN", "NNP", "nsubj", 8, "I-PERSON"),        # 1
        ("of", "of", "ADP", "IN", "prep", 1, "O"),                           # 2
        ("Acme", "Acme", "PROPN", "NNP", "pobj", 2, "B-ORG"),                # 3
        (",", ",", "PUNCT", ",", "punct", 1, "O"),                           # 4
        ("a", "a", "DET", "DT", "det", 6, "O"),                              # 5
        ("firm", "firm", "NOUN", "NN", "appos", 1, "O"),                     # 6
        (",", ",", "PUNCT", ",", "punct", 1, "O"),                           # 7
        ("said", "say", "VERB", "VBD", "ROOT", 8, "O"),                      # 8
        (".", ".", "PUNCT", ".", "punct", 8, "O"),                           # 9
    ])
    assert not any(c.startswith("defined-") for c in ms["Robert Seiden"].cues)


def test_types_known_place_defined_as_something_else_stays_a_place():
    """"Rogers, Arkansas, a marketing firm": a parse that hangs the firm on Arkansas does not make it one."""
    votes = Counter({"Place": 8, "cue:defined-organization": 1, "Organization": 6})
    assert decide(votes, ["Arkansas"]) == "Place"
    assert decide(Counter({"Organization": 8, "cue:defined-product": 1, "Product": 6}), ["Minetest"]) == "Product"


def _source_line(dash: str, after: list) -> list:
    """ '"Probe urged" <dash> Edmonton Sun<after>' with NER calling the publisher a person."""
    return [('"', '"', "PUNCT", "``", "punct", 2, "O"), ("Probe", "probe", "NOUN", "NN", "nsubjpass", 2, "O"),
            ("urged", "urge", "VERB", "VBN", "ROOT", 2, "O"), ('"', '"', "PUNCT", "''", "punct", 2, "O"),
            (dash, dash, "PUNCT", ":", "punct", 2, "O"),
            ("Edmonton", "Edmonton", "PROPN", "NNP", "compound", 6, "B-PERSON"),
            ("Sun", "Sun", "PROPN", "NNP", "appos", 2, "I-PERSON")] + after


@pytest.mark.parametrize("dash", ["\u2014", "\u2013", "-"])
def test_types_publisher_of_a_source_line_is_an_organization(dash):
    date = [(",", ",", "PUNCT", ",", "punct", 6, "O"), ("August", "August", "PROPN", "NNP", "npadvmod", 6, "B-DATE"),
            ("16", "16", "NUM", "CD", "nummod", 8, "I-DATE")]
    m = by_text(_source_line(dash, date))["Edmonton Sun"]
    assert "publisher" in m.cues
    assert decide(mention_votes([m]), ["Edmonton Sun"]) == "Organization"


def test_types_a_name_after_a_quote_and_a_dash_inside_a_sentence_is_no_publisher():
    # guard: '"Probe urged" - Edmonton Sun said' is a speaker after the quote, not a source line
    rows = [('"', '"', "PUNCT", "``", "punct", 2, "O"), ("Probe", "probe", "NOUN", "NN", "nsubjpass", 2, "O"),
            ("urged", "urge", "VERB", "VBN", "ccomp", 7, "O"), ('"', '"', "PUNCT", "''", "punct", 2, "O"),
            ("-", "-", "PUNCT", ":", "punct", 7, "O"),
            ("Edmonton", "Edmonton", "PROPN", "NNP", "compound", 6, "B-PERSON"),
            ("Sun", "Sun", "PROPN", "NNP", "nsubj", 7, "I-PERSON"), ("said", "say", "VERB", "VBD", "ROOT", 7, "O")]
    assert "publisher" not in by_text(rows)["Edmonton Sun"].cues


@pytest.mark.parametrize("votes, names, expected", [
    ({"Organization": 4, "Place": 4}, ["Christchurch"], "Place"),      # a listed city: the tie is the place
    ({"Organization": 4, "Place": 4}, ["Acme"], "Organization"),       # guard: no listed place, priority decides
    ({"Organization": 6, "Place": 4}, ["Christchurch"], "Organization"),   # guard: no tie, the votes decide
])
def test_types_tie_with_a_listed_place_is_the_place(votes, names, expected):
    assert decide(votes, names) == expected


@pytest.mark.parametrize("votes, expected", [
    ({"Entity": 10, "Person": 4}, "Entity"),                          # NER slips among more untyped mentions
    ({"Entity": 10, "Person": 4, "cue:given-name": 1}, "Person"),     # guard: a known given name
    ({"Entity": 10, "Person": 4, "cue:title": 1}, "Person"),          # guard: a title before it
    ({"Entity": 4, "Person": 6}, "Person"),                           # guard: NER's label the majority
    ({"Entity": 10, "Organization": 4}, "Organization"),              # guard: only a person needs more
])
def test_types_person_by_few_ner_slips_among_untyped_mentions_is_untyped(votes, expected):
    assert decide(votes, ["SpaceX"]) == expected


@pytest.mark.parametrize("noun, lemma, expected", [
    ("album", "album", "defined-work"),          # "her album Femme Fatale" (NER: PERSON)
    ("shuttle", "shuttle", "defined-product"),   # "the space shuttle Discovery"
    ("producer", "producer", None),              # guard: no class noun ("the album's producer X")
])
def test_types_class_noun_right_before_a_name_defines_it(noun, lemma, expected):
    rows = [("her", "her", "PRON", "PRP$", "poss", 3, "O"),
            (noun, lemma, "NOUN", "NN", "compound", 3, "O"),
            ("Femme", "Femme", "PROPN", "NNP", "compound", 3, "B-PERSON"),
            ("Fatale", "Fatale", "PROPN", "NNP", "ROOT", 3, "I-PERSON")]
    cues = [c for c in by_text(rows)["Femme Fatale"].cues if c.startswith("defined-")]
    assert cues == ([expected] if expected else [])


def test_types_class_noun_before_a_name_not_joined_to_it_defines_nothing():
    """Guard: "They sold the company Monday" -- a noun before a name the parse does not join to it."""
    rows = [("They", "they", "PRON", "PRP", "nsubj", 1, "O"), ("sold", "sell", "VERB", "VBD", "ROOT", 1, "O"),
            ("the", "the", "DET", "DT", "det", 3, "O"), ("company", "company", "NOUN", "NN", "dobj", 1, "O"),
            ("Acme", "Acme", "PROPN", "NNP", "npadvmod", 1, "B-ORG")]
    assert not any(c.startswith("defined-") for c in by_text(rows)["Acme"].cues)


def test_types_class_noun_before_a_given_name_defines_nothing():
    """Guard: "broadcaster Jamie Sharmahd" (a given name of the list) is a person, whatever a broadcaster may be."""
    rows = [("broadcaster", "broadcaster", "NOUN", "NN", "compound", 2, "O"),
            ("Jamie", "Jamie", "PROPN", "NNP", "compound", 2, "B-PERSON"),
            ("Sharmahd", "Sharmahd", "PROPN", "NNP", "ROOT", 2, "I-PERSON")]
    assert not any(c.startswith("defined-") for c in by_text(rows)["Jamie Sharmahd"].cues)


def test_types_given_name_and_person_cue_outweigh_a_definition():
    """ "chairwoman Ann Preston" and "the firm Preston's" in one article: a person stays a person."""
    votes = Counter({"Person": 9, "cue:given-name": 1, "cue:given-name-person": 1, "cue:title": 1,
                     "Organization": 6, "cue:defined-organization": 1})
    assert decide(votes, ["Ann Preston"]) == "Person"


@pytest.mark.parametrize("first, last, ent, expected", [
    ("Millbank", "Tower", "B-PERSON", "Place"),     # a place's last word: NER's PERSON is outvoted
    ("Santos", "Avenue", "B-PERSON", "Place"),      # no given-name cue for "Santos" before a place word
    ("Keli", "Lane", "B-PERSON", "Person"),         # guard: "Lane" is also a surname, no place word
    ("Norfolk", "Island", "B-PERSON", "Place"),     # natural features: islands, rivers, valleys
    ("Swat", "Valley", "B-ORG", "Place"),
    ("Cry", "a River", "B-WORK_OF_ART", "Work"),   # guard: a title of words, not a place's name
    ("Gaulle", "de Airport", "B-ORG", "Place"),      # a particle inside a place's name
])
def test_types_place_suffix_makes_a_place(first, last, ent, expected):
    *before, last = last.split()
    rows = [(first, first, "PROPN", "NNP", "compound", 1 + len(before), ent)]
    rows += [(w, w, "DET", "DT", "det", 1 + len(before), "I-" + ent[2:]) for w in before]
    rows += [(last, last, "PROPN", "NNP", "ROOT", 1 + len(before), "I-" + ent[2:])]
    m = by_text(rows)[" ".join(r[0] for r in rows)]
    assert decide(mention_votes([m]), [m.text]) == expected


def _noun_of(det: str, noun: str, name: str, ent: str = "B-PERSON") -> list:
    """"<det> <noun> of <name> flooded." with NER calling the name a person."""
    return [(det, det.lower(), "DET", "DT", "det", 1, "O"), (noun, noun, "NOUN", "NN", "nsubj", 4, "O"),
            ("of", "of", "ADP", "IN", "prep", 1, "O"), (name, name, "PROPN", "NNP", "pobj", 2, ent),
            ("flooded", "flood", "VERB", "VBD", "ROOT", 4, "O")]


@pytest.mark.parametrize("det, noun, expected", [
    ("the", "suburb", "defined-place"),     # "the suburb of Earlsfield" (NER: PERSON)
    ("the", "town", "defined-place"),
    ("the", "mayor", None),                 # guard: no place noun ("the mayor of X" is a person's office)
    ("a", "town", None),                    # guard: "a town of ..." is no definite place noun
    ("the", "album", None),                 # guard: only place nouns ("the album of X" may be X's)
])
def test_types_place_noun_of_a_name_defines_a_place(det, noun, expected):
    m = by_text(_noun_of(det, noun, "Earlsfield"))["Earlsfield"]
    assert [c for c in m.cues if c.startswith("defined-")] == ([expected] if expected else [])
    if expected:
        assert decide(mention_votes([m] * 2), [m.text]) == "Place"


def test_types_place_suffix_outweighs_a_title_word_before_the_name():
    """"Lord Howe Island" (NER: GPE "Howe Island", "Lord" read as a title): a place, not a person."""
    rows = [("Lord", "Lord", "PROPN", "NNP", "compound", 1, "O"),
            ("Howe", "Howe", "PROPN", "NNP", "compound", 2, "B-GPE"),
            ("Island", "Island", "PROPN", "NNP", "ROOT", 2, "I-GPE")]
    ms = [m for m in named_mentions(make_doc(rows)) if m.text == "Howe Island"]
    assert ms and all("title" not in m.cues for m in ms)
    assert decide(mention_votes(ms), ["Howe Island"]) == "Place"


def _office_of(title: str, prep: str, words: list[str], ent: str = "ORG") -> list:
    """"The <title> <prep> <words...> resigned." with NER calling the words an entity."""
    n = len(words)
    rows = [("The", "the", "DET", "DT", "det", 1, "O"), (title, title.lower(), "NOUN", "NN", "nsubj", n + 3, "O"),
            (prep, prep, "ADP", "IN", "prep", 1, "O")]
    rows += [(w, w, "PROPN", "NNP", "compound" if k < n - 1 else "pobj", 2 + n if k < n - 1 else 2,
              ("B-" if k == 0 else "I-") + ent) for k, w in enumerate(words)]
    rows += [("resigned", "resign", "VERB", "VBD", "ROOT", n + 3, "O")]
    return rows


@pytest.mark.parametrize("title, prep, words, named", [
    ("minister", "of", ["Public", "Works"], False),        # the office's field is part of the role
    ("commissioner", "for", ["Home", "Affairs"], False),
    ("Secretary", "of", ["State", "for", "International", "Development"], False),
    ("governor", "of", ["New", "Jersey"], True),             # guard: a place after a title
    ("CEO", "of", ["General", "Electric"], True),            # guard: no field word last
    ("spokesman", "for", ["Acme", "Security"], True),        # guard: "spokesman" is no office with a field
])
def test_types_office_field_after_its_title_is_no_name(title, prep, words, named):
    assert (" ".join(words) in by_text(_office_of(title, prep, words))) is named


def test_types_title_word_before_an_office_field_is_no_person_cue():
    """"the lead Homeland Security post": the field of an office is no person, whatever word precedes it."""
    rows = [("the", "the", "DET", "DT", "det", 4, "O"), ("lead", "lead", "ADJ", "JJ", "amod", 4, "O"),
            ("Homeland", "Homeland", "PROPN", "NNP", "compound", 3, "B-ORG"),
            ("Security", "Security", "PROPN", "NNP", "compound", 4, "I-ORG"),
            ("post", "post", "NOUN", "NN", "ROOT", 4, "O")]
    assert "title" not in by_text(rows)["Homeland Security"].cues


@pytest.mark.parametrize("word, named", [("Glacier", False), ("Highway", False), ("Tasman", True)])
def test_types_place_word_alone_is_no_name(word, named):
    """"the Glacier" (NER's PRODUCT inside "Tasman Glacier"): a place word alone names no place."""
    rows = [("the", "the", "DET", "DT", "det", 1, "O"), (word, word, "PROPN", "NNP", "nsubj", 2, "B-PRODUCT"),
            ("melted", "melt", "VERB", "VBD", "ROOT", 2, "O")]
    assert (word in by_text(rows)) is named


def test_types_place_word_ner_took_alone_still_ends_the_name_before_it():
    """"the Tasman Glacier" with NER's PRODUCT on "Glacier" only: the place is "Tasman Glacier"."""
    rows = [("the", "the", "DET", "DT", "det", 2, "O"), ("Tasman", "Tasman", "PROPN", "NNP", "compound", 2, "O"),
            ("Glacier", "Glacier", "PROPN", "NNP", "nsubj", 3, "B-PRODUCT"),
            ("melted", "melt", "VERB", "VBD", "ROOT", 3, "O")]
    m = by_text(rows)["Tasman Glacier"]
    assert decide(mention_votes([m]), [m.text]) == "Place"


def _word_and_lower(word: str, label: str = "ORG", lower: bool = True) -> list:
    """"<Word> won. The <word> grew." with NER calling <Word> a name (and the lower-case word written too)."""
    rows = [("Fans", "fan", "NOUN", "NNS", "nsubj", 1, "O"), ("praised", "praise", "VERB", "VBD", "ROOT", 1, "O"),
            (word, word, "PROPN", "NNP", "dobj", 1, "B-" + label), (".", ".", "PUNCT", ".", "punct", 1, "O"),
            ("The", "the", "DET", "DT", "det", 5, "O"),
            (word.lower() if lower else "show", word.lower(), "NOUN", "NN", "nsubj", 6, "O"),
            ("grew", "grow", "VERB", "VBD", "ROOT", 6, "O"), (".", ".", "PUNCT", ".", "punct", 6, "O")]
    return rows


@pytest.mark.parametrize("word, label, lower, named", [
    ("Album", "ORG", True, False),        # a common word the article also writes in lower case
    ("Physics", "ORG", True, False),
    ("Album", "ORG", False, True),        # guard: never written in lower case, it may be a name
    ("Congress", "ORG", True, True),      # guard: an institution's word
    ("Turkey", "GPE", True, True),        # guard: a place ("turkey" the bird)
    ("Mark", "PERSON", True, True),       # guard: a given name ("mark" the word)
    ("Nizhny", "GPE", True, True),        # guard: no common English word
])
def test_types_common_word_also_written_in_lower_case_is_no_name(word, label, lower, named):
    assert (word in by_text(_word_and_lower(word, label, lower))) is named


def test_types_common_word_ner_took_for_a_name_is_a_concept_of_its_statement():
    """"Fans praised Album. The album grew.": the statement keeps its object, as a concept, not a name."""
    from kg.extract.mentions import mention_for
    doc = make_doc(_word_and_lower("Album"))
    m = mention_for(doc[2])
    assert m is not None and m.type == "Concept" and not m.is_named


def test_types_common_word_guards_of_use_in_the_article():
    # written in lower case only as an adjective: "Anonymous" beside "anonymous sources"
    rows = _word_and_lower("Anonymous")
    rows[5] = ("anonymous", "anonymous", "ADJ", "JJ", "amod", 6, "O")
    assert "Anonymous" in by_text(rows)
    # a word of a longer name of the article: "Freedom" of "Freedom Magazine"
    rows = _word_and_lower("Freedom") + [
        ("Freedom", "Freedom", "PROPN", "NNP", "compound", 9, "B-ORG"),
        ("Magazine", "Magazine", "PROPN", "NNP", "ROOT", 9, "I-ORG")]
    assert "Freedom" in by_text(rows)
    # capitalized inside sentences more often than written in lower case: "the Internet"
    rows = _word_and_lower("Internet") + [
        ("Fans", "fan", "NOUN", "NNS", "nsubj", 9, "O"), ("used", "use", "VERB", "VBD", "ROOT", 9, "O"),
        ("Internet", "Internet", "PROPN", "NNP", "dobj", 9, "B-ORG")]
    assert "Internet" in by_text(rows)


@pytest.mark.parametrize("words, ent, expected", [
    (["Punta", "de", "Lobos"], "B-PERSON", "Place"),      # a place word of Spanish first
    (["Isla", "Mocha"], "B-ORG", "Place"),
    (["Puerto", "montt"], "B-PERSON", "Person"),          # guard: a name of capitalized words only
    (["West", "Ham", "United"], "B-GPE", "Organization"),  # a football club's ending
    (["Sydney", "Morning", "Herald"], "B-EVENT", "Organization"),  # a newspaper's ending
])
def test_types_place_prefix_and_club_ending(words, ent, expected):
    n = len(words)
    rows = [(w, w, "PROPN", "NNP", "compound" if k < n - 1 else "ROOT", n - 1, ("B-" if k == 0 else "I-") + ent[2:])
            for k, w in enumerate(words)]
    m = by_text(rows)[" ".join(words)]
    assert decide(mention_votes([m]), [m.text]) == expected


@pytest.mark.parametrize("noun, expected", [("girl", "Person"), ("series", "Work"), ("reporter", None)])
def test_types_name_in_apposition_after_its_class_noun(noun, expected):
    """"the girl, Aiyana Jones, was hit" (NER: ORG): the text says she is a person; "reporter" is no class noun."""
    rows = [("the", "the", "DET", "DT", "det", 1, "O"), (noun, noun, "NOUN", "NN", "nsubj", 6, "O"),
            (",", ",", "PUNCT", ",", "punct", 1, "O"), ("Aiyana", "Aiyana", "PROPN", "NNP", "compound", 4, "B-ORG"),
            ("Jones", "Jones", "PROPN", "NNP", "appos", 1, "I-ORG"), (",", ",", "PUNCT", ",", "punct", 1, "O"),
            ("died", "die", "VERB", "VBD", "ROOT", 6, "O")]
    m = by_text(rows)["Aiyana Jones"]
    defined = [c for c in m.cues if c.startswith("defined-")]
    assert defined == ([f"defined-{expected.lower()}"] if expected else [])
    if expected:
        assert decide(mention_votes([m]), [m.text]) == expected


def test_types_apposition_after_a_class_noun_inside_a_phrase_defines_nothing():
    """Guard: "the governor of the province, Luis Durnwalder," (parsed as the province's apposition)."""
    rows = [("the", "the", "DET", "DT", "det", 1, "O"), ("governor", "governor", "NOUN", "NN", "nsubj", 9, "O"),
            ("of", "of", "ADP", "IN", "prep", 1, "O"), ("the", "the", "DET", "DT", "det", 4, "O"),
            ("province", "province", "NOUN", "NN", "pobj", 2, "O"), (",", ",", "PUNCT", ",", "punct", 4, "O"),
            ("Luis", "Luis", "PROPN", "NNP", "compound", 7, "B-PERSON"),
            ("Durnwalder", "Durnwalder", "PROPN", "NNP", "appos", 4, "I-PERSON"),
            (",", ",", "PUNCT", ",", "punct", 4, "O"), ("spoke", "speak", "VERB", "VBD", "ROOT", 9, "O")]
    assert not any(c.startswith("defined-") for c in by_text(rows)["Luis Durnwalder"].cues)


@pytest.mark.parametrize("noun, person", [("judge", True), ("province", False)])
def test_types_title_in_apposition_right_before_a_name_is_a_person_cue(noun, person):
    """"a prominent Spanish judge, Baltasar Garzon," (NER: ORG) is a person; a place noun there is no title."""
    rows = [("a", "a", "DET", "DT", "det", 2, "O"), ("Spanish", "Spanish", "ADJ", "JJ", "amod", 2, "B-NORP"),
            (noun, noun, "NOUN", "NN", "nsubj", 7, "O"), (",", ",", "PUNCT", ",", "punct", 2, "O"),
            ("Baltasar", "Baltasar", "PROPN", "NNP", "compound", 5, "B-ORG"),
            ("Garzon", "Garzon", "PROPN", "NNP", "appos", 2, "I-ORG"), (",", ",", "PUNCT", ",", "punct", 2, "O"),
            ("resigned", "resign", "VERB", "VBD", "ROOT", 7, "O")]
    m = by_text(rows)["Baltasar Garzon"]
    assert ("title" in m.cues) is person
    assert (decide(mention_votes([m]), [m.text]) == "Person") is person


@pytest.mark.parametrize("word, label, named", [
    ("133rd", "ORG", False), ("Jr.", "GPE", False), ("S.A.", "GPE", False), ("Ltd", "ORG", False),
    ("3M", "ORG", True),        # guard: a name with digits is no ordinal
    ("SA", "GPE", True),        # guard: an acronym ("SA": South Africa), not the dotted legal form
])
def test_types_ordinal_suffix_or_legal_form_alone_is_no_name(word, label, named):
    rows = [("They", "they", "PRON", "PRP", "nsubj", 1, "O"), ("saw", "see", "VERB", "VBD", "ROOT", 1, "O"),
            (word, word, "PROPN", "NNP", "dobj", 1, "B-" + label)]
    assert (word in by_text(rows)) is named


@pytest.mark.parametrize("words, dep, named", [
    (["Scottish"], "amod", False),              # "Scottish police": an adjective of nationality
    (["North", "Korean"], "amod", False),
    (["Americans"], "amod", True),              # guard: a plural is the group
    (["Scottish"], "nsubj", True),              # guard: standing as a noun ("the Scottish won")
    (["Monti"], "amod", True),                  # guard: no word of the dictionary ("the Monti government")
    (["Liberal", "Democrat"], "leader", True),  # guard: the party of a role ("Liberal Democrat leader X")
])
def test_types_nationality_adjective_before_a_noun_is_no_name(words, dep, named):
    n = len(words)
    rows = [(w, w, "PROPN", "NNP", dep if k == n - 1 else "compound", n if dep in ("amod", "leader") else n - 1,
             ("B-" if k == 0 else "I-") + "NORP") for k, w in enumerate(words)]
    if dep == "leader":
        rows = [r[:4] + ("compound" if k < n - 1 else "amod",) + r[5:] for k, r in enumerate(rows)]
        rows += [("leader", "leader", "NOUN", "NN", "nsubj", n + 1, "O"), ("came", "come", "VERB", "VBD", "ROOT", n + 1, "O")]
    elif dep == "amod":
        rows += [("police", "police", "NOUN", "NNS", "nsubj", n + 1, "O"), ("came", "come", "VERB", "VBD", "ROOT", n + 1, "O")]
    else:
        rows[-1] = (words[-1], words[-1], "PROPN", "NNP", "nsubj", n, "I-NORP" if n > 1 else "B-NORP")
        rows += [("won", "win", "VERB", "VBD", "ROOT", n, "O")]
    assert (" ".join(words) in by_text(rows)) is named


@pytest.mark.parametrize("first, last, expected", [
    ("Ursula", "Bauer", "Person"),           # a given name and a surname of no dictionary: NER's ORG is outvoted
    ("Leanne", "Press", "Organization"),     # guard: a last word of the dictionary
    ("Cleveland", "Cavaliers", "Organization"),  # guard: the plural of a word ("cavalier")
    ("Russian", "Wikipedia", "Organization"),    # guard: a given name that is an English word
    ("Gibbs", "Racing", "Organization"),     # a team's ending is an organization's
])
def test_types_given_name_and_surname_outweigh_one_ner_label(first, last, expected):
    rows = [(first, first, "PROPN", "NNP", "compound", 1, "B-ORG"), (last, last, "PROPN", "NNP", "ROOT", 1, "I-ORG")]
    m = by_text(rows)[f"{first} {last}"]
    assert decide(mention_votes([m]), [m.text]) == expected
