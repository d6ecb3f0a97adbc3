"""kg.assemble: exports written from per-article chunks are the graph kg.graph.to_quads builds from the merge
(hand-built results, no model), statements of keys the merge folds away are dropped from their chunks, and the
bytes do not depend on the order results arrive in."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.assemble import Assembly
from kg.evidence import edge_keys
from kg.graph import merge_results, to_networkx, to_quads
from kg.models import Article, ArticleResult, Entity, Evidence, Mention, Statement
from tests.kgfixtures import OTHER_TEXT, TALIBAN_TEXT

FORMATS = {"graph.nq": ox.RdfFormat.N_QUADS, "graph.trig": ox.RdfFormat.TRIG}
UNION = {"graph.ttl": ox.RdfFormat.TURTLE, "graph.jsonld": ox.RdfFormat.JSON_LD}


def _result(aid: str, text: str, date: str, facts: list[tuple[str, str, str, str, str]],
            entities: list[tuple[str, str, str]]) -> ArticleResult:
    """facts: (subject key, relation, object key, polarity, modality); entities: (key, label, type)."""
    article = Article(id=aid, text=text, title=f"Headline of {aid}", date=date, url=f"https://news.example/{aid}",
                      source=f"{aid}.txt")
    labels = {key: label for key, label, _ in entities}
    statements, resolution = [], []
    for i, (subj, relation, obj, polarity, modality) in enumerate(facts):
        s_m = Mention(labels[subj], 10 * i, 10 * i + 3, "Person", is_named=True)
        o_m = Mention(labels[obj], 10 * i + 5, 10 * i + 8, "Person", is_named=True)
        resolution += [(s_m.key, subj), (o_m.key, obj)]
        statements.append(Statement(s_m, relation, o_m, relation, Evidence(aid, text[:40], 0, 10 * i, 10 * i + 8),
                                    polarity=polarity, modality=modality, confidence=0.7, pattern="test",  # type: ignore[arg-type]
                                    relation_class="consultation" if relation == "meet" else None))
    ents = tuple(Entity(key, label, kind, articles=(aid,), mentions=1) for key, label, kind in entities)
    return ArticleResult(article, statements=tuple(statements), entities=ents, resolution=tuple(resolution))


def results() -> list[ArticleResult]:
    a = _result("taliban", TALIBAN_TEXT, "2021-10-09",
                [("suhail-shaheen", "meet", "zalmay-khalilzad", "positive", "asserted"),
                 ("taliban", "work with", "united-states", "negative", "planned"),
                 ("suhail-shaheen", "meet", "zalmay-khalilzad", "positive", "asserted")],
                [("suhail-shaheen", "Suhail Shaheen", "Person"), ("zalmay-khalilzad", "Zalmay Khalilzad", "Person"),
                 ("taliban", "Taliban", "Organization"), ("united-states", "United States", "Place")])
    # "Khalilzad" alone: the corpus has one person of that surname, so the merge folds it into him, and the
    # statements naming the bare surname are dropped (as merge_results drops them); the other one stays
    b = _result("other", OTHER_TEXT, "2021-11-02",
                [("person/other/khalilzad", "meet", "taliban", "positive", "asserted"),
                 ("suhail-shaheen", "meet", "zalmay-khalilzad", "positive", "asserted"),
                 ("taliban", "attack", "taliban", "positive", "asserted")],
                [("person/other/khalilzad", "Khalilzad", "Person"), ("taliban", "Taliban", "Organization"),
                 ("suhail-shaheen", "Suhail Shaheen", "Person"), ("zalmay-khalilzad", "Zalmay Khalilzad", "Person")])
    return [a, b]


def _write(items: list[ArticleResult], folder: Path) -> Assembly:
    assembly, _ = _written(items, folder)
    assembly.close()
    return assembly


def _written(items: list[ArticleResult], folder: Path):
    """The open assembly of ``items`` and its merge groups, its exports written into ``folder``."""
    folder.mkdir()
    assembly = Assembly("https://example.org/kg/")
    for result in items:
        assembly.add(result)
    groups = assembly.merge()
    assembly.write(folder, groups)
    return assembly, groups


def test_assembled_exports_are_the_merged_graph(tmp_path: Path) -> None:
    kg = merge_results(results())
    expected = to_quads(kg)
    # the case under test does happen: a bare surname joined into the person across the corpus, whose
    # statement moves onto that person (not dropped)
    assert "person/other/khalilzad" not in kg.entities and len(kg.facts) == 5
    assert sum(f.subject == "zalmay-khalilzad" or f.object == "zalmay-khalilzad" for f in kg.facts
               if f.article.id == "other") >= 1
    assembly = _write(results(), tmp_path / "out")
    for name, fmt in FORMATS.items():
        assert {str(q) for q in ox.parse(path=tmp_path / "out" / name, format=fmt)} == {str(q) for q in expected.quads}
    for name, fmt in UNION.items():
        got = {str(q.triple) for q in ox.parse(path=tmp_path / "out" / name, format=fmt)}
        assert got == {str(t) for t in expected.triples()}, name
    assert assembly.triples == len(expected.triples()) and assembly.statements == len(kg.facts)
    assert b"\\" not in (tmp_path / "out" / "graph.trig").read_bytes()   # no escaped prefixed names
    view = to_networkx(kg)
    graphml = (tmp_path / "out" / "graph.graphml").read_bytes()
    assert view.number_of_edges() == 3 and b"e:person:other:khalilzad" not in graphml


@pytest.mark.parametrize("order", [[1, 0], [0, 1]])
def test_assembled_exports_do_not_depend_on_arrival_order(tmp_path: Path, order: list[int]) -> None:
    _write(results(), tmp_path / "first")
    items = results()
    _write([items[i] for i in order], tmp_path / "second")
    for name in [*FORMATS, *UNION, "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv"]:
        assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "second" / name).read_bytes(), name


def test_worker_builds_the_article_graph_and_compact_results_assemble_the_same(tmp_path: Path, monkeypatch) -> None:
    import spacy

    import kg.nlp
    import kg.resolve
    from kg.article_graph import ArticleGraph
    from kg.worker import analyze_stream

    by_id = {r.article.id: r for r in results()}
    monkeypatch.setattr(kg.nlp, "load_pipeline", lambda model: spacy.blank("en"))
    monkeypatch.setattr(kg.resolve, "analyze", lambda doc, article: by_id[article.id])
    compact = list(analyze_stream([r.article for r in results()], model="blank", compact=True))
    assert all(isinstance(r.graph, ArticleGraph) and r.graph.nquads and not r.statements and not r.mentions
               for r in compact)
    assert [len(r.graph.rows) for r in compact] == [3, 3]      # every statement, the self-loop too
    _write(results(), tmp_path / "full")
    _write(compact, tmp_path / "compact")
    for name in [*FORMATS, *UNION, "graph.graphml", "edges.csv"]:
        assert (tmp_path / "full" / name).read_bytes() == (tmp_path / "compact" / name).read_bytes(), name


def test_viewer_evidence_from_the_chunks_is_the_evidence_read_back_from_graph_ttl(tmp_path: Path) -> None:
    from kg.evidence import read as read_evidence
    from kg.graph import view

    items = [replace(r, statements=tuple(replace(s, evidence=replace(s.evidence, sentence=f"Sentence {i} of {aid}"))
                                         for i, s in enumerate(r.statements)))
             for r, aid in zip(results(), ("taliban", "other"))]
    items[1] = replace(items[1], article=replace(items[1].article, title=None, url=None, date=None))
    folder = tmp_path / "out"
    assembly, groups = _written(items, folder)
    wanted = edge_keys(view(assembly.merged, groups))
    got = assembly.evidence(groups, wanted)
    assembly.close()
    expected = read_evidence(folder / "graph.ttl", wanted=wanted)
    assert expected is not None and len(expected.edges) == 3 and sum(map(len, expected.edges.values())) >= 3
    assert got == expected
    assert any(a == ("", "", "") for a in got.articles.values())   # the article without title, date or url


@pytest.mark.parametrize("incremental", [False, True])
@pytest.mark.parametrize("bare", [False, True])
def test_visual_exports_written_beside_the_rdf_are_the_same_bytes(tmp_path: Path, bare: bool,
                                                                  incremental: bool) -> None:
    # bare: articles without entities or statements (no merged graph: the JSON-LD's joins differ); incremental:
    # the merge found its unions in the memo, so the forked process writes only the visual exports
    items = [replace(r, statements=(), entities=(), resolution=()) for r in results()] if bare else results()
    _write(items, tmp_path / "serial")
    folder = tmp_path / "parallel"
    folder.mkdir()
    assembly = Assembly("https://example.org/kg/")
    for result in items:
        assembly.add(result)
    groups = assembly.merge()
    assembly.found = 1.0 if incremental else 0.0
    paths = assembly.write(folder, groups, parallel=True)
    assembly.close()
    assert sorted(p.name for p in paths) == sorted(p.name for p in (tmp_path / "serial").iterdir())
    for path in (tmp_path / "serial").iterdir():
        assert (folder / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_failure_beside_is_raised_here_after_this_side_finished(tmp_path: Path) -> None:
    from kg.beside import beside

    def fail() -> None:
        raise OSError(28, "No space left on device")

    done = []
    with pytest.raises(OSError, match="No space left"):
        with beside(fail):
            done.append(True)
    assert done == [True]
    with beside(lambda: (tmp_path / "written").write_text("x")):
        pass
    assert (tmp_path / "written").read_text() == "x"


def test_the_value_returned_beside_comes_back() -> None:
    from kg.beside import beside

    with beside(lambda: (41 + 1, "forked")) as child:
        pass
    assert child.value == (42, "forked")
