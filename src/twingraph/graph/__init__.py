"""RDF -> NetworkX: the store as a typed graph, and the traversals analysts ask for.

graph = project(store)                       # typed MultiDiGraph of every fact
network = city_network(graph)                # cities linked by partnerships
dortmund = resolve_city(graph, "Dortmund")   # any spelling the store knows, any case
partners(graph, network, dortmund, hops=2)   # -> [Partner]
shortest_path(graph, network, a, b)          # -> [PathStep] | None
central(network, top=10)                     # -> [Centrality]
communities(network)                         # -> [Community]
timeline(graph, a, b)                        # -> [TimelineEntry], date order
"""

from twingraph.graph.cities import resolve_city
from twingraph.graph.model import Centrality, Community, Partner, PathStep, SourceRef, TimelineEntry
from twingraph.graph.projection import project
from twingraph.graph.timeline import partnership_facts, timeline
from twingraph.graph.traverse import central, city_network, communities, partners, shortest_path

__all__ = [
    "Centrality",
    "Community",
    "Partner",
    "PathStep",
    "SourceRef",
    "TimelineEntry",
    "central",
    "city_network",
    "communities",
    "partners",
    "partnership_facts",
    "project",
    "resolve_city",
    "shortest_path",
    "timeline",
]
