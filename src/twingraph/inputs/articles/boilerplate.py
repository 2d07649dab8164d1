"""Rules for what in a copied page is not the article: navigation on top, captions and photo credits,
"read more" teasers, and the list of other news at the end.

The rules describe how such blocks look on news pages in general (a heading such as "Mehr zum Thema" or
"Related articles", runs of short lines without sentence punctuation, date + headline lines), so they work on
pages nobody wrote a rule for. Lines are removed whole and never edited, so every sentence that remains is
verbatim from the source and evidence quotes can be found in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from twingraph.facts import DateValue
from twingraph.inputs.articles.dateline import parse_dateline

# Headings that open a block of links to other articles; the block runs to the end of the page unless
# article prose follows it.
_TEASER_HEADING = re.compile(
    r"^(?:mehr\s+zu(?:m)?\s+(?:diesem\s+)?thema|zum\s+thema|weitere\s+(?:nachrichten|artikel|meldungen|themen)"
    r"|mehr\s+(?:nachrichten|artikel|meldungen|aus\s+\S+)|das\s+könnte\s+(?:sie|dich)\s+(?:auch\s+)?interessieren"
    r"|auch\s+interessant|lesen\s+sie\s+(?:auch|mehr)|passend\s+dazu|verwandte\s+artikel|ähnliche\s+artikel"
    r"|meist(?:\s+|ge)gelesen|beliebte\s+artikel|empfehlungen|related(?:\s+(?:articles?|stories|news|content|posts))?"
    r"|read\s+(?:more|next|also)|more\s+(?:news|stories|on\s+this\s+story|from\s+\S+)|you\s+(?:may|might)\s+also\s+like"
    r"|recommended(?:\s+for\s+you)?|most\s+(?:read|popular)|top\s+stories|also\s+read|see\s+also"
    r"|share\s+this(?:\s+article)?|diesen\s+artikel\s+teilen|schlagwörter|tags)\b",
    re.IGNORECASE,
)
MAX_HEADING_CHARS = 80
# "READ MORE: Leeds council ...", "Lesen Sie auch: ..." - one teaser link inside the article.
_INLINE_TEASER = re.compile(
    r"^(?:read\s+more|read\s+also|also\s+read|see\s+also|related|lesen\s+sie\s+(?:auch|mehr)|auch\s+interessant"
    r"|mehr\s+zu(?:m)?\s+thema|mehr\s+dazu|passend\s+dazu)\s*[:|»›>–-]\s*\S",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^(?:\(?(?:bild|bilder|foto|fotos|fotografie|photo|photos|image|images|picture|credit|credits|grafik"
    r"|abbildung|illustration|video|copyright)\s*(?::|by\b)|©|\(c\)\s)",
    re.IGNORECASE,
)
# "Die Delegation auf dem Friedensplatz. Foto: Stadt Dortmund" / "... (Bild: dpa)": a caption with its credit.
_CAPTION_WITH_CREDIT = re.compile(
    r"(?:^|[\s|(/])(?:bild|foto|fotos|photo|image|credit|quelle)\s*:\s*[^.!?]{1,80}\)?$", re.IGNORECASE
)
_BYLINE = re.compile(r"^(?:von|by|text|autor|autorin|author|from)\b", re.IGNORECASE)
_BREADCRUMB = re.compile(r"\s[>»›|/]\s")
_LEADING_BULLETS = re.compile(r"^[\s»›>•·*\-–—]+")
_SENTENCE_END = tuple(".!…:;\"“”»«)’'")
_PROSE_END = tuple(".!…\"“”»«’'")
MAX_CAPTION_CHARS = 300
MAX_TEASER_LINE_CHARS = 250


@dataclass(frozen=True)
class Head:
    """What stands above the article body on a copied page."""

    title: str | None
    published: DateValue | None
    lines_before_body: int


def _words(line: str) -> int:
    return len(line.split())


def is_prose(line: str) -> bool:
    """A line of running text: a sentence or more, not a heading, link or caption."""
    line = line.strip()
    return line.endswith(_PROSE_END) and _words(line) >= 8


def is_teaser_heading(line: str) -> bool:
    line = _LEADING_BULLETS.sub("", line.strip())
    return len(line) <= MAX_HEADING_CHARS and not line.endswith((".", "!", "?")) and bool(_TEASER_HEADING.match(line))


def is_credit(line: str) -> bool:
    line = line.strip()
    return len(line) <= 150 and bool(_CREDIT.match(line))


def _is_caption_with_credit(line: str) -> bool:
    line = line.strip()
    return len(line) <= MAX_CAPTION_CHARS and bool(_CAPTION_WITH_CREDIT.search(line))


def _is_title_candidate(line: str) -> bool:
    line = line.strip()
    return (
        _words(line) >= 3
        and len(line) <= 250
        and not _BYLINE.match(line)
        and not _BREADCRUMB.search(line)
        and parse_dateline(line) is None
        and not is_credit(line)
    )


def read_head(lines: list[str], max_lines: int = 40) -> Head:
    """Navigation, kicker, headline, byline and date above the first paragraph of a free-form text.

    The headline is the longest title-like line (three words or more, not a byline, date or breadcrumb);
    one- and two-word lines above it are menu entries. Only this head is searched for a date line, so
    dates in teaser lists further down never become the publication date.
    """
    first_prose = next((i for i, line in enumerate(lines[:max_lines]) if is_prose(line)), None)
    if first_prose is None:
        return Head(None, None, 0)
    head = lines[:first_prose]
    published = next((d for d in (parse_dateline(line) for line in head) if d is not None), None)
    candidates = [(i, line.strip()) for i, line in enumerate(head) if _is_title_candidate(line)]
    title = max(candidates, key=lambda c: (_words(c[1]), c[0]))[1] if candidates else None
    return Head(title, published, first_prose)


def remove_captions(lines: list[str]) -> list[str]:
    """Drop photo credits, the caption line right above a credit, and captions that end in their credit."""
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if is_credit(line):
            drop.add(i)
            above = lines[i - 1].strip() if i > 0 else ""
            if above and len(above) <= 160 and not is_teaser_heading(above) and i - 1 not in drop:
                drop.add(i - 1)
        elif _is_caption_with_credit(line):
            drop.add(i)
    return [line for i, line in enumerate(lines) if i not in drop]


def _is_inline_teaser(line: str) -> bool:
    line = _LEADING_BULLETS.sub("", line.strip())
    return len(line) <= MAX_TEASER_LINE_CHARS and bool(_INLINE_TEASER.match(line))


def remove_teasers(lines: list[str]) -> list[str]:
    """Cut teaser blocks: from a teaser heading to the end (or to the next prose), and single teaser links."""
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if is_teaser_heading(line) and any(is_prose(x) for x in kept):
            following = next((j for j in range(i + 1, len(lines)) if is_prose(lines[j])), None)
            if following is None:
                break
            i = following
            continue
        if not _is_inline_teaser(line):
            kept.append(line)
        i += 1
    return kept


def _is_trailing_debris(line: str) -> bool:
    """Lines an article does not end with: headlines, dates, widget labels, link lists."""
    line = line.strip()
    if parse_dateline(line) is not None or is_credit(line):
        return True
    if len(line) > MAX_TEASER_LINE_CHARS:
        return False
    if line.endswith("?"):  # a headline asks; a closing paragraph that asks has full sentences before it
        return ". " not in line
    return not line.endswith(_SENTENCE_END)


def trim_tail(lines: list[str]) -> list[str]:
    """Remove the run of non-sentence lines at the end (headline lists, dates, share buttons)."""
    end = len(lines)
    while end > 0 and (not lines[end - 1].strip() or _is_trailing_debris(lines[end - 1])):
        end -= 1
    return lines[:end]


def clean_body(lines: list[str]) -> list[str]:
    """The article body without captions, teasers and trailing link lists; blank runs collapsed."""
    body = trim_tail(remove_teasers(remove_captions(lines)))
    collapsed: list[str] = []
    for line in body:
        if not line.strip() and (not collapsed or not collapsed[-1].strip()):
            continue
        collapsed.append(line.rstrip())
    return collapsed
