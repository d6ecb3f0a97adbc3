"""`kg view` and `kg export`: views of a built graph (:mod:`kg.views`) as HTML, GraphML, GEXF and CSV, read
back from a build folder's exports (no NLP is run again)."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg.cli_common import fail, printable
from kg.errors import KGError
from kg.views import DEFAULT_VIEW, RANKS, ViewOptions

FORMATS = ("html", "graphml", "gexf", "csv")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not _DATE.fullmatch(value):
        raise click.BadParameter(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def view_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options that choose a view, shared by `kg view` and `kg export`."""
    d = DEFAULT_VIEW
    for option in reversed([
        click.option("--type", "types", multiple=True, metavar="TYPE",
                     help="Keep only entities of this type (Person, Organization, Place, ...); repeatable."),
        click.option("--relation-class", "classes", multiple=True, metavar="CLASS",
                     help="Keep only relations of this class (attack, appeal, ...); repeatable."),
        click.option("--polarity", type=click.Choice(["positive", "negative"]), help="Keep only these relations."),
        click.option("--modality", "modalities", multiple=True, metavar="MODALITY",
                     help="Keep only relations of this modality (asserted, reported, planned, ...); repeatable."),
        click.option("--since", callback=_date, metavar="DATE", help="Relations seen on or after DATE."),
        click.option("--until", callback=_date, metavar="DATE", help="Relations seen on or before DATE."),
        click.option("--min-support", type=click.IntRange(1), default=d.min_support, show_default=True,
                     help="Relations backed by at least N statements."),
        click.option("--concepts", is_flag=True,
                     help="Keep concept nodes (default: named entities only, concepts listed in their details)."),
        click.option("--top", type=click.IntRange(0), default=d.top, show_default=True,
                     help="The N most central entities; 0: all."),
        click.option("--rank", type=click.Choice(RANKS), default=d.rank, show_default=True,
                     help="How --top ranks entities."),
        click.option("--entity", metavar="NAME", help="Only the neighbourhood of this entity (name or alias)."),
        click.option("--hops", type=click.IntRange(1, 6), default=d.hops, show_default=True,
                     help="How far the --entity neighbourhood reaches."),
        click.option("--isolated", "keep_isolated", is_flag=True, help="Keep entities without any relation."),
        click.option("--all", "everything", is_flag=True,
                     help="The whole graph (concepts and isolated entities, no --top), then any filter given."),
    ]):
        command = option(command)
    return command


def _options(types: tuple[str, ...], classes: tuple[str, ...], polarity: str | None, modalities: tuple[str, ...],
             since: str | None, until: str | None, min_support: int, concepts: bool, top: int, rank: str,
             entity: str | None, hops: int, keep_isolated: bool, everything: bool) -> ViewOptions:
    return ViewOptions(types=types, classes=classes, polarity=polarity, modalities=modalities, since=since,
                       until=until, min_support=min_support, named_only=not (concepts or everything),
                       top=0 if everything else top, rank=rank, entity=entity, hops=hops,
                       keep_isolated=keep_isolated or everything)


def _source(exports: Path) -> Path:
    source = exports / "graph.graphml" if exports.is_dir() else exports
    if not source.is_file():
        raise KGError(f"{source}: no such GraphML file", hint="run `kg build ... -o DIR` first, then `kg view DIR`")
    return source


def _read(source: Path) -> Any:
    import networkx as nx

    try:
        return nx.read_graphml(source, force_multigraph=True)
    except Exception as exc:   # networkx raises several types for malformed files
        raise KGError(f"{source}: not a readable GraphML file ({printable(str(exc))})") from None


@click.command("view")
@click.argument("exports", type=click.Path(exists=True, path_type=Path), default=Path("exports"))
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default web browser.")
@view_options
def view_cmd(exports: Path, open_browser: bool, **choice: Any) -> None:
    """Write the HTML viewer of a view of EXPORTS (a folder or a .graphml file) next to it; print its path."""
    from kg import evidence
    from kg.export.html import write_html
    from kg.views import select

    try:
        source = _source(exports)
        page_view = select(_read(source), _options(**choice))
        found = evidence.read(source, wanted=evidence.edge_keys(page_view))
        page = source.with_suffix(".html")
        write_html(page_view, page, evidence=found)
    except KGError as exc:
        fail(exc)
    click.echo(str(page.resolve()))
    if open_browser:
        import webbrowser

        try:
            opened = webbrowser.open(page.resolve().as_uri())
        except webbrowser.Error:
            opened = False
        if not opened:    # no browser found: say so instead of silently doing nothing (the page is written)
            click.echo(f"Warning: no web browser could be opened; open {page.resolve()} yourself", err=True)


@click.command("export")
@click.argument("exports", type=click.Path(exists=True, path_type=Path), default=Path("exports"))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the view's files (not the build folder itself).")
@click.option("--format", "formats", default=",".join(FORMATS), show_default=True, metavar="LIST",
              help="Comma-separated: " + ", ".join(FORMATS) + ".")
@view_options
def export_cmd(exports: Path, out_dir: Path, formats: str, **choice: Any) -> None:
    """Write a view of the graph in EXPORTS (a build folder or a .graphml file) as HTML, GraphML, GEXF, CSV."""
    from kg import evidence
    from kg.export.gexf import write_gexf
    from kg.export.graphml import write_graphml
    from kg.export.html import write_html
    from kg.export.tables import write_csv
    from kg.views import describe, select

    wanted = [f.strip().lower() for f in formats.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise click.BadParameter(f"unknown format {', '.join(unknown) or '(none)'}; use {', '.join(FORMATS)}",
                                 param_hint="--format")
    try:
        source = _source(exports)
        if out_dir.resolve() == source.parent.resolve():
            raise KGError(f"{out_dir}: is the build folder; its exports would be replaced",
                          hint="give another folder with -o")
        graph = select(_read(source), _options(**choice))
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KGError(f"{out_dir}: cannot create the folder ({exc.strerror})") from None
        written = []
        if "graphml" in wanted:
            write_graphml(graph, out_dir / "graph.graphml")
            written.append(out_dir / "graph.graphml")
        if "gexf" in wanted:
            write_gexf(graph, out_dir / "graph.gexf")
            written.append(out_dir / "graph.gexf")
        if "csv" in wanted:
            written += write_csv(graph, out_dir)
        if "html" in wanted:
            write_html(graph, out_dir / "graph.html", evidence=evidence.read(source, wanted=evidence.edge_keys(graph)))
            written.append(out_dir / "graph.html")
    except KGError as exc:
        fail(exc)
    except OSError as exc:
        fail(KGError(f"{exc.filename or out_dir}: cannot write ({exc.strerror})"))
    counts = describe(graph)
    click.echo(f"view: {counts.pop('nodes')} entities, {counts.pop('edges')} relations ("
               + ", ".join(f"{k} {v}" for k, v in counts.items()) + ")")
    for path in written:
        click.echo(f"wrote {path}")
