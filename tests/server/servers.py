"""Starting and stopping the servers the remote-store tests talk to."""

from __future__ import annotations

import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass

from twingraph.query.library import LibraryQuery
from twingraph.query.results import term_text


@dataclass(frozen=True)
class Server:
    name: str
    query: str  # SPARQL query endpoint
    update: str  # SPARQL Update endpoint
    graph_store: str  # Graph Store HTTP Protocol
    user: str | None = None
    password: str | None = None

    def auth_args(self) -> list[str]:
        return ["--user", self.user, "--password", self.password or ""] if self.user else []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, process: subprocess.Popen[bytes], patience: float) -> str | None:
    """None once the URL answers 200; otherwise why the server is not there."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return f"exited with status {process.returncode}"
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return None
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    return f"did not answer within {patience:g} s"


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def normalised(result: object) -> Counter[tuple[tuple[str, str], ...]]:
    """Rows as sorted (column, value) pairs, values as strings; aggregated lists compared as sets of parts
    (GROUP_CONCAT order is up to the engine)."""
    variables = [v.value for v in result.variables]  # type: ignore[attr-defined]
    rows: Counter[tuple[tuple[str, str], ...]] = Counter()
    for solution in result:  # type: ignore[attr-defined]
        cells = []
        for v in variables:
            parts = sorted(p for p in re.split(r"[,|–\s]+", term_text(solution[v])) if p)
            cells.append((v, " ".join(parts)))
        rows[tuple(sorted(cells))] += 1
    return rows


# values for the library's parameters that find something in the sample graph
SAMPLE_PARAMS = {
    "city": "dortmund",
    "partner": "Zhytomyr",
    "entity": "Svitlana Olshanska",
    "country": "UA",
    "source": "https://www.dortmund.de/newsroom/nachrichten/delegation-aus-schytomyr-besucht-dortmund.html",
}


def sample_params(query: LibraryQuery) -> dict[str, str] | None:
    """Sample values for the query's parameters; None when a required one has no sample value."""
    if any(not p.optional and p.name not in SAMPLE_PARAMS for p in query.params):
        return None
    return {p.name: SAMPLE_PARAMS[p.name] for p in query.params if p.name in SAMPLE_PARAMS}
