"""RSS 2.0, Atom and XML sitemaps -> the article links they list (with a title and date where given)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from lxml import etree

from twingraph.facts import DateValue

_ATOM = "{http://www.w3.org/2005/Atom}"
_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html\b)", re.IGNORECASE | re.DOTALL)


class FeedError(ValueError):
    """Not a feed or sitemap this reader knows (the message says what it found instead)."""


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None = None
    published: DateValue | None = None


@dataclass(frozen=True)
class Feed:
    entries: tuple[FeedEntry, ...]
    sitemaps: tuple[str, ...] = ()  # a sitemap index lists further sitemaps instead of pages


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element: etree._Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return " ".join(element.text.split()) or None


def _date(value: str | None) -> DateValue | None:
    if not value:
        return None
    try:  # RSS: RFC 822 dates ("Tue, 05 Mar 2024 10:00:00 +0100")
        return DateValue.parse(parsedate_to_datetime(value).date().isoformat())
    except (TypeError, ValueError, IndexError):
        pass
    try:  # Atom and sitemaps: ISO 8601
        return DateValue.parse(value.strip()[:10])
    except ValueError:
        return None


def parse_feed(data: bytes, base_url: str) -> Feed:
    """The links of an RSS or Atom feed or a sitemap, in document order, relative ones made absolute."""
    if _HTML_START.match(data[:1024]):
        raise FeedError("not an RSS/Atom feed or sitemap (an HTML page)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise FeedError(f"not an RSS/Atom feed or sitemap (not well-formed XML: {err})") from None
    if root is None:
        raise FeedError("not an RSS/Atom feed or sitemap (empty document)")
    kind = _local(root.tag)
    entries: list[FeedEntry] = []
    if kind == "rss" or kind == "RDF":  # RSS 2.0, and RSS 1.0 (RDF) whose items are siblings of the channel
        for item in root.iter("item", "{http://purl.org/rss/1.0/}item"):
            link = _text(item.find("link")) or _text(item.find("{http://purl.org/rss/1.0/}link"))
            guid = item.find("guid")
            if link is None and guid is not None and guid.get("isPermaLink", "true") == "true":
                link = _text(guid)
            if link:
                title = _text(item.find("title")) or _text(item.find("{http://purl.org/rss/1.0/}title"))
                published = _date(
                    _text(item.find("pubDate")) or _text(item.find("{http://purl.org/dc/elements/1.1/}date"))
                )
                entries.append(FeedEntry(urljoin(base_url, link), title, published))
    elif root.tag == f"{_ATOM}feed":
        for entry in root.iter(f"{_ATOM}entry"):
            links = entry.findall(f"{_ATOM}link")
            href = next((a.get("href") for a in links if a.get("rel", "alternate") == "alternate"), None)
            if href:
                published = _date(_text(entry.find(f"{_ATOM}published")) or _text(entry.find(f"{_ATOM}updated")))
                entries.append(FeedEntry(urljoin(base_url, href), _text(entry.find(f"{_ATOM}title")), published))
    elif root.tag == f"{_SITEMAP}urlset":
        for url in root.iter(f"{_SITEMAP}url"):
            loc = _text(url.find(f"{_SITEMAP}loc"))
            if loc:
                entries.append(FeedEntry(urljoin(base_url, loc), None, _date(_text(url.find(f"{_SITEMAP}lastmod")))))
    elif root.tag == f"{_SITEMAP}sitemapindex":
        found = (_text(s.find(f"{_SITEMAP}loc")) for s in root.iter(f"{_SITEMAP}sitemap"))
        return Feed((), tuple(urljoin(base_url, loc) for loc in found if loc))
    else:
        raise FeedError(f"not an RSS/Atom feed or sitemap (root element <{kind}>)")
    first: dict[str, FeedEntry] = {}
    for entry in entries:
        first.setdefault(entry.url, entry)
    return Feed(tuple(first.values()))
