"""Which part of the graph a page shows: one partnership, one city's partnerships, or everything."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import networkx as nx

from twingraph.errors import UserError
from twingraph.graph import city_network, partnership_facts, project, resolve_city
from twingraph.store.embedded import EmbeddedStore
from twingraph.viz.html import check_output_path, write_page
from twingraph.viz.layout import (
    country_outlines,
    default_coordinates_file,
    geographic_layout,
    grid_layout,
    read_coordinates,
)
from twingraph.viz.payload import Payload, fact_view, network_view

LARGE_GRAPH = 3000  # above this many nodes a page shows cities and partnerships only, at fixed positions
CONTEXT_RELATIONS = ("holds post in", "based in")


def with_context(graph: nx.MultiDiGraph, facts: Iterable[str], anchors: Iterable[str]) -> set[str]:
    """The facts, everything they link to, and the employers of the people among those."""
    chosen = set(facts) | set(anchors)
    for fact in list(chosen):
        chosen.update(graph.successors(fact))
    for node in list(chosen):
        if graph.nodes[node]["kind"] in ("person", "organization"):
            chosen.update(v for _, v, key in graph.out_edges(node, keys=True) if key in CONTEXT_RELATIONS)
    return chosen


def people_of(graph: nx.MultiDiGraph, cities: Iterable[str], facts: Iterable[str]) -> set[str]:
    """Persons and organizations of these cities that the facts' sources name (the mayor who received a
    delegation, a coordinator), with the organizations they hold posts in: a page about a partnership shows
    who acted in it, though no fact links them."""
    homes = set(cities)
    sources = {ref.graph for fact in facts for ref in graph.nodes[fact]["sources"]}
    found: set[str] = set()
    for node, data in graph.nodes(data=True):
        if data["kind"] not in ("person", "organization") or not any(r.graph in sources for r in data["sources"]):
            continue
        posts = {v for _, v, key in graph.out_edges(node, keys=True) if key in CONTEXT_RELATIONS}
        places = posts | {c for post in posts for _, c, key in graph.out_edges(post, keys=True) if key == "based in"}
        if places & homes:
            found |= {node} | posts
    return found


Selection = tuple[set[str], dict[str, tuple[str, ...]]]  # nodes to draw; unlinked facts -> their pair's cities


def _unlinked(graph: nx.MultiDiGraph, facts: Iterable[str], pair: tuple[str, str]) -> dict[str, tuple[str, ...]]:
    return {fact: pair for fact in facts if graph.out_degree(fact) == 0}


def partnership_nodes(graph: nx.MultiDiGraph, a: str, b: str) -> Selection:
    facts = partnership_facts(graph, a, b)
    return with_context(graph, facts, (a, b)) | people_of(graph, (a, b), facts), _unlinked(graph, facts, (a, b))


def focus_nodes(graph: nx.MultiDiGraph, city: str) -> Selection:
    """A city, its partner cities and every fact of those partnerships."""
    network = city_network(graph)
    facts: set[str] = set()
    about: dict[str, tuple[str, ...]] = {}
    for partner in network.neighbors(city):
        pair_facts = partnership_facts(graph, city, partner)
        facts.update(pair_facts)
        about.update(_unlinked(graph, pair_facts, (city, partner)))
    cities = (city, *network.neighbors(city))
    return with_context(graph, facts, cities) | people_of(graph, cities, facts), about


def add_map_features(payload: Payload) -> None:
    """What a world map needs beyond its cities and lines: country outlines, and every spelling the gazetteer
    knows of each city, so the page's search finds 'Житомир' or 'Schytomyr' on a table that says 'Zhytomyr'."""
    from twingraph.gazetteer import gazetteer

    payload.outlines = country_outlines()
    keys = [(str(n["label"]), str(n.get("country") or "")) for n in payload.nodes]
    spellings = gazetteer().spellings(keys)
    for node, key in zip(payload.nodes, keys, strict=True):
        node["names"] = spellings.get(key, [])
    if not any(node.get("date") for node in payload.nodes):
        payload.note += " The table gives no dates, so the time slider is off: every partnership is drawn."


def whole_graph_payload(graph: nx.MultiDiGraph, title: str, coordinates: Path | None = None) -> Payload:
    """Every fact when the graph is small; the city network on a map when it is large."""
    if graph.number_of_nodes() <= LARGE_GRAPH:
        return fact_view(graph, graph.nodes, title)
    network = city_network(graph)
    path = coordinates or default_coordinates_file()
    positions = geographic_layout(network, read_coordinates(path)) if path.is_file() else grid_layout(list(network))
    payload = network_view(graph, network, title, positions)
    payload.note = (
        f"{network.number_of_nodes():,} cities and {network.number_of_edges():,} partnerships, placed by their "
        "coordinates; zoom in for names. Visits, agreements and events: use --focus or --partnership."
    )
    add_map_features(payload)
    return payload


def write_store_html(
    store: EmbeddedStore,
    out_path: Path,
    *,
    focus: str | None = None,
    partnership: Sequence[str] | None = None,
    coordinates: Path | None = None,
) -> Path:
    """The page `twingraph viz` writes: a partnership, a city's partnerships, or the whole store."""
    check_output_path(out_path)  # before the work, not after it
    graph = project(store)
    if graph.number_of_nodes() == 0:
        raise UserError("the store holds no facts to draw; load some first (twingraph curate, twingraph demo)")
    if partnership:
        if len(partnership) != 2:
            raise UserError("--partnership takes two cities separated by a comma, e.g. Dortmund,Zhytomyr")
        a, b = (resolve_city(graph, name) for name in partnership)
        la, lb = graph.nodes[a]["label"], graph.nodes[b]["label"]
        nodes, about = partnership_nodes(graph, a, b)
        pins = {a: (-350.0, 0.0), b: (350.0, 0.0)}
        payload = fact_view(graph, nodes, f"The partnership of {la} and {lb}", about, pins)
        payload.note = (
            "Drag the red line on the time axis, move the slider or press Play to watch the partnership grow; facts "
            "no source dates are listed under Undated and drawn (dotted) at the end of the axis. Dashed outlines: "
            "planned; dashed lines: facts reported in an article about the pair that name no city themselves."
        )
    elif focus:
        city = resolve_city(graph, focus)
        label = graph.nodes[city]["label"]
        nodes, about = focus_nodes(graph, city)
        payload = fact_view(graph, nodes, f"{label} and its partner cities", about, {city: (0.0, 0.0)})
        payload.note = (
            "Every partnership of the city with its visits, agreements and events; dotted outlines: no source dates "
            "the fact (drawn at the end of the axis), dashed: planned."
        )
    else:
        payload = whole_graph_payload(graph, "Town-twinning graph", coordinates)
    return write_page(payload, out_path)


def write_partnership_html(
    store: EmbeddedStore, out_path: Path, cities: tuple[str, str] = ("Dortmund", "Zhytomyr")
) -> Path:
    """One partnership's history as an interactive, offline HTML page; returns the path written."""
    return write_store_html(store, out_path, partnership=cities)
