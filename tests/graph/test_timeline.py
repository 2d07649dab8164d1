"""The history of one partnership, in date order, with its sources."""

from __future__ import annotations

import networkx as nx

from twingraph.graph import resolve_city, timeline


def _timeline(graph: nx.MultiDiGraph, a: str, b: str):  # type: ignore[no-untyped-def]
    return timeline(graph, resolve_city(graph, a), resolve_city(graph, b))


def test_dortmund_zhytomyr_dated_history_in_order(curated_graph: nx.MultiDiGraph) -> None:
    entries = _timeline(curated_graph, "Dortmund", "Schytomyr")
    dated = [(e.date, e.kind) for e in entries if e.date]
    assert dated == [  # one entry per fact however many articles report it; a partnership's per phase
        ("2023-02", "council_resolution"),
        ("2023-02", "partnership active"),
        ("2023-02", "partnership planned"),
        ("2023-06-19", "partnership planned"),
        ("2023-06-19", "visit"),
        ("2023-09-24", "visit"),
        ("2023-09-29", "partnership active"),
        ("2024-02", "planned_visit"),
        ("2024-06-13", "partnership planned"),
        ("2025", "partnership planned by"),
    ]
    undated = entries[len(dated) :]
    assert undated and all(e.date is None for e in undated)  # undated facts come after the dated ones


def test_timeline_entries_carry_their_sources(curated_graph: nx.MultiDiGraph) -> None:
    entries = _timeline(curated_graph, "zhytomyr", "dortmund")  # either order
    visit = next(e for e in entries if e.date == "2023-06-19" and e.kind == "visit")
    assert visit.what.startswith("Visit Dortmund → Zhytomyr (19 people")
    assert len(visit.sources) == 5
    source = next(s for s in visit.sources if s.url and "ruhrnachrichten.de" in s.url)
    assert source.evidence and "19. Juni" in source.evidence
    (youth,) = [e for e in entries if e.kind == "planned_visit" and e.date]
    assert len(youth.sources) == 2  # two articles announce the one planned youth visit


def test_facts_of_an_article_about_another_pair_stay_out(curated_graph: nx.MultiDiGraph) -> None:
    """Article 02 is mainly about Dortmund–Zhytomyr; its council resolution is not Rostov's history."""
    entries = _timeline(curated_graph, "Dortmund", "Rostov-on-Don")
    assert [(e.kind, e.what) for e in entries] == [("partnership suspended", "twinning partnership (suspended)")]
    zhytomyr = {e.kind for e in _timeline(curated_graph, "Dortmund", "Zhytomyr")}
    assert {"reception", "funding", "donation", "agreement", "workshop"} <= zhytomyr


def test_cities_never_linked_have_an_empty_history(curated_graph: nx.MultiDiGraph) -> None:
    assert _timeline(curated_graph, "Leeds", "Zwickau") == []
