"""Extraction on a Dask cluster (the optional extra `twingraph[dask]`), for archives too large for one machine.

Extraction is a pure function of one article, so batches of articles go to the cluster's workers and their
facts come back, in input order, to this process, which stores them through the same writer as a local run
(the embedded store or a remote SPARQL store): the quads are the same. Workers need twingraph installed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from twingraph.errors import UserError
from twingraph.ingest.workers import Extracted, Work, extract_batch, in_order
from twingraph.inputs.articles import InputProblem
from twingraph.inputs.articles.reader import FileInput, read_file_input

BATCH_SIZE = 16  # articles per task: ~0.1 s of work each, so the scheduler's overhead (~1 ms a task) stays small
TASKS_IN_FLIGHT_PER_WORKER = 4


def connect(scheduler: str, timeout: float = 20.0) -> Any:
    """A client of the scheduler at this address (tcp://host:8786); one clear error when there is none."""
    try:
        from distributed import Client
    except ImportError:
        raise UserError("--dask needs the optional extra: pip install 'twingraph[dask]'") from None
    try:
        return Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        detail = " ".join(str(err).split())[:200]
        raise UserError(f"cannot reach the Dask scheduler at {scheduler}: {detail}") from None


def extract_on_cluster(
    items: Iterable[Work], client: Any, batch_size: int = BATCH_SIZE
) -> Iterator[Extracted | InputProblem]:
    """Facts of every article, extracted on the cluster's workers, yielded in input order.

    Files are read here (the workers may be other machines) and travel as articles."""
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    articles = (read for item in items for read in (read_file_input(item) if isinstance(item, FileInput) else [item]))

    def submit(batch: list[Work]) -> Any:
        return client.submit(extract_batch, batch, pure=False)

    yield from in_order(articles, submit, workers * TASKS_IN_FLIGHT_PER_WORKER, batch_size)
