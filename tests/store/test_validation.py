"""SHACL validation: the demo and dev graphs conform; broken graphs fail, naming the node and the shape."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from twingraph.facts import Article, City, Evidence, FactSet, Partnership, Visit
from twingraph.ingest.load import store_facts
from twingraph.inputs.curated import load_curated
from twingraph.rdf import iris
from twingraph.rdf import vocab as v
from twingraph.rdf.mapping import facts_to_quads
from twingraph.store import EmbeddedStore
from twingraph.store.validation import validate_store

SHARED_GOLD = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev" / "gold"
XSD = "http://www.w3.org/2001/XMLSchema#"
SHAPES = "https://w3id.org/twingraph/shapes#"
TEXT = "Dortmund und Schytomyr sind seit Februar 2023 Partner. Eine Delegation reiste nach Dortmund."
KEY = "https://example.org/broken"
GRAPH = iris.article_iri(KEY)
DORTMUND = iris.city_iri("Dortmund", "DE")
ZHYTOMYR = iris.city_iri("Zhytomyr", "UA")


def _integer(value: int) -> Literal:
    return Literal(str(value), datatype=NamedNode(XSD + "integer"))


def _good_facts() -> FactSet:
    first = TEXT.split(". ")[0] + "."
    return FactSet(
        article=Article(key=KEY, text=TEXT, url=KEY, language="de"),
        cities=(City("Dortmund", "DE", "Q1295"), City("Zhytomyr", "UA", "Q156713")),
        partnerships=(
            Partnership(("Dortmund", "Zhytomyr"), "solidarity", "active", evidence=Evidence.find(TEXT, first)),
        ),
        visits=(Visit("Zhytomyr", "Dortmund", size=6),),
    )


def _store_with(store: EmbeddedStore, change: Callable[[list[Quad]], list[Quad]]) -> EmbeddedStore:
    store.replace_graph(GRAPH, change(facts_to_quads(_good_facts())))
    return store


def test_demo_graph_conforms(store: EmbeddedStore, data_dir: Path) -> None:
    for path in sorted((data_dir / "gold").glob("seed_*.yaml")):
        store_facts(store, load_curated(path))
    report = validate_store(store)
    assert report.graphs == 2
    assert report.results == ()
    assert report.conforms


@pytest.mark.skipif(not SHARED_GOLD.is_dir(), reason="dev set not available")
def test_every_dev_gold_graph_conforms(store: EmbeddedStore) -> None:
    for path in sorted(SHARED_GOLD.glob("*.yaml")):
        store_facts(store, load_curated(path))
    report = validate_store(store)
    assert report.graphs == len(list(SHARED_GOLD.glob("*.yaml")))
    assert [(r.focus, r.message) for r in report.violations] == []


def test_a_good_hand_made_graph_conforms(store: EmbeddedStore) -> None:
    assert validate_store(_store_with(store, lambda quads: quads)).results == ()


def _drop(predicate: NamedNode, subject_kind: str) -> Callable[[list[Quad]], list[Quad]]:
    return lambda quads: [q for q in quads if not (q.predicate == predicate and subject_kind in q.subject.value)]


def _add(*extra: tuple[NamedNode, NamedNode, NamedNode | Literal]) -> Callable[[list[Quad]], list[Quad]]:
    return lambda quads: [*quads, *(Quad(s, p, o, GRAPH) for s, p, o in extra)]


VISIT = NamedNode(v.ID_NS + "visit/broken")
PARTNERSHIP = iris.partnership_iri("solidarity", [DORTMUND, ZHYTOMYR])
EVIDENCE = NamedNode(v.ID_NS + "evidence/broken")

BROKEN = [
    pytest.param(
        _drop(v.DESTINATION, "/visit/"), "/visit/", "VisitShape", "destination", id="visit-without-destination"
    ),
    pytest.param(
        lambda quads: [q for q in quads if not (q.predicate == v.PARTNER and q.object == ZHYTOMYR)],
        "/partnership/",
        "PartnershipShape",
        "at least two cities",
        id="partnership-with-one-city",
    ),
    pytest.param(
        _add((PARTNERSHIP, v.STATUS, iris.status_concept("formalized"))),
        "/partnership/",
        "PartnershipShape",
        "exactly one status",
        id="partnership-with-two-statuses",
    ),
    pytest.param(
        _add((PARTNERSHIP, v.PARTNERSHIP_TYPE, NamedNode(v.TYPES_NS + "alliance"))),
        "/partnership/",
        "PartnershipShape",
        "exactly one type",
        id="partnership-type-outside-the-scheme",
    ),
    pytest.param(
        _add((PARTNERSHIP, v.SINCE, Literal("Februar 2023"))),
        "/partnership/",
        f"{SHAPES}since",
        "xsd:date, xsd:gYearMonth or xsd:gYear",
        id="since-as-plain-text",
    ),
    pytest.param(
        lambda quads: [Quad(q.subject, q.predicate, _integer(0), GRAPH) if q.predicate == v.SIZE else q for q in quads],
        "/delegation",
        "DelegationShape",
        "positive integer",
        id="delegation-of-zero",
    ),
    pytest.param(
        _drop(v.PROV_WAS_GENERATED_BY, "/city/"),
        "/city/",
        "ProvenanceShape",
        "prov:wasGeneratedBy",
        id="city-without-provenance",
    ),
    pytest.param(
        _add(
            (EVIDENCE, v.RDF_TYPE, v.EVIDENCE),
            (EVIDENCE, v.SENTENCE, Literal("Dortmund")),
            (EVIDENCE, v.BEGIN_INDEX, _integer(9)),
            (EVIDENCE, v.END_INDEX, _integer(3)),
            (EVIDENCE, v.IN_ARTICLE, GRAPH),
        ),
        "/evidence/broken",
        "EvidenceShape",
        "less than tg:endIndex",
        id="evidence-begin-after-end",
    ),
    pytest.param(
        _add(
            (EVIDENCE, v.RDF_TYPE, v.EVIDENCE),
            (EVIDENCE, v.SENTENCE, Literal("Dortmund")),
            (EVIDENCE, v.BEGIN_INDEX, _integer(3)),
            (EVIDENCE, v.END_INDEX, _integer(11)),
            (EVIDENCE, v.IN_ARTICLE, GRAPH),
        ),
        "/evidence/broken",
        "EvidenceShape",
        "do not select the quoted sentence",
        id="evidence-offsets-miss-the-sentence",
    ),
    pytest.param(
        _add((EVIDENCE, v.RDF_TYPE, v.EVIDENCE), (EVIDENCE, v.IN_ARTICLE, GRAPH)),
        "/evidence/broken",
        "EvidenceShape",
        "non-empty sentence",
        id="evidence-without-sentence",
    ),
    pytest.param(
        lambda quads: [q for q in quads if q.predicate != v.ARTICLE_TEXT],
        "/article/",
        "ArticleShape",
        "one text",
        id="article-without-text",
    ),
    pytest.param(
        _add((VISIT, v.RDF_TYPE, v.VISIT)),
        "/visit/broken",
        "VisitShape",
        "destination",
        id="bare-visit",
    ),
]


@pytest.mark.parametrize(("change", "node", "shape", "message"), BROKEN)
def test_broken_graph_fails_naming_node_and_shape(
    store: EmbeddedStore, change: Callable[[list[Quad]], list[Quad]], node: str, shape: str, message: str
) -> None:
    report = validate_store(_store_with(store, change))
    assert not report.conforms
    matching = [r for r in report.violations if node in r.focus and shape in r.shape and message in r.message]
    assert matching, [(r.focus, r.shape, r.message) for r in report.violations]
    assert all(r.graph == GRAPH.value for r in report.violations)


def test_sources_that_disagree_on_a_status_each_conform(store: EmbeddedStore) -> None:
    """Per-source validation: one article says planned, a later one formalized; both are consistent."""
    for key, status in (("https://example.org/a", "planned"), ("https://example.org/b", "formalized")):
        facts = FactSet(
            article=Article(key=key, text="x"),
            cities=(City("Dortmund", "DE"), City("Zhytomyr", "UA")),
            partnerships=(Partnership(("Dortmund", "Zhytomyr"), "twinning", status),),
        )
        store_facts(store, facts)
    report = validate_store(store)
    assert report.graphs == 2 and report.conforms


def test_cli_json_names_node_shape_and_exits_1(cli, store_path: Path) -> None:
    from twingraph.store import open_store

    store = open_store(store_path)
    _store_with(store, _drop(v.DESTINATION, "/visit/"))
    del store
    done = cli("validate", "--store", str(store_path), "--format", "json")
    assert done.returncode == 1, done.stderr
    payload = json.loads(done.stdout)
    assert payload["conforms"] is False and payload["violations"] == 1
    (result,) = payload["results"]
    assert result["focus"].startswith(v.ID_NS + "visit/")
    assert result["shape"] == SHAPES + "VisitShape"
    assert result["path"] == v.DESTINATION.value
    assert result["graph"] == GRAPH.value


def test_cli_table_passes_on_demo_and_rejects_unknown_format(cli, store_path: Path, data_dir: Path) -> None:
    from twingraph.store import open_store

    store = open_store(store_path)
    store_facts(store, load_curated(data_dir / "gold" / "seed_000.yaml"))
    del store
    done = cli("validate", "--store", str(store_path))
    assert done.returncode == 0, done.stderr
    assert "conforms" in done.stdout and "0 violations" in done.stdout
    bad = cli("validate", "--store", str(store_path), "--format", "xml")
    assert bad.returncode == 2 and "unknown format 'xml'" in bad.stderr


def test_validate_one_graph_by_source_url(store: EmbeddedStore, data_dir: Path) -> None:
    _store_with(store, _drop(v.DESTINATION, "/visit/"))
    seed = load_curated(data_dir / "gold" / "seed_000.yaml")
    store_facts(store, seed)
    from twingraph.outputs.export import resolve_graph

    good = validate_store(store, only=resolve_graph(store, seed.article.url or ""))
    assert good.graphs == 1 and good.conforms
    bad = validate_store(store, only=resolve_graph(store, KEY))
    assert bad.graphs == 1 and [r.graph for r in bad.violations] == [GRAPH.value]
