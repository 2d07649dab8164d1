"""Keeping the consolidated graph in step with the source graphs, at write time and in the same transaction.

Writing a source (an article, a curated file, a table) touches only the consolidated nodes of the clusters its
old and new facts belong to: their claims from the other sources are read back through the statements the
consolidated graph keeps (`tg:inSource`, `tg:sourceFact`), fused again with the new claims
(`rdf.consolidation.fuse`), and the difference is written in the one update that replaces the source graph.
`rebuild` recomputes the whole graph from the sources; it gives the same quads as any order of writes.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pyoxigraph import NamedNode, Quad, RdfFormat, Triple, serialize

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
from twingraph.store.embedded import EmbeddedStore, NTriplesText


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


Statement = tuple[NamedNode, NamedNode, str]  # (source graph, fact as the source names it, kind of claim)


@dataclass
class _ClusterState:
    """A cluster as the consolidated graph holds it: each node's triples, and the statements fused into it."""

    owned: dict[NamedNode, frozenset[Triple]]
    statements: list[Statement]

    @property
    def size(self) -> int:
        return sum(map(len, self.owned.values())) + len(self.statements)


class _Memo:
    """What this process wrote to the consolidated graph, so that a batch of writes does not read it back.

    Only the process holding the store writes to it; every write of the consolidated graph goes through
    `write_sources`, `write_table` or `rebuild`, which keep this in step (rebuild clears it). It is bounded: past
    `LIMIT` remembered triples or claims it starts again, and what it forgot is read from the store.
    """

    LIMIT = 400_000

    def __init__(self) -> None:
        self.clusters: dict[ClusterKey, _ClusterState] = {}
        self.by_graph: dict[NamedNode, set[ClusterKey]] = {}
        self.claims: dict[NamedNode, dict[Statement, Claim]] = {}  # by source graph
        self.complete: set[NamedNode] = set()  # sources whose clusters by_graph lists in full
        self.size = 0  # triples and claims remembered

    def claim(self, statement: Statement) -> Claim | None:
        return self.claims.get(statement[0], {}).get(statement)

    def commit(
        self, graphs: Iterable[NamedNode], clusters: dict[ClusterKey, _ClusterState], claims: list[Claim]
    ) -> None:
        if self.size > self.LIMIT:
            self.__init__()  # type: ignore[misc]
        written = set(graphs)
        for graph in written:
            self.size -= len(self.claims.pop(graph, {}))
        contributed: dict[NamedNode, set[ClusterKey]] = {graph: set() for graph in written}
        for key, state in clusters.items():
            before = self.clusters.get(key)
            self.size += state.size - (before.size if before is not None else 0)
            self.clusters[key] = state
            for source, _, _ in state.statements:
                if source in contributed:
                    contributed[source].add(key)
                else:
                    self.by_graph.setdefault(source, set()).add(key)
        # every cluster a written source contributes to was touched by this write: its list is complete
        self.by_graph.update(contributed)
        self.complete |= written
        for claim in claims:
            statement = (claim.graph, claim.fact, claim.kind)
            known = self.claims.setdefault(claim.graph, {})
            if statement not in known:
                self.size += 1
            known[statement] = claim


_MEMOS: weakref.WeakKeyDictionary[EmbeddedStore, _Memo] = weakref.WeakKeyDictionary()


def _memo(store: EmbeddedStore) -> _Memo:
    if store not in _MEMOS:
        _MEMOS[store] = _Memo()
    return _MEMOS[store]


def forget(store: EmbeddedStore) -> None:
    """Drop what this process remembers of the consolidated graph (after writing it some other way)."""
    _MEMOS.pop(store, None)


def _stored_state(store: EmbeddedStore, key: ClusterKey) -> _ClusterState:
    owned: dict[NamedNode, frozenset[Triple]] = {}
    statements: list[Statement] = []
    for member in _members(store, key):
        owned[member] = frozenset(_owned(store, member))
        kind = _stored_kind(store, member)
        by_subject: dict[object, dict[NamedNode, object]] = defaultdict(dict)
        for triple in owned[member]:
            by_subject[triple.subject][triple.predicate] = triple.object
        for triple in owned[member]:
            if triple.subject == member and triple.predicate == v.PROV_WAS_DERIVED_FROM:
                said = by_subject[triple.object]
                source, fact = said.get(v.IN_SOURCE), said.get(v.SOURCE_FACT, member)
                if isinstance(source, NamedNode) and isinstance(fact, NamedNode) and kind is not None:
                    statements.append((source, fact, kind))
    return _ClusterState(owned, statements)


def _state_of(quads: list[Quad], claims: Sequence[Claim]) -> _ClusterState:
    """The state of a cluster just fused: its triples grouped by the node that owns them (the nearest node
    whose IRI is the subject's or a path prefix of it)."""
    nodes = {
        q.subject.value: q.subject for q in quads if q.predicate == v.SOURCE_COUNT and isinstance(q.subject, NamedNode)
    }
    owned: dict[str, set[Triple]] = {n: set() for n in nodes}
    for quad in quads:
        owner = quad.subject.value  # type: ignore[union-attr]
        while owner not in nodes:
            owner = owner[: owner.rindex("/")]
        owned[owner].add(quad.triple)
    return _ClusterState(
        {nodes[n]: frozenset(t) for n, t in owned.items()},
        [(c.graph, c.fact, c.kind) for c in claims],
    )


@dataclass(frozen=True)
class _Pending:
    """A write's change of the consolidated graph, and what to remember once it is written."""

    delta: Delta
    clusters: dict[ClusterKey, _ClusterState]
    claims: list[Claim]


Write = tuple[NamedNode, Sequence[Quad] | None]  # a source graph and its new quads (None: removed)


@dataclass(frozen=True)
class PreparedSource:
    """A source graph ready to write: its triples, and what it states for the consolidated graph (its claims, its
    cities). A parallel ingest makes these in the worker processes, so that the single writer only fuses and
    stores: the triples travel as N-Triples text (a tenth of the cost of pickling quads)."""

    graph: NamedNode
    content: list[Quad] | NTriplesText | None  # None: the source is removed
    claims: tuple[Claim, ...]
    cities: frozenset[Triple]

    @property
    def triples(self) -> int:
        return len(self.content) if isinstance(self.content, list) else self.content.count if self.content else 0


def prepare_source(graph: NamedNode, quads: Iterable[Quad] | None, *, as_text: bool = False) -> PreparedSource:
    """The source graph `graph` with `quads` (None: removed) made ready for `write_sources`."""
    if quads is None:
        return PreparedSource(graph, None, (), frozenset())
    own = list(dict.fromkeys(q for q in quads if q.graph_name == graph))
    by_subject = _memory_about(own)
    claims = tuple(_claims_in_memory(graph, by_subject))
    cities = frozenset(_city_triples(by_subject.items()))
    if not as_text:
        return PreparedSource(graph, own, claims, cities)
    text = (serialize((q.triple for q in own), format=RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    return PreparedSource(graph, NTriplesText(text, len(own)), claims, cities)


def _contributed(store: EmbeddedStore, memo: _Memo, graph: NamedNode) -> set[ClusterKey]:
    """The clusters a source contributes to now."""
    if graph in memo.complete:
        return memo.by_graph[graph]
    found = set()
    for quad in store.match(None, v.IN_SOURCE, graph, GRAPH):
        node = NamedNode(quad.subject.value.rsplit("/source/", 1)[0])  # type: ignore[union-attr]
        found.add(_cluster_of_node(store, node))
    return found


def _city_delta(store: EmbeddedStore, cities: dict[NamedNode, frozenset[Triple]]) -> tuple[set[Triple], set[Triple]]:
    """Cities: a pooled statement stays while any source states it. `cities`: what each written source states
    of its cities now. Returns (deleted, inserted)."""
    before: set[Triple] = set()
    after: set[Triple] = set()
    for graph, stated in cities.items():
        if store.has_graph(graph):
            before |= _stored_city_triples(store, graph)
        after |= stated
    deleted, inserted = set(), set()
    for triple in before - after:
        others = (
            q.graph_name
            for q in store.match(triple.subject, triple.predicate, triple.object, None)  # type: ignore[arg-type]
        )
        if not any(g != GRAPH and g not in cities for g in others):
            deleted.add(triple)
    for triple in after - before:
        if not any(True for _ in store.match(triple.subject, triple.predicate, triple.object, GRAPH)):  # type: ignore[arg-type]
            inserted.add(triple)
    return deleted, inserted


def _prepare(store: EmbeddedStore, sources: Sequence[PreparedSource]) -> _Pending:
    """The change of the consolidated graph when all `sources` land together (a source written twice: the last)."""
    memo = _memo(store)
    readers = _Readers(store)
    batch = {source.graph: source for source in sources}
    clusters: dict[ClusterKey, list[Claim]] = defaultdict(list)
    keys: set[ClusterKey] = set()
    for graph, written in batch.items():
        for claim in written.claims:
            clusters[cluster_of(claim)].append(claim)
        keys |= _contributed(store, memo, graph)
    keys |= set(clusters)
    # compared cluster by cluster (no two share a node), so that a batch never holds all it touches twice
    deleted: set[Triple] = set()
    inserted: set[Triple] = set()
    states: dict[ClusterKey, _ClusterState] = {}
    fetched: list[Claim] = []
    for key in sorted(keys):
        state = memo.clusters.get(key) or _stored_state(store, key)
        claims = list(clusters.get(key, []))
        for statement in state.statements:
            source, fact, kind = statement
            if source in batch:
                continue
            known = memo.claim(statement)
            if known is None:
                known = readers(source).claim(fact, kind)
                fetched.append(known)
            claims.append(known)
        states[key] = _state_of(fuse(key, claims), claims)
        for node in state.owned.keys() | states[key].owned.keys():
            old, new = state.owned.get(node, frozenset()), states[key].owned.get(node, frozenset())
            if old != new:
                deleted |= old - new
                inserted |= new - old
    city_deleted, city_inserted = _city_delta(store, {graph: source.cities for graph, source in batch.items()})
    deleted |= city_deleted
    inserted |= city_inserted
    all_claims = [c for cs in clusters.values() for c in cs] + fetched
    both = deleted & inserted  # none: clusters share no node (a safeguard all the same)
    return _Pending(Delta(deleted=tuple(deleted - both), inserted=tuple(inserted - both)), states, all_claims)


def delta(store: EmbeddedStore, graph: NamedNode, quads: Sequence[Quad] | None) -> Delta:
    """What writing `quads` as the source graph `graph` (None: removing it) changes in the consolidated graph."""
    return _prepare(store, [prepare_source(graph, quads)]).delta


def write_sources(store: EmbeddedStore, writes: Sequence[Write | PreparedSource]) -> list[int]:
    """Replace (or, with None, remove) source graphs and their share of the consolidated graph in a single
    transaction: a reader, or a process killed midway, sees all of them before or all after. Each cluster the
    writes touch is fused once, however many of them contribute to it, which makes a batch of articles much
    cheaper than writing them one by one; the consolidated graph is the same. Returns triples written per write
    (a source written twice in one batch: the last write lands, the first counts none)."""
    if not writes:
        return []
    sources = [w if isinstance(w, PreparedSource) else prepare_source(*w) for w in writes]
    pending = _prepare(store, sources)
    change = pending.delta
    last = {source.graph: index for index, source in enumerate(sources)}
    try:
        store.replace_graphs(
            [(s.graph, s.content) for index, s in enumerate(sources) if last[s.graph] == index],
            also=(GRAPH, change.deleted, change.inserted),
        )
    except BaseException:
        forget(store)
        raise
    _memo(store).commit(last, pending.clusters, pending.claims)
    return [source.triples if last[source.graph] == index else 0 for index, source in enumerate(sources)]


def write_source(store: EmbeddedStore, graph: NamedNode, quads: Sequence[Quad] | None) -> int:
    """Replace (or, with None, remove) one source graph and its share of the consolidated graph in a single
    transaction: a reader, or a process killed midway, sees both before or both after. Returns triples written."""
    return write_sources(store, [(graph, quads)])[0]


def write_table(store: EmbeddedStore, graph: NamedNode, quads: list[Quad]) -> int:
    """A (large) table as the source graph `graph` with its share of the consolidated graph: a reload in one
    transaction; a first load bulk loaded (not one transaction, like every bulk load: a failure removes the
    table's graph, and `twingraph consolidate` puts the consolidated graph right)."""
    pending = _prepare(store, [prepare_source(graph, quads)])
    change = pending.delta
    try:
        if store.has_graph(graph):
            written = store.sync_graph(graph, iter(quads), also=(GRAPH, change.deleted, change.inserted))
        else:
            try:
                written = store.bulk_extend(iter(quads))
                store.change_graph(GRAPH, change.deleted, ())
                store.bulk_extend(Quad(t.subject, t.predicate, t.object, GRAPH) for t in change.inserted)
            except BaseException:
                store.remove_graph(graph)
                raise
    except BaseException:
        forget(store)
        raise
    _memo(store).commit([graph], pending.clusters, pending.claims)
    return written


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
    forget(store)
    quads = rebuilt_quads(store)
    store.remove_graph(GRAPH)
    return store.bulk_extend(quads)


def consolidated_triples(store: EmbeddedStore) -> set[Triple]:
    return {q.triple for q in store.match(None, None, None, GRAPH)}
