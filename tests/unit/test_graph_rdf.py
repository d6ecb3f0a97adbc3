"""kg.graph.to_quads: plain triples, statement nodes with provenance, statement groups, named graphs."""
from __future__ import annotations

import random
from dataclasses import replace

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from kg.graph import KnowledgeGraph, to_quads, to_rdf
from kg.iri import article_iri, entity_iri, graph_iri, group_iri, merged_graph_iri, relation_iri
from kg.vocab import KG, PROV
from tests.kgfixtures import make_kg, quad_set


def n(term: object) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def ask(data: object, sparql: str) -> bool:
    store = data.store()  # type: ignore[attr-defined]
    return bool(store.query("PREFIX kg: <https://w3id.org/kg-news/ontology#> "
                            "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
                            "PREFIX rel: <https://w3id.org/kg-news/relation/> "
                            "PREFIX ent: <https://example.org/kg/entity/> "
                            "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> " + sparql,
                            use_default_graph_as_union=True))


def test_graph_positive_statement_is_plain_triple() -> None:
    data = to_quads(make_kg())
    assert ask(data, "ASK { ent:suhail-shaheen rel:meet ent:zalmay-khalilzad }")
    assert ask(data, "ASK { rel:meet <http://www.w3.org/2000/01/rdf-schema#subPropertyOf> "
                     "<https://w3id.org/kg-news/relation/class/consultation> }")


def test_graph_negated_statement_never_asserted_positive() -> None:
    data = to_quads(make_kg())
    assert not ask(data, "ASK { ent:taliban rel:work_with ent:united-states }")
    assert ask(data, "ASK { ent:taliban rel:will_not_work_with ent:united-states . "
                     "rel:will_not_work_with kg:baseRelation rel:work_with }")


def test_graph_conditional_statement_only_as_node() -> None:
    data = to_quads(make_kg())
    assert not ask(data, "ASK { ent:taliban ?p ent:kabul }")
    assert ask(data, "ASK { ?s a kg:Statement ; rdf:subject ent:taliban ; rdf:object ent:kabul ; "
                     "kg:modality 'conditional' FILTER NOT EXISTS { ?s kg:assertedAs ?x } }")


def test_graph_statement_node_has_full_provenance() -> None:
    data = to_quads(make_kg(with_other=False))
    store = data.store()
    rows = list(store.query("""
        PREFIX kg: <https://w3id.org/kg-news/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT * WHERE { ?s a kg:Statement ; rdf:subject ?subj ; rdf:predicate ?pred ; rdf:object ?obj ;
          kg:polarity ?pol ; kg:modality ?mod ; kg:confidence ?conf ; kg:attributedTo ?by ; kg:extractor ?ext ;
          kg:sentence ?sent ; kg:startChar ?start ; kg:endChar ?end ; kg:assertedAs ?as ;
          prov:wasDerivedFrom ?art . FILTER(?by = <https://example.org/kg/entity/suhail-shaheen>) }""",
                             use_default_graph_as_union=True))
    assert len(rows) == 1
    row = rows[0]
    assert row["pred"] == n(relation_iri("work with"))
    assert row["as"] == n(relation_iri("will not work with"))
    assert (row["pol"].value, row["mod"].value, float(row["conf"].value)) == ("negative", "planned", 0.9)
    assert row["conf"].datatype == ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
    assert row["art"] == n(article_iri("taliban"))
    assert (row["start"].value, row["end"].value) == ("60", "80")
    assert row["ext"].value.startswith("kg-rules/")


def test_graph_statement_group_aggregates_support_articles_dates() -> None:
    data = to_quads(make_kg())
    group = n(group_iri("suhail-shaheen", "meet", "zalmay-khalilzad"))
    merged = n(merged_graph_iri())
    values = {q.predicate.value.split("#")[-1]: q.object for q in data.quads
              if q.subject == group and q.graph_name == merged}
    assert values["supportCount"].value == "2"
    assert values["articleCount"].value == "2"
    assert values["firstSeen"] == ox.Literal("2021-10-09", datatype=n("http://www.w3.org/2001/XMLSchema#date"))
    assert values["lastSeen"].value == "2021-11-02"
    assert values["predicate"] == n(relation_iri("meet"))
    negated = n(group_iri("taliban", "will not work with", "united-states"))
    counts = {q.predicate.value.split("#")[-1]: q.object.value for q in data.quads if q.subject == negated}
    assert (counts["supportCount"], counts["articleCount"]) == ("2", "1")


def test_graph_one_named_graph_per_article_plus_merged() -> None:
    data = to_quads(make_kg())
    assert [g.value for g in data.graph_names()] == sorted(
        [str(graph_iri("other")), str(graph_iri("taliban")), str(merged_graph_iri())])
    taliban = n(graph_iri("taliban"))
    in_taliban = {q.subject for q in data.quads if q.graph_name == taliban and q.predicate == n(PROV.wasDerivedFrom)}
    assert in_taliban and all(
        q.object == n(article_iri("taliban")) for q in data.quads
        if q.predicate == n(PROV.wasDerivedFrom) and q.graph_name == taliban)
    # the shared plain triple is in both article graphs
    triple = ox.Triple(n(entity_iri("suhail-shaheen")), n(relation_iri("meet")), n(entity_iri("zalmay-khalilzad")))
    assert {q.graph_name.value for q in data.quads if q.triple == triple} == {
        str(graph_iri("other")), str(graph_iri("taliban"))}


def test_graph_removing_article_removes_exactly_its_statements() -> None:
    both, alone = to_quads(make_kg()), to_quads(make_kg(with_other=False))
    other, taliban = n(graph_iri("other")), n(graph_iri("taliban"))
    assert quad_set([q for q in both.quads if q.graph_name == taliban]) == quad_set(
        [q for q in alone.quads if q.graph_name == taliban])
    assert not [q for q in alone.quads if q.graph_name == other]
    removed_statements = {q.subject.value for q in both.quads if q.graph_name == other
                          and q.predicate == n(PROV.wasDerivedFrom)}
    assert removed_statements
    assert not [q for q in alone.quads if q.subject.value in removed_statements or q.object.value in removed_statements]


def test_graph_no_blank_nodes() -> None:
    for q in to_quads(make_kg()).quads:
        assert not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)


def test_graph_independent_of_input_order() -> None:
    kg = make_kg()
    facts = list(kg.facts)
    random.Random(7).shuffle(facts)
    shuffled = KnowledgeGraph(dict(reversed(list(kg.articles.items()))), dict(reversed(list(kg.entities.items()))),
                              facts)
    assert to_quads(kg).quads == to_quads(shuffled).quads


def test_graph_base_iri_is_configurable() -> None:
    data = to_quads(make_kg(), base="https://news.example/g/")
    assert all(q.graph_name.value.startswith("https://news.example/g/graph/") for q in data.quads)
    assert data.prefixes["ent"] == "https://news.example/g/entity/"


def test_graph_to_rdf_keeps_rdflib_api() -> None:
    g = to_rdf(make_kg())
    assert (entity_iri("taliban"), URIRef(str(KG.mentionCount)), Literal(5)) in g
    assert len(g) == len(to_quads(make_kg()).triples())


@given(st.text(min_size=1, max_size=40))
def test_graph_iri_functions_valid(article_id: str) -> None:
    ox.NamedNode(str(graph_iri(article_id)))   # raises on an invalid IRI
    ox.NamedNode(str(group_iri(article_id, "meet", article_id)))


@pytest.mark.parametrize("date", ["2021-10-09", "2021-10-09T18:30:00"], ids=["date", "datetime"])
def test_graph_article_dates_are_typed(date: str) -> None:
    kg = make_kg(with_other=False)
    kg.articles["taliban"] = replace(kg.articles["taliban"], date=date)
    data = to_quads(kg)
    (value,) = [q.object for q in data.quads if q.predicate.value == "https://schema.org/datePublished"]
    assert value.datatype.value.endswith("#dateTime" if "T" in date else "#date")


@given(st.text(max_size=20), st.text(max_size=20))
def test_graph_entity_iris_never_collide(a: str, b: str) -> None:
    if a != b:
        assert entity_iri(a) != entity_iri(b)
    ox.NamedNode(str(entity_iri(a)))
