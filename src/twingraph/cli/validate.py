"""`twingraph validate`: check the stored graph against the SHACL shapes."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer
from rich.table import Table

from twingraph.cli.app import DEFAULT_STORE_PATH, StoreOption, app, console
from twingraph.rdf.validation import validate_store
from twingraph.store import open_store


@app.command()
def validate(
    store: StoreOption = DEFAULT_STORE_PATH,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Validate the graph with the SHACL shapes in ontology/shapes.ttl; exit 1 when it does not conform."""
    target = open_store(store, must_exist=True)
    violations = validate_store(target)
    errors = [v for v in violations if v.severity == "Violation"]
    if fmt == "json":
        console.print_json(json.dumps({"conforms": not errors, "results": [asdict(v) for v in violations]}))
    elif not violations:
        console.print(f"[green]conforms[/]: {len(target):,} triples in {len(target.graphs())} graphs")
    else:
        table = Table("severity", "node", "property", "shape", "message", header_style="bold")
        for v in violations:
            table.add_row(v.severity, v.focus, v.path or "", v.shape.rsplit("#", 1)[-1], v.message)
        console.print(table)
        verdict = "[red]does not conform[/]" if errors else "[green]conforms[/] (with warnings)"
        console.print(f"{verdict}: {len(errors)} violations, {len(violations) - len(errors)} warnings")
    if errors:
        raise typer.Exit(1)
