"""The embedded store: one named graph per source, atomic replacement, persistence, clear errors."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from twingraph.ingest.load import store_facts
from twingraph.inputs.curated import load_curated
from twingraph.rdf.iris import article_iri
from twingraph.rdf.vocab import CONSOLIDATED_GRAPH
from twingraph.store import EmbeddedStore, StoreError, StoreInUseError, open_store


def test_storing_the_same_source_twice_replaces_it(store: EmbeddedStore, data_dir: Path) -> None:
    facts = load_curated(data_dir / "gold" / "seed_000.yaml")
    graph = article_iri(facts.article.key)
    written = store_facts(store, facts)
    assert written == store.count_in(graph) > 100
    total = len(store)  # with the consolidated graph fused from it
    store_facts(store, facts)
    assert store.count_in(graph) == written and len(store) == total
    assert sorted(g.value for g in store.graphs()) == sorted([graph.value, CONSOLIDATED_GRAPH.value])


def test_a_second_source_adds_its_own_graph(store: EmbeddedStore, data_dir: Path) -> None:
    first = load_curated(data_dir / "gold" / "seed_000.yaml")
    second = load_curated(data_dir / "gold" / "seed_001.yaml")
    store_facts(store, first)
    before = len(store)
    store_facts(store, second)
    assert len(store) > before
    assert set(store.graphs()) == {article_iri(first.article.key), article_iri(second.article.key), CONSOLIDATED_GRAPH}


def test_replacing_with_fewer_facts_removes_the_old_ones(store: EmbeddedStore, data_dir: Path) -> None:
    facts = load_curated(data_dir / "gold" / "seed_000.yaml")
    store_facts(store, facts)
    fewer = dataclasses.replace(facts, visits=(), events=())
    store_facts(store, fewer)
    rows = list(store.query("SELECT ?v WHERE { GRAPH ?g { ?v a <https://w3id.org/twingraph/ontology#Visit> } }"))
    assert rows == []


def test_store_persists_across_openings(store_path: Path, data_dir: Path) -> None:
    store = open_store(store_path)
    store_facts(store, load_curated(data_dir / "gold" / "seed_000.yaml"))
    count = len(store)
    del store
    reopened = open_store(store_path, must_exist=True)
    assert len(reopened) == count


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "nothing-here", must_exist=True)


def test_a_file_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "file.txt"
    path.write_text("x")
    with pytest.raises(StoreError, match="is a file, not a store folder"):
        open_store(path)


def test_a_second_process_gets_a_clear_store_in_use_error(store_path: Path, cli) -> None:
    holder = open_store(store_path)
    done = cli("stats", "--store", str(store_path))
    assert done.returncode == 2
    assert "is in use by another twingraph process" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(holder) == 0


def test_waiting_for_a_busy_store_gives_up_after_the_wait(store_path: Path) -> None:
    holder = open_store(store_path)
    started = time.monotonic()
    with pytest.raises(StoreInUseError, match="in use"):
        open_store(store_path, wait=0.6)
    assert time.monotonic() - started >= 0.6
    assert len(holder) == 0


def test_sync_graph_changes_only_that_graph_to_exactly_the_given_quads(store: EmbeddedStore) -> None:
    """Reloads compare N-Triples text: escapes, language tags and typed literals must compare as the terms do."""
    graph, other = NamedNode("https://example.org/table"), NamedNode("https://example.org/article")
    s, p = NamedNode("https://example.org/Житомир"), NamedNode("https://example.org/p")
    kept = [
        Quad(s, p, Literal('quote " and\nline break \\ ok'), graph),
        Quad(s, p, Literal("Zhytomyr", language="en"), graph),
        Quad(s, p, Literal("42", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer")), graph),
    ]
    dropped = Quad(s, p, Literal("old"), graph)
    elsewhere = Quad(s, p, Literal("old"), other)
    store.bulk_extend([*kept, dropped, elsewhere])
    added = Quad(s, p, Literal("new"), graph)
    assert store.sync_graph(graph, [*kept, added, added]) == 4
    assert set(store.quads(graph)) == {*kept, added}
    assert set(store.quads(other)) == {elsewhere}
    assert store.sync_graph(graph, [*kept, added]) == 4 and len(store) == 5


def test_bulk_extend_in_chunks_keeps_blank_nodes_and_counts_distinct_quads(store: EmbeddedStore) -> None:
    """Chunks go to Oxigraph as N-Quads text, whose parser would give each `_:label` a fresh node per chunk."""
    graph, p = NamedNode("https://example.org/table"), NamedNode("https://example.org/p")
    shared = BlankNode("shared")
    plain = [
        Quad(NamedNode(f"https://example.org/s/{n}"), p, Literal(f"value {n} _:not-a-node"), graph) for n in range(7)
    ]
    linked = [Quad(NamedNode(f"https://example.org/s/{n}"), p, shared, graph) for n in range(5)]
    assert store.bulk_extend(iter([*plain, *plain[:3], *linked]), chunk=3) == 12
    assert set(store.quads(graph)) == {*plain, *linked}
    assert len({q.object for q in store.quads(graph) if isinstance(q.object, BlankNode)}) == 1
