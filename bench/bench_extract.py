"""Extraction speed: articles per second for RuleExtractor.extract alone (no reading, no store).

~1,000 articles are made by combining the dev-set texts in data/eval/articles (each article is one dev text
followed by the body of another, so lengths and vocabulary vary as in real batches). Start-up (gazetteer, spaCy
pipelines, first-name list) is measured separately and not counted in the rate.

    .venv/bin/python bench/bench_extract.py [--count 1000]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from twingraph.extract import default_extractor
from twingraph.facts import Article
from twingraph.inputs.articles import read_article_file

ROOT = Path(__file__).resolve().parents[1]


def make_articles(count: int) -> list[Article]:
    sources = [read_article_file(p) for p in sorted((ROOT / "data/eval/articles").glob("*.txt"))]
    articles = []
    for i in range(count):
        first, second = sources[i % len(sources)], sources[(i * 5 + 3) % len(sources)]
        body = second.text.split("\n\n", 1)[-1]
        articles.append(Article(key=f"bench:{i}", text=first.text + "\n\n" + body, language=first.language))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    articles = make_articles(args.count)
    started = time.perf_counter()
    extractor = default_extractor()
    extractor.extract(articles[0])
    startup = time.perf_counter() - started
    started, cpu_started = time.perf_counter(), time.process_time()
    facts = sum(extractor.extract(a).count() for a in articles)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    chars = sum(len(a.text) for a in articles)
    print(f"articles         {len(articles)} ({chars / len(articles):.0f} characters on average)")
    print(f"start-up         {startup:.2f} s (gazetteer, spaCy, lexicons; once per process)")
    print(f"extraction       {elapsed:.2f} s, {facts} facts")
    print(f"rate             {len(articles) / elapsed:.1f} articles/s wall clock, single process")
    print(f"rate (CPU time)  {len(articles) / cpu:.1f} articles/s per core")


if __name__ == "__main__":
    main()
