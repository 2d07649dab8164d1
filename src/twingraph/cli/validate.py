"""`twingraph validate`: check every source graph in the store against the SHACL shapes."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from twingraph.cli.app import DEFAULT_STORE_PATH, QuietOption, StoreOption, app, console, console_err, format_option
from twingraph.rdf.vocab import PREFIXES
from twingraph.store import open_store

if TYPE_CHECKING:
    from twingraph.store.validation import ValidationReport, Violation

FORMATS = ("table", "json")


def _short(iri: str) -> str:
    """Prefixed name for display: tgid:city/de/dortmund rather than the full IRI."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    if iri.startswith("https://w3id.org/twingraph/shapes#"):
        return "tgs:" + iri.rsplit("#", 1)[1]
    return iri


def _table(report: ValidationReport) -> Table:
    table = Table("severity", "source", "node", "property", "shape", "message", header_style="bold", expand=False)
    for v in report.results:
        table.add_row(v.severity, _short(v.graph), _short(v.focus), _short(v.path or ""), _short(v.shape), _message(v))
    return table


def _message(v: Violation) -> str:
    return f"{v.message} (value: {v.value})" if v.value and v.value != v.focus else v.message


@app.command()
def validate(
    store: StoreOption = DEFAULT_STORE_PATH,
    fmt: str = format_option(*FORMATS),
    graph: Annotated[
        str | None, typer.Option("--graph", help="Validate only this source graph (its IRI, or the source's URL).")
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Validate each source graph with the SHACL shapes in ontology/shapes.ttl; exit 1 when one does not conform."""
    from rich.progress import Progress

    from twingraph.outputs.export import resolve_graph
    from twingraph.store.validation import validate_store

    target = open_store(store, must_exist=True)
    only = resolve_graph(target, graph) if graph is not None else None
    with Progress(console=console_err, transient=True, disable=quiet or fmt == "json") as progress:
        task = progress.add_task("validating graphs", total=None)
        report = validate_store(
            target, lambda done, total: progress.update(task, completed=done, total=total), only=only
        )
    if fmt == "json":
        payload = {
            "conforms": report.conforms,
            "graphs": report.graphs,
            "triples": report.triples,
            "violations": len(report.violations),
            "results": [asdict(v) for v in report.results],
        }
        console.print_json(json.dumps(payload))
    else:
        if report.results:
            console.print(_table(report))
        verdict = "[green]conforms[/]" if report.conforms else "[red]does not conform[/]"
        warnings = len(report.results) - len(report.violations)
        console.print(
            f"{verdict}: {report.triples:,} triples in {report.graphs} graphs; "
            f"{len(report.violations)} violations, {warnings} warnings"
        )
    if not report.conforms:
        raise typer.Exit(1)
