"""Property tests: for random labels, ids, dates and small graphs, every export parses in every reader we
name — Turtle/TriG/N-Quads in rdflib, pyoxigraph and rapper; JSON-LD in rdflib and pyoxigraph; GraphML
against the XML schema and in networkx and igraph; GEXF in networkx; CSV in Python's csv module."""
from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.graph import Fact, KnowledgeGraph, to_quads
from kg.models import Article, Entity, Evidence, Mention, Statement
from kg.pipeline import export
from kg.readers import to_iso
from tests.exportcheck import assert_exports_parse
from tests.kgfixtures import quad_set


# Text a hostile input can carry after JSON decoding: anything, plus the characters that broke exports before
# (non-characters, controls, lone surrogates, bidi and zero-width marks, IRI-like and Turtle-like strings).
HOSTILE = ["\ufffe", "\uffff", "\ufdd0", "\U0010ffff", "\x00", "\x1b", "\x7f", "\x85", "\ud800", "\udfff",
           "\u202e", "\u200b", "\ufeff", "\u2028", ".", "-", "~", "/", "#", ":", "<", ">", '"', "'", "\\", "\n",
           "\t", "\r", "%", "?", "&", "@", "_:b", "http://x/", "\"\"\"", "}", "{", "^^", " "]
text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6)), max_size=6).map("".join)
nonempty = text.filter(lambda s: s.strip() != "")
dates = st.one_of(st.none(), st.dates().map(lambda d: to_iso(d.isoformat())),
                  st.datetimes().map(lambda t: to_iso(t.replace(microsecond=0).isoformat())),
                  st.dates().map(lambda d: to_iso(f"{d.day} {d:%B} {d.year:04d}")))


def _mention(text_: str, start: int) -> Mention:
    return Mention(text=text_, start=start, end=start + max(1, len(text_)), type="Person", is_named=True)


@st.composite
def graphs(draw: st.DrawFn) -> KnowledgeGraph:
    """One to three articles, two to four entities and a few statements, every string hostile."""
    articles = {}
    for _ in range(draw(st.integers(1, 3))):
        aid = draw(nonempty)
        articles[aid] = Article(id=aid, text=draw(nonempty), title=draw(st.none() | text), date=draw(dates),
                                author=draw(st.none() | text), url=draw(st.none() | text), source="x")
    keys = draw(st.lists(nonempty, min_size=2, max_size=4, unique=True))
    ids = list(articles)
    entities = {k: Entity(k, draw(nonempty), draw(st.sampled_from(["Person", "Place", "Organization", "Concept"])),
                          tuple(draw(st.lists(nonempty, max_size=3, unique=True))),
                          tuple(sorted(set(draw(st.lists(st.sampled_from(ids), max_size=2))))), draw(st.integers(0, 9)))
                for k in keys}
    facts = []
    for _ in range(draw(st.integers(0, 4))):
        art = articles[draw(st.sampled_from(ids))]
        subj, obj = draw(st.sampled_from(keys)), draw(st.sampled_from(keys))
        start = draw(st.integers(0, 500))
        statement = Statement(
            subject=_mention(draw(text), start), relation=draw(nonempty), object=_mention(draw(text), start + 5),
            surface=draw(text), evidence=Evidence(art.id, draw(text), 0, start, start + 9),
            polarity=draw(st.sampled_from(["positive", "negative"])),
            modality=draw(st.sampled_from(["asserted", "possible", "planned", "conditional", "reported"])),
            confidence=draw(st.floats(0, 1)), pattern=draw(text), relation_class=draw(st.none() | nonempty))
        facts.append(Fact(subj, obj, statement, art, draw(st.none() | st.sampled_from(keys))))
    return KnowledgeGraph(articles, entities, facts)


def check_every_export(kg: KnowledgeGraph, out: Path) -> None:
    export(kg, out)
    data = to_quads(kg)
    quads, view = assert_exports_parse(out)
    assert quad_set(quads) == quad_set(data.quads)         # what was built is what every reader reads back
    assert view.number_of_nodes() == len(kg.entities)


@settings(max_examples=30, deadline=None)
@given(graphs())
def test_export_properties_every_export_parses_everywhere(kg: KnowledgeGraph) -> None:
    with tempfile.TemporaryDirectory() as folder:
        check_every_export(kg, Path(folder))


@pytest.mark.parametrize("article_id", ["x.", "-a.", "a b", "a-b", ".", "\ud800", "ü", "a/b"])
def test_export_properties_odd_article_ids(tmp_path: Path, article_id: str) -> None:
    art = Article(id=article_id, text="T", title="x\ufffe", author="\uffff", url="\x00", date="0099-01-01")
    check_every_export(KnowledgeGraph({article_id: art}, {"k.": Entity("k.", "K", "Person", (), (article_id,), 1)}),
                       tmp_path)


def test_export_properties_ids_that_sanitize_alike_stay_apart() -> None:
    from kg.iri import article_iri, entity_iri

    assert len({article_iri(a) for a in ("a b", "a-b", "a.b", "a_b", "a b.")}) == 5
    assert len({entity_iri(k) for k in ("k", "k.", ".k", "k-", "k~")}) == 5
    assert str(article_iri("wikinews2019-016")).endswith("/article/wikinews2019-016")


def test_export_properties_dates_through_the_readers_are_xsd(tmp_path: Path) -> None:
    for year in (1, 99, 999, 1000, 9999):
        day = to_iso(dt.date(year, 1, 2).isoformat())
        assert day is not None and day == f"{year:04d}-01-02"
        ox.Literal(day, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
        check_every_export(KnowledgeGraph({"a": replace(Article("a", "T"), date=day)}), tmp_path)
