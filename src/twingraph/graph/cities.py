"""Finding a city node by name: any spelling the store knows (label or mention), any case."""

from __future__ import annotations

import networkx as nx

from twingraph.errors import UserError


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def city_names(graph: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Every known spelling (case-folded) -> the city nodes that go by it."""
    index: dict[str, set[str]] = {}
    for node, data in graph.nodes(data=True):
        if data["kind"] != "city":
            continue
        for name in (data["label"], *data.get("names", ())):
            index.setdefault(_key(name), set()).add(node)
    return index


def resolve_city(graph: nx.MultiDiGraph, name: str, index: dict[str, set[str]] | None = None) -> str:
    """The node of the city called `name` ('Schytomyr', 'zhytomyr', or 'Paris, FR' to pick a country).

    Raises UserError for an unknown name, or a name that fits cities in several countries.
    """
    index = index if index is not None else city_names(graph)
    wanted, _, country = name.rpartition(",") if "," in name else (name, "", "")
    matches = index.get(_key(wanted), set())
    if country.strip():
        matches = {m for m in matches if (graph.nodes[m].get("country") or "").casefold() == _key(country)}
    if not matches:
        matches = _by_gazetteer(graph, index, wanted, country.strip() or None)
    if not matches:
        raise UserError(f"unknown city '{name}': no label or mention in the store matches it")
    if len(matches) > 1:
        # the same city minted without a country ('xx') by a source that did not list it: prefer the one with one
        with_country = {m for m in matches if graph.nodes[m].get("country")}
        countries = {graph.nodes[m].get("country") for m in with_country}
        if len(countries) > 1:
            options = ", ".join(sorted(f"{graph.nodes[m]['label']}, {graph.nodes[m]['country']}" for m in with_country))
            raise UserError(f"'{name}' names several cities; say which: {options}")
        matches = with_country or matches
    return max(matches, key=lambda m: (graph.degree(m), m))


def _by_gazetteer(graph: nx.MultiDiGraph, index: dict[str, set[str]], name: str, country: str | None) -> set[str]:
    """The store's city for a spelling only the gazetteer knows ('Житомир' when sources wrote 'Schytomyr')."""
    from twingraph.gazetteer import gazetteer

    place = gazetteer().resolve(name, country)
    if place is None:
        return set()
    return {m for m in index.get(_key(place.name), set()) if (graph.nodes[m].get("country") or "") == place.country}
