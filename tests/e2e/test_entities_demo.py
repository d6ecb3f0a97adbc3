"""Issue 4 on the demo articles with the real model: one node per thing, descriptions resolved or left out."""
from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph

from kg.vocab import KG
from tests.conftest import nodes_called

pytestmark = pytest.mark.model


@pytest.fixture
def graph(demo_graph) -> Graph:
    return demo_graph


@pytest.mark.parametrize("names", [
    pytest.param(("US", "United States"), id="alias-table"),
    pytest.param(("Suhail Shaheen", "Shaheen"), id="surname"),
    pytest.param(("ISIS", "Daesh"), id="arabic-acronym"),
], )
def test_entities_demo_names_of_one_thing_are_one_node(graph, names):
    found = [nodes_called(graph, n) for n in names]
    assert all(len(f) == 1 for f in found) and len(set.union(*found)) == 1, found


def test_entities_demo_merges_say_why(graph):
    [node] = nodes_called(graph, "Shaheen")
    assert "surname" in {str(o) for o in graph.objects(node, KG.mergeRule)}


def test_entities_demo_no_description_or_title_nodes(graph):
    labels = {str(o) for s, o in graph.subject_objects(RDFS.label) if (s, RDF.type, KG.Concept) in graph}
    assert not labels & {"country", "nation", "group", "Prime Minister", "president"}


def test_entities_demo_people_are_people(graph):
    for name in ("Suhail Shaheen", "Wendy Sherman", "Michael Kugelman", "Zabihullah Mujahid"):
        [node] = nodes_called(graph, name)
        assert (node, RDF.type, KG.Person) in graph
