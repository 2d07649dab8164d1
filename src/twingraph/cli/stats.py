"""`twingraph stats`: what the store holds, by source and by kind of fact."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from twingraph.cli.app import DEFAULT_STORE_PATH, StoreOption, app, console
from twingraph.queries import load_query
from twingraph.results import term_text
from twingraph.store import open_store


@app.command()
def stats(
    store: StoreOption = DEFAULT_STORE_PATH,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Count sources, triples and facts by type."""
    target = open_store(store, must_exist=True)
    counts = {
        term_text(row["kind"]): int(term_text(row["count"]))
        for row in target.query(load_query("stats").text)  # type: ignore[union-attr]
    }
    summary = {"store": str(target.path), "triples": len(target), "graphs": len(target.graphs()), **counts}
    if fmt == "json":
        console.print_json(json.dumps(summary))
        return
    table = Table("what", "count", header_style="bold")
    for key, value in summary.items():
        table.add_row(key, str(value))
    console.print(table)
