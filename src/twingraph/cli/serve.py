"""`twingraph serve`: the store as a SPARQL 1.1 Protocol endpoint, read-only unless asked otherwise."""

from __future__ import annotations

import signal
from typing import Annotated

import typer

from twingraph.cli.app import DEFAULT_STORE_PATH, QuietOption, StoreOption, app, console
from twingraph.query.library import load_query


@app.command()
def serve(
    store: StoreOption = DEFAULT_STORE_PATH,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 7878,
    writable: Annotated[bool, typer.Option("--writable", help="Accept SPARQL updates (locks the store).")] = False,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds a query may run.")] = 30,
    limit: Annotated[int, typer.Option("--limit", help="Most rows (or triples) one answer holds.")] = 10_000,
    quiet: QuietOption = False,
) -> None:
    """Serve the store at http://HOST:PORT/sparql (GET and POST, W3C result formats, a query page at /), its
    entities at /id/... (Turtle, JSON-LD, N-Triples, RDF/XML, HTML) and its VoID at /.well-known/void."""
    from twingraph.outputs.serve import EndpointRules, make_server, oxigraph_server

    signal.signal(signal.SIGTERM, _stop)  # a plain kill also stops the query engine behind the proxy
    rules = EndpointRules(writable=writable, timeout=timeout, limit=max(1, limit))
    with oxigraph_server(store, rules) as engine:
        server = make_server(host, port, engine, rules, load_query("partnerships").text)
        if not quiet:
            mode = "read-write" if writable else "read-only"
            console.print(
                f"SPARQL endpoint at http://{host}:{server.server_port}/sparql ({mode}, "
                f"timeout {timeout:g} s, at most {rules.limit} rows); Ctrl-C stops it",
                highlight=False,
            )
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()


def _stop(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt
