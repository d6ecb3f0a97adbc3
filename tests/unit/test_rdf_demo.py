"""The demo build (articles/) through the real pipeline: exports parse everywhere, conform to the shapes,
are byte-identical on rebuild, an article can be removed, and the ready-made queries find the central facts.
Coarse on purpose: the model decides the details."""
from __future__ import annotations

import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.pipeline import CACHE_DIR, build
from kg.query import bind_parameters, get_named_query, run_query
from kg.store import open_store
from kg.validate import validate
from tests.kgfixtures import rdflib_dataset, rdflib_parse

pytestmark = pytest.mark.model
ARTICLES = Path(__file__).resolve().parents[2] / "articles"
EXPORTS = ("graph.ttl", "graph.trig", "graph.nq", "graph.jsonld")
DEMO_GRAPH = "https://example.org/kg/graph/article/taliban-rules-out-cooperation-with-us"


@pytest.fixture
def demo(demo_exports: Path) -> Path:
    return demo_exports


def rows(folder: Path, name: str, **params: str) -> list[dict[str, str]]:
    result = run_query(open_store(folder, with_ontology=True, with_name_index=True), bind_parameters(get_named_query(name), params))
    return [{v: (t.value if t is not None else "") for v, t in zip(result.variables, r)} for r in result.rows]


def by_graph(path: Path) -> dict[str, set[str]]:
    graphs: dict[str, set[str]] = defaultdict(set)
    for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
        graphs[str(q.graph_name)].add(str(q.triple))
    return graphs


def test_rdf_demo_every_export_parses_in_pyoxigraph_rdflib_and_rapper(demo: Path) -> None:
    quads = {str(q) for q in ox.parse(path=str(demo / "graph.nq"), format=ox.RdfFormat.N_QUADS)}
    assert {str(q) for q in ox.parse(path=str(demo / "graph.trig"), format=ox.RdfFormat.TRIG)} == quads
    triples = {str(q.triple) for q in ox.parse(path=str(demo / "graph.nq"), format=ox.RdfFormat.N_QUADS)}
    for name, fmt in (("graph.ttl", ox.RdfFormat.TURTLE), ("graph.jsonld", ox.RdfFormat.JSON_LD)):
        assert {str(t.triple) if isinstance(t, ox.Quad) else str(t)
                for t in ox.parse(path=str(demo / name), format=fmt)} == triples, name
    for name, fmt in (("graph.trig", "trig"), ("graph.nq", "nquads")):
        # count quads, not len(): rdflib's len() counts a triple asserted by several articles once
        dataset = rdflib_dataset((demo / name).read_bytes(), fmt)
        assert sum(1 for _ in dataset.quads((None, None, None, None))) == len(quads), name
    for name, fmt in (("graph.ttl", "turtle"), ("graph.jsonld", "json-ld")):
        assert len(rdflib_parse(demo / name, fmt)) == len(triples), name
    rapper = shutil.which("rapper")
    if rapper:
        for name, syntax in (("graph.ttl", "turtle"), ("graph.trig", "trig"), ("graph.nq", "nquads")):
            done = subprocess.run([rapper, "-i", syntax, "-c", str(demo / name)], capture_output=True, text=True)
            assert done.returncode == 0, done.stderr


def test_rdf_demo_validates(demo: Path) -> None:
    report = validate(demo / "graph.trig")
    assert report.conforms, report.text()


def test_rdf_demo_one_named_graph_per_article(demo: Path) -> None:
    graphs = by_graph(demo / "graph.nq")
    articles = [g for g in graphs if "/graph/article/" in g]
    assert len(articles) == 11 and "<https://example.org/kg/graph/merged>" in graphs


def test_rdf_demo_rebuild_is_byte_identical(demo: Path, tmp_path: Path) -> None:
    shutil.copytree(demo / CACHE_DIR, tmp_path / CACHE_DIR)
    summary = build([ARTICLES], tmp_path)
    assert summary.parsed == 0
    for name in EXPORTS:
        assert (tmp_path / name).read_bytes() == (demo / name).read_bytes(), name


def test_rdf_demo_removing_an_article_removes_exactly_its_statements(demo: Path, tmp_path: Path) -> None:
    shutil.copytree(demo / CACHE_DIR, tmp_path / CACHE_DIR)
    build([ARTICLES / "wikinews.jsonl"], tmp_path)
    before, after = by_graph(demo / "graph.nq"), by_graph(tmp_path / "graph.nq")
    removed = f"<{DEMO_GRAPH}>"
    assert removed in before and removed not in after
    for name, triples in after.items():
        if "/graph/article/" in name:
            assert before[name] == triples, name
    statements = {t.split(" ")[0] for t in before[removed] if "/statement/" in t.split(" ")[0]}
    assert statements
    text = (tmp_path / "graph.nq").read_text()
    assert not [s for s in statements if s in text]


def test_rdf_demo_who_did_what_finds_the_central_fact(demo: Path) -> None:
    found = {(r["subject"], r["relation"], r["object"]) for r in rows(demo, "who-did-what", entity="Taliban")}
    assert ("Taliban", "will not work with", "United States") in found
    assert ("Taliban", "work with", "United States") not in found
    assert ("Suhail Shaheen", "be spokesman of", "Taliban") in found


def test_rdf_demo_entity_timeline_negated_sources(demo: Path) -> None:
    about = {(r["aspect"], r["relation"], r["value"]) for r in rows(demo, "entity", entity="Suhail Shaheen")}
    assert ("out", "be spokesman of", "Taliban") in about
    timeline = rows(demo, "timeline", entity="Taliban", **{"from": "2021-10-01"})
    assert timeline and {r["date"] for r in timeline} == {"2021-10-09"}
    assert any(r["relation"] == "will not work with" for r in timeline)
    negated = {(r["subject"], r["relation"], r["object"]) for r in rows(demo, "negated", entity="Taliban")}
    assert ("Taliban", "will not work with", "United States") in negated
    sources = rows(demo, "sources", entity="Taliban", relation="not work with")
    assert sources and all("work with" in r["sentence"] for r in sources)
    assert {r["attributed_to"] for r in sources} >= {"Suhail Shaheen"}


def test_rdf_demo_readme_query_examples_show_real_output(demo: Path) -> None:
    import re
    import shlex

    from click.testing import CliRunner

    from kg.cli import cli

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Querying the graph", 1)[1]
    examples = re.findall(r"```\n\$ (kg query exports/ [^\n]+)\n(.*?)```", section, flags=re.S)
    assert len(examples) >= 3
    for command, shown in examples:
        args = shlex.split(command)[2:]
        result = CliRunner().invoke(cli, ["query", str(demo), *args[1:]])
        assert result.exit_code == 0, result.output
        assert result.output == shown, command


def test_rdf_demo_roles_are_plain_triples_and_nothing_loops(demo: Path) -> None:
    """Every statement's plain triple joins two different entities; titles before names are roles (kg:role)."""
    store = open_store(demo, with_ontology=True, with_name_index=True)
    assert run_query(store, "ASK { ?x ?p ?x . ?p a kg:Relation }").boolean is False
    assert run_query(store, "ASK { ?st a kg:Statement ; rdf:subject ?x ; rdf:object ?x }").boolean is False
    found = {(r["s"], r["r"], r["o"]) for r in _select(store, """
        SELECT ?s ?r ?o WHERE { ?st a kg:Statement ; kg:pattern ?pat ; kg:assertedAs ?p ; rdf:subject ?si ;
            rdf:object ?oi . ?si ?p ?oi . FILTER(?pat IN ("title", "role"))
            ?si rdfs:label ?s . ?p rdfs:label ?r . ?oi rdfs:label ?o }""")}
    assert ("Suhail Shaheen", "be spokesman of", "Taliban") in found
    assert not any(r == "hold role" for _, r, _ in found)
    # a title that names no organization is a value on its holder, never a node of its own
    held = _select(store, "SELECT ?s ?role WHERE { ?e kg:role ?role ; rdfs:label ?s }")
    assert held and all(r["role"] and "\n" not in r["role"] for r in held)


def _select(store, query: str) -> list[dict[str, str]]:
    result = run_query(store, query)
    return [{v: (t.value if t is not None else "") for v, t in zip(result.variables, r)} for r in result.rows]
