"""Merging article results into one graph: RDF (rdflib API) and a NetworkX MultiDiGraph view.

A positive statement is asserted as the plain triple ``subject relation object``. A negated or modal one
gets a property of its own whose label reads "not work with", "will meet", "may attack" (linked to the
plain relation by ``kg:baseRelation``), so it is never asserted as the positive fact; a requested one reads
"be asked to withdraw from", an alleged one "allegedly accept"; conditional ones (questions, "if" clauses,
counterfactuals) live only as statement nodes.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

import networkx as nx
import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, URIRef

from kg import EXTRACTOR_VERSION
from kg.iri import (article_iri, digest, entity_iri, graph_iri, group_iri, merged_graph_iri, relation_class_iri,
                    relation_iri, statement_iri)
from kg.models import Article, ArticleResult, Entity, Statement
from kg.safe_text import clean_text
from kg.vocab import DEFAULT_BASE, KG, PROV, RELATION_NS, SCHEMA

MODAL_PREFIX = {"asserted": "", "reported": "", "planned": "will", "possible": "may", "conditional": "",
                "requested": "be asked", "alleged": "allegedly"}


def asserted_label(relation: str, polarity: str, modality: str) -> str | None:
    """The label of the property a statement is asserted with, or None when it is not asserted at all.

    A requested one reads as what its subject is asked to do, an alleged one keeps "allegedly":

    >>> asserted_label("work with", "negative", "planned")
    'will not work with'
    >>> asserted_label("withdraw from", "positive", "requested"), asserted_label("accept", "positive", "alleged")
    ('be asked to withdraw from', 'allegedly accept')
    """
    if modality == "conditional":
        return None
    words = [MODAL_PREFIX[modality]] if MODAL_PREFIX[modality] else []
    if polarity == "negative":
        words.append("not")
    if modality == "requested":
        words.append("to")
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


@lru_cache(maxsize=65536)
def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


class _Nodes:
    """Vocabulary terms as Oxigraph nodes, made once (closed-namespace lookups are slow in a hot loop)."""

    def __init__(self, ns: object, names: Iterable[str]) -> None:
        for name in names:
            setattr(self, name, ox.NamedNode(str(getattr(ns, name))))

    def __getattr__(self, name: str) -> ox.NamedNode:   # only reached for a term not listed below
        raise AttributeError(name)


_KG = _Nodes(KG, KG.__annotations__)
_RDF = _Nodes(RDF, ["type", "subject", "predicate", "object"])
_RDFS = _Nodes(RDFS, ["label", "subPropertyOf"])
_OWL = _Nodes(OWL, ["ObjectProperty", "sameAs"])
_SKOS = _Nodes(SKOS, ["altLabel"])
_SCHEMA = _Nodes(SCHEMA, ["NewsArticle", "identifier", "headline", "datePublished", "author", "url"])
_PROV = _Nodes(PROV, ["wasDerivedFrom"])


def _str(value: str) -> ox.Literal:
    return ox.Literal(clean_text(value))   # no character any export format (or rapper) rejects


def _typed(value: object, datatype: URIRef) -> ox.Literal:
    return ox.Literal(clean_text(str(value)), datatype=_n(str(datatype)))


def _date(value: str) -> ox.Literal:
    return _typed(value, XSD.dateTime if "T" in value else XSD.date)


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


class _Quads:
    def __init__(self) -> None:
        self.items: set[ox.Quad] = set()

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal, g: ox.NamedNode) -> None:
        self.items.add(ox.Quad(s, p, o, g))


def to_quads(kg: KnowledgeGraph, *, base: str = DEFAULT_BASE) -> RDFData:
    """The whole graph as sorted Oxigraph quads (no blank nodes; IRIs are deterministic).

    Each article's graph holds the article's description, its statement nodes (with evidence) and the plain
    triples its positive statements assert; the merged graph holds entities, relation declarations and the
    statement groups (edge-level aggregates: support, articles, first/last seen).

    >>> len(to_quads(KnowledgeGraph()))
    0
    """
    out = _Quads()
    add = out.add
    a, label, alt = _RDF.type, _RDFS.label, _SKOS.altLabel
    merged = _n(str(merged_graph_iri(base)))
    for article in kg.articles.values():
        node, g = _n(str(article_iri(article.id, base))), _n(str(graph_iri(article.id, base)))
        add(node, a, _SCHEMA.NewsArticle, g)
        add(node, _SCHEMA.identifier, _str(article.id), g)
        if article.title:
            add(node, _SCHEMA.headline, _str(article.title), g)
        if article.date:
            add(node, _SCHEMA.datePublished, _date(article.date), g)
        if article.author:
            add(node, _SCHEMA.author, _str(article.author), g)
        if article.url:
            add(node, _SCHEMA.url, _typed(article.url, XSD.anyURI), g)
    for key, entity in kg.entities.items():
        node = _n(str(entity_iri(key, base)))
        add(node, a, getattr(_KG, entity.type), merged)
        add(node, label, _str(entity.label), merged)
        for alias in entity.aliases:
            add(node, alt, _str(alias), merged)
        for article_id in entity.articles:
            if article_id in kg.articles:
                add(node, _KG.mentionedIn, _n(str(article_iri(article_id, base))), merged)
        add(node, _KG.mentionCount, _typed(entity.mentions, XSD.integer), merged)
        for rule in entity.rules:
            add(node, _KG.mergeRule, _str(rule), merged)
        for role in entity.roles:
            add(node, _KG.role, _str(role), merged)
        for old_key in entity.same_as:   # an explicit merge keeps the old IRI resolvable
            add(node, _OWL.sameAs, _n(str(entity_iri(old_key, base))), merged)
    declared: set[str] = set()
    groups: dict[tuple[str, str, str], list[tuple[Fact, ox.NamedNode]]] = defaultdict(list)
    for fact in kg.facts:
        s = fact.statement
        g = _n(str(graph_iri(fact.article.id, base)))
        subj, obj = _n(str(entity_iri(fact.subject, base))), _n(str(entity_iri(fact.object, base)))
        base_prop = _declare(add, merged, declared, s.relation, s.relation_class, None)
        asserted = asserted_label(s.relation, s.polarity, s.modality)
        node = _n(str(statement_node(fact, base)))
        if asserted is not None:
            prop = base_prop if asserted == s.relation else _declare(add, merged, declared, asserted,
                                                                     s.relation_class, base_prop)
            add(subj, prop, obj, g)
            add(node, _KG.assertedAs, prop, g)
            groups[(fact.subject, asserted, fact.object)].append((fact, node))
        add(node, a, _KG.Statement, g)
        add(node, _RDF.subject, subj, g)
        add(node, _RDF.predicate, base_prop, g)
        add(node, _RDF.object, obj, g)
        add(node, _KG.polarity, _str(s.polarity), g)
        add(node, _KG.modality, _str(s.modality), g)
        add(node, _KG.confidence, _typed(f"{s.confidence:.3f}", XSD.decimal), g)
        if fact.attribution:
            add(node, _KG.attributedTo, _n(str(entity_iri(fact.attribution, base))), g)
        add(node, _KG.surface, _str(s.surface), g)
        if s.pattern:
            add(node, _KG.pattern, _str(s.pattern), g)
        add(node, _KG.extractor, _str(EXTRACTOR_VERSION), g)
        add(node, _KG.sentence, _str(s.evidence.sentence), g)
        add(node, _KG.sentenceStart, _typed(s.evidence.sentence_start, XSD.integer), g)
        add(node, _KG.startChar, _typed(s.evidence.start, XSD.integer), g)
        add(node, _KG.endChar, _typed(s.evidence.end, XSD.integer), g)
        add(node, _PROV.wasDerivedFrom, _n(str(article_iri(fact.article.id, base))), g)
    for (subj_key, asserted, obj_key), members in groups.items():
        node = _n(str(group_iri(subj_key, asserted, obj_key, base)))
        add(node, a, _KG.StatementGroup, merged)
        add(node, _RDF.subject, _n(str(entity_iri(subj_key, base))), merged)
        add(node, _RDF.predicate, _n(str(relation_iri(asserted))), merged)
        add(node, _RDF.object, _n(str(entity_iri(obj_key, base))), merged)
        statements = {n.value: n for _, n in members}
        for value in statements.values():
            add(node, _KG.supportedBy, value, merged)
        add(node, _KG.supportCount, _typed(len(statements), XSD.integer), merged)
        add(node, _KG.articleCount, _typed(len({f.article.id for f, _ in members}), XSD.integer), merged)
        confidence = max(f.statement.confidence for f, _ in members)
        add(node, _KG.maxConfidence, _typed(f"{confidence:.3f}", XSD.decimal), merged)
        dates = sorted(f.article.date[:10] for f, _ in members if f.article.date)
        if dates:
            add(node, _KG.firstSeen, _typed(dates[0], XSD.date), merged)
            add(node, _KG.lastSeen, _typed(dates[-1], XSD.date), merged)
    # one N-Triples string per quad serves both orders: (graph, triple) for the dataset, triple for the union
    keyed = sorted(((str(q.graph_name), str(q.triple), q) for q in out.items), key=lambda x: (x[0], x[1]))
    union = {text: q.triple for _, text, q in keyed}
    return RDFData(tuple(x[2] for x in keyed), prefixes(base), tuple(union[k] for k in sorted(union)))


def _union(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    seen: dict[str, ox.Triple] = {}
    for q in quads:
        t = q.triple
        seen.setdefault(str(t), t)
    return [seen[k] for k in sorted(seen)]


def _declare(add: Callable[..., None], g: ox.NamedNode, declared: set[str], label: str, klass: str | None,
             base_prop: ox.NamedNode | None) -> ox.NamedNode:
    prop = _n(str(relation_iri(label)))
    if label in declared:
        return prop
    declared.add(label)
    a, sub = _RDF.type, _RDFS.subPropertyOf
    add(prop, a, _KG.Relation, g)
    add(prop, a, _OWL.ObjectProperty, g)
    add(prop, _RDFS.label, _str(label), g)
    if base_prop is not None:
        # negated/modal variants are not sub-properties of the plain relation (that would assert it)
        add(prop, _KG.baseRelation, base_prop, g)
        add(prop, sub, _KG.related, g)
    elif klass:
        class_prop = _n(str(relation_class_iri(klass)))
        add(prop, sub, class_prop, g)
        add(class_prop, a, _KG.RelationClass, g)
        add(class_prop, a, _OWL.ObjectProperty, g)
        add(class_prop, _RDFS.label, _str(klass), g)
        add(class_prop, sub, _KG.related, g)
    else:
        add(prop, sub, _KG.related, g)
    if klass:
        add(prop, _KG.relationClass, _str(klass), g)
    return prop


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


def node_id(key: str) -> str:
    """A GraphML node id (an XML NMTOKEN) for an entity key: readable for the usual keys, and for any other
    key (spaces, symbols, characters XML cannot carry) a sanitized form plus a hash, so ids stay unique.

    >>> node_id("suhail-shaheen"), node_id("a b")
    ('e:suhail-shaheen', 'e:a-b-7dbde93504')
    """
    if _PLAIN_KEY.fullmatch(key):
        return "e:" + key.replace("/", ":")
    return "e:" + "-".join(x for x in (re.sub(r"[^A-Za-z0-9._-]+", "-", key).strip("-"), digest(key)[:10]) if x)


_PLAIN_KEY = re.compile(r"[A-Za-z0-9._/-]+")


def to_networkx(kg: KnowledgeGraph, *, base: str = DEFAULT_BASE) -> nx.MultiDiGraph:
    """One node per entity, one edge per (subject, asserted relation, object) with ``weight`` = support.

    ``aliases`` is a JSON-encoded list of strings (``'["US", "U.S."]'``): GraphML, GEXF and CSV carry only
    scalars, and no separator character is safe inside names."""
    graph = nx.MultiDiGraph()
    for key, e in kg.entities.items():
        graph.add_node(node_id(key), label=e.label, type=e.type, iri=str(entity_iri(key, base)),
                       aliases=json.dumps(list(e.aliases), ensure_ascii=False), roles="; ".join(e.roles),
                       mentions=e.mentions, articles=len(e.articles))
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
