"""Predefined prefixes written into SPARQL texts (kg serve's proxy), never over a query's own."""
from __future__ import annotations

import urllib.parse

import pytest

from kg.serve_proxy import with_request_prefixes
from kg.sparql_prefixes import declared_prefixes, with_prefixes

PREFIXES = {"kg": "https://w3id.org/kg-news/ontology#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}


@pytest.mark.parametrize("text, expected", [
    ("PREFIX kg: <http://x/> SELECT * {}", {"kg"}),
    ("prefix : <http://x/>\nprefix a.b: <http://y/> ASK {}", {"", "a.b"}),
    ('SELECT * { ?s ?p "PREFIX kg: <x>" } # PREFIX rdfs: <y>', set()),
    ("BASE <http://b/> PREFIX  kg :<http://x/> ASK {}", set()),   # "kg :" is not a declaration
], ids=["one", "empty-and-dotted", "in-string-and-comment", "space-before-colon"])
def test_sparql_prefixes_declared(text: str, expected: set[str]) -> None:
    assert declared_prefixes(text) == expected


def test_sparql_prefixes_added_only_where_missing() -> None:
    text = "PREFIX kg: <http://other/> SELECT * { ?s a kg:X ; rdfs:label ?l }"
    out = with_prefixes(text, PREFIXES)
    assert out == f"PREFIX rdfs: <{PREFIXES['rdfs']}>\n" + text


def test_sparql_prefixes_in_every_request_shape() -> None:
    query = "ASK { ?s a kg:Person }"
    target, body = with_request_prefixes("/query?" + urllib.parse.urlencode({"query": query}), "", b"", PREFIXES)
    sent = urllib.parse.parse_qs(urllib.parse.urlsplit(target).query)["query"][0]
    assert sent.endswith(query) and "PREFIX kg: <https://w3id.org/kg-news/ontology#>" in sent
    form = urllib.parse.urlencode({"query": query, "default-graph-uri": "http://g/"}).encode()
    target, body = with_request_prefixes("/query", "application/x-www-form-urlencoded", form, PREFIXES)
    fields = urllib.parse.parse_qs(body.decode())
    assert fields["default-graph-uri"] == ["http://g/"] and "PREFIX rdfs:" in fields["query"][0]
    _, body = with_request_prefixes("/query", "application/sparql-query; charset=utf-8", query.encode(), PREFIXES)
    assert body.decode().endswith(query) and body.decode().count("PREFIX") == 2
    turtle = b"<a> <b> <c> ."
    assert with_request_prefixes("/store?graph=x", "text/turtle", turtle, PREFIXES) == ("/store?graph=x", turtle)


def test_query_prefixes_are_the_exports_prefixes() -> None:
    from kg.graph import PREFIXES as EXPORT_PREFIXES
    from kg.ontology import KG_TTL, QUERIES_DIR
    from kg.query import QUERIES_DIR as QUERY_FOLDER
    from kg.sparql_prefixes import ONTOLOGY_GRAPH, PREFIXES
    from kg.store import KG_TTL as STORE_KG_TTL
    from kg.vocab import ONTOLOGY_GRAPH as VOCAB_GRAPH

    assert PREFIXES == EXPORT_PREFIXES and ONTOLOGY_GRAPH == VOCAB_GRAPH
    assert STORE_KG_TTL == KG_TTL and QUERY_FOLDER == QUERIES_DIR
