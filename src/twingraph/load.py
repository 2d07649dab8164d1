"""FactSet -> store: the step every loader (articles, curated YAML, tables) ends with."""

from __future__ import annotations

from twingraph.consolidate import write_source
from twingraph.facts import FactSet
from twingraph.rdf.iris import article_iri
from twingraph.rdf.mapping import facts_to_quads
from twingraph.store.embedded import EmbeddedStore


def store_facts(store: EmbeddedStore, facts: FactSet) -> int:
    """Replace the source's named graph with these facts, and its share of the consolidated graph, in one
    transaction; returns triples written to the source graph."""
    return write_source(store, article_iri(facts.article.key), facts_to_quads(facts))
