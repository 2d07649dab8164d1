"""The embedded, persistent default store: Oxigraph (RocksDB) in a folder, one named graph per source."""

from __future__ import annotations

import io
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    serialize,
)

from twingraph.errors import UserError
from twingraph.query.library import with_values
from twingraph.rdf.vocab import ARTICLE_KEY, SCHEMA_URL, SERIALIZATION_PREFIXES

DEFAULT_STORE = "twingraph-store"
STORE_ENV = "TWINGRAPH_STORE"

QueryResult = QuerySolutions | QueryBoolean | QueryTriples


class StoreError(UserError):
    """The store cannot be opened or written: in use by another process, not a store, unwritable."""


class StoreInUseError(StoreError):
    """Another process holds the store's lock."""


def default_store_path() -> Path:
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


def open_store(
    path: Path | None = None, *, must_exist: bool = False, read_only: bool = False, wait: float = 0.0
) -> EmbeddedStore:
    """Open (or create) the store; `must_exist` for commands that only read, so a typo is not a new store.

    Only one process may hold the store; with `wait` > 0 a second one retries that long before giving up.
    """
    deadline = time.monotonic() + wait
    while True:
        try:
            return EmbeddedStore(path or default_store_path(), must_exist=must_exist, read_only=read_only)
        except StoreInUseError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.2)


# Whole-store dumps go graph by graph. Reading is what an export costs: Oxigraph looks every term of every
# quad up in RocksDB (about 1.5 µs a term; serialising is a tenth of that). It does so without holding the
# GIL, so graphs dumped by a few threads at once take a fraction of the wall time on a machine with spare cores.
_DUMP_THREADS = min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
_DUMP_BATCH = 64  # graphs per task: articles are hundreds of quads, so a batch is a few MB of output
_BULK_THREADS = min(2, _DUMP_THREADS)  # Oxigraph loads a chunk while Python makes the next
_BULK_CHUNK = 50_000  # quads per bulk-load chunk: a few MB of N-Quads, ~0.2 s of loading
_PER_GRAPH_FORMATS = (RdfFormat.N_QUADS, RdfFormat.N_TRIPLES, RdfFormat.TURTLE, RdfFormat.TRIG)


def _triple_lines(triples: Iterable[Triple]) -> str:
    return "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)


def _may_hold_blank_nodes(nquads: bytes) -> bool:
    """Whether an N-Quads text may name a blank node (a literal holding " _:" gives a false yes, never a no)."""
    return nquads.startswith(b"_:") or b" _:" in nquads or b"\n_:" in nquads


def _without_prefix_lines(turtle: bytes) -> bytes:
    """Turtle without its leading `@prefix` lines (written once for the whole document instead)."""
    start = 0
    while turtle.startswith(b"@prefix ", start):
        start = turtle.index(b"\n", start) + 1
    return turtle[start:]


def _prefix_lines(prefixes: Mapping[str, str]) -> bytes:
    return "".join(f"@prefix {name}: <{namespace}> .\n" for name, namespace in prefixes.items()).encode("utf-8")


@dataclass(frozen=True)
class NTriplesText:
    """A graph's distinct triples as N-Triples lines (as pyoxigraph writes them), and how many there are: how a
    graph made in another process reaches the store without a Quad object per triple."""

    text: str
    count: int


GraphContent = Iterable[Quad] | NTriplesText


class EmbeddedStore:
    """A folder with an Oxigraph database. Writes of one source graph are a single transaction."""

    def __init__(self, path: Path, *, must_exist: bool = False, read_only: bool = False) -> None:
        self.path = Path(path)
        if (must_exist or read_only) and not self.path.exists():
            raise StoreError(f"no store at {self.path} (ingest something first, or pass --store DIR)")
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path} is a file, not a store folder")
        try:
            self._store = Store.read_only(str(self.path)) if read_only else Store(str(self.path))
        except OSError as err:
            message = str(err)
            if "lock" in message.lower():
                raise StoreInUseError(
                    f"store {self.path} is in use by another twingraph process; wait for it to finish"
                ) from None
            raise StoreError(f"cannot open store {self.path}: {message.splitlines()[0]}") from None

    # --- writing -------------------------------------------------------------------------------------

    def replace_graph(
        self,
        graph: NamedNode,
        quads: Iterable[Quad] | None,
        *,
        also: tuple[NamedNode, Sequence[Triple], Sequence[Triple]] | None = None,
    ) -> int:
        """Replace one source's graph atomically (None: remove it): readers see the old facts or the new, never
        half. `also` = (graph, deleted, inserted) changes another graph in the same transaction (the
        consolidated graph a source contributes to)."""
        return self.replace_graphs([(graph, quads)], also=also)[graph]

    def replace_graphs(
        self,
        writes: Sequence[tuple[NamedNode, GraphContent | None]],
        *,
        also: tuple[NamedNode, Sequence[Triple], Sequence[Triple]] | None = None,
    ) -> dict[NamedNode, int]:
        """Replace several graphs (None: remove one) and change `also` in one transaction; returns the triples
        written per graph.

        Sources seen for the first time, given as quads, with nothing to delete elsewhere, are one `extend`
        transaction; otherwise one SPARQL update drops, refills and changes the other graph.
        """
        own: dict[NamedNode, list[Quad] | NTriplesText] = {
            graph: content if isinstance(content, NTriplesText) else self._own(graph, content)
            for graph, content in writes
        }
        other, deleted, inserted = also if also is not None else (None, (), ())
        extra = [Quad(t.subject, t.predicate, t.object, other) for t in inserted] if other is not None else []
        stored = [graph for graph in own if self._store.contains_named_graph(graph)]
        counts = {g: c.count if isinstance(c, NTriplesText) else len(c) for g, c in own.items()}
        if not stored and not deleted and all(content is not None for _, content in writes):
            quads = [q for content in own.values() if isinstance(content, list) for q in content]
            if len(quads) == sum(counts.values()):  # no text to parse
                self._store.extend(quads + extra)
                return counts
        parts = [f"DROP SILENT GRAPH {graph}" for graph in stored]
        blocks = [
            (graph, content.text if isinstance(content, NTriplesText) else _triple_lines(q.triple for q in content))
            for graph, content in own.items()
            if counts[graph]
        ]
        if inserted and other is not None:
            blocks.append((other, _triple_lines(inserted)))
        if blocks:
            parts.append("INSERT DATA {\n" + "\n".join(f"GRAPH {g} {{\n{text}\n}}" for g, text in blocks) + "\n}")
        if deleted:
            parts.append(f"DELETE DATA {{ GRAPH {other} {{\n{_triple_lines(deleted)}\n}} }}")
        if parts:
            self._store.update(" ;\n".join(parts))
        return counts

    @staticmethod
    def _own(graph: NamedNode, quads: Iterable[Quad] | None) -> list[Quad]:
        return list(dict.fromkeys(q for q in quads or () if q.graph_name == graph))

    def change_graph(self, graph: NamedNode, deleted: Sequence[Triple], inserted: Sequence[Triple]) -> None:
        """Delete and insert triples of one graph in one transaction."""
        if deleted or inserted:
            self._store.update(
                f"DELETE DATA {{ GRAPH {graph} {{\n{_triple_lines(deleted)}\n}} }} ;\n"
                f"INSERT DATA {{ GRAPH {graph} {{\n{_triple_lines(inserted)}\n}} }}"
            )

    def remove_graph(self, graph: NamedNode) -> None:
        self._store.update(f"DROP SILENT GRAPH {graph}")

    def match(
        self,
        subject: NamedNode | BlankNode | None,
        predicate: NamedNode | None,
        obj: NamedNode | BlankNode | Literal | None,
        graph: NamedNode | DefaultGraph | None,
    ) -> Iterator[Quad]:
        """Quads matching a pattern (None matches anything), read through Oxigraph's indexes."""
        return self._store.quads_for_pattern(subject, predicate, obj, graph)

    def sync_graph(
        self,
        graph: NamedNode,
        quads: Iterable[Quad],
        *,
        also: tuple[NamedNode, Sequence[Triple], Sequence[Triple]] | None = None,
    ) -> int:
        """Make one graph hold exactly these quads, in one transaction that changes only what differs.

        For large graphs reloaded with few changes (a world table): both sides are compared as N-Triples
        lines written by Oxigraph, several times faster than reading the stored graph back as Quad objects.
        Oxigraph writes the stored side on another core (without the GIL) while `quads` is still being made,
        so pass a generator. Returns the number of distinct triples the graph now holds. `also` = (graph,
        deleted, inserted) changes another graph in the same transaction, as in `replace_graph`.
        """
        with ThreadPoolExecutor(1) as pool:
            stored = pool.submit(self._dumped, graph, RdfFormat.N_TRIPLES)
            new = io.BytesIO()
            serialize((q.triple for q in quads if q.graph_name == graph), new, format=RdfFormat.N_TRIPLES)
            lines = list(dict.fromkeys(new.getvalue().decode("utf-8").splitlines()))
            old = set(stored.result().decode("utf-8").splitlines())
        deleted = "\n".join(old.difference(lines))
        inserted = "\n".join(line for line in lines if line not in old)
        other, other_deleted, other_inserted = also if also is not None else (graph, (), ())
        if deleted or inserted or other_deleted or other_inserted:
            self._store.update(
                f"DELETE DATA {{ GRAPH {graph} {{\n{deleted}\n}} }} ;\n"
                f"INSERT DATA {{ GRAPH {graph} {{\n{inserted}\n}} }} ;\n"
                f"DELETE DATA {{ GRAPH {other} {{\n{_triple_lines(other_deleted)}\n}} }} ;\n"
                f"INSERT DATA {{ GRAPH {other} {{\n{_triple_lines(other_inserted)}\n}} }}"
            )
        return len(lines)

    def bulk_load(self, data: IO[bytes] | bytes, graph: NamedNode, fmt: RdfFormat = RdfFormat.N_QUADS) -> None:
        """Fast, non-transactional load for large tables; callers validate everything first."""
        self._store.bulk_load(data, format=fmt, to_graph=graph if fmt != RdfFormat.N_QUADS else None)

    def bulk_extend(self, quads: Iterable[Quad], chunk: int | None = None) -> int:
        """Bulk load quads already built; returns how many distinct quads there were.

        The quads go to Oxigraph as N-Quads in chunks: it parses and writes one chunk on another core,
        without the GIL, while `quads` (pass a generator) makes the next. A parser gives every blank node
        label of a document a fresh node, so a chunk that may hold blank nodes is written as Quad objects
        instead (slower, but `_:b` stays one node across chunks). Not atomic, like every bulk load: callers
        check everything first and remove what a failed load left behind.
        """
        chunk = chunk or _BULK_CHUNK
        seen: set[Quad] = set()
        batch: list[Quad] = []
        with ThreadPoolExecutor(_BULK_THREADS) as pool:
            loading: deque[Future[None]] = deque()

            def send() -> None:
                text = io.BytesIO()
                serialize(batch, text, format=RdfFormat.N_QUADS)
                data = text.getvalue()
                if _may_hold_blank_nodes(data):
                    self._write(lambda: self._store.bulk_extend(batch))
                    return
                loading.append(
                    pool.submit(
                        self._write, lambda: self._store.bulk_load(data, format=RdfFormat.N_QUADS, lenient=True)
                    )
                )
                while len(loading) > _BULK_THREADS:  # bounded: the caller waits rather than piling up text
                    loading.popleft().result()

            for quad in quads:
                if quad not in seen:
                    seen.add(quad)
                    batch.append(quad)
                    if len(batch) >= chunk:
                        send()
                        batch = []
            if batch:
                send()
            while loading:
                loading.popleft().result()
        return len(seen)

    def _write(self, write: Callable[[], None]) -> None:
        """A bulk write whose failure (a full disk, say) is one line. N-Quads come from Quad objects, whose
        IRIs were checked when they were made, so bulk loads pass `lenient` to skip a second check."""
        try:
            write()
        except OSError as err:
            raise StoreError(f"cannot write to store {self.path}: {str(err).splitlines()[0]}") from None

    def flush(self) -> None:
        self._store.flush()

    # --- reading -------------------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Literal | NamedNode] | None = None,
        *,
        sources: Sequence[NamedNode] = (),
    ) -> QueryResult:
        """Run a query; `sources` narrows the named graphs it sees (like FROM NAMED), which turns a scan of
        every source into a look at a few: the way to ask a large store about one article.

        `bindings` open the query as a VALUES block (as endpoints get them): unlike substitutions, the planner
        can start from a bound value, and a bound variable need not be projected.
        """
        return self._store.query(with_values(sparql, bindings or {}), named_graphs=list(sources) or None)

    def graphs(self) -> list[NamedNode]:
        return [g for g in self._store.named_graphs() if isinstance(g, NamedNode)]

    def has_graph(self, graph: NamedNode) -> bool:
        return self._store.contains_named_graph(graph)

    def source_graphs(self, source: str) -> list[NamedNode]:
        """The graphs of a source named by its URL, its key or the graph IRI (what a `source` column shows),
        found through the indexes: the embedded twin of the `source-graph` library query."""
        found: dict[NamedNode, None] = {}
        try:
            as_iri: NamedNode | None = NamedNode(source)
        except ValueError:
            as_iri = None
        if as_iri is not None and self._store.contains_named_graph(as_iri):
            found[as_iri] = None
        patterns = [(ARTICLE_KEY, Literal(source))] + ([(SCHEMA_URL, as_iri)] if as_iri is not None else [])
        for predicate, value in patterns:
            for quad in self._store.quads_for_pattern(None, predicate, value):
                if isinstance(quad.graph_name, NamedNode) and quad.subject == quad.graph_name:
                    found[quad.graph_name] = None
        return list(found)

    def __len__(self) -> int:
        return len(self._store)

    def count_in(
        self, graph: NamedNode | DefaultGraph, predicate: NamedNode | None = None, obj: NamedNode | None = None
    ) -> int:
        """Quads of one graph, or only those with this predicate and object (`a tg:Partnership`, by index)."""
        return sum(1 for _ in self._store.quads_for_pattern(None, predicate, obj, graph))

    def dump(self, output: IO[bytes], fmt: RdfFormat, graph: NamedNode | None = None) -> None:
        """Serialise one graph, or the whole store: triple formats get the union of all graphs."""
        prefixes = None
        if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG):
            prefixes = SERIALIZATION_PREFIXES
        if graph is not None:
            self._store.dump(output, format=fmt, from_graph=graph, prefixes=prefixes)
        elif fmt in _PER_GRAPH_FORMATS:
            self._dump_by_graph(output, fmt, prefixes)
        elif fmt.supports_datasets:
            self._store.dump(output, format=fmt, prefixes=prefixes)
        else:  # RDF/XML: one document, so one serialiser over the union of all graphs
            triples = (q.triple for q in self._store.quads_for_pattern(None, None, None))
            serialize(triples, output, format=fmt, prefixes=prefixes)

    def _dump_by_graph(self, output: IO[bytes], fmt: RdfFormat, prefixes: dict[str, str] | None) -> None:
        """The default graph, then each named graph, dumped by worker threads and written in order.

        N-Quads lines are N-Triples lines with the graph name before the final ` .` (a literal's line breaks
        are escaped, so ` .` + line break only ends a line); a TriG document is the prefixes once, then each
        graph's Turtle statements in a `<graph> { }` block; Turtle and N-Triples concatenate the graphs' triples.
        """
        if prefixes:
            output.write(_prefix_lines(prefixes))
        graphs: list[NamedNode | DefaultGraph] = [DefaultGraph(), *self.graphs()]
        batches = [graphs[i : i + _DUMP_BATCH] for i in range(0, len(graphs), _DUMP_BATCH)]
        with ThreadPoolExecutor(_DUMP_THREADS) as pool:
            pending: deque[Future[bytes]] = deque()
            for batch in batches:
                pending.append(pool.submit(self._dump_graphs, batch, fmt, prefixes))
                if len(pending) > 2 * _DUMP_THREADS:  # bounded: at most a few batches wait in memory
                    output.write(pending.popleft().result())
            while pending:
                output.write(pending.popleft().result())

    def _dump_graphs(
        self, graphs: list[NamedNode | DefaultGraph], fmt: RdfFormat, prefixes: dict[str, str] | None
    ) -> bytes:
        parts = []
        for graph in graphs:
            if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG):
                data = _without_prefix_lines(self._dumped(graph, RdfFormat.TURTLE, prefixes))
                if fmt == RdfFormat.TRIG and data and isinstance(graph, NamedNode):
                    data = b"%s {\n%s}\n" % (str(graph).encode("utf-8"), data)
            else:
                data = self._dumped(graph, RdfFormat.N_TRIPLES)
                if fmt == RdfFormat.N_QUADS and isinstance(graph, NamedNode):
                    data = data.replace(b" .\n", b" %s .\n" % str(graph).encode("utf-8"))
            parts.append(data)
        return b"".join(parts)

    def _dumped(self, graph: NamedNode | DefaultGraph, fmt: RdfFormat, prefixes: dict[str, str] | None = None) -> bytes:
        """One graph serialised as bytes. Without an output file Oxigraph writes without holding the GIL, so
        dumps in worker threads run beside each other and beside Python code (into a BytesIO they would not)."""
        return self._store.dump(format=fmt, from_graph=graph, prefixes=prefixes) or b""

    def quads(self, graph: NamedNode | DefaultGraph | None = None) -> Iterable[Quad]:
        return self._store.quads_for_pattern(None, None, None, graph)
