"""Headless Chromium for the browser tests and bench/bench_viz.py: the system's Chromium driven by Playwright, with
the network blocked so a page can only load its own file.

A plain module beside the tests (imported by name: pytest puts tests/ on sys.path for tests/conftest.py, and
bench/bench_viz.py adds it). Playwright is a dev dependency, imported only when a browser is launched.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

CHROMIUM = Path("/usr/bin/chromium")  # the Debian package (scripts/install-system-deps.sh), not Playwright's build
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium_installed() -> bool:
    return CHROMIUM.exists() and shutil.which(str(CHROMIUM)) is not None


@contextmanager
def headless_chromium() -> Iterator[Browser]:
    """The running browser, closed (with Playwright) on leaving the block."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


def block_network(page: Page) -> list[str]:
    """Abort every request of the page that is not for a file: URL; return the list the aborted URLs go to."""
    blocked: list[str] = []

    def abort_unless_file(route: Route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", abort_unless_file)
    return blocked
