"""`twingraph evaluate`: extraction quality against gold facts, per fact type."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from twingraph.cli.app import QuietOption, app, console
from twingraph.errors import UserError


@app.command("evaluate")
def evaluate_command(
    articles: Annotated[Path, typer.Option("--articles", help="Folder of articles (NAME.txt, NAME.html).")] = Path(
        "data/eval/articles"
    ),
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold facts (NAME.yaml).")] = Path("data/eval/gold"),
    only: Annotated[list[str] | None, typer.Option("--only", help="Score only this article name; repeatable.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    quiet: QuietOption = False,
) -> None:
    """Ingest each article alone and score its facts: precision, recall, F1 per type, micro-F1, attributes."""
    from rich.progress import Progress

    from twingraph.evaluation import TYPES, evaluate

    if fmt not in ("table", "json"):
        raise UserError(f"--format must be table or json, not {fmt!r}")
    show = not quiet and fmt == "table" and console.is_terminal
    with Progress(console=console, transient=True, disable=not show) as progress:
        task = progress.add_task("scoring", total=None)
        total, per_article = evaluate(articles, gold, only or (), lambda name: progress.update(task, description=name))
    if fmt == "json":
        out = total.as_dict()
        out["articles"] = {a.name: a.score.as_dict()["micro"] for a in per_article}
        print(json.dumps(out, indent=2))
        return
    if quiet:
        return
    table = Table(title=f"Extraction against gold ({len(per_article)} articles)")
    for column in ("type", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for t in TYPES:
        c = total.counts[t]
        table.add_row(t, f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}", str(c.tp), str(c.fp), str(c.fn))
    m = total.micro
    table.add_row("micro", f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}", str(m.tp), str(m.fp), str(m.fn))
    console.print(table)
    for name, (ok, n) in sorted(total.attributes.items()):
        console.print(f"{name:<20} {ok}/{n}")
    console.print(f"distractor hits {total.distractor_hits}")
    console.print(f"micro P {m.precision:.3f} R {m.recall:.3f} F1 {m.f1:.3f}")
