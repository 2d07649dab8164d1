"""World twin-town tables: every row checked, cities shared with the article extractor, one graph per table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from twingraph.errors import UserError
from twingraph.gazetteer import gazetteer
from twingraph.inputs import pairs
from twingraph.inputs.pairs import PairTable, read_pairs, store_table
from twingraph.rdf import vocab as v
from twingraph.rdf.iris import article_iri, city_iri
from twingraph.store import EmbeddedStore, embedded, open_store
from twingraph.store.consolidate import consolidated_triples, rebuilt_quads

TABLE = Path(__file__).resolve().parents[2] / "data" / "twin-towns" / "pairs.csv"
HEADER = "city_a,country_a,city_b,country_b,since,qid_a,qid_b,source\n"


def write(tmp_path: Path, body: str, name: str = "pairs.csv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def world() -> PairTable:
    return read_pairs(TABLE)


def test_the_shipped_table_reads_whole(world: PairTable):
    assert world.rows == 31_772
    assert world.key == "table:pairs.csv"
    assert world.facts.origin == "table"
    assert len(world.facts.partnerships) > 31_500
    assert len(world.facts.cities) > 21_000
    assert len(world.problems) <= 5  # a few regions the table pairs but the gazetteer does not know
    assert all(p.type == "twinning" and p.status == "active" for p in world.facts.partnerships[:100])
    # described by the sources.yaml beside it; no URL, since a path on this machine means nothing elsewhere
    assert world.facts.article.title and world.facts.article.title.startswith("World twin-town table")
    assert world.facts.article.url is None
    assert "Hekman/twincities" in (world.facts.article.publisher or "")


def test_table_cities_are_the_cities_articles_name(world: PairTable):
    """'Zhytomyr, Ukraine' in the table and 'Schytomyr' in an article: one city, one IRI, with its QID."""
    cities = {(c.name, c.country): c for c in world.facts.cities}
    article_place = gazetteer().resolve("Schytomyr")
    assert article_place is not None
    table_city = cities[(article_place.name, article_place.country)]
    assert table_city.wikidata == "Q156713"
    assert city_iri(table_city.name, table_city.country) == city_iri(article_place.name, article_place.country)
    assert ("Dortmund", "DE") in cities and ("Rostov-on-Don", "RU") in cities
    pairs = {frozenset(p.cities) for p in world.facts.partnerships}
    assert frozenset({"Dortmund, DE", "Rostov-on-Don, RU"}) in pairs
    assert frozenset({"Amiens, FR", "Dortmund, DE"}) in pairs


def test_spellings_that_differ_only_in_marks_or_punctuation_are_one_city(world: PairTable):
    """The shipped table writes "Granada\u200e" (an invisible mark) and "Trois‐Rivières" (U+2010) beside the
    plain spellings, and "Târgu-Jiu" beside "Târgu Jiu": each is one city, one label, one IRI."""
    by_iri: dict[str, set[str]] = {}
    for c in world.facts.cities:
        by_iri.setdefault(city_iri(c.name, c.country).value, set()).add(c.name)
    for iri in ("es/granada", "ca/trois-rivieres", "ro/targu-jiu", "fr/la-ferte-mace"):
        names = by_iri[f"https://w3id.org/twingraph/id/city/{iri}"]
        assert len(names) == 1 and names.pop().isprintable()
    assert gazetteer().resolve("Granada\u200e") == gazetteer().resolve("Granada")


def test_places_whose_names_give_one_slug_keep_one_iri_each(world: PairTable):
    """Münster and Munster (Lower Saxony), Moûtiers and Moutiers: one slug, two places. The smaller one's IRI
    adds its GeoNames id; every city of the world table has an IRI of its own."""
    by_iri: dict[str, list[str]] = {}
    for c in world.facts.cities:
        by_iri.setdefault(city_iri(c.name, c.country, c.disambiguator).value, []).append(f"{c.name}, {c.country}")
    assert [names for names in by_iri.values() if len(names) > 1] == []
    cities = {(c.name, c.country): c for c in world.facts.cities}
    munster, muenster = cities[("Munster", "DE")], cities[("Münster", "DE")]
    assert (muenster.wikidata, muenster.disambiguator) == ("Q2742", None)  # the city of York's twinning
    assert (munster.wikidata, munster.disambiguator) == ("Q506599", "2867542")
    assert city_iri(munster.name, "DE", munster.disambiguator).value.endswith("/city/de/munster-2867542")
    assert gazetteer().resolve("Münster") == gazetteer().candidates("Münster", "DE")[0]
    assert cities[("Moutiers", "FR")].disambiguator and not cities[("Moûtiers", "FR")].disambiguator


def test_symmetric_and_repeated_rows_are_one_partnership(tmp_path: Path):
    table = read_pairs(
        write(
            tmp_path,
            "Dortmund,Germany,Leeds,United Kingdom,,,,\n"
            "Leeds,United Kingdom,Dortmund,Germany,1969,,,\n"
            "Dortmund,Germany,Leeds,United Kingdom,,,,\n"
            "Kiew,Ukraine,Köln,Germany,,,,\n",
        )
    )
    assert table.problems == ()
    assert [(m.line, m.message) for m in table.merged] == [
        (3, "same pair as line 2 (Leeds - Dortmund): merged"),
        (4, "same pair as line 2 (Dortmund - Leeds): merged"),
    ]
    assert len(table.facts.partnerships) == 2
    leeds = table.facts.partnerships[0]
    assert set(leeds.cities) == {"Dortmund, DE", "Leeds, GB"}
    assert leeds.since is not None and leeds.since.iso == "1969"  # the repeated row's date is kept
    assert {c.name for c in table.facts.cities} == {"Dortmund", "Leeds", "Kyiv", "Cologne"}


def test_iso_codes_work_as_countries(tmp_path: Path):
    table = read_pairs(write(tmp_path, "Zhytomyr,UA,Dortmund,DE,2023-02-28,,,\n"))
    assert table.problems == ()
    (p,) = table.facts.partnerships
    assert p.since is not None and p.since.iso == "2023-02-28"


def test_bad_rows_are_reported_with_their_lines(tmp_path: Path):
    table = read_pairs(
        write(
            tmp_path,
            "Dortmund,Germany,Leeds,United Kingdom,,,,\n"
            "Dortmund,Atlantis,Leeds,United Kingdom,,,,\n"
            "Xqzzyville,Germany,Leeds,United Kingdom,,,,\n"
            "Kyiv,Ukraine,Kyiv,Ukraine,,,,\n"
            "Dortmund,Germany,Amiens,France,soon,,,\n"
            ",Germany,Amiens,France,,,,\n"
            "Dortmund,Germany,Amiens\n"
            "\n",
        )
    )
    assert [(p.line, p.message) for p in table.problems] == [
        (3, "unknown country 'Atlantis' (for 'Dortmund')"),
        (4, "unknown city 'Xqzzyville' in Germany"),
        (5, "self pair: 'Kyiv' twice"),
        (6, "since: not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): 'soon'"),
        (7, "empty city name"),
        (8, "3 fields, the header has 8"),
    ]
    assert table.rows == 7
    assert len(table.facts.partnerships) == 1


def test_two_names_of_one_place_are_skipped_and_listed_without_blocking_the_load(tmp_path: Path):
    # Whether "Kiew" and "Kyiv" are one place is the resolver's judgement, not a broken row: the row holds no
    # partnership, so it is skipped and listed, and the other rows load (the world table has such a row).
    table = read_pairs(write(tmp_path, "Kiew,Ukraine,Kyiv,Ukraine,,,,\nDortmund,Germany,Leeds,United Kingdom,,,,\n"))
    assert table.problems == ()
    assert [(p.line, p.message) for p in table.one_place] == [(2, "'Kiew' and 'Kyiv' are one place, Kyiv, UA")]
    assert [p.cities for p in table.facts.partnerships] == [("Dortmund, DE", "Leeds, GB")]


def test_a_name_several_places_carry_is_picked_by_country_then_qid_and_noted(tmp_path: Path):
    table = read_pairs(
        write(
            tmp_path,
            "Frankfurt,Germany,Dortmund,Germany,,,,\n"
            "Halle,Germany,Dortmund,Germany,,,,\n"
            "Cologne,Italy,Dortmund,Germany,,,,\n",
        )
    )
    cities = {c.name: c.country for c in table.facts.cities}
    assert cities["Frankfurt am Main"] == "DE"
    assert cities["Cologne"] == "IT"  # the country decides, not the population
    assert any(n.line == 3 and "'Halle' in Germany names" in n.message for n in table.notes)


def test_only_the_required_columns_are_needed(tmp_path: Path):
    table = read_pairs(
        write(tmp_path, "Zwickau,Germany,Dortmund,Germany\n", header="city_a,country_a,city_b,country_b\n")
    )
    assert len(table.facts.partnerships) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"city_a,city_b\nDortmund,Leeds\n", "missing columns country_a, country_b"),
        (b"city_a,country_a,city_b\nDortmund,Germany,Leeds\n", "missing column country_b"),
        (b"", "empty file"),
        (HEADER.encode(), "no rows after the header"),
        (HEADER.encode() + b"D\xf6rtmund,Germany,Leeds,United Kingdom,,,,\n", "not UTF-8 text (line 2"),
    ],
)
def test_broken_files_fail_as_a_whole_with_one_clear_line(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message.replace("(", r"\(")):
        read_pairs(path)


def test_missing_file_is_a_user_error(tmp_path: Path):
    with pytest.raises(UserError, match="no such file"):
        read_pairs(tmp_path / "nope.csv")


def test_stored_table_is_one_graph_with_cities_sameas_wikidata(tmp_path: Path, store: EmbeddedStore):
    table = read_pairs(
        write(tmp_path, "Zhytomyr,Ukraine,Dortmund,Germany,,,,\nDortmund,Germany,Leeds,United Kingdom,,,,\n")
    )
    triples = store_table(store, table)
    graph = article_iri("table:pairs.csv")
    assert sorted(g.value for g in store.graphs()) == sorted([graph.value, v.CONSOLIDATED_GRAPH.value])
    assert store.count_in(graph) == triples
    zhytomyr = city_iri("Zhytomyr", "UA")
    assert zhytomyr == city_iri(gazetteer().resolve("Schytomyr").name, "UA")  # the article extractor's IRI
    same_as = {q.object for q in store.quads(graph) if q.subject == zhytomyr and q.predicate == v.OWL_SAME_AS}
    assert NamedNode(v.WIKIDATA_ENTITY + "Q156713") in same_as
    kinds = {q.object for q in store.quads(graph) if q.subject == graph and q.predicate == v.RDF_TYPE}
    assert v.SOURCE_GRAPH_KINDS["table"] in kinds
    partners = {q.object for q in store.quads(graph) if q.predicate == v.PARTNER}
    assert partners == {zhytomyr, city_iri("Dortmund", "DE"), city_iri("Leeds", "GB")}


def test_reloading_replaces_the_graph(tmp_path: Path, store: EmbeddedStore):
    path = write(tmp_path, "Zhytomyr,Ukraine,Dortmund,Germany,,,,\nDortmund,Germany,Leeds,United Kingdom,,,,\n")
    graph = article_iri("table:pairs.csv")
    first = store_table(store, read_pairs(path))
    total = len(store)  # with the consolidated graph
    store_table(store, read_pairs(path))
    assert store.count_in(graph) == first and len(store) == total
    write(tmp_path, "Zhytomyr,Ukraine,Dortmund,Germany,,,,\n")
    second = store_table(store, read_pairs(path))
    assert second < first and store.count_in(graph) == second and len(store) < total
    assert city_iri("Leeds", "GB") not in {q.object for q in store.quads() if q.predicate == v.PARTNER}
    assert consolidated_triples(store) == {q.triple for q in rebuilt_quads(store)}


# --- the command ---------------------------------------------------------------------------------------


def test_cli_loads_and_reports(cli, tmp_path: Path, store_path: Path):
    path = write(tmp_path, "Zhytomyr,Ukraine,Dortmund,Germany,,,,\nDortmund,Germany,Zhytomyr,Ukraine,,,,\n")
    result = cli("load-pairs", str(path), "--store", str(store_path))
    assert result.returncode == 0, result.stderr
    assert "loaded pairs.csv: 2 rows -> 1 partnerships between 2 cities; 1 repeated pairs merged" in result.stdout
    answer = cli("query", "partners-of", "-p", "city=Zhytomyr", "--store", str(store_path), "--format", "json")
    rows = json.loads(answer.stdout)["results"]["bindings"]
    assert [(r["partner"]["value"], r["origin"]["value"]) for r in rows] == [("Dortmund", "table")]


def test_cli_loads_nothing_when_a_row_is_bad(cli, tmp_path: Path, store_path: Path):
    path = write(tmp_path, "Zhytomyr,Ukraine,Dortmund,Germany,,,,\nDortmund,Atlantis,Leeds,United Kingdom,,,,\n")
    result = cli("load-pairs", str(path), "--store", str(store_path))
    assert result.returncode == 2
    assert f"{path}:3: error: unknown country 'Atlantis' (for 'Dortmund')" in result.stderr
    assert "1 bad row in" in result.stderr and "nothing loaded" in result.stderr
    assert "Traceback" not in result.stderr
    assert not store_path.exists()
    skipped = cli("load-pairs", str(path), "--store", str(store_path), "--skip-bad-rows", "--format", "json")
    assert skipped.returncode == 0, skipped.stderr
    summary = json.loads(skipped.stdout)
    assert summary["partnerships"] == 1
    assert summary["skipped"] == [{"line": 3, "message": "unknown country 'Atlantis' (for 'Dortmund')"}]
    assert summary["graph"] == article_iri("table:pairs.csv").value


def test_cli_names_missing_columns(cli, tmp_path: Path, store_path: Path):
    path = write(tmp_path, "Dortmund,Leeds\n", header="city_a,city_b\n")
    result = cli("load-pairs", str(path), "--store", str(store_path))
    assert result.returncode == 2
    assert result.stderr.strip().endswith("missing columns country_a, country_b (the header is: city_a,city_b)")


def test_cli_takes_where_the_table_is_published_from_a_sources_file(cli, tmp_path: Path, store_path: Path):
    path = write(tmp_path, "Zhytomyr,Ukraine,Dortmund,Germany,,,,\n")
    catalog = tmp_path / "where.yaml"
    catalog.write_text("pairs.csv:\n  url: https://example.org/twins.csv\n  title: Twins of the Ruhr\n")
    result = cli("load-pairs", str(path), "--sources", str(catalog), "--store", str(store_path), "--quiet")
    assert result.returncode == 0, result.stderr
    answer = cli("query", "partnerships", "--store", str(store_path), "--format", "json")
    rows = json.loads(answer.stdout)["results"]["bindings"]
    assert [(r["cityA"]["value"], r["cityB"]["value"], r["source"]["value"]) for r in rows] == [
        ("Dortmund", "Zhytomyr", "https://example.org/twins.csv")
    ]


def test_cli_a_broken_sources_file_beside_the_table_loads_nothing(cli, tmp_path: Path, store_path: Path):
    path = write(tmp_path, "Zhytomyr,Ukraine,Dortmund,Germany,,,,\n")
    (tmp_path / "sources.yaml").write_text("pairs.csv:\n  link: https://example.org/\n")
    result = cli("load-pairs", str(path), "--store", str(store_path))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'sources.yaml'}: entry 'pairs.csv' has unknown field 'link' "
        "(known: url, title, publisher, published, language, license)"
    ]
    assert not store_path.exists()


@pytest.mark.slow
def test_cli_loads_the_whole_world_table(cli, store_path: Path):
    result = cli("load-pairs", str(TABLE), "--store", str(store_path), "--format", "json", "--skip-bad-rows")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["rows"] == 31_772 and summary["partnerships"] > 31_500 and summary["triples"] > 300_000
    store = open_store(store_path, read_only=True)
    graph = article_iri("table:pairs.csv")
    assert store.count_in(graph) == summary["triples"]
    assert len(store) == summary["triples"] + store.count_in(v.CONSOLIDATED_GRAPH)
    dortmund = city_iri("Dortmund", "DE")
    with_dortmund = {q.subject for q in store.quads(graph) if q.predicate == v.PARTNER and q.object == dortmund}
    partners = {q.object for q in store.quads(graph) if q.predicate == v.PARTNER and q.subject in with_dortmund} - {
        dortmund
    }
    expected = {
        city_iri(n, c) for n, c in [("Amiens", "FR"), ("Leeds", "GB"), ("Rostov-on-Don", "RU"), ("Zwickau", "DE")]
    }
    assert expected <= partners


def test_a_first_load_that_fails_midway_leaves_no_part_of_the_table(
    tmp_path: Path, store: EmbeddedStore, monkeypatch: pytest.MonkeyPatch
):
    """A bulk load is not a transaction: what a failed one wrote must be removed, so nothing is half-loaded."""
    table = read_pairs(
        write(tmp_path, "Zhytomyr,Ukraine,Dortmund,Germany,,,,\nDortmund,Germany,Leeds,United Kingdom,,,,\n")
    )
    real = pairs.iter_quads

    def failing(facts):
        yield from list(real(facts))[:10]
        raise OSError("disk full")

    monkeypatch.setattr(pairs, "iter_quads", failing)
    monkeypatch.setattr(embedded, "_BULK_CHUNK", 2)  # several chunks written before the failure
    with pytest.raises(OSError, match="disk full"):
        store_table(store, table)
    assert len(store) == 0 and store.graphs() == []
