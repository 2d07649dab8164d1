"""`twingraph viz`: the graph as one interactive HTML page that works offline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from twingraph.cli.app import DEFAULT_STORE_PATH, QuietOption, StoreOption, app, console_err
from twingraph.store import open_store


@app.command()
def viz(
    focus: Annotated[str | None, typer.Option("--focus", help="Draw one city's partnerships, e.g. Dortmund.")] = None,
    partnership: Annotated[
        str | None, typer.Option("--partnership", help="Draw one partnership: two cities, e.g. Dortmund,Zhytomyr.")
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path("twingraph.html"),
    coordinates: Annotated[
        Path | None,
        typer.Option("--coordinates", help="CSV city,country,lat,lon for large maps (default: the twin-town table)."),
    ] = None,
    store: StoreOption = DEFAULT_STORE_PATH,
    quiet: QuietOption = False,
) -> None:
    """Write an interactive page that works offline: graph and time axis, filters, search in any spelling,
    sources of every fact, the view in the address, PNG/SVG/CSV export and a printable chronology; the whole
    store on a world map."""
    from twingraph.viz import write_store_html
    from twingraph.viz.html import check_output_path

    check_output_path(out)  # a missing folder is said at once, not after the projection
    cities = [c.strip() for c in partnership.split(",")] if partnership else None
    target = open_store(store, must_exist=True, read_only=True)
    written = write_store_html(target, out, focus=focus, partnership=cities, coordinates=coordinates)
    if not quiet:
        console_err.print(f"wrote {written} ({written.stat().st_size:,} bytes); open it in any browser")
