"""`twingraph push`: copy the store's named graphs to a remote SPARQL store."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from twingraph.cli.app import DEFAULT_STORE_PATH, QuietOption, StoreOption, app, console, format_option
from twingraph.cli.query import PasswordOption, TimeoutOption, UserOption, credentials
from twingraph.errors import UserError
from twingraph.store import open_store


@app.command()
def push(
    endpoint: Annotated[
        str | None,
        typer.Option("--endpoint", "-e", help="SPARQL Update endpoint (Oxigraph: .../update, Virtuoso: .../sparql)."),
    ] = None,
    graph_store: Annotated[
        str | None,
        typer.Option("--graph-store", help="Graph Store Protocol URL instead (Oxigraph: .../store)."),
    ] = None,
    store: StoreOption = DEFAULT_STORE_PATH,
    user: UserOption = None,
    password: PasswordOption = None,
    # push.DEFAULT_CHUNK written out: importing it would load urllib and SPARQLWrapper for every command (tested)
    chunk: Annotated[int, typer.Option("--chunk", help="Triples per INSERT DATA request.")] = 2000,
    timeout: TimeoutOption = 120,
    fmt: str = format_option("table", "json"),
    quiet: QuietOption = False,
) -> None:
    """Write every source graph to a remote store, keeping graph names; pushing again replaces them."""
    from rich.progress import Progress

    from twingraph.outputs.push import GraphStoreTarget, GraphTarget, UpdateTarget, push_store
    from twingraph.store.remote import RemoteStore

    if not endpoint and not graph_store:
        raise UserError("say where to push: --endpoint URL (SPARQL Update) or --graph-store URL")
    auth = credentials(user, password)
    target: GraphTarget
    if graph_store:
        target = GraphStoreTarget(graph_store, auth, timeout=timeout)
    else:
        assert endpoint is not None
        target = UpdateTarget(RemoteStore(endpoint, credentials=auth, timeout=timeout), chunk=chunk)
    source = open_store(store, must_exist=True, read_only=True)
    where = graph_store or endpoint
    with Progress(console=console, transient=True, disable=quiet or not console.is_terminal) as progress:
        task = progress.add_task(f"pushing to {where}", total=len(source.graphs()))
        report = push_store(source, target, on_graph=lambda _graph, _count: progress.advance(task))
    if fmt == "json":
        console.print_json(json.dumps({"target": where, "graphs": report.graphs, "triples": report.triples}))
    elif not quiet:
        console.print(f"pushed {report.graphs} graphs, {report.triples} triples to {where}", highlight=False)
