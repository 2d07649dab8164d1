"""`twingraph serve`: the SPARQL 1.1 Protocol over the store, read-only, with a timeout and a row limit."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import free_port, normalised, sample_params, stop, wait_for

from twingraph.query.library import library
from twingraph.store import open_store
from twingraph.store.remote import RemoteStore

pytestmark = pytest.mark.server

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold"
# 317^4 rows to sort: Oxigraph's own timeout does not stop this one, the proxy has to
CROSS_PRODUCT = (
    "SELECT * WHERE { GRAPH ?a { ?s1 ?p1 ?o1 } GRAPH ?b { ?s2 ?p2 ?o2 } "
    "GRAPH ?c { ?s3 ?p3 ?o3 } GRAPH ?d { ?s4 ?p4 ?o4 } } ORDER BY ?o1 ?o2 ?o3 ?o4"
)
ALL_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
LABEL_QUERY = (
    "SELECT ?label WHERE { GRAPH ?g { <https://w3id.org/twingraph/id/city/ua/zhytomyr> "
    "<http://www.w3.org/2000/01/rdf-schema#label> ?label } } LIMIT 1"
)


def twingraph(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "twingraph", *args], capture_output=True, text=True, timeout=120)


def curated_store(folder: Path) -> Path:
    store = folder / "store"
    done = twingraph("curate", str(GOLD / "seed_000.yaml"), str(GOLD / "seed_001.yaml"), "--store", str(store), "-q")
    assert done.returncode == 0, done.stderr
    return store


def start(store: Path, *options: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [sys.executable, "-m", "twingraph", "serve", "--store", str(store), "--port", str(port), "-q", *options]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    problem = wait_for(f"{base}/", process, 30)
    if problem:
        stop(process)
        pytest.skip(f"twingraph serve could not start: {problem}")
    return process, f"{base}/sparql"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    process, url = start(curated_store(tmp_path_factory.mktemp("serve")), "--timeout", "1", "--limit", "50")
    yield url
    stop(process)


@pytest.fixture(scope="module")
def other_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same facts in a second folder, for the embedded side of comparisons and for a second server."""
    return curated_store(tmp_path_factory.mktemp("other"))


def fetch(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def get(
    endpoint: str, query: str, accept: str = "application/sparql-results+json"
) -> tuple[int, dict[str, str], bytes]:
    return fetch(f"{endpoint}?{urllib.parse.urlencode({'query': query})}", headers={"Accept": accept})


def test_get_and_post_answer_in_w3c_json(endpoint: str) -> None:
    query = LABEL_QUERY
    status, headers, body = get(endpoint, query)
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"] == [
        {"label": {"type": "literal", "value": "Zhytomyr", "xml:lang": "en"}}
    ]
    form = urllib.parse.urlencode({"query": query}).encode()
    assert fetch(endpoint, form, {"Content-Type": "application/x-www-form-urlencoded"})[2] == body
    direct = fetch(endpoint, query.encode(), {"Content-Type": "application/sparql-query", "Accept": "application/json"})
    assert direct[2] == body


@pytest.mark.parametrize(
    ("accept", "media", "start"),
    [
        ("text/csv", "text/csv", b"label\r\nZhytomyr"),
        ("text/tab-separated-values", "text/tab-separated-values", b'?label\n"Zhytomyr"@en'),
        ("application/sparql-results+xml", "application/sparql-results+xml", b"<?xml"),
        ("text/html,application/xhtml+xml;q=0.9", "text/html", b"<!doctype html>"),
        ("application/foo;q=1, text/csv;q=0.5", "text/csv", b"label"),
    ],
)
def test_results_follow_content_negotiation(endpoint: str, accept: str, media: str, start: bytes) -> None:
    query = LABEL_QUERY
    status, headers, body = get(endpoint, query, accept)
    assert status == 200
    assert headers["Content-Type"].startswith(media)
    assert body.startswith(start)


def test_unacceptable_format_is_406(endpoint: str) -> None:
    assert get(endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "image/png")[0] == 406


def test_updates_are_refused_unless_writable(endpoint: str) -> None:
    update = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
    status, _, body = fetch(endpoint, update, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and b"read-only" in body
    count = json.loads(get(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[2])
    assert int(count["results"]["bindings"][0]["n"]["value"]) > 300


def test_timeout_stops_a_runaway_cross_product(endpoint: str) -> None:
    began = time.monotonic()
    status, _, body = get(endpoint, CROSS_PRODUCT)
    assert status == 503
    assert b"timed out after 1 s" in body
    assert time.monotonic() - began < 10
    # the engine was restarted: the next question is answered at once
    status, _, body = get(endpoint, LABEL_QUERY)
    assert status == 200 and b"Zhytomyr" in body


def test_limit_caps_rows_and_triples(endpoint: str) -> None:
    status, headers, body = get(endpoint, "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }", "text/csv")
    assert status == 200 and headers["X-Twingraph-Truncated"] == "50"
    assert len(body.decode().splitlines()) == 51  # header + 50 rows
    status, headers, body = get(endpoint, ALL_TRIPLES, "application/n-triples")
    assert status == 200 and headers["X-Twingraph-Truncated"] == "50"
    assert len(body.decode().splitlines()) == 50


def test_syntax_errors_are_400(endpoint: str) -> None:
    status, _, body = get(endpoint, "SELECT nonsense")
    assert status == 400 and b"1:" in body


def test_query_page_is_served(endpoint: str) -> None:
    status, headers, body = fetch(endpoint.removesuffix("/sparql") + "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"<textarea name='query'>" in body and b"tg:Partnership" in body


def test_library_queries_through_the_endpoint_match_the_store(endpoint: str, other_store: Path) -> None:
    store = open_store(other_store, read_only=True)
    remote = RemoteStore(endpoint)
    asked: set[str] = set()
    for query in library():
        params = sample_params(query)
        if params is None:
            continue  # a parameter the sample has no value for
        asked.add(query.name)
        bindings = query.bind(params)
        assert normalised(remote.query(query.text, bindings)) == normalised(store.query(query.text, bindings)), (
            query.name
        )
    done = twingraph("query", "partners-of", "-p", "city=dortmund", "--endpoint", endpoint, "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert "dortmund,Zhytomyr,UA,solidarity,active,2023-02,curated,1,active 2023-02" in done.stdout.splitlines()


def test_cli_reports_an_endpoint_error_in_one_line(endpoint: str, tmp_path: Path) -> None:
    runaway = tmp_path / "runaway.rq"
    runaway.write_text(f"# Count everything four times over\n{CROSS_PRODUCT}\n", encoding="utf-8")
    done = twingraph("query", str(runaway), "--endpoint", endpoint)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert "Traceback" not in done.stderr and endpoint in done.stderr


def test_writable_endpoint_applies_updates(tmp_path: Path) -> None:
    process, url = start(curated_store(tmp_path), "--writable")
    try:
        insert = 'INSERT DATA { GRAPH <urn:test> { <urn:a> <urn:b> "c" } }'
        status, _, _ = fetch(url, insert.encode(), {"Content-Type": "application/sparql-update"})
        assert status == 204
        answer = json.loads(get(url, 'ASK { GRAPH <urn:test> { <urn:a> <urn:b> "c" } }')[2])
        assert answer["boolean"] is True
    finally:
        stop(process)


def test_a_busy_port_is_one_line(endpoint: str, other_store: Path) -> None:
    port = urllib.parse.urlsplit(endpoint).port
    done = twingraph("serve", "--store", str(other_store), "--port", str(port))
    assert done.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
