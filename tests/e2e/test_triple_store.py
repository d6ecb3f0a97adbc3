"""A second triple store loads graph.trig with every IRI intact: Virtuoso (Debian's virtuoso-opensource),
which keeps the backslash of a ``\\/``-escaped prefixed name (``graph:article\\/ID``) and so corrupted the IRIs
of earlier exports. Every graph name, subject, predicate and IRI object Virtuoso holds after the load is
compared with what pyoxigraph reads from the same file."""
from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.export import write_trig
from kg.graph import to_quads
from kg.serve import free_port
from tests.e2e.conftest import require_tool
from tests.kgfixtures import fact, make_kg

INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
DirsAllowed = {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
MaxClientConnections = 2

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""
BASE = "https://example.org/kg/"


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Path]]:
    server = require_tool("virtuoso-t")
    isql = require_tool("isql-vt")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql, http = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(INI.format(d=folder, sql=sql, http=http), encoding="utf-8")
    process = subprocess.Popen([server, "+foreground", "+configfile", str(folder / "virtuoso.ini")],
                               cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"virtuoso-t stopped: {(folder / 'virtuoso.log').read_text(errors='replace')[-500:]}")
            ready = subprocess.run([isql, str(sql), "dba", "dba", "exec=select 1;"], capture_output=True)
            if ready.returncode == 0:
                break
            time.sleep(1)
        else:
            pytest.fail("virtuoso-t did not answer within 120 s")
        yield isql, f"{sql}|http://127.0.0.1:{http}/sparql", folder
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _select(endpoint: str, query: str) -> list[dict[str, dict[str, str]]]:
    request = urllib.request.Request(endpoint, data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)["results"]["bindings"]  # type: ignore[no-any-return]


def _iris(quads: list[tuple[str, str, str, str]]) -> set[str]:
    return {term for quad in quads for term in quad if term}


def test_virtuoso_loads_graph_trig_with_every_iri_intact(virtuoso: tuple[str, str, Path]) -> None:
    isql, ports, folder = virtuoso
    sql, endpoint = ports.split("|")
    kg = make_kg()
    # names whose IRIs hold what Turtle's local names cannot: slashes, dots, a trailing dot, percent signs
    article = kg.articles["other"]
    kg.facts.append(fact(article, "U.S. Dept. of State", "meet", "Hamid Karzai Int'l Airport", start=70))
    kg.facts.append(fact(article, "100% Club", "meet", "a/b testers.", start=75))
    trig = folder / "graph.trig"
    shutil.rmtree(folder / "unused", ignore_errors=True)
    write_trig(to_quads(kg), trig)
    expected = {(q.graph_name.value, q.subject.value, q.predicate.value,
                 q.object.value if isinstance(q.object, ox.NamedNode) else "")
                for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG)
                if isinstance(q.subject, ox.NamedNode) and isinstance(q.graph_name, ox.NamedNode)}
    assert any("/graph/article/" in g for g, *_ in expected)        # names that Turtle would escape
    loaded = subprocess.run([isql, sql, "dba", "dba",
                             f"exec=DB.DBA.TTLP_MT(file_to_string_output('{trig}'), '', '{BASE}default', 256);"],
                            capture_output=True, text=True, timeout=300)
    assert loaded.returncode == 0 and "Error" not in loaded.stdout + loaded.stderr, loaded.stdout + loaded.stderr
    rows = _select(endpoint, f"""SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
        FILTER(STRSTARTS(STR(?g), "{BASE}") && isIRI(?s)) }}""")
    found = {(r["g"]["value"], r["s"]["value"], r["p"]["value"],
              r["o"]["value"] if r["o"]["type"] == "uri" else "") for r in rows}
    assert not [iri for iri in _iris(list(found)) if "\\" in iri]
    assert _iris(list(found)) == _iris(list(expected))
    assert found == expected


@pytest.mark.model
def test_virtuoso_loads_the_demo_graph_trig_with_every_iri_intact(virtuoso: tuple[str, str, Path],
                                                                   demo_exports: Path) -> None:
    """The real export of the demo build, not only a hand-built graph."""
    isql, ports, _folder = virtuoso
    sql, endpoint = ports.split("|")
    trig = demo_exports / "graph.trig"
    expected = {(q.graph_name.value, q.subject.value, q.predicate.value,
                 q.object.value if isinstance(q.object, ox.NamedNode) else "")
                for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG)
                if isinstance(q.subject, ox.NamedNode) and isinstance(q.graph_name, ox.NamedNode)}
    assert len(expected) > 1000
    loaded = subprocess.run([isql, sql, "dba", "dba", "exec=RDF_GLOBAL_RESET();",
                             f"exec=DB.DBA.TTLP_MT(file_to_string_output('{trig}'), '', '{BASE}default', 256);"],
                            capture_output=True, text=True, timeout=300)
    assert loaded.returncode == 0 and "Error" not in loaded.stdout + loaded.stderr, loaded.stdout + loaded.stderr
    found: set[tuple[str, str, str, str]] = set()
    for graph in sorted({g for g, *_ in expected}):   # one graph at a time: the endpoint caps a result's rows
        rows = _select(endpoint, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} FILTER(isIRI(?s)) }}")
        found |= {(graph, r["s"]["value"], r["p"]["value"], r["o"]["value"] if r["o"]["type"] == "uri" else "")
                  for r in rows}
    assert not [iri for iri in _iris(list(found)) if "\\" in iri]
    assert found == expected
