"""Readers keep paragraph structure and drop furniture: photo credits, captions with a credit, newsletter
promotions, "Read more"/related links and wire datelines (saved pages written for these tests)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.readers import read_paths
from kg.readers._common import is_credit_or_promo, strip_wire_dateline

DATA = Path(__file__).resolve().parents[1] / "data" / "readers"


@pytest.mark.parametrize("line, furniture", [
    ("Photo: AP", True),
    ("(Photo: Reuters)", True),
    ("AP Photo/Evan Vucci", True),
    ("Tsai waves to supporters in Taipei. (AP Photo/Chiang Ying-ying)", True),
    ("Residents wade through a street. REUTERS/Jane Doe", True),
    ("Image copyright Getty Images", True),
    ("Sign up for our daily newsletter", True),
    ("Read more: China says Taiwan vote changes nothing", True),
    ("Related: How climate change makes storms wetter", True),
    ("The newsletter was sent to four million readers on Monday, the company said.", False),
    ("Photographs of the damage were shared widely, officials said.", False),
    ("President Tsai said she would read more reports before deciding.", False),
    ("File:WFPlogo130.svg", True),      # a wiki media embed: its file name is no text
    ("File:Elizabeth and John Edwards by The Tonight Show.jpg", True),
    ("File: the court's ruling was appealed in a filing at noon.", False),   # guard: no media file name
])
def test_readers_furniture_lines(line, furniture):
    assert is_credit_or_promo(line) is furniture


@pytest.mark.parametrize("paragraph, body", [
    ("WASHINGTON (Reuters) - The U.S. said", "The U.S. said"),
    ("(CNN)It was a long night.", "It was a long night."),
    ("LONDON, June 3 (Reuters) - Britain said", "Britain said"),
    ("The Reuters report (Reuters) said", "The Reuters report (Reuters) said"),
])
def test_readers_wire_dateline_is_cut(paragraph, body):
    assert strip_wire_dateline(paragraph) == body


@pytest.mark.parametrize("name", ["furniture.html", "credits.txt"])
def test_readers_saved_pages_keep_paragraphs_and_drop_furniture(name):
    [article] = list(read_paths([DATA / name]))
    text = article.text
    for furniture in ("Photo", "REUTERS/", "Getty", "newsletter", "Read more", "Related:", "(Reuters)", "AP Photo"):
        assert furniture not in text, furniture
    paragraphs = text.split("\n\n")
    assert len(paragraphs) >= 2 and all(p.strip() == p and "\n" not in p for p in paragraphs)
    if name.endswith(".html"):
        assert "A rebuke to Beijing" in paragraphs       # a heading stays a paragraph of its own
