"""The Python API (twingraph.api) on the sample articles, and the README's example run as it is printed."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from twingraph.api import HtmlPage, Rows, TwinGraph
from twingraph.errors import UserError

README = Path(__file__).resolve().parents[1] / "README.md"
LEEDS = "Oberbürgermeister Thomas Westphal empfing am 3. Mai 2024 eine Delegation aus Leeds in Dortmund."


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TwinGraph]:
    with TwinGraph.open(tmp_path_factory.mktemp("api") / "store") as tg:
        tg.demo_data()
        yield tg


def readme_example() -> str:
    section = README.read_text(encoding="utf-8").split("## Python API", 1)[1]
    found = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert found, "the README's Python API section has no python example"
    return found[1]


def test_readme_example_runs_as_printed(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", readme_example()], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "2 articles, 34 facts"
    assert "Zhytomyr solidarity active" in lines
    assert (tmp_path / "dortmund-zhytomyr.html").read_text(encoding="utf-8").lower().startswith("<!doctype html>")
    assert "<https://w3id.org/twingraph/id/city/de/dortmund>" in (tmp_path / "twingraph.ttl").read_text("utf-8")


def test_query_binds_parameters_and_gives_rows(demo: TwinGraph) -> None:
    rows = demo.query("partners-of", city="dortmund")
    assert isinstance(rows, Rows)
    assert rows.columns[:2] == ("city", "partner")
    assert {(r["partner"], r["type"], r["status"]) for r in rows} >= {("Zhytomyr", "solidarity", "active")}
    assert set(rows.column("partner")) == {"Zhytomyr"}
    # a name that only looks like SPARQL stays a name
    assert len(demo.query("partners-of", city='Dortmund" } UNION { ?s ?p ?o')) == 0


def test_query_errors_are_user_errors(demo: TwinGraph) -> None:
    with pytest.raises(UserError, match="needs --param city"):
        demo.query("partners-of")
    with pytest.raises(UserError, match="no parameter 'town'"):
        demo.query("partners-of", city="Dortmund", town="x")
    with pytest.raises(UserError, match="unknown query 'no-such-question'"):
        demo.query("no-such-question")
    with pytest.raises(UserError, match="bad query"):
        demo.sparql("SELECT WHERE")
    with pytest.raises(UserError, match="no column 'town'"):
        demo.query("partners-of", city="Dortmund").column("town")


def test_query_narrowed_to_one_source(demo: TwinGraph) -> None:
    source = "https://www.dortmund.de/newsroom/nachrichten/delegation-aus-schytomyr-besucht-dortmund.html"
    visits = demo.query("visits", sources=[source])
    assert visits.column("source") and set(visits.column("source")) == {source}


def test_dataframe_and_ask(demo: TwinGraph) -> None:
    pytest.importorskip("pandas")
    frame = demo.query("partners-of", city="Dortmund").to_dataframe()
    assert list(frame.columns[:2]) == ["city", "partner"]
    assert "solidarity" in set(frame["type"])
    assert demo.sparql("ASK { GRAPH ?g { ?s ?p ?o } }").rows == ({"answer": True},)
    # numbers and booleans arrive as Python values, dates as their ISO text
    counted = demo.sparql("SELECT (COUNT(*) AS ?n) (1.5 AS ?x) (true AS ?yes) ('2023-02' AS ?when) WHERE {}")
    assert counted[0] == {"n": 1, "x": 1.5, "yes": True, "when": "2023-02"}  # one empty solution
    assert frame["sources"].dtype.kind == "i"


def test_graph_and_html(demo: TwinGraph, tmp_path: Path) -> None:
    graph = demo.graph()
    assert isinstance(graph, nx.MultiDiGraph)
    labels = {data["label"] for _, data in graph.nodes(data=True) if data["kind"] == "city"}
    assert {"Dortmund", "Zhytomyr"} <= labels
    page = demo.html(partnership=("Dortmund", "Zhytomyr"))
    assert isinstance(page, HtmlPage)
    assert "The partnership of Dortmund and Zhytomyr" in page.html
    assert page._repr_html_().lower().startswith("<iframe srcdoc='&lt;!doctype html&gt;")
    assert page.save(tmp_path / "p.html").read_text(encoding="utf-8") == page.html
    assert demo.write_html(tmp_path / "d.html", focus="Dortmund").stat().st_size > 10_000
    assert "<td>Zhytomyr</td>" in demo.query("partners-of", city="Dortmund")._repr_html_()


def test_ingest_text_is_keyed_by_url(tmp_path: Path) -> None:
    with TwinGraph.open(tmp_path / "store") as tg:
        first = tg.ingest_text(LEEDS, url="https://example.org/leeds-visit", language="de")
        size = len(tg)
        again = tg.ingest_text(LEEDS, url="https://example.org/leeds-visit", language="de")
        assert first.facts == again.facts > 0
        assert len(tg) == size  # the article's graph was replaced, not added to
        visits = tg.query("visits")
        assert ("Leeds", "Dortmund", "2024-05-03") in {(r["from"], r["to"], r["start"]) for r in visits}
        with pytest.raises(UserError, match="published must be"):
            tg.ingest_text(LEEDS, published="May 2024")
    # closed: the folder is free for the next one
    with TwinGraph.open(tmp_path / "store", must_exist=True) as again_open:
        assert len(again_open) == size
    with pytest.raises(UserError, match="closed"):
        _ = tg.store
