"""ontology/kg.ttl is OWL 2 DL that OWL tools accept: owlready2 loads it, HermiT (bundled with owlready2,
run by Java) classifies it, and relations are owl:ObjectProperty instances, never subclasses of it."""
from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, URIRef

from kg.ontology import KG_TTL
from kg.vocab import KG

# the OWL 2 datatype map (https://www.w3.org/TR/owl2-syntax/#Datatype_Maps), the ranges allowed in OWL 2 DL
OWL2_DATATYPES = {str(XSD[n]) for n in (
    "decimal", "integer", "nonNegativeInteger", "nonPositiveInteger", "positiveInteger", "negativeInteger",
    "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte", "double",
    "float", "string", "normalizedString", "token", "language", "Name", "NCName", "NMTOKEN", "boolean",
    "hexBinary", "base64Binary", "anyURI", "dateTime", "dateTimeStamp")} | {
    str(RDF.PlainLiteral), str(RDF.XMLLiteral), str(RDFS.Literal), str(OWL.real), str(OWL.rational)}
RESERVED = (str(RDF), str(RDFS), str(OWL), str(XSD))


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(KG_TTL)


def test_ontology_no_class_extends_reserved_vocabulary(ontology: Graph) -> None:
    bad = [(s, o) for s, o in ontology.subject_objects(RDFS.subClassOf) if str(o).startswith(RESERVED)]
    assert bad == []
    assert (URIRef(str(KG.Relation)), RDFS.subClassOf, OWL.ObjectProperty) not in ontology


def test_ontology_relations_are_object_property_instances(ontology: Graph) -> None:
    relations = set(ontology.subjects(RDF.type, URIRef(str(KG.Relation))))
    assert len(relations) > 50
    assert all((r, RDF.type, OWL.ObjectProperty) in ontology for r in relations)


def test_ontology_datatype_ranges_are_in_the_owl2_datatype_map(ontology: Graph) -> None:
    ranges = {str(o) for p in ontology.subjects(RDF.type, OWL.DatatypeProperty) for o in ontology.objects(p, RDFS.range)}
    assert ranges and ranges <= OWL2_DATATYPES, ranges - OWL2_DATATYPES


def _load_owlready(tmp_path: Path):  # type: ignore[no-untyped-def]
    import owlready2

    path = tmp_path / "kg.nt"     # owlready2 reads RDF/XML, OWL/XML and N-Triples, not Turtle
    Graph().parse(KG_TTL).serialize(path, format="nt", encoding="utf-8")
    world = owlready2.World()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")     # owlready2 warns about punned relations (legal OWL 2)
        onto = world.get_ontology(path.as_uri()).load()
    return owlready2, world, onto


def test_ontology_owlready2_loads_it(tmp_path: Path) -> None:
    _, _, onto = _load_owlready(tmp_path)
    names = {c.name for c in onto.classes()}
    assert {"Entity", "Person", "Statement", "Relation", "RelationClass"} <= names
    assert {p.name for p in onto.data_properties()} >= {"polarity", "firstSeen", "confidence"}
    assert len(list(onto.object_properties())) > 50         # the relations, as properties


def test_ontology_hermit_classifies_it(tmp_path: Path) -> None:
    if not shutil.which("java"):
        if os.environ.get("KG_REQUIRE_SYSTEM_TOOLS"):
            pytest.fail("java is required for HermiT: make system-deps")
        pytest.skip("no java: HermiT cannot run")
    owlready2, world, onto = _load_owlready(tmp_path)
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    assert list(world.inconsistent_classes()) == []
    assert onto.Entity in onto.Person.ancestors()
