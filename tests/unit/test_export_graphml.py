"""GraphML as its readers need it: key ids that are attribute names, a graph id, typed values, kept edge ids."""
from __future__ import annotations

import io
import json
import warnings
from pathlib import Path

import networkx as nx
from lxml import etree

from kg.export.graphml import generate_graphml, key_table
from tests.exportcheck import GRAPHML_XSD
from tests.unit.test_gexf_csv import _view

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


def test_graphml_key_ids_are_attribute_names_and_the_graph_has_an_id() -> None:
    data = generate_graphml(_view())
    root = etree.fromstring(data)
    etree.XMLSchema(etree.parse(str(GRAPHML_XSD))).assertValid(root)
    keys = {(k.get("for"), k.get("attr.name")): (k.get("id"), k.get("attr.type")) for k in root.iterfind("g:key", NS)}
    assert keys[("node", "label")] == ("label", "string")
    assert keys[("node", "mentions")] == ("mentions", "long")
    assert keys[("edge", "weight")] == ("weight", "long")
    assert keys[("edge", "confidence")] == ("confidence", "double")
    assert keys[("edge", "label")] == ("edge_label", "string")   # ids are unique in a document
    assert root.find("g:graph", NS).get("id") == "kg"
    assert [e.get("id") for e in root.iterfind("g:graph/g:edge", NS)] == ["r:1", "r:2"]


def test_graphml_unknown_numbers_are_left_out_not_empty() -> None:
    g = _view()
    g.nodes["e:taliban"]["mentions"] = None
    root = etree.fromstring(generate_graphml(g))
    node = root.find("g:graph/g:node[@id='e:taliban']", NS)
    assert [d.get("key") for d in node.iterfind("g:data", NS)] == ["aliases", "articles", "iri", "label", "type"]
    assert dict((k, t) for k, _, _, t in key_table(g))["mentions"] == "long"


def test_graphml_networkx_and_igraph_read_names_and_types(tmp_path: Path) -> None:
    import igraph

    data = generate_graphml(_view())
    back = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    assert back.nodes["e:united-states"]["label"] == "United States"
    assert json.loads(back.nodes["e:united-states"]["aliases"]) == ["US", "U.S."]
    edge = back.edges["e:taliban", "e:united-states", "r:1"]
    assert (edge["label"], edge["weight"], edge["confidence"]) == ("will not work with", 2, 0.8)
    (tmp_path / "g.graphml").write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("error")        # igraph warns about keys it ignores
        ig = igraph.Graph.Read_GraphML(str(tmp_path / "g.graphml"))
    assert sorted(ig.vs["label"]) == ["Taliban", "United States"]
    assert sorted(ig.es["label"]) == ["urge", "will not work with"] and sorted(ig.es["weight"]) == [1.0, 2.0]
    assert sorted(ig.vs["mentions"]) == [3.0, 5.0]
