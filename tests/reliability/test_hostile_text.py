"""Hostile text from web pages: scripts, javascript: links, attribute breakers, `</script>`, RTL overrides and
zero-width characters are stored verbatim as literals and shown as inert text in the viz page (checked in
headless Chromium: nothing runs, no dialog opens, no element is injected)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml
from chromium_support import block_network
from pyoxigraph import NamedNode, Store
from reliability_support import PAYLOADS, run_cli

from twingraph.facts import Article
from twingraph.inputs.articles import read_inputs

if TYPE_CHECKING:
    from playwright.sync_api import Browser

TG = "https://w3id.org/twingraph/ontology#"
INJECTED = "#tg-details script, #tg-details img, #tg-details svg, #tg-details [onmouseover], #tg-details iframe"


def _curated_facts() -> dict[str, object]:
    """Gold-format YAML whose names, descriptions and evidence carry every payload."""
    p = PAYLOADS
    return {
        "source": "https://example.org/hostile-curated",
        "language": "en",
        "cities": [{"name": "Dortmund", "country": "DE"}, {"name": "Zhytomyr", "country": "UA"}],
        "persons": [{"name": f"Eve {p[0]}", "role": f"mayor {p[2]}", "of": "Dortmund"}],
        "organizations": [{"name": f"Club {p[4]}", "city": "Dortmund"}],
        "partnerships": [
            {
                "cities": ["Dortmund", "Zhytomyr"],
                "type": "solidarity",
                "since": "2023-02",
                "status": "active",
                "evidence": " ".join(p),
            },
        ],
        "visits": [
            {
                "from": "Zhytomyr",
                "to": "Dortmund",
                "start": "2023-09-25",
                "size": 6,
                "members": [f"Eve {p[0]}"],
                "occasion": f"{p[1]} {p[3]} {p[8]}",
                "evidence": f"Visit {p[6]} {p[7]}",
            },
        ],
        "agreements": [
            {
                "parties": ["Dortmund", "Zhytomyr"],
                "date": "2023-09-26",
                "topic": f"{p[5]} {p[9]} {p[10]}",
                "evidence": f"Signed {p[4]}",
            },
        ],
    }


def _hostile_article() -> str:
    return (
        f"Dortmund und Schytomyr {PAYLOADS[0]} vertiefen ihre Partnerschaft\n\n"
        f"Die Stadt Dortmund befindet sich seit Februar 2023 in einer Solidaritätspartnerschaft mit Schytomyr "
        f"{PAYLOADS[2]} {PAYLOADS[4]}.\n\n"
        f"Eine Delegation aus Schytomyr besuchte im September 2023 Dortmund {PAYLOADS[7]} {PAYLOADS[6]}.\n"
    )


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Article]:
    folder = tmp_path_factory.mktemp("hostile")
    gold = folder / "set" / "gold"
    gold.mkdir(parents=True)
    (gold / "hostile.yaml").write_text(yaml.safe_dump(_curated_facts(), allow_unicode=True), encoding="utf-8")
    batch = folder / "hostile.jsonl"
    record = {
        "url": "https://example.org/hostile-article",
        "title": f"Partnerschaft {PAYLOADS[4]}",
        "language": "de",
        "text": _hostile_article(),
    }
    batch.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    store = folder / "store"
    for args in (
        ("curate", str(gold / "hostile.yaml")),
        ("ingest", str(batch)),
        ("demo", "--out", str(folder)),
    ):
        done = run_cli(*args, "--store", str(store))
        assert done.returncode == 0, (args, done.stderr)
    read = [item for item in read_inputs([batch]) if isinstance(item, Article)]
    assert len(read) == 1
    page = folder / "viz.html"
    done = run_cli("viz", "--store", str(store), "-o", str(page))
    assert done.returncode == 0, done.stderr
    return store, page, read[0]


def _literals(store: Store, predicate: str) -> list[str]:
    return _literals_of(store, TG + predicate)


def _literals_of(store: Store, predicate: str) -> list[str]:
    return [q.object.value for q in store.quads_for_pattern(None, NamedNode(predicate), None)]


def test_payloads_are_stored_verbatim(hostile_store: tuple[Path, Path, Article]) -> None:
    store_path, _, article = hostile_store
    store = Store.read_only(str(store_path))
    sentences = _literals(store, "sentence")
    assert " ".join(PAYLOADS) in sentences  # the curated evidence, byte for byte
    assert f"Visit {PAYLOADS[6]} {PAYLOADS[7]}" in sentences
    texts = _literals(store, "text")
    assert article.text in texts  # the ingested article as the reader gave it, byte for byte
    stored = next(t for t in texts if t == article.text)
    for payload in (PAYLOADS[2], PAYLOADS[4], PAYLOADS[6], PAYLOADS[7]):  # the first line gives way to the title
        assert payload in stored
    assert f"Partnerschaft {PAYLOADS[4]}" in _literals_of(store, "http://purl.org/dc/terms/title")
    names = [
        q.object.value
        for q in store.quads_for_pattern(None, None, None)
        if f"Eve {PAYLOADS[0]}" == getattr(q.object, "value", None)
    ]
    assert names, "the person's name was not stored as written"


def test_viz_file_has_no_live_markup_from_sources(hostile_store: tuple[Path, Path, Article]) -> None:
    _, page, _ = hostile_store
    html = page.read_text(encoding="utf-8")
    for payload in PAYLOADS:
        if "<" in payload:
            assert payload not in html, f"raw markup in the page: {payload}"
    assert html.count("</script>") == html.count("<script")  # no script element closed early or added


@pytest.mark.browser
@pytest.mark.slow
def test_viz_in_chromium_runs_nothing(hostile_store: tuple[Path, Path, Article], browser: Browser) -> None:
    _, page_path, _ = hostile_store
    dialogs: list[str] = []
    errors: list[str] = []
    page = browser.new_page()
    try:
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda err: errors.append(str(err)))
        block_network(page)
        page.goto(page_path.as_uri())
        page.wait_for_function("document.getElementById('tg-count').textContent.length > 0", timeout=20_000)
        labels = page.evaluate("JSON.parse(document.getElementById('tg-data').textContent).nodes.map(n => n.label)")
        assert any("<script>" in label for label in labels), labels  # the payload reached a node label
        shown = []
        for label in labels:  # open every node's details panel through the search box
            page.fill("#tg-search", label.split("\n")[0][:60])
            page.press("#tg-search", "Enter")
            shown.append(page.inner_text("#tg-details"))
            injected = page.evaluate(f"document.querySelectorAll({INJECTED!r}).length")
            assert injected == 0
            hrefs = page.evaluate("[...document.querySelectorAll('#tg-details a')].map(a => a.href)")
            assert all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
        page.mouse.move(400, 300)
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.__pwned") == "undefined"
    finally:
        page.close()  # and its context
    assert dialogs == []
    assert errors == [], errors
    details = "\n".join(shown)
    assert "<script>alert(1)</script>" in details  # shown as text, as written
    assert PAYLOADS[2] in details or PAYLOADS[4] in details


def test_exports_keep_payloads_as_data(hostile_store: tuple[Path, Path, Article], tmp_path: Path) -> None:
    """RDF/XML and JSON-LD escape what they must: the files parse and give back the payloads unchanged."""
    import rdflib

    store, _, _ = hostile_store
    for fmt, parser in (("rdfxml", "xml"), ("jsonld", "json-ld")):
        out = tmp_path / f"export.{fmt}"
        done = run_cli("export", "--store", str(store), "-f", fmt, "-o", str(out), "-q")
        assert done.returncode == 0, done.stderr
        graph = rdflib.Dataset() if fmt == "jsonld" else rdflib.Graph()
        graph.parse(out, format=parser)
        literals = {
            str(o) for _, _, o, *_ in (graph.quads() if fmt == "jsonld" else graph) if isinstance(o, rdflib.Literal)
        }
        assert " ".join(PAYLOADS) in literals, fmt
