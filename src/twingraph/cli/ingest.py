"""`twingraph ingest`: articles (text, HTML, JSON Lines, folders, web pages, feeds) -> facts -> the store."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape  # file names and messages are printed as they are, never as markup

from twingraph.cli.app import DEFAULT_STORE_PATH, QuietOption, StoreOption, app, console, console_err, format_option
from twingraph.cli.query import PasswordOption, TimeoutOption, UserOption, credentials
from twingraph.errors import UserError
from twingraph.store import open_store

if TYPE_CHECKING:
    from collections.abc import Iterator

    from twingraph.ingest.run import IngestedArticle, IngestReport
    from twingraph.ingest.workers import Work
    from twingraph.inputs.articles import InputProblem
    from twingraph.inputs.articles.web import FetchStats, WebReport
    from twingraph.store.remote import Credentials
    from twingraph.store.writer import IngestTarget

FORMATS = ("text", "json")
CACHE_ENV = "TWINGRAPH_CACHE"
DEFAULT_CACHE = "twingraph-cache"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'s' if n != 1 else ''}"


def _summary_line(report: IngestReport, remote: str | None) -> str:
    rate = len(report.articles) / report.seconds if report.seconds else 0.0
    problems = len(report.problems)
    failed = f"; {_plural(problems, 'input')} failed" if problems else ""
    skipped = f"; {len(report.skipped)} skipped" if report.skipped else ""
    return (
        f"ingested {_plural(len(report.articles), 'article')}: "
        f"{report.facts} facts, {report.triples:,} triples in {report.seconds:.1f} s ({rate:.1f} articles/s); "
        + (f"sent to {remote}" if remote else f"store holds {report.store_triples:,} triples")
        + f"{failed}{skipped}"
    )


def _web_line(web: WebReport, fetched: FetchStats) -> str:
    entries = f"{web.feed_entries:,} feed {'entry' if web.feed_entries == 1 else 'entries'}"
    return (
        f"web: {entries}, {web.already_stored:,} already stored, {web.skipped:,} skipped by robots.txt; "
        f"{_plural(fetched.requests, 'request')}, {fetched.from_cache:,} from the cache"
    )


@app.command("ingest")
def ingest_command(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH|URL", help="Article files (.txt, .html, .jsonl), folders of them, or web page URLs."
        ),
    ] = None,
    store: StoreOption = DEFAULT_STORE_PATH,
    sources: Annotated[
        Path | None,
        typer.Option("--sources", help="YAML: file name -> url, title, publisher, published, language."),
    ] = None,
    feeds: Annotated[
        list[str] | None,
        typer.Option("--feed", help="RSS/Atom feed or sitemap URL (repeatable): ingest the entries not stored yet."),
    ] = None,
    cache: Annotated[
        Path | None,
        typer.Option(
            "--cache",
            help=f"Folder keeping fetched pages, so re-runs are offline (default: ${CACHE_ENV} or ./{DEFAULT_CACHE}).",
        ),
    ] = None,
    delay: Annotated[
        float, typer.Option("--delay", help="Seconds between two requests to one host (robots.txt may ask more).")
    ] = 1.0,
    retries: Annotated[int, typer.Option("--retries", help="Further tries after a network error, 429 or 5xx.")] = 3,
    quiet: QuietOption = False,
    fmt: str = format_option(*FORMATS, help="The summary, for people or for machines."),
    endpoint: Annotated[
        str | None,
        typer.Option("--endpoint", "-e", help="Write to this SPARQL Update endpoint instead of the embedded store."),
    ] = None,
    graph_store: Annotated[
        str | None,
        typer.Option("--graph-store", help="Write to this Graph Store Protocol URL instead (one PUT per article)."),
    ] = None,
    user: UserOption = None,
    password: PasswordOption = None,
    timeout: TimeoutOption = 120,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="SCHEDULER",
            help="Extract on this Dask cluster (tcp://host:8786; needs the optional extra 'dask'); store here.",
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", help="Extract in N worker processes while one process stores (same quads as 1).", min=1
        ),
    ] = 1,
) -> None:
    """Extract facts from articles and store each article as its own graph (re-ingesting replaces it).

    Web pages and feeds are fetched with a User-Agent, obeying robots.txt, one request per host per --delay,
    retrying with back-off, and cached: a feed entry already stored is not fetched again.

    Exit status: 0 when every input landed (or was skipped by robots.txt), 1 when some failed (each named on
    stderr), 2 for usage errors.
    """
    from itertools import chain

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from twingraph.cli.progress import RateColumn
    from twingraph.ingest.run import count_inputs, ingest_articles
    from twingraph.inputs.articles import InputProblem, load_sources
    from twingraph.inputs.articles.reader import plan_inputs
    from twingraph.inputs.articles.web import Fetcher, FetchPolicy, WebCache, WebReport, is_url, read_feeds, read_urls
    from twingraph.rdf.iris import article_iri

    inputs, feeds = inputs or [], feeds or []
    if not inputs and not feeds:
        raise UserError("nothing to ingest: give files, folders or URLs, or --feed URL")
    bad_feed = next((f for f in feeds if not is_url(f)), None)
    if bad_feed is not None:
        raise UserError(f"--feed takes an http(s) URL (got {bad_feed!r})")
    if dask and jobs > 1:
        raise UserError("--dask and --jobs are two ways to spread extraction: give one")
    if delay < 0 or retries < 0:
        raise UserError("--delay and --retries must not be negative")
    urls = [i for i in inputs if is_url(i)]
    paths = [Path(i) for i in inputs if not is_url(i)]
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise UserError(f"no such file or folder: {missing[0]}")
    catalog = load_sources(sources) if sources is not None else None
    remote = graph_store or endpoint
    target = (
        _remote_target(endpoint, graph_store, credentials(user, password), timeout) if remote else open_store(store)
    )
    cache_folder = cache or Path(os.environ.get(CACHE_ENV) or DEFAULT_CACHE)
    fetcher = Fetcher(WebCache(cache_folder), FetchPolicy(delay=delay, retries=retries)) if urls or feeds else None
    web = WebReport()

    show_bar = not quiet and console_err.is_terminal
    progress = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn("articles"),
        TimeRemainingColumn(),
        console=console_err,
        transient=True,
        disable=not show_bar,
    )
    # Feeds are only counted once read: their entries join the total as the run goes.
    task = progress.add_task("ingest", total=(count_inputs(paths) + len(urls) if show_bar else None))

    def on_progress(item: IngestedArticle | InputProblem) -> None:
        if isinstance(item, InputProblem):
            if item.is_error:
                progress.console.print(f"[bold red]failed:[/] {escape(str(item))}", highlight=False, soft_wrap=True)
                progress.advance(task)
            elif item.severity == "skipped":
                if not quiet:
                    progress.console.print(f"[yellow]skipped:[/] {escape(str(item))}", highlight=False, soft_wrap=True)
                progress.advance(task)
            elif not quiet:
                progress.console.print(f"[yellow]warning:[/] {escape(str(item))}", highlight=False, soft_wrap=True)
            return
        progress.advance(task)

    def add_to_total(count: int) -> None:
        if show_bar:
            progress.update(task, total=(progress.tasks[0].total or 0) + count)

    items: Iterator[Work] = plan_inputs(paths, catalog) if paths else iter(())
    if fetcher is not None:
        items = chain(
            items,
            read_urls(urls, fetcher),
            read_feeds(feeds, fetcher, lambda url: target.has_graph(article_iri(url)), web, on_new=add_to_total),
        )
    client = None
    try:
        extracted = None
        if dask:
            from twingraph.ingest.cluster import connect, extract_on_cluster

            client = connect(dask, timeout=timeout)
            extracted = extract_on_cluster(items, client)
        with progress:
            report = ingest_articles(items, target, on_progress=on_progress, jobs=jobs, extracted=extracted)
    finally:
        if fetcher is not None:
            fetcher.close()
        if client is not None:
            client.close()
    if fmt == "json":
        summary = report.summary()
        if fetcher is not None:
            summary["web"] = {
                "feed_entries": web.feed_entries,
                "already_stored": web.already_stored,
                "skipped": web.skipped,
                "requests": fetcher.stats.requests,
                "from_cache": fetcher.stats.from_cache,
            }
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    elif not quiet:
        console.print(_summary_line(report, remote), highlight=False, soft_wrap=True)
        if fetcher is not None:
            console.print(_web_line(web, fetcher.stats), highlight=False, soft_wrap=True)
    if report.problems:
        raise typer.Exit(1)


def _remote_target(
    endpoint: str | None, graph_store: str | None, auth: Credentials | None, timeout: float
) -> IngestTarget:
    from twingraph.outputs.push import GraphStoreTarget, GraphTarget, RemoteGraphs, UpdateTarget
    from twingraph.store.remote import RemoteStore

    if endpoint and graph_store:
        raise UserError("--endpoint and --graph-store are two ways to the same place: give one")
    if graph_store:
        target: GraphTarget = GraphStoreTarget(graph_store, auth, timeout=timeout)
        return RemoteGraphs(target, graph_store)
    assert endpoint is not None
    # An update endpoint that also answers queries (Virtuoso's) tells feeds which entries it holds already.
    reader = RemoteStore(endpoint, credentials=auth, timeout=timeout)
    return RemoteGraphs(UpdateTarget(reader), endpoint, reader=reader)
