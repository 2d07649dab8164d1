"""RDF -> NetworkX: the store's facts as one typed MultiDiGraph, read with the `queries/graph-*.rq` files.

Nodes are keyed by IRI and carry `kind`, `label`, `date` (ISO, when the fact happened; None if no source
says) and `sources` (SourceRef: title, link, evidence sentence); edges are keyed by their relation
(partner, origin, destination, member, ...) and carry their own `sources`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
from pyoxigraph import QuerySolutions

from twingraph.errors import UserError
from twingraph.graph.model import SourceRef
from twingraph.resources import queries_dir
from twingraph.store.embedded import EmbeddedStore

Row = dict[str, str | None]


def _rows(store: EmbeddedStore, name: str) -> Iterator[Row]:
    """Rows of one projection query as plain strings (IRIs and literals alike); '' and unbound are None.

    The queries bind missing optional values to '' because an unbound value makes an aggregate unbound.
    """
    path: Path = queries_dir() / f"{name}.rq"
    result = store.query(path.read_text(encoding="utf-8"))
    if not isinstance(result, QuerySolutions):
        raise UserError(f"{path} must be a SELECT query")
    variables = [v.value for v in result.variables]
    for solution in result:  # iterating a solution is much faster than looking its values up by name
        terms = zip(variables, solution, strict=True)
        yield {var: (term.value or None) if term is not None else None for var, term in terms}


def _split(value: str | None, separator: str) -> tuple[str, ...]:
    return tuple(sorted({part for part in (value or "").split(separator) if part}))


def _earliest(value: str | None) -> str | None:
    """The earliest of the dates sources give ('2023-02; 2023'), None when none does."""
    return min(_split(value, "; "), default=None)


def _largest(value: str | None) -> int | None:
    numbers = [int(part) for part in _split(value, "; ") if part.isdigit()]
    return max(numbers, default=None)


def project(store: EmbeddedStore) -> nx.MultiDiGraph:
    """The whole store as a typed MultiDiGraph (see the module docstring for its attributes)."""
    graph = nx.MultiDiGraph()
    articles = {row["source"]: row for row in _rows(store, "graph-articles")}
    provenance: dict[str, list[SourceRef]] = defaultdict(list)
    for row in _rows(store, "graph-provenance"):
        meta = articles.get(row["source"], {})
        provenance[row["fact"] or ""].append(_source_ref(row["source"] or "", meta, row["evidence"]))

    def add(node: str | None, kind: str, label: str, date: str | None = None, **attrs: object) -> None:
        if node:
            sources = tuple(sorted(provenance.get(node, ()), key=lambda s: (s.published or "9999", s.graph)))
            graph.add_node(node, kind=kind, label=label, date=date, sources=sources, **attrs)

    names: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, "graph-city-names"):
        names[row["city"] or ""].add(row["name"] or "")
    for row in _rows(store, "graph-cities"):
        city = row["city"] or ""
        add(city, "city", row["label"] or city, country=row["country"], names=tuple(sorted(names[city] - {""})))
    for row in _rows(store, "graph-agents"):
        kind = row["kind"] or "organization"
        add(row["agent"], kind, row["label"] or "?", detail=row["detail"] or None)
    for row in _rows(store, "graph-partnerships"):
        since = _earliest(row["since"])
        add(
            row["partnership"],
            "partnership",
            "",
            since,
            type=row["type"] or "other",
            statuses=_split(row["statuses"], "; "),
            since=since,
            until=_earliest(row["until"]),
            planned_by=_earliest(row["plannedBy"]),
        )
    for row in _rows(store, "graph-happenings"):
        add(
            row["fact"],
            row["kind"] or "event",
            "",
            _earliest(row["date"]),
            subkind=row["subkind"],
            end=_earliest(row["end"]),
            description=row["description"],
            size=_largest(row["size"]),
            planned="true" in _split(row["planned"], "; "),
            amount=row["amount"],
            items=row["items"],
        )
    edge_sources: dict[tuple[str, str, str], list[SourceRef]] = defaultdict(list)
    for row in _rows(store, "graph-edges"):
        subject, relation, obj = row["subject"] or "", row["relation"] or "", row["object"] or ""
        if subject in graph and obj in graph:  # both ends are typed facts; stray links are not drawn
            meta = articles.get(row["source"], {})
            edge_sources[(subject, obj, relation)].append(_source_ref(row["source"] or "", meta, None))
    for (subject, obj, relation), sources in edge_sources.items():
        graph.add_edge(subject, obj, key=relation, relation=relation, sources=tuple(sources))
    for node in graph:
        if not graph.nodes[node]["label"]:
            graph.nodes[node]["label"] = fact_label(graph, node)
    return graph


def _source_ref(graph_iri: str, meta: Row, evidence: str | None) -> SourceRef:
    return SourceRef(
        graph=graph_iri,
        title=meta.get("title"),
        url=meta.get("url"),
        published=meta.get("published"),
        origin=meta.get("origin"),
        evidence=evidence,
    )


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
