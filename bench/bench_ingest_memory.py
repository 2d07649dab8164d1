"""Peak memory of `ingest --jobs N` on a large synthetic archive: does it stay bounded, whatever the size?

Usage: python bench/bench_ingest_memory.py [--articles N] [--jobs N] [--every N] [--dev DIR]
Makes N articles from the dev-set texts (as bench_ingest.py does) and ingests them with N worker processes into
a fresh embedded store, as `twingraph ingest --jobs N` does. This process is the writer; a sampler thread
records the resident memory (RSS) of it and of the workers twice a second. Every `--every` articles it prints
the count, the rate so far and the peak RSS so far (lines flushed at once, so a run stopped early still tells).
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

import psutil
from bench_ingest import DEV_CANDIDATES, make_corpus

from twingraph.ingest.run import IngestedArticle, ingest
from twingraph.inputs.articles import InputProblem
from twingraph.store import open_store


class Peaks:
    """Peak RSS in MiB of this process (the writer) and of the largest worker, sampled in a thread."""

    def __init__(self) -> None:
        self.writer = 0.0
        self.worker = 0.0
        self.done = threading.Event()
        self.me = psutil.Process()

    def run(self) -> None:
        while not self.done.wait(0.5):
            try:
                self.writer = max(self.writer, self.me.memory_info().rss / 2**20)
                for child in self.me.children(recursive=True):
                    self.worker = max(self.worker, child.memory_info().rss / 2**20)
            except psutil.Error:
                continue


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--every", type=int, default=5_000)
    parser.add_argument("--dev", type=Path, default=next((d for d in DEV_CANDIDATES if d.is_dir()), None))
    args = parser.parse_args()
    sources = sorted(args.dev.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "articles"
        corpus.mkdir()
        t0 = time.perf_counter()
        make_corpus(sources, args.articles, corpus)
        made = time.perf_counter() - t0
        print(f"corpus: {args.articles:,} articles from {len(sources)} dev texts, made in {made:.0f} s", flush=True)
        peaks = Peaks()
        threading.Thread(target=peaks.run, daemon=True).start()
        count = 0
        started = time.perf_counter()

        def on_progress(item: IngestedArticle | InputProblem) -> None:
            nonlocal count
            if isinstance(item, InputProblem):
                return
            count += 1
            if count % args.every == 0:
                seconds = time.perf_counter() - started
                rss = peaks.me.memory_info().rss / 2**20
                print(
                    f"{count:>8,} articles  {seconds:6.0f} s  {count / seconds:6.1f} articles/s  writer RSS now "
                    f"{rss:5.0f} MiB, peak {peaks.writer:5.0f} MiB; largest worker peak {peaks.worker:4.0f} MiB",
                    flush=True,
                )

        report = ingest([corpus], open_store(Path(tmp) / "store"), jobs=args.jobs, on_progress=on_progress)
        peaks.done.set()
        seconds = time.perf_counter() - started
        print(f"ingested {len(report.articles):,} articles, {report.triples:,} triples in {seconds:.0f} s "
              f"({len(report.articles) / seconds:.1f} articles/s), {len(report.problems)} problems")  # fmt: skip
        print(f"peak RSS: writer {peaks.writer:.0f} MiB, largest worker {peaks.worker:.0f} MiB", flush=True)


if __name__ == "__main__":
    main()
