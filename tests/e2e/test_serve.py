"""kg serve against the real Oxigraph server (PyPI package ``oxigraph``) on a free loopback port."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.export import write_nquads
from kg.graph import to_quads
from kg.serve import free_port, serving
from tests.kgfixtures import make_kg


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    write_nquads(to_quads(make_kg()), folder / "graph.nq")
    return folder


def sparql(url: str, query: str) -> dict:
    request = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": "application/sparql-results+json",
                                              "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def test_serve_answers_sparql_over_http(exports: Path) -> None:
    with serving(exports, port=0) as server:
        answer = sparql(server.query_url, "PREFIX rel: <https://w3id.org/kg-news/relation/> "
                                          "SELECT ?o WHERE { <https://example.org/kg/entity/taliban> "
                                          "rel:will_not_work_with ?o }")
        assert [b["o"]["value"] for b in answer["results"]["bindings"]] == ["https://example.org/kg/entity/united-states"]
        # named graphs are kept, and the ontology is loaded in its own graph
        graphs = sparql(server.query_url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
        names = [b["g"]["value"] for b in graphs["results"]["bindings"]]
        assert "https://example.org/kg/graph/article/taliban" in names
        assert "https://w3id.org/kg-news/ontology" in names
        folder = server.folder
    assert not folder.exists()


def test_serve_is_read_only_by_default(exports: Path) -> None:
    with serving(exports, port=0) as server:
        request = urllib.request.Request(server.update_url, data=b"update=CLEAR+ALL", method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(request, timeout=10)
        assert sparql(server.query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")["results"]["bindings"][0][
            "n"]["value"] != "0"


def test_serve_cli_prints_endpoint_first_and_stops_on_sigterm(exports: Path) -> None:
    port = free_port()
    kg = Path(sys.executable).parent / "kg"
    process = subprocess.Popen([str(kg), "serve", str(exports), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        assert first == f"http://127.0.0.1:{port}/query"
        assert sparql(first, "ASK { ?s a <https://schema.org/NewsArticle> }")["boolean"] is True
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=20)
    assert process.returncode == 0, stderr
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2)


def test_serve_port_in_use_is_a_clear_error(exports: Path) -> None:
    with serving(exports, port=0) as server:
        result = CliRunner().invoke(cli, ["serve", str(exports), "--port", str(server.port)])
        assert result.exit_code == 1
        assert "did not start on 127.0.0.1:" in result.output


def test_serve_missing_export_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", str(tmp_path), "--port", "0"])
    assert result.exit_code == 1 and "no export found" in result.output


def _status(request: urllib.request.Request) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_serve_refuses_service_and_load(exports: Path) -> None:
    from tests.unit.test_sparql_guard import Witness

    witness = Witness()
    query = f"SELECT * WHERE {{ SERVICE <{witness.url}> {{ ?s ?p ?o }} }}"
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    try:
        with serving(exports, port=0, writable=True) as server:
            attempts = [
                urllib.request.Request(server.query_url + "?query=" + urllib.parse.quote(query)),
                urllib.request.Request(server.query_url, data=urllib.parse.urlencode({"query": query}).encode(),
                                       headers=form),
                urllib.request.Request(server.query_url, data=query.encode(),
                                       headers={"Content-Type": "application/sparql-query; charset=UTF-8"}),
                urllib.request.Request(server.update_url, data=f"LOAD <{witness.url}>".encode(),
                                       headers={"Content-Type": "application/sparql-update"}),
                urllib.request.Request(server.update_url, data=urllib.parse.urlencode(
                    {"update": f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{witness.url}> {{ ?s ?p ?o }} }}"}).encode(),
                                       headers=form),
            ]
            for request in attempts:
                status, text = _status(request)
                assert status == 403 and text.startswith("refused: the "), (request.full_url, status, text)
            # a body the proxy cannot look into is not passed on either
            status, _ = _status(urllib.request.Request(server.query_url, data=query.encode(),
                                                       headers={"Content-Type": "text/plain"}))
            assert status == 415
            assert sparql(server.query_url, "ASK { ?s ?p ?o }")["boolean"] is True   # ordinary queries pass
        assert witness.hits == []
        with serving(exports, port=0, allow_service=True) as server:
            _status(urllib.request.Request(server.query_url + "?query=" + urllib.parse.quote(query)))
        assert witness.hits == ["/sparql"]       # the witness would have seen any request that got through
    finally:
        witness.stop()


def _children(pid: int) -> list[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(x) for x in text.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_serve_kill_9_also_stops_the_oxigraph_server(exports: Path) -> None:
    import os
    import time

    kg = Path(sys.executable).parent / "kg"
    process = subprocess.Popen([str(kg), "serve", str(exports), "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    process.stdout.readline()
    [child] = _children(process.pid)
    assert _alive(child)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)
    process.stdout.close()
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = _alive(child)
    if alive:
        os.kill(child, signal.SIGKILL)
    assert not alive, "the Oxigraph server outlived kg serve"


def test_serve_unloadable_export_names_the_parse_error(tmp_path: Path) -> None:
    (tmp_path / "graph.ttl").write_bytes(b"\xff\xfe not turtle")
    result = CliRunner().invoke(cli, ["serve", str(tmp_path / "graph.ttl"), "--port", "0"])
    assert result.exit_code == 1
    assert "graph.ttl: not valid ttl: Parser error at line 1 column 1" in result.output


def test_serve_removes_what_a_killed_server_left(tmp_path: Path) -> None:
    import os

    from kg.serve import remove_stale_folders

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    gone = int(dead.stdout)
    (tmp_path / f"kg-serve-{gone}-abc").mkdir()
    (tmp_path / f"kg-serve-{gone}-abc" / "data").write_text("x")
    (tmp_path / f"kg-serve-{gone}-abc.log").write_text("log")
    (tmp_path / f"kg-serve-{os.getpid()}-live").mkdir()      # a running server's folder stays
    (tmp_path / "kg-serve-unrelated").mkdir()
    removed = remove_stale_folders(tmp_path)
    assert sorted(p.name for p in removed) == [f"kg-serve-{gone}-abc", f"kg-serve-{gone}-abc.log"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"kg-serve-{os.getpid()}-live", "kg-serve-unrelated"]


def test_serve_rows_equal_kg_query_rows_each_triple_once(exports: Path) -> None:
    from kg.query import query_export
    from tests.unit.test_query import EVERYTHING_DONE

    expected = [[t.value for t in row] for row in query_export(exports, EVERYTHING_DONE).rows]
    with serving(exports, port=0) as server:
        answer = sparql(server.query_url, EVERYTHING_DONE)   # rdfs: is not declared: predefined
    got = [[b[v]["value"] for v in ("relation", "object")] for b in answer["results"]["bindings"]]
    assert got == expected and len(got) == len({tuple(r) for r in got}) >= 2


def test_serve_predefines_the_kg_query_prefixes_but_a_query_may_redeclare_them(exports: Path) -> None:
    with serving(exports, port=0) as server:
        get = urllib.request.Request(server.query_url + "?" + urllib.parse.urlencode(
            {"query": "SELECT ?x WHERE { ?x a kg:Person ; a schema:Person } LIMIT 1"}),
            headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(get, timeout=10) as response:
            assert len(json.loads(response.read())["results"]["bindings"]) == 0   # kg:Person only
        assert sparql(server.query_url, "ASK { ?x a kg:Person }")["boolean"] is True
        own = sparql(server.query_url, "PREFIX kg: <http://other.example/> ASK { ?x a kg:Person }")
        assert own["boolean"] is False


def test_serve_stops_a_query_that_outlives_the_timeout(exports: Path) -> None:
    import time

    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    with serving(exports, port=0, query_timeout=1) as server:
        started = time.monotonic()
        with pytest.raises(urllib.error.HTTPError):
            sparql(server.query_url, endless)
        assert time.monotonic() - started < 8


def test_serve_writable_starts_on_an_empty_folder_and_takes_pushes(tmp_path: Path, exports: Path) -> None:
    from kg.push import push

    empty = tmp_path / "empty"
    empty.mkdir()
    with serving(empty, port=0, writable=True) as server:
        assert sparql(server.query_url, "ASK { ?a a <https://schema.org/NewsArticle> }")["boolean"] is False
        push(exports, server.store_url)
        assert sparql(server.query_url, "ASK { ?a a <https://schema.org/NewsArticle> }")["boolean"] is True
