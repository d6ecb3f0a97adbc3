"""`kg export` and `kg view` on a hand-built build folder (no model)."""
from __future__ import annotations

import csv
import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.export.graphml import write_graphml
from kg.export.nquads import write_nquads
from kg.graph import to_networkx, to_quads
from tests.kgfixtures import make_kg


@pytest.fixture
def build_dir(tmp_path):
    kg = make_kg()
    folder = tmp_path / "build"
    folder.mkdir()
    write_graphml(to_networkx(kg), folder / "graph.graphml")
    write_nquads(to_quads(kg), folder / "graph.nq")
    return folder


def _embedded(page: str) -> dict:
    text = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    return json.loads(text)


def test_export_writes_every_format_of_the_view(build_dir, tmp_path):
    out = tmp_path / "view"
    result = CliRunner().invoke(cli, ["export", str(build_dir), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "view: 4 entities, 3 relations" in result.output
    graph = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    assert {d["label"] for _, d in graph.nodes(data=True)} == {"Taliban", "United States", "Suhail Shaheen",
                                                                "Zalmay Khalilzad"}
    assert json.loads(graph.nodes["e:taliban"]["details"]) == ["reject → offer"]     # the concept, folded
    assert "<gexf" in (out / "graph.gexf").read_text(encoding="utf-8")
    with (out / "edges.csv").open(encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == 3
    data = _embedded((out / "graph.html").read_text(encoding="utf-8"))
    negated = next(e for e in data["edges"] if e["label"] == "will not work with")
    sentence, article = negated["ev"][0]
    assert "will not work with the US" in sentence
    assert data["articles"][article] == ["Headline of taliban", "2021-10-09", "https://news.example/taliban",
                                       "taliban"]


def test_export_of_a_filtered_view_and_a_chosen_format(build_dir, tmp_path):
    out = tmp_path / "v"
    result = CliRunner().invoke(cli, ["export", str(build_dir), "-o", str(out), "--format", "graphml",
                                      "--entity", "Zalmay Khalilzad", "--hops", "1", "--concepts"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["graph.graphml"]
    graph = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    assert {d["label"] for _, d in graph.nodes(data=True)} == {"Zalmay Khalilzad", "Suhail Shaheen"}
    everything = CliRunner().invoke(cli, ["export", str(build_dir), "-o", str(tmp_path / "all"), "--all",
                                          "--format", "csv"])
    assert everything.exit_code == 0 and "Concept 1" in everything.output


@pytest.mark.parametrize("args, code, message", [
    (["--format", "png"], 2, "unknown format png"),
    (["--since", "last week"], 2, "is not a date"),
    (["--entity", "Nobody"], 1, "Error: no entity named 'Nobody' in the graph"),
])
def test_export_errors_are_one_line(build_dir, tmp_path, args, code, message):
    result = CliRunner().invoke(cli, ["export", str(build_dir), "-o", str(tmp_path / "o"), *args])
    assert result.exit_code == code and message in result.output
    assert "Traceback" not in result.output


def test_export_refuses_to_write_into_the_build_folder(build_dir):
    result = CliRunner().invoke(cli, ["export", str(build_dir), "-o", str(build_dir)])
    assert result.exit_code == 1 and "is the build folder" in result.output


def test_export_names_a_broken_graphml(tmp_path):
    (tmp_path / "graph.graphml").write_text("<graphml><oops")
    result = CliRunner().invoke(cli, ["export", str(tmp_path), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1 and "graph.graphml: not a readable GraphML file" in result.output


def test_view_writes_the_page_of_the_view_with_its_evidence(build_dir):
    result = CliRunner().invoke(cli, ["view", str(build_dir), "--polarity", "negative"])
    assert result.exit_code == 0, result.output
    data = _embedded((build_dir / "graph.html").read_text(encoding="utf-8"))
    assert [e["label"] for e in data["edges"]] == ["will not work with"]
    assert {n["label"] for n in data["nodes"]} == {"Taliban", "United States"}
    assert data["edges"][0]["ev"]
