"""Every export format round-trips: parsed back by rdflib and by rapper it is the same graph (named graphs too)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, parse
from rdf_tools import RAPPER_FORMATS, RDFLIB_FORMATS
from rdflib.compare import isomorphic

from twingraph.facts import Article, City, DateValue, Evidence, FactSet, Organization, Partnership, Person, Visit
from twingraph.ingest.load import store_facts
from twingraph.inputs.curated import load_curated
from twingraph.inputs.pairs import PairTable, around_cities, read_pairs, store_table
from twingraph.outputs.export import export_store, jsonld_context
from twingraph.rdf import iris
from twingraph.rdf import vocab as v
from twingraph.rdf.formats import RDF_FORMATS
from twingraph.store import EmbeddedStore, open_store

DATA = Path(__file__).resolve().parents[2] / "data"
DATASET_FORMATS = {"trig", "nquads", "jsonld"}
TRICKY_TEXT = 'Житомир und "Dortmund" \\ Partner 🤝\nzweite Zeile: Bürgermeisterin Ölçer.'
TRICKY_KEY = "https://example.org/tricky?id=1&lang=uk"


def _tricky_facts() -> FactSet:
    """Quotes, backslash, newline, Cyrillic IRIs and labels, an emoji, a query string in the source URL."""
    return FactSet(
        article=Article(
            key=TRICKY_KEY,
            text=TRICKY_TEXT,
            url=TRICKY_KEY,
            title='Житомир: "Partner"',
            language="uk",
            published=DateValue("2023-02"),
        ),
        cities=(City("Житомир", None, mentions=("Житомира",)), City("Dortmund", "DE", "Q1295", geonames=2935517)),
        organizations=(Organization("Stadt Dortmund", city="Dortmund"),),
        persons=(Person("Ayşe Ölçer", role="mayor", role_text="Bürgermeisterin", of="Dortmund"),),
        partnerships=(
            Partnership(
                ("Dortmund", "Житомир"), "twinning", "planned", planned_by=DateValue("2025"), grew_from="solidarity"
            ),
        ),
        visits=(
            Visit(
                "Житомир",
                "Dortmund",
                start=DateValue("2023-09-25"),
                size=6,
                occasion="Digitale Woche",
                evidence=Evidence.find(TRICKY_TEXT, TRICKY_TEXT.split("\n")[0]),
            ),
        ),
    )


@pytest.fixture(scope="module")
def twin_towns() -> PairTable:
    """A table's graph as the demo stores it: Dortmund's and Zhytomyr's twin towns from the world table."""
    return around_cities(read_pairs(DATA / "twin-towns" / "pairs.csv"), {"Dortmund", "Zhytomyr"})


def _fill(store: EmbeddedStore, table: PairTable) -> EmbeddedStore:
    """The seed articles' curated facts, the tricky facts and a table: every kind of source graph."""
    for path in sorted((DATA / "gold").glob("seed_*.yaml")):
        store_facts(store, load_curated(path))
    store_facts(store, _tricky_facts())
    store_table(store, table)
    return store


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory, twin_towns: PairTable) -> EmbeddedStore:
    return _fill(open_store(tmp_path_factory.mktemp("export") / "store"), twin_towns)


def _term(node: object) -> rdflib.term.Node:
    if isinstance(node, NamedNode):
        return rdflib.URIRef(node.value)
    if isinstance(node, BlankNode):
        return rdflib.BNode(node.value)
    assert isinstance(node, Literal)
    if node.language:
        return rdflib.Literal(node.value, lang=node.language)
    if node.datatype.value == str(rdflib.XSD.string):  # RDF 1.1: a simple literal is an xsd:string
        return rdflib.Literal(node.value)
    return rdflib.Literal(node.value, datatype=rdflib.URIRef(node.datatype.value))


def _expected(store: EmbeddedStore) -> dict[str, rdflib.Graph]:
    """The store's content as rdflib graphs: one per named graph, and '' for the union."""
    graphs: dict[str, rdflib.Graph] = {"": rdflib.Graph()}
    for quad in store.quads():
        triple = (_term(quad.subject), _term(quad.predicate), _term(quad.object))
        graphs.setdefault(quad.graph_name.value, rdflib.Graph()).add(triple)
        graphs[""].add(triple)
    return graphs


def _export(store: EmbeddedStore, fmt: str, **options: str) -> bytes:
    out = io.BytesIO()
    export_store(store, out, fmt, describe=False, **options)  # the facts alone: tests/outputs/linked checks the rest
    return out.getvalue()


def _parsed(data: bytes, fmt: str) -> dict[str, rdflib.Graph]:
    """Named graphs (by name) for dataset formats; the one graph under '' for triple formats."""
    if fmt not in DATASET_FORMATS:
        return {"": rdflib.Graph().parse(data=data, format=RDFLIB_FORMATS[fmt])}
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=RDFLIB_FORMATS[fmt])
    graphs = {}
    for graph in dataset.graphs():
        if len(graph) and graph.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID:
            copy = rdflib.Graph()
            for triple in graph:
                copy.add(triple)
            graphs[str(graph.identifier)] = copy
    return graphs


def _assert_same(parsed: dict[str, rdflib.Graph], expected: dict[str, rdflib.Graph], fmt: str) -> None:
    if fmt in DATASET_FORMATS:
        named = {name: graph for name, graph in expected.items() if name}
        assert sorted(parsed) == sorted(named)
        for name, graph in named.items():
            assert len(parsed[name]) == len(graph), name
            assert isomorphic(parsed[name], graph), name
    else:
        assert len(parsed[""]) == len(expected[""])
        assert isomorphic(parsed[""], expected[""])


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_export_round_trips_through_rdflib(loaded: EmbeddedStore, fmt: str) -> None:
    _assert_same(_parsed(_export(loaded, fmt), fmt), _expected(loaded), fmt)


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
@pytest.mark.parametrize("fmt", sorted(RAPPER_FORMATS))
def test_export_round_trips_through_rapper(loaded: EmbeddedStore, fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"export.{fmt}"
    path.write_bytes(_export(loaded, fmt))
    done = subprocess.run(
        ["rapper", "-q", "-i", RAPPER_FORMATS[fmt], "-o", "nquads", str(path), "http://example.org/base"],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode()
    back = _parsed(done.stdout, "nquads") if fmt in DATASET_FORMATS else _parsed(done.stdout, "ntriples")
    _assert_same(back, _expected(loaded), fmt)


def test_jsonld_round_trips_through_oxigraph(loaded: EmbeddedStore) -> None:
    back = set(parse(_export(loaded, "jsonld"), format=RdfFormat.JSON_LD))
    assert back == set(loaded.quads())


def test_jsonld_embeds_the_published_context_and_reads_as_terms(loaded: EmbeddedStore) -> None:
    document = json.loads(_export(loaded, "jsonld"))
    published = json.loads((Path(__file__).resolve().parents[2] / "ontology" / "context.jsonld").read_text())
    assert document["@context"] == published["@context"] == jsonld_context()
    graph = next(
        g for g in document["@graph"] if g["@id"] == "tgid:" + iris.article_iri(TRICKY_KEY).value.removeprefix(v.ID_NS)
    )
    nodes = {node["@id"]: node for node in graph["@graph"]}
    partnership = next(n for n in nodes.values() if n.get("@type") == "Partnership")
    assert partnership["partnershipType"] == {"@id": "tgtype:twinning"}
    assert partnership["plannedBy"] == {"@value": "2025", "@type": "xsd:gYear"}
    city = nodes["tgid:city/xx/житомир"]
    assert city["@type"] == "City" and city["label"] == {"@value": "Житомир", "@language": "en"}


def test_turtle_uses_readable_prefixes(loaded: EmbeddedStore) -> None:
    turtle = _export(loaded, "turtle").decode("utf-8")
    assert "@prefix tg: <https://w3id.org/twingraph/ontology#> ." in turtle
    assert "tg:Partnership" in turtle and "<https://w3id.org/twingraph/ontology#" not in turtle.split("\n", 30)[-1]


def test_one_graph_by_iri_or_by_source_url(loaded: EmbeddedStore) -> None:
    graph = iris.article_iri(TRICKY_KEY).value
    by_iri = _parsed(_export(loaded, "nquads", graph=graph), "nquads")
    by_url = _parsed(_export(loaded, "trig", graph=TRICKY_KEY), "trig")
    assert list(by_iri) == list(by_url) == [graph]
    assert isomorphic(by_iri[graph], _expected(loaded)[graph])
    turtle = _parsed(_export(loaded, "turtle", graph=TRICKY_KEY), "turtle")[""]
    assert isomorphic(turtle, _expected(loaded)[graph])


def test_cli_export_to_file_and_user_errors(cli, loaded: EmbeddedStore, twin_towns: PairTable, tmp_path: Path) -> None:
    store_copy = tmp_path / "store"
    copy = _fill(open_store(store_copy), twin_towns)  # the module's store stays open (locked): a copy for the CLI
    del copy
    out = tmp_path / "out" / "graph.trig"
    done = cli("export", "--store", str(store_copy), "--format", "trig", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stderr and out.is_file() and not out.with_name("graph.trig.partial").exists()
    assert sorted(_parsed(out.read_bytes(), "trig")) == sorted(n for n in _expected(loaded) if n)
    unknown = cli("export", "--store", str(store_copy), "--format", "yaml")
    assert unknown.returncode == 2 and "unknown format 'yaml'; use one of turtle, trig" in unknown.stderr
    missing = cli("export", "--store", str(store_copy), "--graph", "https://example.org/nothing")
    assert missing.returncode == 2 and "no graph <https://example.org/nothing>" in missing.stderr
    view = cli("export", "--store", str(store_copy), "--view", "dbpedia")
    assert view.returncode == 2 and "unknown view 'dbpedia'" in view.stderr


def test_curated_graph_found_by_its_article_url(loaded: EmbeddedStore) -> None:
    seed = load_curated(DATA / "gold" / "seed_000.yaml")
    assert seed.article.url and seed.article.key != seed.article.url
    graph = iris.article_iri(seed.article.key).value
    by_url = _parsed(_export(loaded, "nquads", graph=seed.article.url), "nquads")
    assert list(by_url) == [graph]
    assert isomorphic(by_url[graph], _expected(loaded)[graph])


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "nquads", "trig"])
def test_whole_store_dump_keeps_every_graph_blank_node_and_line_break(tmp_path: Path, fmt: str) -> None:
    """The whole-store dump goes graph by graph in threads; the parts must add up to exactly the store."""
    store = open_store(tmp_path / "store")
    shared, p = BlankNode("shared"), NamedNode("https://example.org/p")
    quads = [Quad(NamedNode("https://example.org/in-default"), p, Literal("no graph"))]
    for n in range(150):  # more graphs than one batch of the dump
        graph = NamedNode(f"https://example.org/graph/{n}")
        quads.append(Quad(NamedNode(f"https://example.org/s/{n}"), p, Literal(f"ends a line .\n{n}"), graph))
        quads.append(Quad(NamedNode(f"https://example.org/s/{n}"), p, shared, graph))
    quads.append(Quad(shared, p, Literal("Житомир", language="uk"), NamedNode("https://example.org/graph/0")))
    store.bulk_extend(quads)
    back = set(parse(_export(store, fmt), format=RDF_FORMATS[fmt]))
    if fmt in DATASET_FORMATS:
        assert back == set(quads)
    else:
        assert back == {Quad(q.subject, q.predicate, q.object) for q in quads}


def test_consolidated_graph_alone_or_with_every_source_graph(loaded: EmbeddedStore) -> None:
    alone = io.BytesIO()
    export_store(loaded, alone, "nquads", "consolidated")
    graphs = {q.graph_name for q in parse(alone.getvalue(), RdfFormat.N_QUADS)}
    assert graphs == {v.CONSOLIDATED_GRAPH}
    as_turtle = io.BytesIO()
    export_store(loaded, as_turtle, "turtle", "consolidated")
    triples = {q.triple for q in parse(as_turtle.getvalue(), RdfFormat.TURTLE)}
    assert triples == {q.triple for q in loaded.quads(v.CONSOLIDATED_GRAPH)}
    everything = io.BytesIO()
    export_store(loaded, everything, "trig")
    names = {q.graph_name for q in parse(everything.getvalue(), RdfFormat.TRIG)}
    assert v.CONSOLIDATED_GRAPH in names and set(loaded.graphs()) <= names
