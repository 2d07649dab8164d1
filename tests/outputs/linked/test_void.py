"""The dataset description (VoID + DCAT) every whole-store export carries: counts, sources, licences."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import NamedNode
from rdf_tools import RAPPER_FORMATS, RDFLIB_FORMATS

from twingraph.facts import Article, FactSet
from twingraph.ingest.load import store_facts
from twingraph.ingest.workers import extract_article
from twingraph.inputs.articles import read_inputs
from twingraph.inputs.curated import load_curated
from twingraph.inputs.pairs import around_cities, read_pairs, store_table
from twingraph.outputs.export import export_store
from twingraph.outputs.linked.void import ARTICLE_RIGHTS, CC0_1, CC_BY_SA_4, DATASET, UNKNOWN_RIGHTS, description_of
from twingraph.rdf.formats import RDF_FORMATS
from twingraph.rdf.vocab import CONSOLIDATED_GRAPH
from twingraph.store import EmbeddedStore, open_store

DATA = Path(__file__).resolve().parents[3] / "data"
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
TG = rdflib.Namespace("https://w3id.org/twingraph/ontology#")
DATASET_REF = rdflib.URIRef(DATASET.value)


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    """Two curated files and the twin-town table around Dortmund and Zhytomyr."""
    store = open_store(tmp_path_factory.mktemp("void") / "store")
    for path in sorted((DATA / "gold").glob("seed_*.yaml")):
        store_facts(store, load_curated(path))
    store_table(store, around_cities(read_pairs(DATA / "twin-towns" / "pairs.csv"), {"Dortmund", "Zhytomyr"}))
    return store


def described(data: bytes, fmt: str) -> rdflib.Graph:
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=RDFLIB_FORMATS[fmt])
    graph = rdflib.Graph()
    for s, p, o, _ in dataset.quads():
        graph.add((s, p, o))
    return graph


def test_description_counts_the_store(sources: EmbeddedStore) -> None:
    graph = rdflib.Graph()
    for t in description_of(sources, "http://example.org/sparql"):
        graph.add(tuple(rdflib.util.from_n3(str(term)) for term in t))  # type: ignore[arg-type]
    assert (DATASET_REF, rdflib.RDF.type, VOID.Dataset) in graph
    assert (DATASET_REF, rdflib.RDF.type, DCAT.Dataset) in graph
    assert int(graph.value(DATASET_REF, VOID.triples)) == len(sources)
    subsets = set(graph.objects(DATASET_REF, VOID.subset))
    assert {str(s) for s in subsets} == {g.value for g in sources.graphs()}
    assert sum(int(graph.value(s, VOID.triples)) for s in subsets) == len(sources)
    cities = next(
        p for p in graph.objects(DATASET_REF, VOID.classPartition) if graph.value(p, VOID["class"]) == TG.City
    )
    city_count = sum(1 for _ in sources.query("SELECT DISTINCT ?c WHERE { GRAPH ?g { ?c a <" + str(TG.City) + "> } }"))
    assert int(graph.value(cities, VOID.entities)) == city_count
    examples = {str(e) for e in graph.objects(DATASET_REF, VOID.exampleResource)}
    assert any(e.startswith("https://w3id.org/twingraph/id/city/") for e in examples)
    assert str(graph.value(DATASET_REF, VOID.sparqlEndpoint)) == "http://example.org/sparql"
    # the table's licences; the curated files say none, and the description does not invent one
    table = next(s for s in subsets if "World twin-town table" in str(graph.value(s, DCT.title)))
    assert {str(x) for x in graph.objects(table, DCT.license)} == {CC_BY_SA_4.value, CC0_1.value}
    # the consolidated graph is derived from the others: a subset of its own, with no source address of its own
    curated = [s for s in subsets if s != table and str(s) != CONSOLIDATED_GRAPH.value]
    assert all(str(graph.value(s, DCT.rights)) == UNKNOWN_RIGHTS for s in curated)
    assert all(graph.value(s, DCT.source) for s in curated)  # each article's address


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_every_export_carries_the_description(sources: EmbeddedStore, fmt: str, tmp_path: Path) -> None:
    out = io.BytesIO()
    export_store(sources, out, fmt)
    graph = described(out.getvalue(), fmt)
    assert int(graph.value(DATASET_REF, VOID.triples)) == len(sources)
    assert (DATASET_REF, DCT.conformsTo, rdflib.URIRef("https://w3id.org/twingraph/ontology")) in graph
    # and the facts are all there beside it
    assert (rdflib.URIRef("https://w3id.org/twingraph/id/city/de/dortmund"), rdflib.RDF.type, TG.City) in graph
    if fmt in RAPPER_FORMATS and shutil.which("rapper"):
        path = tmp_path / f"export.{fmt}"
        path.write_bytes(out.getvalue())
        done = subprocess.run(
            ["rapper", "-q", "-i", RAPPER_FORMATS[fmt], "-o", "ntriples", str(path)], capture_output=True, timeout=120
        )
        assert done.returncode == 0, done.stderr.decode()
        assert f'<{DATASET.value}> <http://rdfs.org/ns/void#triples> "{len(sources)}"'.encode() in done.stdout


def test_one_graph_and_views_have_no_description(sources: EmbeddedStore) -> None:
    graph = next(g for g in sources.graphs())
    out = io.BytesIO()
    export_store(sources, out, "turtle", graph=graph.value)
    assert NamedNode(DATASET.value).value.encode() not in out.getvalue()


def test_a_licence_the_source_states_reaches_its_subset(tmp_path: Path) -> None:
    """sources.yaml names one article's licence by address and gives another's in words; a JSON Lines line
    states its own; the description repeats each and claims none for the article that states nothing."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("seed_000.txt", "seed_001.txt"):
        shutil.copy(DATA / "articles" / name, folder / name)
    (folder / "sources.yaml").write_text(
        "seed_000.txt:\n  url: https://example.org/a\n  license: https://creativecommons.org/licenses/by/4.0/\n"
        "seed_001.txt:\n  url: https://example.org/b\n  license: Alle Rechte vorbehalten\n",
        encoding="utf-8",
    )
    text = (DATA / "articles" / "seed_001.txt").read_text(encoding="utf-8")
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps(
            {
                "url": "https://example.org/c",
                "text": text,
                "license": "https://creativecommons.org/publicdomain/zero/1.0/",
            }
        )
        + "\n"
        + json.dumps({"url": "https://example.org/d", "text": text})
        + "\n",
        encoding="utf-8",
    )
    store = open_store(tmp_path / "store")
    articles = [a for a in read_inputs([folder, batch]) if isinstance(a, Article)]
    assert len(articles) == 4
    for article in articles:
        facts = extract_article(article)
        assert isinstance(facts, FactSet)
        store_facts(store, facts)
    graph = rdflib.Graph()
    for t in description_of(store, None):
        graph.add(tuple(rdflib.util.from_n3(str(term)) for term in t))  # type: ignore[arg-type]
    by_address = {str(graph.value(s, DCT.source)): s for s in graph.objects(DATASET_REF, VOID.subset)}
    licence = {url: {str(x) for x in graph.objects(s, DCT.license)} for url, s in by_address.items() if url != "None"}
    rights = {url: str(graph.value(by_address[url], DCT.rights)) for url in licence}
    assert licence == {
        "https://example.org/a": {"https://creativecommons.org/licenses/by/4.0/"},
        "https://example.org/b": set(),
        "https://example.org/c": {"https://creativecommons.org/publicdomain/zero/1.0/"},
        "https://example.org/d": set(),
    }
    assert rights["https://example.org/b"] == "Alle Rechte vorbehalten"
    assert rights["https://example.org/d"] == ARTICLE_RIGHTS
    assert rights["https://example.org/a"] == "None"  # a licence, so no rights statement beside it
