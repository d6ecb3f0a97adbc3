"""The closed KG namespace, ontology/kg.ttl and the lexicon agree; the ontology parses everywhere."""
from __future__ import annotations

import typing

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.lexicon import default_lexicon
from kg.models import EntityType
from kg.ontology import KG_TTL, SHAPES_TTL, relation_block, with_relation_block
from kg.iri import relation_class_iri, relation_iri
from kg.vocab import KG, ONTOLOGY_IRI


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(KG_TTL, format="turtle")


def kg_terms() -> list[str]:
    return sorted(name for name in KG.__annotations__)


@pytest.mark.parametrize("name", kg_terms())
def test_vocab_every_term_declared_in_ontology(ontology: Graph, name: str) -> None:
    term = URIRef(ONTOLOGY_IRI + name)
    assert (term, RDF.type, None) in ontology, f"kg:{name} is in kg/vocab.py but not declared in {KG_TTL}"
    assert (term, RDFS.label, None) in ontology, f"kg:{name} has no rdfs:label in {KG_TTL}"


def test_vocab_every_ontology_term_in_namespace(ontology: Graph) -> None:
    declared = {str(s)[len(ONTOLOGY_IRI):] for s in ontology.subjects(RDF.type, None)
                if str(s).startswith(ONTOLOGY_IRI)}
    assert declared == set(kg_terms())


def test_vocab_closed_namespace_rejects_misspelt_term() -> None:
    with pytest.raises(AttributeError):
        KG.Persn  # noqa: B018


def test_vocab_every_entity_type_is_a_class_aligned_to_schema_org(ontology: Graph) -> None:
    for name in typing.get_args(EntityType):
        cls = URIRef(ONTOLOGY_IRI + name)
        assert (cls, RDF.type, OWL.Class) in ontology
        aligned = set(ontology.objects(cls, OWL.equivalentClass)) | set(ontology.objects(cls, RDFS.subClassOf))
        assert any(str(x).startswith(("https://schema.org/", "http://www.w3.org/2004/02/skos/")) for x in aligned), name


def test_vocab_every_lexicon_relation_declared_with_label_and_class(ontology: Graph) -> None:
    lexicon = default_lexicon()
    for canonical, klass in set(lexicon.entries.values()):
        prop = relation_iri(canonical)
        assert (prop, RDFS.label, None) in ontology, canonical
        assert (prop, RDFS.subPropertyOf, relation_class_iri(klass)) in ontology, canonical
        assert (relation_class_iri(klass), RDFS.subPropertyOf, KG.related) in ontology


def test_vocab_generated_relation_block_is_up_to_date() -> None:
    text = KG_TTL.read_text(encoding="utf-8")
    assert with_relation_block(text, relation_block()) == text, "run: python -m kg.ontology"


@pytest.mark.parametrize("path", [KG_TTL, SHAPES_TTL], ids=["kg.ttl", "shapes.ttl"])
def test_vocab_ontology_files_parse_in_pyoxigraph(path: object) -> None:
    assert list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
