"""The corpus view in headless chromium: first paint <= 3 s, interactive <= 10 s, and a layout that has
settled (no frame drawn while nobody touches the page).

The graph is a build of the Wikinews corpus (``../shared/corpora/wikinews/articles.jsonl``): give a build
folder in ``KG_CORPUS_BUILD`` to reuse one (``kg build ../shared/corpora/wikinews/articles.jsonl -o DIR``),
else the corpus is built here first (minutes; ``KG_BENCH_ARTICLES=N`` for the first N articles only).
The page is `kg view`'s default view. ``KG_VIEWER_SCREENSHOT=PATH`` saves a screenshot of the page
(docs/viewer-corpus.png was made so, and docs/viewer-corpus-search.png: the page after searching
``KG_VIEWER_SEARCH``, default Taliban).

    KG_CORPUS_BUILD=/tmp/corpus9 .venv/bin/python -m pytest tests/benchmarks/test_viewer_corpus.py -m benchmark -s
"""
from __future__ import annotations

import itertools
import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from tests.browser import browser, dataset, viewer_page
from tests.e2e.conftest import require_tool

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews" / "articles.jsonl"
FIRST_PAINT_MS, INTERACTIVE_MS = 3_000, 10_000


def _build(tmp_path: Path) -> Path:
    given = os.environ.get("KG_CORPUS_BUILD")
    if given:
        return Path(given)
    if not CORPUS.exists():
        pytest.skip(f"corpus not found: {CORPUS} (or set KG_CORPUS_BUILD to a build folder)")
    source, n = CORPUS, int(os.environ.get("KG_BENCH_ARTICLES", "0"))
    if n:
        source = tmp_path / "articles.jsonl"
        with CORPUS.open(encoding="utf-8") as f:
            source.write_text("".join(itertools.islice(f, n)), encoding="utf-8")
    out = tmp_path / "corpus"
    result = CliRunner().invoke(cli, ["build", str(source), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.benchmark
def test_corpus_view_paints_fast_and_settles(tmp_path):
    chromium = require_tool("chromium")
    build = _build(tmp_path)
    page_dir = tmp_path / "page"
    page_dir.mkdir()
    (page_dir / "graph.graphml").symlink_to((build / "graph.graphml").resolve())
    (page_dir / "graph.ttl").symlink_to((build / "graph.ttl").resolve())
    started = time.perf_counter()
    result = CliRunner().invoke(cli, ["view", str(page_dir)])
    assert result.exit_code == 0, result.output
    written = time.perf_counter() - started
    page = page_dir / "graph.html"
    data = json.loads(page.read_text(encoding="utf-8").split('<script id="graph-data" type="application/json">')[1]
                      .split("</script>")[0])
    with browser(chromium) as b, viewer_page(b, page) as pg:
        state = dataset(pg)
        pg.evaluate("window.frames_ = 0; kgViewer.renderer.on('afterRender', () => window.frames_++)")
        pg.wait_for_timeout(2000)
        idle_frames = pg.evaluate("window.frames_")
        shot = os.environ.get("KG_VIEWER_SCREENSHOT")
        if shot:
            pg.screenshot(path=shot)
            pg.fill("#search", os.environ.get("KG_VIEWER_SEARCH", "Taliban"))    # and one entity's statements
            pg.press("#search", "Enter")
            pg.wait_for_timeout(1000)
            pg.screenshot(path=str(Path(shot).with_name(Path(shot).stem + "-search.png")))
    first, ready = int(state["firstPaintMs"]), int(state["interactiveMs"])
    print(f"\ncorpus view: {len(data['nodes'])} entities, {len(data['edges'])} relations, "
          f"{page.stat().st_size / 1e6:.1f} MB page written in {written:.1f} s; "
          f"first paint {first} ms, interactive {ready} ms, {state['nodesDrawn']} entities drawn, "
          f"{idle_frames} frames while idle")
    assert first <= FIRST_PAINT_MS and ready <= INTERACTIVE_MS
    assert int(state["nodesDrawn"]) > 100
    assert idle_frames == 0     # the layout is computed once; nothing redraws unless asked
