"""The HTML viewer in a real headless browser (Debian's chromium, driven by Playwright): nodes drawn, search
that finds and centres an entity, filters that change what is shown, statements with their evidence."""
from __future__ import annotations

import json
import random

import networkx as nx
import pytest

from kg.export.html import OVERVIEW_NODES, graph_json, write_html
from tests.browser import browser, centre_offset, dataset, viewer_page
from tests.e2e.conftest import require_tool

TYPES = ["Person", "Organization", "Place", "Group", "Event"]


@pytest.fixture(scope="module")
def chromium():
    with browser(require_tool("chromium")) as b:
        yield b


def _small() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("e:a", label="Taliban </script><b>x</b>", type="Organization", aliases="[]")
    g.add_node("e:b", label="United States", type="Place", aliases='["US"]')
    g.add_edge("e:a", "e:b", key="r:1", label="will not work with", weight=2, polarity="negative", modality="planned")
    return g


def generated(n: int = 5000, seed: int = 7) -> nx.MultiDiGraph:
    """A scale-free graph of ``n`` named entities with types, supports and dates, as kg.graph builds it."""
    rng = random.Random(seed)
    base = nx.barabasi_albert_graph(n, 2, seed=seed)
    g = nx.MultiDiGraph()
    for i in base.nodes:
        g.add_node(f"e:n{i}", label=f"Entity {i}", type=TYPES[i % len(TYPES)], aliases=json.dumps([f"E{i}"]))
    for k, (u, v) in enumerate(base.edges):
        day = f"20{rng.randint(10, 21)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        g.add_edge(f"e:n{u}", f"e:n{v}", key=f"r:{k}", label=rng.choice(["meet", "attack", "criticize"]),
                   relation_class=rng.choice(["", "assault", "consultation"]),
                   polarity="negative" if k % 7 == 0 else "positive", modality="asserted",
                   weight=1 + (k % 5 == 0) * rng.randint(1, 9), first_seen=day, last_seen=day)
    return g


def test_viewer_json_cannot_close_its_script_element():
    text = graph_json(_small())
    assert "</script>" not in text and "<" not in text


def test_viewer_renders_offline_in_headless_chromium(chromium, tmp_path):
    page = tmp_path / "graph.html"
    write_html(_small(), page)
    with viewer_page(chromium, page) as pg:
        state = dataset(pg)
        assert state["nodesDrawn"] == "2" and state["edgesShown"] == "1"
        assert "2 of 2 entities, 1 of 1 relations shown" in pg.inner_text("#status")
        assert "Taliban </script><b>x</b>" in pg.evaluate("kgViewer.graph.getNodeAttribute('e:a', 'label')")


@pytest.fixture(scope="module")
def big_page(tmp_path_factory):
    page = tmp_path_factory.mktemp("viewer") / "graph.html"
    write_html(generated(), page)
    return page


def test_5000_nodes_are_drawn_on_an_overview(chromium, big_page):
    with viewer_page(chromium, big_page) as pg:
        state = dataset(pg)
        assert pg.evaluate("kgViewer.graph.order") == 5000
        assert int(state["nodesDrawn"]) == int(state["nodesShown"]) == OVERVIEW_NODES
        # the layout was computed before: nothing is redrawn while nobody touches the page
        pg.evaluate("window.frames_ = 0; kgViewer.renderer.on('afterRender', () => window.frames_++)")
        pg.wait_for_timeout(1000)
        assert pg.evaluate("window.frames_") == 0
        pg.fill("#topN", "5000")
        pg.dispatch_event("#topN", "input")
        assert dataset(pg)["nodesShown"] == "5000"


def test_search_ranks_the_exact_name_first_and_centres_on_it(chromium, big_page):
    with viewer_page(chromium, big_page) as pg:
        # "Entity 4321" is far outside the overview; "Entity 43210" does not exist, "Entity 432" does
        pg.fill("#search", "entity 4321")
        assert pg.inner_text("#results li:first-child") == "Entity 4321"
        pg.press("#search", "Enter")
        assert dataset(pg)["selected"] == "e:n4321"
        assert centre_offset(pg, "e:n4321") < 3
        assert pg.evaluate("kgViewer.graph.getNodeAttribute('e:n4321', 'hidden')") is False
        assert "Entity 4321" in pg.inner_text("#details h4")
        pg.fill("#search", "E432")          # an alias, exactly
        assert pg.inner_text("#results li:first-child") == "Entity 432"


def test_filters_change_the_counts(chromium, big_page):
    with viewer_page(chromium, big_page) as pg:
        before = dataset(pg)
        pg.uncheck("input[data-type=Person]")
        after = dataset(pg)
        assert int(after["nodesShown"]) < int(before["nodesShown"])
        assert pg.evaluate("kgViewer.graph.filterNodes((n, a) => !a.hidden && a.kgType === 'Person').length") == 0
        pg.check("input[data-type=Person]")
        assert dataset(pg) == before
        pg.uncheck("input[data-kind=negative]")
        assert int(dataset(pg)["edgesShown"]) < int(before["edgesShown"])
        pg.check("input[data-kind=negative]")
        pg.fill("#support", "3")
        pg.dispatch_event("#support", "input")
        supported = pg.evaluate("kgViewer.graph.filterEdges((e, a) => !a.hidden).map(e => kgViewer.graph.getEdgeAttribute(e, 'size'))")
        assert 0 < len(supported) < int(before["edgesShown"])
        pg.fill("#support", "1")
        pg.dispatch_event("#support", "input")
        pg.fill("#dateTo", "0")             # up to the first day only
        pg.dispatch_event("#dateTo", "input")
        assert int(dataset(pg)["edgesShown"]) < int(before["edgesShown"])


def test_expanding_a_node_shows_its_hidden_neighbours(chromium, big_page):
    with viewer_page(chromium, big_page) as pg:
        hidden = pg.evaluate("kgViewer.graph.neighbors('e:n0').filter(m => kgViewer.graph.getNodeAttribute(m, 'hidden')).length")
        assert hidden > 0     # the hub's neighbours are mostly beyond the overview
        pg.evaluate("kgViewer.focus('e:n0', 0)")
        pg.click("#expand")
        assert pg.evaluate("kgViewer.graph.neighbors('e:n0').filter(m => kgViewer.graph.getNodeAttribute(m, 'hidden')).length") == 0


@pytest.mark.model
def test_demo_viewer_shows_statements_with_sentence_and_article(chromium, demo_exports):
    with viewer_page(chromium, demo_exports / "graph.html") as pg:
        assert int(dataset(pg)["nodesDrawn"]) > 20
        pg.fill("#search", "taliban")
        pg.press("#search", "Enter")
        details = pg.inner_text("#details")
        assert details.startswith("Taliban")
        assert "will not work with" in details and "Taliban Rules out Cooperation with US to Contain ISIS" in details
        node = dataset(pg)["selected"]
        assert centre_offset(pg, node) < 3
        pg.click("#fit")
        assert centre_offset(pg, node) > 3


@pytest.mark.model
def test_viewer_command_writes_the_page_next_to_the_graphml(demo_exports):
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["view", str(demo_exports)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("graph.html")
    assert "__GRAPH_JSON__" not in (demo_exports / "graph.html").read_text(encoding="utf-8")
