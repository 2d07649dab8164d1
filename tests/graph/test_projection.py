"""The consolidated graph as a typed NetworkX graph: one node per real fact, its relations, dates, phases,
conflicts and sources, read with queries/graph-*.rq."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from twingraph.errors import UserError
from twingraph.facts import Article, City, FactSet, Partnership
from twingraph.graph import project, resolve_city
from twingraph.graph.projection import linked
from twingraph.ingest.load import store_facts
from twingraph.rdf.vocab import CONSOLIDATED_GRAPH
from twingraph.store import EmbeddedStore, open_store

SOLIDARITY = "https://w3id.org/twingraph/id/partnership/solidarity/de-dortmund--ua-zhytomyr"
TWINNING = "https://w3id.org/twingraph/id/partnership/twinning/de-dortmund--ua-zhytomyr"


def test_every_kind_of_fact_becomes_a_typed_node(curated_graph: nx.MultiDiGraph) -> None:
    kinds = Counter(data["kind"] for _, data in curated_graph.nodes(data=True))
    assert set(kinds) == {"city", "person", "organization", "partnership", "visit", "agreement", "event"}
    assert kinds["partnership"] == 11  # 13 stated, the Dortmund–Zhytomyr ones fused across articles
    assert kinds["visit"] == 5  # 10 stated: an undated report joins the one dated visit of the same cities


def test_a_partnership_stated_by_three_articles_is_one_node_with_three_sources(
    curated_graph: nx.MultiDiGraph,
) -> None:
    node = curated_graph.nodes[SOLIDARITY]
    assert node["label"] == "Solidarity partnership"
    assert node["date"] == node["since"] == "2023-02"
    assert node["status"] == "active"
    assert len(node["sources"]) == node["source_count"] == 3
    assert [(p.status, p.date, len(p.sources)) for p in node["phases"]] == [("active", "2023-02", 3)]
    evidence = {s.evidence for s in node["sources"]}
    assert any(e and e.startswith("Bereits seit Februar 2023 besteht eine Solidaritätspartnerschaft") for e in evidence)
    assert any(s.url == "https://www.westfalenspiegel.de/mit-wasserpumpe-und-wissen/" for s in node["sources"])
    assert [curated_graph.nodes[c]["label"] for c in linked(curated_graph, SOLIDARITY, "partner")] == [
        "Dortmund",
        "Zhytomyr",
    ]


def test_a_partnership_has_its_phases_and_its_current_status(curated_graph: nx.MultiDiGraph) -> None:
    """Three articles say the twinning is planned, each as of its own date; one undated 'formalized' decides nothing."""
    node = curated_graph.nodes[TWINNING]
    assert node["status"] == "planned"
    assert [(p.status, p.date) for p in node["phases"]] == [
        ("planned", "2023-02"),
        ("planned", "2023-06-19"),
        ("planned", "2024-06-13"),
    ]
    assert [s.title for s in node["phases"][2].sources] == [
        "Curated facts: 03_westfalenspiegel_wasserpumpe_und_wissen.yaml"
    ]
    assert node["planned_by"] == "2025"
    assert node["since"] is None
    assert node["source_count"] == 5


def test_visits_have_route_date_size_and_members(curated_graph: nx.MultiDiGraph) -> None:
    visits = {
        data["date"]: node
        for node, data in curated_graph.nodes(data=True)
        if data["kind"] == "visit" and data["date"] == "2023-06-19"
    }
    visit = visits["2023-06-19"]
    data = curated_graph.nodes[visit]
    assert data["label"] == "Visit Dortmund → Zhytomyr"
    assert data["source_count"] == 5  # two dated reports and three undated ones of the same trip
    members = {curated_graph.nodes[p]["label"] for p in linked(curated_graph, visit, "member")}
    assert members == {"Martin van der Pütten", "Fabian Zeuch", "Ivan Adamenko", "Oliver Müller"}  # every report's


def test_sources_disagreeing_on_a_value_are_a_conflict(curated_graph: nx.MultiDiGraph) -> None:
    """Two curated articles give the June 2023 delegation 19 and 6 people: the fact carries one, flags both."""
    (visit,) = [n for n, d in curated_graph.nodes(data=True) if d["kind"] == "visit" and d["date"] == "2023-06-19"]
    data = curated_graph.nodes[visit]
    assert data["size"] == 19
    (conflict,) = data["conflicts"]
    assert conflict.property == "size"
    assert [(v.value, v.preferred) for v in conflict.values] == [("19", True), ("6", False)]
    assert "ruhrnachrichten.de" in (conflict.values[1].sources[0].url or "")
    assert "conflicts" not in curated_graph.nodes[SOLIDARITY]


def test_a_link_lists_the_sources_stating_it(curated_graph: nx.MultiDiGraph) -> None:
    (visit,) = [n for n, d in curated_graph.nodes(data=True) if d["kind"] == "visit" and d["date"] == "2023-06-19"]
    all_sources = {s.graph for s in curated_graph.nodes[visit]["sources"]}
    for _, member, key, data in curated_graph.out_edges(visit, keys=True, data=True):
        stating = {s.graph for s in data["sources"]}
        assert stating and stating <= all_sources
        if key == "member" and curated_graph.nodes[member]["label"] == "Ivan Adamenko":
            assert stating < all_sources  # not every report of the trip names him


def test_people_hold_posts_in_organizations_based_in_cities(curated_graph: nx.MultiDiGraph) -> None:
    mueller = next(n for n, d in curated_graph.nodes(data=True) if d["label"] == "Oliver Müller")
    (clinic,) = linked(curated_graph, mueller, "holds post in")
    assert curated_graph.nodes[clinic]["label"] == "Klinikum Dortmund"
    assert [curated_graph.nodes[c]["label"] for c in linked(curated_graph, clinic, "based in")] == ["Dortmund"]


def test_city_names_include_every_spelling_the_articles_use(curated_graph: nx.MultiDiGraph) -> None:
    zhytomyr = resolve_city(curated_graph, "Zhytomyr")
    assert {"Schytomyr", "Schytomyrs", "Zhytomyr"} <= set(curated_graph.nodes[zhytomyr]["names"])
    assert curated_graph.nodes[zhytomyr]["country"] == "UA"


def test_a_store_without_a_consolidated_graph_asks_for_one(store: EmbeddedStore) -> None:
    """A store an older twingraph wrote holds sources only: the projection says how to fuse them."""
    facts = FactSet(
        article=Article(key="test:old", text=""),
        cities=(City("Dortmund", "DE"), City("Amiens", "FR")),
        partnerships=(Partnership(("Dortmund", "Amiens"), type="twinning"),),
    )
    store_facts(store, facts)
    assert project(store).number_of_nodes() == 3
    store.remove_graph(CONSOLIDATED_GRAPH)
    with pytest.raises(UserError, match=r"no consolidated graph .*run `twingraph consolidate`"):
        project(store)


def test_an_empty_store_is_an_empty_graph(tmp_path: Path) -> None:
    assert project(open_store(tmp_path / "empty")).number_of_nodes() == 0
