"""`twingraph stats`: what the store holds, by source and by kind of fact."""

from __future__ import annotations

import json

from rich.table import Table

from twingraph.cli.app import DEFAULT_STORE_PATH, StoreOption, app, console, format_option
from twingraph.query.library import load_query
from twingraph.query.results import term_text
from twingraph.store import open_store


@app.command()
def stats(
    store: StoreOption = DEFAULT_STORE_PATH,
    fmt: str = format_option("table", "json"),
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
