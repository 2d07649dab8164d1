"""Figures for `load-pairs`: the whole world table (data/twin-towns/pairs.csv) into a fresh store, by stage.

Run: .venv/bin/python bench/bench_load_pairs.py [TABLE.csv] [--runs N]
Prints seconds for: gazetteer load, reading and checking every row, facts -> quads, writing the graph,
and the total (what `twingraph load-pairs` spends), then a reload of the same table (which patches its graph).
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from twingraph.resources import data_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("table", nargs="?", type=Path, default=data_dir() / "twin-towns" / "pairs.csv")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    started = time.perf_counter()
    from twingraph.gazetteer import gazetteer
    from twingraph.pairs import read_pairs, store_table
    from twingraph.rdf.mapping import facts_to_quads
    from twingraph.store import open_store

    g = gazetteer()
    print(f"gazetteer load:        {time.perf_counter() - started:6.2f} s")
    for run in range(args.runs):
        folder = Path(tempfile.mkdtemp(prefix="bench-pairs-"))
        try:
            store = open_store(folder / "store")
            marks = [(time.perf_counter(), time.process_time())]
            table = read_pairs(args.table, g)
            marks.append((time.perf_counter(), time.process_time()))
            quads = dict.fromkeys(facts_to_quads(table.facts))
            marks.append((time.perf_counter(), time.process_time()))
            store.bulk_extend(quads)
            marks.append((time.perf_counter(), time.process_time()))
            triples = store_table(store, table)  # a reload, the way the command does it end to end
            marks.append((time.perf_counter(), time.process_time()))
            print(
                f"run {run + 1}: {table.rows:,} rows, {len(table.facts.partnerships):,} partnerships, "
                f"{len(table.facts.cities):,} cities, {triples:,} triples"
            )
            print("  stage                 wall s   CPU s  (CPU: all threads of this process)")
            stages = ["read + check rows", "facts -> quads", "bulk load", "reload (patch)"]
            for name, (w0, c0), (w1, c1) in zip(stages, marks, marks[1:], strict=False):
                print(f"  {name:20} {w1 - w0:7.2f} {c1 - c0:7.2f}")
            (w0, c0), (w3, c3) = marks[0], marks[3]
            print(f"  {'first load total':20} {w3 - w0:7.2f} {c3 - c0:7.2f}  (plus the gazetteer, once per process)")
            print(f"  store holds {len(store):,} triples after the reload")
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
