"""`twingraph consolidate` and `twingraph remove`: the consolidated graph, rebuilt or checked; a source taken out."""

from __future__ import annotations

import time
from typing import Annotated

import typer

from twingraph.cli.app import DEFAULT_STORE_PATH, QuietOption, StoreOption, app, console
from twingraph.errors import UserError
from twingraph.store import open_store


@app.command()
def consolidate(
    check: Annotated[
        bool, typer.Option("--check", help="Only compare the stored graph with one rebuilt from scratch.")
    ] = False,
    store: StoreOption = DEFAULT_STORE_PATH,
    quiet: QuietOption = False,
) -> None:
    """Rebuild the consolidated graph (one node per partnership, visit, person, ...) from every source graph.

    Every write keeps it up to date already; rebuild after changing the fusion rules, or --check it.
    """
    from twingraph.store.consolidate import consolidated_triples, rebuild, rebuilt_quads

    target = open_store(store, must_exist=True)
    started = time.perf_counter()
    if check:
        stored, rebuilt = consolidated_triples(target), {q.triple for q in rebuilt_quads(target)}
        if stored != rebuilt:
            raise UserError(
                f"the consolidated graph differs from a rebuild: {len(stored - rebuilt)} triples too many, "
                f"{len(rebuilt - stored)} missing (run `twingraph consolidate` to rebuild it)"
            )
        if not quiet:
            console.print(f"consolidated graph is current: {len(stored):,} triples")
        return
    triples = rebuild(target)
    if not quiet:
        console.print(f"rebuilt the consolidated graph: {triples:,} triples in {time.perf_counter() - started:.1f} s")


@app.command()
def remove(
    sources: Annotated[list[str], typer.Argument(help="Sources: URL, source key or graph IRI (as `source` shows).")],
    store: StoreOption = DEFAULT_STORE_PATH,
    quiet: QuietOption = False,
) -> None:
    """Remove sources and their share of the consolidated graph, each in one transaction."""
    from twingraph.store.consolidate import write_source

    target = open_store(store, must_exist=True)
    graphs = {source: target.source_graphs(source) for source in sources}
    unknown = [source for source, found in graphs.items() if not found]
    if unknown:
        raise UserError(f"no source {unknown[0]!r} in the store; nothing removed")
    for source, found in graphs.items():
        for graph in found:
            write_source(target, graph, None)
        if not quiet:
            console.print(f"removed {source}")
