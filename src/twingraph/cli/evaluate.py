"""`twingraph evaluate`: extraction quality against gold facts, per fact type."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from twingraph.cli.app import QuietOption, app, console, format_option

if TYPE_CHECKING:
    from twingraph.evaluation.score import Mismatch


@app.command("evaluate")
def evaluate_command(
    articles: Annotated[Path, typer.Option("--articles", help="Folder of articles (NAME.txt, NAME.html).")] = Path(
        "data/eval/articles"
    ),
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold facts (NAME.yaml).")] = Path("data/eval/gold"),
    only: Annotated[list[str] | None, typer.Option("--only", help="Score only this article name; repeatable.")] = None,
    split: Annotated[
        str, typer.Option("--split", help="all, or one part of the split in split.yaml beside the gold: tune, holdout.")
    ] = "all",
    errors: Annotated[
        bool, typer.Option("--errors", help="List every false positive, false negative and wrong attribute.")
    ] = False,
    fmt: str = format_option("table", "json"),
    quiet: QuietOption = False,
) -> None:
    """Ingest each article alone and score its facts: precision, recall, F1 per type, micro-F1, attributes.

    With --errors, every error is listed by fact type with the fact and the sentence it stands in, so whoever tunes
    rules on their own gold sees why a fact was missed or wrongly found."""
    from rich.progress import Progress

    from twingraph.evaluation.score import TYPES, evaluate

    show = not quiet and fmt == "table" and console.is_terminal
    with Progress(console=console, transient=True, disable=not show) as progress:
        task = progress.add_task("scoring", total=None)
        total, per_article = evaluate(
            articles, gold, only or (), lambda name: progress.update(task, description=name), split=split
        )
    if fmt == "json":
        out = total.as_dict()
        out["articles"] = {a.name: a.score.as_dict()["micro"] for a in per_article}
        if errors:
            out["errors"] = [m.as_dict() for m in total.mismatches]
        print(json.dumps(out, indent=2))
        return
    if quiet:
        return
    if errors:
        _print_errors(total.mismatches)
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


_KIND_LABELS = {"fp": "found, not in gold", "fn": "in gold, not found", "attribute": "wrong value",
                "distractor": "from a teaser or boilerplate"}  # fmt: skip


def _print_errors(mismatches: list[Mismatch]) -> None:
    """Errors grouped by fact type, then kind: the fact, its article, and the sentence (escaped for rich)."""
    from rich.markup import escape

    from twingraph.evaluation.score import TYPES

    order = {t: i for i, t in enumerate(TYPES)}
    ranked = sorted(mismatches, key=lambda m: (order.get(m.type.split(".")[0], len(order)), m.type, m.kind))
    heading = None
    for m in ranked:
        if (m.type, m.kind) != heading:
            heading = (m.type, m.kind)
            console.print(f"\n[bold]{m.type}: {_KIND_LABELS[m.kind]}[/bold]")
        console.print(f"  {escape(m.fact)}  [dim]{escape(m.article)}[/dim]")
        if m.sentence:
            console.print(f"    [dim]« {escape(m.sentence)} »[/dim]", soft_wrap=True)
