"""The demo's pages draw one node per fact twingraph knows, however many sources report it, with its sources,
source count, phases and conflicts; a store without a consolidated graph gets a hint, not an empty page.

`demo` is conftest.Demo: the store and the pages `twingraph demo` wrote."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from twingraph.store import open_store

SEPT_VISIT = "https://w3id.org/twingraph/id/known/visit/ua-zhytomyr--de-dortmund/2023-09-24"
ARTICLES = (
    "Delegation aus Schytomyr besucht Dortmund",
    "Auf dem Weg zu einer neuen Städtepartnerschaft: Delegation aus Schytomyr besuchte Dortmund",
)


def page_data(page: Path) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="tg-data">(.*?)</script>', page.read_text("utf-8"), re.S)
    assert found is not None
    return json.loads(found[1])  # type: ignore[no-any-return]


def test_the_demo_partnership_page_draws_each_fact_once(demo: Any) -> None:
    nodes = page_data(demo.out / "partnership.html")["nodes"]
    planned = [n for n in nodes if n["label"].startswith("Planned visit")]
    assert [(n["label"], n["count"], len(n["sources"])) for n in planned] == [("Planned visit\n2024-02", 2, 2)]
    assert {s["title"] for s in planned[0]["sources"]} == set(ARTICLES)
    assert all(s["evidence"] for s in planned[0]["sources"])  # each article's own sentence
    (september,) = [n for n in nodes if n["kind"] == "visit" and n["own_date"] == "2023-09-24"]
    assert september["iri"] == SEPT_VISIT and september["count"] == 2
    assert {s["title"] for s in september["sources"]} == set(ARTICLES)
    zhytomyr_to_dortmund = [n for n in nodes if n["label"].split("\n")[0] == "Visit Zhytomyr → Dortmund"]
    assert len(zhytomyr_to_dortmund) == 1  # no undated copy of the September visit beside it
    assert sum(1 for n in nodes if n["label"].split("\n")[0] == "Reception") == 1


def test_dortmund_and_zhytomyr_are_one_partnership_per_type_with_its_phases(demo: Any) -> None:
    nodes = page_data(demo.out / "partnership.html")["nodes"]
    partnerships = {n["ptype"]: n for n in nodes if n["kind"] == "partnership"}
    assert sorted(partnerships) == ["other", "solidarity", "twinning"]
    assert [n["ptype"] for n in nodes if n["kind"] == "partnership"].count("twinning") == 1
    twinning = partnerships["twinning"]
    assert twinning["status"] == "planned" and twinning["count"] == 2  # the article's dated plan and the table's row
    assert [(p["status"], p["start"]) for p in twinning["phases"]] == [("planned", "2023-02")]
    assert twinning["phases"][0]["label"] == "Twinning partnership Dortmund–Zhytomyr planned as of 2023-02"
    solidarity = partnerships["solidarity"]
    assert [(p["status"], p["start"], p["end"]) for p in solidarity["phases"]] == [("active", "2023-02", None)]
    assert "status over time: active 2023-02" in solidarity["tip"]
    assert twinning["tip"].startswith("Twinning partnership (partnership) — 2 sources\n")


def test_the_demo_city_page_lists_partnerships_once(demo: Any) -> None:
    nodes = page_data(demo.out / "dortmund.html")["nodes"]
    pairs = [(n["ptype"], n["iri"].rsplit("/", 1)[-1]) for n in nodes if n["kind"] == "partnership"]
    assert len(pairs) == len(set(pairs))
    assert ("twinning", "de-dortmund--ua-zhytomyr") in pairs


@pytest.mark.browser
def test_opening_a_fact_shows_both_its_sources(open_html, demo: Any) -> None:  # type: ignore[no-untyped-def]
    page = open_html(demo.out / "partnership.html")
    for caption in ("Visit Zhytomyr → Dortmund", "Planned visit"):
        page.js(
            "window.__tg.select(window.__tg.data.nodes.filter(function (n) { return n.label.split('\\n')[0] === "
            + repr(caption)
            + " && n.own_date; })[0].id)"
        )
        details = page.page.locator("#tg-details")
        text = details.inner_text()
        assert "Sources (2)" in text and "stated by 2 sources" in text
        assert all(title in text for title in ARTICLES)
        assert details.locator("blockquote").count() == 2  # each source's evidence sentence
        links = details.locator("a").evaluate_all("(a) => a.map((x) => x.href)")
        assert "https://www.dortmund.de/newsroom/nachrichten/delegation-aus-schytomyr-besucht-dortmund.html" in links
    page.screenshot("demo-visit-sources.png")
    assert page.js("window.__tg.badges.counts") >= 2  # the number of sources drawn beside a node
    list_text = page.page.locator("#tg-list").inner_text()
    assert "2023-09-24 Visit Zhytomyr → Dortmund (visit, 2 sources)" in list_text
    assert page.errors == [] and page.requests == []


@pytest.mark.browser
def test_a_conflict_is_marked_on_the_node_and_named_in_the_panel(open_html, viz_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from twingraph.viz import write_partnership_html

    page = open_html(write_partnership_html(viz_store, tmp_path / "dz.html"))
    assert page.js("window.__tg.badges.conflicts") == 1  # the June 2023 delegation: 19 or 6 people
    page.js(
        "window.__tg.select(window.__tg.data.nodes.filter(function (n) { return n.own_date === '2023-06-19'"
        " && n.kind === 'visit'; })[0].id)"
    )
    conflict = page.page.locator("#tg-details .tg-conflict").inner_text()
    assert conflict.startswith("Sources differ on delegation size: 19 (preferred: ")
    assert page.errors == []


def test_viz_on_a_store_without_a_consolidated_graph_is_a_one_line_hint(cli, demo: Any, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from twingraph.rdf.vocab import CONSOLIDATED_GRAPH

    old = tmp_path / "old-store"
    shutil.copytree(demo.store, old)
    store = open_store(old)
    store.remove_graph(CONSOLIDATED_GRAPH)  # as an older twingraph left it: sources only
    del store
    out = tmp_path / "page.html"
    done = cli("viz", "--out", str(out), "--store", str(old))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: the store has no consolidated graph (it was written by an older twingraph); "
        "run `twingraph consolidate` to build it from the sources"
    ]
    assert not out.exists()
    done = cli("graph", "timeline", "Dortmund", "Zhytomyr", "--store", str(old))
    assert done.returncode == 2 and "run `twingraph consolidate`" in done.stderr and len(done.stderr.splitlines()) == 1
    assert cli("consolidate", "--quiet", "--store", str(old)).returncode == 0
    assert cli("viz", "--out", str(out), "--store", str(old)).returncode == 0
    assert "Planned visit" in out.read_text(encoding="utf-8")
