"""GEXF and CSV exports of the networkx view round-trip (no model)."""
from __future__ import annotations

import csv
import io

import networkx as nx

from kg.export.gexf import generate_gexf
from kg.export.tables import generate_csv


def _view() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("e:taliban", label="Taliban", type="Organization", aliases="", mentions=3, articles=1, iri="x:t")
    g.add_node("e:united-states", label="United States", type="Place", aliases="US; U.S.", mentions=5, articles=2,
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
    assert edges["will not work with"]["start"] == "2021-10-09"
    assert edges["will not work with"]["end"] == "2021-10-10"
    assert b'mode="dynamic"' in data and b'timeformat="date"' in data


def test_csv_has_fixed_columns_and_one_row_per_node_and_edge():
    nodes, edges = generate_csv(_view())
    node_rows = list(csv.DictReader(io.StringIO(nodes)))
    edge_rows = list(csv.DictReader(io.StringIO(edges)))
    assert [r["label"] for r in node_rows] == ["Taliban", "United States"]
    assert node_rows[1]["aliases"] == "US; U.S."
    assert [(r["source"], r["target"], r["label"], r["weight"]) for r in edge_rows] == [
        ("e:taliban", "e:united-states", "will not work with", "2"), ("e:united-states", "e:taliban", "urge", "1")]
