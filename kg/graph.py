"""Merging article results into one graph: RDF (rdflib API) and a NetworkX MultiDiGraph view.

A positive statement is asserted as the plain triple ``subject relation object``. A negated or modal one
gets a property of its own whose label reads "not work with", "will meet", "may attack" (linked to the
plain relation by ``kg:baseRelation``), so it is never asserted as the positive fact; conditional ones
(questions, "if" clauses) live only as statement nodes.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from kg import EXTRACTOR_VERSION
from kg.iri import article_iri, entity_iri, relation_class_iri, relation_iri, statement_iri
from kg.models import Article, ArticleResult, Entity, Statement
from kg.resolve import merge_entities
from kg.vocab import DEFAULT_BASE, KG, PROV, SCHEMA

MODAL_PREFIX = {"asserted": "", "reported": "", "planned": "will", "possible": "may", "conditional": ""}


def asserted_label(relation: str, polarity: str, modality: str) -> str | None:
    """The label of the property a statement is asserted with, or None when it is not asserted at all.

    >>> asserted_label("work with", "negative", "planned")
    'will not work with'
    """
    if modality == "conditional":
        return None
    words = [MODAL_PREFIX[modality]] if MODAL_PREFIX[modality] else []
    if polarity == "negative":
        words.append("not")
    return " ".join([*words, relation])


@dataclass(frozen=True)
class Fact:
    """A resolved statement: entity keys instead of mentions."""

    subject: str
    object: str
    statement: Statement
    article: Article
    attribution: str | None = None


@dataclass
class KnowledgeGraph:
    """Everything the exporters need, in plain values."""

    articles: dict[str, Article] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)


def merge_results(results: Iterable[ArticleResult]) -> KnowledgeGraph:
    """Union of per-article results (order-independent: facts and entities are sorted)."""
    kg = KnowledgeGraph()
    all_entities: list[Entity] = []
    for result in results:
        article = result.article
        kg.articles[article.id] = article
        keys = dict(result.resolution)
        all_entities.extend(result.entities)
        for s in result.statements:
            attribution = keys.get(s.attribution.key) if s.attribution is not None else None
            kg.facts.append(Fact(keys[s.subject.key], keys[s.object.key], s, article, attribution))
    used = {f.subject for f in kg.facts} | {f.object for f in kg.facts} | {
        f.attribution for f in kg.facts if f.attribution}
    # named entities always become nodes; article-local concepts only when a statement uses them
    kg.entities = {k: e for k, e in merge_entities(all_entities).items() if e.type != "Concept" or k in used}
    kg.facts = sorted((f for f in kg.facts if f.subject in kg.entities and f.object in kg.entities),
                      key=lambda f: (f.article.id, f.statement.evidence.start, f.subject, f.statement.relation,
                                     f.object, f.statement.polarity, f.statement.modality))
    return kg


def _date_literal(value: str) -> Literal:
    return Literal(value, datatype=XSD.dateTime if "T" in value else XSD.date)


def statement_node(fact: Fact, base: str) -> URIRef:
    s = fact.statement
    return statement_iri(fact.article.id, fact.subject, s.relation, fact.object, s.polarity, s.modality,
                         s.evidence.start, s.evidence.end, base=base)


def to_rdf(kg: KnowledgeGraph, *, base: str = DEFAULT_BASE) -> Graph:
    """The whole graph as rdflib triples (no blank nodes; IRIs are deterministic)."""
    g = Graph()
    for prefix, ns in (("kg", str(KG)), ("rel", "https://w3id.org/kg-news/relation/"), ("schema", str(SCHEMA)),
                       ("prov", str(PROV)), ("skos", str(SKOS)), ("owl", str(OWL)), ("ent", f"{base}entity/"),
                       ("art", f"{base}article/"), ("stmt", f"{base}statement/")):
        g.bind(prefix, ns)
    for article in kg.articles.values():
        node = article_iri(article.id, base)
        g.add((node, RDF.type, SCHEMA.NewsArticle))
        g.add((node, SCHEMA.identifier, Literal(article.id)))
        if article.title:
            g.add((node, SCHEMA.headline, Literal(article.title)))
        if article.date:
            g.add((node, SCHEMA.datePublished, _date_literal(article.date)))
        if article.author:
            g.add((node, SCHEMA.author, Literal(article.author)))
        if article.url:
            g.add((node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
    for key, entity in kg.entities.items():
        node = entity_iri(key, base)
        g.add((node, RDF.type, KG[entity.type]))
        g.add((node, RDFS.label, Literal(entity.label)))
        for alias in entity.aliases:
            g.add((node, SKOS.altLabel, Literal(alias)))
        for article_id in entity.articles:
            if article_id in kg.articles:
                g.add((node, KG.mentionedIn, article_iri(article_id, base)))
        g.add((node, KG.mentionCount, Literal(entity.mentions)))
        for rule in entity.rules:
            g.add((node, KG.mergeRule, Literal(rule)))
        for old_key in entity.same_as:
            g.add((node, OWL.sameAs, entity_iri(old_key, base)))
    declared: set[str] = set()
    for fact in kg.facts:
        s = fact.statement
        subj, obj = entity_iri(fact.subject, base), entity_iri(fact.object, base)
        base_prop = _declare(g, declared, s.relation, s.relation_class, None)
        label = asserted_label(s.relation, s.polarity, s.modality)
        if label is not None:
            prop = base_prop if label == s.relation else _declare(g, declared, label, s.relation_class, base_prop)
            g.add((subj, prop, obj))
        node = statement_node(fact, base)
        g.add((node, RDF.type, KG.Statement))
        g.add((node, RDF.subject, subj))
        g.add((node, RDF.predicate, base_prop))
        g.add((node, RDF.object, obj))
        g.add((node, KG.polarity, Literal(s.polarity)))
        g.add((node, KG.modality, Literal(s.modality)))
        g.add((node, KG.confidence, Literal(f"{s.confidence:.3f}", datatype=XSD.decimal)))
        if fact.attribution:
            g.add((node, KG.attributedTo, entity_iri(fact.attribution, base)))
        g.add((node, KG.surface, Literal(s.surface)))
        g.add((node, KG.pattern, Literal(s.pattern)))
        g.add((node, KG.extractor, Literal(EXTRACTOR_VERSION)))
        g.add((node, KG.sentence, Literal(s.evidence.sentence)))
        g.add((node, KG.startChar, Literal(s.evidence.start)))
        g.add((node, KG.endChar, Literal(s.evidence.end)))
        g.add((node, PROV.wasDerivedFrom, article_iri(fact.article.id, base)))
    return g


def _declare(g: Graph, declared: set[str], label: str, klass: str | None, base_prop: URIRef | None) -> URIRef:
    prop = relation_iri(label)
    if label in declared:
        return prop
    declared.add(label)
    g.add((prop, RDF.type, KG.Relation))
    g.add((prop, RDF.type, OWL.ObjectProperty))
    g.add((prop, RDFS.label, Literal(label)))
    if base_prop is not None:
        # negated/modal variants are not sub-properties of the plain relation (that would assert it)
        g.add((prop, KG.baseRelation, base_prop))
        g.add((prop, RDFS.subPropertyOf, KG.related))
    elif klass:
        class_prop = relation_class_iri(klass)
        g.add((prop, RDFS.subPropertyOf, class_prop))
        if class_prop not in declared:
            declared.add(str(class_prop))
            g.add((class_prop, RDF.type, KG.RelationClass))
            g.add((class_prop, RDF.type, OWL.ObjectProperty))
            g.add((class_prop, RDFS.label, Literal(klass)))
            g.add((class_prop, RDFS.subPropertyOf, KG.related))
    else:
        g.add((prop, RDFS.subPropertyOf, KG.related))
    if klass:
        g.add((prop, KG.relationClass, Literal(klass)))
    return prop


def node_id(key: str) -> str:
    """A GraphML node id (an XML name token) for an entity key."""
    return "e:" + key.replace("/", ":")


def to_networkx(kg: KnowledgeGraph, *, base: str = DEFAULT_BASE) -> nx.MultiDiGraph:
    """One node per entity, one edge per (subject, asserted relation, object) with ``weight`` = support."""
    graph = nx.MultiDiGraph()
    for key, e in kg.entities.items():
        graph.add_node(node_id(key), label=e.label, type=e.type, iri=str(entity_iri(key, base)),
                       aliases="; ".join(e.aliases), mentions=e.mentions, articles=len(e.articles))
    groups: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
    for fact in kg.facts:
        label = asserted_label(fact.statement.relation, fact.statement.polarity, fact.statement.modality)
        if label is not None:
            groups[(fact.subject, label, fact.object)].append(fact)
    for (subj, label, obj), facts in sorted(groups.items()):
        s = facts[0].statement
        dates = sorted(f.article.date[:10] for f in facts if f.article.date)
        graph.add_edge(node_id(subj), node_id(obj), key="r:" + relation_iri(label).split("/")[-1] + ":" + (
            str(statement_iri(subj, label, obj))[-12:]),
                       label=label, relation=s.relation, relation_class=s.relation_class or "",
                       polarity=s.polarity, modality=s.modality, weight=len(facts),
                       articles=len({f.article.id for f in facts}),
                       confidence=round(max(f.statement.confidence for f in facts), 3),
                       first_seen=dates[0] if dates else "", last_seen=dates[-1] if dates else "",
                       iri=str(relation_iri(label)))
    return graph
