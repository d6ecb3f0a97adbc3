"""kill -9 at 10 random points of a 200-article build, export phase included: after each kill the folder shows
the complete old set or the complete new one, and the next build gives the bytes of a clean build.

The folder starts as a finished build of corpus A (with its cache); the killed build is of corpus B (A with 20
articles replaced), so old and new sets differ. Half the kill times are drawn over the whole build, half
inside the export phase (after the new set's folder appears), some right after the switch to the new set.
Articles are the first sentence or two of real Wikinews articles, to keep the 22 builds near two minutes.
Fixed seeds: the same points every run.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.publish import CURRENT, SETS
from tests.conftest import ROOT

pytestmark = pytest.mark.model
CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews" / "articles.jsonl"
KG = [sys.executable, "-m", "kg.cli"] if not (Path(sys.executable).parent / "kg").exists() \
    else [str(Path(sys.executable).parent / "kg")]
ENV = {**os.environ, "PYTHONHASHSEED": "0"}


def first_sentences(text: str, limit: int = 250) -> str:
    cut = text.rfind(". ", 0, limit)
    return text[:cut + 1] if cut > 0 else text[:limit]


def source_rows(n: int) -> list[dict]:
    """``n`` articles: the shared Wikinews corpus when it is beside the repository, else the repository's own
    demo articles (``articles/wikinews.jsonl``) repeated under new ids, so the test runs on any clone."""
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8") as f:
            return [json.loads(line) for line, _ in zip(f, range(n))]
    demo = [json.loads(line) for line in (ROOT / "articles" / "wikinews.jsonl").read_text(encoding="utf-8")
            .splitlines() if line.strip()]
    return [{**demo[i % len(demo)], "id": f"{demo[i % len(demo)]['id']}-{i // len(demo)}"} for i in range(n)]


def corpora(tmp: Path) -> tuple[Path, Path]:
    rows = [{**row, "text": first_sentences(row["text"])} for row in source_rows(220)]
    a, b = tmp / "a.jsonl", tmp / "b.jsonl"
    a.write_text("".join(json.dumps(r) + "\n" for r in rows[:200]), encoding="utf-8")
    b.write_text("".join(json.dumps(r) + "\n" for r in rows[20:220]), encoding="utf-8")
    return a, b


def build(corpus: Path, out: Path) -> float:
    started = time.perf_counter()
    run = subprocess.run([*KG, "build", str(corpus), "-o", str(out), "-q"], capture_output=True, text=True, env=ENV)
    assert run.returncode == 0, run.stderr
    return time.perf_counter() - started


def timed_build(corpus: Path, out: Path) -> tuple[float, float]:
    """(whole build, export phase) wall seconds of an unstopped build into ``out``; the phase starts with the
    new set."""
    old = {p.name for p in (out / SETS).iterdir()} if (out / SETS).is_dir() else set()
    started = time.perf_counter()
    process = subprocess.Popen([*KG, "build", str(corpus), "-o", str(out), "-q"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, env=ENV)
    while process.poll() is None and not new_set_started(out, old):
        time.sleep(0.002)
    exporting = time.perf_counter()
    _, errors = process.communicate()
    assert process.returncode == 0, errors
    ended = time.perf_counter()
    return ended - started, ended - exporting


def shown(out: Path) -> dict[str, bytes]:
    """The exports as a reader opening them by their usual paths sees them."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".") and p.is_file()}


def new_set_started(out: Path, old: set[str]) -> bool:
    sets = out / SETS
    return sets.is_dir() and any(p.name not in old for p in sets.iterdir())


def switched(out: Path, old: str) -> bool:
    try:
        return os.readlink(out / CURRENT) != old
    except OSError:
        return False


def test_build_killed_at_random_points_leaves_a_complete_set_and_rebuilds_identically(tmp_path):
    a, b = corpora(tmp_path)
    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    build(a, old_dir)
    build(b, new_dir)   # the new set's bytes, from a clean build
    probe = tmp_path / "probe"   # timed as the killed builds run: over the old build, its cache warm
    shutil.copytree(old_dir, probe, symlinks=True)
    whole, export = timed_build(b, probe)
    assert shown(probe) == shown(new_dir)
    shutil.rmtree(probe)
    old, new = shown(old_dir), shown(new_dir)
    assert len(old) == 11 and old.keys() == new.keys() and old != new   # 9 exports + 2 Neo4j CSV files
    old_link = os.readlink(old_dir / CURRENT)
    rng = random.Random(20261130)
    report = []
    for i in range(10):
        work = tmp_path / f"work{i}"
        shutil.copytree(old_dir, work, symlinks=True)
        old_sets = {p.name for p in (work / SETS).iterdir()}
        process = subprocess.Popen([*KG, "build", str(b), "-o", str(work), "-q"], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env=ENV)
        started = time.perf_counter()
        phase = ("any", "export", "switched")[i % 3]
        if phase == "any":
            time.sleep(rng.uniform(0, whole))
        elif phase == "export":
            while process.poll() is None and not new_set_started(work, old_sets):
                time.sleep(0.002)
            time.sleep(rng.uniform(0, export))
        else:
            while process.poll() is None and not switched(work, old_link):
                time.sleep(0.001)
        running = process.poll() is None
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = shown(work)
        outcome = "old" if after == old else "new" if after == new else "MIXED"
        report.append(f"kill {i}: {phase} +{time.perf_counter() - started:.2f}s "
                      f"({'running' if running else 'already done'}) -> {outcome}")
        assert outcome != "MIXED", report
        assert phase != "switched" or outcome == "new", report
        build(b, work)   # the next build: clean bytes, nothing left over
        assert shown(work) == new, report
        assert len(list((work / SETS).iterdir())) == 1 and not list(work.rglob("*.tmp")), report
        shutil.rmtree(work)
    print(f"unstopped build {whole:.1f}s, export phase {export:.1f}s\n" + "\n".join(report))
    assert sum("(running)" in line for line in report) >= 7, report   # the kills hit running builds
    assert any(": export" in line and "(running) -> old" in line for line in report), report
