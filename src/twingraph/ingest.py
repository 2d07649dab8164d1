"""Articles in, graphs out: read -> extract -> store, one transaction per article, and a report.

Each article's facts replace its named graph (keyed by URL, else file name), so ingesting the same article
again changes nothing in size; inputs that cannot be read or extracted are reported and skipped, and
everything else lands.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from twingraph.articles import InputProblem, SourceCatalog, read_inputs
from twingraph.articles.reader import is_jsonl, iter_input_files
from twingraph.extract import Extractor, default_extractor
from twingraph.facts import Article, FactSet
from twingraph.load import store_facts
from twingraph.store.embedded import EmbeddedStore, StoreError


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
    read_seconds: float = 0.0
    extract_seconds: float = 0.0
    store_seconds: float = 0.0
    store_triples: int = 0  # size of the whole store afterwards

    @property
    def facts(self) -> int:
        return sum(a.facts for a in self.articles)

    @property
    def triples(self) -> int:
        return sum(a.triples for a in self.articles)

    @property
    def seconds(self) -> float:
        return self.read_seconds + self.extract_seconds + self.store_seconds

    def summary(self) -> dict[str, object]:
        """The machine-readable report (`--format json`)."""
        return {
            "articles": len(self.articles),
            "facts": self.facts,
            "triples": self.triples,
            "problems": len(self.problems),
            "warnings": len(self.warnings),
            "store_triples": self.store_triples,
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


def _extract(extractor: Extractor, article: Article) -> FactSet | InputProblem:
    try:
        return extractor.extract(article)
    except Exception as err:  # one article's failure must not stop a batch; the message names it
        message = f"extraction failed ({type(err).__name__}: {err}); nothing stored for this article"
        return InputProblem(article.path or article.key, None, message)


def ingest(
    paths: Iterable[Path],
    store: EmbeddedStore,
    *,
    sources: SourceCatalog | Path | None = None,
    extractor: Extractor | None = None,
    on_progress: ProgressCallback | None = None,
) -> IngestReport:
    """Read, extract and store every article in `paths`; returns what landed and what did not."""
    extractor = extractor or default_extractor()
    ingested: list[IngestedArticle] = []
    problems: list[InputProblem] = []
    warnings: list[InputProblem] = []
    seen: dict[str, str] = {}
    extract_seconds = store_seconds = 0.0
    started = time.perf_counter()

    def report(item: IngestedArticle | InputProblem) -> None:
        if on_progress is not None:
            on_progress(item)

    for item in read_inputs(list(paths), sources):
        if isinstance(item, InputProblem):
            (problems if item.is_error else warnings).append(item)
            report(item)
            continue
        where = item.path or item.key
        if item.key in seen:
            repeat = InputProblem(where, None, f"same source as {seen[item.key]}; its graph is replaced", "warning")
            warnings.append(repeat)
            report(repeat)
        seen[item.key] = where
        t0 = time.perf_counter()
        facts = _extract(extractor, item)
        t1 = time.perf_counter()
        extract_seconds += t1 - t0
        if isinstance(facts, InputProblem):
            problems.append(facts)
            report(facts)
            continue
        try:
            triples = store_facts(store, facts)
        except OSError as err:  # disk full, store removed underneath: stop, keep what is stored
            raise StoreError(
                f"writing {where} to store {store.path} failed ({err}); "
                f"the {len(ingested)} articles before it are stored"
            ) from None
        store_seconds += time.perf_counter() - t1
        done = IngestedArticle(item.key, item.path, item.title, facts.count(), triples)
        ingested.append(done)
        report(done)
    total = time.perf_counter() - started
    return IngestReport(
        articles=tuple(ingested),
        problems=tuple(problems),
        warnings=tuple(warnings),
        read_seconds=max(0.0, total - extract_seconds - store_seconds),
        extract_seconds=extract_seconds,
        store_seconds=store_seconds,
        store_triples=len(store),
    )
