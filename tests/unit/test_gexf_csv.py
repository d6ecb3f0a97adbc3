"""GEXF and CSV exports of the networkx view round-trip (no model)."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx

from kg.export.gexf import generate_gexf
from kg.export.tables import generate_csv


def _view() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("e:taliban", label="Taliban", type="Organization", aliases="", mentions=3, articles=1, iri="x:t")
    g.add_node("e:united-states", label="United States", type="Place", aliases='["US", "U.S."]', mentions=5, articles=2,
               iri="x:u")
    g.add_edge("e:taliban", "e:united-states", key="r:1", label="will not work with", relation="work with",
               polarity="negative", modality="planned", weight=2, articles=1, confidence=0.8,
               first_seen="2021-10-09", last_seen="2021-10-10")
    g.add_edge("e:united-states", "e:taliban", key="r:2", label="urge\x01", relation="urge", polarity="positive",
               modality="asserted", weight=1, articles=1, confidence=0.7, first_seen="", last_seen="")
    return g


def test_gexf_round_trip_keeps_labels_and_timeline():
    data = generate_gexf(_view())
    back = nx.read_gexf(io.BytesIO(data))
    assert {d["label"] for _, d in back.nodes(data=True)} == {"Taliban", "United States"}
    edges = {d["label"]: d for *_, d in back.edges(data=True)}
    assert set(edges) == {"will not work with", "urge"}      # the control character is gone
    # a closed interval to the end of the last day (the day after), so a one-day edge has a length
    assert edges["will not work with"]["start"] == "2021-10-09"
    assert edges["will not work with"]["end"] == "2021-10-11"
    assert "start" not in edges["urge"]                       # no dates: always there
    assert b'mode="dynamic"' in data and b'timeformat="date"' in data
    assert data.count(b'<gexf xmlns="http://gexf.net/1.3"') == 1 and b'version="1.3"' in data
    assert b"name=" not in data                                 # no empty graph name
    # nodes live as long as their edges do
    assert {n: d.get("start") for n, d in back.nodes(data=True)} == {"e:taliban": "2021-10-09",
                                                                    "e:united-states": "2021-10-09"}
    # edge ids kept, typed attributes
    assert {d["id"] for *_, d in back.edges(data=True)} == {"r:1", "r:2"}
    assert edges["will not work with"]["articles"] == 1 and edges["urge"]["confidence"] == 0.7
    assert not any("networkx_key" in d for *_, d in back.edges(data=True))


def test_csv_has_fixed_columns_and_one_row_per_node_and_edge():
    nodes, edges = generate_csv(_view())
    node_rows = list(csv.DictReader(io.StringIO(nodes)))
    edge_rows = list(csv.DictReader(io.StringIO(edges)))
    assert list(node_rows[0])[:2] == ["Id", "Label"]
    assert list(edge_rows[0])[:6] == ["Source", "Target", "Type", "Id", "Label", "Weight"]   # Gephi's names
    assert [r["Label"] for r in node_rows] == ["Taliban", "United States"]
    assert json.loads(node_rows[1]["aliases"]) == ["US", "U.S."]
    assert [(r["Source"], r["Target"], r["Type"], r["Id"], r["Label"], r["Weight"]) for r in edge_rows] == [
        ("e:taliban", "e:united-states", "Directed", "r:1", "will not work with", "2"),
        ("e:united-states", "e:taliban", "Directed", "r:2", "urge", "1")]
