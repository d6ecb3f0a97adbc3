"""The kg vocabulary as a closed namespace: a misspelt term fails at import, and a test checks every term
against ``ontology/kg.ttl``."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/kg-news/ontology#"
RELATION_NS = Namespace("https://w3id.org/kg-news/relation/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
DEFAULT_BASE = "https://example.org/kg/"
ONTOLOGY_GRAPH = "https://w3id.org/kg-news/ontology"


class KG(DefinedNamespace):
    """Terms of the kg ontology."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI)

    # classes
    Entity: URIRef
    Person: URIRef
    Organization: URIRef
    Place: URIRef
    Group: URIRef
    Event: URIRef
    Work: URIRef
    Product: URIRef
    Law: URIRef
    Concept: URIRef
    Quantity: URIRef
    Statement: URIRef
    StatementGroup: URIRef
    Relation: URIRef
    RelationClass: URIRef
    # entity properties
    mentionedIn: URIRef
    mentionCount: URIRef
    mergeRule: URIRef
    role: URIRef
    # statement properties
    polarity: URIRef
    modality: URIRef
    confidence: URIRef
    attributedTo: URIRef
    sentence: URIRef
    startChar: URIRef
    endChar: URIRef
    surface: URIRef
    pattern: URIRef
    extractor: URIRef
    sentenceStart: URIRef
    assertedAs: URIRef
    # statement-group (edge-level aggregate) properties
    supportedBy: URIRef
    supportCount: URIRef
    articleCount: URIRef
    firstSeen: URIRef
    lastSeen: URIRef
    maxConfidence: URIRef
    # relation properties
    baseRelation: URIRef
    relationClass: URIRef
    related: URIRef
