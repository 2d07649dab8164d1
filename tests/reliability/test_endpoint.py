"""`twingraph serve` under hostile use: updates refused unless --writable, a runaway query stopped by the
timeout with a clear message, and a bounded concurrent load answered without a single wrong response."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from reliability_support import ROOT, sparql_get, sparql_post_update, triple_count

# Facts live in named graphs (the default graph is empty), so the cross product ranges over GRAPH patterns.
CROSS_PRODUCT = (
    "SELECT * WHERE { GRAPH ?w { ?a ?b ?c } GRAPH ?x { ?d ?e ?f } GRAPH ?y { ?g ?h ?i } GRAPH ?z { ?j ?k ?l } }"
)
COUNTED_CROSS_PRODUCT = CROSS_PRODUCT.replace("SELECT *", "SELECT (COUNT(*) AS ?n)")
UPDATES = (
    "DROP ALL",
    "CLEAR DEFAULT",
    'INSERT DATA { GRAPH <http://evil/> { <http://evil/s> <http://evil/p> "pwned" } }',
    "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "LOAD <http://127.0.0.1:9/nothing.ttl>",
)

LOAD = ("--clients", "10", "--seconds", "5", "--json")

pytestmark = pytest.mark.server


def test_read_only_endpoint_refuses_every_update(serve_demo: str) -> None:
    count = triple_count(serve_demo)
    assert count > 0
    for update in UPDATES:
        status, body = sparql_post_update(serve_demo, update)
        assert status == 403, (update, status, body)
        assert b"read-only" in body
    try:
        urllib.request.urlopen(serve_demo + "?update=DROP%20ALL", timeout=10)
        raise AssertionError("an update by GET was answered")
    except urllib.error.HTTPError as err:
        assert err.code == 405
    # An update smuggled as a query is a syntax error, not an update.
    status, body = sparql_get(serve_demo, "DROP ALL")
    assert status == 400, (status, body)
    assert triple_count(serve_demo) == count


def test_runaway_query_is_stopped_by_the_timeout(serve_demo: str) -> None:
    """The demo store is served with --timeout 2: a four-way cross product is cancelled with a clear 503."""
    started = time.monotonic()
    status, body = sparql_get(serve_demo, COUNTED_CROSS_PRODUCT, timeout=60)
    elapsed = time.monotonic() - started
    assert status == 503, (status, body[:300])
    assert b"timed out after 2 s" in body
    assert elapsed < 15, f"took {elapsed:.1f} s to give up"
    # The engine is free again: an ordinary query answers at once.
    status, body = sparql_get(serve_demo, "ASK { GRAPH ?g { ?s ?p ?o } }")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_unbounded_select_is_cut_at_the_row_limit_or_times_out(serve_demo: str) -> None:
    started = time.monotonic()
    status, body = sparql_get(serve_demo, CROSS_PRODUCT, timeout=60)
    assert time.monotonic() - started < 15
    if status == 200:
        assert len(json.loads(body)["results"]["bindings"]) == 10_000  # the default --limit
    else:
        assert status == 503 and b"timed out" in body


@pytest.mark.slow
def test_concurrent_load_gives_no_errors(demo_store: Path) -> None:
    """bench/load_endpoint.py from a separate process: 10 clients for 5 s, every answer checked."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "load_endpoint.py"), "--store", str(demo_store), *LOAD],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["errors"] == 0, figures["first_errors"]
    assert figures["requests"] >= 100, figures
