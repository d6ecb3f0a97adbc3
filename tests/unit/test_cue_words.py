"""Cue words live in ontology/ (name_cues.tsv, clause_cues.tsv), each list in one file, read by one loader."""
from __future__ import annotations

import re

import pytest

import kg.ontology
from kg.ontology import cue_words
from tests.conftest import ROOT


@pytest.fixture
def cue_files(monkeypatch, tmp_path):
    """Point the loader at two cue files written by the test; the real table is read again afterwards."""
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    monkeypatch.setattr(kg.ontology, "CUE_FILES", (a, b))
    kg.ontology._cue_table.cache_clear()
    yield a, b
    kg.ontology._cue_table.cache_clear()


def test_cue_lists_of_both_files_are_read(cue_files):
    a, b = cue_files
    a.write_text("# names\nhonorific\tmr\nhonorific\tdr\n", encoding="utf-8")
    b.write_text("speech-verb\tsay\n", encoding="utf-8")
    assert cue_words("honorific") == {"mr", "dr"} and cue_words("speech-verb") == {"say"}
    with pytest.raises(KeyError, match="a.tsv or b.tsv"):
        cue_words("no-such-list")


def test_a_list_in_two_files_is_refused(cue_files):
    a, b = cue_files
    a.write_text("speech-verb\tsay\n", encoding="utf-8")
    b.write_text("speech-verb\ttell\n", encoding="utf-8")
    with pytest.raises(ValueError, match="b.tsv: cue list 'speech-verb' is already a list of a.tsv"):
        cue_words("speech-verb")


def test_the_shipped_cue_files_hold_each_list_once_and_are_used():
    kinds = {}
    for path in kg.ontology.CUE_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                kinds.setdefault(line.split("\t")[0], set()).add(path.name)
    assert all(len(files) == 1 for files in kinds.values()), kinds
    assert {"speech-verb", "title-noun", "magnitude-word", "office-head"} <= set(kinds)
    # every list is read somewhere in the code (a list no code reads is a dead copy)
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "kg").rglob("*.py"))
    used = set(re.findall(r'cue_words\("([\w-]+)"\)', code)) | {"entity-noun", "class-noun"}
    assert set(kinds) <= used, sorted(set(kinds) - used)
