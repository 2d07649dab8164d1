"""What a store must do to take an article's graph: the embedded store and a remote SPARQL store both do it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from pyoxigraph import NamedNode, Quad


class GraphWriter(Protocol):
    def replace_graph(self, graph: NamedNode, quads: Iterable[Quad]) -> int:
        """Make `graph` hold exactly the quads of `quads` that are in it; returns the triples written."""
        ...


class IngestTarget(GraphWriter, Protocol):
    """Where `ingest` writes: it also asks whether a source is stored (feeds) and how large the store is."""

    @property
    def path(self) -> Path | str: ...  # the store folder, or the endpoint URL

    def has_graph(self, graph: NamedNode) -> bool: ...

    def flush(self) -> None:
        """Write buffered changes out (the embedded store keeps them in memory until then)."""
        ...

    def __len__(self) -> int: ...
