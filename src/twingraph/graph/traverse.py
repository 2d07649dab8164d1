"""The twin-town network: cities linked by partnerships, and the questions asked of it.

`city_network` folds each partnership node into an edge between its cities, so hops, paths and centrality
count partnerships, not the facts around them.
"""

from __future__ import annotations

from itertools import pairwise

import networkx as nx

from twingraph.graph.model import Centrality, Community, Partner, PathStep
from twingraph.graph.projection import linked

EXACT_BETWEENNESS_LIMIT = 2000  # above this many cities, betweenness is estimated from a fixed sample
BETWEENNESS_SAMPLE = 300


def partnership_caption(data: dict[str, object]) -> str:
    """'solidarity (active, since 2023-02)' from a partnership node's attributes (its current status)."""
    details = [str(data["status"])] if data.get("status") else []
    if data.get("since"):
        details.append(f"since {data['since']}")
    if data.get("planned_by"):
        details.append(f"planned by {data['planned_by']}")
    if data.get("until"):
        details.append(f"until {data['until']}")
    return f"{data['type']} ({', '.join(details)})" if details else str(data["type"])


def city_network(graph: nx.MultiDiGraph) -> nx.Graph:
    """Cities as nodes, one edge per linked pair with the ids of its partnerships in `partnerships`."""
    network = nx.Graph()
    for node, data in graph.nodes(data=True):
        if data["kind"] == "city":
            network.add_node(node, label=data["label"], country=data.get("country"))
    for node, data in graph.nodes(data=True):
        if data["kind"] != "partnership":
            continue
        cities = linked(graph, node, "partner")
        for i, a in enumerate(cities):
            for b in cities[i + 1 :]:
                if network.has_edge(a, b):
                    network.edges[a, b]["partnerships"] += (node,)
                else:
                    network.add_edge(a, b, partnerships=(node,))
    return network


def _captions(graph: nx.MultiDiGraph, network: nx.Graph, a: str, b: str) -> tuple[str, ...]:
    return tuple(sorted(partnership_caption(graph.nodes[p]) for p in network.edges[a, b]["partnerships"]))


def partners(graph: nx.MultiDiGraph, network: nx.Graph, city: str, hops: int = 1) -> list[Partner]:
    """Cities within `hops` partnerships of `city`, nearest first, then by name."""
    paths = nx.single_source_shortest_path(network, city, cutoff=max(hops, 1))
    found = []
    for other, path in paths.items():
        if other == city:
            continue
        found.append(
            Partner(
                city=other,
                label=network.nodes[other]["label"],
                country=network.nodes[other].get("country"),
                hops=len(path) - 1,
                via=tuple(network.nodes[c]["label"] for c in path[1:-1]),
                partnerships=_captions(graph, network, city, other) if len(path) == 2 else (),
            )
        )
    return sorted(found, key=lambda p: (p.hops, p.label.casefold(), p.country or ""))


def shortest_path(graph: nx.MultiDiGraph, network: nx.Graph, a: str, b: str) -> list[PathStep] | None:
    """The fewest partnerships leading from city `a` to city `b`; None when they are not connected."""
    try:
        path = nx.shortest_path(network, a, b)
    except nx.NetworkXNoPath:
        return None
    return [
        PathStep(network.nodes[x]["label"], network.nodes[y]["label"], _captions(graph, network, x, y))
        for x, y in pairwise(path)
    ]


def central(network: nx.Graph, top: int = 10) -> list[Centrality]:
    """The best-connected cities: most partners first, betweenness to break ties and to compare.

    Betweenness is exact up to EXACT_BETWEENNESS_LIMIT cities, estimated from a fixed, seeded sample above.
    """
    if network.number_of_nodes() == 0:
        return []
    sample = None if network.number_of_nodes() <= EXACT_BETWEENNESS_LIMIT else BETWEENNESS_SAMPLE
    betweenness = nx.betweenness_centrality(network, k=sample, seed=7 if sample else None)
    ranked = sorted(
        network.nodes, key=lambda c: (-network.degree(c), -betweenness[c], network.nodes[c]["label"].casefold())
    )
    return [
        Centrality(
            city=c,
            label=network.nodes[c]["label"],
            country=network.nodes[c].get("country"),
            degree=network.degree(c),
            betweenness=round(betweenness[c], 6),
        )
        for c in ranked[:top]
    ]


def communities(network: nx.Graph, top: int | None = None, members: int = 8) -> list[Community]:
    """Groups of cities more linked among themselves than to others (Louvain, fixed seed), largest first.

    Cities without any partnership are left out; `members` caps the names listed per community.
    """
    linked_cities = network.subgraph([c for c in network if network.degree(c) > 0])
    if linked_cities.number_of_nodes() == 0:
        return []
    groups = nx.community.louvain_communities(linked_cities, seed=7)
    ordered = sorted(groups, key=lambda g: (-len(g), min(network.nodes[c]["label"] for c in g)))
    result = []
    for number, group in enumerate(ordered[:top] if top else ordered, start=1):
        best = sorted(group, key=lambda c: (-network.degree(c), network.nodes[c]["label"].casefold()))
        result.append(Community(number, len(group), tuple(network.nodes[c]["label"] for c in best[:members])))
    return result
