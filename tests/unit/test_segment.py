"""Paragraph breaks are sentence boundaries (kg.segment) on hand-built Docs: no model."""
from __future__ import annotations

from spacy.tokens import Doc

from kg.segment import mark_paragraph_breaks
from tests.docs import vocab


def test_segment_token_after_a_blank_line_starts_a_sentence():
    words = ["Photo", ":", "AP", "\n\n", "Tsai", "won", ".", "She", "spoke", "."]
    spaces = [False, True, False, False, True, False, True, True, False, False]
    doc = mark_paragraph_breaks(Doc(vocab(), words=words, spaces=spaces))
    assert doc[4].is_sent_start is True                 # "Tsai" after the break
    assert doc[7].is_sent_start is None                 # inside a paragraph: left to the parser
    assert doc[2].is_sent_start is None


def test_segment_single_line_break_is_left_to_the_parser():
    words = ["The", "leader", "\n", "spoke", "."]
    doc = mark_paragraph_breaks(Doc(vocab(), words=words, spaces=[True, False, False, False, False]))
    assert doc[3].is_sent_start is None
