"""Peak memory of `twingraph ingest --jobs N` on a large synthetic archive: is it bounded, whatever the size?

Usage: python bench/bench_ingest_memory.py [--articles N] [--jobs N] [--dev DIR] [--keep DIR]
Makes N articles from the dev-set texts (as bench_ingest.py does), runs the real command on them into a fresh
store, and samples the resident memory (RSS) of the writer process and of its workers every half second.
Prints the peak RSS of each, the RSS after each tenth of the articles, and the rate.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
from bench_ingest import DEV_CANDIDATES, make_corpus


def sample(process: psutil.Popen, peaks: dict[str, float], trace: list[tuple[float, float, float]]) -> None:
    """Peak RSS (MiB) of the writer and the largest worker, and a (time, writer, workers) trace."""
    started = time.monotonic()
    while process.poll() is None:
        try:
            writer = process.memory_info().rss / 2**20
            workers = [c.memory_info().rss / 2**20 for c in process.children(recursive=True)]
        except psutil.Error:
            continue
        peaks["writer"] = max(peaks.get("writer", 0.0), writer)
        peaks["worker"] = max([peaks.get("worker", 0.0), *workers])
        trace.append((time.monotonic() - started, writer, sum(workers)))
        time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--dev", type=Path, default=next((d for d in DEV_CANDIDATES if d.is_dir()), None))
    args = parser.parse_args()
    sources = sorted(args.dev.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "articles"
        corpus.mkdir()
        t0 = time.perf_counter()
        make_corpus(sources, args.articles, corpus)
        made = time.perf_counter() - t0
        print(f"corpus: {args.articles:,} articles from {len(sources)} dev texts, made in {made:.0f} s")
        command = [sys.executable, "-m", "twingraph", "ingest", "--quiet", "--jobs", str(args.jobs),
                   "--store", str(Path(tmp) / "store"), str(corpus)]  # fmt: skip
        peaks: dict[str, float] = {}
        trace: list[tuple[float, float, float]] = []
        started = time.perf_counter()
        process = psutil.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        watcher = threading.Thread(target=sample, args=(process, peaks, trace), daemon=True)
        watcher.start()
        _, err = process.communicate()
        watcher.join()
        seconds = time.perf_counter() - started
        if process.returncode != 0:
            print(f"ingest failed ({process.returncode}): {err.strip()[-500:]}")
        print(f"ingest --jobs {args.jobs}: {seconds:.0f} s = {args.articles / seconds:.1f} articles/s")
        print(f"peak RSS: writer {peaks.get('writer', 0):.0f} MiB, largest worker {peaks.get('worker', 0):.0f} MiB")
        if trace:
            print("RSS over the run (writer / all workers, MiB):")
            for tenth in range(1, 11):
                at = trace[min(len(trace) - 1, tenth * len(trace) // 10 - 1)]
                print(f"  {tenth * 10:3d} % of the time ({at[0]:6.0f} s): {at[1]:6.0f} / {at[2]:6.0f}")


if __name__ == "__main__":
    main()
