"""Benchmark: the world twin-town network (data/twin-towns/pairs.csv, > 20,000 cities) from store to HTML to
first render in headless Chromium.

    .venv/bin/python bench/bench_viz.py [--keep DIR]

Prints the time to load the table, project the store into NetworkX, lay it out, write the HTML, the HTML's
size, and the time to first render (goal: <= 3 s), with the page's own performance marks. The table is loaded
with `twingraph.inputs.pairs` when present; otherwise it becomes one FactSet here (one City per name and country,
one twinning Partnership per row).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tempfile
import time
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, serialize

from twingraph.facts import Article, City, DateValue, FactSet, Partnership
from twingraph.gazetteer.countries import Countries
from twingraph.graph import city_network, project
from twingraph.rdf.iris import article_iri
from twingraph.rdf.mapping import facts_to_quads
from twingraph.resources import data_dir
from twingraph.store import open_store
from twingraph.viz.html import write_page
from twingraph.viz.layout import default_coordinates_file, geographic_layout, read_coordinates
from twingraph.viz.payload import network_view
from twingraph.viz.views import add_map_features

TESTS = Path(__file__).resolve().parents[1] / "tests"  # chromium_support.py: the suite's headless Chromium


def table_facts(path: Path) -> FactSet:
    countries = Countries(data_dir() / "gazetteer" / "countries.tsv")
    cities: dict[tuple[str, str], City] = {}
    partnerships = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            pair = []
            for side in ("a", "b"):
                name, country = row[f"city_{side}"].strip(), row[f"country_{side}"].strip()
                code = countries.code(country) or country
                cities.setdefault((name, code), City(name=name, country=code, wikidata=row[f"qid_{side}"] or None))
                pair.append(name)
            if pair[0] == pair[1]:
                continue
            since = row["since"].strip()
            partnerships.append(
                Partnership(
                    cities=tuple(pair),
                    type="twinning",
                    since=DateValue.parse(since) if since[:4].isdigit() and len(since) in (4, 7, 10) else None,
                )
            )
    article = Article(key=f"table:{path.name}", text="", url=None, title=f"Twin-town table {path.name}")
    return FactSet(
        article=article,
        origin="table",
        extractor="bench",
        cities=tuple(cities.values()),
        partnerships=tuple(partnerships),
    )


def first_render(html: Path) -> tuple[float, float, int, list[str], list[str]]:
    """(ms to first drawing after navigation start, wall seconds, cities drawn, console errors, requests)."""
    sys.path.insert(0, str(TESTS))
    from chromium_support import block_network, headless_chromium

    errors: list[str] = []
    with headless_chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        requests = block_network(page)
        started = time.perf_counter()
        page.goto(html.resolve().as_uri(), timeout=120_000)
        while not page.evaluate("!!window.__tgFirstRender"):
            time.sleep(0.02)
        wall = time.perf_counter() - started
        ms = page.evaluate("window.__tgFirstRender")
        marks = page.evaluate(
            "performance.getEntriesByType('mark').map(function (m) { return m.name + ' ' + Math.round(m.startTime); })"
        )
        print("page marks (ms after navigation start): " + ", ".join(marks))
        count = page.evaluate("window.__tg.mapLines.cities")
        page.screenshot(path=str(html.with_suffix(".png")))
    return ms, wall, count, errors, requests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=data_dir() / "twin-towns" / "pairs.csv")
    parser.add_argument("--keep", type=Path, help="Folder to keep the store and HTML in (default: a temp folder).")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-viz-"))
    folder.mkdir(parents=True, exist_ok=True)

    t = time.perf_counter()
    store = open_store(folder / "store")
    try:  # the project's table loader (twingraph load-pairs), when this checkout has it
        from twingraph.inputs.pairs import read_pairs, store_table

        table = read_pairs(args.pairs)
        store_table(store, table)
        cities, partnerships, how = len(table.facts.cities), len(table.facts.partnerships), "twingraph.inputs.pairs"
    except ImportError:
        facts = table_facts(args.pairs)
        quads: list[Quad] = facts_to_quads(facts)
        buffer = io.BytesIO()
        serialize(quads, buffer, format=RdfFormat.N_QUADS)
        graph_iri = article_iri(facts.article.key)
        store.remove_graph(graph_iri)
        store.bulk_load(buffer.getvalue(), graph_iri)
        cities, partnerships, how = len(facts.cities), len(facts.partnerships), "bench FactSet"
    store.flush()
    print(
        f"table -> store ({how}): {cities:,} cities, {partnerships:,} partnerships, "
        f"{len(store):,} quads in {time.perf_counter() - t:.1f} s"
    )

    t = time.perf_counter()
    graph = project(store)
    network = city_network(graph)
    print(
        f"projection (SPARQL -> NetworkX): {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges; "
        f"city network {network.number_of_nodes():,} cities, {network.number_of_edges():,} links "
        f"in {time.perf_counter() - t:.1f} s"
    )

    t = time.perf_counter()
    positions = geographic_layout(network, read_coordinates(default_coordinates_file()))
    layout_s = time.perf_counter() - t
    t = time.perf_counter()
    payload = network_view(graph, network, "World twin-town network", positions)
    add_map_features(payload)  # outlines and spellings, as `twingraph viz` draws the world
    html = write_page(payload, folder / "world.html")
    print(
        f"layout (coordinates): {layout_s:.1f} s; payload + HTML: {time.perf_counter() - t:.1f} s; "
        f"HTML size {html.stat().st_size / 1e6:.1f} MB"
    )

    ms, wall, count, errors, requests = first_render(html)
    print(
        f"first render in headless Chromium: {ms / 1000:.2f} s after navigation start "
        f"({wall:.2f} s wall from goto); {count:,} cities drawn; "
        f"console errors: {len(errors)}; blocked requests: {len(requests)}"
    )
    print(f"files in {folder}")
    return 0 if ms <= 3000 and not errors and not requests else 1


if __name__ == "__main__":
    sys.exit(main())
