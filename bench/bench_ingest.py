"""Articles per second for `ingest` end to end: ~1,000 articles made from the dev-set texts, into a fresh store.

Usage: python bench/bench_ingest.py [--articles N] [--dev DIR] [--jobs N]
Prints the overall rate, the rate per core (articles per second of the process's CPU time, so work on the
store's background threads counts too) and the time spent reading (incl. boilerplate removal), extracting and
storing. The goal is >= 50 articles/s per core. Wall-clock rates on a shared machine vary by a quarter from run
to run: run it three times and report the spread.

With --jobs N (N > 1) the same corpus is ingested twice, with one job and with N worker processes, each into a
fresh store: it prints both rates, the speed-up (goal: >= 1.8 with 2 jobs on 2 cores for 2,000 articles) and
whether both stores hold the same quads.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from pyoxigraph import Quad

from twingraph.extract import Extractor, default_extractor
from twingraph.ingest.run import IngestReport, ingest
from twingraph.inputs.articles import read_article_file
from twingraph.rdf import vocab
from twingraph.store import EmbeddedStore, open_store

ROOT = Path(__file__).resolve().parents[1]
DEV_CANDIDATES = (ROOT.parent / "shared" / "eval" / "dev" / "articles", ROOT / "data" / "articles")


def make_corpus(sources: list[Path], count: int, folder: Path) -> None:
    """Article i: dev text i, plus the paragraphs of another dev text, under a title of its own."""
    texts = [p.read_text(encoding="utf-8") for p in sources]
    for i in range(count):
        base, extra = texts[i % len(texts)], texts[(i * 7 + 3) % len(texts)]
        body = base.split("\n", 3)[-1] if base.count("\n") > 3 else base
        more = "\n".join(line for line in extra.split("\n")[3:] if len(line) > 80)
        title = f"Bericht {i:04d} über Städtepartnerschaften"
        (folder / f"article_{i:04d}.txt").write_text(f"{title}\n\n\n{body}\n{more}\n", encoding="utf-8")


def run(corpus: Path, store: EmbeddedStore, extractor: Extractor, jobs: int) -> tuple[IngestReport, float]:
    """One ingest; returns the report and the CPU seconds of this process and its (reaped) workers."""
    before = _cpu()
    report = ingest([corpus], store, extractor=extractor, jobs=jobs)
    return report, _cpu() - before


def comparable(store: EmbeddedStore) -> set[Quad]:
    return {q for q in store._store.quads_for_pattern(None, None, None) if q.predicate != vocab.PROV_ENDED_AT_TIME}


def _cpu() -> float:
    # All threads of this process (the store's background work included), and worker processes once reaped.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def print_report(label: str, report: IngestReport, cpu: float) -> None:
    n, total = len(report.articles), report.seconds
    print(f"{label}: {total:.2f} s = {n / total:.1f} articles/s ({len(report.problems)} problems)")
    print(f"  CPU time: {cpu:.2f} s = {n / cpu:.1f} articles/s per core (the goal's measure)")
    steps = (("read", report.read_seconds), ("extract", report.extract_seconds), ("store", report.store_seconds))
    if report.jobs > 1:
        print(f"  ({report.jobs} workers: extract is their summed time, read includes waiting for them)")
    for step, seconds in steps:
        rate = n / seconds if seconds else float("inf")
        print(f"  {step:<8}{seconds:7.2f} s  {rate:9.1f} articles/s  {100 * seconds / total:5.1f} %")
    print(f"  facts: {report.facts}, triples: {report.triples:,}, store: {report.store_triples:,} triples")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--dev", type=Path, default=next((d for d in DEV_CANDIDATES if d.is_dir()), None))
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    sources = sorted(args.dev.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "articles"
        corpus.mkdir()
        make_corpus(sources, args.articles, corpus)
        size = sum(p.stat().st_size for p in corpus.iterdir())
        t0 = time.perf_counter()
        extractor = default_extractor()
        # Lexicons and patterns may be built on first use: one warm-up article, timed on its own.
        extractor.extract(read_article_file(next(corpus.iterdir())))
        setup = time.perf_counter() - t0
        print(f"corpus: {args.articles} articles from {len(sources)} dev texts, {size / 1024:.0f} KiB; "
              f"cores: {os.cpu_count()}")  # fmt: skip
        print(f"extractor setup + one warm-up article: {setup:.2f} s (not counted below)")
        one = open_store(Path(tmp) / "store-1")
        report, cpu = run(corpus, one, extractor, 1)
        print_report("1 job", report, cpu)
        if args.jobs <= 1:
            return
        many = open_store(Path(tmp) / f"store-{args.jobs}")
        parallel, cpu = run(corpus, many, extractor, args.jobs)
        print_report(f"{args.jobs} jobs", parallel, cpu)
        print(f"speed-up with {args.jobs} jobs: {report.seconds / parallel.seconds:.2f}x")
        same = comparable(one) == comparable(many)
        print(f"same quads in both stores (but the time each extraction ended): {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
