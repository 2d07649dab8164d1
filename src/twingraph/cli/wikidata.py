"""`twingraph wikidata-diff`: formal twinnings twingraph knows that a Wikidata-derived table lacks."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from twingraph.cli.app import DEFAULT_STORE_PATH, QuietOption, StoreOption, app, console, console_err, format_option
from twingraph.store import open_store

FORMATS = ("quickstatements", "json")


@app.command("wikidata-diff")
def wikidata_diff(
    pairs: Annotated[
        Path,
        typer.Option(
            "--pairs",
            help="CSV of known twinnings: columns qid_a, qid_b and/or city_a, country_a, city_b, country_b.",
        ),
    ],
    store: StoreOption = DEFAULT_STORE_PATH,
    fmt: str = format_option(*FORMATS),
    quiet: QuietOption = False,
) -> None:
    """Print QuickStatements (P190 with P580/P582 and reference URL) for twinnings missing from the table.

    Only formal twinnings (type twinning, status active or formalized) between cities with Wikidata QIDs count;
    each gives one line per direction, since P190 is recorded on both cities. Review before running them.
    """
    from twingraph.outputs.wikidata import (
        missing_statements,
        quickstatements_line,
        read_known_pairs,
        twinning_statements,
    )

    known = read_known_pairs(pairs)
    statements = twinning_statements(open_store(store, must_exist=True))
    missing = missing_statements(statements, known)
    if fmt == "json":
        console.print_json(json.dumps([asdict(st) for st in missing]))
    else:
        for st in missing:
            typer.echo(quickstatements_line(st))
    if not quiet:
        console_err.print(
            f"{len(statements)} twinning statements with QIDs; {len(missing)} missing from {pairs} "
            f"({len(known):,} pairs)"
        )
