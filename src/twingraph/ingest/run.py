"""Articles in, graphs out: read -> extract -> store, a few articles per transaction, and a report.

Each article's facts replace its named graph (keyed by URL, else file name), so ingesting the same article
again changes nothing in size; inputs that cannot be read or extracted are reported and skipped, and
everything else lands.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from twingraph.extract import Extractor, default_extractor
from twingraph.ingest.load import prepared_source, store_sources
from twingraph.ingest.workers import Extracted, Work, extract_parallel
from twingraph.inputs.articles import InputProblem, SourceCatalog
from twingraph.inputs.articles.reader import is_jsonl, iter_input_files, plan_inputs
from twingraph.store.consolidate import PreparedSource
from twingraph.store.embedded import EmbeddedStore, StoreError
from twingraph.store.writer import IngestTarget

# The embedded store keeps what it is given in memory until a flush (Oxigraph's RocksDB memtables grow by about
# 200 MB per 300,000 triples): flushing every quarter of a million triples keeps a long run's memory flat.
FLUSH_EVERY_TRIPLES = 250_000
# Articles go to the embedded store in batches, each one transaction with its share of the consolidated graph
# (each cluster fused once per batch, not once per article). A batch closes at this many triples, or once it has
# gathered articles for as long as the last batch took to write (a second at least): the larger the consolidated
# graph, the more a write costs, and the more articles share it, so writing stays about half of the run however
# long the run is. A killed run loses only the batch it was gathering. Oxigraph holds a transaction in memory
# until it commits: 150,000 triples in one took 400 MB more peak memory than 30,000 in each of five.
BATCH_TRIPLES = 50_000
BATCH_SECONDS = 1.0


@dataclass(frozen=True)
class IngestedArticle:
    key: str
    path: str | None
    title: str | None
    facts: int
    triples: int


@dataclass(frozen=True)
class IngestReport:
    articles: tuple[IngestedArticle, ...] = ()
    problems: tuple[InputProblem, ...] = ()  # inputs skipped
    warnings: tuple[InputProblem, ...] = ()  # inputs stored with a caveat
    skipped: tuple[InputProblem, ...] = ()  # inputs left out on purpose (robots.txt)
    read_seconds: float = 0.0
    extract_seconds: float = 0.0
    store_seconds: float = 0.0
    store_triples: int = 0  # size of the whole store afterwards
    elapsed_seconds: float = 0.0  # wall-clock time; with workers, less than the sum of the steps
    jobs: int = 1

    @property
    def facts(self) -> int:
        return sum(a.facts for a in self.articles)

    @property
    def triples(self) -> int:
        return sum(a.triples for a in self.articles)

    @property
    def seconds(self) -> float:
        return self.elapsed_seconds or (self.read_seconds + self.extract_seconds + self.store_seconds)

    def summary(self) -> dict[str, object]:
        """The machine-readable report (`--format json`)."""
        return {
            "articles": len(self.articles),
            "facts": self.facts,
            "triples": self.triples,
            "problems": len(self.problems),
            "warnings": len(self.warnings),
            "skipped": len(self.skipped),
            "store_triples": self.store_triples,
            "jobs": self.jobs,
            "elapsed_seconds": round(self.seconds, 3),
            "seconds": {
                "read": round(self.read_seconds, 3),
                "extract": round(self.extract_seconds, 3),
                "store": round(self.store_seconds, 3),
            },
            "ingested": [
                {"key": a.key, "path": a.path, "title": a.title, "facts": a.facts, "triples": a.triples}
                for a in self.articles
            ],
            "failed": [{"path": p.path, "line": p.line, "message": p.message} for p in self.problems],
            "skipped_inputs": [{"path": p.path, "message": p.message} for p in self.skipped],
        }


ProgressCallback = Callable[[IngestedArticle | InputProblem], None]


def count_inputs(paths: Iterable[Path]) -> int:
    """How many articles a batch will give at most (files, plus lines of JSON Lines files): the progress total."""
    total = 0
    for path in iter_input_files(paths):
        if is_jsonl(path) and path.is_file():
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    return total


def ingest(
    paths: Iterable[Path],
    store: EmbeddedStore,
    *,
    sources: SourceCatalog | Path | None = None,
    extractor: Extractor | None = None,
    on_progress: ProgressCallback | None = None,
    jobs: int = 1,
) -> IngestReport:
    """Read, extract and store every article in `paths`; returns what landed and what did not.

    With `jobs` > 1, extraction runs in that many worker processes while this one reads and stores, in input
    order: the store ends up with the same quads as with one job.
    """
    return ingest_articles(
        plan_inputs(list(paths), sources), store, extractor=extractor, on_progress=on_progress, jobs=jobs
    )


def ingest_articles(
    items: Iterable[Work],
    store: IngestTarget,
    *,
    extractor: Extractor | None = None,
    on_progress: ProgressCallback | None = None,
    jobs: int = 1,
    extracted: Iterable[Extracted | InputProblem] | None = None,
) -> IngestReport:
    """Extract and store articles from any reader (files, web pages, feeds), one graph per article; files
    (`FileInput`) are read where they are extracted, in the workers with `jobs` > 1.

    `extracted` replaces the local extraction with results made elsewhere (a cluster), in the same order.
    """
    if extracted is None:
        extractor = extractor or (default_extractor() if jobs <= 1 else None)
        # workers also map the facts to triples for the embedded store, so its single writer only fuses and stores
        extracted = extract_parallel(items, jobs, extractor, prepare=isinstance(store, EmbeddedStore))
    ingested: list[IngestedArticle] = []
    problems: list[InputProblem] = []
    warnings: list[InputProblem] = []
    skipped: list[InputProblem] = []
    seen: dict[str, str] = {}
    wait_seconds = extract_seconds = store_seconds = 0.0
    unflushed = 0
    started = time.perf_counter()
    batched = isinstance(store, EmbeddedStore)  # a remote store takes each article as it comes
    batch: list[tuple[IngestedArticle, PreparedSource]] = []
    batch_triples, batch_started, batch_seconds = 0, 0.0, BATCH_SECONDS

    def report(item: IngestedArticle | InputProblem) -> None:
        if on_progress is not None:
            on_progress(item)

    def write_batch() -> None:
        nonlocal unflushed, store_seconds, batch_triples, batch_seconds
        t0 = time.perf_counter()
        try:
            triples = store_sources(store, [write for _, write in batch])
            unflushed += sum(triples)
            if unflushed >= FLUSH_EVERY_TRIPLES:
                store.flush()
                unflushed = 0
        except OSError as err:  # disk full, store removed underneath: stop, keep what is stored
            raise StoreError(
                f"writing {batch[0][0].path or batch[0][0].key} to store {store.path} failed ({err}); "
                f"the {len(ingested)} articles before it are stored"
            ) from None
        except StoreError as err:  # a remote store still failing after its retries
            raise StoreError(f"{err}; the {len(ingested)} articles before it are stored") from None
        took = time.perf_counter() - t0
        store_seconds += took
        batch_seconds = max(BATCH_SECONDS, took)
        for (done, _), count in zip(batch, triples, strict=True):
            done = replace(done, triples=count)
            ingested.append(done)
            report(done)
        batch.clear()
        batch_triples = 0

    stream = iter(extracted)
    while True:
        t0 = time.perf_counter()
        next_item = next(stream, None)  # reading and (or waiting for) extraction
        t1 = time.perf_counter()
        wait_seconds += t1 - t0
        if next_item is None:
            break
        if isinstance(next_item, InputProblem):
            {"error": problems, "warning": warnings, "skipped": skipped}[next_item.severity].append(next_item)
            report(next_item)
            continue
        extract_seconds += next_item.seconds
        if next_item.in_process:
            wait_seconds -= next_item.seconds
        item, facts = next_item.article, next_item.result
        where = item.path or item.key
        if item.key in seen:
            repeat = InputProblem(where, None, f"same source as {seen[item.key]}; its graph is replaced", "warning")
            warnings.append(repeat)
            report(repeat)
        seen[item.key] = where
        if isinstance(facts, InputProblem):
            problems.append(facts)
            report(facts)
            continue
        t2 = time.perf_counter()
        prepared = next_item.prepared or prepared_source(facts)  # made by the worker, or here
        store_seconds += time.perf_counter() - t2
        if not batch:
            batch_started = t2
        batch.append((IngestedArticle(item.key, item.path, item.title, facts.count(), 0), prepared))
        batch_triples += prepared.triples
        if not batched or batch_triples >= BATCH_TRIPLES or t2 - batch_started >= batch_seconds:
            write_batch()
    if batch:
        write_batch()
    total = time.perf_counter() - started
    return IngestReport(
        articles=tuple(ingested),
        problems=tuple(problems),
        warnings=tuple(warnings),
        skipped=tuple(skipped),
        read_seconds=max(0.0, wait_seconds),  # reading, and with workers waiting for them
        extract_seconds=extract_seconds,
        store_seconds=store_seconds,
        store_triples=len(store),
        elapsed_seconds=total,
        jobs=jobs,
    )
