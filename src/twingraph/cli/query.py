"""`twingraph query`: run a library question or any .rq file against the store."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from pyoxigraph import Literal

from twingraph.cli.app import DEFAULT_STORE_PATH, StoreOption, app, console
from twingraph.errors import UserError
from twingraph.queries import library, load_query
from twingraph.results import FORMAT_NAMES, write_results
from twingraph.store import open_store


def parse_params(params: list[str]) -> dict[str, Literal]:
    """--param city=Dortmund -> {'city': "Dortmund"}, bound as a literal, never pasted into the query."""
    bound: dict[str, Literal] = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.strip().isidentifier():
            raise UserError(f"--param expects NAME=VALUE, got {item!r}")
        bound[name.strip()] = Literal(value)
    return bound


@app.command()
def query(
    name: Annotated[str | None, typer.Argument(help="Library query name (see --list) or a .rq file.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE, repeatable.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMAT_NAMES)}.")] = "table",
    list_queries: Annotated[bool, typer.Option("--list", help="List the query library and exit.")] = False,
    store: StoreOption = DEFAULT_STORE_PATH,
) -> None:
    """Answer an analyst's question in SPARQL; results as a table or W3C JSON/CSV/TSV."""
    if list_queries:
        for q in library():
            params = " ".join(f"--param {p}=..." for p, _ in q.params)
            console.print(f"[bold]{q.name}[/] {params}\n    {q.description}", highlight=False)
        return
    if not name:
        raise UserError("name a query (twingraph query --list shows the library) or a .rq file")
    chosen = load_query(name)
    bindings = parse_params(param or [])
    missing = [p for p, _ in chosen.params if p not in bindings]
    if missing:
        raise UserError(f"query '{chosen.name}' needs --param {missing[0]}=VALUE")
    unknown = sorted(set(bindings) - {p for p, _ in chosen.params})
    if unknown and chosen.params:
        raise UserError(f"query '{chosen.name}' has no parameter '{unknown[0]}'")
    target = open_store(store, must_exist=True)
    try:
        result = target.query(chosen.text, bindings)
    except SyntaxError as err:
        raise UserError(f"{chosen.path}: not valid SPARQL: {err}") from None
    except OSError as err:
        raise UserError(f"query '{chosen.name}' failed: {err}") from None
    write_results(result, fmt, sys.stdout.buffer, console)
    sys.stdout.flush()
