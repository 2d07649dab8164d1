"""Keeping the consolidated graph in step with the source graphs, at write time and in the same transaction.

Writing a source (an article, a curated file, a table) touches only the consolidated nodes of the clusters its
old and new facts belong to: their claims from the other sources are read back through the statements the
consolidated graph keeps (`tg:inSource`, `tg:sourceFact`), fused again with the new claims
(`rdf.consolidation.fuse`), and the difference is written in the one update that replaces the source graph.
`rebuild` recomputes the whole graph from the sources; it gives the same quads as any order of writes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pyoxigraph import NamedNode, Quad, Triple

from twingraph.rdf import vocab as v
from twingraph.rdf.consolidation import (
    CITY_PREDICATES,
    CLAIM_CLASSES,
    COUNTRY_PREDICATES,
    GRAPH,
    Claim,
    ClusterKey,
    Pairs,
    SourceReader,
    Term,
    cluster_of,
    fuse,
    kind_of,
    owned_prefix,
)
from twingraph.store.embedded import EmbeddedStore


@dataclass(frozen=True)
class Delta:
    """What a write changes in the consolidated graph."""

    deleted: tuple[Triple, ...]
    inserted: tuple[Triple, ...]


def _memory_about(quads: Iterable[Quad]) -> dict[NamedNode, Pairs]:
    found: dict[NamedNode, Pairs] = defaultdict(list)
    for quad in quads:
        if isinstance(quad.subject, NamedNode):
            found[quad.subject].append((quad.predicate, quad.object))  # type: ignore[arg-type]
    return found


class _Readers:
    """One SourceReader per stored source graph, made when first needed."""

    def __init__(self, store: EmbeddedStore) -> None:
        self.store = store
        self.readers: dict[NamedNode, SourceReader] = {}

    def __call__(self, graph: NamedNode) -> SourceReader:
        if graph not in self.readers:
            store = self.store

            def about(subject: NamedNode, graph: NamedNode = graph) -> Pairs:
                return [(q.predicate, q.object) for q in store.match(subject, None, None, graph)]  # type: ignore[misc]

            def scan(predicate: NamedNode, graph: NamedNode = graph) -> list[tuple[Term, Term]]:
                return [(q.subject, q.object) for q in store.match(None, predicate, None, graph)]  # type: ignore[misc]

            self.readers[graph] = SourceReader(graph, about, scan)
        return self.readers[graph]


def _claims_in_memory(graph: NamedNode, by_subject: dict[NamedNode, Pairs]) -> list[Claim]:
    def scan(predicate: NamedNode) -> list[tuple[Term, Term]]:
        return [(s, o) for s, pairs in by_subject.items() for p, o in pairs if p == predicate]

    reader = SourceReader(graph, lambda s: by_subject.get(s, []), scan)
    found = []
    for subject, pairs in by_subject.items():
        kind = kind_of(o for p, o in pairs if p == v.RDF_TYPE)
        if kind is not None:
            found.append(reader.claim(subject, kind))
    return found


def _stored_kind(store: EmbeddedStore, node: NamedNode) -> str | None:
    return kind_of(q.object for q in store.match(node, v.RDF_TYPE, None, GRAPH))


def _cluster_of_node(store: EmbeddedStore, node: NamedNode) -> ClusterKey:
    """The cluster a consolidated node belongs to, read from the consolidated graph."""
    if _stored_kind(store, node) != "visit":
        return ("node", node.value)
    values = {q.predicate: q.object for q in store.match(node, None, None, GRAPH)}
    origin, destination = values.get(v.ORIGIN), values.get(v.DESTINATION)
    if origin is None and destination is None:
        return ("node", node.value)
    planned = "planned" if v.PLANNED in values else "done"
    return ("visits", getattr(origin, "value", ""), getattr(destination, "value", ""), planned)


def _members(store: EmbeddedStore, key: ClusterKey) -> list[NamedNode]:
    """The consolidated nodes of a cluster as the graph holds them now."""
    if key[0] == "node":
        node = NamedNode(key[1])
        return [node] if any(True for _ in store.match(node, v.SOURCE_COUNT, None, GRAPH)) else []
    _, origin, destination, _ = key
    if origin:
        candidates = {q.subject for q in store.match(None, v.ORIGIN, NamedNode(origin), GRAPH)}
    else:
        candidates = {q.subject for q in store.match(None, v.DESTINATION, NamedNode(destination), GRAPH)}
    return sorted(
        (c for c in candidates if isinstance(c, NamedNode) and _cluster_of_node(store, c) == key),
        key=lambda n: n.value,
    )


def _stored_claims(store: EmbeddedStore, node: NamedNode, readers: _Readers, skip: NamedNode) -> list[Claim]:
    """The claims of the other sources a consolidated node was fused from."""
    kind = _stored_kind(store, node)
    found = []
    for quad in store.match(node, v.PROV_WAS_DERIVED_FROM, None, GRAPH):
        ref = quad.object
        graph = next((q.object for q in store.match(ref, v.IN_SOURCE, None, GRAPH)), None)  # type: ignore[arg-type]
        # a statement names the source's fact when it is not the consolidated node's own IRI
        fact = next((q.object for q in store.match(ref, v.SOURCE_FACT, None, GRAPH)), node)  # type: ignore[arg-type]
        if not isinstance(graph, NamedNode) or not isinstance(fact, NamedNode) or graph == skip or kind is None:
            continue
        found.append(readers(graph).claim(fact, kind))
    return found


def _owned(store: EmbeddedStore, node: NamedNode) -> set[Triple]:
    """The consolidated node's quads and those of the nodes under its IRI (statements, phases, conflicts)."""
    prefix = owned_prefix(node)
    found: set[Triple] = set()
    todo, seen = [node], {node}
    while todo:
        subject = todo.pop()
        for quad in store.match(subject, None, None, GRAPH):
            found.add(quad.triple)
            obj = quad.object
            if isinstance(obj, NamedNode) and obj.value.startswith(prefix) and obj not in seen:
                seen.add(obj)
                todo.append(obj)
    return found


def _city_triples(about: Iterable[tuple[NamedNode, Pairs]]) -> set[Triple]:
    """What a source says of its cities and their countries, as the consolidated graph pools it."""
    found: set[Triple] = set()
    for subject, pairs in about:
        types = {o for p, o in pairs if p == v.RDF_TYPE}
        keep = CITY_PREDICATES if v.CITY in types else COUNTRY_PREDICATES if v.COUNTRY in types else None
        if keep is not None:
            found.update(Triple(subject, p, o) for p, o in pairs if p in keep)
    return found


def _stored_city_triples(store: EmbeddedStore, graph: NamedNode) -> set[Triple]:
    subjects = [q.subject for cls in (v.CITY, v.COUNTRY) for q in store.match(None, v.RDF_TYPE, cls, graph)]
    return _city_triples(
        (s, [(q.predicate, q.object) for q in store.match(s, None, None, graph)])  # type: ignore[misc]
        for s in dict.fromkeys(subjects)
        if isinstance(s, NamedNode)
    )


def delta(store: EmbeddedStore, graph: NamedNode, quads: Sequence[Quad] | None) -> Delta:
    """What writing `quads` as the source graph `graph` (None: removing it) changes in the consolidated graph."""
    readers = _Readers(store)
    by_subject = _memory_about(q for q in quads or () if q.graph_name == graph)
    new_claims = _claims_in_memory(graph, by_subject) if quads is not None else []
    clusters: dict[ClusterKey, list[Claim]] = defaultdict(list)
    for claim in new_claims:
        clusters[cluster_of(claim)].append(claim)
    keys = set(clusters)
    for quad in store.match(None, v.IN_SOURCE, graph, GRAPH):  # what this source contributed so far
        node = NamedNode(quad.subject.value.rsplit("/source/", 1)[0])  # type: ignore[union-attr]
        keys.add(_cluster_of_node(store, node))
    old: set[Triple] = set()
    new: set[Triple] = set()
    for key in sorted(keys):
        claims = list(clusters.get(key, []))
        for member in _members(store, key):
            old |= _owned(store, member)
            claims.extend(_stored_claims(store, member, readers, graph))
        new.update(q.triple for q in fuse(key, claims))
    # cities: a pooled statement stays while any source states it
    before = _stored_city_triples(store, graph) if store.has_graph(graph) else set()
    after = _city_triples(by_subject.items())
    for triple in before - after:
        others = (
            q.graph_name
            for q in store.match(triple.subject, triple.predicate, triple.object, None)  # type: ignore[arg-type]
        )
        if not any(g not in (graph, GRAPH) for g in others):
            old.add(triple)
    for triple in after - before:
        new.add(triple)  # written again when already there: a no-op
    return Delta(deleted=tuple(old - new), inserted=tuple(new - old))


def write_source(store: EmbeddedStore, graph: NamedNode, quads: Sequence[Quad] | None) -> int:
    """Replace (or, with None, remove) one source graph and its share of the consolidated graph in a single
    transaction: a reader, or a process killed midway, sees both before or both after. Returns triples written."""
    change = delta(store, graph, quads)
    return store.replace_graph(graph, quads, also=(GRAPH, change.deleted, change.inserted))


def rebuilt_quads(store: EmbeddedStore) -> list[Quad]:
    """The consolidated graph computed from scratch from every source graph."""
    readers = _Readers(store)
    clusters: dict[ClusterKey, list[Claim]] = defaultdict(list)
    seen: set[tuple[NamedNode, NamedNode]] = set()
    for cls in CLAIM_CLASSES:
        for quad in store.match(None, v.RDF_TYPE, cls, None):
            graph, fact = quad.graph_name, quad.subject
            if not isinstance(graph, NamedNode) or graph == GRAPH or not isinstance(fact, NamedNode):
                continue
            if (graph, fact) in seen:
                continue
            seen.add((graph, fact))
            kind = kind_of(q.object for q in store.match(fact, v.RDF_TYPE, None, graph))
            if kind is not None:
                claim = readers(graph).claim(fact, kind)
                clusters[cluster_of(claim)].append(claim)
    found: set[Triple] = set()
    for key in sorted(clusters):
        found.update(q.triple for q in fuse(key, clusters[key]))
    for graph in store.graphs():
        if graph != GRAPH:
            found |= _stored_city_triples(store, graph)
    return [Quad(t.subject, t.predicate, t.object, GRAPH) for t in found]


def rebuild(store: EmbeddedStore) -> int:
    """Recompute the consolidated graph from the source graphs; returns its triples."""
    quads = rebuilt_quads(store)
    store.remove_graph(GRAPH)
    return store.bulk_extend(quads)


def consolidated_triples(store: EmbeddedStore) -> set[Triple]:
    return {q.triple for q in store.match(None, None, None, GRAPH)}
