"""Exports for linked-data consumers: Turtle first, and the other standard RDF formats."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from pyoxigraph import NamedNode, RdfFormat

from twingraph.errors import UserError
from twingraph.store.embedded import EmbeddedStore

EXPORT_FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE,
    "trig": RdfFormat.TRIG,
    "nquads": RdfFormat.N_QUADS,
    "ntriples": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
    "rdfxml": RdfFormat.RDF_XML,
}
SUFFIXES = {
    "turtle": ".ttl",
    "trig": ".trig",
    "nquads": ".nq",
    "ntriples": ".nt",
    "jsonld": ".jsonld",
    "rdfxml": ".rdf",
}


def export_format(name: str) -> RdfFormat:
    try:
        return EXPORT_FORMATS[name]
    except KeyError:
        raise UserError(f"unknown export format '{name}'; use one of {', '.join(EXPORT_FORMATS)}") from None


def export_store(store: EmbeddedStore, out: IO[bytes], fmt: str = "turtle", graph: str | None = None) -> None:
    """Serialise the store (or one named graph). Triple formats get the union of all graphs."""
    node = None
    if graph is not None:
        node = NamedNode(graph)
        if not store.has_graph(node):
            raise UserError(f"no graph <{graph}> in the store (twingraph stats lists what is there)")
    store.dump(out, export_format(fmt), node)


def export_to_file(store: EmbeddedStore, path: Path, fmt: str = "turtle", graph: str | None = None) -> None:
    """Write to a temporary file first so a failed export never leaves half a file behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with partial.open("wb") as out:
        export_store(store, out, fmt, graph)
    partial.replace(path)
