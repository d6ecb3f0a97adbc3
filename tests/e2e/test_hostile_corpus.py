"""The hostile-input corpus (tests/hostile_corpus.py) through a real `kg build` process: no traceback, exit 0,
one `skipped` line per bad input naming it, every good article in the graph, every export valid."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import pyoxigraph as ox

from kg.cli_common import printable
from tests.exportcheck import assert_exports_parse
from tests.hostile_corpus import Corpus, generate

pytestmark = pytest.mark.model
KG = Path(sys.executable).parent / "kg"
SCHEMA_ID = "https://schema.org/identifier"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return generate(tmp_path_factory.mktemp("hostile") / "in")


@pytest.fixture(scope="module")
def built(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path_factory.mktemp("hostile-out")
    done = subprocess.run([str(KG), "build", str(corpus.root), "-o", str(out), "-q"], capture_output=True,
                          text=True, errors="replace", timeout=600)
    return done, out


def test_hostile_corpus_builds_without_traceback(built: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    done, _ = built
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    assert done.returncode == 0, done.stderr


def test_hostile_corpus_names_each_bad_input_once(corpus: Corpus,
                                                   built: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    done, _ = built
    lines = done.stderr.splitlines()
    assert all(line.startswith("skipped ") for line in lines), lines
    assert len(lines) == len(corpus.bad)
    for source in corpus.bad:
        named = [line for line in lines if line.startswith(f"skipped {printable(source)}: ")]
        assert len(named) == 1, (source, named)
    assert f"skipped: {len(corpus.bad)}" in done.stdout


def test_hostile_corpus_every_good_article_in_every_export(corpus: Corpus,
                                                           built: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    _, out = built
    quads, view = assert_exports_parse(out)
    ids = {q.object.value for q in quads if q.predicate.value == SCHEMA_ID}
    assert ids == set(corpus.good)
    assert view.number_of_nodes() > 0
    validate = subprocess.run([str(KG), "validate", str(out / "graph.ttl")], capture_output=True, text=True)
    assert validate.returncode == 0, validate.stdout[-2000:]
    dates = {q.object.value for q in quads if q.predicate.value == "https://schema.org/datePublished"}
    assert "0099-01-02" in dates and not any(d.startswith("2020-13") for d in dates)


def test_hostile_corpus_strict_fails_naming_the_first_bad_input(corpus: Corpus, tmp_path: Path) -> None:
    done = subprocess.run([str(KG), "build", str(corpus.root), "-o", str(tmp_path), "-q", "--strict"],
                          capture_output=True, text=True, errors="replace", timeout=600)
    assert done.returncode == 1
    assert done.stderr.startswith(f"Error: {len(corpus.bad)} input(s) could not be read; first: ")
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "graph.ttl").exists()


def test_hostile_corpus_article_ids_are_safe_iris(built: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    _, out = built
    articles = {q.subject.value for q in ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)
                if q.predicate.value == SCHEMA_ID}
    assert all(not a.endswith((".", "-")) for a in articles)
