"""Load on `twingraph serve`: N concurrent clients for S seconds on loopback, every answer checked.

Usage: python bench/load_endpoint.py [--clients 20] [--seconds 30] [--store DIR] [--json]
Without --store it loads the demo facts into a temporary store. It computes the expected rows of each query
from the store itself, starts `twingraph serve` (read-only) on a free loopback port, and runs the clients in
threads of this process, each with its own keep-alive connection. A response counts as an error when its
status is not 200 or its rows differ from the expected ones. Prints requests/s, p50/p99 latency and errors.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import QueryResultsFormat, QuerySolutions, Store

from twingraph.query.library import load_query, with_values

ROOT = Path(__file__).resolve().parents[1]


def workload() -> list[tuple[str, str]]:
    """(name, SPARQL) pairs: contract queries, a parameterised one bound as VALUES, and aggregates."""
    partners = load_query("partners-of")
    return [
        ("partnerships", load_query("partnerships").text),
        ("cities", load_query("cities").text),
        ("visits", load_query("visits").text),
        ("partners-of Dortmund", with_values(partners.text, partners.bind({"city": "Dortmund"}))),
        ("count", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
        ("graphs", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"),
    ]


def rows_of(body: bytes) -> list[tuple[tuple[str, str], ...]]:
    """Rows of a W3C JSON result as sorted, comparable tuples (blank node labels left out)."""
    data = json.loads(body)
    rows = []
    for binding in data["results"]["bindings"]:
        cells = (
            (name, "_:" if cell["type"] in ("bnode", "blank") else cell["value"]) for name, cell in binding.items()
        )
        rows.append(tuple(sorted(cells)))
    return sorted(rows)


def expected_rows(store_path: Path, queries: list[tuple[str, str]]) -> dict[str, list[tuple[tuple[str, str], ...]]]:
    store = Store.read_only(str(store_path))
    expected = {}
    for name, sparql in queries:
        result = store.query(sparql)
        assert isinstance(result, QuerySolutions)
        expected[name] = rows_of(result.serialize(format=QueryResultsFormat.JSON) or b"{}")
    return expected


@dataclass
class ClientStats:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def client(
    port: int,
    queries: list[tuple[str, str]],
    expected: dict[str, list[tuple[tuple[str, str], ...]]],
    stop_at: float,
    offset: int,
    stats: ClientStats,
) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    turn = offset
    while time.perf_counter() < stop_at:
        name, sparql = queries[turn % len(queries)]
        turn += 1
        started = time.perf_counter()
        try:
            connection.request(
                "POST",
                "/sparql",
                body=urllib.parse.urlencode({"query": sparql}),
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/sparql-results+json",
                },
            )
            response = connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException) as err:
            stats.errors.append(f"{name}: {type(err).__name__}: {err}")
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        stats.latencies.append(time.perf_counter() - started)
        if response.status != 200:
            stats.errors.append(f"{name}: HTTP {response.status}: {body[:200]!r}")
        elif rows_of(body) != expected[name]:
            stats.errors.append(f"{name}: rows differ from the store's")
    connection.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(store: Path, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "twingraph", "serve", "--store", str(store), "--port", str(port), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ},
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"serve exited: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("serve did not start listening within 30 s")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def run(store: Path, clients: int, seconds: float) -> dict[str, object]:
    queries = workload()
    expected = expected_rows(store, queries)
    port = free_port()
    server = start_server(store, port)
    try:
        stats = [ClientStats() for _ in range(clients)]
        stop_at = time.perf_counter() + seconds
        threads = [
            threading.Thread(target=client, args=(port, queries, expected, stop_at, i, stats[i]))
            for i in range(clients)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
    latencies = [value for s in stats for value in s.latencies]
    errors = [error for s in stats for error in s.errors]
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(latencies),
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
        "errors": len(errors),
        "first_errors": errors[:5],
    }


def demo_store(folder: Path) -> Path:
    store = folder / "store"
    subprocess.run(
        [sys.executable, "-m", "twingraph", "demo", "--store", str(store), "--out", str(folder / "out")],
        check=True,
        capture_output=True,
    )
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--store", type=Path, help="a store to serve (default: the demo facts in a temporary store)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="twingraph-load-"))
    try:
        if args.store:
            store = folder / "store"
            shutil.copytree(args.store, store)  # served read-only, but never risk the user's store
        else:
            store = demo_store(folder)
        figures = run(store, args.clients, args.seconds)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        print(json.dumps(figures))
        return
    print(
        f"{figures['clients']} clients for {figures['seconds']} s: {figures['requests']} requests, "
        f"{figures['requests_per_second']} requests/s, p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms, "
        f"{figures['errors']} errors"
    )
    for error in figures["first_errors"]:  # type: ignore[attr-defined]
        print("  " + error)


if __name__ == "__main__":
    main()
