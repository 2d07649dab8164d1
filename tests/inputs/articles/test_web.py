"""Web pages and feeds against a real HTTP server on 127.0.0.1: robots.txt, User-Agent, delay per host, retries,
the cache (a re-run fetches nothing new, and works with the server down), page metadata, one line per failure."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from news_site import ALLOWED, FORBIDDEN, NewsSite, news_site

from twingraph.facts import Article
from twingraph.inputs.articles.feeds import FeedError, parse_feed
from twingraph.inputs.articles.web import Fetcher, FetchPolicy, WebCache, read_urls


@pytest.fixture
def site() -> Iterator[NewsSite]:
    running = news_site()
    yield running
    running.stop()


def _ingest(cli, tmp_path: Path, store: str, *args: str):  # type: ignore[no-untyped-def]
    return cli("ingest", "--store", str(tmp_path / store), "--cache", str(tmp_path / "cache"), "-f", "json", *args)


def test_feed_and_sitemap_three_runs(site: NewsSite, tmp_path: Path, cli) -> None:
    feeds = ("--feed", f"{site.base}/feed.rss", "--feed", f"{site.base}/sitemap.xml", "--delay", "0.05")

    first = _ingest(cli, tmp_path, "store", *feeds)
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["articles"] == ALLOWED
    assert summary["skipped"] == FORBIDDEN and summary["problems"] == 0
    assert summary["web"]["feed_entries"] == ALLOWED + FORBIDDEN  # the feed/sitemap overlap counted once
    skipped = [line for line in first.stderr.splitlines() if line.startswith("skipped: ")]
    assert len(skipped) == FORBIDDEN
    assert all("/intern/" in line and line.endswith("robots.txt disallows it for twingraph") for line in skipped)
    # Only allowed pages were fetched; the page that failed once was tried again.
    pages = site.page_requests()
    assert not [r for r in pages if r.path.startswith("/intern/")]
    assert len({r.path for r in pages}) == ALLOWED
    assert [r.path for r in pages].count("/news/03.html") == 2
    assert all(r.user_agent.startswith("twingraph/") for r in site.requests)
    times = [r.at for r in site.requests]
    # One host: one request per 0.05 s (arrival times at a busy server jitter: the span is what is sure).
    assert times[-1] - times[0] >= 0.95 * 0.05 * (len(times) - 1)

    # Second run: the feeds are asked again (unchanged: 304), every entry is stored or forbidden.
    before = len(site.requests)
    second = _ingest(cli, tmp_path, "store", *feeds)
    assert second.returncode == 0, second.stderr
    again = json.loads(second.stdout)
    assert again["articles"] == 0 and again["web"]["already_stored"] == ALLOWED
    assert again["store_triples"] == summary["store_triples"]
    assert not [r for r in site.requests[before:] if r.path.startswith(("/news/", "/intern/", "/robots.txt"))]

    # Third run, server down, into a new store: everything comes from the cache.
    site.stop()
    third = _ingest(cli, tmp_path, "fresh-store", *feeds, "--retries", "0")
    assert third.returncode == 0, third.stderr
    offline = json.loads(third.stdout)
    assert offline["articles"] == ALLOWED and offline["skipped"] == FORBIDDEN
    assert (
        offline["web"]["requests"] == 3
    )  # the feed, the sitemap index and its sitemap were tried, then read from the cache
    assert offline["store_triples"] == summary["store_triples"]


def test_requests_to_one_host_are_spaced_by_the_delay(site: NewsSite, tmp_path: Path) -> None:
    with Fetcher(WebCache(tmp_path / "cache"), FetchPolicy(delay=0.05)) as fetcher:
        items = list(read_urls([f"{site.base}/news/{i:02d}.html" for i in range(6)], fetcher))
    assert all(isinstance(i, Article) for i in items)
    (starts,) = fetcher.stats.by_host.values()  # robots.txt, six pages, one retry (03 fails once)
    assert len(starts) == 8
    assert min(b - a for a, b in pairwise(starts)) >= 0.05


def test_page_metadata_comes_from_the_page(site: NewsSite, tmp_path: Path) -> None:
    with Fetcher(WebCache(tmp_path / "cache"), FetchPolicy(delay=0)) as fetcher:
        (article,) = list(read_urls([f"{site.base}/news/05.html"], fetcher))
    assert isinstance(article, Article)
    assert article.key == article.url == f"{site.base}/news/05.html"
    assert article.title is not None and article.title.endswith("(05)")
    assert article.published is not None and article.published.iso == "2024-06-06"
    assert article.publisher == "Stadtnachrichten Dortmund"
    assert article.language == "de"
    assert "Mehr zum Thema" not in article.text and "Impressum" not in article.text


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_every_failure_is_one_line_naming_the_url(site: NewsSite, tmp_path: Path, cli) -> None:
    missing = f"{site.base}/news/missing.html"
    down = f"http://127.0.0.1:{_free_port()}/news/1.html"
    not_a_feed = f"{site.base}/news/01.html"
    result = cli(
        "ingest", "--store", str(tmp_path / "store"), "--cache", str(tmp_path / "cache"), "--delay", "0",
        "--retries", "1", missing, down, f"{site.base}/news/02.html", "--feed", not_a_feed,
    )  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"failed: {missing}: HTTP 404"
    assert lines[1].startswith(f"failed: {down}: cannot read robots.txt: cannot connect (")
    assert lines[1].endswith("(tried 2 times)")
    assert lines[2] == f"failed: {not_a_feed}: not an RSS/Atom feed or sitemap (an HTML page)"
    assert len(lines) == 3
    assert result.stdout.startswith("ingested 1 article:")


def test_parse_atom_feed() -> None:
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><title>Leeds visit</title><link rel="alternate" href="/a.html"/>
        <published>2024-03-05T10:00:00Z</published></entry>
      <entry><title>Same again</title><link href="https://example.org/a.html"/></entry>
      <entry><title>Comments</title><link rel="replies" href="/c"/></entry></feed>"""
    feed = parse_feed(atom, "https://example.org/feed")
    assert [(e.url, e.title) for e in feed.entries] == [("https://example.org/a.html", "Leeds visit")]
    assert feed.entries[0].published is not None and feed.entries[0].published.iso == "2024-03-05"
    with pytest.raises(FeedError, match="not well-formed"):
        parse_feed(b"<rss><channel>", "https://example.org/feed")
