"""Gazetteer figures: load time, and find_mentions time per 2,000 characters of article text.

Run: .venv/bin/python bench/bench_gazetteer.py [ARTICLES_DIR]  (default: data/articles)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from twingraph.resources import data_dir


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else data_dir() / "articles"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt articles in {folder}")
    started = time.perf_counter()
    from twingraph.gazetteer import gazetteer

    g = gazetteer()
    print(f"load: {time.perf_counter() - started:.3f} s")
    g.find_mentions(texts[0])  # warm the lazily parsed entries once, as a long run would
    per_2000 = []
    mentions = 0
    for _ in range(20):
        for text in texts:
            t = time.perf_counter()
            mentions += len(g.find_mentions(text))
            per_2000.append((time.perf_counter() - t) * 1000 * 2000 / max(len(text), 1))
    print(f"articles: {len(texts)}, {sum(map(len, texts))} characters, {mentions // 20} mentions")
    median, worst = statistics.median(per_2000), max(per_2000)
    print(f"find_mentions per 2,000 characters: median {median:.3f} ms, max {worst:.3f} ms")
    t = time.perf_counter()
    names = ["Schytomyr", "Kiew", "Köln", "Дніпра", "Dortmunds", "Rostow am Don", "Xqzzy"] * 1000
    for name in names:
        g.resolve(name)
    print(f"resolve: {(time.perf_counter() - t) / len(names) * 1e6:.1f} µs per name")


if __name__ == "__main__":
    main()
