"""ontology/shapes.ttl: the hand-built graph conforms, and each shape rejects data broken its way."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef

from kg.graph import to_rdf
from kg.iri import article_iri, entity_iri, group_iri, relation_iri
from kg.ontology import SHAPES_TTL
from kg.validate import validate_graph
from kg.vocab import KG, PROV, SCHEMA
from tests.kgfixtures import make_kg

SH = Namespace("http://www.w3.org/ns/shacl#")
KGSH = Namespace("https://w3id.org/kg-news/shapes#")


@pytest.fixture(scope="module")
def good() -> Graph:
    return to_rdf(make_kg())


def statement(g: Graph) -> URIRef:
    return sorted(g.subjects(RDF.type, URIRef(str(KG.Statement))))[0]  # type: ignore[return-value]


def _set(g: Graph, s: URIRef, p: URIRef, o: object) -> None:
    g.remove((s, p, None))
    g.add((s, p, o))  # type: ignore[arg-type]


TALIBAN = entity_iri("taliban")
ARTICLE = article_iri("taliban")
NOT_WORK = relation_iri("will not work with")   # not in the lexicon, so declared only by the export
GROUP = group_iri("suhail-shaheen", "meet", "zalmay-khalilzad")

BREAKERS: dict[str, list[tuple[str, Callable[[Graph], None]]]] = {
    "TypeShape": [
        ("type-outside-ontology", lambda g: g.add((TALIBAN, RDF.type, URIRef(str(KG) + "Persn")))),
    ],
    "ArticleShape": [
        ("invalid-date", lambda g: _set(g, ARTICLE, SCHEMA.datePublished, Literal("2021-13-45", datatype=XSD.date))),
        ("untyped-date", lambda g: _set(g, ARTICLE, SCHEMA.datePublished, Literal("9 Oct 2021"))),
        ("no-identifier", lambda g: g.remove((ARTICLE, SCHEMA.identifier, None))),
    ],
    "EntityShape": [
        ("no-label", lambda g: g.remove((TALIBAN, RDFS.label, None))),
        ("two-labels", lambda g: g.add((TALIBAN, RDFS.label, Literal("The Taliban movement")))),
        ("empty-alias", lambda g: g.add((TALIBAN, SKOS.altLabel, Literal("")))),
        ("untyped-count", lambda g: _set(g, TALIBAN, URIRef(str(KG.mentionCount)), Literal("five"))),
    ],
    "RelationShape": [
        ("no-label", lambda g: g.remove((NOT_WORK, RDFS.label, None))),
        ("no-broader", lambda g: g.remove((NOT_WORK, RDFS.subPropertyOf, None))),
    ],
    "RelationClassShape": [
        ("no-label", lambda g: g.add((URIRef("https://w3id.org/kg-news/relation/class/made_up"), RDF.type,
                                      URIRef(str(KG.RelationClass))))),
    ],
    "StatementShape": [
        ("no-subject", lambda g: g.remove((statement(g), RDF.subject, None))),
        ("bad-polarity", lambda g: _set(g, statement(g), URIRef(str(KG.polarity)), Literal("maybe"))),
        ("confidence-above-1", lambda g: _set(g, statement(g), URIRef(str(KG.confidence)),
                                              Literal("1.5", datatype=XSD.decimal))),
        ("offsets-reversed", lambda g: _set(g, statement(g), URIRef(str(KG.startChar)), Literal(10_000))),
        ("no-evidence-article", lambda g: g.remove((statement(g), URIRef(str(PROV.wasDerivedFrom)), None))),
        ("no-sentence", lambda g: g.remove((statement(g), URIRef(str(KG.sentence)), None))),
    ],
    "StatementGroupShape": [
        ("zero-support", lambda g: _set(g, GROUP, URIRef(str(KG.supportCount)), Literal(0))),
        ("first-after-last", lambda g: _set(g, GROUP, URIRef(str(KG.firstSeen)),
                                            Literal("2030-01-01", datatype=XSD.date))),
        ("no-statements", lambda g: g.remove((GROUP, URIRef(str(KG.supportedBy)), None))),
    ],
    "EntityNode": [
        ("subject-is-an-article", lambda g: _set(g, statement(g), RDF.subject, ARTICLE)),
        ("attributed-to-a-relation", lambda g: _set(g, statement(g), URIRef(str(KG.attributedTo)), NOT_WORK)),
    ],
}
# shapes used through sh:node report their violations as the shape that uses them
REPORTED_AS = {"EntityNode": "StatementShape"}


def test_shapes_hand_built_graph_conforms(good: Graph) -> None:
    report = validate_graph(good)
    assert report.conforms, report.text()


def test_shapes_every_shape_has_a_rejection_test() -> None:
    shapes = Graph().parse(SHAPES_TTL)
    declared = {str(s).split("#")[-1] for s in shapes.subjects(RDF.type, SH.NodeShape)}
    assert declared == set(BREAKERS)


@pytest.mark.parametrize(("shape", "breaker"), [(shape, b) for shape, bs in BREAKERS.items() for b in bs],
                         ids=[f"{shape}-{name}" for shape, bs in BREAKERS.items() for name, _ in bs])
def test_shapes_reject_broken_data(good: Graph, shape: str, breaker: tuple[str, Callable[[Graph], None]]) -> None:
    broken = Graph()
    for t in good:
        broken.add(t)
    breaker[1](broken)
    report = validate_graph(broken)
    assert not report.conforms
    assert report.shapes().get(f"kgsh:{REPORTED_AS.get(shape, shape)}"), report.text()


def test_shapes_need_nothing_but_the_export(good: Graph) -> None:
    """Any SHACL processor given shapes.ttl alone (no ontology, no inference) accepts a good export."""
    import pyshacl

    conforms, _, text = pyshacl.validate(good, shacl_graph=Graph().parse(SHAPES_TTL), inference="none")
    assert conforms, text
    broken = Graph()
    for t in good:
        broken.add(t)
    _set(broken, statement(broken), RDF.subject, ARTICLE)
    assert not pyshacl.validate(broken, shacl_graph=Graph().parse(SHAPES_TTL), inference="none")[0]


def test_shapes_report_is_readable(good: Graph) -> None:
    broken = Graph()
    for t in good:
        broken.add(t)
    broken.remove((TALIBAN, RDFS.label, None))
    text = validate_graph(broken).text()
    assert text.startswith("does not conform: 1 violation(s)")
    assert "ent:taliban rdfs:label" in text and "[kgsh:EntityShape]" in text
