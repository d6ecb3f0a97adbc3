"""Pronouns: only strong evidence resolves them; given-name gender cues rule out the wrong person."""
from __future__ import annotations

from kg.extract.context import article_view
from kg.models import Mention
from kg.names import is_country, name_gender
from kg.resolve.coref import resolve_pronouns
from tests.docs import make_doc

ROWS = [
    ("Wendy", "Wendy", "PROPN", "NNP", "compound", 1, "B-PERSON"),        # 0
    ("Sherman", "Sherman", "PROPN", "NNP", "nsubj", 2, "I-PERSON"),       # 1
    ("met", "meet", "VERB", "VBD", "ROOT", 2, "O"),                       # 2
    ("Michael", "Michael", "PROPN", "NNP", "compound", 4, "B-PERSON"),    # 3
    ("Kugelman", "Kugelman", "PROPN", "NNP", "dobj", 2, "I-PERSON"),      # 4
    (".", ".", "PUNCT", ".", "punct", 2, "O"),                            # 5
    ("He", "he", "PRON", "PRP", "nsubj", 7, "O"),                         # 6
    ("left", "leave", "VERB", "VBD", "ROOT", 7, "O"),                     # 7
    (".", ".", "PUNCT", ".", "punct", 7, "O"),                            # 8
]



def pronouns(doc, mentions):
    """Pronoun resolution over the view of a hand-built parse."""
    return resolve_pronouns(article_view(doc, mentions), mentions)

def _mentions(doc, pronoun: str):
    people = [Mention(text=doc[a:b].text, start=doc[a].idx, end=doc[b - 1].idx + len(doc[b - 1].text), type="Person",
                      is_named=True) for a, b in ((0, 2), (3, 5))]
    token = doc[6]
    return people + [Mention(text=token.text, start=token.idx, end=token.idx + len(token.text), type="Concept",
                             head=pronoun, is_pronoun=True)]


def test_coref_he_is_the_one_man_named_nearby():
    doc = make_doc(ROWS)
    ms = _mentions(doc, "he")
    assert pronouns(doc, ms)[ms[-1].key].text == "Michael Kugelman"


def test_coref_she_is_the_one_woman_named_nearby():
    rows = list(ROWS)
    rows[6] = ("She", "she", "PRON", "PRP", "nsubj", 7, "O")
    doc = make_doc(rows)
    ms = _mentions(doc, "she")
    assert pronouns(doc, ms)[ms[-1].key].text == "Wendy Sherman"


def test_coref_two_candidates_of_unknown_gender_stay_unresolved():
    rows = list(ROWS)
    rows[0] = ("Xq", "Xq", "PROPN", "NNP", "compound", 1, "B-PERSON")
    rows[3] = ("Zq", "Zq", "PROPN", "NNP", "compound", 4, "B-PERSON")
    doc = make_doc(rows)
    assert pronouns(doc, _mentions(doc, "he")) == {}


def test_coref_name_lists():
    assert name_gender("Wendy Sherman") == "F" and name_gender("Michael Kugelman") == "M"
    assert name_gender("Sherman") is None
    assert is_country("the U.S.") and is_country("Afghanistan") and not is_country("Doha")


def test_coref_it_is_the_one_organization_subject_before_it():
    rows = [
        ("The", "the", "DET", "DT", "det", 1, "O"),                        # 0
        ("Taliban", "Taliban", "PROPN", "NNP", "nsubj", 2, "B-ORG"),       # 1
        ("said", "say", "VERB", "VBD", "ROOT", 2, "O"),                    # 2
        ("it", "it", "PRON", "PRP", "nsubj", 5, "O"),                      # 3
        ("will", "will", "AUX", "MD", "aux", 5, "O"),                      # 4
        ("refuse", "refuse", "VERB", "VB", "ccomp", 2, "O"),               # 5
        (".", ".", "PUNCT", ".", "punct", 2, "O"),                         # 6
    ]
    doc = make_doc(rows)
    taliban = Mention(text="Taliban", start=doc[1].idx, end=doc[1].idx + 7, type="Organization", is_named=True)
    it = Mention(text="it", start=doc[3].idx, end=doc[3].idx + 2, type="Concept", head="it", is_pronoun=True)
    assert pronouns(doc, [taliban, it])[it.key].text == "Taliban"


def test_coref_it_with_an_unnamed_subject_between_stays_unresolved():
    rows = [
        ("The", "the", "DET", "DT", "det", 1, "O"),                        # 0
        ("centre", "centre", "NOUN", "NN", "nsubj", 2, "O"),               # 1
        ("belongs", "belong", "VERB", "VBZ", "ROOT", 2, "O"),              # 2
        ("to", "to", "ADP", "IN", "prep", 2, "O"),                         # 3
        ("NDS", "NDS", "PROPN", "NNP", "pobj", 3, "B-ORG"),                # 4
        (";", ";", "PUNCT", ":", "punct", 2, "O"),                         # 5
        ("it", "it", "PRON", "PRP", "nsubjpass", 8, "O"),                  # 6
        ("was", "be", "AUX", "VBD", "auxpass", 8, "O"),                    # 7
        ("hit", "hit", "VERB", "VBN", "conj", 2, "O"),                     # 8
        (".", ".", "PUNCT", ".", "punct", 2, "O"),                         # 9
    ]
    doc = make_doc(rows)
    nds = Mention(text="NDS", start=doc[4].idx, end=doc[4].idx + 3, type="Organization", is_named=True)
    it = Mention(text="it", start=doc[6].idx, end=doc[6].idx + 2, type="Concept", head="it", is_pronoun=True)
    assert pronouns(doc, [nds, it]) == {}


def test_coref_a_lone_given_name_is_its_own_gender_cue():
    rows = list(ROWS)
    rows[0] = ("The", "the", "DET", "DT", "det", 1, "O")
    rows[1] = ("Marilyn", "Marilyn", "PROPN", "NNP", "nsubj", 2, "B-PERSON")
    doc = make_doc(rows)
    marilyn = Mention(text="Marilyn", start=doc[1].idx, end=doc[1].idx + 7, type="Person", is_named=True)
    he = Mention(text="He", start=doc[6].idx, end=doc[6].idx + 2, type="Concept", head="he", is_pronoun=True)
    kugelman = Mention(text="Michael Kugelman", start=doc[3].idx, end=doc[4].idx + 8, type="Person", is_named=True)
    assert pronouns(doc, [marilyn, kugelman, he])[he.key].text == "Michael Kugelman"
    assert pronouns(doc, [marilyn, he]) == {}


def _they_rows(subject_ent: str) -> list:
    return [
        ("The", "the", "DET", "DT", "det", 1, "O"),                        # 0
        ("Taliban", "Taliban", "PROPN", "NNP", "nsubj", 2, subject_ent),   # 1
        ("met", "meet", "VERB", "VBD", "ROOT", 2, "O"),                    # 2
        ("envoys", "envoy", "NOUN", "NNS", "dobj", 2, "O"),                # 3
        (".", ".", "PUNCT", ".", "punct", 2, "O"),                         # 4
        ("They", "they", "PRON", "PRP", "nsubj", 6, "O"),                  # 5
        ("refused", "refuse", "VERB", "VBD", "ROOT", 6, "O"),              # 6
        (".", ".", "PUNCT", ".", "punct", 6, "O"),                         # 7
    ]


def test_coref_they_is_the_one_group_subject_before_it():
    doc = make_doc(_they_rows("B-NORP"))
    taliban = Mention(text="Taliban", start=doc[1].idx, end=doc[1].idx + 7, type="Group", is_named=True)
    they = Mention(text="They", start=doc[5].idx, end=doc[5].idx + 4, type="Concept", head="they", is_pronoun=True)
    assert pronouns(doc, [taliban, they])[they.key].text == "Taliban"


def test_coref_they_after_two_joined_groups_stays_unresolved():
    rows = [
        ("Taliban", "Taliban", "PROPN", "NNP", "nsubj", 3, "B-NORP"),      # 0
        ("and", "and", "CCONJ", "CC", "cc", 0, "O"),                       # 1
        ("Kurds", "Kurds", "PROPN", "NNPS", "conj", 0, "B-NORP"),          # 2
        ("met", "meet", "VERB", "VBD", "ROOT", 3, "O"),                    # 3
        (".", ".", "PUNCT", ".", "punct", 3, "O"),                         # 4
        ("They", "they", "PRON", "PRP", "nsubj", 6, "O"),                  # 5
        ("refused", "refuse", "VERB", "VBD", "ROOT", 6, "O"),              # 6
        (".", ".", "PUNCT", ".", "punct", 6, "O"),                         # 7
    ]
    doc = make_doc(rows)
    groups = [Mention(text=doc[i].text, start=doc[i].idx, end=doc[i].idx + len(doc[i].text), type="Group",
                      is_named=True) for i in (0, 2)]
    they = Mention(text="They", start=doc[5].idx, end=doc[5].idx + 4, type="Concept", head="they", is_pronoun=True)
    assert pronouns(doc, [*groups, they]) == {}


def test_coref_they_never_stands_for_a_place():
    doc = make_doc(_they_rows("B-GPE"))
    place = Mention(text="Taliban", start=doc[1].idx, end=doc[1].idx + 7, type="Place", is_named=True)
    they = Mention(text="They", start=doc[5].idx, end=doc[5].idx + 4, type="Concept", head="they", is_pronoun=True)
    assert pronouns(doc, [place, they]) == {}


# "I did not meet the ambassador," Smith said.
QUOTED_I = [
    ('"', '"', 'PUNCT', '``', 'punct', 10, 'O'),
    ('I', 'I', 'PRON', 'PRP', 'nsubj', 4, 'O'),
    ('did', 'do', 'AUX', 'VBD', 'aux', 4, 'O'),
    ('not', 'not', 'PART', 'RB', 'neg', 4, 'O'),
    ('meet', 'meet', 'VERB', 'VB', 'ccomp', 10, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 6, 'O'),
    ('ambassador', 'ambassador', 'NOUN', 'NN', 'dobj', 4, 'O'),
    (',', ',', 'PUNCT', ',', 'punct', 10, 'O'),
    ('"', '"', 'PUNCT', "''", 'punct', 10, 'O'),
    ('Smith', 'Smith', 'PROPN', 'NNP', 'nsubj', 10, 'B-PERSON'),
    ('said', 'say', 'VERB', 'VBD', 'ROOT', 10, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 10, 'O'),
]


def _quoted(kind: str, pronoun: str):
    doc = make_doc(QUOTED_I)
    smith, i = doc[9], doc[1]
    return doc, [Mention(text="Smith", start=smith.idx, end=smith.idx + 5, type=kind, is_named=True),
                 Mention(text=i.text, start=i.idx, end=i.idx + len(i.text), type="Concept", head=pronoun,
                         is_pronoun=True)]


def test_coref_first_person_in_a_quotation_is_the_speaker():
    doc, ms = _quoted("Person", "i")
    assert pronouns(doc, ms)[ms[-1].key].text == "Smith"


def test_coref_a_persons_we_is_not_the_person():
    """ "We will not sign," a spokesman said: "we" is the group he speaks for, not the spokesman himself."""
    rows = list(QUOTED_I)
    rows[1] = ('We', 'we', 'PRON', 'PRP', 'nsubj', 4, 'O')
    doc = make_doc(rows)
    smith, we = doc[9], doc[1]
    ms = [Mention(text="Smith", start=smith.idx, end=smith.idx + 5, type="Person", is_named=True),
          Mention(text="We", start=we.idx, end=we.idx + 2, type="Concept", head="we", is_pronoun=True)]
    assert ms[-1].key not in pronouns(doc, ms)


# Acme denied the claims and said it would appeal.
SAID_IT = [
    ('Acme', 'Acme', 'PROPN', 'NNP', 'nsubj', 1, 'O'),
    ('denied', 'deny', 'VERB', 'VBD', 'ROOT', 1, 'O'),
    ('the', 'the', 'DET', 'DT', 'det', 3, 'O'),
    ('claims', 'claim', 'NOUN', 'NNS', 'dobj', 1, 'O'),
    ('and', 'and', 'CCONJ', 'CC', 'cc', 1, 'O'),
    ('said', 'say', 'VERB', 'VBD', 'conj', 1, 'O'),
    ('it', 'it', 'PRON', 'PRP', 'nsubj', 8, 'O'),
    ('would', 'would', 'AUX', 'MD', 'aux', 8, 'O'),
    ('appeal', 'appeal', 'VERB', 'VB', 'ccomp', 5, 'O'),
    ('.', '.', 'PUNCT', '.', 'punct', 1, 'O'),
]


def test_coref_it_in_speech_of_a_coordinated_verb_is_the_first_verbs_subject():
    doc = make_doc(SAID_IT)
    acme, it = doc[0], doc[6]
    ms = [Mention(text="Acme", start=acme.idx, end=acme.idx + 4, type="Organization", is_named=True),
          Mention(text="it", start=it.idx, end=it.idx + 2, type="Concept", head="it", is_pronoun=True)]
    assert pronouns(doc, ms)[ms[-1].key].text == "Acme"


def _m(doc, a, b, kind="Organization", pronoun=False):
    """The mention of tokens a..b-1 (a pronoun when ``pronoun``)."""
    start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
    if pronoun:
        return Mention(text=doc[a].text, start=start, end=end, type="Concept", head=doc[a].lower_, is_pronoun=True)
    return Mention(text=doc[a:b].text, start=start, end=end, type=kind, is_named=True)


def test_coref_they_in_a_persons_speech_is_not_the_speaker():
    rows = [
        ("Piñera", "Piñera", "PROPN", "NNP", "nsubj", 1, "B-PERSON"),     # 0
        ("said", "say", "VERB", "VBD", "ROOT", 1, "O"),                    # 1
        ("they", "they", "PRON", "PRP", "nsubj", 4, "O"),                  # 2
        ("can", "can", "AUX", "MD", "aux", 4, "O"),                        # 3
        ("help", "help", "VERB", "VB", "ccomp", 1, "O"),                   # 4
        (".", ".", "PUNCT", ".", "punct", 1, "O"),                         # 5
    ]
    doc = make_doc(rows)
    they = _m(doc, 2, 3, pronoun=True)
    assert pronouns(doc, [_m(doc, 0, 1, "Person"), they]) == {}
    # guard: a group's "they" is still the group that speaks
    rows[0] = ("Taliban", "Taliban", "PROPN", "NNP", "nsubj", 1, "B-ORG")
    doc = make_doc(rows)
    they = _m(doc, 2, 3, pronoun=True)
    assert pronouns(doc, [_m(doc, 0, 1, "Group"), they])[they.key].text == "Taliban"


def test_coref_speaker_with_a_subject_between_is_no_antecedent():
    rows = [
        ("USGS", "USGS", "PROPN", "NNP", "nsubj", 1, "B-ORG"),             # 0
        ("reported", "report", "VERB", "VBD", "ROOT", 1, "O"),             # 1
        ("that", "that", "SCONJ", "IN", "mark", 5, "O"),                   # 2
        ("the", "the", "DET", "DT", "det", 4, "O"),                        # 3
        ("aftershock", "aftershock", "NOUN", "NN", "nsubj", 5, "O"),       # 4
        ("had", "have", "VERB", "VBD", "ccomp", 1, "O"),                   # 5
        ("depth", "depth", "NOUN", "NN", "dobj", 5, "O"),                  # 6
        ("and", "and", "CCONJ", "CC", "cc", 5, "O"),                       # 7
        ("it", "it", "PRON", "PRP", "nsubj", 9, "O"),                      # 8
        ("grew", "grow", "VERB", "VBD", "conj", 5, "O"),                   # 9
        (".", ".", "PUNCT", ".", "punct", 1, "O"),                         # 10
    ]
    doc = make_doc(rows)
    it = _m(doc, 8, 9, pronoun=True)
    assert pronouns(doc, [_m(doc, 0, 1), it]) == {}


def test_coref_it_after_an_organization_with_another_subject_before_it_stays_unresolved():
    rows = [
        ("Another", "another", "DET", "DT", "det", 1, "O"),                # 0
        ("earthquake", "earthquake", "NOUN", "NN", "nsubj", 2, "O"),       # 1
        ("hit", "hit", "VERB", "VBD", "ccomp", 7, "O"),                    # 2
        ("Chile", "Chile", "PROPN", "NNP", "dobj", 2, "B-GPE"),            # 3
        (",", ",", "PUNCT", ",", "punct", 7, "O"),                         # 4
        ("the", "the", "DET", "DT", "det", 6, "O"),                        # 5
        ("USGS", "USGS", "PROPN", "NNP", "nsubj", 7, "B-ORG"),             # 6
        ("reported", "report", "VERB", "VBD", "ROOT", 7, "O"),             # 7
        (".", ".", "PUNCT", ".", "punct", 7, "O"),                         # 8
        ("It", "it", "PRON", "PRP", "nsubj", 10, "O"),                     # 9
        ("occurred", "occur", "VERB", "VBD", "ROOT", 10, "O"),             # 10
        (".", ".", "PUNCT", ".", "punct", 10, "O"),                        # 11
    ]
    doc = make_doc(rows)
    it = _m(doc, 9, 10, pronoun=True)
    assert pronouns(doc, [_m(doc, 6, 7), it]) == {}
    # guard: with the organization the first subject, "it" is the organization
    rows[1] = ("quake", "quake", "NOUN", "NN", "dobj", 2, "O")
    doc = make_doc(rows)
    it = _m(doc, 9, 10, pronoun=True)
    assert pronouns(doc, [_m(doc, 6, 7), it])[it.key].text == "USGS"


def test_coref_a_name_inside_another_name_is_no_antecedent_of_he():
    rows = [
        ("Officers", "officer", "NOUN", "NNS", "nsubj", 1, "O"),           # 0
        ("went", "go", "VERB", "VBD", "ROOT", 1, "O"),                     # 1
        ("to", "to", "ADP", "IN", "prep", 1, "O"),                         # 2
        ("George", "George", "PROPN", "NNP", "compound", 4, "B-PERSON"),   # 3
        ("Washington", "Washington", "PROPN", "NNP", "compound", 6, "I-PERSON"),   # 4
        ("University", "University", "PROPN", "NNP", "compound", 6, "O"),  # 5
        ("Hospital", "Hospital", "PROPN", "NNP", "pobj", 2, "O"),          # 6
        (".", ".", "PUNCT", ".", "punct", 1, "O"),                         # 7
        ("He", "he", "PRON", "PRP", "nsubj", 9, "O"),                      # 8
        ("spoke", "speak", "VERB", "VBD", "ROOT", 9, "O"),                 # 9
        (".", ".", "PUNCT", ".", "punct", 9, "O"),                         # 10
    ]
    doc = make_doc(rows)
    he = _m(doc, 8, 9, pronoun=True)
    assert pronouns(doc, [_m(doc, 3, 5, "Person"), he]) == {}
    rows[4] = ("Washington", "Washington", "PROPN", "NNP", "pobj", 2, "I-PERSON")   # guard: the man himself
    rows[3] = ("George", "George", "PROPN", "NNP", "compound", 4, "B-PERSON")
    rows[2] = ("to", "to", "ADP", "IN", "prep", 1, "O")
    doc = make_doc(rows[:5] + [(".", ".", "PUNCT", ".", "punct", 1, "O"), ("He", "he", "PRON", "PRP", "nsubj", 7, "O"),
                               ("spoke", "speak", "VERB", "VBD", "ROOT", 7, "O"), (".", ".", "PUNCT", ".", "punct", 7, "O")])
    he = _m(doc, 6, 7, pronoun=True)
    assert pronouns(doc, [_m(doc, 3, 5, "Person"), he])[he.key].text == "George Washington"


def test_coref_a_persons_name_before_the_organization_does_not_block_it():
    rows = [
        ("Eustace", "Eustace", "PROPN", "NNP", "nsubj", 1, "B-PERSON"),    # 0
        ("said", "say", "VERB", "VBD", "ROOT", 1, "O"),                    # 1
        ("Google", "Google", "PROPN", "NNP", "nsubj", 3, "B-ORG"),         # 2
        ("erred", "err", "VERB", "VBD", "ccomp", 1, "O"),                  # 3
        (".", ".", "PUNCT", ".", "punct", 1, "O"),                         # 4
        ("It", "it", "PRON", "PRP", "nsubj", 6, "O"),                      # 5
        ("stopped", "stop", "VERB", "VBD", "ROOT", 6, "O"),                # 6
        (".", ".", "PUNCT", ".", "punct", 6, "O"),                         # 7
    ]
    doc = make_doc(rows)
    it = _m(doc, 5, 6, pronoun=True)
    assert pronouns(doc, [_m(doc, 0, 1, "Person"), _m(doc, 2, 3), it])[it.key].text == "Google"


def test_coref_third_person_inside_a_quotation_stays_unresolved():
    rows = [
        ('"', '"', "PUNCT", "``", "punct", 2, "O"),                        # 0
        ("He", "he", "PRON", "PRP", "nsubj", 2, "O"),                      # 1
        ("told", "tell", "VERB", "VBD", "ccomp", 5, "O"),                  # 2
        ("me", "I", "PRON", "PRP", "dobj", 2, "O"),                        # 3
        ('"', '"', "PUNCT", "''", "punct", 5, "O"),                        # 4
        ("said", "say", "VERB", "VBD", "ROOT", 5, "O"),                    # 5
        ("Wallace", "Wallace", "PROPN", "NNP", "nsubj", 5, "B-PERSON"),    # 6
        (".", ".", "PUNCT", ".", "punct", 5, "O"),                         # 7
    ]
    doc = make_doc(rows)
    he = _m(doc, 1, 2, pronoun=True)
    assert pronouns(doc, [_m(doc, 6, 7, "Person"), he]) == {}
    rows = [                                                               # guard: reported speech
        ("Wallace", "Wallace", "PROPN", "NNP", "nsubj", 1, "B-PERSON"),    # 0
        ("said", "say", "VERB", "VBD", "ROOT", 1, "O"),                    # 1
        ("he", "he", "PRON", "PRP", "nsubj", 3, "O"),                      # 2
        ("left", "leave", "VERB", "VBD", "ccomp", 1, "O"),                 # 3
        (".", ".", "PUNCT", ".", "punct", 1, "O"),                         # 4
    ]
    doc = make_doc(rows)
    he = _m(doc, 2, 3, pronoun=True)
    assert pronouns(doc, [_m(doc, 0, 1, "Person"), he])[he.key].text == "Wallace"
