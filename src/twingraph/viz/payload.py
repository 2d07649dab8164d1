"""NetworkX -> the data an HTML page draws: nodes, edges, legend, dates, tooltips and provenance.

Two views: `fact_view` draws every fact as a node (partnerships, visits, agreements, events, the people and
organizations involved), for one partnership or city; `network_view` folds partnerships into edges between
cities, for the whole twin-town network. The facts are the consolidated graph's: one node however many sources
report a fact, with every source listed, a partnership's phases and the points its sources disagree on. Text
from sources goes into the payload as data, never as markup.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from twingraph.graph.model import FACT_KINDS, Conflict, Phase, SourceRef
from twingraph.graph.projection import linked
from twingraph.graph.traverse import partnership_caption

KIND_STYLES: dict[str, tuple[str, str, str]] = {  # kind -> (legend label, colour, vis shape)
    "city": ("City", "#1f77b4", "dot"),
    "partnership": ("Partnership", "#d62728", "diamond"),
    "visit": ("Visit", "#2ca02c", "triangle"),
    "agreement": ("Agreement", "#9467bd", "square"),
    "event": ("Aid, funding, other event", "#ff7f0e", "star"),
    "person": ("Person", "#8c564b", "triangleDown"),
    "organization": ("Organization", "#7f7f7f", "hexagon"),
}
LABELLED_CITIES = 300  # on a network map only the best-connected cities carry a name; measuring 20,000 costs seconds
FIELD_NAMES = {
    "country": "country",
    "names": "spellings",
    "detail": "role / kind",
    "type": "partnership type",
    "status": "current status",
    "since": "since",
    "until": "until",
    "planned_by": "planned by",
    "subkind": "kind",
    "date": "date",
    "end": "until",
    "size": "delegation size",
    "description": "description",
    "amount": "amount",
    "items": "items",
    "origin": "most trusted source",
}
PROPERTY_WORDS = {  # a conflict's property, as the page names it
    "plannedBy": "planned by",
    "endDate": "end date",
    "size": "delegation size",
    "status": "status at one date",
}
PHASE_WORDS = {  # a partnership's phase, as its bar on the time axis reads: 'Solidarity partnership ... since 2023-02'
    "planned": "planned as of",
    "active": "since",
    "formalized": "formalized since",
    "suspended": "suspended since",
    "ended": "ended",
}


@dataclass
class Payload:
    """What the page's script reads (as JSON)."""

    title: str
    mode: str  # facts | network
    nodes: list[dict[str, object]] = field(default_factory=list)
    edges: list[dict[str, object]] = field(default_factory=list)
    kinds: list[dict[str, str]] = field(default_factory=list)
    partnership_types: list[str] = field(default_factory=list)
    sources: list[dict[str, str | None]] = field(default_factory=list)
    horizon: list[str] = field(default_factory=list)  # dates the slider must reach though nothing appears then
    note: str = ""
    outlines: list[list[int]] = field(default_factory=list)  # network map: country borders, x,y,x,y... per line
    anchors: list[int] = field(default_factory=list)  # node ids always drawn (the cities a page is about)

    def as_json_data(self) -> dict[str, object]:
        return {
            "title": self.title,
            "mode": self.mode,
            "nodes": self.nodes,
            "edges": self.edges,
            "kinds": self.kinds,
            "partnershipTypes": self.partnership_types,
            "sources": self.sources,
            "horizon": self.horizon,
            "note": self.note,
            "outlines": self.outlines,
            "anchors": self.anchors,
        }


def _source(ref: SourceRef) -> dict[str, str | None]:
    return {
        "title": ref.title,
        "url": ref.url,
        "publisher": ref.publisher,
        "published": ref.published,
        "origin": ref.origin,
        "evidence": ref.evidence,
    }


def _unique(refs: Iterable[SourceRef]) -> list[SourceRef]:
    """One record per source, in the order given."""
    return list({ref.graph: ref for ref in reversed(list(refs))}.values())[::-1]


def phase_bars(graph: nx.MultiDiGraph, node: str) -> list[dict[str, object]]:
    """A partnership's phases as the time axis draws them: a status later sources repeat is one bar from its
    first date (with every date and source), ending where the next status begins; an ended one at its end."""
    data = graph.nodes[node]
    runs: list[tuple[str, list[Phase]]] = []
    for phase in data.get("phases", ()):
        if runs and runs[-1][0] == phase.status:
            runs[-1][1].append(phase)
        else:
            runs.append((phase.status, [phase]))
    partners = "–".join(graph.nodes[c]["label"] for c in linked(graph, node, "partner"))
    bars: list[dict[str, object]] = []
    for i, (status, phases) in enumerate(runs):
        start = phases[0].date
        following = runs[i + 1][1][0].date if i + 1 < len(runs) else None
        bars.append(
            {
                "status": status,
                "start": start,
                "end": start if status == "ended" else following,
                "through": status == "ended",  # the bar covers its end date; else it stops where the next begins
                "dates": [p.date for p in phases],
                "label": f"{data['label']} {partners} {PHASE_WORDS.get(status, status)} {start}",
                "sources": [_source(s) for s in _unique(s for p in phases for s in p.sources)],
            }
        )
    return bars


def _conflict_rows(conflicts: Iterable[Conflict]) -> list[dict[str, object]]:
    """'delegation size': ['19 (preferred: Article A)', '6 (Article B)']: each value with who gives it."""
    rows: list[dict[str, object]] = []
    for conflict in conflicts:
        values = []
        for stated in conflict.values:
            who = ", ".join(s.title or s.url or s.graph for s in stated.sources)
            values.append(f"{stated.value} ({'preferred: ' if stated.preferred else ''}{who})")
        rows.append({"field": PROPERTY_WORDS.get(conflict.property, conflict.property), "values": values})
    return rows


def _fields(data: dict[str, object]) -> list[list[str]]:
    rows = []
    for key, name in FIELD_NAMES.items():
        value = data.get(key)
        if value in (None, "", ()):
            continue
        rows.append([name, "; ".join(map(str, value)) if isinstance(value, tuple) else str(value)])
    return rows


def fact_date(data: dict[str, object]) -> str | None:
    """When a fact happened: its own date; for a partnership its start, else the date it is planned by."""
    own = data.get("date") or (data.get("planned_by") if data["kind"] == "partnership" else None)
    return str(own) if own else None


def is_planned(data: dict[str, object]) -> bool:
    """A fact that had not happened when its source was written: a planned visit, a partnership planned by."""
    if data["kind"] == "partnership":
        return data.get("status") == "planned" and not data.get("since")
    return bool(data.get("planned")) or str(data.get("subkind") or "").startswith("planned")


def appearance_dates(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> dict[str, str | None]:
    """When each node enters the picture: a fact at its own date (else when its source was published), a
    partnership at its first phase (planned as of 2023-02) if that is earlier; a city, person or organization
    with the first dated fact it takes part in; None if nothing is dated."""
    chosen = set(nodes)
    dates: dict[str, str | None] = {}
    for node in chosen:
        data = graph.nodes[node]
        if data["kind"] in FACT_KINDS:
            published = [s.published for s in data["sources"] if s.published]
            known = [d for d in (fact_date(data), *(p.date for p in data.get("phases", ())[:1])) if d]
            dates[node] = min(known, default=None) or min(published, default=None)
    for node in chosen:
        if graph.nodes[node]["kind"] in FACT_KINDS:
            continue
        linked = [
            dates[n] for n in nx.all_neighbors(graph, node) if n in chosen and graph.nodes[n]["kind"] in FACT_KINDS
        ]
        dates[node] = min((d for d in linked if d), default=None)
    return dates


def _tip(data: dict[str, object], fields: list[list[str]]) -> str:
    """Plain-text tooltip (the page shows it as text, never as HTML): what the fact is, how many sources
    state it, its phases, where its sources disagree, and the first sources with their sentences."""
    kind = str(data["kind"])
    sources: tuple[SourceRef, ...] = data["sources"]  # type: ignore[assignment]
    count = data.get("source_count") or len(sources)
    said = f" — {count} sources" if isinstance(count, int) and count > 1 else ""
    date = fact_date(data)
    lines = [f"{data['label']} ({KIND_STYLES[kind][0].lower()}){said}", f"date: {date or 'not given'}"]
    lines += [f"{name}: {value}" for name, value in fields if name not in ("date",)][:6]
    phases: tuple[Phase, ...] = data.get("phases") or ()  # type: ignore[assignment]
    if phases:
        lines.append("status over time: " + "; ".join(f"{p.status} {p.date}" for p in phases))
    conflicts: tuple[Conflict, ...] = data.get("conflicts") or ()  # type: ignore[assignment]
    if conflicts:
        lines.append("⚠ sources differ on " + ", ".join(PROPERTY_WORDS.get(c.property, c.property) for c in conflicts))
    for ref in sources[:3]:
        lines.append(f"source: {ref.title or ref.url or ref.graph}")
        if ref.evidence:
            evidence = ref.evidence if len(ref.evidence) <= 160 else ref.evidence[:157] + "…"
            lines.append(f"  “{evidence}”")
    if len(sources) > 3:
        lines.append(f"… and {len(sources) - 3} more sources (click for all)")
    return "\n".join(lines)


def fact_view(
    graph: nx.MultiDiGraph,
    nodes: Iterable[str],
    title: str,
    about: dict[str, tuple[str, ...]] | None = None,
    pinned: dict[str, tuple[float, float]] | None = None,
) -> Payload:
    """Every chosen node as drawn, with its relations, dates and sources.

    `about` links facts that name no city themselves (a reception, a planned trip) to the cities of the
    article they come from, drawn as 'reported with' lines. `pinned` nodes stay where they are put
    (the two cities of a partnership, left and right), the rest find their place by physics.
    """
    chosen = sorted(set(nodes))
    ids = {node: i for i, node in enumerate(chosen)}
    dates = appearance_dates(graph, chosen)
    payload = Payload(title=title, mode="facts")
    types: set[str] = set()
    for node in chosen:
        data = graph.nodes[node]
        kind = data["kind"]
        fields = _fields(data)
        sources = list(data["sources"])
        label = data["label"]
        if kind == "partnership":
            types.add(data["type"])
            payload.horizon += [d for d in (data.get("planned_by"), data.get("until")) if d]
            label = f"{label}\n{data['since'] or data['planned_by'] or ''}".strip()
        elif kind in FACT_KINDS and data.get("date"):
            label = f"{label}\n{data['date']}"
        elif kind == "person" and data.get("detail"):
            posts = [
                graph.nodes[v]["label"] for _, v, key in graph.out_edges(node, keys=True) if key == "holds post in"
            ]
            role = str(data["detail"]).split(";")[0].split(" (")[0]  # the first post, without the original wording
            label = f"{label}\n{role}" + (f", {posts[0]}" if posts else "")
        payload.nodes.append(
            {
                "id": ids[node],
                "iri": node,
                "kind": kind,
                "label": label,
                "ptype": data.get("type") if kind == "partnership" else None,
                "date": dates[node],
                "own_date": fact_date(data) if kind in FACT_KINDS else None,
                "end": data.get("end") or data.get("until") or None,
                "planned": is_planned(data) if kind in FACT_KINDS else False,
                "status": data.get("status"),
                "count": data.get("source_count") or len(sources),
                "phases": phase_bars(graph, node) if kind == "partnership" else [],
                "conflicts": _conflict_rows(data.get("conflicts", ())),
                "names": list(data.get("names", ())),
                "fields": fields,
                "sources": [_source(s) for s in sources],
                "tip": _tip(data, fields),
                "pin": list((pinned or {})[node]) if node in (pinned or {}) else None,
            }
        )
    for u, v, relation, edge in graph.edges(keys=True, data=True):
        if u in ids and v in ids:
            ptype = graph.nodes[u].get("type") if graph.nodes[u]["kind"] == "partnership" else None
            tip = _edge_tip(graph, u, v, relation, edge.get("sources", ()))
            payload.edges.append({"from": ids[u], "to": ids[v], "label": relation, "ptype": ptype, "tip": tip})
            home = _home(graph, v)
            if graph.nodes[u]["kind"] in FACT_KINDS and home in ids and home != v:
                # drawn when the organization or person is filtered out, so the fact stays tied to its city
                via = f"{relation} (via {graph.nodes[v]['label']})"
                payload.edges.append(
                    {"from": ids[u], "to": ids[home], "label": via, "ptype": ptype, "tip": tip, "via": ids[v]}
                )
    for fact, cities in (about or {}).items():
        for city in cities:
            if fact in ids and city in ids:
                tip = f"{graph.nodes[fact]['label']} — reported with → {graph.nodes[city]['label']}"
                payload.edges.append(
                    {"from": ids[fact], "to": ids[city], "label": "reported with", "dashes": True, "tip": tip}
                )
    payload.kinds = _kinds(graph.nodes[n]["kind"] for n in chosen)
    payload.partnership_types = sorted(types)
    payload.anchors = sorted(ids[node] for node in pinned or {} if node in ids)
    return payload


RELATION_WORDS = {  # edge relation -> how the tooltip says it, from the fact's side
    "partner": "partner city",
    "origin": "from",
    "destination": "to",
    "member": "delegation member",
    "host": "hosted by",
    "on behalf of": "on behalf of",
    "party": "party to it",
    "signatory": "signed by",
    "giver": "given by",
    "recipient": "received by",
    "holds post in": "holds a post in",
    "based in": "based in",
    "grew out of": "grew out of",
}


def _edge_tip(graph: nx.MultiDiGraph, u: str, v: str, relation: str, sources: Iterable[SourceRef]) -> str:
    """'Agreement (2023-09-24)\nparty to it: Stadt Dortmund\nsaid by: ...': the relation in words, with sources."""
    data = graph.nodes[u]
    when = fact_date(data) if data["kind"] in FACT_KINDS else None
    lines = [
        f"{data['label']}{f' ({when})' if when else ''}",
        f"{RELATION_WORDS.get(relation, relation)}: {graph.nodes[v]['label']}",
    ]
    titles = sorted({ref.title or ref.url or ref.graph for ref in sources})
    if titles:
        lines.append("said by: " + "; ".join(titles[:3]) + (f" and {len(titles) - 3} more" if len(titles) > 3 else ""))
    return "\n".join(lines)


def _home(graph: nx.MultiDiGraph, agent: str) -> str | None:
    """The city an organization is based in, or a person holds a post in (directly or through an employer)."""
    kind = graph.nodes[agent]["kind"]
    if kind not in ("organization", "person"):
        return None
    for _, target, key in graph.out_edges(agent, keys=True):
        if key in ("based in", "holds post in"):
            if graph.nodes[target]["kind"] == "city":
                return str(target)
            home = _home(graph, target) if key == "holds post in" else None
            if home:
                return home
    return None


def network_view(
    graph: nx.MultiDiGraph, network: nx.Graph, title: str, positions: dict[str, tuple[float, float]]
) -> Payload:
    """Cities as nodes at fixed positions, partnerships as edges: for networks of many thousand cities."""
    cities = sorted(network.nodes)
    ids = {node: i for i, node in enumerate(cities)}
    payload = Payload(title=title, mode="network")
    first: dict[str, str] = {}
    types: set[str] = set()
    for a, b, data in network.edges(data=True):
        partnerships = [graph.nodes[p] for p in data["partnerships"]]
        ptypes = sorted({p["type"] for p in partnerships})
        types.update(ptypes)
        dates = [d for p in partnerships for d in (p.get("since"),) if d]
        since = min(dates, default=None)
        for city in (a, b):
            if since and (city not in first or since < first[city]):
                first[city] = since
        captions = "; ".join(partnership_caption(p) for p in partnerships)
        tip = f"{network.nodes[a]['label']} — {network.nodes[b]['label']}\n{captions}"
        payload.edges.append({"from": ids[a], "to": ids[b], "ptype": ptypes[0], "date": since, "tip": tip})
    ranked = sorted(cities, key=lambda c: (-network.degree(c), c))
    rank = {city: i for i, city in enumerate(ranked[:LABELLED_CITIES])}
    for city in cities:
        data = network.nodes[city]
        x, y = positions[city]
        degree = network.degree(city)
        country = data.get("country") or "?"
        payload.nodes.append(
            {
                "id": ids[city],
                "kind": "city",
                "label": data["label"],
                "date": first.get(city),
                "x": round(x, 1),
                "y": round(y, 1),
                "size": round(min(2 + math.sqrt(degree) * 1.5, 16), 1),  # canvas units: small beside its neighbours
                "rank": rank.get(city),  # set for the best-connected cities, which carry a name
                "country": data.get("country"),
                "fields": [["country", country], ["partner cities", str(degree)]],
                "tip": f"{data['label']} ({country})\n{degree} partner cities",
            }
        )
    source_refs = {s.graph: s for _, d in graph.nodes(data=True) if d["kind"] == "partnership" for s in d["sources"]}
    payload.sources = [_source(s) for s in sorted(source_refs.values(), key=lambda s: s.graph)]
    payload.kinds = _kinds(["city"])
    payload.partnership_types = sorted(types)
    return payload


def _kinds(kinds: Iterable[str]) -> list[dict[str, str]]:
    present = set(kinds)
    return [
        {"kind": kind, "label": label, "color": color, "shape": shape}
        for kind, (label, color, shape) in KIND_STYLES.items()
        if kind in present
    ]
