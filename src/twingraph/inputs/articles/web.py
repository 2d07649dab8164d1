"""Pages and feeds from the web, fetched politely and kept: robots.txt, a User-Agent, a delay per host, retries
with back-off, and a cache on disk so that a second run fetches nothing it already has and runs offline.

Everything that goes wrong with one URL becomes an `InputProblem` naming it; a run goes on with the rest.
A page is stored under the URL it was asked for (its key), so re-ingesting it replaces its graph.
"""

from __future__ import annotations

import hashlib
import json
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from twingraph import __version__
from twingraph.facts import Article
from twingraph.inputs.articles.assembly import Found, assemble
from twingraph.inputs.articles.decoding import MAX_ARTICLE_BYTES, UndecodableError, decode_text
from twingraph.inputs.articles.feeds import FeedEntry, FeedError, parse_feed
from twingraph.inputs.articles.html import NoArticleBodyError, looks_like_html, parse_html
from twingraph.inputs.articles.plaintext import parse_text
from twingraph.inputs.articles.problems import InputProblem, unexpected_problem
from twingraph.inputs.articles.sources import SourceInfo

USER_AGENT = f"twingraph/{__version__} (town-twinning knowledge graph; +https://w3id.org/twingraph)"
ROBOTS_AGENT = "twingraph"  # the token robots.txt rules name
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ROBOTS_MAX_AGE = 24 * 3600.0  # seconds a cached robots.txt is trusted before it is asked again
MAX_SITEMAP_DEPTH = 2


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


class FetchError(Exception):
    """One URL could not be fetched; the message is one line (status or network problem, tries made)."""


@dataclass(frozen=True)
class FetchPolicy:
    user_agent: str = USER_AGENT
    delay: float = 1.0  # seconds between two requests to one host (robots.txt Crawl-delay wins when longer)
    retries: int = 3  # further tries after a network error, 429 or 5xx
    backoff: float = 1.0  # first wait before a retry; doubled each time (Retry-After wins when given)
    timeout: float = 20.0
    max_bytes: int = MAX_ARTICLE_BYTES


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    fetched_at: float
    from_cache: bool = False
    etag: str | None = None
    last_modified: str | None = None


class WebCache:
    """Responses on disk, one JSON header and one body file per URL (named by the URL's SHA-256)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _paths(self, url: str) -> tuple[Path, Path]:
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        base = self.folder / digest[:2] / digest
        return base.with_suffix(".json"), base.with_suffix(".body")

    def get(self, url: str) -> Fetched | None:
        head_path, body_path = self._paths(url)
        try:
            head = json.loads(head_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        return Fetched(
            url=url,
            final_url=head.get("final_url", url),
            status=int(head.get("status", 200)),
            content_type=head.get("content_type", ""),
            body=body,
            fetched_at=float(head.get("fetched_at", 0.0)),
            from_cache=True,
            etag=head.get("etag"),
            last_modified=head.get("last_modified"),
        )

    def put(self, fetched: Fetched) -> None:
        head_path, body_path = self._paths(fetched.url)
        head_path.parent.mkdir(parents=True, exist_ok=True)
        head = {
            "url": fetched.url,
            "final_url": fetched.final_url,
            "status": fetched.status,
            "content_type": fetched.content_type,
            "fetched_at": fetched.fetched_at,
            "etag": fetched.etag,
            "last_modified": fetched.last_modified,
        }
        # Body first, header last: a header on disk means a complete entry.
        body_path.write_bytes(fetched.body)
        head_path.write_text(json.dumps(head, ensure_ascii=False), encoding="utf-8")


@dataclass
class FetchStats:
    requests: int = 0  # over the network, retries included
    from_cache: int = 0
    by_host: dict[str, list[float]] = field(default_factory=dict)  # request start times, for the rate limit


class Fetcher:
    """HTTP GET with the politeness rules of this module; one per run (it remembers hosts and robots.txt)."""

    def __init__(
        self,
        cache: WebCache,
        policy: FetchPolicy | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.cache = cache
        self.policy = policy or FetchPolicy()
        self.stats = FetchStats()
        self._sleep = sleep
        self._client = httpx.Client(
            headers={"User-Agent": self.policy.user_agent},
            timeout=self.policy.timeout,
            follow_redirects=True,
        )
        self._next_request: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- politeness -------------------------------------------------------------------------------------

    def _wait_for(self, host: str) -> None:
        now = time.monotonic()
        ready = self._next_request.get(host, now)
        if ready > now:
            self._sleep(ready - now)
        robots = next((r for h, r in self._robots.items() if urlsplit(h).netloc == host), None)
        crawl_delay = robots.crawl_delay(ROBOTS_AGENT) if robots is not None else None
        delay = max(self.policy.delay, float(crawl_delay or 0.0))
        self._next_request[host] = time.monotonic() + delay
        self.stats.by_host.setdefault(host, []).append(time.monotonic())

    def _robots_for(self, url: str) -> tuple[urllib.robotparser.RobotFileParser | None, str]:
        """The host's rules (None: everything allowed) and where they came from; fetched once a run and kept in
        the cache for a day. Raises FetchError when robots.txt cannot be reached and was never seen."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            robots_url = f"{host}/robots.txt"
            cached = self.cache.get(robots_url)
            fetched = cached
            if cached is None or time.time() - cached.fetched_at > ROBOTS_MAX_AGE:
                try:
                    fetched = self._get(robots_url, retries=min(1, self.policy.retries))
                    self.cache.put(fetched)
                except FetchError as err:
                    if cached is None:
                        raise FetchError(f"cannot read robots.txt: {err}") from None
                    fetched = cached  # the server is down: the rules seen last time still hold
            assert fetched is not None
            self._robots[host] = self._rules(fetched)
        return self._robots[host], host

    @staticmethod
    def _rules(fetched: Fetched) -> urllib.robotparser.RobotFileParser | None:
        if 400 <= fetched.status < 500:
            return None  # RFC 9309: no robots.txt, no rules
        rules = urllib.robotparser.RobotFileParser()
        if fetched.status >= 500:  # RFC 9309: a server error means "assume complete disallow"
            rules.parse(["User-agent: *", "Disallow: /"])
        else:
            rules.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
        return rules

    def refusal(self, url: str) -> str | None:
        """Why robots.txt forbids this URL, or None when it may be fetched; raises FetchError (see above)."""
        rules, _ = self._robots_for(url)
        if rules is None or rules.can_fetch(ROBOTS_AGENT, url):
            return None
        return f"robots.txt disallows it for {ROBOTS_AGENT}"

    # --- fetching ---------------------------------------------------------------------------------------

    def _get(self, url: str, *, retries: int | None = None, conditional: Fetched | None = None) -> Fetched:
        host = urlsplit(url).netloc
        tries = 1 + (self.policy.retries if retries is None else retries)
        headers: dict[str, str] = {}
        if conditional is not None and conditional.etag:
            headers["If-None-Match"] = conditional.etag
        if conditional is not None and conditional.last_modified:
            headers["If-Modified-Since"] = conditional.last_modified
        problem = ""
        for attempt in range(tries):
            if attempt:
                self._sleep(self._retry_wait(attempt, problem))
            self._wait_for(host)
            self.stats.requests += 1
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    if response.status_code in RETRY_STATUSES:
                        problem = f"HTTP {response.status_code}"
                        retry_after = response.headers.get("Retry-After", "")
                        if retry_after.isdigit():
                            problem += f" retry-after {retry_after}"
                        continue
                    if response.status_code == 304 and conditional is not None:
                        return conditional
                    body = self._read_limited(response)
                    return Fetched(
                        url=url,
                        final_url=str(response.url),
                        status=response.status_code,
                        content_type=response.headers.get("Content-Type", ""),
                        body=body,
                        fetched_at=time.time(),
                        etag=response.headers.get("ETag"),
                        last_modified=response.headers.get("Last-Modified"),
                    )
            except httpx.TimeoutException:
                problem = f"timed out after {self.policy.timeout:g} s"
            except httpx.TransportError as err:
                problem = f"cannot connect ({' '.join(str(err).split()) or type(err).__name__})"
        raise FetchError(f"{problem} (tried {tries} time{'s' if tries != 1 else ''})")

    def _retry_wait(self, attempt: int, problem: str) -> float:
        if " retry-after " in problem:
            return min(60.0, float(problem.rsplit(" ", 1)[-1]))
        return self.policy.backoff * 2 ** (attempt - 1)

    def _read_limited(self, response: httpx.Response) -> bytes:
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.policy.max_bytes:
                raise FetchError(f"larger than {self.policy.max_bytes // (1024 * 1024)} MiB; not read")
            chunks.append(chunk)
        return b"".join(chunks)

    def fetch(self, url: str, *, refresh: bool = False) -> Fetched:
        """A page from the cache, else the network (then cached). `refresh` asks the network first (feeds),
        with a conditional request, and falls back to the cached copy when the server cannot be reached."""
        cached = self.cache.get(url)
        if cached is not None and not refresh:
            self.stats.from_cache += 1
            return cached
        try:
            fetched = self._get(url, conditional=cached)
        except FetchError:
            if cached is None:
                raise
            self.stats.from_cache += 1
            return cached
        if fetched is cached:
            self.stats.from_cache += 1
            return cached
        if fetched.status < 400:
            self.cache.put(fetched)
        return fetched


# --- pages and feeds -> articles ---------------------------------------------------------------------------


def page_article(fetched: Fetched, entry: FeedEntry | None = None) -> tuple[Article, list[str]]:
    """The article of a fetched page; metadata from the page, then the feed entry; raises ValueError."""
    if fetched.status >= 400:
        raise ValueError(f"HTTP {fetched.status}")
    content_type = fetched.content_type.split(";")[0].strip().lower()
    if content_type and not (content_type.startswith("text/") or "html" in content_type or "xml" in content_type):
        raise ValueError(f"not a web page ({content_type})")
    try:
        decoded = decode_text(fetched.body, html=content_type != "text/plain")
    except UndecodableError as err:
        raise ValueError(str(err)) from None
    warnings = [decoded.warning] if decoded.warning else []
    if content_type != "text/plain" or looks_like_html(decoded.text):
        try:
            page = parse_html(decoded.text, fetched.final_url)
        except NoArticleBodyError as err:
            raise ValueError(str(err)) from None
        found = Found(page.text, page.title, page.published, fetched.url, page.publisher,
                      page_language=page.declared_language, license=page.license)  # fmt: skip
    else:
        parsed = parse_text(decoded.text)
        if not parsed.text.strip():
            raise ValueError("no article text left after removing navigation and teasers")
        found = Found(parsed.text, parsed.title, parsed.published, fetched.url, urlsplit(fetched.url).netloc)
    if entry is not None:
        found = Found(
            found.text,
            found.title or entry.title,
            found.published or entry.published,
            found.url,
            found.publisher,
            page_language=found.page_language,
            license=found.license,
        )
    # The key is the URL as asked (a feed's link), so the next run recognises it whatever the page calls itself.
    article, more = assemble(found, fallback_key=fetched.url, path=fetched.url, source=SourceInfo(url=fetched.url))
    return article, warnings + more


@dataclass
class WebReport:
    """What the web readers did, beside the articles: entries already stored, skipped, fetched."""

    feed_entries: int = 0
    already_stored: int = 0
    skipped: int = 0


def read_urls(
    urls: Iterable[str],
    fetcher: Fetcher,
    *,
    entries: dict[str, FeedEntry] | None = None,
) -> Iterator[Article | InputProblem]:
    """Each URL as an article, or a one-line problem naming it (robots.txt refusals are `skipped`)."""
    for url in urls:
        try:
            refusal = fetcher.refusal(url)
            if refusal is not None:
                yield InputProblem(url, None, refusal, "skipped")
                continue
            fetched = fetcher.fetch(url)
            article, warnings = page_article(fetched, (entries or {}).get(url))
        except (FetchError, ValueError) as err:
            yield InputProblem(url, None, str(err))
            continue
        except Exception as err:  # a parser bug fails this URL only, in one line
            yield unexpected_problem(url, None, err)
            continue
        for warning in warnings:
            yield InputProblem(url, None, warning, "warning")
        yield article


def feed_entries(feed_url: str, fetcher: Fetcher, problems: list[InputProblem]) -> list[FeedEntry]:
    """The entries of a feed or sitemap (sitemap indexes followed two levels deep); problems are collected."""
    found: list[FeedEntry] = []
    pending = [(feed_url, 0)]
    while pending:
        url, depth = pending.pop(0)
        try:
            refusal = fetcher.refusal(url)
            if refusal is not None:
                problems.append(InputProblem(url, None, refusal, "skipped"))
                continue
            fetched = fetcher.fetch(url, refresh=True)
            if fetched.status >= 400:
                raise FetchError(f"HTTP {fetched.status}")
            feed = parse_feed(fetched.body, fetched.final_url)
        except (FetchError, FeedError) as err:
            problems.append(InputProblem(url, None, str(err)))
            continue
        found.extend(feed.entries)
        if depth < MAX_SITEMAP_DEPTH:
            pending.extend((child, depth + 1) for child in feed.sitemaps)
    return found


def read_feeds(
    feed_urls: Iterable[str],
    fetcher: Fetcher,
    is_stored: Callable[[str], bool],
    report: WebReport | None = None,
    *,
    on_new: Callable[[int], None] | None = None,
) -> Iterator[Article | InputProblem]:
    """The entries of these feeds that are not stored yet, as articles (a run a cron job can repeat).

    `on_new` hears how many entries are new once the feeds are read (a progress bar's total grows by it).
    """
    report = report if report is not None else WebReport()
    problems: list[InputProblem] = []
    entries: dict[str, FeedEntry] = {}
    for feed_url in feed_urls:
        for entry in feed_entries(feed_url, fetcher, problems):
            entries.setdefault(entry.url, entry)
    yield from problems
    report.feed_entries = len(entries)
    new = [url for url in entries if not is_stored(url)]
    report.already_stored = len(entries) - len(new)
    if on_new is not None:
        on_new(len(new))
    for item in read_urls(new, fetcher, entries=entries):
        if isinstance(item, InputProblem) and item.severity == "skipped":
            report.skipped += 1
        yield item
