"""The article text that name cues read is the text of the Doc they are given, however Docs alternate (it is
joined once per Doc, not once per name). Hand-built Docs, no model."""
from __future__ import annotations

from kg.extract.doc_text import doc_text, word_positions
from kg.extract.types import is_publisher
from tests.docs import make_doc

SOURCE = [('"', '"', "PUNCT", "``", "punct", 2, "O"), ("Probe", "probe", "NOUN", "NN", "nsubjpass", 2, "O"),
          ("urged", "urge", "VERB", "VBN", "ROOT", 2, "O"), ('"', '"', "PUNCT", "''", "punct", 2, "O"),
          ("\u2014", "\u2014", "PUNCT", ":", "punct", 2, "O"),
          ("Edmonton", "Edmonton", "PROPN", "NNP", "compound", 6, "B-ORG"),
          ("Sun", "Sun", "PROPN", "NNP", "appos", 2, "I-ORG")]
SPEAKER = [*SOURCE[:6], ("Sun", "Sun", "PROPN", "NNP", "nsubj", 7, "I-ORG"), ("said", "say", "VERB", "VBD", "ROOT", 7, "O")]


def test_doc_text_is_each_docs_own_text_when_docs_alternate():
    source, speaker = make_doc(SOURCE), make_doc(SPEAKER)
    for _ in range(2):
        assert doc_text(source) == source.text
        assert is_publisher(source[5:7])
        assert doc_text(speaker) == speaker.text
        assert not is_publisher(speaker[5:7])


def test_doc_text_of_a_new_doc_after_the_last_one_is_gone():
    assert doc_text(make_doc(SOURCE)) == make_doc(SOURCE).text
    again = make_doc(SPEAKER)            # may reuse the freed Doc's memory; its own text all the same
    assert doc_text(again).endswith("said")


def test_doc_text_per_thread():
    from concurrent.futures import ThreadPoolExecutor

    docs = [make_doc(SOURCE), make_doc(SPEAKER)] * 8
    with ThreadPoolExecutor(4) as pool:
        texts = list(pool.map(lambda d: [doc_text(d) for _ in range(50)], docs))
    assert all(set(t) == {d.text} for t, d in zip(texts, docs))


def test_word_positions_are_each_docs_own_when_docs_alternate():
    source, speaker = make_doc(SOURCE), make_doc(SPEAKER)
    for _ in range(2):
        assert word_positions(source)["Sun"] == [6] and "said" not in word_positions(source)
        assert word_positions(speaker)["said"] == [7]
    assert word_positions(source)['"'] == [0, 3]


def test_parsed_text_is_kept_as_the_docs_text_and_a_text_of_another_length_is_not():
    from kg.extract.doc_text import parsed_text

    doc = make_doc(SPEAKER)
    given = "".join(t.text_with_ws for t in doc)    # the text it was "parsed from": a new str of equal value
    assert given is not doc.text
    assert parsed_text(doc, given) is given and doc_text(doc) is given
    other = make_doc(SOURCE)
    assert parsed_text(other, "shorter") == other.text and doc_text(other) == other.text


def test_word_positions_are_each_words_token_indices_in_order():
    doc = make_doc(SPEAKER)
    expected: dict[str, list[int]] = {}
    for t in doc:
        expected.setdefault(t.text, []).append(t.i)
    assert word_positions(doc) == expected and list(word_positions(doc)) == list(expected)
