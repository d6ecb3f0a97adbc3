"""The relation lexicon: file format, matching, and the shipped ontology/lexicon.tsv."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.lexicon import LEXICON_PATH, Lexicon, default_lexicon

CLASSES = {"statement", "appeal", "demand", "consultation", "cooperation", "aid", "yield", "rejection",
           "accusation", "protest", "threat", "investigation", "coercion", "assault", "posture", "affiliation"}


@pytest.mark.parametrize(("relation", "canonical", "klass"), [
    ("rule out", "reject", "rejection"),
    ("turn down", "reject", "rejection"),
    ("refuse", "reject", "rejection"),
    ("rule out cooperation with", "reject cooperation with", "rejection"),
    ("work with", "work with", "cooperation"),
    ("cooperate with", "work with", "cooperation"),
    ("hold talk with", "hold talks with", "consultation"),
    ("meet with", "meet", "consultation"),
    ("call on", "urge", "appeal"),
    ("call for", "demand", "demand"),
    ("claim responsibility for", "claim responsibility for", "statement"),
    ("take control of", "take control of", "coercion"),
    ("gain control of", "take control of", "coercion"),
    ("take over", "seize", "coercion"),
    ("strike", "attack", "assault"),
    ("launch attack on", "attack", "assault"),
    ("pull out of", "withdraw from", "yield"),
    ("warn", "warn", "threat"),
    ("condemn", "criticize", "accusation"),
    ("be spokesperson of", "be spokesman of", "affiliation"),
], ids=lambda v: v if isinstance(v, str) else None)
def test_lexicon_normalizes_phrases(relation: str, canonical: str, klass: str) -> None:
    assert default_lexicon().normalize(relation) == (canonical, klass, True)


def test_lexicon_longest_phrase_wins() -> None:
    lex = Lexicon({"take": ("take", "x"), "take control of": ("seize", "coercion")})
    assert lex.normalize("take control of") == ("seize", "coercion", True)
    assert lex.normalize("take part in") == ("take part in", "x", True)


def test_lexicon_unknown_relation_is_kept_lowercased() -> None:
    assert default_lexicon().normalize("Frobnicate With") == ("frobnicate with", None, False)


def test_lexicon_is_case_and_space_insensitive() -> None:
    assert default_lexicon().normalize("Rule   Out") == ("reject", "rejection", True)


def test_lexicon_file_classes_are_the_documented_ones() -> None:
    assert set(default_lexicon().classes()) == CLASSES


def test_lexicon_file_canonicals_are_entries_of_themselves_with_one_class() -> None:
    lex = default_lexicon()
    for canonical, klass in lex.entries.values():
        assert canonical in lex.entries, f"canonical {canonical!r} is not listed as a phrase"
        # the canonical's own entry fixes its one class: any entry giving it another class fails here
        assert lex.entries[canonical] == (canonical, klass)


def test_lexicon_file_is_substantial_and_has_phrasal_and_multiword_entries() -> None:
    entries = default_lexicon().entries
    assert len(entries) >= 400
    assert sum(1 for k in entries if len(k.split()) >= 3) >= 30


def test_lexicon_file_phrases_are_unique_and_documented() -> None:
    lines = LEXICON_PATH.read_text(encoding="utf-8").splitlines()
    phrases = [ln.split("\t")[0] for ln in lines if ln.strip() and not ln.startswith("#")]
    assert len(phrases) == len(set(phrases))
    header = "\n".join(ln for ln in lines if ln.startswith("#"))
    for word in ("phrase", "canonical", "class", "longest", *CLASSES):
        assert word in header


@pytest.mark.parametrize("line", ["only-one-column", "a\tb", "a\t\tc", "a\tb\tc\td"])
def test_lexicon_malformed_line_names_file_and_line(tmp_path: Path, line: str) -> None:
    path = tmp_path / "lexicon.tsv"
    path.write_text(f"# comment\nsay\tsay\tstatement\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"lexicon\.tsv:3:"):
        Lexicon.from_tsv(path)


def test_lexicon_comments_and_blank_lines_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.tsv"
    path.write_text("# header\n\nrule out\treject\trejection\n", encoding="utf-8")
    assert Lexicon.from_tsv(path).entries == {"rule out": ("reject", "rejection")}
