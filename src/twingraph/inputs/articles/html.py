"""HTML pages: trafilatura finds the article body and the page metadata; our text rules then drop the
teaser lists and captions that page templates leave inside the article element."""

from __future__ import annotations

import re
from dataclasses import dataclass

from twingraph.facts import DateValue
from twingraph.inputs.articles.plaintext import parse_body

_HTML_LANG = re.compile(r"<html[^>]*?\blang=[\"']?([a-zA-Z]{2,3})\b", re.IGNORECASE)
_LOOKS_LIKE_HTML = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<article\b)", re.IGNORECASE)


class NoArticleBodyError(ValueError):
    """The page has no running text trafilatura recognises as an article."""


@dataclass(frozen=True)
class PageArticle:
    text: str
    title: str | None
    published: DateValue | None
    url: str | None
    publisher: str | None
    declared_language: str | None  # <html lang>: often a site-wide default, so detection may overrule it
    license: str | None = None  # as the page states it: a URL or words


def looks_like_html(text: str) -> bool:
    return bool(_LOOKS_LIKE_HTML.match(text[:1024]))


def parse_html(html: str, url: str | None = None) -> PageArticle:
    """Body and metadata of a news page; raises NoArticleBodyError for pages without an article."""
    import trafilatura  # imported here: it takes ~0.2 s, which every other twingraph command would pay
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        # Recall mode keeps lead paragraphs that templates mark class="teaser"; teaser *lists* are
        # removed afterwards by the text rules.
        favor_recall=True,
        # Page metadata only: a full-text search would pick dates from lists of other news.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (document.text or "").strip() if isinstance(document, Document) else ""
    if not body or not isinstance(document, Document):
        raise NoArticleBodyError("no article text found in the page (navigation or scripts only?)")
    title = (document.title or "").strip() or None
    parsed = parse_body(body, title)
    if not parsed.text.strip() or parsed.text.strip() == (parsed.title or "").strip():
        raise NoArticleBodyError("no article text found in the page (only teasers and navigation)")
    published = None
    if document.date:
        try:
            published = DateValue.parse(str(document.date)[:10])
        except ValueError:
            published = None
    lang = _HTML_LANG.search(html[:4096])
    return PageArticle(
        text=parsed.text,
        title=parsed.title,
        published=published or parsed.published,
        url=document.url or url,
        publisher=(document.sitename or document.hostname or None),
        declared_language=lang.group(1).lower() if lang else None,
        license=(document.license or "").strip() or None,  # <a rel="license"> or the page's licence metadata
    )
