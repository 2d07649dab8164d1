"""FactSet -> store: the step every loader (articles, curated YAML, tables) ends with."""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import NamedNode, Quad

from twingraph.consolidate import write_source, write_sources
from twingraph.facts import FactSet
from twingraph.rdf.iris import article_iri
from twingraph.rdf.mapping import facts_to_quads
from twingraph.store.embedded import EmbeddedStore
from twingraph.store.writer import GraphWriter


def store_facts(store: GraphWriter, facts: FactSet) -> int:
    """Replace the source's named graph with these facts, and on the embedded store its share of the consolidated
    graph, in one transaction; returns triples written to the source graph.

    A remote store (`ingest --endpoint`) takes the source graph alone and gets no consolidated graph; to publish
    one, ingest into the embedded store and `push` its graphs."""
    graph, quads = article_iri(facts.article.key), facts_to_quads(facts)
    if isinstance(store, EmbeddedStore):
        return write_source(store, graph, quads)
    return store.replace_graph(graph, quads)


def source_quads(facts: FactSet) -> tuple[NamedNode, list[Quad]]:
    """The source's named graph and its quads, ready for `store_sources`."""
    return article_iri(facts.article.key), facts_to_quads(facts)


def store_sources(store: GraphWriter, writes: Sequence[tuple[NamedNode, list[Quad]]]) -> list[int]:
    """Several sources at once: on the embedded store one transaction for all of them and their share of the
    consolidated graph (each cluster fused once for the batch); a remote store takes them one by one."""
    if isinstance(store, EmbeddedStore):
        return write_sources(store, writes)
    return [store.replace_graph(graph, quads) for graph, quads in writes]
