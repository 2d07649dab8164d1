"""`twingraph graph ...`: partners, paths, central cities, communities and timelines of the twin-town network."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from twingraph.cli.app import DEFAULT_STORE_PATH, QuietOption, StoreOption, app, console, console_err, format_option
from twingraph.store import open_store

if TYPE_CHECKING:
    import networkx as nx

graph_app = typer.Typer(
    help="The twin-town network as a graph: partners, paths, central cities, communities, timelines, export.",
    no_args_is_help=True,
)
app.add_typer(graph_app, name="graph")

OUTPUT_FORMATS = ("table", "json")


def _load(store: Path) -> nx.MultiDiGraph:
    from twingraph.graph import project

    return project(open_store(store, must_exist=True, read_only=True))


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@graph_app.command("partners")
def partners_command(
    city: Annotated[str, typer.Argument(help="City name, any spelling the store knows; 'Name, CC' to pick a country.")],
    hops: Annotated[int, typer.Option("--hops", "-n", min=1, help="Partners of partners up to N steps away.")] = 1,
    fmt: str = format_option(*OUTPUT_FORMATS),
    store: StoreOption = DEFAULT_STORE_PATH,
) -> None:
    """Partner cities of a city, directly or within N partnerships."""
    from twingraph.graph import city_network, partners, resolve_city

    graph = _load(store)
    found = partners(graph, city_network(graph), resolve_city(graph, city), hops=hops)
    if fmt == "json":
        _print_json([asdict(p) for p in found])
        return
    table = Table("city", "country", "hops", "via", "partnerships", header_style="bold")
    for p in found:
        table.add_row(p.label, p.country or "", str(p.hops), " → ".join(p.via), "; ".join(p.partnerships))
    console.print(table)
    console.print(f"{len(found)} partner cities", style="dim")


@graph_app.command("path")
def path_command(
    from_city: Annotated[str, typer.Argument(metavar="FROM", help="First city.")],
    to_city: Annotated[str, typer.Argument(metavar="TO", help="Second city.")],
    fmt: str = format_option(*OUTPUT_FORMATS),
    store: StoreOption = DEFAULT_STORE_PATH,
) -> None:
    """The shortest chain of partnerships from one city to another."""
    from twingraph.graph import city_network, resolve_city, shortest_path

    graph = _load(store)
    a, b = resolve_city(graph, from_city), resolve_city(graph, to_city)
    steps = shortest_path(graph, city_network(graph), a, b)
    if fmt == "json":
        _print_json(None if steps is None else [asdict(s) for s in steps])
        return
    if steps is None:
        console.print(f"no chain of partnerships links {from_city} and {to_city}")
        return
    table = Table("from", "to", "partnerships", header_style="bold")
    for step in steps:
        table.add_row(step.from_label, step.to_label, "; ".join(step.partnerships))
    console.print(table)
    console.print(f"{len(steps)} partnerships", style="dim")


@graph_app.command("central")
def central_command(
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many cities.")] = 10,
    fmt: str = format_option(*OUTPUT_FORMATS),
    store: StoreOption = DEFAULT_STORE_PATH,
) -> None:
    """The best-connected cities: most partners, then betweenness (estimated above 2,000 cities)."""
    from twingraph.graph import central, city_network

    ranked = central(city_network(_load(store)), top=top)
    if fmt == "json":
        _print_json([asdict(c) for c in ranked])
        return
    table = Table("city", "country", "partners", "betweenness", header_style="bold")
    for c in ranked:
        table.add_row(c.label, c.country or "", str(c.degree), f"{c.betweenness:.4f}")
    console.print(table)


@graph_app.command("communities")
def communities_command(
    top: Annotated[int | None, typer.Option("--top", "-n", min=1, help="Only the N largest.")] = None,
    fmt: str = format_option(*OUTPUT_FORMATS),
    store: StoreOption = DEFAULT_STORE_PATH,
) -> None:
    """Groups of cities more linked among themselves than to the rest (Louvain, fixed seed)."""
    from twingraph.graph import city_network, communities

    groups = communities(city_network(_load(store)), top=top)
    if fmt == "json":
        _print_json([asdict(g) for g in groups])
        return
    table = Table("#", "cities", "best connected", header_style="bold")
    for g in groups:
        more = f", … ({g.size - len(g.members)} more)" if g.size > len(g.members) else ""
        table.add_row(str(g.number), str(g.size), ", ".join(g.members) + more)
    console.print(table)


@graph_app.command("timeline")
def timeline_command(
    city: Annotated[str, typer.Argument(help="One city of the partnership.")],
    partner: Annotated[str, typer.Argument(help="The other city.")],
    fmt: str = format_option(*OUTPUT_FORMATS),
    store: StoreOption = DEFAULT_STORE_PATH,
) -> None:
    """The history of one partnership in date order: partnership dates, visits, agreements, aid, events."""
    from twingraph.graph import resolve_city, timeline

    graph = _load(store)
    entries = timeline(graph, resolve_city(graph, city), resolve_city(graph, partner))
    if fmt == "json":
        _print_json([asdict(e) for e in entries])
        return
    table = Table("date", "kind", "what", "sources", header_style="bold")
    for e in entries:
        sources = ", ".join(dict.fromkeys(s.title or s.url or s.graph for s in e.sources))
        table.add_row(e.date or "undated", e.kind.replace("_", " "), e.what, sources)
    console.print(table)
    dated = sum(1 for e in entries if e.date)
    console.print(f"{len(entries)} entries, {dated} dated", style="dim")


@graph_app.command("export")
def export_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
    # GRAPH_FILE_FORMATS written out: importing it would load NetworkX for every command (tested)
    fmt: str = format_option("graphml", "gexf"),
    store: StoreOption = DEFAULT_STORE_PATH,
    quiet: QuietOption = False,
) -> None:
    """Write the typed graph as GraphML or GEXF (for Gephi); sources travel as a JSON attribute."""
    from twingraph.graph.exchange import write_graph_file

    graph = _load(store)
    write_graph_file(graph, out, fmt)
    if not quiet:
        console_err.print(f"wrote {out} ({fmt}: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges)")
