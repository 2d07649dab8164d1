"""Partners, paths, central cities, communities and city names on the curated Dortmund network."""

from __future__ import annotations

import networkx as nx
import pytest

from twingraph.errors import UserError
from twingraph.facts import Article, City, FactSet, Partnership
from twingraph.graph import central, city_network, communities, partners, project, resolve_city, shortest_path
from twingraph.ingest.load import store_facts
from twingraph.store import EmbeddedStore


@pytest.fixture(scope="module")
def network(curated_graph: nx.MultiDiGraph) -> nx.Graph:
    return city_network(curated_graph)


@pytest.mark.parametrize("name", ["Zhytomyr", "zhytomyr", "Schytomyr", "SCHYTOMYRS", "  Schytomyr "])
def test_a_city_is_found_by_any_spelling_in_any_case(curated_graph: nx.MultiDiGraph, name: str) -> None:
    assert resolve_city(curated_graph, name) == "https://w3id.org/twingraph/id/city/ua/zhytomyr"


def test_an_unknown_city_is_a_user_error(curated_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(UserError, match="unknown city 'Atlantis'"):
        resolve_city(curated_graph, "Atlantis")


def test_a_name_shared_by_cities_in_two_countries_asks_for_the_country(store: EmbeddedStore) -> None:
    for country, partner in (("FR", City("Rome", "IT")), ("US", City("Austin", "US"))):
        facts = FactSet(
            article=Article(key=f"test:paris-{country}", text=""),
            origin="table",
            cities=(City("Paris", country), partner),
            partnerships=(Partnership(("Paris", partner.name), type="twinning"),),
        )
        store_facts(store, facts)
    graph = project(store)
    with pytest.raises(UserError, match="Paris, FR, Paris, US"):
        resolve_city(graph, "paris")
    assert resolve_city(graph, "Paris, us") == "https://w3id.org/twingraph/id/city/us/paris"


def test_direct_partners_of_dortmund_with_their_partnerships(curated_graph: nx.MultiDiGraph, network: nx.Graph) -> None:
    found = partners(curated_graph, network, resolve_city(curated_graph, "Dortmund"))
    assert [p.label for p in found] == ["Amiens", "Leeds", "Rostov-on-Don", "Zhytomyr", "Zwickau"]
    assert {p.hops for p in found} == {1}
    by_label = {p.label: p for p in found}
    assert by_label["Rostov-on-Don"].partnerships == ("twinning (suspended)",)
    assert "solidarity (active, since 2023-02)" in by_label["Zhytomyr"].partnerships
    assert by_label["Amiens"].country == "FR"


def test_partners_within_two_hops_go_through_dortmund(curated_graph: nx.MultiDiGraph, network: nx.Graph) -> None:
    found = partners(curated_graph, network, resolve_city(curated_graph, "Schytomyr"), hops=2)
    assert [(p.label, p.hops, p.via) for p in found] == [
        ("Dortmund", 1, ()),
        ("Amiens", 2, ("Dortmund",)),
        ("Leeds", 2, ("Dortmund",)),
        ("Rostov-on-Don", 2, ("Dortmund",)),
        ("Zwickau", 2, ("Dortmund",)),
    ]
    assert found[1].partnerships == ()  # partnership details only for direct partners


def test_shortest_path_from_amiens_to_zhytomyr(curated_graph: nx.MultiDiGraph, network: nx.Graph) -> None:
    steps = shortest_path(curated_graph, network, *(resolve_city(curated_graph, c) for c in ("Amiens", "Zhytomyr")))
    assert steps is not None
    assert [(s.from_label, s.to_label) for s in steps] == [("Amiens", "Dortmund"), ("Dortmund", "Zhytomyr")]
    assert steps[0].partnerships == ("twinning (active, since 1960-04-02)",)


def test_no_path_between_unlinked_networks(curated_graph: nx.MultiDiGraph, network: nx.Graph) -> None:
    a, b = resolve_city(curated_graph, "Leeds"), resolve_city(curated_graph, "Teltow")
    assert shortest_path(curated_graph, network, a, b) is None


def test_dortmund_is_the_most_central_city(network: nx.Graph) -> None:
    ranked = central(network, top=3)
    assert ranked[0].label == "Dortmund"
    assert ranked[0].degree == 5
    assert ranked[0].betweenness > 0
    assert [c.degree for c in ranked[1:]] == [2, 2]  # Khotyn, Teltow, Żagań: the tripartite agreement


def test_communities_keep_the_tripartite_partnership_together(network: nx.Graph) -> None:
    groups = communities(network)
    assert groups[0].members[0] == "Dortmund" and groups[0].size == 6
    assert any(set(g.members) == {"Khotyn", "Teltow", "Żagań"} for g in groups)
    assert sum(g.size for g in groups) == sum(1 for c in network if network.degree(c) > 0)
