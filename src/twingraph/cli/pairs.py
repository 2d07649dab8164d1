"""`twingraph load-pairs`: a world twin-town table (CSV) -> one named graph of its own."""

from __future__ import annotations

import json
import sys
import time
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from twingraph.cli.app import DEFAULT_STORE_PATH, QuietOption, StoreOption, app, console, console_err, format_option
from twingraph.errors import UserError
from twingraph.rdf.iris import article_iri
from twingraph.store import open_store

if TYPE_CHECKING:
    from twingraph.inputs.pairs import PairTable, RowProblem

FORMATS = ("text", "json")
SHOWN = 20  # problems and notes listed one per line before "... and N more"


def _list(path: Path, kind: str, items: tuple[RowProblem, ...], limit: int | None = SHOWN) -> None:
    for item in items[:limit]:
        console_err.print(f"{path}:{item.line}: {kind}: {item.message}", highlight=False, markup=False)
    if limit is not None and len(items) > limit:
        console_err.print(f"... and {len(items) - limit} more {kind}s (--format json lists them all)", highlight=False)


def _summary(table: PairTable, triples: int, seconds: float) -> dict[str, object]:
    return {
        "file": str(table.path),
        "key": table.key,
        "graph": article_iri(table.key).value,
        "rows": table.rows,
        "partnerships": len(table.facts.partnerships),
        "cities": len(table.facts.cities),
        "merged": [{"line": m.line, "message": m.message} for m in table.merged],
        "skipped": [{"line": p.line, "message": p.message} for p in table.problems],
        "notes": [{"line": n.line, "message": n.message} for n in table.notes],
        "one_place": [{"line": n.line, "message": n.message} for n in table.one_place],
        "triples": triples,
        "seconds": round(seconds, 2),
    }


@app.command("load-pairs")
def load_pairs_command(
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV: city_a,country_a,city_b,country_b[,since,until,qid_a,qid_b,source]; or a Wikidata Query "
            "Service download (CSV or JSON) of ?city ?cityLabel ?countryLabel ?twin ?twinLabel ?twinCountryLabel "
            "?start ?end (P190 with its P580/P582 qualifiers)."
        ),
    ],
    store: StoreOption = DEFAULT_STORE_PATH,
    skip_bad_rows: Annotated[
        bool,
        typer.Option("--skip-bad-rows", help="Load the good rows and report the bad ones (default: load nothing)."),
    ] = False,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            help="YAML: file name -> url, title, publisher, published (default: a sources.yaml beside the table).",
        ),
    ] = None,
    quiet: QuietOption = False,
    fmt: str = format_option(*FORMATS, help="The summary, for people or for machines."),
) -> None:
    """Load a twin-town table as one graph of its own (re-loading the same file replaces it).

    Every row is checked first: cities resolve through the gazetteer (so they are the cities articles
    name), countries must be known, self pairs are errors (two names of one place: skipped and listed);
    A-B and B-A rows are one partnership. With bad rows nothing is loaded unless --skip-bad-rows.
    Where the table is published (its url becomes the source of every fact) comes from sources.yaml.
    Exit status: 0 loaded, 2 bad input (nothing stored).
    """
    from twingraph.inputs.articles.sources import load_sources
    from twingraph.inputs.pairs import read_pairs, store_table

    started = time.perf_counter()
    show = not quiet and fmt == "text"
    status = console_err.status if show and console_err.is_terminal else None
    with status(f"checking {file}") if status else nullcontext():
        table = read_pairs(file, sources=load_sources(sources) if sources is not None else None)
    if table.problems:
        _list(file, "error", table.problems, None if fmt == "json" else SHOWN)
        if not skip_bad_rows:
            raise UserError(
                f"{len(table.problems)} bad row{'s' if len(table.problems) != 1 else ''} in {file}; nothing loaded "
                "(fix them, or pass --skip-bad-rows to load the other rows)"
            )
    if not table.facts.partnerships:
        raise UserError(f"{file}: no valid rows; nothing loaded")
    target = open_store(store)
    with status(f"writing {len(table.facts.partnerships):,} partnerships") if status else nullcontext():
        triples = store_table(target, table)
    seconds = time.perf_counter() - started
    if fmt == "json":
        sys.stdout.write(json.dumps(_summary(table, triples, seconds), ensure_ascii=False, indent=2) + "\n")
        return
    if quiet:
        return
    _list(file, "skipped", table.one_place)
    extras = [f"{len(table.merged):,} repeated pairs merged"] if table.merged else []
    if table.problems:
        extras.append(f"{len(table.problems):,} bad rows skipped")
    if table.one_place:
        count = len(table.one_place)
        extras.append(f"{count:,} row{'s' if count != 1 else ''} naming one place twice skipped")
    if table.notes:
        extras.append(f"{len(table.notes):,} names shared by several places of a country (took the most populous)")
    console.print(
        f"loaded {file.name}: {table.rows:,} rows -> {len(table.facts.partnerships):,} partnerships between "
        f"{len(table.facts.cities):,} cities{'; ' if extras else ''}{'; '.join(extras)}; "
        f"{triples:,} triples in graph <{article_iri(table.key).value}> ({seconds:.1f} s)",
        highlight=False,
        markup=False,
    )
