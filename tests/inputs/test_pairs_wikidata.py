"""`load-pairs` with Wikidata Query Service downloads: P190 rows with P580/P582 qualifiers, CSV and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from twingraph.errors import UserError
from twingraph.inputs.pairs import read_pairs, store_table
from twingraph.query.library import library
from twingraph.query.results import term_text
from twingraph.store import EmbeddedStore

WD = "http://www.wikidata.org/entity/"
ROWS = [
    # city, label, country, twin, label, country, start, end
    ("Q1295", "Dortmund", "Germany", "Q47134", "Amiens", "France", "1960-01-01T00:00:00Z", ""),
    ("Q47134", "Amiens", "France", "Q1295", "Dortmund", "Germany", "", ""),  # P190 is symmetric
    ("Q1295", "Dortmund", "Germany", "Q39121", "Leeds", "United Kingdom", "1969-01-01T00:00:00Z", ""),
    ("Q1295", "Dortmund", "Germany", "Q649", "Moscow", "Russia", "1992-05-01T00:00:00Z", "2022-03-17T00:00:00Z"),
]
VARS = ["city", "cityLabel", "countryLabel", "twin", "twinLabel", "twinCountryLabel", "start", "end"]
EXPECTED = {
    ("Amiens, FR", "Dortmund, DE"): ("1960", None, "active"),
    ("Dortmund, DE", "Leeds, GB"): ("1969", None, "active"),
    ("Dortmund, DE", "Moscow, RU"): ("1992-05", "2022-03-17", "ended"),
}


def _record(row: tuple[str, ...]) -> dict[str, str]:
    values = dict(zip(VARS, row, strict=True))
    values["city"], values["twin"] = WD + values["city"], WD + values["twin"]
    return values


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "query.csv"
    lines = [",".join(VARS)] + [",".join(_record(r).values()) for r in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _plain_json(tmp_path: Path) -> Path:
    path = tmp_path / "query.json"
    path.write_text(json.dumps([{k: v for k, v in _record(r).items() if v} for r in ROWS]), encoding="utf-8")
    return path


def _sparql_json(tmp_path: Path) -> Path:
    path = tmp_path / "results.json"
    bindings = [
        {k: {"type": "uri" if k in ("city", "twin") else "literal", "value": v} for k, v in _record(r).items() if v}
        for r in ROWS
    ]
    path.write_text(json.dumps({"head": {"vars": VARS}, "results": {"bindings": bindings}}), encoding="utf-8")
    return path


@pytest.mark.parametrize("make", [_csv, _plain_json, _sparql_json])
def test_wikidata_download_gives_dated_partnerships(make, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    table = read_pairs(make(tmp_path))
    assert table.problems == ()
    assert len(table.merged) == 1  # Amiens-Dortmund and Dortmund-Amiens
    found = {
        p.cities: (p.since.iso if p.since else None, p.until.iso if p.until else None, p.status)
        for p in table.facts.partnerships
    }
    assert found == EXPECTED
    assert "Q39121" in str({c.name: c.wikidata for c in table.facts.cities}["Leeds"]).split(";")
    assert table.facts.article.publisher == "Wikidata"


def test_day_precision_column_is_obeyed(tmp_path: Path) -> None:
    path = tmp_path / "precise.csv"
    path.write_text(
        "city,cityLabel,countryLabel,twin,twinLabel,twinCountryLabel,start,startPrecision\n"
        f"{WD}Q1295,Dortmund,Germany,{WD}Q39121,Leeds,United Kingdom,1969-01-01T00:00:00Z,11\n",
        encoding="utf-8",
    )
    (partnership,) = read_pairs(path).facts.partnerships
    assert partnership.since is not None and partnership.since.iso == "1969-01-01"


def test_dates_reach_the_partners_query(tmp_path: Path, store: EmbeddedStore) -> None:
    store_table(store, read_pairs(_csv(tmp_path)))
    query = next(q for q in library() if q.name == "partners-of")
    rows = store.query(query.text, query.bind({"city": "Dortmund"}))
    found = {term_text(r["partner"]): (term_text(r["since"]), term_text(r["status"])) for r in rows}  # type: ignore[union-attr,index]
    assert found == {"Amiens": ("1960", "active"), "Leeds": ("1969", "active"), "Moscow": ("1992-05", "ended")}


def test_export_without_country_labels_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "no-countries.csv"
    path.write_text(f"city,cityLabel,twin,twinLabel\n{WD}Q1295,Dortmund,{WD}Q39121,Leeds\n", encoding="utf-8")
    with pytest.raises(
        UserError, match=r"a Wikidata export needs the variables \?countryLabel, \?twinCountryLabel too"
    ):
        read_pairs(path)
