"""The veridicality lexicon: reading ontology/veridicality.tsv and deriving it from MegaVeridicality."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.extract import generate_veridicality as gen
from kg.extract.veridicality import VERIDICALITY_PATH, entry, read_table
from kg.graph import asserted_label

SOURCE_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "lexicons" / "megaveridicality"


def _row(verb: str, frame: str, score: float) -> dict[str, str]:
    return {"verb": verb, "frame": frame, "polarity": "positive", "veridicalitynorm": str(score)}


def test_veridicality_classes_from_pooled_scores() -> None:
    table = gen.derive([_row("regretx", "NP Ved that S", 1.9), _row("pretendx", "NP Ved that S", -3.9),
                        _row("sayx", "NP Ved that S", -0.8), _row("forcex", "NP Ved NP to VP[+eventive]", 0.9)])
    assert table[("regretx", "that")][0] == "factive"
    assert table[("pretendx", "that")][0] == "antiveridical"
    assert table[("sayx", "that")][0] == "reported"
    assert table[("forcex", "np_to")][0] == "factive"


def test_veridicality_curated_class_overrides_the_pooled_score() -> None:
    # "manage to" scores near zero once both polarities are pooled; the curated class says implicative
    table = gen.derive([_row("manage", "NP Ved to VP[+eventive]", -0.12)])
    assert table[("manage", "to")] == ("implicative", -0.12, "curated")


def test_veridicality_committed_table_reads() -> None:
    assert entry("deny", "that").klass == "denial"
    assert entry("urge", "np_to").klass == "directive"
    assert entry("regret", "that").klass == "factive"
    assert entry("believe", "that").negraise
    assert entry("nonexistentverb", "that") is None


def test_veridicality_malformed_row_names_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "v.tsv"
    bad.write_text("# header\nsay\tthat\tmaybe\t\t\tcurated\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"v\.tsv:2: expected"):
        read_table(bad)


@pytest.mark.skipif(not (SOURCE_DIR / gen.SOURCE).exists(), reason="MegaVeridicality source not available")
def test_veridicality_committed_table_is_what_the_generator_writes(tmp_path: Path) -> None:
    out = tmp_path / "veridicality.tsv"
    gen.main(str(SOURCE_DIR), str(out))
    assert out.read_text(encoding="utf-8") == VERIDICALITY_PATH.read_text(encoding="utf-8")


@pytest.mark.parametrize("modality, polarity, label", [
    ("requested", "positive", "be asked to withdraw from"),
    ("requested", "negative", "be asked not to withdraw from"),
    ("alleged", "positive", "allegedly withdraw from"),
    ("conditional", "positive", None),
])
def test_veridicality_new_modalities_have_their_own_property(modality, polarity, label) -> None:
    assert asserted_label("withdraw from", polarity, modality) == label
