"""One check that an exports folder is readable by every tool kg promises: Turtle/TriG/N-Quads in pyoxigraph,
rdflib and rapper; JSON-LD in pyoxigraph and rdflib; GraphML against the XML schema and in networkx and
igraph; GEXF in networkx; the CSV tables in Python's csv module."""
from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from lxml import etree
from rdflib import Graph

from tests.kgfixtures import rdflib_dataset, rdflib_parse

GRAPHML_XSD = Path(__file__).resolve().parent / "data" / "graphml" / "graphml.xsd"
RAPPER = {"graph.ttl": "turtle", "graph.trig": "trig", "graph.nq": "nquads"}


def rapper() -> str | None:
    found = shutil.which("rapper")
    if not found and os.environ.get("KG_REQUIRE_SYSTEM_TOOLS"):
        pytest.fail("rapper (raptor2-utils) is required: make system-deps")
    return found


def assert_exports_parse(out: Path) -> tuple[list[ox.Quad], nx.MultiDiGraph]:
    """Parse every export in ``out`` with every reader; return the N-Quads and the GraphML view.

    Raises:
        AssertionError: a reader rejects an export, or two exports disagree on what they hold.
    """
    quads = list(ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    assert {str(q) for q in ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)} == {str(q) for q in quads}
    union = {str(q.triple) for q in quads}
    assert {str(t) for t in ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)} == union
    assert {str(t) for t in ox.parse(path=str(out / "graph.jsonld"), format=ox.RdfFormat.JSON_LD)} == union
    assert len(Graph().parse(out / "graph.ttl", format="turtle")) == len(union)
    assert len(rdflib_parse(out / "graph.jsonld", "json-ld")) == len(union)
    for name, fmt in (("graph.trig", "trig"), ("graph.nq", "nquads")):
        ds = rdflib_dataset((out / name).read_bytes(), fmt)
        assert sum(1 for _ in ds.quads((None, None, None, None))) == len(quads)
    tool = rapper()
    if tool:
        for name, syntax in RAPPER.items():
            done = subprocess.run([tool, "-q", "-i", syntax, "-c", str(out / name)], capture_output=True, text=True)
            assert done.returncode == 0, (name, done.stderr)
    etree.XMLSchema(etree.parse(str(GRAPHML_XSD))).assertValid(etree.parse(str(out / "graph.graphml")))
    view = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    import igraph

    ig = igraph.Graph.Read_GraphML(str(out / "graph.graphml"))
    assert (ig.vcount(), ig.ecount()) == (view.number_of_nodes(), view.number_of_edges())
    assert nx.read_gexf(out / "graph.gexf").number_of_nodes() == view.number_of_nodes()
    with (out / "nodes.csv").open(newline="", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == view.number_of_nodes()
    with (out / "edges.csv").open(newline="", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == view.number_of_edges()
    return quads, view
