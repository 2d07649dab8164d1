"""RDF -> NetworkX: what twingraph knows, as one typed MultiDiGraph, read with the `queries/graph-*.rq` files.

Nodes are the consolidated graph's: one per real partnership (city pair and type), visit, agreement, event,
person and organization however many sources report it, keyed by IRI. Each carries `kind`, `label`, `date`
(ISO, when the fact happened; None if no source says), `sources` (one SourceRef per source: title, link,
evidence sentence) and `source_count`; a partnership also its current `status` and its dated `phases`, and a
fact whose sources disagree its `conflicts`. Edges are keyed by their relation (partner, origin, destination,
member, ...) and carry the sources that state them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
from pyoxigraph import QuerySolutions

from twingraph.errors import UserError
from twingraph.graph.model import Conflict, ConflictingValue, Phase, SourceRef
from twingraph.rdf.consolidation import STATUS_ORDER
from twingraph.rdf.vocab import CONSOLIDATED_GRAPH
from twingraph.resources import queries_dir
from twingraph.store.embedded import EmbeddedStore

Row = dict[str, str | None]


def _rows(store: EmbeddedStore, name: str) -> Iterator[Row]:
    """Rows of one projection query as plain strings (IRIs and literals alike); '' and unbound are None."""
    path: Path = queries_dir() / f"{name}.rq"
    result = store.query(path.read_text(encoding="utf-8"))
    if not isinstance(result, QuerySolutions):
        raise UserError(f"{path} must be a SELECT query")
    variables = [v.value for v in result.variables]
    for solution in result:  # iterating a solution is much faster than looking its values up by name
        terms = zip(variables, solution, strict=True)
        yield {var: (term.value or None) if term is not None else None for var, term in terms}


def _count(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


class _Sources:
    """Source records made once per source and sentence (a world table's 30,000 rows share one)."""

    def __init__(self, store: EmbeddedStore) -> None:
        self.articles = {row["source"]: row for row in _rows(store, "graph-articles")}
        self.made: dict[tuple[str, str | None], SourceRef] = {}
        self.of_fact: dict[str, tuple[SourceRef, ...]] = {}  # filled by `_provenance`

    def stating(self, fact: str, graph_iri: str) -> SourceRef:
        """A source of a fact as the fact lists it (with the sentence it quotes), for its phases and conflicts."""
        return next((s for s in self.of_fact.get(fact, ()) if s.graph == graph_iri), None) or self.ref(graph_iri)

    def ref(self, graph_iri: str, evidence: str | None = None) -> SourceRef:
        key = (graph_iri, evidence)
        if key not in self.made:
            meta = self.articles.get(graph_iri, {})
            self.made[key] = SourceRef(
                graph=graph_iri,
                title=meta.get("title"),
                url=meta.get("url"),
                published=meta.get("published"),
                origin=meta.get("origin"),
                evidence=evidence,
                publisher=meta.get("publisher"),
            )
        return self.made[key]

    @staticmethod
    def ordered(refs: object) -> tuple[SourceRef, ...]:
        """Oldest source first; sources without a date last."""
        return tuple(sorted(refs, key=lambda s: (s.published or "9999", s.graph)))  # type: ignore[call-overload]


def _provenance(store: EmbeddedStore, sources: _Sources) -> dict[str, tuple[SourceRef, ...]]:
    """Each consolidated fact's sources, one per source graph, with a sentence it quotes when it has one."""
    said: dict[str, dict[str, str | None]] = defaultdict(dict)
    for row in _rows(store, "graph-provenance"):
        by_graph = said[row["fact"] or ""]
        source = row["source"] or ""
        if not by_graph.get(source):  # two statements of one source: one record, with a sentence if either has it
            by_graph[source] = row["evidence"]
    sources.of_fact = {
        fact: sources.ordered(sources.ref(graph, evidence) for graph, evidence in by_graph.items())
        for fact, by_graph in said.items()
    }
    return sources.of_fact


def _phases(store: EmbeddedStore, sources: _Sources) -> dict[str, tuple[Phase, ...]]:
    """Each partnership's phases in date order (at one date, in the order a partnership goes through them)."""
    stated: dict[str, dict[tuple[str, str], list[SourceRef]]] = defaultdict(lambda: defaultdict(list))
    for row in _rows(store, "graph-phases"):
        phase = (row["status"] or "active", row["date"] or "")
        partnership = row["partnership"] or ""
        stated[partnership][phase].append(sources.stating(partnership, row["source"] or ""))
    rank = {status: i for i, status in enumerate(STATUS_ORDER)}
    return {
        partnership: tuple(
            Phase(status, date, sources.ordered(refs))
            for (status, date), refs in sorted(phases.items(), key=lambda p: (p[0][1], rank.get(p[0][0], 9)))
        )
        for partnership, phases in stated.items()
    }


def _conflicts(store: EmbeddedStore, sources: _Sources) -> dict[str, tuple[Conflict, ...]]:
    """Per fact, the properties its sources disagree on, the preferred value first."""
    stated: dict[str, dict[str, dict[tuple[str, bool], list[SourceRef]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for row in _rows(store, "graph-conflicts"):
        value = (row["value"] or "", row["preferred"] == "true")
        fact = row["fact"] or ""
        stated[fact][row["property"] or ""][value].append(sources.stating(fact, row["source"] or ""))
    return {
        fact: tuple(
            Conflict(
                prop,
                tuple(
                    ConflictingValue(value, preferred, sources.ordered(refs))
                    for (value, preferred), refs in sorted(values.items(), key=lambda v: (not v[0][1], v[0][0]))
                ),
            )
            for prop, values in sorted(by_property.items())
        )
        for fact, by_property in stated.items()
    }


def check_consolidated(store: EmbeddedStore) -> None:
    """A store written before the consolidated graph existed has sources but nothing fused: say how to fuse."""
    if not store.has_graph(CONSOLIDATED_GRAPH) and store.graphs():
        raise UserError(
            "the store has no consolidated graph (it was written by an older twingraph); "
            "run `twingraph consolidate` to build it from the sources"
        )


def project(store: EmbeddedStore) -> nx.MultiDiGraph:
    """The consolidated graph as a typed MultiDiGraph (see the module docstring for its attributes)."""
    check_consolidated(store)
    graph = nx.MultiDiGraph()
    sources = _Sources(store)
    provenance = _provenance(store, sources)
    phases = _phases(store, sources)
    conflicts = _conflicts(store, sources)

    def add(node: str | None, kind: str, label: str, date: str | None, row: Row, **attrs: object) -> None:
        if node:
            found = provenance.get(node, ())
            count = _count(row.get("sources")) or len(found)
            graph.add_node(node, kind=kind, label=label, date=date, sources=found, source_count=count, **attrs)
            if node in conflicts:
                graph.nodes[node]["conflicts"] = conflicts[node]

    names: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, "graph-city-names"):
        names[row["city"] or ""].add(row["name"] or "")
    for row in _rows(store, "graph-cities"):
        city = row["city"] or ""
        add(
            city,
            "city",
            row["label"] or city,
            None,
            row,
            country=row["country"],
            names=tuple(sorted(names[city] - {""})),
        )
    for row in _rows(store, "graph-agents"):
        kind = row["kind"] or "organization"
        add(row["agent"], kind, row["label"] or "?", None, row, detail=row["detail"] or None, origin=row["origin"])
    for row in _rows(store, "graph-partnerships"):
        node = row["partnership"] or ""
        add(
            node,
            "partnership",
            "",
            row["since"],
            row,
            type=row["type"] or "other",
            status=row["status"] or "active",
            phases=phases.get(node, ()),
            since=row["since"],
            until=row["until"],
            planned_by=row["plannedBy"],
            origin=row["origin"],
        )
    for row in _rows(store, "graph-happenings"):
        add(
            row["fact"],
            row["kind"] or "event",
            "",
            row["date"],
            row,
            subkind=row["subkind"],
            end=row["end"],
            description=row["description"],
            size=_count(row["size"]),
            planned=row["planned"] == "true",
            amount=row["amount"],
            items=row["items"],
            origin=row["origin"],
        )
    _add_edges(store, graph, sources)
    for node in graph:
        if not graph.nodes[node]["label"]:
            graph.nodes[node]["label"] = fact_label(graph, node)
    return graph


def _add_edges(store: EmbeddedStore, graph: nx.MultiDiGraph, sources: _Sources) -> None:
    """The links between nodes; a link of a fact with one source is that source's, a link of a fact several
    sources state is theirs that state it (graph-edge-sources)."""
    stating: dict[tuple[str, str, str], list[SourceRef]] = defaultdict(list)
    for row in _rows(store, "graph-edge-sources"):
        link = (row["subject"] or "", row["object"] or "", row["relation"] or "")
        stating[link].append(sources.ref(row["source"] or ""))
    for row in _rows(store, "graph-edges"):
        subject, relation, obj = row["subject"] or "", row["relation"] or "", row["object"] or ""
        if subject in graph and obj in graph:  # both ends are typed facts; stray links are not drawn
            said = stating.get((subject, obj, relation))
            if said is None:
                said = [sources.ref(ref.graph) for ref in graph.nodes[subject]["sources"]]
            graph.add_edge(subject, obj, key=relation, relation=relation, sources=sources.ordered(said))


def linked(graph: nx.MultiDiGraph, node: str, relation: str) -> list[str]:
    """Targets of a node's outgoing edges of one relation, by label order."""
    targets = {v for _, v, key in graph.out_edges(node, keys=True) if key == relation}
    return sorted(targets, key=lambda t: graph.nodes[t]["label"])


def fact_label(graph: nx.MultiDiGraph, node: str) -> str:
    """A short caption for a fact node: 'Solidarity partnership', 'Visit Zhytomyr → Dortmund', 'Donation'."""
    data = graph.nodes[node]
    kind = data["kind"]
    if kind == "partnership":
        caption = f"{data['type'].capitalize()} partnership"
        return caption if data["type"] != "other" else "Partnership"
    if kind == "visit":
        origin = [graph.nodes[c]["label"] for c in linked(graph, node, "origin")]
        destination = [graph.nodes[c]["label"] for c in linked(graph, node, "destination")]
        route = f"{', '.join(origin) or '?'} → {', '.join(destination) or '?'}"
        return f"{'Planned visit' if data.get('planned') else 'Visit'} {route}"
    if kind == "agreement":
        return (data.get("subkind") or "agreement").capitalize()
    return (data.get("subkind") or "event").replace("_", " ").capitalize()
