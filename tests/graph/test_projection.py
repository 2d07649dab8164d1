"""The store as a typed NetworkX graph: nodes, relations, dates and provenance read with queries/graph-*.rq."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from twingraph.graph import resolve_city
from twingraph.graph.projection import linked

SOLIDARITY = "https://w3id.org/twingraph/id/partnership/solidarity/de-dortmund--ua-zhytomyr"
TWINNING = "https://w3id.org/twingraph/id/partnership/twinning/de-dortmund--ua-zhytomyr"


def test_every_kind_of_fact_becomes_a_typed_node(curated_graph: nx.MultiDiGraph) -> None:
    kinds = Counter(data["kind"] for _, data in curated_graph.nodes(data=True))
    assert set(kinds) == {"city", "person", "organization", "partnership", "visit", "agreement", "event"}
    assert kinds["partnership"] == 11  # 13 stated, the Dortmund–Zhytomyr ones fused across articles
    assert kinds["visit"] == 10  # undated visits stay one per article


def test_a_partnership_stated_by_three_articles_is_one_node_with_three_sources(
    curated_graph: nx.MultiDiGraph,
) -> None:
    node = curated_graph.nodes[SOLIDARITY]
    assert node["label"] == "Solidarity partnership"
    assert node["date"] == node["since"] == "2023-02"
    assert node["statuses"] == ("active",)
    assert len(node["sources"]) == 3
    evidence = {s.evidence for s in node["sources"]}
    assert any(e and e.startswith("Bereits seit Februar 2023 besteht eine Solidaritätspartnerschaft") for e in evidence)
    assert any(s.url == "https://www.westfalenspiegel.de/mit-wasserpumpe-und-wissen/" for s in node["sources"])
    assert [curated_graph.nodes[c]["label"] for c in linked(curated_graph, SOLIDARITY, "partner")] == [
        "Dortmund",
        "Zhytomyr",
    ]


def test_sources_disagreeing_on_status_are_all_kept(curated_graph: nx.MultiDiGraph) -> None:
    node = curated_graph.nodes[TWINNING]
    assert node["statuses"] == ("formalized", "planned")
    assert node["planned_by"] == "2025"
    assert node["since"] is None


def test_visits_have_route_date_size_and_members(curated_graph: nx.MultiDiGraph) -> None:
    visits = {
        data["date"]: node
        for node, data in curated_graph.nodes(data=True)
        if data["kind"] == "visit" and data["date"] == "2023-06-19"
    }
    visit = visits["2023-06-19"]
    data = curated_graph.nodes[visit]
    assert data["label"] == "Visit Dortmund → Zhytomyr"
    assert data["size"] == 6
    members = {curated_graph.nodes[p]["label"] for p in linked(curated_graph, visit, "member")}
    assert members == {"Martin van der Pütten", "Fabian Zeuch", "Ivan Adamenko"}


def test_people_hold_posts_in_organizations_based_in_cities(curated_graph: nx.MultiDiGraph) -> None:
    mueller = next(n for n, d in curated_graph.nodes(data=True) if d["label"] == "Oliver Müller")
    (clinic,) = linked(curated_graph, mueller, "holds post in")
    assert curated_graph.nodes[clinic]["label"] == "Klinikum Dortmund"
    assert [curated_graph.nodes[c]["label"] for c in linked(curated_graph, clinic, "based in")] == ["Dortmund"]


def test_city_names_include_every_spelling_the_articles_use(curated_graph: nx.MultiDiGraph) -> None:
    zhytomyr = resolve_city(curated_graph, "Zhytomyr")
    assert {"Schytomyr", "Schytomyrs", "Zhytomyr"} <= set(curated_graph.nodes[zhytomyr]["names"])
    assert curated_graph.nodes[zhytomyr]["country"] == "UA"
