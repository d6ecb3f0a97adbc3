"""Merging article results into one graph: RDF (rdflib API) and a NetworkX MultiDiGraph view.

A positive statement is asserted as the plain triple ``subject relation object``. A negated or modal one
gets a property of its own whose label reads "not work with", "will meet", "may attack" (linked to the
plain relation by ``kg:baseRelation``), so it is never asserted as the positive fact; a requested one reads
"be asked to withdraw from", an alleged one "allegedly accept"; conditional ones (questions, "if" clauses,
counterfactuals) live only as statement nodes.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

import networkx as nx
import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, URIRef

from kg.iri import entity_iri, merged_graph_iri, relation_iri, statement_iri
from kg.models import Article, ArticleResult, Entity, Statement
from kg.records import EDGE_FIELDS, NODE_FIELDS, in_add_order, node_id
from kg.quads import (MODAL_PREFIX, FactRow, Groups, _n, article_quads, asserted_label, merged_quads,
                      relation_iri_text, sort_key)
from kg.vocab import DEFAULT_BASE, KG, PROV, RELATION_NS, SCHEMA

__all__ = ["MODAL_PREFIX", "Fact", "KnowledgeGraph", "RDFData", "asserted_label", "merge_results", "node_id",
           "prefixes", "to_networkx", "to_quads", "to_rdf", "view"]


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
    from kg.resolve import merge_entities, moved_keys   # lazily: exporting and querying never need spaCy

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
    entities = merge_entities(all_entities)
    if moved := moved_keys(entities):   # a key joined into another across the corpus keeps its statements
        kg.facts = [replace(f, subject=moved.get(f.subject, f.subject), object=moved.get(f.object, f.object),
                            attribution=moved.get(f.attribution, f.attribution) if f.attribution else None)
                    for f in kg.facts]
    used = {f.subject for f in kg.facts} | {f.object for f in kg.facts} | {
        f.attribution for f in kg.facts if f.attribution}
    # named entities always become nodes; article-local concepts only when a statement uses them
    kg.entities = {k: e for k, e in entities.items() if e.type != "Concept" or k in used}
    # never a self-loop: a statement whose two sides ended up one entity says nothing about the world
    kg.facts = sorted((f for f in kg.facts if f.subject in kg.entities and f.object in kg.entities
                       and f.subject != f.object),
                      key=lambda f: (f.article.id, f.statement.evidence.start, f.subject, f.statement.relation,
                                     f.object, f.statement.polarity, f.statement.modality))
    return kg


def statement_node(fact: Fact, base: str) -> URIRef:
    s = fact.statement
    return statement_iri(fact.article.id, fact.subject, s.relation, fact.object, s.polarity, s.modality,
                         s.evidence.start, s.evidence.end, base=base)


PREFIXES = {"kg": str(KG), "rel": str(RELATION_NS), "schema": str(SCHEMA), "prov": str(PROV), "skos": str(SKOS),
            "owl": str(OWL), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD)}


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """The prefixes every export declares (vocabularies plus the base-dependent ones)."""
    return {**PREFIXES, "ent": f"{base}entity/", "art": f"{base}article/", "stmt": f"{base}statement/",
            "edge": f"{base}edge/", "graph": f"{base}graph/"}


@dataclass(frozen=True)
class RDFData:
    """The graph as Oxigraph quads: one named graph per article plus one merged graph.

    ``quads`` are sorted (graph, subject, predicate, object), so the same input gives the same bytes in every
    serialization. Plain triples asserted by several articles appear in each of their graphs.
    """

    quads: tuple[ox.Quad, ...]
    prefixes: dict[str, str]
    union: tuple[ox.Triple, ...] | None = None   # the sorted union, when the builder computed it already

    def __len__(self) -> int:
        return len(self.quads)

    def triples(self) -> list[ox.Triple]:
        """The union of all graphs (each triple once), sorted."""
        return list(self.union) if self.union is not None else _union(self.quads)

    def graph_names(self) -> list[ox.NamedNode]:
        names: dict[str, ox.NamedNode] = {}
        for q in self.quads:
            if isinstance(q.graph_name, ox.NamedNode):
                names.setdefault(q.graph_name.value, q.graph_name)
        return [names[k] for k in sorted(names)]


    def store(self) -> ox.Store:
        """An in-memory Oxigraph store holding every quad (query it with ``use_default_graph_as_union``)."""
        store = ox.Store()
        store.bulk_extend(self.quads)
        return store


def to_quads(kg: KnowledgeGraph, *, base: str = DEFAULT_BASE) -> RDFData:
    """The whole graph as sorted Oxigraph quads (no blank nodes; IRIs are deterministic).

    Each article's graph holds the article's description, its statement nodes (with evidence) and the plain
    triples its positive statements assert; the merged graph holds entities, relation declarations and the
    statement groups (edge-level aggregates: support, articles, first/last seen). The same functions
    (:mod:`kg.quads`) build the per-article graphs in the workers of a build.

    >>> len(to_quads(KnowledgeGraph()))
    0
    """
    by_article: dict[str, list[Fact]] = defaultdict(list)
    for fact in kg.facts:
        by_article[fact.article.id].append(fact)
    keyed: list[tuple[tuple[str, str], ox.Quad]] = []
    groups = Groups()
    for article_id in sorted(set(kg.articles) | set(by_article)):
        facts = by_article.get(article_id, [])
        article = kg.articles.get(article_id) or facts[0].article
        quads, rows = article_quads(article, ((f.subject, f.object, f.statement, f.attribution) for f in facts),
                                    base, describe=article_id in kg.articles)
        keyed += ((sort_key(q), q) for q in quads)
        for row in rows:
            groups.add(article_id, article.date, row)
    merged = merged_quads(kg.entities, set(kg.articles), groups, base, _n(str(merged_graph_iri(base))))
    keyed += ((sort_key(q), q) for q in merged)
    keyed.sort(key=lambda x: x[0])
    union = {text: q.triple for (_, text), q in keyed}
    return RDFData(tuple(q for _, q in keyed), prefixes(base), tuple(union[k] for k in sorted(union)))


def groups_of(kg: KnowledgeGraph, *, base: str = DEFAULT_BASE) -> Groups:
    """The edge aggregates of ``kg`` (the statement groups of the merged graph)."""
    groups = Groups()
    for fact in kg.facts:
        s = fact.statement
        node = str(statement_iri(fact.article.id, fact.subject, s.relation, fact.object, s.polarity, s.modality,
                                 s.evidence.start, s.evidence.end, base=base))
        groups.add(fact.article.id, fact.article.date,
                   FactRow(fact.subject, fact.object, asserted_label(s.relation, s.polarity, s.modality), s.relation,
                           s.relation_class, s.polarity, s.modality, s.confidence, node))
    return groups


def _union(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    seen: dict[str, ox.Triple] = {}
    for q in quads:
        t = q.triple
        seen.setdefault(str(t), t)
    return [seen[k] for k in sorted(seen)]


def to_rdf(kg: KnowledgeGraph, *, base: str = DEFAULT_BASE, store: str = "default") -> Graph:
    """The whole graph (the union of all named graphs) as an rdflib Graph.

    ``store="Oxigraph"`` backs it with an Oxigraph store (oxrdflib): fast SPARQL through the rdflib API, but
    plain strings then come back as ``Literal(..., datatype=XSD.string)``.
    """
    data = to_quads(kg, base=base)
    return rdflib_graph(data.triples(), data.prefixes, store=store)


def rdflib_graph(triples: Iterable[ox.Triple], namespaces: dict[str, str], *, store: str = "default") -> Graph:
    """An rdflib Graph holding ``triples`` (parsed from Oxigraph's N-Triples)."""
    g = Graph(store=store)
    for prefix, ns in namespaces.items():
        g.bind(prefix, ns, override=True)
    data = ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES) or b""
    if data:
        g.parse(data=data, format="ox-ntriples" if store == "Oxigraph" else "nt")
    return g


def to_networkx(kg: KnowledgeGraph, *, base: str = DEFAULT_BASE) -> nx.MultiDiGraph:
    """One node per entity, one edge per (subject, asserted relation, object) with ``weight`` = support."""
    return view(kg.entities, groups_of(kg, base=base), base=base)


def view(entities: Mapping[str, Entity], groups: Groups, *, base: str = DEFAULT_BASE,
         iri: Callable[[str], str] | None = None) -> nx.MultiDiGraph:
    """The graph the visual exports draw, from the same edge aggregates as the merged graph's statement groups.

    ``aliases`` is a JSON-encoded list of strings (``'["US", "U.S."]'``): GraphML, GEXF and CSV carry only
    scalars, and no separator character is safe inside names. ``iri``: an entity key's IRI, if the caller keeps
    them (made here otherwise)."""
    from kg.export.graphml import CLEAN

    graph = nx.MultiDiGraph()
    graph.graph[CLEAN] = True    # every value below is a scalar free of what XML forbids: no exporter copies it
    nodes, edges = in_add_order(entities, groups, base=base, iri=iri)
    for row in nodes:
        graph.add_node(row[0], **dict(zip(NODE_FIELDS, row[1:])))
    for _, row in edges:
        graph.add_edge(row[0], row[1], key=row[2], **dict(zip(EDGE_FIELDS, row[3:])))
    return graph

