"""`twingraph query`: run a library question or any .rq file against the store or a SPARQL endpoint."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer
from pyoxigraph import Literal, NamedNode

from twingraph.cli.app import DEFAULT_STORE_PATH, StoreOption, app, console, format_option
from twingraph.errors import UserError
from twingraph.query.library import LibraryQuery, check_syntax, library, load_query
from twingraph.query.results import FORMAT_NAMES, write_results
from twingraph.store import open_store

if TYPE_CHECKING:
    from twingraph.store.remote import Credentials, RemoteResult, RemoteStore

EndpointOption = Annotated[
    str | None,
    typer.Option(
        "--endpoint", "-e", envvar="TWINGRAPH_ENDPOINT", help="Query this SPARQL endpoint instead of the store."
    ),
]
UserOption = Annotated[str | None, typer.Option("--user", help="User name for the endpoint (digest auth).")]
PasswordOption = Annotated[
    str | None,
    typer.Option("--password", envvar="TWINGRAPH_ENDPOINT_PASSWORD", help="Password for the endpoint."),
]
TimeoutOption = Annotated[float, typer.Option("--timeout", help="Seconds to wait for the endpoint.")]


def parse_params(params: list[str]) -> dict[str, str]:
    """--param city=Dortmund -> {'city': 'Dortmund'}; values become bound literals, never query text."""
    given: dict[str, str] = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.strip().isidentifier():
            raise UserError(f"--param expects NAME=VALUE, got {item!r}")
        given[name.strip()] = value
    return given


def credentials(user: str | None, password: str | None) -> Credentials | None:
    if user is None:
        return None
    from twingraph.store.remote import Credentials

    return Credentials(user, password or "")


def _list_library(fmt: str) -> None:
    queries = library()
    if fmt == "json":
        listing = [
            {
                "name": q.name,
                "description": q.description,
                "params": [{"name": p.name, "meaning": p.meaning, "optional": p.optional} for p in q.params],
                "columns": q.columns,
            }
            for q in queries
        ]
        console.print_json(json.dumps(listing))
        return
    for q in queries:
        params = " ".join(f"[--param {p.name}=...]" if p.optional else f"--param {p.name}=..." for p in q.params)
        console.print(f"[bold]{q.name}[/] {params}\n    {q.description}", highlight=False)


def _source_graphs(given: list[str], find: Callable[[str], list[NamedNode]], where: str) -> list[NamedNode]:
    """The graphs of every source named with --source; one that has none is an error, not an empty answer."""
    graphs: list[NamedNode] = []
    for source in given:
        found = find(source)
        if not found:
            raise UserError(f"no source '{source}' in {where} (the source column of a query shows the sources there)")
        graphs.extend(found)
    return graphs


def _remote_source_graphs(remote: RemoteStore, given: list[str]) -> list[NamedNode]:
    """Find each source's graphs on the endpoint with the `source-graph` library query."""
    finder = load_query("source-graph")

    def find(source: str) -> list[NamedNode]:
        rows = remote.query(finder.text, finder.bind({"source": source}))
        return [row["graph"] for row in rows if isinstance(row["graph"], NamedNode)]  # type: ignore[union-attr]

    return _source_graphs(given, find, remote.endpoint)


def _run_embedded(
    chosen: LibraryQuery, bindings: dict[str, Literal], store: StoreOption, given_sources: list[str]
) -> object:
    target = open_store(store, must_exist=True, read_only=False)
    sources = _source_graphs(given_sources, target.source_graphs, f"store {target.path}")
    try:
        return target.query(chosen.text, bindings, sources=sources)
    except (RuntimeError, OSError) as err:
        raise UserError(f"query '{chosen.name}' failed: {err}") from None


@app.command()
def query(
    name: Annotated[str | None, typer.Argument(help="Library query name (see --list) or a .rq file.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE, repeatable.")] = None,
    fmt: str = format_option(*FORMAT_NAMES),
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source",
            "-s",
            help="Answer from this source only (its URL, key or graph IRI, as the source column shows it); repeatable.",
        ),
    ] = None,
    list_queries: Annotated[bool, typer.Option("--list", help="List the query library and exit.")] = False,
    store: StoreOption = DEFAULT_STORE_PATH,
    endpoint: EndpointOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    timeout: TimeoutOption = 60,
) -> None:
    """Answer an analyst's question in SPARQL; results as a table or W3C JSON/CSV/TSV."""
    if list_queries:
        _list_library(fmt)
        return
    if not name:
        raise UserError("name a query (twingraph query --list shows the library) or a .rq file")
    chosen = load_query(name)
    bindings = chosen.bind(parse_params(param or []))
    check_syntax(chosen)
    result: object
    if endpoint:
        from twingraph.store.remote import RemoteStore

        remote = RemoteStore(endpoint, credentials=credentials(user, password), timeout=timeout)
        remote_result: RemoteResult = remote.query(
            chosen.text, bindings, sources=_remote_source_graphs(remote, source or [])
        )
        result = remote_result
    else:
        result = _run_embedded(chosen, bindings, store, source or [])
    try:
        write_results(result, fmt, sys.stdout.buffer, console, hide={p.name for p in chosen.params})  # type: ignore[arg-type]
    except (OSError, RuntimeError, SyntaxError) as err:
        raise UserError(f"query '{chosen.name}' failed: {str(err).splitlines()[0] if str(err) else err}") from None
    sys.stdout.flush()
