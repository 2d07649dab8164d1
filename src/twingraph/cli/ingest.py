"""`twingraph ingest`: articles (text, HTML, JSON Lines, folders) -> facts -> the store."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape  # file names and messages are printed as they are, never as markup

from twingraph.cli.app import DEFAULT_STORE_PATH, QuietOption, StoreOption, app, console, console_err
from twingraph.errors import UserError
from twingraph.store import open_store

if TYPE_CHECKING:
    from twingraph.ingest import IngestedArticle, IngestReport

FORMATS = ("text", "json")


def _summary_line(report: IngestReport) -> str:
    rate = len(report.articles) / report.seconds if report.seconds else 0.0
    problems = len(report.problems)
    failed = f"; {problems} input{'s' if problems != 1 else ''} failed" if problems else ""
    return (
        f"ingested {len(report.articles)} article{'s' if len(report.articles) != 1 else ''}: "
        f"{report.facts} facts, {report.triples:,} triples in {report.seconds:.1f} s ({rate:.1f} articles/s); "
        f"store holds {report.store_triples:,} triples{failed}"
    )


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH", help="Article files (.txt, .html, .jsonl) or folders of them.")
    ],
    store: StoreOption = DEFAULT_STORE_PATH,
    sources: Annotated[
        Path | None,
        typer.Option("--sources", help="YAML: file name -> url, title, publisher, published, language."),
    ] = None,
    quiet: QuietOption = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json (the summary, for machines).")] = "text",
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", help="Extract in N worker processes while one process stores (same quads as 1).", min=1
        ),
    ] = 1,
) -> None:
    """Extract facts from articles and store each article as its own graph (re-ingesting replaces it).

    Exit status: 0 when every input landed, 1 when some failed (each named on stderr), 2 for usage errors.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from twingraph.articles import InputProblem, load_sources
    from twingraph.cli.progress import RateColumn
    from twingraph.ingest import count_inputs, ingest

    if fmt not in FORMATS:
        raise UserError(f"--format must be one of: {', '.join(FORMATS)} (got {fmt!r})")
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise UserError(f"no such file or folder: {missing[0]}")
    catalog = load_sources(sources) if sources is not None else None
    target = open_store(store)
    show_bar = not quiet and console_err.is_terminal
    progress = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn("articles"),
        TimeRemainingColumn(),
        console=console_err,
        transient=True,
        disable=not show_bar,
    )
    task = progress.add_task("ingest", total=count_inputs(paths) if show_bar else None)

    def on_progress(item: IngestedArticle | InputProblem) -> None:
        if isinstance(item, InputProblem):
            if item.is_error:
                progress.console.print(f"[bold red]failed:[/] {escape(str(item))}", highlight=False, soft_wrap=True)
                progress.advance(task)
            elif not quiet:
                progress.console.print(f"[yellow]warning:[/] {escape(str(item))}", highlight=False, soft_wrap=True)
            return
        progress.advance(task)

    with progress:
        report = ingest(paths, target, sources=catalog, on_progress=on_progress, jobs=jobs)
    if fmt == "json":
        sys.stdout.write(json.dumps(report.summary(), ensure_ascii=False, indent=2) + "\n")
    elif not quiet:
        console.print(_summary_line(report), highlight=False, soft_wrap=True)
    if report.problems:
        raise typer.Exit(1)
