"""The history of one partnership: every fact linking two cities, in date order.

Facts are the consolidated graph's, one per real happening however many sources report it; a partnership gives
an entry per phase. A fact belongs to the partnership of cities A and B when it links them itself (a
partnership of both, a visit between them, an agreement or gift whose parties are in both, organizations
counting for the city they are based in), or when it is an event of an article whose main subject is that pair
(the pair with most partnerships and visits in the article), such as a reception or a planned trip.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from twingraph.graph.model import TimelineEntry
from twingraph.graph.projection import linked
from twingraph.graph.traverse import partnership_caption

Pair = frozenset[str]


def _home_city(graph: nx.MultiDiGraph, agent: str) -> str | None:
    """A city stands for itself; an organization (or a person's employer) for the city it is based in."""
    kind = graph.nodes[agent]["kind"]
    if kind == "city":
        return agent
    if kind == "organization":
        homes = linked(graph, agent, "based in")
        return homes[0] if homes else None
    return None


def _cities_of(graph: nx.MultiDiGraph, fact: str, relations: tuple[str, ...]) -> set[str]:
    homes = (_home_city(graph, agent) for relation in relations for agent in linked(graph, fact, relation))
    return {home for home in homes if home}


def _pairs_of(graph: nx.MultiDiGraph, fact: str) -> set[Pair]:
    kind = graph.nodes[fact]["kind"]
    relations = {
        "partnership": ("partner",),
        "visit": ("origin", "destination", "on behalf of"),
        "agreement": ("party",),
        "event": ("giver", "recipient"),
    }.get(kind, ())
    cities = sorted(_cities_of(graph, fact, relations))
    return {frozenset((a, b)) for i, a in enumerate(cities) for b in cities[i + 1 :]}


def _main_pairs(graph: nx.MultiDiGraph) -> dict[str, set[Pair]]:
    """Per source graph: the city pairs it says most about (by partnerships and visits)."""
    counts: dict[str, Counter[Pair]] = {}
    for node, data in graph.nodes(data=True):
        if data["kind"] not in ("partnership", "visit"):
            continue
        for pair in _pairs_of(graph, node):
            for source in data["sources"]:
                counts.setdefault(source.graph, Counter())[pair] += 1
    main: dict[str, set[Pair]] = {}
    for source, counter in counts.items():
        best = max(counter.values())
        main[source] = {pair for pair, n in counter.items() if n == best}
    return main


def _entries(graph: nx.MultiDiGraph, fact: str) -> list[TimelineEntry]:
    data = graph.nodes[fact]
    kind, sources = data["kind"], data["sources"]
    if kind == "partnership":
        # a row per phase (planned in 2023-02, active since 2023-09, ...) and one for the date it is planned by
        caption = partnership_caption(data).replace(data["type"], f"{data['type']} partnership", 1)
        milestones = [
            TimelineEntry(phase.date, f"partnership {phase.status}", caption, fact, phase.sources)
            for phase in data.get("phases", ())
        ]
        if data.get("planned_by"):
            milestones.append(TimelineEntry(data["planned_by"], "partnership planned by", caption, fact, sources))
        return milestones or [TimelineEntry(None, "partnership", caption, fact, sources)]
    details = [data["label"]]
    if kind == "visit" and data.get("size"):
        details.append(f"{data['size']} people")
    if data.get("description"):
        details.append(str(data["description"]))
    label = data.get("subkind") if kind == "event" else kind
    return [TimelineEntry(data.get("date"), str(label or kind), ": ".join(details[:1]) + _rest(details), fact, sources)]


def _rest(details: list[str]) -> str:
    return f" ({'; '.join(details[1:])})" if len(details) > 1 else ""


def _sort_key(entry: TimelineEntry) -> tuple[str, str, str]:
    """Dated entries by date; undated ones after them, in the order their sources were published."""
    if entry.date:
        return ("0" + entry.date, entry.kind, entry.what)
    published = min((s.published for s in entry.sources if s.published), default="9999")
    return ("1" + published, entry.kind, entry.what)


def partnership_facts(graph: nx.MultiDiGraph, a: str, b: str) -> list[str]:
    """Fact nodes of the partnership of cities `a` and `b` (see the module docstring for the rule)."""
    pair: Pair = frozenset((a, b))
    main = _main_pairs(graph)
    facts = []
    for node, data in graph.nodes(data=True):
        if data["kind"] not in ("partnership", "visit", "agreement", "event"):
            continue
        if pair in _pairs_of(graph, node) or (
            data["kind"] == "event"
            and not _pairs_of(graph, node)
            and any(pair in main.get(s.graph, ()) for s in data["sources"])
        ):
            facts.append(node)
    return facts


def timeline(graph: nx.MultiDiGraph, a: str, b: str) -> list[TimelineEntry]:
    """The partnership of `a` and `b` as an ordered list of happenings."""
    entries = [entry for fact in partnership_facts(graph, a, b) for entry in _entries(graph, fact)]
    return sorted(entries, key=_sort_key)
