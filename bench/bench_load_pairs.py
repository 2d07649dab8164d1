"""Figures for `load-pairs`: the whole world table (data/twin-towns/pairs.csv) into a fresh store, by stage.

Run: .venv/bin/python bench/bench_load_pairs.py [TABLE.csv] [--runs N]
First the command itself, as a user runs it (`python -m twingraph load-pairs TABLE --quiet` in a subprocess:
interpreter start-up, imports, gazetteer, reading and checking, mapping, writing), on a fresh store and then
again on the same store (a reload patches the graph). The goal is <= 5 s wall for the first load. Then the
stages in this process: reading and checking every row, facts -> quads on their own (for reference: the load
maps them while Oxigraph writes the previous chunk on the other core), the first load, and a reload.
Wall and CPU seconds are both printed: the machine may be shared, and CPU time is what the code costs.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from twingraph.resources import data_dir


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def command(table: Path, store: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one `twingraph load-pairs` run in a subprocess."""
    w0, c0 = time.perf_counter(), children_cpu()
    done = subprocess.run(
        [sys.executable, "-m", "twingraph", "load-pairs", str(table), "--store", str(store), "--quiet"],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.exit(f"load-pairs failed: {done.stderr.strip()}")
    return time.perf_counter() - w0, children_cpu() - c0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("table", nargs="?", type=Path, default=data_dir() / "twin-towns" / "pairs.csv")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    print("twingraph load-pairs, end to end (a subprocess: start-up and imports included)")
    print("  run  first load wall s  CPU s   reload wall s  CPU s")
    for run in range(args.runs):
        folder = Path(tempfile.mkdtemp(prefix="bench-pairs-"))
        try:
            first = command(args.table, folder / "store")
            again = command(args.table, folder / "store")
            print(f"  {run + 1:3} {first[0]:17.2f} {first[1]:6.2f} {again[0]:15.2f} {again[1]:6.2f}")
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    started = time.perf_counter()
    from twingraph.gazetteer import gazetteer
    from twingraph.inputs.pairs import no_cycle_collection, read_pairs, store_table
    from twingraph.rdf.mapping import facts_to_quads
    from twingraph.store import open_store

    g = gazetteer()
    print(f"stages in this process (gazetteer opened in {time.perf_counter() - started:.2f} s, once per process)")
    for run in range(args.runs):
        folder = Path(tempfile.mkdtemp(prefix="bench-pairs-"))
        try:
            store = open_store(folder / "store")
            marks = [(time.perf_counter(), time.process_time())]
            table = read_pairs(args.table, g)
            marks.append((time.perf_counter(), time.process_time()))
            with no_cycle_collection():  # as store_table maps them
                mapped = len(facts_to_quads(table.facts))
            marks.append((time.perf_counter(), time.process_time()))
            store_table(store, table)  # a first load: mapping and bulk load side by side, as the command does
            marks.append((time.perf_counter(), time.process_time()))
            triples = store_table(store, table)  # a reload, the way the command does it end to end
            marks.append((time.perf_counter(), time.process_time()))
            print(
                f"run {run + 1}: {table.rows:,} rows, {len(table.facts.partnerships):,} partnerships, "
                f"{len(table.facts.cities):,} cities, {triples:,} triples"
            )
            print(f"  {'stage':48}  wall s   CPU s  (CPU: all threads of this process)")
            stages = [
                "read + check rows",
                f"facts -> quads alone ({mapped:,} quads; reference)",
                "map + bulk load (overlapped)",
                "reload (patch)",
            ]
            for name, (w0, c0), (w1, c1) in zip(stages, marks, marks[1:], strict=False):
                print(f"  {name:48} {w1 - w0:7.2f} {c1 - c0:7.2f}")
            first_wall = (marks[1][0] - marks[0][0]) + (marks[3][0] - marks[2][0])
            first_cpu = (marks[1][1] - marks[0][1]) + (marks[3][1] - marks[2][1])
            print(
                f"  {'first load total':48} {first_wall:7.2f} {first_cpu:7.2f}  (read + load; no start-up, gazetteer)"
            )
            print(f"  store holds {len(store):,} triples after the reload")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
