"""One place where text and metadata from the file, the page and sources.yaml become an `Article`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from twingraph.facts import Article, DateValue
from twingraph.inputs.articles.sources import SourceInfo
from twingraph.language.detection import detect_language, language_warning

# Control characters XML 1.0 cannot carry (all but tab, newline, return): a stray NUL in a page would
# otherwise make the RDF/XML export unreadable. Removed before extraction, so evidence offsets stay true.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass(frozen=True)
class Found:
    """What the input itself says about the article; sources.yaml may override any of it."""

    text: str
    title: str | None = None
    published: DateValue | None = None
    url: str | None = None
    publisher: str | None = None
    language: str | None = None  # stated by the input (JSONL field); trusted over detection
    page_language: str | None = None  # <html lang>: used only when detection cannot tell
    license: str | None = None


def assemble(found: Found, *, fallback_key: str, path: str, source: SourceInfo | None) -> tuple[Article, list[str]]:
    """The article and the warnings it comes with. The key is the URL when known, so re-ingesting replaces."""
    source = source or SourceInfo()
    language = source.language or found.language or detect_language(found.text) or found.page_language
    url = source.url or found.url
    article = Article(
        key=url or fallback_key,
        text=_NOT_XML.sub("", found.text),
        url=url,
        title=_NOT_XML.sub("", title) if (title := source.title or found.title) else None,
        publisher=source.publisher or found.publisher,
        published=source.published or found.published,
        language=language,
        path=path,
        license=source.license or found.license,
    )
    warning = language_warning(language)
    return article, [warning] if warning else []
