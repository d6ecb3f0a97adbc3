"""kg.rdf_text: the N-Triples/N-Quads text and JSON-LD properties written from values are Oxigraph's bytes and
kg.export.jsonld's nodes for the same terms."""
from __future__ import annotations

import sys

import pyoxigraph as ox

from kg.export.jsonld import _Compactor, _nodes, node_objects
from kg.graph import prefixes
from kg.rdf_text import Unit, jsonld_subjects, quoted, term_text

S, P, G = "https://example.org/kg/entity/s", "https://example.org/kg/p", "https://example.org/kg/graph/merged"
XSD = "http://www.w3.org/2001/XMLSchema#"


def _oxigraph(term: object) -> ox.NamedNode | ox.Literal:
    if isinstance(term, str):
        return ox.NamedNode(term)
    lexical, datatype = term   # type: ignore[misc]
    return ox.Literal(lexical, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(lexical)


def test_every_code_point_is_quoted_as_oxigraph_quotes_it() -> None:
    points = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    chunk = 4096
    for i in range(0, len(points), chunk):
        text = "".join(points[i:i + chunk])
        line = ox.serialize([ox.Triple(ox.NamedNode(S), ox.NamedNode(P), ox.Literal(text))],
                            format=ox.RdfFormat.N_TRIPLES) or b""
        assert line.decode("utf-8") == f"<{S}> <{P}> {quoted(text)} .\n", hex(i)


def test_units_write_oxigraphs_n_quads_and_n_triples() -> None:
    unit = Unit(S, [(P, "https://example.org/kg/entity/o"), (P, ('a "b"\n\\c\t', "")), (P, ("3", XSD + "integer")),
                    (P, ("0.500", XSD + "decimal")), (P, ("2020-01-02", XSD + "date"))],
                [(P, "https://example.org/kg/entity/x")])
    quads = [ox.Quad(ox.NamedNode(S), ox.NamedNode(p), _oxigraph(o), ox.NamedNode(G)) for p, o in unit.pairs]
    triples = [ox.Triple(ox.NamedNode(S), ox.NamedNode(p), _oxigraph(o)) for p, o in [*unit.pairs, *unit.plain]]
    assert unit.nquads(G).encode() == ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    assert unit.ntriples().encode() == ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    assert unit.ntriples(pairs=False) == term_text(S) + f" <{P}> <https://example.org/kg/entity/x> .\n"
    assert len(unit) == 6


def test_jsonld_properties_are_those_of_the_same_triples() -> None:
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    kg = "https://w3id.org/kg-news/ontology#"
    units = [Unit(S, [(rdf_type, kg + "Person"), (kg + "label", ("Ann", "")), (kg + "count", ("2", XSD + "integer")),
                      (kg + "label", ("Anne", ""))], [(kg + "knows", "https://example.org/kg/entity/b")]),
             Unit("https://example.org/kg/edge/1", [(rdf_type, kg + "A"), (rdf_type, kg + "B")]),
             Unit(S, [(kg + "alias", ("A.", ""))]),     # the same subject again: one node
             Unit("https://example.org/kg/edge/2", [])]
    triples = [ox.Triple(ox.NamedNode(u.subject), ox.NamedNode(p), _oxigraph(o))
               for u in units for p, o in [*u.pairs, *u.plain]]
    compact = _Compactor(prefixes())
    assert node_objects(jsonld_subjects(units, compact), compact) == _nodes(triples, _Compactor(prefixes()))
