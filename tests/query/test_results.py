"""Results for people (tables that fit a terminal) and for programs (the W3C formats)."""

from __future__ import annotations

import io
import json

from pyoxigraph import Literal, NamedNode, Quad, QueryResultsFormat, Store, parse_query_results
from rich.console import Console

from twingraph.query.results import cell_text, column_widths, short_iri, write_results


def _store() -> Store:
    store = Store()
    city = NamedNode("https://w3id.org/twingraph/id/city/de/dortmund")
    sentence = "Die Stadt Dortmund befindet sich seit Februar 2023 in einer Solidaritätspartnerschaft mit Schytomyr."
    store.add(Quad(city, NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Dortmund", language="en")))
    store.add(Quad(city, NamedNode("https://w3id.org/twingraph/ontology#sentence"), Literal(sentence)))
    return store


def test_iris_are_shortened_with_the_project_prefixes() -> None:
    assert short_iri("https://w3id.org/twingraph/id/city/de/dortmund") == "tgid:city/de/dortmund"
    assert short_iri("https://w3id.org/twingraph/ontology#Visit") == "tg:Visit"
    assert short_iri("https://example.org/x") == "https://example.org/x"


def test_long_literals_are_cut_with_an_ellipsis() -> None:
    text = cell_text(Literal("word " * 40), width=20)
    assert len(text) == 20 and text.endswith("…")
    assert cell_text(Literal("two\nlines")) == "two lines"
    assert cell_text(None) == ""


def test_narrow_terminals_leave_out_quotations_before_names() -> None:
    rows = [["2023-02", "Zhytomyr -> Dortmund: Digitale Woche", "x" * 200, "https://example.org/" + "a" * 60]]
    assert list(column_widths(["date", "what", "evidence", "source"], rows, 60)) == ["date", "what", "source"]
    widths = column_widths(["date", "what", "evidence", "source"], rows, 45)
    assert list(widths) == ["date", "what"]
    assert widths["date"] == 7
    wide = column_widths(["date", "what", "evidence", "source"], rows, 300)
    assert list(wide) == ["date", "what", "evidence", "source"]
    assert sum(wide.values()) + 3 * 4 + 1 <= 300


def test_table_fits_the_console_and_counts_rows() -> None:
    out = io.StringIO()
    console = Console(file=out, width=70, color_system=None)
    result = _store().query(
        "SELECT ?city ?label ?sentence WHERE { ?city <http://www.w3.org/2000/01/rdf-schema#label> ?label ; "
        "<https://w3id.org/twingraph/ontology#sentence> ?sentence }"
    )
    assert write_results(result, "table", io.BytesIO(), console) == 1
    printed = out.getvalue()
    assert "tgid:city/de/dortmund" in printed
    assert all(len(line) <= 70 for line in printed.splitlines())
    assert printed.splitlines()[-1].startswith("1 rows")


def test_json_and_tsv_are_the_w3c_formats() -> None:
    query = "SELECT ?label WHERE { ?c <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    out = io.BytesIO()
    write_results(_store().query(query), "json", out, Console(file=io.StringIO()))
    data = json.loads(out.getvalue())
    assert data == {
        "head": {"vars": ["label"]},
        "results": {"bindings": [{"label": {"type": "literal", "value": "Dortmund", "xml:lang": "en"}}]},
    }
    tsv = io.BytesIO()
    write_results(_store().query(query), "tsv", tsv, Console(file=io.StringIO()))
    assert tsv.getvalue().decode() == '?label\n"Dortmund"@en\n'
    back = list(parse_query_results(tsv.getvalue(), format=QueryResultsFormat.TSV))
    assert back[0]["label"] == Literal("Dortmund", language="en")


def test_construct_results_become_turtle_with_prefixes() -> None:
    out = io.BytesIO()
    triples = _store().query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert write_results(triples, "table", out, Console(file=io.StringIO())) == 2
    text = out.getvalue().decode()
    assert "@prefix tgid: <https://w3id.org/twingraph/id/> ." in text
    assert "tgid:city\\/de\\/dortmund" in text or "<https://w3id.org/twingraph/id/city/de/dortmund>" in text
