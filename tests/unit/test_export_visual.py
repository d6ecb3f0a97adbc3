"""kg.export.visual: GraphML, GEXF, the CSV tables and Neo4j's written together with each node's and edge's text
memoized writes the bytes the exporters write alone, cold and warm, and makes again only what changed."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg.export.gexf import write_gexf
from kg.export.graphml import write_graphml
from kg.export.neo4j import write_neo4j
from kg.export.tables import write_csv
from kg.export.visual import NAMES, write_visual
from kg.memo import Segments


def picture(weight: int = 2) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("obama", label="Barack Obama", type="Person", aliases='["Obama"]', roles="President", mentions=5,
               articles=2, iri="http://ex/obama")
    g.add_node("taliban", label="Taliban\r\nmovement", type="Organization", aliases="[]", roles="", mentions=3,
               articles=1, iri="http://ex/taliban")
    g.add_node("kabul", label='Kabul & "co" <x>', type="Place", aliases="[]", roles="", mentions=1, articles=1,
               iri="http://ex/kabul")
    g.add_edge("obama", "taliban", key="r:meet:1", label="meet", relation="meet", relation_class="cooperation",
               polarity="positive", modality="asserted", weight=weight, articles=1, confidence=0.9,
               first_seen="2010-01-02", last_seen="2010-03-04", iri="http://ex/meet")
    g.add_edge("taliban", "kabul", key="r:attack:2", label="attack", relation="attack", relation_class="",
               polarity="positive", modality="asserted", weight=1, articles=1, confidence=0.5, first_seen="",
               last_seen="", iri="http://ex/attack")
    return g


def alone(graph: nx.MultiDiGraph, folder: Path) -> dict[str, bytes]:
    folder.mkdir()
    write_graphml(graph, folder / "graph.graphml")
    write_gexf(graph, folder / "graph.gexf")
    write_csv(graph, folder)
    write_neo4j(graph, folder)
    return {name: (folder / name).read_bytes() for name in NAMES}


def together(graph: nx.MultiDiGraph, folder: Path, store: Path | None) -> dict[str, bytes]:
    folder.mkdir()
    write_visual(graph, folder, store, "salt")
    return {name: (folder / name).read_bytes() for name in NAMES}


@pytest.mark.parametrize("memo", [False, True], ids=["no-memo", "memo"])
def test_export_visual_writes_the_exporters_bytes(tmp_path: Path, memo: bool) -> None:
    store = tmp_path / "visual.segments" if memo else None
    expected = alone(picture(), tmp_path / "alone")
    assert together(picture(), tmp_path / "cold", store) == expected
    assert together(picture(), tmp_path / "warm", store) == expected


def test_export_visual_makes_again_only_what_changed(tmp_path: Path, monkeypatch) -> None:
    store = tmp_path / "visual.segments"
    together(picture(), tmp_path / "first", store)
    puts: list[bytes] = []
    put = Segments.put
    monkeypatch.setattr(Segments, "put", lambda self, key, values: puts.append(values[0]) or put(self, key, values))
    changed = together(picture(weight=3), tmp_path / "second", store)
    assert changed == alone(picture(weight=3), tmp_path / "alone")
    assert len(puts) == 1 and b'source="obama"' in puts[0]     # the one edge whose weight changed


@pytest.mark.parametrize("records", [
    [{"a": "x", "n": 1}, {"a": "", "n": 2}],                     # one type per attribute: the fast path
    [{"a": "", "n": 1}, {"a": "", "n": 0}],
    [{"n": 1}, {"n": ""}, {"n": 2.5}],                            # mixed: value by value
    [{"b": True}, {"b": 1}], [{"x": None}, {"x": 3}], [{"f": 0.0}], [],
], ids=["uniform", "all-empty", "mixed", "bool-int", "none", "float", "none-at-all"])
def test_export_attribute_types_the_same_whichever_path(records) -> None:
    from kg.export.graphml import _scan_types, _types

    assert _types(records) == _scan_types(records)
