"""One article's named graph, built where the article was parsed, as ready-to-write export chunks.

A worker turns an :class:`~kg.models.ArticleResult` into an :class:`ArticleGraph`: the article's quads
serialized once per export format (N-Quads, a TriG block, its share of the union graph as Turtle and as
JSON-LD node objects) plus one small :class:`~kg.quads.FactRow` per statement. The parent never walks these
statements again: it concatenates the chunks (:mod:`kg.assemble`) and builds only the merged graph.

Entity IRIs in a chunk come from the article's own entity keys. The cross-article merge keeps every key
that names an entity after the merge; a statement about a key the merge joined into another entity moves to
that entity (as :func:`kg.graph.merge_results` moves it), a statement that ends up a self-loop is dropped, and
only the chunks of articles holding such a statement are rebuilt (:func:`rebuilt`).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Set as AbstractSet
from dataclasses import dataclass, replace
from functools import lru_cache

import pyoxigraph as ox

from kg.export.jsonld import _Compactor, _nodes
from kg.export.rdf import without_escaped_names
from kg.models import ArticleResult
from kg.quads import ArticleTriples, FactRow, article_triples, fact_order, sort_key
from kg.safe_text import clean_text


@dataclass(frozen=True, slots=True)
class ArticleGraph:
    """One article's named graph as export chunks (UTF-8 bytes) and its statements as rows."""

    graph: str                  # the named graph's IRI
    rows: tuple[FactRow, ...]   # every statement, in fact order (self-loops too: their keys count as used)
    nquads: bytes               # the named graph, sorted N-Quads
    trig: bytes                 # the named graph as one TriG block (no @prefix lines)
    turtle: bytes               # its share of the union graph (all but the asserted plain triples), Turtle
    jsonld: bytes               # the same share as JSON-LD node objects, one a line, joined by ",\n"
    triples: int                # how many triples ``turtle`` holds
    sentences: bytes = b"[]"    # each row's evidence sentence (as exported), a JSON list: the viewer's evidence


def facts_of(result: ArticleResult) -> list[tuple[str, str, object, str | None]]:
    """(subject key, object key, statement, attribution key) of each statement, in fact order."""
    keys = dict(result.resolution)
    facts = []
    for s in result.statements:
        attribution = keys.get(s.attribution.key) if s.attribution is not None else None
        facts.append((keys[s.subject.key], keys[s.object.key], s, attribution))
    facts.sort(key=lambda f: fact_order(f[2].evidence.start, f[0], f[2], f[1]))
    return facts


def article_graph(result: ArticleResult, base: str, prefixes: Mapping[str, str]) -> ArticleGraph:
    """The export chunks of one article (run in the worker that parsed it): :func:`render` of its
    :func:`~kg.quads.article_quads`, made from triples (:func:`render_triples`, the same bytes)."""
    facts = facts_of(result)
    graph = article_triples(result.article, facts, base)   # type: ignore[arg-type]
    sentences = evidence_sentences(facts)
    if not graph.triples:
        return render([], "", tuple(graph.rows), base, prefixes, sentences)
    return render_triples(graph, base, prefixes, sentences)


def evidence_sentences(facts: list[tuple[str, str, object, str | None]]) -> bytes:
    """Each fact's evidence sentence as exported, a JSON list (the viewer's evidence, see ArticleGraph)."""
    return json.dumps([clean_text(f[2].evidence.sentence) for f in facts],   # type: ignore[attr-defined]
                      ensure_ascii=False).encode("utf-8")


def render_triples(graph: ArticleTriples, base: str, prefixes: Mapping[str, str], sentences: bytes = b"[]"
                   ) -> ArticleGraph:
    """:func:`render` of the quads ``graph`` names, from its triples: N-Quads are its N-Triples lines with the
    graph name before the final dot, and a TriG block is its Turtle lines, each indented by a tab, between the
    graph's opening line and "}" (Oxigraph writes every triple on lines of its own: no literal spans lines).
    Only triples are made and serialized, never quads; tests/unit/test_article_graph_triples.py checks the
    bytes against :func:`render`."""
    triples, name = graph.triples, graph.name
    share = [t for t in triples if t not in graph.plain]
    named = dict(prefixes)
    ntriples = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    suffix = b" " + str(name).encode("utf-8") + b" .\n"
    nquads = b"".join(line[:-2] + suffix for line in ntriples.split(b"\n") if line)
    turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=named) or b""
    start = _after_prefixes(turtle)
    fixed: dict[bytes, bytes] = {}     # a line holding an escaped name -> the line fixed (once per article)
    lines = _fixed_lines(turtle[start:], prefixes, fixed).split(b"\n")
    trig = _fixed_lines(_graph_line(name, named), prefixes, fixed) \
        + b"".join(b"\t" + line + b"\n" for line in lines if line) + b"}\n"
    compact = _compactor(tuple(prefixes.items()))
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    share_turtle = ox.serialize(share, format=ox.RdfFormat.TURTLE, prefixes=named) or b""
    return ArticleGraph(
        graph=name.value, rows=tuple(graph.rows), nquads=nquads, trig=trig,
        turtle=_fixed_lines(share_turtle[_after_prefixes(share_turtle):], prefixes, fixed),
        jsonld=",\n".join("  " + dumps(node) for node in _nodes(share, compact)).encode("utf-8"),
        triples=len(share), sentences=sentences)


_BACKSLASH_LINE = re.compile(rb"^[^\n\\]*\\[^\n]*", re.MULTILINE)   # a line holding a backslash


def _fixed_lines(text: bytes, prefixes: Mapping[str, str], fixed: dict[bytes, bytes]) -> bytes:
    """:func:`~kg.export.rdf.without_escaped_names` of Turtle ``text`` whose every triple is on lines of its own,
    line by line: a line holding a backslash is fixed once through ``fixed`` (an article's TriG block and its
    Turtle share hold the same lines, and a statement's ``rdf:subject ent:…`` line recurs); the same bytes
    (the function fixes each such line on its own; an indent before a line changes nothing in it)."""
    if b"\\" not in text:
        return text
    if b'"""' in text or b"'''" in text:
        return without_escaped_names(text, prefixes)    # (a long literal may span lines: the whole text at once)

    def line(m: re.Match[bytes]) -> bytes:
        old = m.group(0)
        new = fixed.get(old)
        if new is None:
            new = fixed[old] = without_escaped_names(old + b"\n", prefixes)[:-1]
        return new

    return _BACKSLASH_LINE.sub(line, text)


def _graph_line(name: ox.NamedNode, prefixes: dict[str, str]) -> bytes:
    """The line Oxigraph's TriG opens the graph ``name`` with (``graph:article\\/x {``)."""
    text = ox.serialize([ox.Quad(name, name, name, name)], format=ox.RdfFormat.TRIG, prefixes=prefixes) or b""
    start = _after_prefixes(text)
    return text[start:text.index(b"\n", start) + 1]


def _after_prefixes(text: bytes) -> int:
    start = 0
    while text.startswith(b"@prefix ", start):
        start = text.index(b"\n", start) + 1
    return start


def render(quads: list[ox.Quad], graph: str, rows: tuple[FactRow, ...], base: str, prefixes: Mapping[str, str],
           sentences: bytes = b"[]") -> ArticleGraph:
    """Serialize an article's sorted ``quads`` into its chunks."""
    entities = base + "entity/"   # an entity subject in an article graph is an asserted plain triple
    share = [q.triple for q in quads if not q.subject.value.startswith(entities)]
    compact = _compactor(tuple(prefixes.items()))
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    return ArticleGraph(
        graph=graph, rows=rows,
        nquads=ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"",
        trig=body(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=dict(prefixes)) or b"", prefixes),
        turtle=body(ox.serialize(share, format=ox.RdfFormat.TURTLE, prefixes=dict(prefixes)) or b"", prefixes),
        jsonld=",\n".join("  " + dumps(node) for node in _nodes(share, compact)).encode("utf-8"),
        triples=len(share), sentences=sentences)


@lru_cache(maxsize=4)
def _compactor(prefixes: tuple[tuple[str, str], ...]) -> _Compactor:
    return _Compactor(dict(prefixes))


def body(text: bytes, prefixes: Mapping[str, str]) -> bytes:
    """Turtle/TriG ``text`` without its leading ``@prefix`` lines, names needing escapes as full IRIs."""
    return without_escaped_names(text[_after_prefixes(text):], prefixes)


def rebuilt(chunk: ArticleGraph, base: str, prefixes: Mapping[str, str], *, renames: Mapping[str, str] | None = None,
            statements: AbstractSet[str] = frozenset(), triples: AbstractSet[str] = frozenset()) -> ArticleGraph:
    """``chunk`` re-rendered from one parse of its N-Quads, for an article the cross-article merge touched:
    the IRIs ``renames`` (old -> new: entities joined across the corpus, and the statement nodes their keys
    name) replaced wherever they stand, then without the statement nodes ``statements`` (IRIs) and the plain
    triples ``triples`` (N-Triples text without the final " .")."""
    renames = renames or {}

    def term(t: ox.NamedNode | ox.BlankNode | ox.Literal) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        return ox.NamedNode(renames[t.value]) if isinstance(t, ox.NamedNode) and t.value in renames else t

    quads = {ox.Quad(term(q.subject), q.predicate, term(q.object), q.graph_name)
             for q in ox.parse(chunk.nquads, format=ox.RdfFormat.N_QUADS)}
    kept = [q for q in quads if q.subject.value not in statements and str(q.triple) not in triples]
    return render(sorted(kept, key=sort_key), chunk.graph, chunk.rows, base, prefixes, chunk.sentences)


def attach(results: Iterable[ArticleResult], base: str, prefixes: Mapping[str, str]) -> Iterable[ArticleResult]:
    """Each result with its :class:`ArticleGraph` (``result.graph``)."""
    for result in results:
        yield replace(result, graph=article_graph(result, base, prefixes))
