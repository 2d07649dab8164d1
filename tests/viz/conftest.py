"""Stores to draw, and pages opened in the suite's headless Chromium (`browser`, tests/conftest.py) with the
network blocked: every request that is not the page's own file is aborted and recorded, every console error
is recorded."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from chromium_support import block_network

from twingraph.store import EmbeddedStore, open_store

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "graph" / "data" / "gold"
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def viz_store(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    """Curated facts of the dev set about Dortmund's partnerships, loaded with the real command."""
    path = tmp_path_factory.mktemp("viz") / "store"
    files = sorted([*GOLD.glob("*.yaml"), *(ROOT / "data" / "gold").glob("seed_*.yaml")])
    done = subprocess.run(
        [sys.executable, "-m", "twingraph", "curate", "--quiet", "--store", str(path), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return open_store(path, read_only=True)


@dataclass(frozen=True)
class Demo:
    """What `twingraph demo` leaves: its store and the pages it wrote."""

    store: Path
    out: Path


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """The sample articles and their cities' part of the world table, stored and drawn by the real command."""
    folder = tmp_path_factory.mktemp("demo")
    done = subprocess.run(
        [sys.executable, "-m", "twingraph", "demo", "--store", str(folder / "store"), "--out", str(folder / "out")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return Demo(folder / "store", folder / "out")


@dataclass
class OpenedPage:
    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def js(self, expression: str) -> Any:
        return self.page.evaluate(expression)

    def wait_until(self, expression: str, timeout: float = 30.0) -> None:
        """Poll (the page's CSP forbids the eval behind Playwright's wait_for_function)."""
        deadline = time.monotonic() + timeout
        while not self.page.evaluate(expression):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {expression}")
            time.sleep(0.05)

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture
def open_html(browser: Any) -> Iterator[Any]:
    """open_html(path) -> OpenedPage, loaded and drawn, with physics settled."""
    contexts = []

    def opener(path: Path) -> OpenedPage:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        page = context.new_page()
        opened = OpenedPage(page, requests=block_network(page))
        page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.goto(path.resolve().as_uri())
        opened.wait_until("window.__tgStable === true && !!window.__tgFirstRender")
        return opened

    yield opener
    for context in contexts:
        context.close()
