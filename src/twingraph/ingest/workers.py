"""Extraction in worker processes: articles go out in small batches, facts come back in input order.

Extraction is a pure function of one article (`text + metadata -> FactSet`), so N processes give the same facts
as one; the caller keeps the single writer, and storing in input order keeps "the last copy of a source wins"
exactly as in a serial run. At most a few batches per worker are in flight, so memory stays bounded however
many articles a run reads.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice

from twingraph.errors import UserError
from twingraph.extract import Extractor, default_extractor
from twingraph.facts import Article, FactSet
from twingraph.ingest.load import prepared_source
from twingraph.inputs.articles import InputProblem
from twingraph.inputs.articles.reader import FileInput, read_file_input
from twingraph.store.consolidate import PreparedSource

BATCH_SIZE = 8  # ~8 ms of extraction per article: a batch is ~0.1 s of work against ~1 ms of pickling
BATCHES_IN_FLIGHT_PER_WORKER = 12  # the workers keep extracting while the writer writes a batch
WORKER_NICENESS = 0

Work = Article | InputProblem | FileInput  # what goes to a worker: a file may still have to be read there
# Per item of a batch: None for a problem passed on, (facts, seconds, prepared) for an article, and for a file
# read in the worker its warnings and (article, facts, seconds, prepared), or the problem that stopped it.
Timed = tuple[FactSet | InputProblem, float, PreparedSource | None]
Done = Timed | list[InputProblem | tuple[Article, FactSet | InputProblem, float, PreparedSource | None]] | None
BatchResult = list[Done]


@dataclass(frozen=True)
class Extracted:
    """One article and what extraction made of it: its facts, or the one-line problem that stopped it."""

    article: Article
    result: FactSet | InputProblem
    seconds: float = 0.0  # extraction time, wherever it ran
    prepared: PreparedSource | None = None  # the facts as a source graph, when the worker made it
    in_process: bool = True  # extracted by the process that stores it (its time is part of that one's wall time)


def extract_article(article: Article, extractor: Extractor | None = None) -> FactSet | InputProblem:
    """The facts of one article, or an `InputProblem` naming it: the unit of work of every ingest path."""
    try:
        return (extractor or _default()).extract(article)
    except Exception as err:  # one article's failure must not stop a batch; the message names it
        detail = " ".join(str(err).split())[:200]  # one line, whatever the exception's message holds
        message = f"extraction failed ({type(err).__name__}: {detail}); nothing stored for this article"
        return InputProblem(article.path or article.key, None, message)


_DEFAULT: Extractor | None = None
_WORKER: Extractor | None = None
_PREPARE = False  # whether this worker also makes the source graph (for the embedded store's writer)


def _default() -> Extractor:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = default_extractor()
    return _DEFAULT


def _start_worker(extractor: Extractor | None, prepare: bool = False) -> None:
    global _WORKER, _PREPARE
    if WORKER_NICENESS:  # yield the CPU to the single writer (helps on an idle machine, starves on a busy one)
        with contextlib.suppress(OSError, AttributeError):
            os.nice(WORKER_NICENESS)
    _WORKER = extractor or _default()
    _PREPARE = prepare


def _timed(article: Article, extractor: Extractor | None, prepare: bool = False) -> Timed:
    started = time.perf_counter()
    result = extract_article(article, extractor)
    seconds = time.perf_counter() - started
    if prepare and isinstance(result, FactSet):
        return result, seconds, prepared_source(result, as_text=True)
    return result, seconds, None


def _do(item: Work, extractor: Extractor | None, prepare: bool = False) -> Done:
    if isinstance(item, InputProblem):
        return None
    if isinstance(item, Article):
        return _timed(item, extractor, prepare)  # only the facts travel back: the caller still holds the article
    read = read_file_input(item)
    return [r if isinstance(r, InputProblem) else (r, *_timed(r, extractor, prepare)) for r in read]


def _extract_batch(batch: list[Work]) -> BatchResult:
    return [_do(item, _WORKER, _PREPARE) for item in batch]


def extract_batch(batch: list[Work]) -> BatchResult:
    """The work of one cluster task: files read, articles extracted, with the time each extraction took.

    The default extractor is built once per worker process and kept."""
    return [_do(item, None) for item in batch]


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the lexicons the parent already built (no second second of set-up per worker); the workers
    # never touch the store the parent holds. Elsewhere, spawn builds them once per worker.
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


def extract_serial(items: Iterable[Work], extractor: Extractor | None = None) -> Iterator[Extracted | InputProblem]:
    """In this process, in order."""
    for work in items:
        for item in read_file_input(work) if isinstance(work, FileInput) else [work]:
            if isinstance(item, InputProblem):
                yield item
            else:
                yield Extracted(item, *_timed(item, extractor))


def in_order(
    items: Iterable[Work],
    submit: Callable[[list[Work]], Future[BatchResult]],
    window: int,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Extracted | InputProblem]:
    """Batches handed to `submit` (a process pool, a cluster), results yielded in input order, with at most
    `window` batches in flight; problems from reading pass through in place."""
    source = iter(items)
    in_flight: deque[tuple[list[Work], Future[BatchResult]]] = deque()
    try:
        while True:
            while len(in_flight) < window and (batch := list(islice(source, batch_size))):
                in_flight.append((batch, submit(batch)))
            if not in_flight:
                return
            batch, future = in_flight.popleft()
            for item, done in zip(batch, future.result(), strict=True):
                if isinstance(item, InputProblem):
                    yield item
                elif isinstance(done, tuple) and isinstance(item, Article):
                    yield Extracted(item, *done, in_process=False)
                elif isinstance(done, list):
                    for part in done:
                        yield part if isinstance(part, InputProblem) else Extracted(*part, in_process=False)
    finally:
        for _, pending in in_flight:
            pending.cancel()


def extract_parallel(
    items: Iterable[Work], jobs: int, extractor: Extractor | None = None, *, prepare: bool = False
) -> Iterator[Extracted | InputProblem]:
    """In `jobs` worker processes, yielded in input order; with `prepare` the workers also make each article's
    source graph for the embedded store (`Extracted.prepared`)."""
    if jobs <= 1:
        yield from extract_serial(items, extractor)
        return
    if extractor is None and _context().get_start_method() == "fork":
        extractor = _default()  # built once here, inherited by every worker
    window = jobs * BATCHES_IN_FLIGHT_PER_WORKER
    with ProcessPoolExecutor(
        jobs, mp_context=_context(), initializer=_start_worker, initargs=(extractor, prepare)
    ) as pool:
        try:
            yield from in_order(items, lambda batch: pool.submit(_extract_batch, batch), window)
        except BrokenProcessPool:
            raise UserError(
                "an extraction worker process died (out of memory?); the articles before it are stored"
            ) from None
