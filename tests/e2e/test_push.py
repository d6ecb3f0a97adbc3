"""kg push into a real, fresh Oxigraph server: per-article graphs replace, so twice equals once."""
from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.export import write_nquads, write_rdf, write_trig
from kg.graph import to_quads
from kg.push import push
from kg.serve import serving
from tests.kgfixtures import make_kg, quad_set

ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


def server_quads(url: str) -> set[str]:
    request = urllib.request.Request(url, data=urllib.parse.urlencode({"query": ALL_QUADS}).encode(),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        bindings = json.loads(response.read())["results"]["bindings"]

    def term(b: dict[str, str]) -> ox.NamedNode | ox.Literal:
        if b["type"] == "uri":
            return ox.NamedNode(b["value"])
        if "xml:lang" in b:
            return ox.Literal(b["value"], language=b["xml:lang"])
        return ox.Literal(b["value"], datatype=ox.NamedNode(b["datatype"]) if "datatype" in b else None)
    return {str(ox.Quad(term(b["s"]), term(b["p"]), term(b["o"]), term(b["g"]))) for b in bindings}  # type: ignore[arg-type]


@pytest.fixture()
def folders(tmp_path: Path) -> tuple[Path, Path]:
    both, alone = tmp_path / "both", tmp_path / "alone"
    both.mkdir()
    alone.mkdir()
    write_nquads(to_quads(make_kg()), both / "graph.nq")
    write_trig(to_quads(make_kg(with_other=False)), alone / "graph.trig")
    return both, alone


def test_push_twice_equals_once(folders: tuple[Path, Path]) -> None:
    both, _ = folders
    local = ox.Store()   # the same store engine, so literals are canonicalized alike ("0.800" -> "0.8")
    local.bulk_extend(to_quads(make_kg()).quads)
    expected = quad_set(list(local))
    with serving(None, port=0, writable=True, with_ontology=False) as server:
        first = push(both, server.store_url)
        once = server_quads(server.query_url)
        push(both, server.store_url)
        assert server_quads(server.query_url) == once
    assert first.graphs == 3
    assert once == expected


def test_push_changed_export_replaces_article_graphs(folders: tuple[Path, Path]) -> None:
    both, alone = folders
    with serving(None, port=0, writable=True, with_ontology=False) as server:
        push(both, server.store_url)
        push(alone, server.store_url)
        after = server_quads(server.query_url)
        with serving(None, port=0, writable=True, with_ontology=False) as fresh:
            push(alone, fresh.store_url)
            only_alone = server_quads(fresh.query_url)
    # the taliban graph and the merged graph were replaced; the removed article's graph is left as it was
    other = " <https://example.org/kg/graph/article/other>"
    assert {q for q in after if not q.endswith(other)} == only_alone
    assert any(q.endswith(other) for q in after)


def test_push_cli(folders: tuple[Path, Path]) -> None:
    both, _ = folders
    with serving(None, port=0, writable=True, with_ontology=False) as server:
        result = CliRunner().invoke(cli, ["push", str(both), "--endpoint", server.store_url])
    assert result.exit_code == 0, result.output
    assert "put https://example.org/kg/graph/merged" in result.output
    assert result.output.splitlines()[-1].startswith("pushed 3 graphs, 255 triples to http://127.0.0.1:")


def test_push_to_read_only_server_exits_1(folders: tuple[Path, Path]) -> None:
    both, _ = folders
    with serving(both, port=0) as server:
        result = CliRunner().invoke(cli, ["push", str(both), "--endpoint", server.store_url])
    assert result.exit_code == 1
    assert "refused with HTTP" in result.output


def test_push_errors(tmp_path: Path) -> None:
    write_rdf(to_quads(make_kg()), tmp_path / "graph.ttl")
    result = CliRunner().invoke(cli, ["push", str(tmp_path / "graph.ttl"), "--endpoint", "http://127.0.0.1:9/store"])
    assert result.exit_code == 1 and "no named graphs to push" in result.output
    write_nquads(to_quads(make_kg()), tmp_path / "graph.nq")
    result = CliRunner().invoke(cli, ["push", str(tmp_path), "--endpoint", "http://127.0.0.1:9/store"])
    assert result.exit_code == 1 and "cannot connect" in result.output
    result = CliRunner().invoke(cli, ["push", str(tmp_path), "--endpoint", "ftp://x"])
    assert result.exit_code == 1 and "not an http(s) URL" in result.output
    result = CliRunner().invoke(cli, ["push", str(tmp_path)])
    assert result.exit_code == 2


def test_push_remove_deletes_a_dropped_article(folders: tuple[Path, Path]) -> None:
    both, alone = folders
    with serving(None, port=0, writable=True, with_ontology=False) as server:
        push(both, server.store_url)
        result = CliRunner().invoke(cli, ["push", str(alone), "--endpoint", server.store_url, "--remove", "other",
                                          "--remove", "never-pushed"])
        assert result.exit_code == 0, result.output
        assert "deleted https://example.org/kg/graph/article/other" in result.output
        # an article the endpoint never had is not counted as removed
        assert "not on the endpoint (nothing removed): https://example.org/kg/graph/article/never-pushed" in result.output
        assert "; removed 1;" in result.output and "1 to remove were not there" in result.output
        after = server_quads(server.query_url)
        with serving(None, port=0, writable=True, with_ontology=False) as fresh:
            push(alone, fresh.store_url)
            assert after == server_quads(fresh.query_url)
        before = server_quads(server.query_url)
        result = CliRunner().invoke(cli, ["push", str(both), "--endpoint", server.store_url, "--remove", "taliban"])
        assert result.exit_code == 1 and "still in" in result.output
        assert "put " not in result.output                  # refused before anything was sent
        assert server_quads(server.query_url) == before
