"""A small news site on 127.0.0.1 for the web readers: pages made from the dev-set texts in a newsroom template,
a robots.txt that forbids /intern/, an RSS feed, a sitemap index with one sitemap, a page that fails once.

The server is the standard library's, in a thread; it records every request (path, time, User-Agent).
"""

from __future__ import annotations

import html
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DEV = Path(__file__).resolve().parents[3] / "data" / "eval" / "articles"
ALLOWED = 40  # /news/NN.html
FORBIDDEN = 10  # /intern/NN.html, disallowed by robots.txt
LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)

TEMPLATE = """<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>{title} | Stadtnachrichten Dortmund</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Stadtnachrichten Dortmund">
<meta property="article:published_time" content="{date}T09:30:00+01:00">
</head>
<body>
<header><nav><a href="/">Start</a> <a href="/news/">Nachrichten</a> <a href="/kontakt">Kontakt</a></nav></header>
<main>
<article>
<h1>{title}</h1>
<p class="date"><time datetime="{date}">{date}</time></p>
{paragraphs}
</article>
<aside><h2>Mehr zum Thema</h2><ul><li><a href="/news/00.html">Weitere Nachrichten aus der Stadt</a></li></ul></aside>
</main>
<footer>© Stadt Dortmund · Impressum · Datenschutz</footer>
</body>
</html>
"""


@dataclass(frozen=True)
class SitePage:
    path: str
    title: str
    date: str
    body: bytes


def _texts() -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of each dev article that follows the title/date/body layout."""
    out = []
    for source in sorted(DEV.glob("[0-9]*.txt")):
        lines = source.read_text(encoding="utf-8").split("\n")
        paragraphs = [line for line in lines[3:] if line.strip()]
        out.append((lines[0].strip(), paragraphs))
    return out


def make_pages() -> list[SitePage]:
    """Page i: dev text i (round robin) under a title and date of its own."""
    texts = _texts()
    pages = []
    for i in range(ALLOWED + FORBIDDEN):
        title, paragraphs = texts[i % len(texts)]
        title = f"{title} ({i:02d})"
        date = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        folder = "news" if i < ALLOWED else "intern"
        body = TEMPLATE.format(
            title=html.escape(title),
            date=date,
            paragraphs="\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs),
        )
        pages.append(SitePage(f"/{folder}/{i:02d}.html", title, date, body.encode("utf-8")))
    return pages


def rss(base: str, pages: list[SitePage]) -> bytes:
    items = "".join(
        f"<item><title>{html.escape(p.title)}</title><link>{base}{p.path}</link>"
        f"<pubDate>{formatdate(1_700_000_000, usegmt=True)}</pubDate></item>"
        for p in pages
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Stadtnachrichten</title>'
        f"<link>{base}/</link>{items}</channel></rss>"
    ).encode()


def sitemap(base: str, pages: list[SitePage]) -> bytes:
    urls = "".join(f"<url><loc>{base}{p.path}</loc><lastmod>{p.date}</lastmod></url>" for p in pages)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{urls}</urlset>"
    ).encode()


def sitemap_index(base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base}/sitemap-news.xml</loc></sitemap></sitemapindex>"
    ).encode()


@dataclass
class Request:
    path: str
    at: float
    user_agent: str


@dataclass
class NewsSite:
    """The site's content by path: (status, content type, body); `fail_once` paths answer 503 the first time."""

    routes: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    fail_once: set[str] = field(default_factory=set)
    requests: list[Request] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None
    base: str = ""

    def start(self) -> None:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append(Request(self.path, time.monotonic(), self.headers.get("User-Agent", "")))
                if self.path in site.fail_once:
                    site.fail_once.discard(self.path)
                    self.send_response(503)
                    self.send_header("Retry-After", "0")
                    self.end_headers()
                    return
                status, content_type, body = site.routes.get(self.path, (404, "text/plain", b"not found"))
                if status == 200 and self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Last-Modified", LAST_MODIFIED)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # quiet test output
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def page_requests(self) -> list[Request]:
        return [r for r in self.requests if r.path.startswith(("/news/", "/intern/"))]


def news_site() -> NewsSite:
    """Started; the feed lists pages 0-29 (five forbidden among them), the sitemap the rest."""
    site = NewsSite()
    site.start()
    pages = make_pages()
    allowed, forbidden = pages[:ALLOWED], pages[ALLOWED:]
    in_feed = allowed[:25] + forbidden[:5]
    in_sitemap = allowed[25:] + forbidden[5:] + allowed[20:25]  # the overlap is ingested once
    site.routes = {p.path: (200, "text/html; charset=utf-8", p.body) for p in pages}
    site.routes["/robots.txt"] = (200, "text/plain", b"User-agent: *\nDisallow: /intern/\n")
    site.routes["/feed.rss"] = (200, "application/rss+xml", rss(site.base, in_feed))
    site.routes["/sitemap.xml"] = (200, "application/xml", sitemap_index(site.base))
    site.routes["/sitemap-news.xml"] = (200, "application/xml", sitemap(site.base, in_sitemap))
    site.routes["/plain.txt"] = (200, "text/plain; charset=utf-8", b"Leeds und Dortmund\n\nText.\n")
    site.fail_once = {"/news/03.html"}
    return site
