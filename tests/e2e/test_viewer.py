"""The HTML viewer runs in a real headless browser and shows the graph (Debian's chromium)."""
from __future__ import annotations

import re
import subprocess

import networkx as nx
import pytest

from kg.export.html import graph_json, write_html
from tests.e2e.conftest import require_tool


def _graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("e:a", label="Taliban </script><b>x</b>", type="Organization", aliases="")
    g.add_node("e:b", label="United States", type="Place", aliases="US")
    g.add_edge("e:a", "e:b", key="r:1", label="will not work with", weight=2, polarity="negative", modality="planned")
    return g


def test_viewer_json_cannot_close_its_script_element():
    text = graph_json(_graph())
    assert "</script>" not in text and "<" not in text


def test_viewer_renders_in_headless_chromium(tmp_path):
    chromium = require_tool("chromium")
    page = tmp_path / "graph.html"
    write_html(_graph(), page)
    run = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    assert re.search(r'<body[^>]*data-ready="true"', dom), dom[:500]
    assert "2 entities, 1 relations" in dom


@pytest.mark.model
def test_viewer_command_writes_the_page_next_to_the_graphml(demo_exports):
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["view", str(demo_exports)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("graph.html")
    assert "__GRAPH_JSON__" not in (demo_exports / "graph.html").read_text(encoding="utf-8")
