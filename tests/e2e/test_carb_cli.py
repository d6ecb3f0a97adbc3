"""``kg extract --sentences FILE --format carb`` end to end with the real model, and the dev-split score.

The score test needs the CaRB dev split and scorer next to the repository (``../shared``, or
``KG_CARB_DIR`` / ``KG_CARB_SCORER``); it is skipped with the reason when they are missing.
"""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").exists() else Path("/work/shared")
CARB_DIR = Path(os.environ.get("KG_CARB_DIR", SHARED / "eval" / "carb"))
SCORER = Path(os.environ.get("KG_CARB_SCORER", SHARED / "tools" / "carb.py"))

SENTENCES = [
    "The Taliban will not work with the US to combat extremist groups in Afghanistan .",
    "Tom Bradley joined the company as a junior clerk in 1941 .",
    "The mosque , which was attacked by ISIS , reopened .",
]


def test_carb_cli_copies_sentences_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "sentences.txt"
    path.write_text("\n".join(SENTENCES) + "\n\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--sentences", str(path), "--format", "carb"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines
    for line in lines:
        cells = line.split("\t")
        assert len(cells) >= 4
        assert cells[0] in SENTENCES
        assert 0.0 < float(cells[1]) < 1.0
    assert {line.split("\t")[0] for line in lines} == set(SENTENCES)
    assert any(line.split("\t")[2:4] == ["will not work with", "The Taliban"] for line in lines)


def test_carb_cli_needs_carb_format_and_one_input(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text("A b c .\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--sentences", str(path)])
    assert result.exit_code == 2 and "--format carb" in result.output
    result = CliRunner().invoke(cli, ["extract"])
    assert result.exit_code == 2 and "either SOURCE or --sentences" in result.output
    result = CliRunner().invoke(cli, ["extract", "--sentences", str(tmp_path / "missing.txt"), "--format", "carb"])
    assert result.exit_code == 2 and "missing.txt" in result.output


def test_carb_dev_split_score(tmp_path: Path) -> None:
    sentences, gold = CARB_DIR / "dev.txt", CARB_DIR / "gold_dev.tsv"
    if not (sentences.exists() and gold.exists() and SCORER.exists()):
        pytest.skip(f"CaRB dev split or scorer not found under {CARB_DIR} / {SCORER} "
                    "(set KG_CARB_DIR and KG_CARB_SCORER)")
    from kg.extract_text import extract_carb

    pred = tmp_path / "pred.tsv"
    pred.write_text("\n".join(extract_carb(sentences)) + "\n", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("carb_scorer", SCORER)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    result = scorer.score(str(gold), str(pred))
    assert result["f1"] >= 0.49 and result["auc"] >= 0.30, result


def test_carb_cli_renders_a_text_with_full_phrases() -> None:
    result = CliRunner().invoke(cli, ["extract", "--format", "carb",
                                      "The Taliban will not work with the US to combat extremist groups."])
    assert result.exit_code == 0, result.output
    cells = [line.split("\t") for line in result.output.splitlines()]
    assert ["will not work with", "The Taliban", "the US"] == cells[0][2:5]
