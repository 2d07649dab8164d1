"""Fixtures for the reliability suite: a tally of fuzzed inputs, a demo store and a running endpoint.

The hypothesis profile (derandomized, no example database: CI runs the same inputs every time) lives in
reliability_support.py; each fuzz test sets its own `max_examples` and bounds the time per input.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from reliability_support import Tally, free_port, run_cli, wait_for_http

_TALLY: Tally = {}


@pytest.fixture(scope="session")
def fuzz_tally() -> Tally:
    """Inputs run and seconds spent per fuzz target, printed at the end of the run."""
    return _TALLY


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _TALLY:
        return
    terminalreporter.section("fuzzed inputs")
    for target, (count, seconds) in _TALLY.items():
        terminalreporter.write_line(f"{target}: {int(count):,} inputs in {seconds:.1f} s")
    total = sum(int(c) for c, _ in _TALLY.values())
    terminalreporter.write_line(f"total: {total:,} inputs")


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the demo facts (the Dortmund–Zhytomyr sample), built once per module."""
    folder = tmp_path_factory.mktemp("demo")
    store = folder / "store"
    done = run_cli("demo", "--store", str(store), "--out", str(folder / "out"))
    assert done.returncode == 0, done.stderr
    return store


@pytest.fixture(scope="module")
def serve_demo(demo_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`twingraph serve` (read-only, 2 s timeout) over the demo store; yields its /sparql URL."""
    copy = tmp_path_factory.mktemp("served") / "store"
    subprocess.run(["cp", "-r", str(demo_store), str(copy)], check=True)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "twingraph", "serve", "--store", str(copy), "--port", str(port), "--timeout", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ},
    )
    endpoint = f"http://127.0.0.1:{port}/sparql"
    try:
        wait_for_http(f"http://127.0.0.1:{port}/", process)
        yield endpoint
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
