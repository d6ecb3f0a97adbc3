"""Quad building, shared by the workers and the parent: one article's named graph, and the merged graph.

An article's graph (its description, its statement nodes with evidence, the plain triples its positive
statements assert) depends only on that article and the entity keys in-article resolution gave it, so a
worker builds it right after the parse (:mod:`kg.article_graph`). The merged graph (entities, relation
declarations, statement groups) is what only the whole corpus can say; the parent builds it from entity
values and the compact :class:`FactRow` of every statement (:class:`Groups`, also the edges of the visual
exports: one aggregation for both).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache, partial

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, SKOS, XSD, URIRef

from kg import EXTRACTOR_VERSION
from kg.iri import (article_iri, entity_iri, entity_iri_text, graph_iri, group_iri, relation_class_iri, relation_iri,
                    relation_slug, statement_iri)
from kg.models import Article, Entity, Statement
from kg.rdf_text import Later, Lit, Term, Unit, made
from kg.safe_text import clean_text
from kg.vocab import KG, PROV, RELATION_NS, SCHEMA

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


_XSD_INTEGER = ox.NamedNode(str(XSD.integer))
_XSD_DECIMAL = ox.NamedNode(str(XSD.decimal))


def _integer(value: int) -> ox.Literal:
    """``_typed(value, XSD.integer)`` of an int (its digits need no cleaning)."""
    return ox.Literal(str(value), datatype=_XSD_INTEGER)


@lru_cache(maxsize=4096)
def _word(value: str) -> ox.Literal:
    """:func:`_str` of a value from a small vocabulary (polarity, modality, pattern, version), made once."""
    return _str(value)


@lru_cache(maxsize=65536)
def _relation(label: str) -> ox.NamedNode:
    """The property node of a relation label."""
    return ox.NamedNode(str(relation_iri(label)))


@dataclass(frozen=True, slots=True)
class FactRow:
    """What the merged graph and the visual exports need of one statement: small, picklable, no text."""

    subject: str                 # entity keys as in-article resolution gave them
    object: str
    asserted: str | None         # asserted_label(...), None for a conditional statement
    relation: str
    relation_class: str | None
    polarity: str
    modality: str
    confidence: float
    statement: str               # the statement node's IRI
    attribution: str | None = None   # the entity key of whoever said it
    start: int = 0               # the evidence's character span (with the keys, what names the statement node)
    end: int = 0


def fact_order(start: int, subject: str, statement: Statement, obj: str) -> tuple[object, ...]:
    """The order of statements inside an article (articles themselves go by id)."""
    return (start, subject, statement.relation, obj, statement.polarity, statement.modality)


def sort_key(quad: ox.Quad) -> tuple[str, str]:
    """Quads sort by (graph, triple) as N-Triples text, so the same input gives the same bytes."""
    return str(quad.graph_name), str(quad.triple)


def article_quads(article: Article, facts: Iterable[tuple[str, str, Statement, str | None]], base: str, *,
                  describe: bool = True) -> tuple[list[ox.Quad], list[FactRow]]:
    """One article's named graph as sorted quads, and one :class:`FactRow` per statement.

    ``facts`` are (subject key, object key, statement, attribution key) in :func:`fact_order`; a statement whose
    two sides are one entity gets a row (its keys count as used) but no quads: it says nothing about the world.
    """
    graph = article_triples(article, facts, base, describe=describe)
    g = graph.name
    return [ox.Quad(t.subject, t.predicate, t.object, g) for t in graph.triples], graph.rows


@dataclass(frozen=True, slots=True)
class ArticleTriples:
    """One article's named graph as triples (cheaper to make than quads: every one is in the graph ``name``)."""

    name: ox.NamedNode
    triples: list[ox.Triple]    # sorted by their N-Triples text, as :func:`sort_key` sorts the quads
    plain: set[ox.Triple]       # those whose subject is an entity: the positive statements' plain triples
    rows: list[FactRow]


def article_triples(article: Article, facts: Iterable[tuple[str, str, Statement, str | None]], base: str, *,
                    describe: bool = True) -> ArticleTriples:
    """The triples of :func:`article_quads` (the same, in the same order) without their graph name."""
    triples: set[ox.Triple] = set()
    plain: set[ox.Triple] = set()
    g = _n(str(graph_iri(article.id, base)))
    article_node = _n(str(article_iri(article.id, base)))

    def add(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        triples.add(ox.Triple(s, p, o))

    if describe:
        add(article_node, _RDF.type, _SCHEMA.NewsArticle)
        add(article_node, _SCHEMA.identifier, _str(article.id))
        if article.title:
            add(article_node, _SCHEMA.headline, _str(article.title))
        if article.date:
            add(article_node, _SCHEMA.datePublished, _date(article.date))
        if article.author:
            add(article_node, _SCHEMA.author, _str(article.author))
        if article.url:
            add(article_node, _SCHEMA.url, _typed(article.url, XSD.anyURI))
    rows = []
    # terms repeated across the article's statements are made once (each Oxigraph term costs a copy)
    entities: dict[str, ox.NamedNode] = {}
    sentences: dict[str, ox.Literal] = {}

    def entity(key: str) -> ox.NamedNode:
        node = entities.get(key)
        if node is None:
            node = entities[key] = ox.NamedNode(str(entity_iri(key, base)))
        return node

    extractor = _word(EXTRACTOR_VERSION)
    for subject, obj, s, attribution in facts:
        asserted = asserted_label(s.relation, s.polarity, s.modality)
        evidence = s.evidence
        node_iri = str(statement_iri(article.id, subject, s.relation, obj, s.polarity, s.modality,
                                     evidence.start, evidence.end, base=base))
        rows.append(FactRow(subject, obj, asserted, s.relation, s.relation_class, s.polarity, s.modality,
                            s.confidence, node_iri, attribution, evidence.start, evidence.end))
        if subject == obj:
            continue
        node = ox.NamedNode(node_iri)
        subj, ob = entity(subject), entity(obj)
        if asserted is not None:
            prop = _relation(asserted)
            triple = ox.Triple(subj, prop, ob)      # an entity's: the only triples whose subject is no node of
            triples.add(triple)                      # the article graph's own
            plain.add(triple)
            add(node, _KG.assertedAs, prop)
        add(node, _RDF.type, _KG.Statement)
        add(node, _RDF.subject, subj)
        add(node, _RDF.predicate, _relation(s.relation))
        add(node, _RDF.object, ob)
        add(node, _KG.polarity, _word(s.polarity))
        add(node, _KG.modality, _word(s.modality))
        add(node, _KG.confidence, ox.Literal(f"{s.confidence:.3f}", datatype=_XSD_DECIMAL))
        if attribution:
            add(node, _KG.attributedTo, entity(attribution))
        add(node, _KG.surface, _str(s.surface))
        if s.pattern:
            add(node, _KG.pattern, _word(s.pattern))
        add(node, _KG.extractor, extractor)
        sentence = sentences.get(evidence.sentence)
        if sentence is None:
            sentence = sentences[evidence.sentence] = _str(evidence.sentence)
        add(node, _KG.sentence, sentence)
        add(node, _KG.sentenceStart, _integer(evidence.sentence_start))
        add(node, _KG.startChar, _integer(evidence.start))
        add(node, _KG.endChar, _integer(evidence.end))
        add(node, _PROV.wasDerivedFrom, article_node)
    # every quad is in the article's graph: the triple alone orders them as sort_key does
    return ArticleTriples(g, sorted(triples, key=str), plain, rows)


@dataclass
class Group:
    """The statements asserting one (subject, relation, object) edge, across articles."""

    first: FactRow                                           # the first in (article id, fact order)
    statements: dict[str, None] = field(default_factory=dict)   # statement IRIs, in order, each once
    articles: set[str] = field(default_factory=set)
    dates: list[str] = field(default_factory=list)           # the articles' dates (YYYY-MM-DD), per statement
    count: int = 0                                           # statements, duplicates included
    confidence: float = 0.0


class Groups:
    """Edge-level aggregates of the asserted statements, built once and read by both the merged graph
    (statement groups) and the visual exports (one weighted edge each). Feed it articles in id order."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str, str], Group] = {}
        self.declared: dict[str, tuple[str | None, str | None]] = {}   # property label -> (class, base label)

    def add(self, article_id: str, date: str | None, row: FactRow) -> None:
        if row.relation not in self.declared:
            self.declared[row.relation] = (row.relation_class, None)
        if row.asserted is None:
            return
        if row.asserted != row.relation and row.asserted not in self.declared:
            self.declared[row.asserted] = (row.relation_class, row.relation)
        key = (row.subject, row.asserted, row.object)
        group = self.items.get(key)
        if group is None:
            group = self.items[key] = Group(row)
        group.statements[row.statement] = None
        group.articles.add(article_id)
        if date:
            group.dates.append(date[:10])
        group.count += 1
        group.confidence = max(group.confidence, row.confidence)


def merged_quads(entities: Mapping[str, Entity], articles: set[str], groups: Groups, base: str,
                 graph: ox.NamedNode) -> list[ox.Quad]:
    """The merged graph: entities, relation declarations and statement groups, sorted."""
    text = "".join(made(unit).nquads(graph.value) for unit in merged_units(entities, articles, groups, base))
    return sorted(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS), key=sort_key)


class _Terms:
    """IRIs made once per merged graph (an entity's is minted from its key; relation and article IRIs repeat)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.entities: dict[str, str] = {}
        self.articles: dict[str, str] = {}

    def entity(self, key: str) -> str:
        iri = self.entities.get(key)
        if iri is None:
            iri = self.entities[key] = entity_iri_text(key, self.base)
        return iri

    def article(self, article_id: str) -> str:
        iri = self.articles.get(article_id)
        if iri is None:
            iri = self.articles[article_id] = str(article_iri(article_id, self.base))
        return iri


@lru_cache(maxsize=65536)
def relation_iri_text(label: str) -> str:
    """:func:`kg.iri.relation_iri` as text, made once per label (the merged graph and the views ask for it per
    statement group) and without an rdflib term."""
    return _RELATION_NS + relation_slug(label)


_RELATION_NS = str(RELATION_NS)


def _text(value: str) -> Lit:
    return clean_text(value), ""   # no character any export format (or rapper) rejects


def _count(value: int) -> Lit:
    return str(value), XSD_INTEGER


def _day(value: str) -> Lit:
    return clean_text(value), XSD_DATE


XSD_INTEGER, XSD_DECIMAL, XSD_DATE = str(XSD.integer), str(XSD.decimal), str(XSD.date)
_K = {name: str(getattr(KG, name)) for name in KG.__annotations__}   # kg: terms by name, as IRIs
RDF_TYPE, RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT = (str(RDF.type), str(RDF.subject), str(RDF.predicate),
                                                    str(RDF.object))
RDFS_LABEL, RDFS_SUB_PROPERTY, OWL_SAME_AS, OWL_OBJECT_PROPERTY = (str(RDFS.label), str(RDFS.subPropertyOf),
                                                                   str(OWL.sameAs), str(OWL.ObjectProperty))
SKOS_ALT_LABEL = str(SKOS.altLabel)


def merged_units(entities: Mapping[str, Entity], articles: set[str], groups: Groups, base: str
                 ) -> Iterator[Unit | Later]:
    """The merged graph one subject at a time, so it can be written in bounded memory: entities (by key), then
    relation declarations and statement groups (in the order they were first seen).

    Each :class:`~kg.rdf_text.Unit` holds its triples in the merged graph (``pairs``) and the plain triples the
    subject asserts as an entity (``plain``): the latter live in the article graphs, and belong beside the
    entity in the union graph (graph.ttl). Values, not Oxigraph objects: a million of those cost seconds.
    Entities and statement groups come as :class:`~kg.rdf_text.Later` (:func:`kg.rdf_text.made` makes them),
    keyed by a digest of their inputs, so a writer with a memo makes only those it does not have."""
    terms = _Terms(base)
    ent = terms.entity
    asserts: dict[str, list[tuple[str, str]]] = {}
    for s_key, label, o_key in groups.items:
        asserts.setdefault(s_key, []).append((label, o_key))
    for key in sorted(entities):
        entity, claims = entities[key], asserts.get(key, [])
        yield Later(partial(ent, key), partial(_entity_inputs, key, entity, articles, claims),
                    partial(_entity_unit, terms, key, entity, articles, claims))
    classes: set[str] = set()
    declared: set[tuple[str, str, Term]] = set()   # two labels may share one property IRI ("meet with", "meet-with")
    properties = Counter(relation_iri_text(label) for label in groups.declared)
    for label, (klass, base_label) in groups.declared.items():
        prop = relation_iri_text(label)
        if properties[prop] == 1 and (not klass or base_label is not None or klass in classes):
            # the one declaration of its property, no relation class declared with it: made on demand
            yield Later(prop, partial(_declaration_inputs, label, klass, base_label),
                        partial(_declaration, label, klass, base_label))
            continue
        for unit in _declare(label, klass, base_label, classes):
            unit.pairs = [(p, o) for p, o in unit.pairs if (unit.subject, p, o) not in declared]
            declared.update((unit.subject, p, o) for p, o in unit.pairs)
            yield unit
    for (subj_key, asserted, obj_key), group in groups.items.items():
        node = partial(_group_node, subj_key, asserted, obj_key, base)
        yield Later(node, partial(_group_inputs, subj_key, asserted, obj_key, group),
                    partial(_group_unit, terms, node, subj_key, asserted, obj_key, group))


def _group_node(subj_key: str, asserted: str, obj_key: str, base: str) -> str:
    return str(group_iri(subj_key, asserted, obj_key, base))


def _entity_inputs(key: str, entity: Entity, articles: set[str], claims: list[tuple[str, str]]) -> tuple:
    """Everything an entity's unit is made of (with the base IRI and the code)."""
    mentioned = entity.articles if articles.issuperset(entity.articles) else tuple(
        a for a in entity.articles if a in articles)
    return ("entity", key, entity.type, entity.label, entity.aliases, mentioned, entity.mentions, entity.rules,
            entity.roles, entity.same_as, claims)


def _group_inputs(subj_key: str, asserted: str, obj_key: str, group: Group) -> tuple:
    """Everything a statement group's unit is made of (with the base IRI and the code)."""
    dates = group.dates
    return ("group", subj_key, asserted, obj_key, tuple(group.statements), len(group.articles),
            f"{group.confidence:.3f}", min(dates) if dates else None, max(dates) if dates else None)


def _entity_unit(terms: _Terms, key: str, entity: Entity, articles: set[str], claims: list[tuple[str, str]]
                 ) -> Unit:
    ent = terms.entity
    pairs: dict[tuple[str, Term], None] = {(RDF_TYPE, _K[entity.type]): None, (RDFS_LABEL, _text(entity.label)): None}
    for alias in entity.aliases:
        pairs[(SKOS_ALT_LABEL, _text(alias))] = None
    for article_id in entity.articles:
        if article_id in articles:
            pairs[(_K["mentionedIn"], terms.article(article_id))] = None
    pairs[(_K["mentionCount"], (clean_text(str(entity.mentions)), XSD_INTEGER))] = None
    for rule in entity.rules:
        pairs[(_K["mergeRule"], _text(rule))] = None
    for role in entity.roles:
        pairs[(_K["role"], _text(role))] = None
    for old_key in entity.same_as:   # an explicit merge keeps the old IRI resolvable
        pairs[(OWL_SAME_AS, ent(old_key))] = None
    plain = {(relation_iri_text(label), ent(o)): None for label, o in claims}
    return Unit(ent(key), list(pairs), list(plain))


def _group_unit(terms: _Terms, node: Callable[[], str], subj_key: str, asserted: str, obj_key: str, group: Group
                ) -> Unit:
    ent = terms.entity
    pairs: list[tuple[str, Term]] = [
        (RDF_TYPE, _K["StatementGroup"]), (RDF_SUBJECT, ent(subj_key)), (RDF_PREDICATE, relation_iri_text(asserted)),
        (RDF_OBJECT, ent(obj_key)), *((_K["supportedBy"], value) for value in group.statements),
        (_K["supportCount"], _count(len(group.statements))), (_K["articleCount"], _count(len(group.articles))),
        (_K["maxConfidence"], (clean_text(f"{group.confidence:.3f}"), XSD_DECIMAL))]
    if group.dates:
        pairs.append((_K["firstSeen"], _day(min(group.dates))))
        pairs.append((_K["lastSeen"], _day(max(group.dates))))
    return Unit(node(), pairs)


def asserted_triples(groups: Groups, base: str) -> list[ox.Triple]:
    """The plain triples the groups assert, each once (articles repeat them in their own graphs)."""
    triples = {ox.Triple(_n(str(entity_iri(s, base))), _n(str(relation_iri(label))), _n(str(entity_iri(o, base))))
               for s, label, o in groups.items}
    return sorted(triples, key=str)


def _declaration_inputs(label: str, klass: str | None, base_label: str | None) -> tuple:
    """Everything the declaration of a property is made of when it declares no relation class (with the code)."""
    return ("declaration", label, klass, base_label)


def _declaration(label: str, klass: str | None, base_label: str | None) -> Unit:
    """The declaration of the property ``label`` alone, its relation class declared before."""
    return next(_declare(label, klass, base_label, {klass} if klass else set()))


def _declare(label: str, klass: str | None, base_label: str | None, classes: set[str]) -> Iterator[Unit]:
    """The declaration of the property ``label`` (and, the first time, of its relation class)."""
    prop = relation_iri_text(label)
    a, sub = RDF_TYPE, RDFS_SUB_PROPERTY
    pairs: list[tuple[str, Term]] = [(a, _K["Relation"]), (a, OWL_OBJECT_PROPERTY), (RDFS_LABEL, _text(label))]
    class_pairs: list[tuple[str, Term]] = []
    if base_label is not None:
        # negated/modal variants are not sub-properties of the plain relation (that would assert it)
        pairs += [(_K["baseRelation"], relation_iri_text(base_label)), (sub, _K["related"])]
    elif klass:
        class_prop = str(relation_class_iri(klass))
        pairs.append((sub, class_prop))
        if klass not in classes:
            classes.add(klass)
            class_pairs = [(a, _K["RelationClass"]), (a, OWL_OBJECT_PROPERTY), (RDFS_LABEL, _text(klass)),
                           (sub, _K["related"])]
    else:
        pairs.append((sub, _K["related"]))
    if klass:
        pairs.append((_K["relationClass"], _text(klass)))
    yield Unit(prop, pairs)
    if class_pairs:
        yield Unit(class_prop, class_pairs)
