"""The ``kg`` command: thin wrappers that check arguments, call one library function and print."""
from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text
from rich.table import Table

from kg import DEFAULT_MODEL, __version__
from kg.budget import DEFAULT_SECONDS
from kg.cli_common import fail, printable, utf8_text
from kg.errors import KGError
from kg.vocab import DEFAULT_BASE

err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)


class RateColumn(ProgressColumn):
    """Articles per second over the recent window (rich's own estimate, which also drives the ETA)."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "- articles/s", style="progress.data.speed")




@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """kg: build a knowledge graph from news articles (Turtle for SPARQL, GraphML for Gephi)."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("exports"),
              show_default=True, help="Folder for graph.ttl and graph.graphml.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy pipeline to use.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI for entities and statements.")
@click.option("--strict", is_flag=True, help="Fail when any input cannot be read (default: skip it and go on).")
@click.option("--no-cache", is_flag=True, help="Re-parse every article even if unchanged since the last build.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for the per-article stage (parse, extraction, resolution).")
@click.option("--dask", "dask_address", metavar="local|tcp://HOST:PORT",
              help="Run the per-article stage on a dask.distributed cluster: 'local' starts one on this machine, "
                   "an address joins a running scheduler.")
@click.option("--max-article-chars", type=click.IntRange(0), default=0, metavar="N",
              help="Skip (and name) any article longer than N characters; 0: no limit (long articles are parsed "
                   "in pieces).")
@click.option("--article-time-limit", type=click.FloatRange(0), default=DEFAULT_SECONDS, show_default=True,
              metavar="SECONDS", help="Stop and skip (and name) an article whose extraction and resolution take "
                                      "longer; 0: no limit.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def build(paths: tuple[Path, ...], out_dir: Path, model: str, base: str, strict: bool, no_cache: bool,
          jobs: int, dask_address: str | None, max_article_chars: int, article_time_limit: float, quiet: bool
          ) -> None:
    """Build the graph of the articles in PATHS (files or folders) into OUT."""
    from kg.pipeline import build as run_build

    from kg.iri import check_base
    from kg.output_folder import prepare_output_folder

    try:
        check_base(base)
    except KGError as exc:
        raise click.BadParameter(exc.message + (f"; {exc.hint}" if exc.hint else ""), param_hint="--base") from None
    try:   # before the progress bar: a bad -o is one line, not a line after an empty bar
        prepare_output_folder(out_dir)
    except KGError as exc:
        fail(exc)
    progress = Progress(TextColumn("[bold]analyzing"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=err, disable=quiet,
                        transient=True, speed_estimate_period=60.0)
    task = progress.add_task("articles", total=None)
    try:
        with progress:
            summary = run_build(paths, out_dir, model=model, base=base, strict=strict, use_cache=not no_cache,
                                n_process=jobs, dask=dask_address, on_article=lambda _: progress.advance(task),
                                total_hint=lambda n: progress.update(task, total=n),
                                max_article_chars=max_article_chars or None, time_limit=article_time_limit or None)
    except KGError as exc:
        fail(exc)
    for skipped in summary.skipped:
        # one line per skipped input, whatever its name holds (markup brackets, newlines, bidi controls)
        err.print(f"[yellow]skipped[/] {escape(printable(skipped.source))}: {escape(printable(skipped.reason))}",
                  highlight=False)
    out.print(f"articles: {summary.articles} ({summary.parsed} parsed, {summary.cached} unchanged)  "
              f"statements: {summary.statements}  entities: {summary.entities}  triples: {summary.triples}  "
              f"skipped: {len(summary.skipped)}  time: {summary.seconds:.1f}s ({summary.stage_report()})",
              highlight=False)
    for path in summary.outputs:
        out.print(f"wrote {path}", highlight=False)


@cli.command()
@click.argument("source", required=False)
@click.option("--sentences", "sentences", type=click.Path(dir_okay=False, path_type=Path),
              help="A file of pre-tokenised sentences, one per line (instead of SOURCE); use with --format carb "
                   "or triples.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "carb", "triples"]), default="table",
              show_default=True,
              help="table or jsonl: entity-level statements; carb: CaRB tuples with full argument phrases; "
                   "triples: compact binary facts, sent_id<TAB>subject<TAB>relation<TAB>object.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy pipeline to use.")
def extract(source: str | None, sentences: Path | None, fmt: str, model: str) -> None:
    """Print the statements of SOURCE (a text, or a path to an article file), or CaRB tuples of --sentences."""
    from kg.extract_text import (extract_carb, extract_carb_text, extract_source, extract_triples,
                                 extract_triples_text)

    if (source is None) == (sentences is None):
        raise click.UsageError("pass either SOURCE or --sentences FILE (not both)")
    if sentences is not None and fmt not in ("carb", "triples"):
        raise click.UsageError("--sentences needs --format carb or --format triples")
    if sentences is not None:
        if not sentences.is_file():
            raise click.BadParameter(f"{sentences} is not a file", param_hint="--sentences")
        try:
            for line in (extract_carb if fmt == "carb" else extract_triples)(sentences, model=model):
                click.echo(line)
        except KGError as exc:
            fail(exc)
        return
    assert source is not None
    try:
        if fmt in ("carb", "triples"):
            for line in (extract_carb_text if fmt == "carb" else extract_triples_text)(source, model=model):
                click.echo(line)
            return
        rows = list(extract_source(source, model=model))
    except KGError as exc:
        fail(exc)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, sort_keys=True))
        return
    table = Table("subject", "relation", "object", "polarity", "modality", "conf.", "attributed to")
    for row in rows:
        table.add_row(row["subject"], row["relation"], row["object"], row["polarity"], row["modality"],
                      f"{row['confidence']:.2f}", row["attribution"] or "")
    out.print(table)


def main() -> None:
    cli()


from kg.cli_rdf import push_cmd, query_cmd, serve_cmd, stats_cmd, validate_cmd  # noqa: E402

cli.add_command(query_cmd)
cli.add_command(validate_cmd)
cli.add_command(stats_cmd)
cli.add_command(serve_cmd)
cli.add_command(push_cmd)

from kg.cli_views import export_cmd, view_cmd  # noqa: E402

cli.add_command(view_cmd)
cli.add_command(export_cmd)
