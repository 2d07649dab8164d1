"""JSON Lines batches: one article per line, `{"url", "title", "published", "language", "text" or "html"}`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from twingraph.facts import Article, DateValue
from twingraph.inputs.articles.assembly import Found, assemble
from twingraph.inputs.articles.decoding import MAX_ARTICLE_BYTES, size_problem
from twingraph.inputs.articles.html import NoArticleBodyError, parse_html
from twingraph.inputs.articles.plaintext import parse_body
from twingraph.inputs.articles.problems import InputProblem, unexpected_problem

_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")  # BCP 47 shape: de, en-GB, uk


def _string(record: dict[str, object], name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str | int):
        raise ValueError(f"field {name!r} must be a string")
    return str(value).strip() or None


def _record_article(record: dict[str, object], path: Path, line: int) -> tuple[Article, list[str]]:
    title = _string(record, "title")
    url = _string(record, "url")
    published_text = _string(record, "published")
    try:
        published = DateValue.parse(published_text[:10] if published_text else None)
    except ValueError as err:
        raise ValueError(f"published: {err}") from None
    text, html = _string(record, "text"), _string(record, "html")
    if text:
        parsed = parse_body(text, title)
        found = Found(parsed.text, parsed.title, published or parsed.published, url)
    elif html:
        page = parse_html(html, url)
        found = Found(page.text, title or page.title, published or page.published, url or page.url, page.publisher,
                      page_language=page.declared_language, license=page.license)  # fmt: skip
    else:
        raise ValueError('no "text" or "html" field')
    if not found.text.strip():
        raise ValueError("no article text left after removing navigation and teasers")
    language = _string(record, "language")
    if language is not None and not _LANGUAGE_TAG.fullmatch(language):
        raise ValueError(f"language {language[:20]!r} is not a language code such as de, en or uk")
    found = replace(
        found,
        publisher=_string(record, "publisher") or found.publisher,
        license=_string(record, "license") or found.license,
        language=language.lower() if language else None,
    )
    return assemble(found, fallback_key=f"{path.name}:{line}", path=f"{path}:{line}", source=None)


def read_jsonl(path: Path) -> Iterator[Article | InputProblem]:
    """Each line an article or a problem naming the line; a bad line never stops the batch."""
    try:
        handle = path.open("rb")
    except OSError as err:
        yield InputProblem(str(path), None, f"cannot read: {err.strerror or err}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            too_large = size_problem(len(raw), MAX_ARTICLE_BYTES)
            if too_large:
                yield InputProblem(str(path), number, f"line {too_large}")
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8").strip())
            except UnicodeDecodeError:
                yield InputProblem(str(path), number, "not UTF-8 (JSON Lines must be UTF-8)")
                continue
            except json.JSONDecodeError as err:
                yield InputProblem(str(path), number, f"not valid JSON ({err.msg}, column {err.colno})")
                continue
            if not isinstance(record, dict):
                yield InputProblem(str(path), number, "expected a JSON object with url, title, text or html")
                continue
            try:
                article, warnings = _record_article(record, path, number)
            except (ValueError, NoArticleBodyError) as err:
                yield InputProblem(str(path), number, str(err))
                continue
            except Exception as err:  # a broken install or a parser bug fails this line only, in one line
                yield unexpected_problem(str(path), number, err)
                continue
            for warning in warnings:
                yield InputProblem(str(path), number, warning, "warning")
            yield article
