"""Plain text articles: the dev-set layout (title, date line, blank line, body) and free text copied from pages."""

from __future__ import annotations

from dataclasses import dataclass

from twingraph.facts import DateValue
from twingraph.inputs.articles.boilerplate import clean_body, read_head

MAX_TITLE_CHARS = 300


@dataclass(frozen=True)
class ParsedText:
    """An article's text split from what surrounds it. `text` is headline + blank line + body when there is
    a headline, so facts stated in the headline have evidence too and offsets always point into `text`."""

    text: str
    title: str | None
    published: DateValue | None


def _dev_layout(lines: list[str]) -> tuple[str, DateValue | None] | None:
    """Line 1 title, line 2 ISO date or empty, line 3 empty: (title, date) or None for other layouts."""
    if len(lines) < 4 or not lines[0].strip() or lines[2].strip() or len(lines[0]) > MAX_TITLE_CHARS:
        return None
    second = lines[1].strip()
    if not second:  # without a date the blank lines alone are weak evidence: "Newsroom" is no headline
        return (lines[0].strip(), None) if len(lines[0].split()) >= 3 else None
    try:
        date = DateValue.parse(second) if len(second) == 10 and second[4] == "-" and second[7] == "-" else None
    except ValueError:
        date = None
    return (lines[0].strip(), date) if date else None


def join_article(title: str | None, body: list[str]) -> str:
    body_text = "\n".join(body).strip()
    if title and body and body[0].strip() == title:
        return body_text
    return f"{title}\n\n{body_text}" if title else body_text


def _lines(raw: str) -> list[str]:
    return raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _split(lines: list[str]) -> tuple[str | None, DateValue | None, list[str]]:
    dev = _dev_layout(lines)
    if dev is not None:
        title, published = dev
        return title, published, clean_body(lines[3:])
    head = read_head(lines)
    return head.title, head.published, clean_body(lines[head.lines_before_body :])


def parse_text(raw: str) -> ParsedText:
    """Split headline, date and body; drop navigation, captions and teaser lists."""
    title, published, body = _split(_lines(raw))
    return ParsedText(join_article(title, body), title, published)


def parse_body(raw: str, title: str | None) -> ParsedText:
    """Body text whose headline is known from elsewhere (HTML metadata, a JSONL field); that headline wins."""
    found_title, published, body = _split(_lines(raw))
    title = title or found_title
    return ParsedText(join_article(title, body), title, published)
