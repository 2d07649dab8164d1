"""Export throughput (triples/s) on >= 1M triples: twingraph's exports side by side with rdflib's serialisers.

Usage: python bench/bench_export.py [--triples N] [--gold DIR] [--skip-rdflib]
The data: the dev gold YAMLs, each loaded under thousands of distinct source keys (one named graph each), until
the store holds N quads. Turtle and N-Triples write the union of the graphs, TriG, N-Quads and JSON-LD keep them.
rdflib serialises the same quads (loaded into an rdflib Dataset beforehand, not timed). The goal is >= 300k
triples/s for Turtle and N-Quads. Building the store is timed apart and not counted; each export is timed from
an open store to the finished file, with wall and CPU seconds (the machine may be shared: the load average is
printed). The store dumps graph by graph in worker threads; the same exports with one thread follow.
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import rdflib
from pyoxigraph import NamedNode, Quad, RdfFormat, Store, serialize

from twingraph.inputs.curated import load_curated
from twingraph.outputs.export import export_to_file, write_jsonld
from twingraph.rdf.mapping import facts_to_quads
from twingraph.rdf.vocab import PREFIXES
from twingraph.store import embedded, open_store

ROOT = Path(__file__).resolve().parents[1]
GOLD_CANDIDATES = (ROOT.parent / "shared" / "eval" / "dev" / "gold", ROOT / "data" / "gold")


def fill(path: Path, gold: Path, target: int) -> int:
    """Copies of the gold fact sets under new source keys, `target` distinct quads, loaded in one bulk load.

    One load and a compaction afterwards give the store the shape it has after normal use; hundreds of small
    bulk loads would leave hundreds of unmerged files and slow every read down.
    """
    facts = [load_curated(p) for p in sorted(gold.glob("*.yaml"))]
    quads: set[Quad] = set()
    copy = 0
    while len(quads) < target:
        for f in facts:
            key = f"{f.article.key}#copy-{copy}"
            quads.update(facts_to_quads(replace(f, article=replace(f.article, key=key))))
        copy += 1
    buffer = io.BytesIO()
    serialize(quads, buffer, RdfFormat.N_QUADS)
    store = Store(str(path))  # pyoxigraph itself: EmbeddedStore has no compaction call
    store.bulk_load(buffer.getvalue(), format=RdfFormat.N_QUADS)
    store.flush()
    store.optimize()
    del store
    return copy * len(facts)


def timed(label: str, triples: int, action) -> None:  # type: ignore[no-untyped-def]
    t0, c0 = time.perf_counter(), time.process_time()
    size = action()
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"  {label:<28}{seconds:8.2f} s  {triples / seconds:12,.0f} triples/s  {size / 2**20:8.1f} MiB"
        f"  CPU {cpu:6.2f} s  load {os.getloadavg()[0]:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--gold", type=Path, default=next((d for d in GOLD_CANDIDATES if d.is_dir()), None))
    parser.add_argument("--skip-rdflib", action="store_true", help="Only time twingraph's exports.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        sources = fill(folder / "store", args.gold, args.triples)
        store = open_store(folder / "store", must_exist=True)
        n = len(store)
        print(f"data: {n:,} quads in {sources:,} named graphs from {args.gold}; cores: {os.cpu_count()}")
        print(f"load (not counted): {time.perf_counter() - t0:.1f} s")
        threads = embedded._DUMP_THREADS
        print(
            f"twingraph export from the persistent store (end to end: RocksDB reads + serialisation; "
            f"{threads} dump threads)"
        )
        for fmt in ("turtle", "nquads", "trig", "ntriples", "jsonld"):
            out = folder / f"export.{fmt}"

            def run(fmt: str = fmt, out: Path = out) -> int:
                export_to_file(store, out, fmt)
                return out.stat().st_size

            timed(fmt, n, run)
        if threads > 1:
            embedded._DUMP_THREADS = 1
            print("the same with one dump thread (what a core costs)")
            for fmt in ("turtle", "nquads"):
                out = folder / f"one-thread.{fmt}"

                def run_one(fmt: str = fmt, out: Path = out) -> int:
                    export_to_file(store, out, fmt)
                    return out.stat().st_size

                timed(fmt, n, run_one)
            embedded._DUMP_THREADS = threads
        quads = list(store.quads())
        print("serialiser only, from quads in memory (the same work rdflib does below)")
        for fmt, rdf_format in (("turtle", RdfFormat.TURTLE), ("nquads", RdfFormat.N_QUADS)):

            def run_serializer(rdf_format: RdfFormat = rdf_format) -> int:
                buffer = io.BytesIO()
                triples = (q.triple for q in quads) if not rdf_format.supports_datasets else quads
                serialize(triples, buffer, rdf_format, prefixes=PREFIXES if rdf_format == RdfFormat.TURTLE else None)
                return len(buffer.getvalue())

            timed(fmt, n, run_serializer)

        def run_jsonld() -> int:
            buffer = io.BytesIO()
            by_graph: dict[str, list] = {}
            for q in quads:
                by_graph.setdefault(q.graph_name.value, []).append(q)
            write_jsonld(buffer, ((NamedNode(g), qs) for g, qs in by_graph.items()))
            return len(buffer.getvalue())

        timed("jsonld", n, run_jsonld)
        if args.skip_rdflib:
            return
        t0 = time.perf_counter()
        dataset = rdflib.Dataset()
        dataset.parse(folder / "export.nquads", format="nquads")
        union = rdflib.Graph()
        for s, p, o, _g in dataset.quads():
            union.add((s, p, o))
        print(f"rdflib {rdflib.__version__} serialisers (data parsed in {time.perf_counter() - t0:.1f} s, not counted)")
        print(f"  union graph: {len(union):,} distinct triples (rdflib's Turtle writes each once)")
        for fmt, graph in (("turtle", union), ("nquads", dataset)):
            out = folder / f"rdflib.{fmt}"

            def run_rdflib(fmt: str = fmt, graph: rdflib.Graph = graph, out: Path = out) -> int:
                graph.serialize(destination=str(out), format=fmt)
                return out.stat().st_size

            timed(fmt, len(union) if fmt == "turtle" else n, run_rdflib)


if __name__ == "__main__":
    main()
