"""`twingraph serve` as linked data: GET /id/... with content negotiation, the vocabulary, DESCRIBE over every
graph, and the dataset description at /.well-known/void, against the real Oxigraph server."""

from __future__ import annotations

import gc
import json
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import Literal, NamedNode, Quad
from servers import free_port, stop, wait_for

from twingraph.ingest.load import store_facts
from twingraph.inputs.curated import load_curated
from twingraph.outputs.serve import CONSOLIDATED_GRAPH
from twingraph.rdf.vocab import RDFS_LABEL
from twingraph.store import open_store

pytestmark = pytest.mark.server

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold"
ID = "https://w3id.org/twingraph/id/"
DORTMUND = ID + "city/de/dortmund"
FUSED = ID + "visit/fused-example"  # a node with a description of its own in the consolidated graph
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("linked") / "store"
    store = open_store(folder)
    for name in ("seed_000.yaml", "seed_001.yaml"):
        store_facts(store, load_curated(GOLD / name))
    fused = NamedNode(FUSED)
    store.bulk_extend(
        [
            Quad(fused, RDFS_LABEL, Literal("the fused visit"), CONSOLIDATED_GRAPH),
            Quad(fused, RDFS_LABEL, Literal("one source's name for it"), NamedNode(ID + "article/elsewhere")),
        ]
    )
    store.flush()
    del store
    gc.collect()  # the server needs the store's lock
    port = free_port()
    command = [sys.executable, "-m", "twingraph", "serve", "--store", str(folder), "--port", str(port), "-q"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    problem = wait_for(f"{url}/", process, 30)
    if problem:
        stop(process)
        pytest.skip(f"twingraph serve could not start: {problem}")
    yield url
    stop(process)


def get(url: str, accept: str = "*/*") -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Type"], err.read()


def parsed(body: bytes, media: str) -> rdflib.Graph:
    formats = {
        "text/turtle": "turtle",
        "application/ld+json": "json-ld",
        "application/n-triples": "nt",
        "application/rdf+xml": "xml",
    }
    return rdflib.Graph().parse(data=body, format=formats[media])


@pytest.mark.parametrize(
    "media", ["text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"]
)
def test_city_is_described_in_every_rdf_format(base: str, media: str) -> None:
    status, kind, body = get(f"{base}/id/city/de/dortmund", media)
    assert status == 200 and kind.startswith(media)
    graph = parsed(body, media)
    city = rdflib.URIRef(DORTMUND)
    assert (city, rdflib.RDF.type, rdflib.URIRef("https://w3id.org/twingraph/ontology#City")) in graph
    assert (city, rdflib.RDFS.label, rdflib.Literal("Dortmund", lang="en")) in graph
    # what names it, from every graph: the partnership with Zhytomyr
    partners = {str(s) for s in graph.subjects(None, city)}
    assert any("partnership/" in s and "ua-zhytomyr" in s for s in partners)


def test_browsers_get_a_page_with_links_on_this_server(base: str) -> None:
    status, kind, body = get(f"{base}/id/city/de/dortmund", "text/html,application/xhtml+xml,*/*;q=0.8")
    page = body.decode("utf-8")
    assert status == 200 and kind.startswith("text/html")
    assert "<h1>Dortmund</h1>" in page
    assert "href='/ontology#City'" in page
    assert "href='/id/city/de/dortmund?format=turtle'" in page
    linked = sorted(set(re.findall(r"href='(/id/partnership/[^']+)'", page)))
    assert linked, "the page links the partnerships that name the city"
    status, kind, _ = get(base + linked[0], "text/html")  # and the links lead somewhere
    assert status == 200 and kind.startswith("text/html")


def test_consolidated_node_wins_and_unknown_entities_are_404(base: str) -> None:
    _, _, body = get(f"{base}/id/visit/fused-example?format=ntriples")
    assert b'"the fused visit"' in body and b"one source's name" not in body
    status, kind, body = get(f"{base}/id/city/de/nowhere", "text/turtle")
    assert status == 404 and b"nothing in this store is about" in body
    status, kind, _ = get(f"{base}/id/city/de/nowhere", "text/html")
    assert status == 404 and kind.startswith("text/html")
    assert get(f"{base}/id/city/de/dortmund", "image/png")[0] == 406


def test_ontology_terms_and_concepts_dereference(base: str) -> None:
    status, _, body = get(f"{base}/ontology", "text/turtle")
    graph = parsed(body, "text/turtle")
    assert status == 200
    assert (rdflib.URIRef("https://w3id.org/twingraph/ontology#City"), rdflib.RDF.type, rdflib.OWL.Class) in graph
    status, _, page = get(f"{base}/ontology", "text/html")
    assert status == 200 and b"id='City'" in page
    status, _, body = get(f"{base}/partnership-type/solidarity", "text/turtle")
    concept = rdflib.URIRef("https://w3id.org/twingraph/partnership-type/solidarity")
    assert status == 200 and (concept, rdflib.RDF.type, rdflib.SKOS.Concept) in parsed(body, "text/turtle")


def test_describe_sees_every_graph(base: str) -> None:
    query = urllib.parse.urlencode({"query": f"DESCRIBE <{DORTMUND}>"})
    status, _, body = get(f"{base}/sparql?{query}", "text/turtle")
    graph = parsed(body, "text/turtle")
    assert status == 200
    assert (rdflib.URIRef(DORTMUND), rdflib.RDFS.label, rdflib.Literal("Dortmund", lang="en")) in graph
    # named-graph queries answer as before
    count = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
    rows = json.loads(get(f"{base}/sparql?{count}", "application/sparql-results+json")[2])
    assert int(rows["results"]["bindings"][0]["n"]["value"]) > 100


def test_void_at_well_known_parses_with_rdflib_and_rapper(base: str, tmp_path: Path) -> None:
    status, kind, body = get(f"{base}/.well-known/void", "text/turtle")
    assert status == 200 and kind.startswith("text/turtle")
    graph = parsed(body, "text/turtle")
    dataset = rdflib.URIRef(ID + "dataset")
    endpoint = graph.value(dataset, VOID.sparqlEndpoint)
    assert str(endpoint) == f"{base}/sparql"
    assert int(graph.value(dataset, VOID.triples)) > 100
    assert len(set(graph.objects(dataset, VOID.subset))) == 4  # two curated files, the extra graph, consolidated
    assert get(f"{base}/id/dataset", "text/turtle")[2] == body  # the dataset's IRI dereferences to the same
    if shutil.which("rapper") is None:
        pytest.skip("rapper (raptor2-utils) not installed")
    path = tmp_path / "void.ttl"
    path.write_bytes(body)
    done = subprocess.run(["rapper", "-q", "-i", "turtle", "-c", str(path)], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode()
