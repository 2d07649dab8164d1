"""Copy the store's named graphs to a remote SPARQL store; pushing again replaces each graph.

Two ways in: SPARQL 1.1 Update (`DROP SILENT GRAPH` then `INSERT DATA` in chunks, for any endpoint that
takes updates) or the SPARQL 1.1 Graph Store HTTP Protocol (one `PUT` per graph, atomic per graph on
servers that implement it so). Graph names are kept: each source stays its own graph remotely.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from pyoxigraph import NamedNode, Quad

from twingraph.errors import UserError
from twingraph.store.embedded import EmbeddedStore, StoreError
from twingraph.store.remote import Credentials, EndpointError, RemoteStore

DEFAULT_CHUNK = 2000  # triples per INSERT DATA: small enough for Virtuoso's request limits


@dataclass(frozen=True)
class PushReport:
    graphs: int
    triples: int


class GraphTarget(Protocol):
    def replace(self, graph: NamedNode, lines: list[str]) -> None:
        """Make the remote graph hold exactly these N-Triples lines."""


def ntriples(quad: Quad) -> str:
    return f"{quad.subject} {quad.predicate} {quad.object} ."


def _chunks(lines: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(lines), size):
        yield lines[start : start + size]


class UpdateTarget:
    """SPARQL 1.1 Update: drop the graph, then insert its triples chunk by chunk."""

    def __init__(self, remote: RemoteStore, chunk: int = DEFAULT_CHUNK) -> None:
        self.remote = remote
        self.chunk = max(1, chunk)

    def replace(self, graph: NamedNode, lines: list[str]) -> None:
        drop = f"DROP SILENT GRAPH {graph}"
        chunks = list(_chunks(lines, self.chunk)) or [[]]
        for index, chunk in enumerate(chunks):
            insert = f"INSERT DATA {{ GRAPH {graph} {{\n" + "\n".join(chunk) + "\n} }" if chunk else ""
            # the first request drops and inserts together, so a small graph is replaced in one step
            parts = [drop, insert] if index == 0 else [insert]
            self.remote.update(" ;\n".join(p for p in parts if p))


class GraphStoreTarget:
    """SPARQL 1.1 Graph Store HTTP Protocol: PUT replaces the whole graph."""

    def __init__(self, url: str, credentials: Credentials | None = None, timeout: float = 60) -> None:
        if not url.startswith(("http://", "https://")):
            raise EndpointError(f"graph store must be an http(s) URL, got {url!r}")
        self.url = url
        self.timeout = timeout
        handlers: list[urllib.request.BaseHandler] = []
        if credentials:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, url, credentials.user, credentials.password)
            handlers = [urllib.request.HTTPDigestAuthHandler(passwords), urllib.request.HTTPBasicAuthHandler(passwords)]
        self._opener = urllib.request.build_opener(*handlers)

    def replace(self, graph: NamedNode, lines: list[str]) -> None:
        separator = "&" if "?" in self.url else "?"
        target = f"{self.url}{separator}graph={urllib.parse.quote(graph.value, safe='')}"
        body = ("\n".join(lines) + "\n").encode("utf-8")
        request = urllib.request.Request(
            target, data=body, method="PUT", headers={"Content-Type": "application/n-triples; charset=utf-8"}
        )
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as err:
            detail = err.read().decode("utf-8", "replace").strip().splitlines()
            first = f": {detail[0][:200]}" if detail else ""
            raise EndpointError(f"{self.url} refused graph {graph.value}: HTTP {err.code}{first}") from None
        except urllib.error.URLError as err:
            raise EndpointError(f"cannot reach {self.url}: {err.reason}") from None
        except (TimeoutError, ConnectionError) as err:
            raise EndpointError(f"cannot talk to {self.url}: {err}") from None


def push_store(
    store: EmbeddedStore,
    target: GraphTarget,
    on_graph: Callable[[NamedNode, int], None] | None = None,
) -> PushReport:
    """Send every named graph of the store; `on_graph` hears of each one sent (for progress)."""
    graphs = sorted(store.graphs(), key=lambda g: g.value)
    if not graphs:
        raise UserError(f"store {store.path} has no graphs to push")
    triples = 0
    for graph in graphs:
        lines = list(dict.fromkeys(ntriples(q) for q in store.quads(graph)))
        target.replace(graph, lines)
        triples += len(lines)
        if on_graph:
            on_graph(graph, len(lines))
    return PushReport(graphs=len(graphs), triples=triples)


class RemoteGraphs:
    """A remote SPARQL store as the target of `ingest --endpoint/--graph-store`: it takes each article's graph
    the way the embedded store does (`replace_graph`, so `load.store_facts` writes to either), replacing the
    graph whole (a re-run is idempotent) and retrying with back-off when the server fails or is unreachable."""

    def __init__(
        self,
        target: GraphTarget,
        where: str,
        *,
        reader: RemoteStore | None = None,
        retries: int = 3,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.target = target
        self.path = where
        self.reader = reader  # asks whether a source is there already (feeds); without one, nothing is
        self.retries = retries
        self.backoff = backoff
        self._sleep = sleep
        self.written = 0  # triples sent this run

    def replace_graph(self, graph: NamedNode, quads: Iterable[Quad]) -> int:
        lines = list(dict.fromkeys(ntriples(q) for q in quads if q.graph_name == graph))
        for attempt in range(self.retries + 1):
            try:
                self.target.replace(graph, lines)
                break
            except EndpointError as err:
                if attempt == self.retries:
                    raise StoreError(f"{err} (tried {attempt + 1} times)") from None
                self._sleep(self.backoff * 2**attempt)
        self.written += len(lines)
        return len(lines)

    def has_graph(self, graph: NamedNode) -> bool:
        if self.reader is None:
            return False
        try:
            return bool(self.reader.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))
        except EndpointError:  # an update-only endpoint: the entry is fetched (cached) and its graph replaced
            return False

    def flush(self) -> None:
        """Every graph is sent when it is replaced: nothing waits."""

    def __len__(self) -> int:
        """Triples sent this run (counting the remote store's size could take long on a large store)."""
        return self.written
