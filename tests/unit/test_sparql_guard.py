"""No network from queries: SERVICE is found wherever SPARQL reads it as a keyword, and only there; kg query
refuses it (no request leaves) unless --allow-service."""
from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.export import write_nquads
from kg.graph import to_quads
from kg.sparql_guard import network_use
from tests.kgfixtures import make_kg


class Witness:
    """An HTTP server on 127.0.0.1 that only counts the requests it gets (answering 500)."""

    def __init__(self) -> None:
        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(500)
                self.end_headers()

            do_POST = do_GET

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/sparql"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def witness() -> Iterator[Witness]:
    w = Witness()
    yield w
    w.stop()


U = "<http://127.0.0.1:9/sparql>"


@pytest.mark.parametrize("query", [
    f"SELECT * WHERE {{ SERVICE {U} {{ ?s ?p ?o }} }}",
    f"select * where {{ service silent {U} {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ ?s ?p ?o.SERVICE {U} {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ {{}}SERVICE{U}{{?s ?p ?o}} }}",
    f"SELECT * WHERE {{ # a comment ends at a carriage return\rSERVICE {U} {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ VALUES ?u {{ {U} }} SERVICE ?u {{ ?s ?p ?o }} }}",
    f"PREFIX e: <http://127.0.0.1:9/> SELECT * WHERE {{ SERVICE e:sparql {{ ?s ?p ?o }} }}",
    f'SELECT * WHERE {{ ?s ?p """x"y""" SERVICE {U} {{ ?s ?p ?o }} }}',
    f'SELECT * WHERE {{ ?s ?p "\\"" SERVICE {U} {{ ?s ?p ?o }} }}',
    f"SELECT * WHERE {{ FILTER(1<2) SERVICE {U} {{ ?s ?p ?o }} }}",
    f'SELECT * WHERE {{ ?s ?p "unterminated SERVICE {U} {{ ?s ?p ?o }} }}',
], ids=lambda q: q[17:60])
def test_sparql_guard_finds_service(query: str) -> None:
    assert network_use(query) == "the query uses SERVICE, which sends requests to other hosts"


@pytest.mark.parametrize("query", [
    'SELECT ?service WHERE { ?s <http://x.org/SERVICE> "SERVICE" } # SERVICE <http://x/> { }',
    "PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:service ?o . ?o ex:SERVICE $service }",
    "SELECT * WHERE { ?s ?p '''a SERVICE <http://x/> {}''' }",
    "PREFIX service: <http://x/> SELECT * WHERE { ?s service:p ?o }",
])
def test_sparql_guard_leaves_mentions_alone(query: str) -> None:
    assert network_use(query) is None


def test_sparql_guard_load_in_updates() -> None:
    assert "LOAD" in (network_use("LOAD <http://x.org/data.ttl>", update=True) or "")
    assert network_use("LOAD <http://x.org/data.ttl>") is None       # not a query keyword
    assert network_use('INSERT DATA { <http://x/a> <http://x/p> "LOAD" }', update=True) is None


@pytest.fixture()
def exports(tmp_path: Path) -> Path:
    write_nquads(to_quads(make_kg()), tmp_path / "graph.nq")
    return tmp_path


def test_sparql_guard_kg_query_refuses_service(exports: Path, witness: Witness) -> None:
    query = f"SELECT * WHERE {{ SERVICE <{witness.url}> {{ ?s ?p ?o }} }}"
    refused = CliRunner().invoke(cli, ["query", str(exports), query])
    assert refused.exit_code == 2
    assert refused.output.startswith("Error: refused: the query uses SERVICE") and "--allow-service" in refused.output
    assert witness.hits == []
    # the witness does see a request when SERVICE is allowed: the refusal above is what kept it away
    allowed = CliRunner().invoke(cli, ["query", str(exports), query, "--allow-service"])
    assert allowed.exit_code == 1 and "Error: the query failed" in allowed.output
    assert witness.hits == ["/sparql"]


def test_sparql_guard_library_refuses_service(exports: Path, witness: Witness) -> None:
    from kg.errors import UsageError
    from kg.query import query_export, run_query
    from kg.store import open_store

    query = f"ASK {{ SERVICE <{witness.url}> {{ ?s ?p ?o }} }}"
    with pytest.raises(UsageError, match="SERVICE"):
        query_export(exports, query)
    with pytest.raises(UsageError, match="SERVICE"):
        run_query(open_store(exports), query)
    assert witness.hits == []
