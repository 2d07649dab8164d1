"""The pages in headless Chromium with no network: drawn, filtered by time and type, searched, and safe."""

from __future__ import annotations

import csv
from itertools import islice
from pathlib import Path
from typing import Any

import pytest

from twingraph.facts import Article, City, DateValue, Event, Evidence, FactSet, Partnership, Person, Visit
from twingraph.load import store_facts
from twingraph.resources import data_dir
from twingraph.store import EmbeddedStore
from twingraph.viz import write_partnership_html, write_store_html

pytestmark = pytest.mark.browser

VISIBLE_LABELS = (  # 'caption|date' of every node drawn now
    "window.__tg.nodeView.get().map(function (n) { var l = n.label.split('\\n'); return l[0] + '|' + (l[1] || ''); })"
)


def set_date(page: Any, iso: str) -> None:
    """Move the slider as a user would: set its value and fire the input event."""
    page.js(
        "(function () { var s = document.getElementById('tg-slider'); var d = window.__tgDayOf("
        + repr(iso)
        + "); s.value = String(d); s.dispatchEvent(new Event('input')); })()"
    )


def click_node(page: Any, label: str) -> None:
    """Click a drawn node where it is on the screen."""
    box = page.page.locator("#tg-network").bounding_box()
    point = page.js(
        "(function () { var n = window.__tg.nodes.get().filter(function (x) { return x.label.split('\\n')[0] === "
        + repr(label)
        + "; })[0]; var p = window.__tg.network.getPositions([n.id])[n.id];"
        " return window.__tg.network.canvasToDOM(p); })()"
    )
    page.page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    page.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


@pytest.fixture(scope="module")
def partnership_html(viz_store: EmbeddedStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_partnership_html(viz_store, tmp_path_factory.mktemp("pages") / "dortmund-zhytomyr.html")


def test_partnership_page_draws_every_node_offline(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    page.screenshot("partnership-all.png")
    total = page.js("window.__tg.data.nodes.length")
    assert total == 44
    assert page.js("window.__tg.nodeView.length") == total
    assert len(page.js("Object.keys(window.__tg.network.getPositions())")) == total
    assert page.js("window.__tg.edgeView.length") > 40
    assert page.js("document.getElementById('tg-date').textContent") == "2025-12-31"
    assert page.errors == []
    assert page.requests == []


def test_the_slider_shows_the_partnership_as_it_stood(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    page.page.locator("#tg-undated").uncheck()  # only what the sources date
    set_date(page, "2022-06-01")
    assert page.js("window.__tg.nodeView.length") == 0
    set_date(page, "2023-07-01")
    early = set(page.js(VISIBLE_LABELS))
    page.screenshot("partnership-2023-07.png")
    assert "Solidarity partnership|2023-02" in early
    assert "Visit Dortmund → Zhytomyr|2023-06-19" in early
    assert "Visit Zhytomyr → Dortmund|2023-09-24" not in early
    assert {"Dortmund|", "Zhytomyr|", "Martin van der Pütten|"} <= early  # the cities and the delegation
    set_date(page, "2024-12-31")
    later = set(page.js(VISIBLE_LABELS))
    assert early < later
    assert "Visit Zhytomyr → Dortmund|2023-09-24" in later
    page.screenshot("partnership-2024-12.png")
    page.page.locator("#tg-undated").check()
    assert page.js("window.__tg.nodeView.length") > len(later)
    assert page.errors == []


def test_play_runs_the_slider_to_the_end(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    page.page.locator("#tg-play").click()
    page.wait_until("document.getElementById('tg-play').textContent.indexOf('Play') >= 0", timeout=30)
    assert page.js("document.getElementById('tg-slider').value") == page.js("document.getElementById('tg-slider').max")


def test_filters_and_search(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    page.page.locator("#tg-kinds input[data-key='person']").uncheck()
    kinds = page.js("window.__tg.nodeView.get().map(function (n) { return window.__tg.data.nodes[n.id].kind; })")
    assert "person" not in kinds and "city" in kinds
    page.page.locator("#tg-ptypes input[data-key='solidarity']").uncheck()
    assert "Solidarity partnership|2023-02" not in page.js(VISIBLE_LABELS)
    page.page.locator("#tg-search").fill("schytomyr")
    page.page.locator("#tg-search").press("Enter")
    selected = page.js(
        "window.__tg.network.getSelectedNodes().map(function (i) { return window.__tg.data.nodes[i].label; })"
    )
    assert selected == ["Zhytomyr"]
    assert page.page.locator("#tg-details h2").inner_text() == "Zhytomyr"


def test_clicking_a_fact_shows_its_sources(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    click_node(page, "Solidarity partnership")
    details = page.page.locator("#tg-details").inner_text()
    page.screenshot("partnership-details.png")
    assert "Sources (3)" in details
    assert "Bereits seit Februar 2023 besteht eine Solidaritätspartnerschaft" in details
    links = page.page.locator("#tg-details a").evaluate_all("(a) => a.map((x) => x.href)")
    assert "https://www.westfalenspiegel.de/mit-wasserpumpe-und-wissen/" in links


ATTACKS = (
    "<script>window.__pwned = 1</script>",
    '" onmouseover="window.__pwned = 1" x="',
    '<img src=x onerror="window.__pwned = 1">',
    "</script><script>window.__pwned = 1</script>",
)


def test_script_in_an_article_never_runs(open_html, store: EmbeddedStore, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    evil = " ".join(ATTACKS)
    store_facts(
        store,
        FactSet(
            article=Article(key="test:evil", text=evil, url="javascript:window.__pwned=1", title=ATTACKS[0]),
            origin="extracted",
            cities=(City("Dortmund", "DE", mentions=(ATTACKS[1],)), City("Zhytomyr", "UA")),
            persons=(Person(ATTACKS[2], role=ATTACKS[1], of="Dortmund"),),
            partnerships=(
                Partnership(
                    ("Dortmund", "Zhytomyr"),
                    "solidarity",
                    since=DateValue("2023-02"),
                    evidence=Evidence(evil, None, None),
                ),
            ),
            visits=(
                Visit(
                    "Dortmund", "Zhytomyr", start=DateValue("2023-06-19"), members=(ATTACKS[2],), occasion=ATTACKS[3]
                ),
            ),
            events=(
                Event("donation", description=ATTACKS[2], items=ATTACKS[0], evidence=Evidence(ATTACKS[3], None, None)),
            ),
        ),
    )
    out = write_partnership_html(store, tmp_path / "evil.html")
    page = open_html(out)
    for label in page.js("window.__tg.nodes.get().map(function (n) { return n.label.split('\\n')[0]; })"):
        click_node(page, label)
        page.page.wait_for_timeout(250)  # let the tooltip open
    page.page.locator("#tg-search").fill("onmouseover")
    page.page.locator("#tg-search").press("Enter")
    page.screenshot("evil.png")
    assert page.js("typeof window.__pwned") == "undefined"
    click_node(page, "Solidarity partnership")
    details = page.page.locator("#tg-details").inner_text()
    assert "<script>window.__pwned = 1</script>" in details  # shown as text
    assert page.page.locator("#tg-details a").count() == 0  # a javascript: URL is never a link
    assert page.page.locator("#tg-details img, #tg-details script").count() == 0
    assert page.errors == [] and page.requests == []


def _table_facts(rows: int) -> FactSet:
    """The first rows of the real twin-town table as one source (as a table loader would store it)."""
    from twingraph.gazetteer.countries import Countries

    countries = Countries(data_dir() / "gazetteer" / "countries.tsv")
    cities: dict[str, City] = {}
    pairs = []
    with (data_dir() / "twin-towns" / "pairs.csv").open(encoding="utf-8", newline="") as handle:
        for row in islice(csv.DictReader(handle), rows):
            names = []
            for side in ("a", "b"):
                name, code = row[f"city_{side}"], countries.code(row[f"country_{side}"])
                cities.setdefault(name, City(name, code))
                names.append(name)
            if names[0] != names[1]:
                pairs.append(Partnership(tuple(names), "twinning"))
    return FactSet(
        Article(key="test:table", text="", title="Twin-town table"),
        "table",
        cities=tuple(cities.values()),
        partnerships=tuple(pairs),
    )


@pytest.mark.skipif(not (data_dir() / "twin-towns" / "pairs.csv").exists(), reason="no twin-town table in data/")
def test_a_large_network_is_drawn_on_the_map_without_physics(open_html, store: EmbeddedStore, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store_facts(store, _table_facts(2500))
    out = write_store_html(store, tmp_path / "world.html")
    page = open_html(out)
    page.screenshot("network-map.png")
    total = page.js("window.__tg.data.nodes.length")
    assert total > 3000 and page.js("window.__tg.data.mode") == "network"
    assert page.js("window.__tg.nodeView.length") == total
    assert page.js("window.__tg.network.physics.physicsEnabled") is False
    first = page.js("window.__tg.data.nodes[0]")
    drawn = page.js("window.__tg.network.getPositions([0])[0]")
    assert abs(drawn["x"] - first["x"]) <= 1 and abs(drawn["y"] - first["y"]) <= 1  # vis rounds positions
    lines = page.js("window.__tg.data.edges.length")
    assert lines > 1000 and page.js("window.__tg.mapLines.drawn") == lines  # partnerships as lines on the map
    page.page.locator("#tg-ptypes input[data-key='twinning']").uncheck()
    assert page.js("window.__tg.mapLines.drawn") == 0
    page.page.locator("#tg-ptypes input[data-key='twinning']").check()
    hub = page.js("window.__tg.data.nodes.filter(function (n) { return n.rank === 0; })[0].label")
    page.page.locator("#tg-search").fill(hub)
    page.page.locator("#tg-search").press("Enter")
    details = page.page.locator("#tg-details").inner_text()
    assert details.startswith(hub) and "Partner cities (" in details
    assert page.js("window.__tgFirstRender") < 5000
    assert page.errors == [] and page.requests == []
