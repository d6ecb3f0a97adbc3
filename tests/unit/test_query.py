"""kg query: parameter escaping (no injection), ready-made queries on a hand-built graph, result formats,
and the command's exit codes."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.cli import cli
from kg.errors import InputError, UsageError
from kg.export import write_nquads, write_rdf
from kg.graph import to_quads
from kg.ontology import KG_TTL
from kg.store import name_index, with_merged_default
from kg.query import (NamedQuery, QueryParam, bind_parameters, format_result, get_named_query, named_queries,
                      run_query, sparql_string, sparql_term)
from tests.kgfixtures import make_kg

ECHO = NamedQuery("echo", "echo a value", (QueryParam("v", "string", None),), 'SELECT ($v AS ?x) WHERE {}')


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    data = to_quads(make_kg())
    write_nquads(data, folder / "graph.nq")
    write_rdf(data, folder / "graph.ttl")
    return folder


@pytest.fixture(scope="module")
def store(exports: Path) -> ox.Store:
    from kg.store import open_store
    return open_store(exports, with_ontology=True, with_name_index=True)


def rows(store: ox.Store, name: str, **params: str) -> list[dict[str, str]]:
    result = run_query(store, bind_parameters(get_named_query(name), params))
    return [{v: (t.value if t is not None else "") for v, t in zip(result.variables, row)} for row in result.rows]


# ---- escaping ------------------------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40))
def test_query_any_string_parameter_is_bound_verbatim(value: str) -> None:
    result = run_query(ox.Store(), bind_parameters(ECHO, {"v": value}))
    assert [[t.value for t in row] for row in result.rows] == [[value]]


@pytest.mark.parametrize("value", [
    'Taliban") } DELETE WHERE { ?s ?p ?o } #',
    "Taliban' } ; DROP ALL ; SELECT * { ?s ?p ?o } #",
    'x" AS ?x) ?y WHERE { ?s ?p ?y } #',
    '\\u0022) } #', 'a\\', '"""', "$v", "<https://evil.example/>",
], ids=["dquote-update", "squote-drop", "projection", "unicode-escape", "trailing-backslash", "triple-quote",
        "dollar", "iri"])
def test_query_injection_attempt_stays_a_literal(value: str, store: ox.Store) -> None:
    result = run_query(ox.Store(), bind_parameters(ECHO, {"v": value}))
    assert result.variables == ["x"] and [[t.value for t in r] for r in result.rows] == [[value]]
    assert rows(store, "who-did-what", entity=value) == []


def test_query_sparql_string_escapes_quotes_and_newlines() -> None:
    assert sparql_string('a "b"\n\\') == '"a \\"b\\"\\n\\\\"'


@pytest.mark.parametrize(("value", "kind"), [("not an iri", "iri"), ("https://x/a>b", "iri"), ("12a", "integer"),
                                             ("2021-13-01", "date")])
def test_query_invalid_typed_parameter_is_usage_error(value: str, kind: str) -> None:
    with pytest.raises(UsageError):
        sparql_term(value, kind)


def test_query_typed_parameters() -> None:
    assert sparql_term("2021-10-09", "date") == '"2021-10-09"^^<http://www.w3.org/2001/XMLSchema#date>'
    assert sparql_term("+7", "integer") == "7"


def test_query_parameter_inside_string_or_comment_untouched() -> None:
    q = NamedQuery("t", "", (QueryParam("v", "string", None),), '# $v\nSELECT ("$v" AS ?a) ($v AS ?b) {}')
    result = run_query(ox.Store(), bind_parameters(q, {"v": "x"}))
    assert [[t.value for t in r] for r in result.rows] == [["$v", "x"]]


def test_query_missing_and_unknown_parameters() -> None:
    with pytest.raises(UsageError, match="needs --param entity"):
        bind_parameters(get_named_query("who-did-what"), {})
    with pytest.raises(UsageError, match="no parameter 'who'"):
        bind_parameters(get_named_query("who-did-what"), {"entity": "x", "who": "y"})
    with pytest.raises(UsageError) as info:
        get_named_query("nope")
    assert "who-did-what" in (info.value.hint or "")


# ---- ready-made queries --------------------------------------------------------------------------------

def test_query_ready_made_queries_are_documented() -> None:
    queries = named_queries()
    assert {"who-did-what", "entity", "timeline", "negated", "sources"} <= set(queries)
    for q in queries.values():
        assert q.summary and all(p.doc for p in q.params), q.name
        assert f"kg query exports/ --query {q.name}" in q.text, f"{q.name}.rq shows no example"


def test_query_who_did_what(store: ox.Store) -> None:
    found = rows(store, "who-did-what", entity="taliban")
    assert {"subject": "Taliban", "relation": "will not work with", "object": "United States"}.items() <= found[0].items()
    assert found[0]["support"] == "2"
    triples = {(r["subject"], r["relation"], r["object"]) for r in found}
    assert ("Taliban", "reject", "offer") in triples
    assert not any(r["relation"] == "work with" for r in found)   # the negated fact is never positive
    assert {r["relation"] for r in rows(store, "who-did-what", entity="Taliban", relation_class="rejection")} == {
        "reject"}


def test_query_who_did_what_by_alias(store: ox.Store) -> None:
    assert rows(store, "who-did-what", entity="US")[0]["object"] == "United States"


def test_query_entity(store: ox.Store) -> None:
    found = {(r["aspect"], r["relation"], r["value"]) for r in rows(store, "entity", entity="Suhail Shaheen")}
    assert ("alias", "", "Shaheen") in found
    assert ("out", "be spokesman of", "Taliban") in found
    assert ("out", "meet", "Zalmay Khalilzad") in found
    assert ("mentioned in", "", "Headline of taliban") in found
    assert ("type", "", "https://w3id.org/kg-news/ontology#Person") in found


def test_query_timeline_in_date_order(store: ox.Store) -> None:
    found = rows(store, "timeline", entity="Zalmay Khalilzad")
    assert [r["date"] for r in found] == ["2021-10-09", "2021-11-02"]
    assert rows(store, "timeline", entity="Zalmay Khalilzad", **{"from": "2021-11-01"})[0]["article"] == "other"


def test_query_negated_and_disputed(store: ox.Store) -> None:
    found = rows(store, "negated", entity="Taliban")
    assert {(r["status"], r["relation"], r["attributed_to"]) for r in found} == {
        ("negated", "will not work with", "Taliban"), ("negated", "will not work with", "Suhail Shaheen")}


def test_query_sources(store: ox.Store) -> None:
    found = rows(store, "sources", entity="Taliban", relation="work with")
    assert len(found) == 2
    assert {r["url"] for r in found} == {"https://news.example/taliban"}
    assert all(r["sentence"] and r["headline"] == "Headline of taliban" for r in found)
    assert rows(store, "sources", entity="Kabul")[0]["relation"] == "if: attack"


# ---- formats -------------------------------------------------------------------------------------------

def test_query_formats(store: ox.Store) -> None:
    result = run_query(store, "SELECT ?label ?n WHERE { ?e rdfs:label ?label ; kg:mentionCount ?n } ORDER BY ?label")
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == ["label", "n"]
    assert data["results"]["bindings"][0]["n"] == {
        "type": "literal", "value": "1", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    table = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert table[0] == ["label", "n"] and ["Taliban", "5"] in table
    tsv = format_result(result, "tsv").splitlines()
    assert tsv[0] == "?label\t?n" and '"Taliban"\t"5"^^<http://www.w3.org/2001/XMLSchema#integer>' in tsv
    text = format_result(result, "table")
    assert text.splitlines()[0].split() == ["label", "n"] and text.rstrip().endswith("(6 rows)")


def test_query_ask_and_construct(store: ox.Store) -> None:
    assert format_result(run_query(store, "ASK { ?s a kg:Person }"), "json") == '{"head": {}, "boolean": true}\n'
    nt = format_result(run_query(store, "CONSTRUCT { ?s a kg:Person } WHERE { ?s a kg:Person }"), "csv")
    assert len(nt.splitlines()) == 2


def test_query_invalid_sparql_is_input_error(store: ox.Store) -> None:
    with pytest.raises(InputError, match="invalid SPARQL"):
        run_query(store, "SELECT WHERE {")


# ---- the command ---------------------------------------------------------------------------------------

def test_query_cli_ready_made_with_param(exports: Path) -> None:
    result = CliRunner().invoke(cli, ["query", str(exports), "--query", "who-did-what", "--param", "entity=Taliban",
                                      "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "Taliban,will not work with,United States" in result.output


def test_query_cli_file_and_inline(exports: Path, tmp_path: Path) -> None:
    (tmp_path / "q.rq").write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a schema:NewsArticle }")
    for args in (["--file", str(tmp_path / "q.rq")], ["SELECT (COUNT(*) AS ?n) WHERE { ?s a schema:NewsArticle }"]):
        result = CliRunner().invoke(cli, ["query", str(exports / "graph.ttl"), *args, "--format", "tsv"])
        assert result.exit_code == 0 and result.output.splitlines()[1].startswith('"2"'), result.output


def test_query_cli_list() -> None:
    result = CliRunner().invoke(cli, ["query", ".", "--list"])
    assert result.exit_code == 0 and "who-did-what:" in result.output and "entity (name, required)" in result.output


@pytest.mark.parametrize(("args", "code", "message"), [
    (["SELECT WHERE {"], 1, "Error: invalid SPARQL"),
    (["--query", "nope"], 2, "Error: unknown query 'nope'"),
    (["--query", "who-did-what"], 2, "needs --param entity"),
    (["--query", "who-did-what", "--param", "entity"], 2, "expected NAME=VALUE"),
    ([], 2, "give exactly one of SPARQL, --file or --query"),
    (["ASK {}", "--format", "xml"], 2, "Invalid value for '--format'"),
], ids=["bad-sparql", "unknown-query", "missing-param", "malformed-param", "no-query", "bad-format"])
def test_query_cli_errors(exports: Path, args: list[str], code: int, message: str) -> None:
    result = CliRunner().invoke(cli, ["query", str(exports), *args])
    assert result.exit_code == code, result.output
    assert message in result.output


def test_query_cli_missing_export_is_input_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["query", str(tmp_path / "nothing.ttl"), "ASK {}"])
    assert result.exit_code == 1 and "no such file or folder" in result.output
    result = CliRunner().invoke(cli, ["query", str(tmp_path), "ASK {}"])
    assert result.exit_code == 1 and "no export found" in result.output


def test_query_cli_broken_export_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "graph.ttl").write_text("<a> <b> .\n")
    result = CliRunner().invoke(cli, ["query", str(tmp_path), "ASK {}"])
    assert result.exit_code == 1 and "graph.ttl: not valid ttl" in result.output


def test_query_disputed_needs_an_affirmation_not_a_question() -> None:
    from tests.kgfixtures import fact

    kg = make_kg()
    other = kg.articles["other"]
    kg.facts.append(fact(other, "Taliban", "work with", "United States", start=80, modality="conditional"))
    data = to_quads(kg)
    store = ox.Store()
    store.bulk_extend(with_merged_default(data.quads))
    store.bulk_extend(name_index(data.quads))
    found = {(r["status"], r["modality"]) for r in rows(store, "negated", entity="Taliban")}
    assert found == {("negated", "planned")}
    kg.facts.append(fact(other, "Taliban", "work with", "United States", start=90, modality="asserted"))
    store = ox.Store()
    quads = to_quads(kg).quads
    store.bulk_extend(with_merged_default(quads))
    store.bulk_extend(name_index(quads))
    found = {(r["status"], r["modality"]) for r in rows(store, "negated", entity="Taliban")}
    assert found == {("disputed", "planned"), ("disputed", "asserted")}


# ---- each triple once: the default graph is the merge of all graphs -----------------------------------

EVERYTHING_DONE = """SELECT ?relation ?object WHERE {
  ?taliban rdfs:label "Taliban" . ?taliban ?p ?o . ?p rdfs:label ?relation . ?o rdfs:label ?object .
} ORDER BY ?relation ?object"""


def test_query_rows_match_rdflib_on_the_union_without_duplicates(exports: Path, store: ox.Store) -> None:
    # "meet" is asserted by both articles and relation labels are declared by both the ontology and the
    # export: matched once per graph, a plain SELECT would repeat rows
    import rdflib

    graph = rdflib.Graph().parse(exports / "graph.ttl")
    graph.parse(KG_TTL)
    expected = sorted((str(r), str(o)) for r, o in graph.query("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                                                                 + EVERYTHING_DONE))
    got = [(r.value, o.value) for r, o in run_query(store, EVERYTHING_DONE).rows]
    assert sorted(got) == expected
    assert len(got) == len(set(got)) and len(got) >= 2


def test_query_store_keeps_named_graphs_beside_the_merge(store: ox.Store) -> None:
    result = run_query(store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(result.rows[0][0].value) >= 3       # two articles, graph/merged (and the ontology)


def test_query_list_summaries_are_whole_sentences() -> None:
    """The summary is the header's first paragraph, not its first line cut mid-sentence."""
    for q in named_queries().values():
        assert q.summary.endswith("."), (q.name, q.summary)
    assert named_queries()["negated"].summary.endswith("with who said it and where.")
