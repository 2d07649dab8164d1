"""`twingraph demo`: the main job end to end on the bundled sample articles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from twingraph.cli.app import DEFAULT_STORE_PATH, StoreOption, app, console
from twingraph.errors import UserError
from twingraph.query.library import load_query
from twingraph.resources import data_dir
from twingraph.store import open_store


@app.command()
def demo(
    out: Annotated[Path, typer.Option("--out", help="Folder for the Turtle export and the HTML graphs.")] = Path("out"),
    store: StoreOption = DEFAULT_STORE_PATH,
) -> None:
    """Sample articles -> store, with their cities' twin towns from the world table; Turtle and HTML out:
    the Dortmund–Zhytomyr partnership over time, and Dortmund with all its partner cities."""
    from twingraph.ingest.run import ingest
    from twingraph.inputs.pairs import around_cities, read_pairs, store_table
    from twingraph.outputs.export import export_to_file
    from twingraph.query.results import term_text
    from twingraph.rdf.iris import article_iri
    from twingraph.rdf.vocab import PARTNERSHIP, RDF_TYPE
    from twingraph.viz import write_partnership_html, write_store_html

    target = open_store(store)
    report = ingest([data_dir() / "articles"], target)
    if report.problems:
        raise UserError(f"sample article failed: {report.problems[0]}")
    console.print(f"ingested {len(report.articles)} sample articles: {report.facts} facts, {report.triples} triples")

    # the cities the sample articles pair, not every partnership in the store: a second run must not widen the
    # table part by the partners the first run added
    articles = [article_iri(a.key) for a in report.articles]
    rows = target.query(load_query("partnerships").text, sources=articles)
    partners = {term_text(row[side]) for row in rows for side in ("cityA", "cityB")}  # type: ignore[union-attr]
    table = around_cities(read_pairs(data_dir() / "twin-towns" / "pairs.csv"), partners)
    # the part shares the table's graph: where `load-pairs` stored the whole table, the demo keeps it whole
    stored = target.count_in(article_iri(table.key), RDF_TYPE, PARTNERSHIP)
    if stored > len(table.facts.partnerships):
        console.print(f"twin-town table: the whole table is in the store ({stored:,} partnerships); kept")
    else:
        triples = store_table(target, table)
        console.print(
            f"twin-town table: {len(table.facts.partnerships)} partnerships of {', '.join(sorted(partners))}, "
            f"{triples} triples"
        )

    turtle = out / "twingraph.ttl"
    export_to_file(target, turtle, "turtle")
    console.print(f"wrote {turtle}: {len(target):,} triples in {len(target.graphs())} graphs")
    html = write_partnership_html(target, out / "partnership.html", ("Dortmund", "Zhytomyr"))
    console.print(f"wrote {html}: the Dortmund–Zhytomyr partnership over time (open it in a browser)")
    network = write_store_html(target, out / "dortmund.html", focus="Dortmund")
    console.print(f"wrote {network}: Dortmund and its partner cities, Zhytomyr beside its twin towns")
