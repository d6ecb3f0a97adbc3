"""``kg query``, ``kg validate``, ``kg stats``, ``kg serve`` and ``kg push``: thin wrappers over kg.query,
kg.validate, kg.stats, kg.serve and kg.push. Library errors become one ``Error: …`` line (exit 1 for
input/data problems, 2 for usage)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.cli_common import fail, utf8_text
from kg.errors import KGError



def _params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{item!r}: expected NAME=VALUE, e.g. entity=Taliban", param_hint="--param")
        out[name.strip()] = value
    return out


@click.command("query")
@click.argument("graph", type=click.Path(path_type=Path))
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Read the SPARQL query from this file.")
@click.option("-q", "--query", "name", help="Run a ready-made query from ontology/queries/ (see --list).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the ready-made query (repeatable); the value is escaped, never pasted.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="json is SPARQL 1.1 Query Results JSON; csv/tsv follow SPARQL 1.1 too.")
@click.option("--list", "list_queries", is_flag=True, help="List the ready-made queries and their parameters.")
@click.option("--no-ontology", is_flag=True, help="Do not load ontology/kg.ttl beside the export.")
@click.option("--allow-service", is_flag=True,
              help="Run a query that uses SERVICE (it sends requests to the hosts it names); refused otherwise.")
def query_cmd(graph: Path, sparql: str | None, query_file: Path | None, name: str | None, params: tuple[str, ...],
              fmt: str, list_queries: bool, no_ontology: bool, allow_service: bool) -> None:
    """Run SPARQL over GRAPH (an export file or the exports folder).

    Give the query as SPARQL, --file q.rq, or --query NAME with --param k=v. The default graph is the
    union of all named graphs. Examples:

    \b
      kg query exports/ 'SELECT ?s WHERE { ?s a kg:Person }'
      kg query exports/ --query who-did-what --param entity=Taliban
    """
    from kg.query import bind_parameters, format_result, get_named_query, named_queries, query_export

    try:
        if list_queries:
            for q in named_queries().values():
                click.echo(f"{q.name}: {q.summary}")
                for p in q.params:
                    default = "required" if p.default is None else f"default {p.default!r}"
                    click.echo(f"    {p.name} ({p.kind}, {default}): {p.doc}")
            return
        given = [x for x in (sparql, query_file, name) if x]
        if len(given) != 1:
            raise click.UsageError("give exactly one of SPARQL, --file or --query")
        if params and not name:
            raise click.UsageError("--param needs --query NAME")
        if name:
            text = bind_parameters(get_named_query(name), _params(params))
        elif query_file:
            try:
                special = query_file.exists() and not query_file.is_file()
            except OSError:
                special = False     # reading it below names the problem
            if special:     # a FIFO would block forever
                raise click.BadParameter(f"{query_file} is not a regular file", param_hint="--file")
            try:
                text = query_file.read_bytes().decode("utf-8-sig")
            except OSError as exc:
                raise click.BadParameter(f"cannot read {query_file}: {exc.strerror}", param_hint="--file")
            except UnicodeDecodeError as exc:
                raise click.BadParameter(f"{query_file} is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at "
                                         f"offset {exc.start}); give a SPARQL query file", param_hint="--file")
        else:
            text = utf8_text(sparql or "", "the SPARQL query")
        result = query_export(graph, text, with_ontology=not no_ontology, allow_service=allow_service)
        click.echo(format_result(result, fmt), nl=False)
    except KGError as exc:
        fail(exc)


@click.command("validate")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--limit", default=20, show_default=True, help="Violations to print in full.")
def validate_cmd(graph: Path, limit: int) -> None:
    """Check GRAPH against the SHACL shapes in ontology/shapes.ttl (exit 1 when it does not conform)."""
    from kg.validate import validate

    try:
        report = validate(graph)
    except KGError as exc:
        fail(exc)
    click.echo(report.text(limit))
    if not report.conforms:
        sys.exit(1)


@click.command("stats")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats_cmd(graph: Path, as_json: bool) -> None:
    """Counts of GRAPH: entities by type, statements by relation class, polarity and modality."""
    from kg.stats import stats

    try:
        result = stats(graph)
    except KGError as exc:
        fail(exc)
    click.echo(json.dumps(result.as_dict(), indent=1) if as_json else result.text())




@click.command("serve")
@click.argument("graph", required=False, default="exports", type=click.Path(path_type=Path))
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--writable", is_flag=True, help="Accept SPARQL updates and Graph Store Protocol writes.")
@click.option("--no-ontology", is_flag=True, help="Do not load ontology/kg.ttl beside the export.")
@click.option("--allow-service", is_flag=True,
              help="Let clients run SERVICE (and LOAD): the server then sends requests to other hosts. "
                   "Refused otherwise.")
@click.option("--timeout", "query_timeout", default=60.0, show_default=True, type=click.FloatRange(0),
              help="Stop a query after this many seconds (0: no limit).")
def serve_cmd(graph: Path, port: int, writable: bool, no_ontology: bool, allow_service: bool,
              query_timeout: float) -> None:
    """Serve GRAPH (default: exports/) as a SPARQL 1.1 endpoint on 127.0.0.1 until interrupted.

    The first line printed is the query endpoint URL. The default graph is the merge of all graphs (each
    triple once; with --writable, the union, which follows pushes). The prefixes kg rel schema prov skos
    rdf rdfs owl xsd are predefined, as in kg query.
    """
    import signal

    from kg.serve import start_server

    def _stop(signum: int, frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)   # one stop is enough; let the cleanup finish
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    try:
        server = start_server(graph, port=port, writable=writable, with_ontology=not no_ontology,
                              allow_service=allow_service, query_timeout=query_timeout or None)
    except KGError as exc:
        fail(exc)
    code = 0
    try:
        signal.signal(signal.SIGINT, _stop)
        click.echo(server.query_url)
        click.echo(f"graph store: {server.store_url}" + ("" if writable else " (read-only)"))
        if writable:
            click.echo(f"update: {server.update_url}")
        click.echo("Ctrl-C stops the server", err=True)
        sys.stdout.flush()
        code = server.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    if code:
        fail(KGError(f"the Oxigraph server stopped with exit code {code}"))


@click.command("push")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--endpoint", required=True,
              help="SPARQL 1.1 Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store")
@click.option("--remove", "remove", multiple=True, metavar="ARTICLE_ID",
              help="Also delete the graph of this article (dropped from the corpus); repeatable.")
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="Seconds to wait for each answer of the endpoint.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary.")
def push_cmd(graph: Path, endpoint: str, remove: tuple[str, ...], timeout: float, quiet: bool) -> None:
    """Publish each named graph of GRAPH (graph.nq/graph.trig or the folder) to ENDPOINT, replacing it there."""
    from kg.push import push

    def report(name: str, n: int) -> None:
        if not quiet:
            click.echo(f"put {name} ({n} triples)")

    try:
        summary = push(graph, endpoint, remove=remove, timeout=timeout, on_graph=report)
    except KGError as exc:
        fail(exc)
    for name in summary.removed:
        if not quiet:
            click.echo(f"deleted {name}")
    for name in summary.absent:
        if not quiet:
            click.echo(f"not on the endpoint (nothing removed): {name}")
    click.echo(f"pushed {summary.graphs} graphs, {summary.triples} triples to {summary.endpoint}"
               + (f"; removed {len(summary.removed)}" if summary.removed else "")
               + (f"; {len(summary.absent)} to remove were not there" if summary.absent else ""))
