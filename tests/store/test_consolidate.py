"""The consolidated graph: one node per real thing, fused across sources, kept in step at write time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from twingraph.facts import Article, City, DateValue, FactSet, Partnership, Visit
from twingraph.ingest.load import prepared_source, store_facts
from twingraph.ingest.run import ingest
from twingraph.inputs.pairs import around_cities, read_pairs, store_table
from twingraph.query.library import load_query
from twingraph.rdf import vocab as v
from twingraph.rdf.iris import article_iri
from twingraph.store import EmbeddedStore, open_store
from twingraph.store.consolidate import (
    consolidated_triples,
    prepare_source,
    rebuild,
    rebuilt_quads,
    write_source,
    write_sources,
)

ROOT = Path(__file__).resolve().parents[2]
DORTMUND = City("Dortmund", "DE")
ZHYTOMYR = City("Zhytomyr", "UA")
SEPT_VISIT = NamedNode(v.ID_NS + "known/visit/ua-zhytomyr--de-dortmund/2023-09-24")
TWINNING = NamedNode(v.ID_NS + "partnership/twinning/de-dortmund--ua-zhytomyr")


def source(key: str, *, origin: str = "extracted", published: str | None = None, **facts: object) -> FactSet:
    article = Article(key=key, text="", url=f"https://example.org/{key}", published=DateValue.parse(published))
    return FactSet(article=article, origin=origin, cities=(DORTMUND, ZHYTOMYR), **facts)  # type: ignore[arg-type]


def visit(start: str | None, size: int | None = None) -> Visit:
    return Visit("Zhytomyr", "Dortmund", start=DateValue.parse(start), size=size)


def twinning(status: str, since: str | None = None) -> Partnership:
    return Partnership(("Dortmund", "Zhytomyr"), type="twinning", status=status, since=DateValue.parse(since))


def values(store: EmbeddedStore, node: NamedNode, predicate: NamedNode) -> list[str]:
    return sorted(q.object.value for q in store.match(node, predicate, None, v.CONSOLIDATED_GRAPH))


def known_visits(store: EmbeddedStore) -> list[str]:
    return sorted(q.subject.value for q in store.match(None, v.RDF_TYPE, v.VISIT, v.CONSOLIDATED_GRAPH))


def rows(store: EmbeddedStore, name: str, **params: str) -> list[dict[str, str]]:
    query = load_query(name)
    result = store.query(query.text, query.bind(params))
    names = [variable.value for variable in result.variables]  # type: ignore[union-attr]
    return [{n: (s[n].value if s[n] is not None else "") for n in names} for s in result]  # type: ignore[union-attr]


def test_same_visit_from_two_sources_is_one_visit_with_both_sources(store: EmbeddedStore) -> None:
    store_facts(store, source("a", visits=(visit("2023-09-24", 6),)))
    store_facts(store, source("b", visits=(visit(None),)))  # the undated report of the one dated visit
    assert known_visits(store) == [SEPT_VISIT.value]
    assert values(store, SEPT_VISIT, v.SOURCE_COUNT) == ["2"]
    statements = values(store, SEPT_VISIT, v.PROV_WAS_DERIVED_FROM)
    graphs = sorted(q.object.value for s in statements for q in store.match(NamedNode(s), v.IN_SOURCE, None, None))
    assert graphs == sorted([article_iri("a").value, article_iri("b").value])


def test_three_sources_fuse_a_less_precise_date_into_the_visit_it_contains(store: EmbeddedStore) -> None:
    store_facts(store, source("a", visits=(visit("2023-09-24"),)))
    store_facts(store, source("b", visits=(visit(None),)))
    store_facts(store, source("c", visits=(visit("2023-09"),)))
    assert known_visits(store) == [SEPT_VISIT.value]
    assert values(store, SEPT_VISIT, v.SOURCE_COUNT) == ["3"]
    assert values(store, SEPT_VISIT, v.START_DATE) == ["2023-09-24"]


def test_undated_reports_stay_apart_when_two_dated_visits_could_be_meant(store: EmbeddedStore) -> None:
    store_facts(store, source("a", visits=(visit("2023-09-24"), visit("2024-05-02"))))
    store_facts(store, source("b", visits=(visit(None),)))
    assert [n.rsplit("/", 1)[-1] for n in known_visits(store)] == ["2023-09-24", "2024-05-02", "undated"]


def test_replacing_and_removing_a_source_removes_its_contribution(store: EmbeddedStore) -> None:
    store_facts(store, source("a", visits=(visit("2023-09-24"),)))
    store_facts(store, source("b", visits=(visit("2023-09-24"),)))
    store_facts(store, source("b", visits=()))  # re-ingested: it no longer reports the visit
    assert values(store, SEPT_VISIT, v.SOURCE_COUNT) == ["1"]
    write_source(store, article_iri("a"), None)  # removed
    assert known_visits(store) == []
    assert not store.has_graph(article_iri("a"))
    # the cities stay while source b names them, and go with it
    dortmund = NamedNode(v.ID_NS + "city/de/dortmund")
    assert values(store, dortmund, v.RDFS_LABEL) == ["Dortmund"]
    write_source(store, article_iri("b"), None)
    assert consolidated_triples(store) == set()


def test_rebuild_gives_the_quads_of_incremental_writes(store: EmbeddedStore) -> None:
    store_facts(store, source("a", published="2023-10", partnerships=(twinning("planned"),), visits=(visit(None),)))
    store_facts(store, source("t", origin="table", partnerships=(twinning("active"),)))
    store_facts(
        store, source("b", visits=(visit("2023-09-24", 6),), partnerships=(twinning("formalized", "2025-07-09"),))
    )
    store_facts(store, source("c", origin="curated", visits=(visit("2023-09-24", 7),)))
    store_facts(store, source("b", visits=(visit("2023-09-24", 5),)))  # replaced
    write_source(store, article_iri("c"), None)  # removed
    incremental = consolidated_triples(store)
    assert incremental == {q.triple for q in rebuilt_quads(store)}
    rebuild(store)
    assert consolidated_triples(store) == incremental


def test_status_is_read_from_dated_phases_not_from_an_undated_table_row(store: EmbeddedStore) -> None:
    store_facts(store, source("t", origin="table", partnerships=(twinning("active"),)))
    store_facts(store, source("a", published="2023-10", partnerships=(twinning("planned"),)))
    assert values(store, TWINNING, v.STATUS) == [v.STATUS_NS + "planned"]
    store_facts(store, source("b", published="2025-07-10", partnerships=(twinning("formalized", "2025-07-09"),)))
    assert values(store, TWINNING, v.STATUS) == [v.STATUS_NS + "formalized"]
    found = [r for r in rows(store, "partners-of", city="dortmund") if r["partner"] == "Zhytomyr"]
    assert len(found) == 1
    assert found[0]["status"] == "formalized" and found[0]["sources"] == "3" and found[0]["since"] == "2025-07-09"
    # the table's undated row is evidence the twinning exists, not a phase
    assert sorted(found[0]["phases"].split("; ")) == ["formalized 2025-07-09", "planned 2023-10"]


def test_conflicting_dates_are_recorded_with_both_sources(store: EmbeddedStore) -> None:
    store_facts(store, source("cur", origin="curated", partnerships=(twinning("active", "1990-05"),)))
    store_facts(store, source("ext", partnerships=(twinning("active", "1991"),)))
    assert values(store, TWINNING, v.SINCE) == ["1990-05"]  # the curated value
    found = sorted(
        (r["property"], r["value"], r["origin"], r["preferred"], r["source"])
        for r in rows(store, "conflicts", city="Zhytomyr")
    )
    assert found == [
        ("since", "1990-05", "curated", "true", "https://example.org/cur"),
        ("since", "1991", "extracted", "false", "https://example.org/ext"),
    ]
    store_facts(store, source("ext", partnerships=(twinning("active", "1990-05"),)))  # corrected
    assert rows(store, "conflicts") == []


def test_demo_store_has_one_history_per_partnership(store: EmbeddedStore) -> None:
    ingest([ROOT / "data" / "articles"], store)
    table = read_pairs(ROOT / "data" / "twin-towns" / "pairs.csv")
    store_table(store, around_cities(table, {"Dortmund", "Zhytomyr"}))
    assert consolidated_triples(store) == {q.triple for q in rebuilt_quads(store)}
    zhytomyr = [r for r in rows(store, "partners-of", city="Dortmund") if r["partner"] == "Zhytomyr"]
    assert sorted(r["type"] for r in zhytomyr) == ["other", "solidarity", "twinning"]
    twin = next(r for r in zhytomyr if r["type"] == "twinning")
    assert twin["status"] == "planned" and twin["sources"] == "2"  # the article's dated plan, not the table's row
    timeline = rows(store, "timeline", city="Dortmund", partner="Zhytomyr")
    planned_visits = [r for r in timeline if r["kind"] == "planned_visit"]
    assert [(r["date"], r["sources"]) for r in planned_visits] == [("2024-02", "2")]
    september = [r for r in timeline if r["kind"] == "visit"]
    assert [(r["date"], r["sources"], r["what"]) for r in september] == [("2023-09-24", "2", "Zhytomyr -> Dortmund")]
    assert values(store, SEPT_VISIT, v.SOURCE_COUNT) == ["2"]


WRITER = """
import sys
from pathlib import Path
from twingraph.facts import Article, City, DateValue, FactSet, Partnership, Visit
from twingraph.ingest.load import store_facts
from twingraph.store import open_store

store = open_store(Path(sys.argv[1]))
cities = (City("Dortmund", "DE"), City("Zhytomyr", "UA"))
for n in range(100000):
    facts = FactSet(
        article=Article(key=f"k{n % 40}", text="", published=DateValue.parse(f"20{10 + n % 15}")),
        cities=cities,
        partnerships=(Partnership(("Dortmund", "Zhytomyr"), type="twinning", status=("planned", "active")[n % 2],
                                  since=DateValue.parse(f"20{10 + n % 7}")),),
        visits=(Visit("Zhytomyr", "Dortmund", start=DateValue.parse(f"2023-09-{1 + n % 20:02d}"), size=n % 9 + 1),),
    )
    store_facts(store, facts)
    print(n, flush=True)
"""


@pytest.mark.slow
def test_sigkill_during_consolidation_leaves_sources_and_consolidated_graph_consistent(tmp_path: Path) -> None:
    path = tmp_path / "store"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True, env=dict(os.environ)
    )
    assert writer.stdout is not None
    for _ in range(60):  # let it write some sources, replacing earlier ones, then kill it mid-write
        writer.stdout.readline()
    time.sleep(0.05)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    store = open_store(path)
    assert len(store.graphs()) > 2
    assert consolidated_triples(store) == {q.triple for q in rebuilt_quads(store)}
    count = values(store, TWINNING, v.SOURCE_COUNT)
    assert count == [str(len([g for g in store.graphs() if g != v.CONSOLIDATED_GRAPH]))]
    # the store stays usable: a further write lands
    store_facts(store, FactSet(article=Article(key="after", text=""), cities=(DORTMUND, ZHYTOMYR)))
    assert store.has_graph(article_iri("after"))


@pytest.fixture(scope="module")
def dev_facts() -> list[FactSet]:
    """The dev articles' facts, twice over under other keys, so that each cluster has several sources."""
    from twingraph.extract import default_extractor
    from twingraph.inputs.articles import read_inputs

    extractor = default_extractor()
    articles = [a for a in read_inputs([ROOT / "data" / "eval" / "articles"]) if isinstance(a, Article)]
    facts = [extractor.extract(a) for a in articles]
    again = [extractor.extract(replace(a, key=f"again/{a.key}", url=None)) for a in articles[::2]]
    return facts + again


def test_a_batch_of_writes_gives_the_quads_of_writing_them_one_by_one(dev_facts: list[FactSet], tmp_path: Path) -> None:
    one, many = open_store(tmp_path / "one"), open_store(tmp_path / "many")
    writes = [(s.graph, s.content) for s in map(prepared_source, dev_facts)]
    emptied, removed = writes[7][0], writes[5][0]
    # batches of various sizes; a source written twice in one batch (the last write lands), one emptied, one
    # removed and one written again in a later batch
    plan = [[*writes[:40], (emptied, [])], writes[40:41], [*writes[41:], writes[3]], [(removed, None), writes[7]]]
    for number, batch in enumerate(plan):
        for graph, quads in batch:
            write_source(one, graph, quads)
        # the third batch as a parallel ingest's workers send it: N-Triples text
        as_text = [prepare_source(graph, quads, as_text=True) for graph, quads in batch]
        counts = write_sources(many, as_text if number == 2 else batch)
        assert counts[-1] == len({q for q in batch[-1][1] or ()})
    assert write_sources(many, [writes[9], writes[9]]) == [0, len(set(writes[9][1]))]
    write_source(one, *writes[9])
    assert {q for q in one.match(None, None, None, None)} == {q for q in many.match(None, None, None, None)}
    fused = consolidated_triples(many)
    assert len(fused) > 5000 and not many.has_graph(removed)
    assert fused == {q.triple for q in rebuilt_quads(many)}
    # clusters fused from sources written in different batches
    assert max(int(c) for c in values_of(many, v.SOURCE_COUNT)) >= 4


def values_of(store: EmbeddedStore, predicate: NamedNode) -> list[str]:
    return [q.object.value for q in store.match(None, predicate, None, v.CONSOLIDATED_GRAPH)]
