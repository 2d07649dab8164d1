"""FactSet -> store: the step every loader (articles, curated YAML, tables) ends with."""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import Quad, RdfFormat, parse

from twingraph.facts import FactSet
from twingraph.rdf.iris import article_iri
from twingraph.rdf.mapping import facts_to_quads
from twingraph.store.consolidate import PreparedSource, prepare_source, write_source, write_sources
from twingraph.store.embedded import EmbeddedStore, NTriplesText
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


def prepared_source(facts: FactSet, *, as_text: bool = False) -> PreparedSource:
    """The source's named graph and its quads, with its claims for the consolidated graph, ready for
    `store_sources`; `as_text` for a graph made in a worker process (N-Triples text pickles cheaply)."""
    return prepare_source(article_iri(facts.article.key), facts_to_quads(facts), as_text=as_text)


def store_sources(store: GraphWriter, sources: Sequence[PreparedSource]) -> list[int]:
    """Several sources at once: on the embedded store one transaction for all of them and their share of the
    consolidated graph (each cluster fused once for the batch); a remote store takes them one by one."""
    if isinstance(store, EmbeddedStore):
        return write_sources(store, sources)
    return [store.replace_graph(s.graph, _quads(s)) for s in sources]


def _quads(source: PreparedSource) -> list[Quad]:
    if isinstance(source.content, NTriplesText):
        return [
            Quad(t.subject, t.predicate, t.object, source.graph)
            for t in parse(source.content.text, format=RdfFormat.N_TRIPLES)
        ]
    return source.content or []
