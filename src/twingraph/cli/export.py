"""`twingraph export`: the graph as Turtle, TriG, N-Quads, N-Triples, JSON-LD or RDF/XML, or a Wikidata view."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from twingraph.cli.app import DEFAULT_STORE_PATH, QuietOption, StoreOption, app, console_err, format_option
from twingraph.outputs.export import VIEWS, export_store, export_to_file
from twingraph.rdf.formats import RDF_FORMATS
from twingraph.store import open_store


@app.command()
def export(
    fmt: str = format_option(*RDF_FORMATS),
    graph: Annotated[
        str | None,
        typer.Option(
            "--graph",
            help="Export only this named graph (its IRI, or the source's URL); `consolidated`: the consolidated "
            "graph alone, one node per partnership, visit, person, ... with its sources counted and linked.",
        ),
    ] = None,
    view: Annotated[
        str | None,
        typer.Option(
            "--view",
            help=f"Export a view instead of the graph: {', '.join(VIEWS)} (formal twinnings as P190 statements).",
        ),
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file; standard output if absent.")] = None,
    store: StoreOption = DEFAULT_STORE_PATH,
    quiet: QuietOption = False,
) -> None:
    """Export the graph for linked-data consumers (Turtle with readable prefixes by default).

    Without --graph: every source graph and the consolidated graph fused from them (TriG, N-Quads and JSON-LD
    keep one named graph each: full provenance; Turtle, N-Triples and RDF/XML give their union).
    """
    target = open_store(store, must_exist=True)
    if out is None:
        export_store(target, sys.stdout.buffer, fmt, graph, view)
        sys.stdout.buffer.flush()
        return
    status = console_err.status if not quiet and console_err.is_terminal else None
    with status(f"writing {out}") if status else nullcontext():
        export_to_file(target, out, fmt, graph, view)
    if not quiet:
        console_err.print(f"wrote {out} ({fmt}, {out.stat().st_size:,} bytes)")
