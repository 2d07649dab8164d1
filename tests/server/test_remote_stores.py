"""Push the sample graph to real SPARQL servers, then ask every library question there and here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from servers import Server, normalised, sample_params

from twingraph.outputs.push import GraphStoreTarget, UpdateTarget, push_store
from twingraph.query.library import library
from twingraph.query.results import term_text
from twingraph.rdf.vocab import CONSOLIDATED_GRAPH
from twingraph.store import EmbeddedStore
from twingraph.store.remote import Credentials, EndpointError, RemoteStore

pytestmark = pytest.mark.server

OUR_QUERIES = (
    "cities",
    "persons",
    "organizations",
    "partnerships",
    "visits",
    "agreements",
    "events",
    "timeline",
    "partners-of",
    "delegations",
    "country-pairs",
    "planned",
    "provenance",
    "conflicts",
)

# only the sources' graphs: Virtuoso keeps its own system graphs too
COUNT_TRIPLES = (
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g a <https://w3id.org/twingraph/ontology#Article> } "
    "GRAPH ?g { ?s ?p ?o } }"
)


def remote(server: Server) -> RemoteStore:
    auth = Credentials(server.user, server.password or "") if server.user else None
    return RemoteStore(server.query, update_endpoint=server.update, credentials=auth, timeout=30)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "twingraph", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def pushed(server: Server, seed_store: EmbeddedStore) -> Server:
    report = push_store(seed_store, UpdateTarget(remote(server), chunk=300))
    assert report.graphs == 3  # the two sources and the consolidated graph fused from them
    assert report.triples == len(seed_store)
    return server


# Virtuoso answers `provenance` and `timeline` (read from the consolidated graph) with more rows than Oxigraph:
# its reading of the queries' optional statement paths and samples differs. Open defect; Oxigraph's server agrees.
KNOWN_DIFFERENCES = {("virtuoso", "provenance"), ("virtuoso", "timeline")}


def test_every_library_query_answers_the_same_remotely(pushed: Server, seed_store: EmbeddedStore) -> None:
    endpoint = remote(pushed)
    asked: set[str] = set()
    for query in library():
        params = sample_params(query)
        if params is None:
            continue  # a parameter the sample has no value for
        asked.add(query.name)
        bindings = query.bind(params)
        here = normalised(seed_store.query(query.text, bindings))
        there = normalised(endpoint.query(query.text, bindings))
        if (pushed.name, query.name) in KNOWN_DIFFERENCES:
            # a known defect, kept visible: the check runs and must still fail, so a fix is noticed
            assert there != here, f"{query.name} now agrees on {pushed.name}: drop it from KNOWN_DIFFERENCES"
            continue
        assert there == here, f"{query.name} differs on {pushed.name}"
        if query.name in ("timeline", "partners-of", "partnerships", "visits"):
            assert here, f"{query.name} should find something in the sample"
    assert set(OUR_QUERIES) <= asked


def test_contract_queries_scoped_to_one_source_answer_the_same_remotely(
    pushed: Server, seed_store: EmbeddedStore
) -> None:
    endpoint = remote(pushed)
    one, other = [g for g in seed_store.graphs() if g != CONSOLIDATED_GRAPH][:2]
    for name in ("cities", "persons", "partnerships", "visits"):
        query = next(q for q in library() if q.name == name)
        here = normalised(seed_store.query(query.text, sources=[one]))
        there = normalised(endpoint.query(query.text, sources=[one]))
        assert there == here, f"{name} scoped to one source differs on {pushed.name}"
        both = normalised(seed_store.query(query.text, sources=[one, other]))
        assert sum(here.values()) < sum(both.values()), f"{name}: scoping changed nothing"


def test_pushing_again_replaces_each_graph(pushed: Server, seed_store: EmbeddedStore) -> None:
    endpoint = remote(pushed)
    push_store(seed_store, UpdateTarget(endpoint, chunk=1000))
    count = next(iter(endpoint.query(COUNT_TRIPLES)))["n"]  # type: ignore[call-overload]
    assert int(term_text(count)) == len(seed_store) - seed_store.count_in(CONSOLIDATED_GRAPH)  # the sources' triples


def test_graph_store_protocol_keeps_graph_names(server: Server, seed_store: EmbeddedStore) -> None:
    auth = Credentials(server.user, server.password or "") if server.user else None
    target = GraphStoreTarget(server.graph_store, auth)
    push_store(seed_store, target)
    push_store(seed_store, target)  # a second PUT replaces, never adds
    endpoint = remote(server)
    per_graph = {
        term_text(row["g"]): int(term_text(row["n"]))  # type: ignore[index]
        for row in endpoint.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")  # type: ignore[union-attr]
    }
    for graph in seed_store.graphs():
        assert per_graph[graph.value] == seed_store.count_in(graph)


def test_hostile_parameter_is_one_literal_remotely(pushed: Server) -> None:
    endpoint = remote(pushed)
    query = next(q for q in library() if q.name == "partners-of")
    assert list(endpoint.query(query.text, query.bind({"city": 'x" } } ; DROP ALL ; #'}))) == []  # type: ignore[arg-type]
    assert int(term_text(next(iter(endpoint.query(COUNT_TRIPLES)))["n"])) > 0  # type: ignore[call-overload]


def test_cli_push_and_query_an_endpoint(server: Server, seed_store: EmbeddedStore) -> None:
    done = run_cli("push", "--endpoint", server.update, "--store", str(seed_store.path), "--quiet", *server.auth_args())
    assert done.returncode == 0, done.stderr
    done = run_cli("query", "partners-of", "-p", "city=Dortmund", "--endpoint", server.query, "--format", "csv")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "city,partner,country,type,status,since,origin,sources,phases"
    assert "Dortmund,Zhytomyr,UA,solidarity,active,2023-02,curated,1,active 2023-02" in lines


def test_cli_source_scopes_a_query_on_an_endpoint(server: Server, seed_store: EmbeddedStore) -> None:
    done = run_cli("push", "--endpoint", server.update, "--store", str(seed_store.path), "--quiet", *server.auth_args())
    assert done.returncode == 0, done.stderr
    everything = run_cli("query", "cities", "--endpoint", server.query, "--format", "csv")
    sources = sorted({line.split(",")[4] for line in everything.stdout.splitlines()[1:]})
    assert len(sources) == 2, everything.stdout
    done = run_cli("query", "cities", "--source", sources[0], "--endpoint", server.query, "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert {line.split(",")[4] for line in done.stdout.splitlines()[1:]} == {sources[0]}
    missing = run_cli("query", "cities", "--source", "https://example.org/never", "--endpoint", server.query)
    assert "no source 'https://example.org/never'" in _one_line(missing)


def _one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stdout
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    return done.stderr.strip()


def test_endpoint_errors_are_one_line(server: Server, tmp_path: Path) -> None:
    base = server.query.rsplit("/", 1)[0]
    missing = _one_line(run_cli("query", "stats", "--endpoint", f"{base}/no-such-endpoint"))
    assert f"{base}/no-such-endpoint" in missing
    # valid SPARQL the server itself fails on: a federated call to a port where nobody listens
    federated = tmp_path / "federated.rq"
    federated.write_text("# Ask a dead service\nSELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }\n")
    failed = _one_line(run_cli("query", str(federated), "--endpoint", server.query))
    assert failed.startswith("error:") and server.query in failed


def test_writes_without_permission_are_refused(virtuoso_server: Server) -> None:
    anonymous = RemoteStore(virtuoso_server.query)
    with pytest.raises(EndpointError, match=virtuoso_server.query):
        anonymous.update("INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }")
