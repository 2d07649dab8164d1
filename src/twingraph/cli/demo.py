"""`twingraph demo`: the main job end to end on the bundled sample articles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from twingraph.cli.app import DEFAULT_STORE_PATH, StoreOption, app, console
from twingraph.curated import load_curated
from twingraph.export import export_to_file
from twingraph.load import store_facts
from twingraph.resources import data_dir
from twingraph.store import open_store


@app.command()
def demo(
    out: Annotated[Path, typer.Option("--out", help="Folder for the Turtle export.")] = Path("out"),
    store: StoreOption = DEFAULT_STORE_PATH,
) -> None:
    """Load the Dortmund–Zhytomyr sample facts into the store and write out/twingraph.ttl."""
    target = open_store(store)
    for path in sorted((data_dir() / "gold").glob("seed_*.yaml")):
        facts = load_curated(path)
        console.print(f"curated {path.name}: {facts.count()} facts, {store_facts(target, facts)} triples")
    turtle = out / "twingraph.ttl"
    export_to_file(target, turtle, "turtle")
    console.print(f"wrote {turtle}: {len(target):,} triples in {len(target.graphs())} graphs")
