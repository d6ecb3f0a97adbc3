"""The Neo4j bulk-import CSV layout: header grammar of ``neo4j-admin import`` and rows that obey it.

No Neo4j in the suite (it is neither a Debian nor a PyPI/npm package): the checks below follow the importer's
documented rules (header ``name:type`` with its types, ``:ID``/``:LABEL``/``:START_ID``/``:END_ID``/``:TYPE``,
``;`` between labels, an empty field is no property, RFC 4180 quoting with multi-line fields)."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re

import networkx as nx

from kg.export.neo4j import FILES, generate_neo4j, relationship_type, write_neo4j
from kg.graph import to_networkx
from tests.kgfixtures import make_kg

_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "date", "datetime",
          "localdatetime", "localtime", "time", "duration", "point"}
_HEADER_FIELD = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)?(?::(?P<type>[A-Z_]+|[a-z]+(?:\[\])?))?$")
_PARSE = {"int": int, "float": float, "date": dt.date.fromisoformat}


def _check_header(header: list[str], special: set[str]) -> dict[str, str]:
    """Each field is ``name``, ``name:type`` or a special ``:FIELD``; returns the typed columns."""
    typed = {}
    for field in header:
        m = _HEADER_FIELD.match(field)
        assert m and (m.group("name") or m.group("type")), field
        kind = m.group("type")
        if kind and kind.isupper():
            assert f":{kind}" in special, field
        elif kind:
            assert kind.removesuffix("[]") in _TYPES, field
            typed[field] = kind
    assert len(set(header)) == len(header)
    return typed


def _rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    rows = [dict(zip(header, row, strict=True)) for row in reader]
    return header, rows


def _values_parse(rows: list[dict[str, str]], typed: dict[str, str]) -> None:
    for row in rows:
        for field, kind in typed.items():
            if row[field]:          # empty: no property
                _PARSE[kind](row[field])


def _hostile() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("e:a", label='Al "the, one"\nSecond line', type="Person", aliases='["A;B", "C"]', mentions=2,
               articles=1, iri="x:a", roles="")
    g.add_node("e:b", label="B", type="Concept", aliases="[]", mentions=1, articles=1, iri="x:b", roles="")
    g.add_edge("e:a", "e:b", key="r:1", label="will not work with", relation="work with", polarity="negative",
               modality="planned", weight=2, articles=1, confidence=0.75, first_seen="2021-10-09",
               last_seen="", iri="rel:x", relation_class="cooperation")
    return g


def test_headers_follow_the_importers_grammar() -> None:
    for graph in (to_networkx(make_kg()), _hostile()):
        node_text, rel_text = generate_neo4j(graph)
        header, nodes = _rows(node_text)
        typed = _check_header(header, {":ID", ":LABEL"})
        assert header.count("id:ID") == 1 and ":LABEL" in header
        _values_parse(nodes, typed)
        header, relationships = _rows(rel_text)
        typed = _check_header(header, {":START_ID", ":END_ID", ":TYPE"})
        assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
        _values_parse(relationships, typed)
        ids = [n["id:ID"] for n in nodes]
        assert len(ids) == len(set(ids)) == graph.number_of_nodes()
        assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in relationships)
        assert len(relationships) == graph.number_of_edges()
        assert all(re.fullmatch(r"[A-Z0-9_]+", r[":TYPE"]) for r in relationships)
        assert all(re.fullmatch(r"Entity(;[A-Za-z0-9_]+)?", n[":LABEL"]) for n in nodes)


def test_values_survive_quoting_and_types() -> None:
    node_text, rel_text = generate_neo4j(_hostile())
    _, nodes = _rows(node_text)
    by_id = {n["id:ID"]: n for n in nodes}
    assert by_id["e:a"]["name"] == 'Al "the, one"\nSecond line'
    assert by_id["e:a"][":LABEL"] == "Entity;Person" and by_id["e:a"]["aliases"] == '["A;B", "C"]'
    _, (rel,) = _rows(rel_text)
    assert rel[":TYPE"] == "WILL_NOT_WORK_WITH" and rel["weight:int"] == "2" and rel["confidence:float"] == "0.75"
    assert rel["first_seen:date"] == "2021-10-09" and rel["last_seen:date"] == ""


def test_relationship_type_of_odd_labels() -> None:
    assert relationship_type("say-to") == "SAY_TO"
    assert relationship_type("!!!") == "RELATED_TO"


def test_written_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    paths = write_neo4j(to_networkx(make_kg()), tmp_path)
    assert [p.name for p in paths] == list(FILES) and all(p.stat().st_size > 0 for p in paths)
