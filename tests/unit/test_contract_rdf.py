"""The RDF/GraphML contracts of DESIGN.md on a hand-built parse (no model)."""
from __future__ import annotations

import io

import networkx as nx
from rdflib import RDF, RDFS, BNode, Graph, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.export.graphml import write_graphml
from kg.export.rdf import serialize
from kg.graph import merge_results, to_networkx, to_rdf
from kg.iri import entity_iri, relation_iri
from kg.models import Article
from kg.resolve import analyze
from kg.vocab import KG
from tests.unit.test_patterns import NEGATED
from tests.docs import make_doc

PASSIVE = [
    ("Soleimani", "Soleimani", "PROPN", "NNP", "nsubjpass", 2, "B-PERSON"),
    ("was", "be", "AUX", "VBD", "auxpass", 2, "O"),
    ("killed", "kill", "VERB", "VBN", "ROOT", 2, "O"),
    ("by", "by", "ADP", "IN", "agent", 2, "O"),
    ("the", "the", "DET", "DT", "det", 5, "O"),
    ("United", "United", "PROPN", "NNP", "compound", 6, "B-GPE"),
    ("States", "States", "PROPN", "NNP", "pobj", 3, "I-GPE"),
    (".", ".", "PUNCT", ".", "punct", 2, "O"),
]


def _kg():
    results = []
    for i, rows in enumerate((NEGATED, PASSIVE)):
        doc = make_doc(rows)
        results.append(analyze(doc, Article(id=f"a{i}", text=doc.text, title=f"T{i}", date="2020-01-0" + str(i + 1))))
    return merge_results(results)


def _entity_triples(graph: Graph) -> Graph:
    """Only the entity-to-entity plain triples (what the simplest SPARQL sees)."""
    out = Graph()
    entities = set(graph.subjects(KG.mentionCount, None))
    for s, p, o in graph:
        if s in entities and o in entities:
            out.add((s, p, o))
    return out


def test_contract_plain_triples_are_exactly_the_asserted_statements():
    graph = to_rdf(_kg())
    expected = Graph()
    # a bare surname is local to its article (issue 4): it never merges across articles on its own
    taliban, us, soleimani = (entity_iri(k) for k in ("taliban", "united-states", "person/a1/soleimani"))
    expected.add((taliban, relation_iri("will not work with"), us))
    expected.add((us, relation_iri("kill"), soleimani))
    got = _entity_triples(graph)
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        raise AssertionError(f"only in graph: {sorted(only_got)}\nonly expected: {sorted(only_expected)}")


def test_contract_negated_property_is_labelled_and_linked_to_its_base():
    graph = to_rdf(_kg())
    negated = relation_iri("will not work with")
    assert graph.value(negated, RDFS.label) == Literal("will not work with")
    assert graph.value(negated, KG.baseRelation) == relation_iri("work with")
    assert (negated, RDFS.subPropertyOf, relation_iri("work with")) not in graph


def test_contract_every_statement_node_is_complete_and_there_are_no_blank_nodes():
    graph = to_rdf(_kg())
    statements = list(graph.subjects(RDF.type, KG.Statement))
    assert len(statements) == 2
    for node in statements:
        for prop in (RDF.subject, RDF.predicate, RDF.object, KG.polarity, KG.modality, KG.confidence,
                     KG.sentence, KG.startChar, KG.endChar):
            assert graph.value(node, prop) is not None, prop
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)


def test_contract_serialization_is_deterministic_and_order_independent():
    first = serialize(to_rdf(_kg()))
    results = [analyze(make_doc(rows), Article(id=f"a{i}", text=make_doc(rows).text, title=f"T{i}",
                                               date="2020-01-0" + str(i + 1)))
               for i, rows in reversed(list(enumerate((NEGATED, PASSIVE))))]
    assert serialize(to_rdf(merge_results(results))) == first


def test_contract_graphml_round_trip_keeps_labels_and_weights():
    view = to_networkx(_kg())
    buffer = io.BytesIO()
    write_graphml(view, buffer)
    back = nx.read_graphml(io.BytesIO(buffer.getvalue()), force_multigraph=True)
    assert {n: d["label"] for n, d in back.nodes(data=True)} == {n: d["label"] for n, d in view.nodes(data=True)}
    assert sorted((d["label"], d["weight"]) for *_, d in back.edges(data=True)) == [("kill", 1),
                                                                                     ("will not work with", 1)]
