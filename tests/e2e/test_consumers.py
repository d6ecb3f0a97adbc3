"""The visual exports read by the consumers' own libraries, labels and attribute types intact: graphology
(graphology-graphml, graphology-gexf: Gephi Lite's parsers) and cytoscape.js (cytoscape-graphml) under Node,
python-igraph and networkx.

The JavaScript packages are pinned in tests/interop/package-lock.json and installed by ``make setup-node``
(part of ``make test``); Node comes from Debian."""
from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from kg.export.gexf import write_gexf
from kg.export.graphml import key_table, write_graphml
from kg.graph import to_networkx
from tests.e2e.conftest import require_tool
from tests.kgfixtures import make_kg

INTEROP = Path(__file__).resolve().parents[1] / "interop"
NUMERIC_NODE = ("mentions", "articles")
NUMERIC_EDGE = ("weight", "articles", "confidence")


@pytest.fixture(scope="module")
def view() -> nx.MultiDiGraph:
    return to_networkx(make_kg())


@pytest.fixture(scope="module")
def files(view: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("visual")
    write_graphml(view, folder / "graph.graphml")
    write_gexf(view, folder / "graph.gexf")
    return folder / "graph.graphml", folder / "graph.gexf"


@pytest.fixture(scope="module")
def javascript(files: tuple[Path, Path]) -> dict[str, dict]:  # type: ignore[type-arg]
    node = require_tool("node")
    if not (INTEROP / "node_modules" / "graphology").is_dir():
        if (INTEROP / ".npm-unreachable").exists():
            pytest.skip("npm could not install tests/interop's packages (registry unreachable when make ran)")
        message = "the npm packages of tests/interop are not installed (make setup-node)"
        if os.environ.get("KG_REQUIRE_SYSTEM_TOOLS"):
            pytest.fail(message)
        pytest.skip(message)
    done = subprocess.run([node, str(INTEROP / "read_exports.js"), *map(str, files)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _edges(view: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    return sorted((u, v, d["label"]) for u, v, d in view.edges(data=True))


@pytest.mark.parametrize("reader", ["graphology_graphml", "graphology_gexf"])
def test_graphology_reads_labels_and_typed_attributes(javascript, view, reader: str) -> None:  # type: ignore[no-untyped-def]
    seen = javascript[reader]
    assert seen["type"] == "directed" and (seen["order"], seen["size"]) == (view.number_of_nodes(),
                                                                              view.number_of_edges())
    assert {k: n["attributes"]["label"] for k, n in seen["nodes"].items()} == dict(view.nodes(data="label"))
    for key, node in seen["nodes"].items():
        assert all(node["types"][name] == "number" for name in NUMERIC_NODE), (key, node)
        assert node["attributes"]["mentions"] == view.nodes[key]["mentions"]
        assert node["attributes"]["type"] == view.nodes[key]["type"]
    assert sorted((e["source"], e["target"], e["attributes"]["label"]) for e in seen["edges"].values()) \
        == _edges(view)
    for edge in seen["edges"].values():
        assert all(edge["types"][name] == "number" for name in NUMERIC_EDGE), edge
        assert edge["attributes"]["polarity"] in ("positive", "negative")


def test_cytoscape_reads_the_graphml_with_named_attributes(javascript, view) -> None:  # type: ignore[no-untyped-def]
    seen = javascript["cytoscape_graphml"]
    assert (seen["order"], seen["size"]) == (view.number_of_nodes(), view.number_of_edges())
    # cytoscape-graphml names each value by its key id: the ids are the attribute names, so labels arrive
    assert {k: n["label"] for k, n in seen["nodes"].items()} == dict(view.nodes(data="label"))
    edge_label = next(i for i, kind, name, _ in key_table(view) if kind == "edge" and name == "label")
    assert sorted((e["source"], e["target"], e[edge_label]) for e in seen["edges"].values()) == _edges(view)
    assert all(set(NUMERIC_NODE) <= set(n) for n in seen["nodes"].values())


def test_igraph_reads_the_graphml(files: tuple[Path, Path], view: nx.MultiDiGraph) -> None:
    import igraph

    graph = igraph.Graph.Read_GraphML(str(files[0]))
    assert graph.is_directed() and (graph.vcount(), graph.ecount()) == (view.number_of_nodes(),
                                                                      view.number_of_edges())
    assert {v["id"]: v["label"] for v in graph.vs} == dict(view.nodes(data="label"))
    assert all(isinstance(v[name], float) for v in graph.vs for name in NUMERIC_NODE)
    assert all(isinstance(e[name], float) for e in graph.es for name in NUMERIC_EDGE)
    ids = graph.vs["id"]
    assert sorted((ids[e.source], ids[e.target], e["label"]) for e in graph.es) == _edges(view)


def test_networkx_reads_both(files: tuple[Path, Path], view: nx.MultiDiGraph) -> None:
    for graph in (nx.read_graphml(files[0]), nx.read_gexf(io.BytesIO(files[1].read_bytes()))):
        assert dict(graph.nodes(data="label")) == dict(view.nodes(data="label"))
        assert sorted((u, v, d["label"]) for u, v, d in graph.edges(data=True)) == _edges(view)
        assert all(isinstance(d["mentions"], int) for _, d in graph.nodes(data=True))
