"""The Wikidata view (P190 statements with qualifiers and references) and the QuickStatements diff."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

from twingraph.facts import Article, City, DateValue, FactSet, Partnership
from twingraph.ingest.load import store_facts
from twingraph.inputs.pairs import read_pairs, store_table
from twingraph.outputs.export import export_store
from twingraph.outputs.wikidata import (
    TwinningStatement,
    missing_statements,
    quickstatements_line,
    quickstatements_time,
    read_known_pairs,
    twinning_statements,
)
from twingraph.store import EmbeddedStore, open_store

SHARED_PAIRS = Path(__file__).resolve().parents[3] / "shared" / "data" / "twin-towns" / "pairs.csv"
WD = rdflib.Namespace("http://www.wikidata.org/entity/")
WDT = rdflib.Namespace("http://www.wikidata.org/prop/direct/")
P = rdflib.Namespace("http://www.wikidata.org/prop/")
PS = rdflib.Namespace("http://www.wikidata.org/prop/statement/")
PQ = rdflib.Namespace("http://www.wikidata.org/prop/qualifier/")
PQV = rdflib.Namespace("http://www.wikidata.org/prop/qualifier/value/")
PR = rdflib.Namespace("http://www.wikidata.org/prop/reference/")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
WIKIBASE = rdflib.Namespace("http://wikiba.se/ontology#")
URL_A = "https://www.example.org/dortmund-zhytomyr"
URL_B = "https://www.example.org/dortmund-amiens"


def _facts(key: str, *partnerships: Partnership, cities: tuple[City, ...]) -> FactSet:
    return FactSet(article=Article(key=key, text="", url=key), cities=cities, partnerships=partnerships)


DORTMUND = City("Dortmund", "DE", "Q1295")
ZHYTOMYR = City("Zhytomyr", "UA", "Q156713")
AMIENS = City("Amiens", "FR", "Q41604")
ROSTOV = City("Rostov-on-Don", "RU", "Q908")
LEEDS = City("Leeds", "GB")  # no QID: cannot become a statement


def _load(store: EmbeddedStore) -> EmbeddedStore:
    store_facts(
        store,
        _facts(
            URL_A,
            Partnership(("Dortmund", "Zhytomyr"), "twinning", "formalized", since=DateValue("2023-02")),
            Partnership(("Dortmund", "Zhytomyr"), "solidarity", "active", since=DateValue("2022")),
            Partnership(("Dortmund", "Rostov-on-Don"), "twinning", "suspended", since=DateValue("1977")),
            Partnership(("Dortmund", "Leeds"), "twinning", "active", since=DateValue("1969")),
            cities=(DORTMUND, ZHYTOMYR, ROSTOV, LEEDS),
        ),
    )
    store_facts(
        store,
        _facts(
            URL_B,
            Partnership(("Dortmund", "Amiens"), "twinning", "active", since=DateValue("1960")),
            cities=(DORTMUND, AMIENS),
        ),
    )
    # a second source gives the Amiens date to the day: the more precise date wins, with its reference
    store_facts(
        store,
        _facts(
            URL_B + "/2",
            Partnership(("Amiens", "Dortmund"), "twinning", "active", since=DateValue("1960-04-02")),
            cities=(DORTMUND, AMIENS),
        ),
    )
    return store


def test_statements_are_formal_twinnings_with_qids_in_both_directions(store: EmbeddedStore) -> None:
    statements = twinning_statements(_load(store))
    assert statements == [
        TwinningStatement("Q1295", "Q156713", "2023-02", None, URL_A),
        TwinningStatement("Q1295", "Q41604", "1960-04-02", None, URL_B + "/2"),
        TwinningStatement("Q156713", "Q1295", "2023-02", None, URL_A),
        TwinningStatement("Q41604", "Q1295", "1960-04-02", None, URL_B + "/2"),
    ]


def test_view_has_wikidata_rdf_shape(store: EmbeddedStore) -> None:
    out = io.BytesIO()
    export_store(_load(store), out, "turtle", view="wikidata")
    graph = rdflib.Graph().parse(data=out.getvalue(), format="turtle")
    assert set(graph.objects(WD.Q1295, WDT.P190)) == {WD.Q156713, WD.Q41604}
    (statement,) = [s for s in graph.objects(WD.Q1295, P.P190) if (s, PS.P190, WD.Q156713) in graph]
    assert (statement, rdflib.RDF.type, WIKIBASE.Statement) in graph
    start = graph.value(statement, PQ.P580)
    assert start == rdflib.Literal("2023-02-01T00:00:00Z", datatype=rdflib.XSD.dateTime)
    value = graph.value(statement, PQV.P580)
    assert graph.value(value, WIKIBASE.timeCalendarModel) == WD.Q1985727
    precision = graph.value(value, WIKIBASE.timePrecision)
    assert int(precision) == 10
    reference = graph.value(statement, PROV.wasDerivedFrom)
    assert graph.value(reference, PR.P854) == rdflib.URIRef(URL_A)
    assert (WD.Q1295, WDT.P190, WD.Q908) not in graph  # suspended
    assert len(set(graph.subjects(WDT.P190, None))) == 3


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "nquads"])
def test_view_round_trips_through_rapper(store: EmbeddedStore, fmt: str, tmp_path: Path) -> None:
    out = io.BytesIO()
    export_store(_load(store), out, fmt, view="wikidata")
    path = tmp_path / "view"
    path.write_bytes(out.getvalue())
    done = subprocess.run(["rapper", "-q", "-i", fmt, "-o", "ntriples", str(path)], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    back = rdflib.Graph().parse(data=done.stdout, format="nt")
    ours = rdflib.Graph().parse(data=out.getvalue(), format={"turtle": "turtle", "ntriples": "nt"}.get(fmt, "nquads"))
    assert len(back) == len(ours) > 20
    assert isomorphic(back, ours)


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2023", "+2023-00-00T00:00:00Z/9"),
        ("2023-02", "+2023-02-00T00:00:00Z/10"),
        ("1960-04-02", "+1960-04-02T00:00:00Z/11"),
    ],
)
def test_quickstatements_time(iso: str, expected: str) -> None:
    assert quickstatements_time(iso) == expected


def test_quickstatements_line_is_tab_separated_claim_qualifier_reference() -> None:
    line = quickstatements_line(TwinningStatement("Q1295", "Q156713", "2023-02", "2024", URL_A))
    assert line == (
        f'Q1295\tP190\tQ156713\tP580\t+2023-02-00T00:00:00Z/10\tP582\t+2024-00-00T00:00:00Z/9\tS854\t"{URL_A}"'
    )
    assert quickstatements_line(TwinningStatement("Q1", "Q2", None, None, None)) == "Q1\tP190\tQ2"


def test_diff_lists_what_the_table_lacks(store: EmbeddedStore, tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "city_a,country_a,city_b,country_b,since,qid_a,qid_b,source\n"
        "Amiens,France,Dortmund,Germany,,Q41604,Q1295,table\n"
        "Leeds,United Kingdom,Dortmund,Germany,,,Q1295,table\n"
        "Leeds,United Kingdom,Lille,France,,Q39121;Q774015,Q648,table\n",
        encoding="utf-8",
    )
    known = read_known_pairs(pairs)
    # every QID of a cell counts; a row that leaves Leeds's QID empty still lists Leeds (city and
    # municipality), by its name
    assert known == {
        frozenset({"Q41604", "Q1295"}),
        frozenset({"Q39121", "Q1295"}),
        frozenset({"Q774015", "Q1295"}),
        frozenset({"Q39121", "Q648"}),
        frozenset({"Q774015", "Q648"}),
    }
    missing = missing_statements(twinning_statements(_load(store)), known)
    assert [(st.subject, st.partner) for st in missing] == [("Q1295", "Q156713"), ("Q156713", "Q1295")]


def test_a_table_loaded_into_the_store_lacks_nothing_of_itself(store: EmbeddedStore, tmp_path: Path) -> None:
    """The store gives a city the gazetteer's QID where the table's cell is empty; the diff must read it so too."""
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "city_a,country_a,city_b,country_b,since,qid_a,qid_b,source\n"
        "Dortmund,Germany,Leeds,United Kingdom,,Q1295,,table\n"
        "Dortmund,Germany,Amiens,France,,,,table\n",
        encoding="utf-8",
    )
    store_table(store, read_pairs(pairs))
    statements = twinning_statements(store)
    assert {(st.subject, st.partner) for st in statements} >= {("Q1295", "Q39121"), ("Q1295", "Q41604")}
    assert missing_statements(statements, read_known_pairs(pairs)) == []


def test_only_web_addresses_become_reference_urls(store: EmbeddedStore, tmp_path: Path) -> None:
    """P854 is for a page anyone can open: a table described by a file on this machine gives no reference."""
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("city_a,country_a,city_b,country_b\nDortmund,Germany,Leeds,United Kingdom\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(f"pairs.csv:\n  url: {pairs.resolve().as_uri()}\n", encoding="utf-8")
    store_table(store, read_pairs(pairs))
    assert [st.reference_url for st in twinning_statements(store)] == [None, None]
    (tmp_path / "sources.yaml").write_text("pairs.csv:\n  url: https://example.org/twins.csv\n", encoding="utf-8")
    store_table(store, read_pairs(pairs))
    assert [st.reference_url for st in twinning_statements(store)] == ["https://example.org/twins.csv"] * 2


def test_cli_wikidata_diff(cli, store_path: Path, tmp_path: Path) -> None:
    store = open_store(store_path)
    _load(store)
    del store
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("qid_a,qid_b\nQ1295,Q41604\n", encoding="utf-8")
    done = cli("wikidata-diff", "--pairs", str(pairs), "--store", str(store_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f'Q1295\tP190\tQ156713\tP580\t+2023-02-00T00:00:00Z/10\tS854\t"{URL_A}"',
        f'Q156713\tP190\tQ1295\tP580\t+2023-02-00T00:00:00Z/10\tS854\t"{URL_A}"',
    ]
    assert "2 missing" in done.stderr
    as_json = cli("wikidata-diff", "--pairs", str(pairs), "--store", str(store_path), "--format", "json", "-q")
    assert [row["partner"] for row in json.loads(as_json.stdout)] == ["Q156713", "Q1295"]
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\nQ1,Q2\n", encoding="utf-8")
    wrong = cli("wikidata-diff", "--pairs", str(bad), "--store", str(store_path))
    assert wrong.returncode == 2 and "expected columns qid_a and qid_b, or city_a" in wrong.stderr
    absent = cli("wikidata-diff", "--pairs", str(tmp_path / "none.csv"), "--store", str(store_path))
    assert absent.returncode == 2 and "no such file" in absent.stderr


@pytest.mark.skipif(not SHARED_PAIRS.is_file(), reason="twin-town table not available")
def test_the_real_table_knows_dortmund_zhytomyr(store: EmbeddedStore) -> None:
    known = read_known_pairs(SHARED_PAIRS)
    assert len(known) > 10_000
    assert frozenset({"Q1295", "Q156713"}) in known
    assert missing_statements(twinning_statements(_load(store)), known) == []
