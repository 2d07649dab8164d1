"""Shared pieces of the reliability suite: hostile strings, a free port, HTTP helpers for the endpoint.

A plain module beside the tests (imported by name, as pytest puts this folder on sys.path), so fixtures
in conftest.py and the tests use the same strings.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"

settings.register_profile(
    "twingraph-reliability",
    derandomize=True,  # the same inputs on every run, so CI is reproducible
    database=None,
    deadline=None,  # each test asserts its own bound per input, measured around the call under test
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
FUZZ = settings.get_profile("twingraph-reliability")

Tally = dict[str, list[float]]  # fuzz target -> [inputs run, seconds]


def run_cli(*args: str, timeout: float = 300, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real `twingraph` command in a subprocess, as a user would run it."""
    return subprocess.run(
        [sys.executable, "-m", "twingraph", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


# Strings that try to break out of SPARQL literals, IRIs, HTML attributes and scripts.
INJECTIONS: tuple[str, ...] = (
    'x" } DROP ALL #',
    "x' . ?s ?p ?o } #",
    "<http://evil> ",
    '\\" }',
    'Dortmund"\n} ; DROP ALL ; INSERT DATA { <http://evil> <http://evil> "x" } #',
    "Dortmund\\u0022 } DROP ALL #",
    "Dortmund\u0022 } DELETE WHERE { ?s ?p ?o } #",
    '"""} DROP ALL #',
    "'''} DROP ALL #",
    "?city } UNION { ?s ?p ?o",
    "Dortmund\r\n#",
    "Dort\x00mund",
    "[/]",  # console markup: must be printed, not interpreted
    "[bold red]Dortmund[/bold red] [link=http://evil]x[/link]",
)

# Text a hostile web page could carry into an entity name, a description or an evidence sentence.
PAYLOADS: tuple[str, ...] = (
    "<script>alert(1)</script>",
    '<img src=x onerror="window.__pwned=1">',
    '" onmouseover="window.__pwned=1',
    "' onmouseover='window.__pwned=1",
    "</script><script>window.__pwned=1</script>",
    "javascript:window.__pwned=1",
    '<a href="javascript:window.__pwned=1">click</a>',
    "\u202eevil\u202c and zero\u200bwidth\u200d joiners\ufeff",
    "<svg onload=window.__pwned=1>",
    "{{constructor.constructor('window.__pwned=1')()}}",
    "${window.__pwned=1}",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_http(url: str, process: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    """Poll until the server answers; fail with its stderr if it died first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
            raise AssertionError(f"server exited with {process.returncode}: {err}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise AssertionError(f"server at {url} did not answer within {timeout} s")


def sparql_get(endpoint: str, query: str, timeout: float = 30.0) -> tuple[int, bytes]:
    url = endpoint + "?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def sparql_post_update(endpoint: str, update: str, timeout: float = 30.0) -> tuple[int, bytes]:
    request = urllib.request.Request(
        endpoint,
        data=update.encode("utf-8"),
        headers={"Content-Type": "application/sparql-update"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def triple_count(endpoint: str) -> int:
    status, body = sparql_get(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
