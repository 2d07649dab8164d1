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
            t0 = time.perf_counter()
            table = read_pairs(args.table, g)
            t1 = time.perf_counter()
            quads = list(dict.fromkeys(facts_to_quads(table.facts)))
            t2 = time.perf_counter()
            t3 = time.perf_counter()
            store.bulk_extend(quads)
            t4 = time.perf_counter()
            triples = store_table(store, table)  # a reload, the way the command does it end to end
            t5 = time.perf_counter()
            print(
                f"run {run + 1}: {table.rows:,} rows, {len(table.facts.partnerships):,} partnerships, "
                f"{len(table.facts.cities):,} cities, {triples:,} triples"
            )
            print(f"  read + check rows:   {t1 - t0:6.2f} s ({table.rows / (t1 - t0):,.0f} rows/s)")
            print(f"  facts -> quads:      {t2 - t1:6.2f} s")
            print(f"  bulk load:           {t4 - t3:6.2f} s")
            print(f"  load total:          {t4 - t0:6.2f} s (plus the gazetteer once per process)")
            print(f"  reload (patch):      {t5 - t4:6.2f} s, store holds {len(store):,} triples")
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
