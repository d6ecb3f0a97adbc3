"""The on-disk store beside an export: built by the first query, reused by the next, rebuilt when the export
changes, the same answers as a store loaded into memory; the name index the ready-made queries look up."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.export import write_nquads
from kg.graph import to_quads
from kg.query import bind_parameters, get_named_query, query_export, run_query
from kg.store import NAME_INDEX_GRAPH, name_index, open_store
from kg.store_cache import STORE_DIR, cached_store, cached_store_path, holding
from tests.kgfixtures import make_kg

EVERYTHING = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"


@pytest.fixture()
def exports(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    write_nquads(to_quads(make_kg()), folder / "graph.nq")
    return folder


def _stores(folder: Path) -> list[str]:
    root = folder / STORE_DIR
    return sorted(p.name for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


def test_first_query_builds_the_store_next_one_reuses_it(exports: Path) -> None:
    first = query_export(exports, EVERYTHING)
    built = _stores(exports)
    assert len(built) == 1
    stamp = (exports / STORE_DIR / built[0]).stat().st_mtime_ns
    second = query_export(exports, EVERYTHING)
    assert _stores(exports) == built and (exports / STORE_DIR / built[0]).stat().st_mtime_ns == stamp
    assert first.rows == second.rows
    in_memory = run_query(open_store(exports, with_ontology=True), EVERYTHING)
    assert first.rows == in_memory.rows      # the default graph only: the name index is not in it


def test_a_changed_export_gets_a_new_store_and_the_old_one_goes(exports: Path) -> None:
    before = query_export(exports, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0].value
    old = _stores(exports)
    kg = make_kg()
    kg.facts = kg.facts[:1]
    replacement = exports / "new.nq"
    write_nquads(to_quads(kg), replacement)
    os.replace(replacement, exports / "graph.nq")       # as a build publishes: a new file
    after = query_export(exports, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0].value
    assert int(after) < int(before)
    assert len(_stores(exports)) == 1 and _stores(exports) != old


def test_a_store_a_server_holds_is_not_removed(exports: Path) -> None:
    held = cached_store_path(exports)
    assert held is not None
    with holding(held):
        (exports / "graph.nq").write_bytes((exports / "graph.nq").read_bytes() + b"\n")   # changed in place
        newer = cached_store_path(exports)
        assert newer != held and held.is_dir() and newer is not None and newer.is_dir()
    cached_store_path(exports / "graph.nq")
    assert held.is_dir()            # removed only when a later store is built
    (exports / "graph.nq").write_bytes((exports / "graph.nq").read_bytes() + b"\n")
    cached_store_path(exports)
    assert not held.is_dir()


def test_moving_the_folder_keeps_the_store(exports: Path, tmp_path: Path) -> None:
    query_export(exports, EVERYTHING)
    built = _stores(exports)
    moved = tmp_path / "moved"
    shutil.move(str(exports), moved)
    query_export(moved, EVERYTHING)
    assert _stores(moved) == built


def test_an_unwritable_folder_is_queried_from_memory(exports: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    os.chmod(exports, 0o555)
    try:
        assert cached_store_path(exports) is None
        assert len(run_query(cached_store(exports), EVERYTHING).rows) > 0
    finally:
        os.chmod(exports, 0o755)


def test_kg_query_cli_answers_from_the_store(exports: Path) -> None:
    result = CliRunner().invoke(cli, ["query", str(exports), "--query", "who-did-what", "--param",
                                      "entity=TALIBAN", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "Taliban" in result.output and len(result.output.splitlines()) > 1
    assert len(_stores(exports)) == 1


def test_the_name_index_keys_every_label_and_alias_in_lower_case() -> None:
    subject = ox.NamedNode("https://example.org/kg/entity/x")
    quads = [ox.Quad(subject, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("Abdul Ghani"),
                     ox.NamedNode("https://example.org/g")),
             ox.Quad(subject, ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel"), ox.Literal("Mullah BARADAR")),
             ox.Quad(subject, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("abdul ghani")),
             ox.Quad(subject, ox.NamedNode("https://schema.org/name"), ox.Literal("Not a name we index"))]
    index = list(name_index(quads))
    assert sorted(q.object.value for q in index) == ["abdul ghani", "mullah baradar"]
    assert all(q.graph_name == ox.NamedNode(NAME_INDEX_GRAPH) and q.subject == subject for q in index)


def test_a_ready_made_query_finds_an_entity_in_any_case(exports: Path) -> None:
    store = open_store(exports, with_ontology=True, with_name_index=True)
    query = get_named_query("who-did-what")
    spellings = ["Taliban", "taliban", "TALIBAN", "tAlIbAn"]
    answers = [run_query(store, bind_parameters(query, {"entity": s})).rows for s in spellings]
    assert answers[0] and all(a == answers[0] for a in answers)
    assert not run_query(store, bind_parameters(query, {"entity": "Talib"})).rows    # a whole name, not a part
