"""The pages in headless Chromium with no network: drawn, filtered by time and type, searched, and safe."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from twingraph.facts import Article, City, DateValue, Event, Evidence, FactSet, Partnership, Person, Visit
from twingraph.ingest.load import store_facts
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


FACTS = (  # fact nodes drawn now
    "window.__tg.nodeView.get().filter(function (n) { return ['partnership', 'visit', 'agreement', 'event']"
    ".indexOf(window.__tg.data.nodes[n.id].kind) >= 0; }).length"
)


def test_partnership_page_draws_every_node_offline(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    page.screenshot("partnership-all.png")
    total = page.js("window.__tg.data.nodes.length")
    assert total == 43  # one node per fact however many sources report it
    assert page.js("window.__tg.nodeView.length") == total  # at the end of the axis: every fact, dated or not
    assert len(page.js("Object.keys(window.__tg.network.getPositions())")) == total
    assert page.js("window.__tg.edgeView.length") > 40
    assert page.js("document.getElementById('tg-date').textContent") == "2025-12-31 (all facts)"
    assert page.js("document.getElementById('tg-slider').getAttribute('aria-valuetext')").startswith("2025-12-31")
    assert page.errors == []
    assert page.requests == []


def test_before_the_partnership_no_dated_fact_is_drawn(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    set_date(page, "2023-01-31")
    assert page.js(FACTS) == 0
    assert sorted(page.js(VISIBLE_LABELS)) == ["Dortmund|", "Zhytomyr|"]  # the two cities the page is about
    assert page.js("document.getElementById('tg-slider').getAttribute('aria-valuetext')") == "2023-01-31"
    set_date(page, "2023-02-01")
    assert {"Solidarity partnership|2023-02", "Council resolution|2023-02"} <= set(page.js(VISIBLE_LABELS))


def test_the_slider_shows_the_partnership_as_it_stood(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    set_date(page, "2023-07-01")
    early = set(page.js(VISIBLE_LABELS))
    page.screenshot("partnership-2023-07.png")
    assert "Solidarity partnership|2023-02" in early
    assert "Visit Dortmund → Zhytomyr|2023-06-19" in early
    assert "Visit Zhytomyr → Dortmund|2023-09-24" not in early
    assert "Reception|" not in early  # undated: in the tray, not at every date
    assert {"Dortmund|", "Zhytomyr|"} <= early
    assert any(label.startswith("Martin van der Pütten|") for label in early)  # the delegation
    assert "Twinning partnership|2025" in early  # planned as of 2023-02, though due in 2025
    set_date(page, "2024-12-31")
    later = set(page.js(VISIBLE_LABELS))
    assert early < later
    assert "Visit Zhytomyr → Dortmund|2023-09-24" in later
    page.page.locator("#tg-undated").check()
    assert "Reception|" in set(page.js(VISIBLE_LABELS))
    page.page.locator("#tg-undated").uncheck()
    tray = page.page.locator("#tg-tray-list").inner_text()
    assert "Reception (aid, funding, other event, 2 sources)" in tray and "Funding" in tray
    assert page.errors == []


def test_the_planned_twinning_appears_when_first_planned(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    set_date(page, "2023-01-31")
    assert "Twinning partnership|2025" not in page.js(VISIBLE_LABELS)
    set_date(page, "2023-02-01")  # the first source to plan it speaks as of February 2023
    assert "Twinning partnership|2025" in page.js(VISIBLE_LABELS)
    twinning = page.js(
        "window.__tg.data.nodes.filter(function (n) { return n.label === 'Twinning partnership\\n2025'; })[0].id"
    )
    assert page.js(f"window.__tg.nodes.get({twinning}).shapeProperties.borderDashes") == [6, 3]  # planned: dashed
    item = page.page.locator(".vis-item.tg-planned")
    assert "Twinning partnership Dortmund–Zhytomyr (planned)" in item.all_text_contents()
    planned = page.js(
        "window.__tg.timeline.itemsData.get().filter(function (i) { return /tg-planned/.test(i.className); })"
        ".map(function (i) { return i.content.textContent; })"
    )
    assert sorted(planned) == ["Planned visit (planned)", "Twinning partnership Dortmund–Zhytomyr (planned)"]


def test_play_runs_the_slider_to_the_end(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    page.page.locator("#tg-play").click()
    page.wait_until("document.getElementById('tg-play').textContent.indexOf('Play') >= 0", timeout=30)
    assert page.js("document.getElementById('tg-slider').value") == page.js("document.getElementById('tg-slider').max")


def test_the_time_axis_moves_the_graph(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    page.wait_until("document.querySelector('.vis-timeline').style.visibility !== 'hidden'")
    ranges = page.page.locator(".vis-item.vis-range.tg-visit")
    assert ranges.count() == 1  # the visit of 2023-09-24 to 2023-09-29
    assert set(page.page.locator(".vis-item.tg-phase").all_inner_texts()) == {  # status over time, per partnership
        "Solidarity partnership Dortmund–Zhytomyr since 2023-02",
        "Twinning partnership Dortmund–Zhytomyr planned as of 2023-02",  # three sources planning it, one bar
        "Partnership Dortmund–Zhytomyr since 2023-09-29",
    }
    box = page.page.locator("#tg-timeline .vis-panel.vis-top").bounding_box()  # the axis with the years
    x = page.js("window.__tg.timeline.body.util.toScreen(Date.UTC(2023, 6, 1))")
    page.page.mouse.click(box["x"] + x, box["y"] + box["height"] / 2)
    assert page.js("document.getElementById('tg-date').textContent")[:7] == "2023-07"
    labels = set(page.js(VISIBLE_LABELS))
    assert "Visit Dortmund → Zhytomyr|2023-06-19" in labels and "Visit Zhytomyr → Dortmund|2023-09-24" not in labels
    assert page.errors == []


def test_colours_match_the_legend_on_the_first_frame(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    drawn = page.js(
        "window.__tg.data.nodes.map(function (n) { var o = window.__tg.network.body.nodes[n.id].options;"
        " return [n.kind, n.ptype, o.color.background, o.shape]; })"
    )
    legend = page.js(
        "(function () { var out = {}; document.querySelectorAll('#tg-kinds .tg-swatch, #tg-ptypes .tg-swatch')"
        ".forEach(function (s) { out[s.dataset.ptype || s.dataset.kind] = [getComputedStyle(s).backgroundColor,"
        " s.className.split(' ')[1]]; }); return out; })()"
    )

    def rgb(hex_colour: str) -> str:
        return "rgb({}, {}, {})".format(*(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)))

    assert {kind for kind, *_ in drawn} >= {"city", "partnership", "visit", "agreement", "event", "person"}
    for kind, ptype, colour, shape in drawn:
        swatch_colour = legend[ptype or kind][0]
        assert rgb(colour) == swatch_colour, (kind, ptype)
        assert shape == legend[kind][1]
    assert legend["solidarity"][0] != legend["twinning"][0] != legend["other"][0]


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


def test_persons_are_on_the_page_and_found_by_name(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    labels = page.js(VISIBLE_LABELS)
    assert "Barbara Brunsing|mayor, Dortmund" in labels
    assert "Svitlana Olshanska|deputy mayor, Zhytomyr" in labels
    page.page.locator("#tg-search").fill("brunsing")
    page.page.locator("#tg-search").press("Enter")
    assert page.page.locator("#tg-details h2").inner_text() == "Barbara Brunsing · mayor, Dortmund"
    assert page.page.locator("#tg-found").inner_text() == "1 found"


def test_agreements_stay_tied_to_their_cities(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    lines = (
        "window.__tg.edgeView.get().filter(function (e) { var d = window.__tg.data.edges[e.id];"
        " return window.__tg.data.nodes[d.from].kind === 'agreement'; }).map(function (e) {"
        " return window.__tg.data.nodes[window.__tg.data.edges[e.id].to].kind; })"
    )
    before = page.js(lines)
    assert "organization" in before
    page.page.locator("#tg-kinds input[data-key='organization']").uncheck()
    after = page.js(lines)
    assert "organization" not in after and after.count("city") > before.count("city")  # through its city
    loose = (
        "window.__tg.nodeView.get().filter(function (n) { return window.__tg.data.nodes[n.id].kind === 'agreement'"
        " && window.__tg.network.getConnectedEdges(n.id).length === 0; }).length"
    )
    assert page.js(loose) == 0


def test_relation_names_show_on_hover_only(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    assert page.js("window.__tg.edges.get().filter(function (e) { return e.label && e.label.trim(); }).length") == 0
    tips = page.js("window.__tg.edges.get().map(function (e) { return e.title; })")
    assert any(t.startswith("Visit Zhytomyr → Dortmund (2023-09-24)\nto: Dortmund\nsaid by: ") for t in tips)


def test_clicking_a_fact_shows_its_sources(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    click_node(page, "Solidarity partnership")
    details = page.page.locator("#tg-details").inner_text()
    page.screenshot("partnership-details.png")
    assert "Sources (3)" in details
    assert "Bereits seit Februar 2023 besteht eine Solidaritätspartnerschaft" in details
    links = page.page.locator("#tg-details a").evaluate_all("(a) => a.map((x) => x.href)")
    assert "https://www.westfalenspiegel.de/mit-wasserpumpe-und-wissen/" in links
    assert page.page.locator("#tg-details").get_attribute("aria-live") == "polite"
    click_node(page, "Twinning partnership")
    details = page.page.locator("#tg-details").inner_text()
    assert "Status over time (now planned)" in details
    assert "planned as of 2023-02, 2023-06-19, 2024-06-13" in details
    assert "stated by 5 sources" in details
    click_node(page, "Visit Dortmund → Zhytomyr")
    details = page.page.locator("#tg-details").inner_text()
    assert "Sources differ on delegation size: 19 (preferred: Curated facts: 03_westfalenspiegel" in details
    assert " / 6 (Curated facts: 02_rn_dortmunds_naechste_partnerstadt.yaml)" in details


def test_the_address_holds_the_view_and_restores_it(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    set_date(page, "2023-07-01")
    page.page.locator("#tg-kinds input[data-key='organization']").uncheck()
    page.page.locator("#tg-search").fill("pütten")
    page.page.locator("#tg-search").press("Enter")
    page.page.locator("#tg-link").click()
    url = page.page.url
    assert "date=2023-07-01" in url and "hide=organization" in url and "sel=https%3A%2F%2Fw3id.org" in url
    again = open_html(partnership_html)
    again.page.goto(url)
    again.wait_until("window.__tgStable === true && !!window.__tgFirstRender")
    assert again.js("document.getElementById('tg-date').textContent") == "2023-07-01"
    assert again.page.locator("#tg-kinds input[data-key='organization']").is_checked() is False
    assert again.page.locator("#tg-details h2").inner_text().startswith("Martin van der Pütten")
    assert set(again.js(VISIBLE_LABELS)) == set(page.js(VISIBLE_LABELS))
    assert again.errors == [] and again.requests == []


def test_exports_png_svg_csv(open_html, partnership_html: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    set_date(page, "2023-12-31")
    files = {}
    for button in ("png", "svg", "csv"):
        with page.page.expect_download() as info:
            page.page.locator(f"#tg-{button}").click()
        files[button] = tmp_path / info.value.suggested_filename
        info.value.save_as(files[button])
    assert files["png"].name == "the-partnership-of-dortmund-and-zhytomyr.png"
    assert files["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and files["png"].stat().st_size > 10_000
    svg = files["svg"].read_text(encoding="utf-8")
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Solidarity partnership" in texts and "Twinning partnership" in texts  # planned as of 2023-02
    badges = {g.get("class"): g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class")}
    assert set(badges) == {"tg-count", "tg-conflict"}  # sources stating a fact; the June 2023 delegation's size
    rows = list(csv.reader(files["csv"].read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["kind", "what", "date"]
    whats = [r[1] for r in rows[1:]]
    assert "Solidarity partnership · 2023-02" in whats and "Visit Zhytomyr → Dortmund · 2023-09-24" in whats
    visit = next(r for r in rows[1:] if r[1] == "Visit Zhytomyr → Dortmund · 2023-09-24")
    assert visit[rows[0].index("source count")] == "2"
    assert len(rows) - 1 == page.js(FACTS) + page.js(
        "window.__tg.nodeView.get().filter(function (n) { var k = window.__tg.data.nodes[n.id].kind;"
        " return k === 'person' || k === 'organization'; }).length"
    )
    assert page.errors == [] and page.requests == []


def test_keyboard_and_the_fact_list(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    set_date(page, "2023-12-31")
    buttons = page.page.locator("#tg-list button")
    assert buttons.count() == page.js("window.__tg.nodeView.length")  # the list mirrors the graph
    page.page.locator("#tg-network").focus()
    page.page.keyboard.press("ArrowRight")
    first = page.js("window.__tg.network.getSelectedNodes()")
    assert len(first) == 1
    page.page.keyboard.press("ArrowRight")
    second = page.js("window.__tg.network.getSelectedNodes()")
    assert len(second) == 1 and second != first
    heading = page.page.locator("#tg-details h2").inner_text()
    assert heading == page.js(f"window.__tg.data.nodes[{second[0]}].label.replace(/\\n/g, ' · ')")
    buttons.nth(1).focus()
    page.page.keyboard.press("Enter")
    assert page.page.locator("#tg-list button[aria-current='true']").count() == 1
    page.page.locator("#tg-network").focus()
    page.page.keyboard.press("Escape")
    assert page.js("window.__tg.network.getSelectedNodes()") == []


def test_the_chronology_lists_dated_facts_with_sources(open_html, partnership_html: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_html(partnership_html)
    page.page.locator("#tg-chronology-box summary").click()
    items = page.page.locator("#tg-chronology li").all_inner_texts()
    assert items[0].startswith("2023-02 ")
    assert any(i.startswith("planned for 2025 Twinning partnership") for i in items)
    dates = [i.split(" ")[0] if not i.startswith("planned") else i.split(" ")[2] for i in items]
    assert dates == sorted(dates)
    assert page.page.locator("#tg-chronology a").count() >= len(items)


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


def _table_facts(rows: int, also: tuple[str, ...] = ()) -> FactSet:
    """The first rows of the real twin-town table, and every row naming a city of `also`, as one source (as a
    table loader would store it)."""
    from twingraph.gazetteer.countries import Countries

    countries = Countries(data_dir() / "gazetteer" / "countries.tsv")
    cities: dict[str, City] = {}
    pairs = []
    with (data_dir() / "twin-towns" / "pairs.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
        chosen = table[:rows] + [r for r in table[rows:] if r["city_a"] in also or r["city_b"] in also]
        for row in chosen:
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
    assert page.js("window.__tg.mapLines.cities") == total  # every city drawn, by the page itself
    assert page.js("window.__tg.nodes.length") == 0  # no vis node: twenty thousand take seconds to create
    assert page.page.locator("#tg-count").inner_text() == f"{total} of {total} cities shown"
    box = page.page.locator("#tg-network").bounding_box()
    corners = page.js(
        "(function () { var xs = window.__tg.data.nodes.map(function (n) { return n.x; }), ys ="
        " window.__tg.data.nodes.map(function (n) { return n.y; }); var n = window.__tg.network;"
        " return [n.canvasToDOM({x: Math.min.apply(null, xs), y: Math.min.apply(null, ys)}),"
        " n.canvasToDOM({x: Math.max.apply(null, xs), y: Math.max.apply(null, ys)})]; })()"
    )
    assert corners[0]["x"] >= -1 and corners[0]["y"] >= -1  # the whole map in view
    assert corners[1]["x"] <= box["width"] + 1 and corners[1]["y"] <= box["height"] + 1
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


@pytest.mark.skipif(not (data_dir() / "twin-towns" / "pairs.csv").exists(), reason="no twin-town table in data/")
def test_the_world_map_is_readable(open_html, store: EmbeddedStore, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store_facts(store, _table_facts(2500, also=("Zhytomyr", "Dortmund", "Witten")))
    page = open_html(write_store_html(store, tmp_path / "world.html"))
    assert page.js("window.__tg.data.outlines.length") > 1000  # Natural Earth's borders under the cities
    assert page.page.locator("#tg-date").inner_text() == "the table gives no dates"
    assert page.page.locator("#tg-undated").is_disabled()
    assert "The table gives no dates" in page.page.locator("#tg-note").inner_text()
    labels = page.js("window.__tg.mapLines.labels")
    assert 0 < len(labels) <= 80 and all("(" in label for label in labels)  # countries stand for their cities
    page.page.locator("#tg-search").fill("Житомир")
    page.page.locator("#tg-search").press("Enter")
    page.screenshot("world-zhytomyr.png")
    assert page.page.locator("#tg-details h2").inner_text() == "Zhytomyr"
    centre = page.js(
        "(function () { var n = window.__tg.data.nodes.filter(function (x) { return x.label === 'Zhytomyr'; })[0];"
        " return window.__tg.network.canvasToDOM({x: n.x, y: n.y}); })()"
    )
    box = page.page.locator("#tg-network").bounding_box()
    assert abs(centre["x"] - box["width"] / 2) < 2 and abs(centre["y"] - box["height"] / 2) < 2
    labels = page.js("window.__tg.mapLines.labels")
    partners = page.js(
        "(function () { var z = window.__tg.selected(); return window.__tg.data.edges.filter("
        "function (e) { return e.from === z || e.to === z; }).map(function (e) {"
        " return window.__tg.data.nodes[e.from === z ? e.to : e.from].label; }); })()"
    )
    assert labels[0] == "Zhytomyr" and len(labels) > 10  # the city first, then its neighbours, none overlapping
    assert page.js("window.__tg.mapLines.highlighted") == len(partners) > 5
    for spelling in ("Schytomyr", "zhitomir"):
        page.page.locator("#tg-search").fill(spelling)
        page.page.locator("#tg-search").press("Enter")
        assert page.page.locator("#tg-details h2").inner_text() == "Zhytomyr"
    page.page.locator("#tg-search").fill("Dortmund")
    page.page.locator("#tg-search").press("Enter")
    page.page.locator("#tg-search").fill("")
    dortmund = page.js(
        "(function () { var n = window.__tg.data.nodes.filter(function (x) { return x.label === 'Dortmund'; })[0];"
        " return window.__tg.network.canvasToDOM({x: n.x, y: n.y}); })()"
    )
    page.page.mouse.click(box["x"] + dortmund["x"], box["y"] + dortmund["y"])
    assert page.page.locator("#tg-details h2").inner_text() == "Dortmund"  # not Witten beside it
    page.page.mouse.move(box["x"] + dortmund["x"] + 1, box["y"] + dortmund["y"] + 1)
    page.wait_until("document.querySelector('.tg-map-tip').style.visibility === 'visible'")
    assert page.page.locator(".tg-map-tip").inner_text().startswith("Dortmund (DE)\n")
    assert page.js("window.__tgFirstRender") < 5000
    assert page.errors == [] and page.requests == []


def test_a_fact_from_several_sources_shows_them_all(open_html, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A consolidated fact (one node for a partnership several sources report) lists every source, the points
    they disagree on, and its phases on the time axis."""
    from twingraph.viz.html import write_page
    from twingraph.viz.payload import Payload, _kinds

    sources = [
        {
            "title": f"Article {i}",
            "url": f"https://example.org/{i}",
            "published": f"2023-0{i}",
            "origin": "extracted",
            "evidence": f"Sentence {i}.",
        }
        for i in range(1, 5)
    ]
    city = {
        "kind": "city",
        "ptype": None,
        "date": None,
        "own_date": None,
        "end": None,
        "planned": False,
        "statuses": [],
        "names": [],
        "fields": [],
        "sources": [],
        "tip": "",
        "pin": None,
    }
    payload = Payload(title="Consolidated", mode="facts", anchors=[0, 1], partnership_types=["solidarity"])
    payload.kinds = _kinds(["city", "partnership"])
    payload.nodes = [
        city | {"id": 0, "iri": "urn:a", "label": "Dortmund", "pin": [-300, 0]},
        city | {"id": 1, "iri": "urn:b", "label": "Zhytomyr", "pin": [300, 0]},
        city
        | {
            "id": 2,
            "iri": "urn:p",
            "kind": "partnership",
            "ptype": "solidarity",
            "label": "Solidarity partnership",
            "date": "2023-02",
            "own_date": "2023-02",
            "statuses": ["active"],
            "sources": sources,
            "conflicts": [["since", ["2023-02", "2023-03"]]],
            "phases": [
                {"label": "solidarity", "start": "2023-02", "end": "2024-12"},
                {"label": "twinning (planned)", "start": "2025"},
            ],
        },
    ]
    payload.edges = [
        {"from": 2, "to": 0, "label": "partner", "ptype": "solidarity", "tip": "t"},
        {"from": 2, "to": 1, "label": "partner", "ptype": "solidarity", "tip": "t"},
    ]
    page = open_html(write_page(payload, tmp_path / "consolidated.html"))
    click_node(page, "Solidarity partnership")
    details = page.page.locator("#tg-details").inner_text()
    assert "Sources (4)" in details and all(f"Sentence {i}." in details for i in range(1, 5))
    assert "Sources differ on since: 2023-02 / 2023-03" in details
    phases = page.page.locator(".vis-item.tg-phase").all_text_contents()
    assert {"solidarity", "twinning (planned)"} <= set(phases)
    assert page.errors == [] and page.requests == []
