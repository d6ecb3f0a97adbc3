"""SPARQL over an export through Oxigraph, ready-made parameterized queries, and result formats.

Ready-made queries live in ``ontology/queries/NAME.rq``; their header declares parameters::

    # @param entity name required  an entity name (label or alias, any case), e.g. Taliban
    # @param relation_class string ""  limit to one relation class; "" = any

In the query text a parameter is the variable ``$entity``; a line ``#@if entity TEXT`` counts (as TEXT)
only when ``entity`` is given a non-empty value. :func:`bind_parameters` replaces each
``$name`` token (never inside strings, IRIs or comments) with the value written as a SPARQL term:
a string literal with every quote, backslash and control character escaped (for kind ``name``, the
entity name's key in the name index, :func:`kg.store.name_key`), a validated IRI, an integer or a date, so no value can change the shape of the query.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import InputError, UsageError
from kg.sparql_prefixes import PREFIXES
from kg.data import ontology_dir
from kg.sparql_guard import NETWORK_HINT, network_use
from kg.store import name_key
from kg.store_cache import cached_store

QUERIES_DIR = ontology_dir() / "queries"   # (not kg.ontology's: it imports rdflib, and kg query should start fast)

FORMATS = ("table", "csv", "tsv", "json")
PARAM_KINDS = ("string", "name", "iri", "integer", "date", "day")
XSD = "http://www.w3.org/2001/XMLSchema#"

_PARAM_LINE = re.compile(r"^#\s*@param\s+(\w+)\s+(\w+)\s+(required|\"[^\"]*\"|\S+)\s*(.*)$")
_TOKENS = re.compile(r'''(?P<skip>\#[^\n]*|"""(?:[^\\]|\\.)*?"""|\'\'\'(?:[^\\]|\\.)*?\'\'\''''
                     r'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>)'''
                     r'''|\$(?P<name>[A-Za-z_][A-Za-z0-9_]*)''', re.S)


@dataclass(frozen=True)
class QueryParam:
    name: str
    kind: str
    default: str | None          # None: required
    doc: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """A ready-made query: its name (the file stem), first-line summary, parameters and text."""

    name: str
    summary: str
    params: tuple[QueryParam, ...]
    text: str
    path: Path | None = None


@dataclass
class QueryResult:
    """Rows of a SELECT (``variables`` + ``rows`` of terms or None), an ASK ``boolean``, or ``triples``."""

    kind: str                                   # "select" | "ask" | "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)


def parse_named_query(path: Path) -> NamedQuery:
    """Read a ready-made query file and its ``# @param`` header.

    Raises:
        InputError: a malformed ``@param`` line.
    """
    text = path.read_text(encoding="utf-8")
    first: list[str] = []       # the first paragraph of the header: the summary, whole sentences
    ended = False
    params = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        body = line.lstrip("#").strip()
        if not ended and not body.startswith("@param"):
            if body:
                first.append(body)
            elif first:
                ended = True
        if body.startswith("@param"):
            m = _PARAM_LINE.match(line.strip())
            if not m or m.group(2) not in PARAM_KINDS:
                raise InputError(f"{path}:{number}: expected '# @param NAME {'|'.join(PARAM_KINDS)} "
                                 f"required|DEFAULT doc', got {line!r}")
            default = m.group(3)
            params.append(QueryParam(m.group(1), m.group(2),
                                     None if default == "required" else default.strip('"'), m.group(4).strip()))
    return NamedQuery(path.stem, " ".join(first), tuple(params), text, path)


def named_queries(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """Every ready-made query in ``folder``, by name."""
    return {p.stem: parse_named_query(p) for p in sorted(folder.glob("*.rq"))}


def get_named_query(name: str, folder: Path = QUERIES_DIR) -> NamedQuery:
    """Raises UsageError listing the valid names when ``name`` is unknown."""
    queries = named_queries(folder)
    if name not in queries:
        raise UsageError(f"unknown query {name!r}", hint="choose one of: " + ", ".join(queries))
    return queries[name]


def sparql_string(value: str) -> str:
    """``value`` as a SPARQL string literal; nothing in it can end the literal.

    Only ECHAR escapes are used (never ``\\u``, which some engines expand before parsing), and every
    backslash is doubled, so a value spelling ``\\u0022`` stays those six characters.

    >>> print(sparql_string('say "hi"\\n'))
    "say \\"hi\\"\\n"
    """
    out = ['"']
    for ch in value:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif 0xD800 <= code <= 0xDFFF:
            raise UsageError(f"parameter value {value!r} holds a lone surrogate character")
        elif ch == "\b":
            out.append("\\b")
        elif ch == "\f":
            out.append("\\f")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def sparql_term(value: str, kind: str = "string") -> str:
    """A parameter value written as a SPARQL term of ``kind`` (string, iri, integer, date).

    Raises:
        UsageError: the value is not a valid ``kind``.

    >>> sparql_term("https://example.org/kg/entity/taliban", "iri")
    '<https://example.org/kg/entity/taliban>'
    """
    if kind == "string":
        return sparql_string(value)
    if kind == "name":   # an entity name, looked up in the name index (kg.store.name_index) by its key
        return sparql_string(name_key(value))
    if kind == "iri":
        try:
            node = ox.NamedNode(value)
        except ValueError as exc:
            raise UsageError(f"{value!r} is not a valid IRI: {exc}") from None
        if not re.fullmatch(r"[^<>\"{}|^`\\\x00-\x20]+", node.value) or ":" not in node.value:
            raise UsageError(f"{value!r} is not an absolute IRI")
        return f"<{node.value}>"
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise UsageError(f"{value!r} is not an integer")
        return str(int(value))
    if kind == "day":   # a date compared as text ("2021-10-09" <= SUBSTR(...)), or "" for "no limit"
        if not value.strip():
            return '""'
        try:
            return sparql_string(dt.date.fromisoformat(value.strip()).isoformat())
        except ValueError:
            raise UsageError(f"{value!r} is not a date (YYYY-MM-DD, or empty for no limit)") from None
    if kind == "date":
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise UsageError(f"{value!r} is not a date (YYYY-MM-DD)") from None
        return f'"{day.isoformat()}"^^<{XSD}date>'
    raise UsageError(f"unknown parameter kind {kind!r}", hint="one of " + ", ".join(PARAM_KINDS))


def bind_parameters(query: NamedQuery, values: Mapping[str, str]) -> str:
    """The query text with every declared ``$name`` replaced by its value (or default) as a SPARQL term.

    Raises:
        UsageError: an unknown parameter, a missing required one, or a value of the wrong kind.
    """
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        raise UsageError(f"query {query.name!r} has no parameter {unknown[0]!r}",
                         hint="its parameters: " + (", ".join(declared) or "none"))
    terms = {}
    for p in query.params:
        if p.name in values:
            terms[p.name] = sparql_term(values[p.name], p.kind)
        elif p.default is None:
            raise UsageError(f"query {query.name!r} needs --param {p.name}=VALUE ({p.doc})")
        else:
            terms[p.name] = sparql_term(p.default, p.kind)

    def replace(m: re.Match[str]) -> str:
        name = m.group("name")
        return terms[name] if name is not None and name in terms else m.group(0)

    return _TOKENS.sub(replace, _conditional_lines(query.text, {p.name: terms[p.name] != '""' for p in query.params}))


_IF_LINE = re.compile(r"^#@if(not)? (\w+) (.*)$", re.M)


def _conditional_lines(text: str, given: Mapping[str, bool]) -> str:
    """``#@if NAME TEXT`` lines become TEXT when parameter NAME is given (not empty) and vanish otherwise
    (``#@ifnot NAME TEXT``: the other way round): a restriction that is only there when asked for, rather
    than ``$x = "" || ...``, which Oxigraph cannot plan well (it evaluates both sides over the whole graph).

    >>> _conditional_lines("#@if e  ?s ?p $e .\\nX", {"e": True}), _conditional_lines("#@if e ?s\\nX", {"e": False})
    (' ?s ?p $e .\\nX', '\\nX')
    >>> _conditional_lines("#@ifnot e ?s\\n#@if e ?o", {"e": False})
    '?s\\n'
    """
    return _IF_LINE.sub(lambda m: m.group(3) if bool(given.get(m.group(2))) != bool(m.group(1)) else "", text)


def run_query(store: ox.Store, sparql: str, *, allow_service: bool = False) -> QueryResult:
    """Run ``sparql`` over ``store``'s default graph (for an export opened with :func:`kg.store.open_store`,
    the merge of all graphs: each triple once).

    A query using ``SERVICE`` (which makes Oxigraph send requests to the hosts it names) is refused unless
    ``allow_service``.

    Raises:
        InputError: the query does not parse (the message says where).
        UsageError: the query uses SERVICE and ``allow_service`` is false.
    """
    refused = None if allow_service else network_use(sparql)
    if refused:
        raise UsageError(f"refused: {refused}", hint=NETWORK_HINT)
    try:
        answer = store.query(sparql, prefixes=PREFIXES)
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            variables = [v.value for v in answer.variables]
            rows = [[solution[v] for v in variables] for solution in answer]
            return QueryResult("select", variables, rows)
        return QueryResult("graph", triples=list(answer))
    except SyntaxError as exc:
        raise InputError(f"invalid SPARQL: {exc}", hint="check the query; prefixes kg, rel, schema, prov, "
                                                         "skos, rdf, rdfs, owl, xsd are predefined") from None
    except UnicodeEncodeError:
        raise InputError("the query is not valid UTF-8 text (it holds a lone surrogate)") from None
    except (OSError, RuntimeError) as exc:   # a SERVICE that failed (when allowed), an evaluation error
        raise InputError(f"the query failed: {' '.join(str(exc).split())[:300]}") from None


def query_export(path: str | Path, sparql: str, *, with_ontology: bool = True,
                 allow_service: bool = False) -> QueryResult:
    """Run ``sparql`` over an export file or folder (plus ``ontology/kg.ttl`` unless told not to); SERVICE is
    refused unless ``allow_service`` (see :func:`run_query`). The export is read from its on-disk store
    (:mod:`kg.store_cache`), built on the first query."""
    refused = None if allow_service else network_use(sparql)
    if refused:   # before the export is read: a refusal should not wait for a large file to load
        raise UsageError(f"refused: {refused}", hint=NETWORK_HINT)
    # the on-disk store beside the export (built by the first query of this export): no re-parsing
    return run_query(cached_store(path, with_ontology=with_ontology), sparql, allow_service=allow_service)


# ---- result formats -------------------------------------------------------------------------------------

def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD + "string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def _plain(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return term.value
    return str(term)


def _display(term: Any, prefixes: list[tuple[str, str]]) -> str:
    if isinstance(term, ox.NamedNode):
        for prefix, ns in prefixes:
            if term.value.startswith(ns):
                return f"{prefix}:{term.value[len(ns):]}"
        return term.value
    return " ".join(_plain(term).split())


def format_result(result: QueryResult, fmt: str = "table", *, width: int = 60,
                  prefixes: Mapping[str, str] | None = None) -> str:
    """Render a result: an aligned ``table``, SPARQL 1.1 ``csv``/``tsv``, or SPARQL 1.1 Query Results ``json``.

    CONSTRUCT/DESCRIBE results are N-Triples in every format but ``table`` (Turtle).
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}", hint="choose one of " + ", ".join(FORMATS))
    if result.kind == "graph":
        rdf = ox.RdfFormat.TURTLE if fmt == "table" else ox.RdfFormat.N_TRIPLES
        data = ox.serialize(result.triples, format=rdf, prefixes=dict(prefixes or PREFIXES)
                            if fmt == "table" else None) or b""
        return data.decode("utf-8")
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None}
                    for row in result.rows]
        return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(result.variables)
        writer.writerows([_plain(t) for t in row] for row in result.rows)
        return buffer.getvalue()
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in result.variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    compact = sorted((prefixes or PREFIXES).items(), key=lambda kv: -len(kv[1]))
    cells = [[_display(t, compact) if t is not None else "" for t in row] for row in result.rows]
    cells = [[c if len(c) <= width else c[:width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(v)] + [len(row[i]) for row in cells]) for i, v in enumerate(result.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(result.variables, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"
