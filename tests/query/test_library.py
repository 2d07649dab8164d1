"""The query library: headers, bound parameters, what each question answers, and bad input at the CLI."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import Literal, Store

from twingraph.errors import UserError
from twingraph.facts import Article, City, DateValue, FactSet, Partnership, Visit
from twingraph.ingest.load import store_facts
from twingraph.inputs.curated import load_curated
from twingraph.query.library import LibraryQuery, library, load_query, with_values
from twingraph.query.results import term_text
from twingraph.store import EmbeddedStore, open_store

CONTRACT = ("cities", "persons", "organizations", "partnerships", "visits", "agreements", "events")
ADDED = ("timeline", "partners-of", "delegations", "country-pairs", "planned", "provenance", "conflicts")
HOSTILE = 'x" } DROP ALL #'


def rows(store: EmbeddedStore, name: str, **params: str) -> list[dict[str, str]]:
    query = load_query(name)
    result = store.query(query.text, query.bind(params))
    variables = [v.value for v in result.variables]  # type: ignore[union-attr]
    return [{v: term_text(solution[v]) for v in variables} for solution in result]  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    """The two seed articles' curated facts, plus an extracted and a table source that disagree with them."""
    data = Path(__file__).resolve().parents[2] / "data" / "gold"
    store = open_store(tmp_path_factory.mktemp("library") / "store")
    first = load_curated(data / "seed_000.yaml")
    store_facts(store, first)
    store_facts(store, load_curated(data / "seed_001.yaml"))
    solidarity = first.partnerships[0]
    extracted = dataclasses.replace(
        first,
        article=dataclasses.replace(
            first.article, key="https://example.org/extracted", url="https://example.org/extracted"
        ),
        origin="extracted",
        partnerships=(dataclasses.replace(solidarity, since=DateValue("2022-03")),),
        visits=(),
        events=(),
        agreements=(),
    )
    store_facts(store, extracted)
    table = FactSet(
        article=dataclasses.replace(first.article, key="table:pairs", url=None, text="", title="twin towns"),
        origin="table",
        cities=(City("Dortmund", "DE"), City("Amiens", "FR"), City("Zhytomyr", "UA")),
        partnerships=(
            Partnership(("Dortmund", "Amiens"), type="twinning", status="active", since=DateValue("1960")),
            Partnership(("Dortmund", "Zhytomyr"), type="solidarity", status="active", since=DateValue("2024")),
        ),
    )
    store_facts(store, table)
    return store


def test_library_has_the_contract_and_the_analysts_questions() -> None:
    names = {q.name for q in library()}
    assert set(CONTRACT) | set(ADDED) <= names
    for q in library():
        assert q.description, f"{q.name} lacks its question"
        assert q.columns, f"{q.name} lacks its columns"


def test_header_declares_required_and_optional_params() -> None:
    timeline = load_query("timeline")
    assert [(p.name, p.optional) for p in timeline.params] == [("city", False), ("partner", True)]
    assert "partner city" in timeline.params[1].meaning


def test_binding_checks_names_and_required_params() -> None:
    timeline = load_query("timeline")
    assert timeline.bind({"city": "Dortmund"}) == {"city": Literal("Dortmund"), "cityKey": Literal("dortmund")}
    with pytest.raises(UserError, match="needs --param city=VALUE"):
        timeline.bind({"partner": "Zhytomyr"})
    with pytest.raises(UserError, match="has no parameter 'town'"):
        timeline.bind({"city": "Dortmund", "town": "x"})


def test_a_parameter_also_binds_its_lookup_key_where_the_query_uses_one() -> None:
    partners = load_query("partners-of")
    assert partners.bind({"city": "DORTMUND"}) == {"city": Literal("DORTMUND"), "cityKey": Literal("dortmund")}
    assert "countryKey" not in load_query("country-pairs").bind({"country": "UA"})  # it has no ?countryKey


def test_lookup_key_finds_the_city_in_any_case(sample: EmbeddedStore) -> None:
    def partners(city: str) -> list[tuple[str, str]]:
        return [(r["partner"], r["type"]) for r in rows(sample, "partners-of", city=city)]

    assert partners("DORTMUND") == partners("dortmund") == partners("Dortmund") != []


def test_every_parameter_is_projected_so_results_show_what_was_asked() -> None:
    for q in library():
        for p in q.params:
            select = q.text.split("WHERE", 1)[0]
            assert f"?{p.name}" in select, f"{q.name} does not project ?{p.name}"


def test_values_block_opens_the_outer_where_group() -> None:
    text = 'SELECT ?x WHERE {\n  ?x <urn:p> "{ WHERE" . # { comment\n  { SELECT ?y WHERE { ?y ?p ?o } }\n}'
    bound = with_values(text, {"city": Literal("Dortmund"), "partner": Literal("Zhytomyr")})
    assert bound.startswith('SELECT ?x WHERE {\n  VALUES (?city ?partner) { ("Dortmund" "Zhytomyr") }\n')
    construct = with_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": Literal("a")})
    assert construct.startswith('CONSTRUCT { ?s ?p ?o } WHERE {\n  VALUES (?s) { ("a") }')


def test_hostile_value_stays_one_literal_in_a_values_block() -> None:
    store = Store()
    store.update('INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:label> "x" } }')
    bound = with_values(
        "SELECT ?city ?s WHERE { GRAPH ?g { ?s <urn:label> ?label } FILTER(STR(?label) = STR(?city)) }",
        {"city": Literal(HOSTILE)},
    )
    assert 'VALUES (?city) { ("x\\" } DROP ALL #") }' in bound
    assert list(store.query(bound)) == []
    assert len(store) == 1


def test_hostile_value_is_harmless_on_the_embedded_store(sample: EmbeddedStore) -> None:
    before = len(sample)
    for name in ("timeline", "partners-of", "provenance", "delegations"):
        query = load_query(name)
        first = query.params[0].name
        assert rows(sample, name, **{first: HOSTILE}) == []
    assert len(sample) == before


def test_timeline_of_one_partnership_in_date_order(sample: EmbeddedStore) -> None:
    found = rows(sample, "timeline", city="dortmund", partner="ZHYTOMYR")
    dated = [(r["date"], r["kind"]) for r in found]
    assert dated == sorted(dated)
    assert ("2023-02", "partnership active") in dated
    assert ("2023-09-24", "visit") in dated
    assert ("2024-02", "planned_visit") in dated
    assert ("2025", "partnership planned by") in dated
    visit = next(r for r in found if r["kind"] == "visit")
    assert visit["what"].startswith("Zhytomyr -> Dortmund")
    assert (
        "https://www.dortmund.de/newsroom/nachrichten/delegation-aus-schytomyr-besucht-dortmund.html"
        in visit["source"].split()
    )
    assert visit["evidence"].startswith("Exakt drei Monate")
    assert all(r["with"] == "Zhytomyr" for r in found)


def test_timeline_without_partner_keeps_other_cities(sample: EmbeddedStore) -> None:
    found = rows(sample, "timeline", city="Dortmund")
    assert any("Kyiv" in r["with"] for r in found)
    assert rows(sample, "timeline", city="Dortmund", partner="Kyiv")
    assert rows(sample, "timeline", city="Atlantis") == []


def test_partners_of_prefers_curated_then_extracted_then_table(sample: EmbeddedStore) -> None:
    found = {(r["partner"], r["type"], r["status"]): r for r in rows(sample, "partners-of", city="DORTMUND")}
    solidarity = found[("Zhytomyr", "solidarity", "active")]
    assert (solidarity["since"], solidarity["origin"]) == ("2023-02", "curated")  # not 2022-03, not 2024
    assert solidarity["country"] == "UA"
    amiens = found[("Amiens", "twinning", "active")]  # only the table knows it
    assert (amiens["since"], amiens["origin"], amiens["sources"]) == ("1960", "table", "1")
    assert ("Zhytomyr", "twinning", "planned") in found


def test_delegations_list_members_with_their_posts(sample: EmbeddedStore) -> None:
    found = rows(sample, "delegations", city="dortmund")
    member = next(r for r in found if r["member"] == "Svitlana Olshanska" and r["start"])
    assert (member["from"], member["to"], member["start"], member["size"]) == (
        "Zhytomyr",
        "Dortmund",
        "2023-09-24",
        "6",
    )
    assert member["role"] == "deputy mayor (stellvertretende Bürgermeisterin)"
    assert member["of"] == "Zhytomyr"
    assert rows(sample, "delegations", city="Leeds") == []
    assert len(rows(sample, "delegations")) == len(found)


def test_country_pairs_count_partnerships_by_type(sample: EmbeddedStore) -> None:
    found = {(r["countryA"], r["countryB"], r["type"]): int(r["partnerships"]) for r in rows(sample, "country-pairs")}
    assert found[("DE", "UA", "solidarity")] == 1
    assert found[("DE", "UA", "twinning")] == 1
    assert found[("DE", "FR", "twinning")] == 1
    only_ua = rows(sample, "country-pairs", country="ua")
    assert {(r["countryA"], r["countryB"]) for r in only_ua} == {("DE", "UA")}


def test_planned_lists_announcements_not_reported_done(sample: EmbeddedStore) -> None:
    found = rows(sample, "planned", city="Dortmund")
    kinds = {(r["kind"], r["due"]) for r in found}
    assert ("partnership", "2025") in kinds  # the twinning planned by 2025
    assert ("planned_visit", "2024-02") in kinds
    twinning = next(r for r in found if r["kind"] == "partnership")
    assert twinning["what"] == "twinning partnership"
    assert set(twinning["cities"].split(", ")) == {"Dortmund", "Zhytomyr"}


def test_planned_drops_what_a_later_source_reports_done(tmp_path: Path) -> None:
    data = Path(__file__).resolve().parents[2] / "data" / "gold"
    store = open_store(tmp_path / "store")
    announced = load_curated(data / "seed_000.yaml")
    store_facts(store, announced)
    before = {(r["kind"], r["due"]) for r in rows(store, "planned", city="dortmund")}
    assert {("partnership", "2025"), ("planned_visit", "2024-02")} <= before
    assert rows(store, "planned", city="Amiens") == []
    later = FactSet(
        article=dataclasses.replace(
            announced.article, key="https://example.org/later", url="https://example.org/later"
        ),
        origin="extracted",
        cities=(City("Dortmund", "DE"), City("Zhytomyr", "UA")),
        partnerships=(Partnership(("Dortmund", "Zhytomyr"), type="twinning", status="formalized"),),
        visits=(Visit("Zhytomyr", "Dortmund", start=DateValue("2024-02-20")),),
    )
    store_facts(store, later)
    after = {(r["kind"], r["due"]) for r in rows(store, "planned", city="dortmund")}
    assert ("partnership", "2025") not in after
    assert ("planned_visit", "2024-02") not in after
    assert after == {k for k in before if k[0] not in ("partnership", "planned_visit")}


def test_partnerships_keep_namesake_twins(tmp_path: Path) -> None:
    """Evesham (GB) and Evesham (US) are twinned: one row, both partners named, in a pair of one graph."""
    store = open_store(tmp_path / "store")
    table = FactSet(
        article=Article(key="table:namesakes", text="", title="twin towns"),
        origin="table",
        cities=(City("Evesham", "GB"), City("Evesham", "US"), City("Dortmund", "DE")),
        partnerships=(
            Partnership(("Evesham, GB", "Evesham, US"), type="twinning", status="active"),
            Partnership(("Dortmund", "Evesham, GB"), type="friendship", status="active"),
        ),
    )
    store_facts(store, table)
    found = sorted((r["cityA"], r["cityB"], r["type"]) for r in rows(store, "partnerships"))
    assert found == [("Dortmund", "Evesham", "friendship"), ("Evesham", "Evesham", "twinning")]


def test_provenance_gives_sentences_with_offsets(sample: EmbeddedStore) -> None:
    by_name = rows(sample, "provenance", entity="svitlana olshanska")
    by_iri = rows(sample, "provenance", entity="https://w3id.org/twingraph/id/person/svitlana-olshanska")
    assert by_name and {r["fact"] for r in by_name} == {r["fact"] for r in by_iri}
    dated = next(
        r for r in by_name if r["fact"].endswith("ua-zhytomyr--de-dortmund/2023-09-24") and "dortmund.de" in r["source"]
    )
    assert dated["types"] == "Visit"
    text = (Path(__file__).resolve().parents[2] / "data" / "articles" / "seed_001.txt").read_text(encoding="utf-8")
    assert text[int(dated["begin"]) : int(dated["end"])] == dated["sentence"]


def test_conflicts_mark_the_curated_value_preferred(sample: EmbeddedStore) -> None:
    found = [r for r in rows(sample, "conflicts") if r["property"] == "since"]
    values = {(r["value"], r["origin"], r["preferred"]) for r in found}
    assert values == {("2023-02", "curated", "true"), ("2022-03", "extracted", "false"), ("2024", "table", "false")}
    assert all("Dortmund" in r["about"] and "Zhytomyr" in r["about"] for r in found)


def test_contract_queries_keep_their_columns(sample: EmbeddedStore) -> None:
    assert list(rows(sample, "partnerships")[0])[:7] == [
        "partnership",
        "cityA",
        "cityB",
        "type",
        "status",
        "since",
        "source",
    ]
    assert list(rows(sample, "visits")[0])[:4] == ["visit", "from", "to", "start"]


# --- the real CLI ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    store = str(tmp_path_factory.mktemp("cli") / "store")
    data = Path(__file__).resolve().parents[2] / "data" / "gold"
    curate = ("curate", str(data / "seed_000.yaml"), str(data / "seed_001.yaml"), "--store", store, "--quiet")
    done = subprocess.run([sys.executable, "-m", "twingraph", *curate], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return store


def _one_line_error(done: object) -> str:
    stderr = done.stderr.strip()  # type: ignore[attr-defined]
    assert done.returncode == 2, stderr  # type: ignore[attr-defined]
    assert "Traceback" not in stderr
    assert len(stderr.splitlines()) == 1, stderr
    return stderr


def test_cli_lists_the_library(cli) -> None:
    done = cli("query", "--list", "--format", "json")
    assert done.returncode == 0, done.stderr
    listing = {q["name"]: q for q in json.loads(done.stdout)}
    assert listing["timeline"]["params"][1] == {
        "name": "partner",
        "meaning": listing["timeline"]["params"][1]["meaning"],
        "optional": True,
    }
    plain = cli("query", "--list")
    assert "timeline --param city=... [--param partner=...]" in plain.stdout


def test_cli_formats_follow_the_w3c_results_formats(cli, cli_store: str) -> None:
    args = ("query", "timeline", "--param", "city=dortmund", "--param", "partner=Zhytomyr", "--store", cli_store)
    as_json = json.loads(cli(*args, "--format", "json").stdout)
    assert as_json["head"]["vars"][:4] == ["city", "partner", "date", "kind"]
    first = as_json["results"]["bindings"][0]
    assert first["city"] == {"type": "literal", "value": "dortmund"}
    csv_lines = cli(*args, "--format", "csv").stdout.splitlines()
    assert csv_lines[0] == "city,partner,date,kind,what,with,source,origin,evidence,sources"
    assert len(csv_lines) == len(as_json["results"]["bindings"]) + 1
    tsv_lines = cli(*args, "--format", "tsv").stdout.splitlines()
    assert tsv_lines[0].split("\t")[:3] == ["?city", "?partner", "?date"]
    assert tsv_lines[1].startswith('"dortmund"\t"Zhytomyr"\t"2023-02"')


def test_cli_table_is_readable_in_a_terminal(cli, cli_store: str) -> None:
    done = cli("query", "delegations", "--store", cli_store, env={"COLUMNS": "100"})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert all(len(line) <= 100 for line in lines)
    assert "Svitlana Olshanska" in done.stdout
    assert "…" in done.stdout
    assert lines[-1].startswith(f"{sum(1 for line in lines if line.startswith('│'))} rows")


def test_cli_hostile_param_is_harmless(cli, cli_store: str) -> None:
    done = cli("query", "partners-of", "--param", f"city={HOSTILE}", "--store", cli_store, "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["city,partner,country,type,status,since,origin,sources,phases"]
    again = cli("query", "partners-of", "--param", "city=Dortmund", "--store", cli_store, "--format", "csv")
    assert "Zhytomyr" in again.stdout


def test_cli_source_narrows_a_query_to_that_source(cli, cli_store: str) -> None:
    everything = cli("query", "cities", "--store", cli_store, "--format", "csv")
    assert everything.returncode == 0, everything.stderr
    sources = {line.split(",")[4] for line in everything.stdout.splitlines()[1:]}
    assert len(sources) == 2
    for source in sorted(sources):
        done = cli("query", "cities", "--source", source, "--store", cli_store, "--format", "csv")
        assert done.returncode == 0, done.stderr
        rows = done.stdout.splitlines()[1:]
        assert rows and {row.split(",")[4] for row in rows} == {source}
    both = cli("query", "cities", *(f"-s{s}" for s in sorted(sources)), "--store", cli_store, "--format", "csv")
    assert both.stdout == everything.stdout


def test_cli_source_not_in_the_store(cli, cli_store: str) -> None:
    error = _one_line_error(cli("query", "cities", "--source", "https://example.org/never", "--store", cli_store))
    assert "no source 'https://example.org/never'" in error


def test_cli_unknown_query(cli, cli_store: str) -> None:
    error = _one_line_error(cli("query", "no-such-question", "--store", cli_store))
    assert "unknown query 'no-such-question'" in error and "timeline" in error


def test_cli_file_that_is_not_sparql_shows_line_and_column(cli, cli_store: str, tmp_path: Path) -> None:
    broken = tmp_path / "broken.rq"
    broken.write_text("# A broken question\nSELECT ?x WHERE {\n  ?x ?y\n}\n", encoding="utf-8")
    error = _one_line_error(cli("query", str(broken), "--store", cli_store))
    assert f"{broken}: not valid SPARQL at line 5, column 1" in error
    prose = tmp_path / "notes.rq"
    prose.write_text("these are my notes", encoding="utf-8")
    assert "not valid SPARQL at line 1, column 1" in _one_line_error(cli("query", str(prose), "--store", cli_store))


def test_cli_missing_and_unknown_params(cli, cli_store: str) -> None:
    assert "needs --param city=VALUE" in _one_line_error(cli("query", "timeline", "--store", cli_store))
    error = _one_line_error(cli("query", "timeline", "-p", "city=a", "-p", "town=b", "--store", cli_store))
    assert "has no parameter 'town'" in error
    assert "NAME=VALUE" in _one_line_error(cli("query", "timeline", "-p", "city", "--store", cli_store))


def test_cli_file_with_unprojected_param_gets_a_values_block(cli, cli_store: str, tmp_path: Path) -> None:
    own = tmp_path / "labels.rq"
    own.write_text(
        "# Labels of one city\n# param: name the city\n"
        "SELECT DISTINCT ?label WHERE { GRAPH ?g { ?c a <https://w3id.org/twingraph/ontology#City> ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?l } "
        "FILTER(LCASE(STR(?l)) = LCASE(?name)) BIND(STR(?l) AS ?label) }\n",
        encoding="utf-8",
    )
    done = cli("query", str(own), "-p", "name=KYIV", "--store", cli_store, "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["label", "Kyiv"]


def test_library_query_objects_are_frozen() -> None:
    query = load_query("timeline")
    assert isinstance(query, LibraryQuery)
    with pytest.raises(dataclasses.FrozenInstanceError):
        query.name = "other"  # type: ignore[misc]
