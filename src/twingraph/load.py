"""FactSet -> store: the step every loader (articles, curated YAML, tables) ends with."""

from __future__ import annotations

from twingraph.facts import FactSet
from twingraph.rdf.iris import article_iri
from twingraph.rdf.mapping import facts_to_quads
from twingraph.store.writer import GraphWriter


def store_facts(store: GraphWriter, facts: FactSet) -> int:
    """Replace the source's named graph with these facts in one transaction; returns triples written."""
    return store.replace_graph(article_iri(facts.article.key), facts_to_quads(facts))
