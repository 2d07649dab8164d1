"""`twingraph curate`: load hand-written facts (YAML) into graphs of their own."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from twingraph.cli.app import DEFAULT_STORE_PATH, QuietOption, StoreOption, app, console, console_err
from twingraph.errors import UserError
from twingraph.store import open_store


@app.command()
def curate(
    files: Annotated[list[Path], typer.Argument(help="Curated YAML files (or folders of them).")],
    store: StoreOption = DEFAULT_STORE_PATH,
    quiet: QuietOption = False,
) -> None:
    """Load curated facts (YAML in the gold format) as their own named graphs, marked as curated."""
    from twingraph.ingest.load import store_facts
    from twingraph.inputs.curated import load_curated

    paths: list[Path] = []
    for f in files:
        paths.extend(sorted(f.glob("*.yaml")) + sorted(f.glob("*.yml")) if f.is_dir() else [f])
    if not paths:
        raise UserError("no curated YAML files given")
    target = open_store(store)
    failed = 0
    for path in paths:
        try:
            facts = load_curated(path)
        except UserError as err:
            console_err.print(f"[red]skipped[/] {err}", highlight=False)
            failed += 1
            continue
        triples = store_facts(target, facts)
        if not quiet:
            console.print(f"curated {path}: {facts.count()} facts, {triples} triples")
    if failed:
        raise UserError(f"{failed} of {len(paths)} curated files failed; the others are stored")
