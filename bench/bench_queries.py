"""Query latency on a large, realistic graph: the embedded Oxigraph store against rdflib's in-memory Dataset.

The graph (>= 1M quads): the world twin-town table (twingraph.inputs.pairs over data/twin-towns/pairs.csv, or the
shared copy) plus ARTICLES distinct articles, each a dev-set article text with its two main cities replaced by
the two cities of a real pair of the table (the dev texts themselves kept once), run through the real
extractor; then the consolidated graph, fused from all of them (twingraph.store.consolidate.rebuild). The store and
its N-Quads dump are built once and kept under bench/out/ (delete the folder to build them again).

Every library query whose parameters have a sample value runs on both engines with the same parameter
bindings (a VALUES block on Oxigraph, initBindings on rdflib); the city-anchored questions also run for a
city; the seven contract queries also run scoped to one source graph, the way a scorer reads one article (on
Oxigraph as `query --source` does it, on rdflib with a VALUES block binding ?g), and as the first page of a
whole-store listing (LIMIT 100).

Prints p50 latency per query and engine, the speed-up, and whether both engines returned the same number
of rows. rdflib loads the graph once in a worker process; each query runs in a forked copy with a time
budget, and a query over budget is reported as "> budget". The budget of each query is --rdflib-budget
seconds or ten times Oxigraph's p50 for it, whichever is longer: a query rdflib cannot finish in time is then
still shown to be at least 10x slower there (the goal), without waiting minutes for every one.

    .venv/bin/python bench/bench_queries.py [--articles 5000] [--runs 5] [--rdflib-runs 3] [--rdflib-budget 20]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import multiprocessing as mp
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path

import yaml
from pyoxigraph import Literal, NamedNode, RdfFormat, serialize

from twingraph.facts import Article
from twingraph.query.library import library, with_values
from twingraph.rdf.iris import article_iri
from twingraph.rdf.mapping import facts_to_quads
from twingraph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
PAIRS = [ROOT / "data" / "twin-towns" / "pairs.csv", ROOT.parent / "shared" / "data" / "twin-towns" / "pairs.csv"]
DEV = [ROOT.parent / "shared" / "eval" / "dev", ROOT / "data" / "eval"]
OUT = ROOT / "bench" / "out"
CONTRACT = ("cities", "persons", "organizations", "partnerships", "visits", "agreements", "events")
BY_CITY = ("timeline", "provenance", "conflicts")
ANALYST = (
    "partners-of",
    "timeline",
    "delegations",
    "planned",
    "provenance",
    "conflicts",
)  # with a city only (timeline runs with a partner too)
SAMPLE_PARAMS = {
    "city": "Dortmund",
    "partner": "Zhytomyr",
    "entity": "Svitlana Olshanska",
    "country": "UA",
    "source": "https://www.dortmund.de/newsroom/nachrichten/delegation-aus-schytomyr-besucht-dortmund.html",
}


@dataclasses.dataclass(frozen=True)
class Case:
    """One timed question: a query text and its parameter values."""

    name: str
    text: str
    params: dict[str, str]
    contract: bool
    source: str | None = None  # the one source graph the query may see (Oxigraph)
    rdflib_text: str | None = None  # the same question for rdflib, when it differs


@dataclasses.dataclass(frozen=True)
class Timing:
    rows: int
    p50_ms: float | None  # None: over budget or failed
    note: str = ""


def first_existing(paths: list[Path]) -> Path:
    for path in paths:
        if path.exists():
            return path
    sys.exit(f"none of these exist: {', '.join(map(str, paths))}")


def _gold_cities(gold: Path) -> list[tuple[str, tuple[str, ...]]]:
    """The cities of a dev article's gold file: name and the spellings the text uses."""
    data = yaml.safe_load(gold.read_text(encoding="utf-8")) or {}
    return [(c["name"], tuple(c.get("mentions") or [c["name"]])) for c in data.get("cities") or []]


def _with_cities(text: str, cities: list[tuple[str, tuple[str, ...]]], names: tuple[str, str]) -> str:
    """The text with its first two cities' spellings replaced by `names` ("Dortmunds" -> "Leedss" is fine)."""
    for (name, mentions), new in zip(cities[:2], names, strict=False):
        for mention in sorted(set(mentions) | {name}, key=len, reverse=True):
            text = re.sub(rf"\b{re.escape(mention)}\b", new, text)
    return text


def synthetic_articles(count: int, pairs: list[tuple[str, str]]) -> Iterator[Article]:
    """`count` distinct articles: the dev texts once as they are, then each dev text with the cities of
    table pairs spread over the whole table."""
    dev = first_existing(DEV)
    texts = sorted((dev / "articles").glob("*.txt"))
    golds = {p.stem: _gold_cities(p) for p in (dev / "gold").glob("*.yaml")}
    step = max(1, len(pairs) // max(1, count))
    for number in range(count):
        path = texts[number % len(texts)]
        text = path.read_text(encoding="utf-8")
        if number >= len(texts):
            text = _with_cities(text, golds.get(path.stem, []), pairs[(number * step) % len(pairs)])
        key = f"https://bench.example.org/{number:05d}/{path.stem}"
        yield Article(key=key, text=text, url=key, title=f"{path.stem} #{number}", language="de")


def build_store(articles: int, folder: Path) -> tuple[int, NamedNode]:
    """The bench store and its N-Quads dump in `folder`, built once; returns the quads and a source to scope by."""
    meta = folder / "meta.json"
    if meta.exists():
        found = json.loads(meta.read_text(encoding="utf-8"))
        print(f"bench store from {folder}: {found['quads']:,} quads (delete the folder to build it again)")
        return found["quads"], NamedNode(found["scope"])
    from twingraph.extract import default_extractor
    from twingraph.inputs.pairs import read_pairs
    from twingraph.store.consolidate import rebuild

    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    table = read_pairs(first_existing(PAIRS))
    sources = folder / "sources.nq"
    with sources.open("wb") as sink:
        quads = list(dict.fromkeys(facts_to_quads(table.facts)))
        sink.write(serialize(quads, format=RdfFormat.N_QUADS) or b"")
        print(f"twin-town table: {len(quads):,} quads ({time.perf_counter() - started:.1f} s)", flush=True)
        plain = [tuple(c.rsplit(", ", 1)[0] for c in p.cities) for p in table.facts.partnerships]
        pairs = [(a, b) for a, b in plain if a != b]
        extractor = default_extractor()
        scope = None
        for number, article in enumerate(synthetic_articles(articles, pairs)):
            facts = extractor.extract(article)
            scope = scope or article_iri(article.key)
            sink.write(serialize(list(dict.fromkeys(facts_to_quads(facts))), format=RdfFormat.N_QUADS) or b"")
            if number % 500 == 499:
                print(f"  {number + 1} articles extracted ({time.perf_counter() - started:.0f} s)", flush=True)
    store = open_store(folder / "store")
    with sources.open("rb") as data:
        store.bulk_load(data, NamedNode("urn:unused"), RdfFormat.N_QUADS)
    began = time.perf_counter()
    fused = rebuild(store)
    print(f"consolidated graph: {fused:,} triples, rebuilt in {time.perf_counter() - began:.1f} s", flush=True)
    store.flush()
    total = len(store)
    with (folder / "bench.nq").open("wb") as out:
        store.dump(out, RdfFormat.N_QUADS)
    del store
    assert scope is not None
    meta.write_text(json.dumps({"quads": total, "scope": scope.value, "articles": articles}), encoding="utf-8")
    print(f"bench store: {total:,} quads in {time.perf_counter() - started:.0f} s", flush=True)
    return total, scope


def cases(scope: NamedNode) -> list[Case]:
    found: list[Case] = []
    for query in library():
        if any(not p.optional and p.name not in SAMPLE_PARAMS for p in query.params):
            continue
        given = {p.name: SAMPLE_PARAMS[p.name] for p in query.params if p.name in SAMPLE_PARAMS}
        params = {name: value.value for name, value in query.bind(given).items()}  # lookup keys included
        found.append(Case(query.name, query.text, params, query.name in CONTRACT))
    for query in library():  # the city-anchored questions, for a city
        if query.name in BY_CITY:
            given = {"city" if any(p.name == "city" for p in query.params) else "entity": SAMPLE_PARAMS["city"]}
            params = {name: value.value for name, value in query.bind(given).items()}
            found.append(Case(f"{query.name} (by city)", query.text, params, False))
    for query in library():
        if query.name in CONTRACT:
            scoped = with_values(query.text, {"g": scope})
            found.append(Case(f"{query.name} (one source)", query.text, {}, True, scope.value, scoped))
            page = query.text.rstrip() + "\nLIMIT 100"
            found.append(Case(f"{query.name} (first page)", page, {}, False))
    return found


def p50(times: list[float]) -> float:
    return statistics.median(times) * 1000


def load_oxigraph(store_dir: Path, nquads: Path) -> None:
    store = open_store(store_dir)
    started = time.perf_counter()
    with nquads.open("rb") as source:
        store.bulk_load(source, NamedNode("urn:unused"), RdfFormat.N_QUADS)
    store.flush()
    print(f"oxigraph: {len(store):,} quads loaded in {time.perf_counter() - started:.1f} s", flush=True)


def oxigraph_worker(store_dir: str, runs: int, requests: Connection) -> None:
    """Open the store read-only and time queries: the first run counts as warm-up unless it is slow
    (over 2 s), in which case it is the only run."""
    store = open_store(Path(store_dir), read_only=True)
    requests.send(("ready", 0, 0.0))
    while True:
        message = requests.recv()
        if message is None:
            return
        text, params, source, _ = message
        bindings = {name: Literal(value) for name, value in params.items()}
        sources = [NamedNode(source)] if source else []

        def run(text: str = text, b: dict[str, Literal] = bindings, sources: list[NamedNode] = sources) -> int:
            return len(list(store.query(text, b, sources=sources)))  # type: ignore[arg-type]

        began = time.perf_counter()
        rows = run()
        first = time.perf_counter() - began
        times = [first] if first > 2 else []
        while len(times) < runs and first <= 2:
            began = time.perf_counter()
            run()
            times.append(time.perf_counter() - began)
        requests.send(("ok", rows, times))


class Worker:
    """A spawned process answering timing requests, killed and replaced when a query is over budget."""

    def __init__(self, target: object, args: tuple[object, ...], budget: float, *, for_rdflib: bool = False) -> None:
        self.target, self.args, self.budget, self.for_rdflib = target, args, budget, for_rdflib
        self.process: mp.process.BaseProcess | None = None
        self.conn: Connection | None = None

    def start(self) -> tuple[object, ...]:
        context = mp.get_context("spawn")
        parent, child = context.Pipe()
        self.process = context.Process(target=self.target, args=(*self.args, child))  # type: ignore[arg-type]
        self.process.start()
        self.conn = parent
        return tuple(parent.recv())

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.join()
        self.process, self.conn = None, None

    def time(self, case: Case, budget: float | None = None) -> Timing:
        """p50 of one case; `budget` (seconds) is for the worker to enforce, else this side waits self.budget."""
        if self.conn is None:
            self.start()
        assert self.conn is not None
        text = case.rdflib_text if self.for_rdflib and case.rdflib_text else case.text
        self.conn.send((text, case.params, None if self.for_rdflib else case.source, budget))
        if not self.conn.poll(self.budget):
            self.stop()
            return Timing(0, None, f"> {self.budget:g} s")
        status, rows, payload = self.conn.recv()
        if status != "ok":
            return Timing(0, None, str(payload))
        return Timing(rows, p50(payload))


def _rdflib_run(dataset: object, text: str, params: dict[str, str], runs: int, answer: Connection) -> None:
    """In a forked child: time one query `runs` times on the already loaded dataset."""
    from rdflib import Literal as RdfLiteral
    from rdflib import Variable as RdfVariable

    bindings = {RdfVariable(k): RdfLiteral(v) for k, v in params.items()}
    try:
        times, rows = [], 0
        for attempt in range(runs):
            began = time.perf_counter()
            rows = len(list(dataset.query(text, initBindings=bindings)))  # type: ignore[attr-defined]
            times.append(time.perf_counter() - began)
            if attempt == 0 and times[0] > 10:  # slow enough that one run says it all
                break
        answer.send(("ok", rows, times))
    except Exception as err:  # report and carry on: rdflib's errors are not ours to fix here
        answer.send(("error", 0, f"{type(err).__name__}: {str(err)[:80]}"))


def rdflib_worker(nquads: str, runs: int, requests: Connection) -> None:
    """Load the graph into rdflib once; each query then runs in a forked copy that is killed when over
    its budget, so a slow query never costs a reload."""
    from rdflib import Dataset

    dataset = Dataset()
    began = time.perf_counter()
    dataset.parse(nquads, format="nquads")
    requests.send(("loaded", len(dataset), time.perf_counter() - began))
    fork = mp.get_context("fork")
    while True:
        message = requests.recv()
        if message is None:
            return
        text, params, _, budget = message
        mine, theirs = fork.Pipe()
        child = fork.Process(target=_rdflib_run, args=(dataset, text, params, runs, theirs))
        child.start()
        if mine.poll(budget):
            requests.send(mine.recv())
        else:
            requests.send(("budget", 0, f"> {budget:g} s"))
        child.kill()
        child.join()


def time_all(
    engine_name: str, worker: Worker, todo: list[Case], budgets: dict[str, float] | None = None
) -> dict[str, Timing]:
    found: dict[str, Timing] = {}
    try:
        for case in todo:
            found[case.name] = timing = worker.time(case, budgets[case.name] if budgets else None)
            shown = f"{timing.p50_ms:9.1f} ms" if timing.p50_ms is not None else timing.note
            print(f"  {engine_name:<8} {case.name:<28} {shown}  {timing.rows} rows", flush=True)
    finally:
        worker.stop()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000, help="distinct extracted articles beside the table")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per query on Oxigraph")
    parser.add_argument("--rdflib-runs", type=int, default=3, help="timed runs per query on rdflib")
    parser.add_argument(
        "--rdflib-budget",
        type=float,
        default=20,
        help="seconds rdflib may spend per query at least (else ten times Oxigraph's p50, when longer)",
    )
    parser.add_argument("--budget", type=float, default=120, help="seconds Oxigraph may spend per query")
    parser.add_argument("--skip-rdflib", action="store_true", help="time Oxigraph only")
    options = parser.parse_args()

    folder = OUT / f"queries-{options.articles}"
    total, scope = build_store(options.articles, folder)
    nquads = folder / "bench.nq"
    todo = cases(scope)
    with tempfile.TemporaryDirectory(prefix="twingraph-bench-") as work:
        # a copy, so that the kept store is never opened for writing by a run
        shutil.copytree(folder / "store", Path(work) / "store")
        oxigraph = time_all(
            "oxigraph", Worker(oxigraph_worker, (str(Path(work) / "store"), options.runs), options.budget), todo
        )
    rdflib: dict[str, Timing] = {}
    if not options.skip_rdflib:
        # rdflib forks a copy per query itself, so its worker only dies at the end
        engine = Worker(rdflib_worker, (str(nquads), options.rdflib_runs), 86_400, for_rdflib=True)
        _, count, seconds = engine.start()
        # len() of an rdflib Dataset counts distinct triples over all graphs: the sources share many
        print(f"rdflib: loaded in {seconds:.1f} s ({count:,} distinct triples over all graphs)", flush=True)
        # ten times Oxigraph's p50, rounded up to a tenth of a second, so that a budget run out proves >= 10x
        budgets = {
            case.name: max(options.rdflib_budget, math.ceil((oxigraph[case.name].p50_ms or 0) / 10) / 10)
            for case in todo
        }
        try:
            rdflib = time_all("rdflib", engine, todo, budgets)
        finally:
            engine.stop()
    report(total, todo, oxigraph, rdflib)


def report(total: int, todo: list[Case], oxigraph: dict[str, Timing], rdflib: dict[str, Timing]) -> None:
    print(f"\nquery latency, p50, on {total:,} quads")
    print(f"{'query':<30} {'rows':>7} {'oxigraph ms':>12} {'rdflib ms':>12} {'speed-up':>9}  same rows")
    speedups: list[float] = []
    bounds: list[float] = []  # lower bounds: rdflib over budget
    for case in todo:
        ox = oxigraph[case.name]
        rd = rdflib.get(case.name)
        rd_text, speed, same = "-", "-", "-"
        if rd is not None and rd.p50_ms is not None and ox.p50_ms:
            rd_text = f"{rd.p50_ms:.1f}"
            speedups.append(rd.p50_ms / ox.p50_ms)
            speed = f"{rd.p50_ms / ox.p50_ms:.0f}x"
            same = "yes" if rd.rows == ox.rows else f"no ({rd.rows})"
        elif rd is not None:
            rd_text = rd.note[:12]
            if rd.note.startswith(">") and ox.p50_ms:
                budget = float(rd.note.strip("> s"))
                speed = f">{budget * 1000 / ox.p50_ms:.0f}x"
                bounds.append(budget * 1000 / ox.p50_ms)
        mark = "*" if case.contract else " "
        print(f"{mark}{case.name:<29} {ox.rows:>7} {ox.p50_ms or 0:>12.1f} {rd_text:>12} {speed:>9}  {same}")
    contract = [oxigraph[c.name].p50_ms or 0 for c in todo if c.contract]
    print("* contract query (goal: p50 <= 20 ms)")
    within = sum(1 for ms in contract if ms <= 20)
    print(f"contract queries within 20 ms: {within} of {len(contract)}")
    asked = [c for c in todo if c.name.split(" (")[0] in ANALYST and not c.contract]
    fast = [c.name for c in asked if (oxigraph[c.name].p50_ms or 1e9) <= 20]
    print(f"analysts' questions within 20 ms: {len(fast)} of {len(asked)}")
    pages = [c for c in todo if c.name.endswith("(first page)")]
    quick = sum(1 for c in pages if (oxigraph[c.name].p50_ms or 1e9) <= 50)
    print(f"first pages within 50 ms: {quick} of {len(pages)}")
    if speedups:
        geometric = statistics.geometric_mean(speedups)
        print(
            f"speed-up over rdflib: median {statistics.median(speedups):.0f}x, geometric mean {geometric:.0f}x, "
            f"min {min(speedups):.0f}x (queries rdflib finished within budget)"
        )
    if bounds:
        print(f"over budget on rdflib: {len(bounds)} queries, each at least {min(bounds):.0f}x slower there")
    everything = speedups + bounds
    if everything:
        print(f"queries at least 10x faster on Oxigraph: {sum(1 for x in everything if x >= 10)} of {len(everything)}")


if __name__ == "__main__":
    main()
