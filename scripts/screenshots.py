"""The README's pictures of the HTML graphs, taken in headless Chromium: docs/img/*.png.

    .venv/bin/python scripts/screenshots.py [--out docs/img]

Builds the demo store (the two sample articles and their cities' twin towns) and the whole twin-town table in
temporary folders, writes the partnership page, Dortmund's focus page and the world page, and photographs them
as a reader sees them: the partnership with the September 2023 visit selected (one node, both articles as its
sources), the focus page whole, the world map whole and after a search for 'Житомир'.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # chromium_support.py: the suite's headless Chromium

from chromium_support import block_network, headless_chromium  # noqa: E402

from twingraph.inputs.pairs import read_pairs, store_table  # noqa: E402
from twingraph.resources import data_dir  # noqa: E402
from twingraph.store import open_store  # noqa: E402
from twingraph.viz import write_store_html  # noqa: E402


def wait(page: Any, expression: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {expression}")
        time.sleep(0.1)


def open_page(browser: Any, html: Path) -> Any:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    requests = block_network(page)
    page.goto(html.resolve().as_uri())
    wait(page, "window.__tgStable === true && !!window.__tgFirstRender")
    wait(
        page,
        "(function (t) { return !t || t.style.visibility !== 'hidden'; })(document.querySelector('.vis-timeline'))",
    )
    if errors or requests:
        raise SystemExit(f"{html.name}: console errors {errors}, requests {requests}")
    return page


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="twingraph-shots-"))

    demo = subprocess.run(
        [sys.executable, "-m", "twingraph", "demo", "--out", str(work), "--store", str(work / "demo-store")],
        capture_output=True,
        text=True,
    )
    if demo.returncode != 0:
        raise SystemExit(demo.stderr)
    store = open_store(work / "world-store")
    store_table(store, read_pairs(data_dir() / "twin-towns" / "pairs.csv"))
    store.flush()
    world = write_store_html(store, work / "world.html")

    with headless_chromium() as browser:
        page = open_page(browser, work / "partnership.html")
        page.evaluate(  # the September 2023 visit, which both articles report: one node, two sources
            "window.__tg.select(window.__tg.data.nodes.filter(function (n) {"
            " return n.kind === 'visit' && n.own_date === '2023-09-24'; })[0].id)"
        )
        page.wait_for_timeout(300)
        page.screenshot(path=str(args.out / "partnership.png"))
        page.evaluate("window.__tg.setDate('2023-10-31')")
        page.wait_for_timeout(300)
        page.screenshot(path=str(args.out / "partnership-2023-10.png"))
        page = open_page(browser, work / "dortmund.html")
        page.screenshot(path=str(args.out / "focus.png"))
        page = open_page(browser, world)
        page.screenshot(path=str(args.out / "world.png"))
        page.locator("#tg-search").fill("Житомир")
        page.locator("#tg-search").press("Enter")
        page.wait_for_timeout(300)
        page.screenshot(path=str(args.out / "world-zhytomyr.png"))
    for png in sorted(args.out.glob("*.png")):
        print(f"wrote {png} ({png.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
