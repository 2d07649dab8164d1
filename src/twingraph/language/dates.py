"""The one date normaliser: German and English date expressions -> `DateValue` with their precision.

Written forms covered (each a row in `_PATTERNS`, tried in order, longest first):
  "2. April 1960", "am Montag, 19. Juni", "vom 24. bis 29. September", "Am 17. und 18. Mai", "24.04.2014",
  "Februar 2023", "im Dezember 1988", "June 14-15", "14 June 2023", "February 12, 2021", "2021-02-12",
  bare years ("seit 1969"), and relative dates ("heute", "gestern", "vergangene Woche", "today", "last week",
  "des vergangenen Jahres", "im vergangenen September") resolved against the publication date when it is known.
A day and month without a year take the year from a `DateContext` and are flagged `inferred=True`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from twingraph.facts import DateValue

MONTHS: dict[str, int] = {
    # German
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2, "märz": 3, "mär": 3, "april": 4,
    "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
    # English
    "january": 1, "february": 2, "march": 3, "mar": 3, "may": 5, "june": 6, "july": 7, "october": 10,
    "oct": 10, "december": 12, "dec": 12,
}  # fmt: skip

# Months spelled out only: abbreviations need a following period ("Okt.") and "Mai"/"May" need a day or a year
# next to them, otherwise they are ordinary words (May as a verb, "mar" in English).
_MONTH_WORDS = sorted({m for m in MONTHS if len(m) > 3} | {"mai", "may"}, key=len, reverse=True)
_ABBREVIATIONS = sorted({m for m in MONTHS if len(m) <= 4 and m not in ("mai", "may", "juni", "juli", "june", "july")})
MONTH_RE = r"(?P<{name}>(?:" + "|".join(_MONTH_WORDS) + r")\b|(?:" + "|".join(_ABBREVIATIONS) + r")\.)"
_WEEKDAY = (
    r"(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday),?\s+(?:den\s+|the\s+)?)?"
)
_YEAR = r"(?P<{name}>(?:1[89]|20)\d\d)"
_DASH = r"\s*[-–—]\s*"
_EN_TO = r"(?:\s*[-–—]\s*|\s+(?:to|through|until|till|and)\s+)"  # "June 14-15", "September 12 to 16"
_PREVIOUS_YEAR = r"(?P<prev>\s+des\s+(?:vergangenen|letzten|Vor)\s*[Jj]ahres|\s+of\s+last\s+year)"


# Counts written as words: "vor zwei Wochen", "three months ago".
_COUNTS: dict[str, int] = {
    "einem": 1, "einer": 1, "a": 1, "one": 1, "zwei": 2, "two": 2, "drei": 3, "three": 3, "vier": 4, "four": 4,
    "fünf": 5, "five": 5, "sechs": 6, "six": 6, "sieben": 7, "seven": 7, "acht": 8, "eight": 8, "neun": 9,
    "nine": 9, "zehn": 10, "ten": 10,
}  # fmt: skip
_COUNT = "|".join(_COUNTS)


def _count(word: str | None) -> int:
    if not word:
        return 0
    return int(word) if word.isdigit() else _COUNTS.get(word.lower(), 0)


def _m(name: str) -> str:
    return MONTH_RE.format(name=name)


def _y(name: str) -> str:
    return _YEAR.format(name=name)


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:1[89]|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("numeric", re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<mo>[01]?\d)\.(?P<y>(?:1[89]|20)\d\d)\b")),
    # vom 2. bis 4. Mai (2014) / 2.–4. Mai / am 17. und 18. Mai
    (
        "de_range",
        re.compile(
            r"\b(?:vom\s+|am\s+)?" + _WEEKDAY + r"(?P<d>[0-3]?\d)\.\s*(?:bis(?:\s+zum)?\s+|und\s+|[-–]\s*)"
            r"(?P<d2>[0-3]?\d)\.\s+" + _m("mo") + r"(?:\s+" + _y("y") + r")?",
            re.IGNORECASE,
        ),
    ),
    # June 14-15(, 2023) / 14-15 June (2023)
    (
        "en_range",
        re.compile(
            r"\b" + _m("mo") + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?" + _EN_TO + r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
            r"(?:,?\s+" + _y("y") + r")?",
            re.IGNORECASE,
        ),
    ),
    (
        "en_range_dm",
        re.compile(
            r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
            + _EN_TO
            + r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
            + _m("mo")
            + r"(?:,?\s+"
            + _y("y")
            + r")?",
            re.IGNORECASE,
        ),
    ),
    # (am) (Montag,) 19. Juni (2023) / 2. April 1960
    (
        "de_day",
        re.compile(
            r"\b(?:am\s+|vom\s+)?"
            + _WEEKDAY
            + r"(?P<d>[0-3]?\d)\.\s*"
            + _m("mo")
            + r"(?:\s+"
            + _y("y")
            + r"|"
            + _PREVIOUS_YEAR
            + r")?",
            re.IGNORECASE,
        ),
    ),
    # February 12(, 2021) / 12(th) (of) February 2021
    (
        "en_day_md",
        re.compile(
            r"\b" + _WEEKDAY + _m("mo") + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+" + _y("y") + r")?",
            re.IGNORECASE,
        ),
    ),
    (
        "en_day_dm",
        re.compile(
            r"\b"
            + _WEEKDAY
            + r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
            + _m("mo")
            + r"(?:,?\s+"
            + _y("y")
            + r")?",
            re.IGNORECASE,
        ),
    ),
    # Februar 2023 / im Dezember 1988 / in February 2023
    ("month_year", re.compile(r"\b" + _m("mo") + r",?\s+(?:of\s+)?" + _y("y"), re.IGNORECASE)),
    # "im Dezember desselben Jahres", "in December of the same year": the month of the year named before it
    (
        "month_same_year",
        re.compile(
            r"\b(?:(?:im|in|Anfang|Mitte|Ende)\s+)?" + _m("mo") + r"\s+(?:(?:desselben|des\s+gleichen|jenes)\s+Jahres"
            r"|of\s+(?:the\s+same|that)\s+year)\b",
            re.IGNORECASE,
        ),
    ),
    # "Im Mai reist eine Delegation", "Anfang Juni", "in March": the month of the year the text speaks from
    (
        "month_only",
        re.compile(
            r"\b(?:im|Anfang|Mitte|Ende|in|early|late|mid-?|(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+"
            + _m("mo")
            + r"(?!\s*\d)",
            re.IGNORECASE,
        ),
    ),
    # im vergangenen September / last September
    (
        "month_last",
        re.compile(
            r"\b(?:im\s+)?(?:vergangenen|letzten|last)\s+" + _m("mo"),
            re.IGNORECASE,
        ),
    ),
    # "vor 50 Jahren", "25 years ago": a year counted back from the year the text speaks from
    (
        "years_ago",
        re.compile(
            r"\bvor\s+(?P<n>\d{1,3}|" + _COUNT + r")\s+Jahr(?:en)?\b"
            r"|\b(?P<n2>\d{1,3}|" + _COUNT + r")\s+years?\s+ago\b",
            re.IGNORECASE,
        ),
    ),
    ("year", re.compile(r"(?<![\d.,/-])(?P<y>(?:1[89]|20)\d\d)(?![\d.,]\d)")),
]

# Relative expressions: name -> (pattern, offset in days from the publication date, precision).
_RELATIVE: dict[str, tuple[re.Pattern[str], int, str]] = {
    "today": (re.compile(r"\b(?:heute|today|сьогодні)\b", re.IGNORECASE), 0, "day"),
    "yesterday": (re.compile(r"\b(?:gestern|yesterday|вчора)\b", re.IGNORECASE), -1, "day"),
    "last_week": (
        re.compile(r"\b(?:vergangene[nr]?|letzte[nr]?)\s+Woche\b|\blast\s+week\b", re.IGNORECASE),
        -7,
        "week",
    ),
    "this_week": (re.compile(r"\b(?:in\s+dieser|diese)\s+Woche\b|\bthis\s+week\b", re.IGNORECASE), 0, "week"),
    "last_year": (
        re.compile(r"\bdes\s+vergangenen\s+Jahres\b|\bim\s+vergangenen\s+Jahr\b|\blast\s+year\b", re.IGNORECASE),
        -365,
        "year",
    ),
    "this_year": (
        re.compile(r"\bin\s+diesem\s+Jahr\b|\bthis\s+year\b|\bdieses\s+Jahr(?:es)?\b", re.IGNORECASE),
        0,
        "year",
    ),
    "next_week": (
        re.compile(r"\b(?:nächste|kommende)[nr]?\s+Woche\b|\bnext\s+week\b", re.IGNORECASE),
        7,
        "week",
    ),
    "last_month": (
        re.compile(r"\b(?:im\s+)?(?:vergangenen|letzten)\s+Monat\b|\blast\s+month\b", re.IGNORECASE),
        -30,
        "week",
    ),
    "next_month": (
        re.compile(r"\b(?:im\s+)?(?:nächsten|kommenden)\s+Monat\b|\bnext\s+month\b", re.IGNORECASE),
        30,
        "week",
    ),
    "next_year": (
        re.compile(r"\b(?:im\s+)?(?:nächsten|kommenden)\s+Jahr\b|\bnächstes\s+Jahr\b|\bnext\s+year\b", re.IGNORECASE),
        365,
        "year",
    ),
}


# Cheap tests that spare most sentences most scans: few name a month, a weekday or a relative date, and only
# forms with a day or a year need a digit. The sentence's words are looked up once (a set beats scanning the
# text with one alternation per word list); a false hit ("Mar" in "Mar-a-Lago") only costs a scan.
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]+")
_MONTH_WORDS_ANY = frozenset(MONTHS)
_WITHOUT_MONTH = frozenset({"iso", "numeric", "year", "years_ago"})
_WITHOUT_DIGIT = frozenset({"month_last", "month_only", "years_ago"})
_RELATIVE_WORDS = frozenset(
    {"heute", "today", "сьогодні", "gestern", "yesterday", "вчора", "woche", "week", "jahr", "jahres", "year"}
    | {"monat", "month"}
)


_SPAN_WORDS = frozenset({"tagen", "wochen", "monaten", "ago"})
_YEARS_AGO_WORDS = frozenset({"jahr", "jahren", "ago"})
_SAME_YEAR_WORDS = frozenset({"desselben", "gleichen", "jenes", "same", "that"})


@dataclass(frozen=True)
class DateContext:
    """What fixes dates the text leaves open: the publication date, or a year known from the article."""

    published: DateValue | None = None
    year: int | None = None  # reference year when no publication date is known (inferred from the text)


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets in the text given to find_dates
    end: int
    value: DateValue
    until: DateValue | None = None  # end of a range ("vom 2. bis 4. Mai")
    relative: bool = False

    @property
    def text(self) -> str:
        return self.value.text or ""


def _published(ctx: DateContext) -> date | None:
    if ctx.published and ctx.published.precision == "day":
        return date.fromisoformat(ctx.published.iso)
    return None


def _context_year(ctx: DateContext) -> int | None:
    if ctx.published:
        return int(ctx.published.iso[:4])
    return ctx.year


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    try:
        if day is not None and month is not None:
            return date(year, month, day).isoformat()
    except ValueError:
        return None
    if month is not None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    return f"{year:04d}"


def _month(token: str | None) -> int | None:
    if not token:
        return None
    return MONTHS.get(token.lower().rstrip("."))


_YEAR_BEFORE = re.compile(r"(?<![\d.,/-])((?:1[89]|20)\d\d)(?![\d.,]\d)")


def _absolute(kind: str, m: re.Match[str], ctx: DateContext) -> tuple[DateValue, DateValue | None] | None:
    groups = m.groupdict()
    written = m.group(0).strip()
    if kind == "month_same_year":
        named = _YEAR_BEFORE.findall(m.string[: m.start()])
        month = _month(groups.get("mo"))
        if not named or month is None:
            return None
        return DateValue(f"{named[-1]}-{month:02d}", written), None
    year_text = groups.get("y")
    year = int(year_text) if year_text else _context_year(ctx)
    inferred = not year_text
    if year is not None and groups.get("prev"):
        year -= 1
    if year is None:
        return None
    if kind == "year":
        return DateValue(f"{year:04d}", written), None
    if kind == "years_ago":
        back = _count(groups.get("n") or groups.get("n2"))
        return DateValue(f"{year - back:04d}", written, inferred=True), None
    if kind == "month_last":
        month = _month(groups.get("mo"))
        if month is None or ctx.published is None:
            return None
        pub = int(ctx.published.iso[:4]), int(ctx.published.iso[5:7] or 0) if len(ctx.published.iso) >= 7 else 12
        last_year = pub[0] if month < pub[1] else pub[0] - 1
        return DateValue(f"{last_year:04d}-{month:02d}", written, inferred=True), None
    month = int(groups["mo"]) if groups.get("mo", "").isdigit() else _month(groups.get("mo"))
    if month is None:
        return None
    if kind in ("month_year", "month_only"):
        iso = _iso(year, month)
        return (DateValue(iso, written, inferred=inferred), None) if iso else None
    day_iso = _iso(year, month, int(groups["d"]))
    if day_iso is None:
        return None
    value = DateValue(day_iso, written, inferred=inferred)
    until = None
    if groups.get("d2"):
        end_iso = _iso(year, month, int(groups["d2"]))
        until = DateValue(end_iso, written, inferred=inferred) if end_iso else None
    return value, until


def _relative(m: re.Match[str], days: int, precision: str, ctx: DateContext) -> DateValue | None:
    base = _published(ctx)
    if base is None:
        if precision == "year" and ctx.published is not None:
            year = int(ctx.published.iso[:4]) + (-1 if days < 0 else 0)
            return DateValue(f"{year:04d}", m.group(0), inferred=True)
        return None
    moment = base + timedelta(days=days)
    if precision == "day":
        return DateValue(moment.isoformat(), m.group(0))
    if precision == "week":
        return DateValue(moment.isoformat()[:7], m.group(0))  # the week is known, the day is not
    return DateValue(f"{moment.year:04d}", m.group(0))


_WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
    "sonntag": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
# "am Dienstag(abend)", "on Tuesday", "last Friday", "next Thursday" with no day number: the latest such day up to
# the publication date, or the next one from it when the word or the clause looks ahead ("will", "wird", "soll").
_WEEKDAY_ALONE = re.compile(
    r"\b(?P<when>am|on|last|vergangenen|letzten|next|this|coming|nächsten|kommenden|diesen)\s+"
    r"(?P<day>" + "|".join(_WEEKDAYS) + r")(?:abend|morgen|nachmittag|vormittag|mittag)?\b"
    r"(?![,\s]+(?:den\s+|the\s+)?\d{1,2}(?:\.|st\b|nd\b|rd\b|th\b|\s+(?:of\s+)?(?:" + "|".join(_MONTH_WORDS) + r")\b))",
    re.IGNORECASE,
)
_AHEAD_WORDS = frozenset({"next", "coming", "nächsten", "kommenden"})
_WEEKDAY_WORDS = frozenset(_WEEKDAYS) | frozenset(
    day + part for day in _WEEKDAYS for part in ("abend", "morgen", "nachmittag", "vormittag", "mittag")
)
_FUTURE_CLAUSE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|is\s+due|are\s+due|wird|werden|soll|sollen|plant|planen|geplant|plans?"
    r"|reist|reisen|fährt|fahren|fliegt|fliegen|travels|leaves)\b",  # "reist am Donnerstag": a trip ahead
    re.IGNORECASE,
)


def _weekday(m: re.Match[str], ctx: DateContext) -> DateValue | None:
    base = _published(ctx)
    if base is None:
        return None
    day = _WEEKDAYS[m.group("day").lower()]
    when = m.group("when").lower()
    ahead = when in _AHEAD_WORDS or (
        when not in ("last", "vergangenen", "letzten") and _FUTURE_CLAUSE.search(m.string) is not None
    )
    if ahead:
        moment = base + timedelta(days=(day - base.weekday()) % 7)
    else:
        moment = base - timedelta(days=(base.weekday() - day) % 7)
    return DateValue(moment.isoformat(), m.group(0), inferred=True)


@lru_cache(maxsize=1024)
def _written_dates(text: str) -> tuple[tuple[str, re.Match[str]], ...]:
    """(kind, match) for every date pattern's matches in `text`, in the order find_dates tries them.

    The scans do not depend on the context, so an article's two passes over its sentences (reference year,
    then dates) scan each sentence once.
    """
    has_digit = _DIGIT.search(text) is not None
    letters = set(_LETTERS.findall(text.lower()))
    has_month = not letters.isdisjoint(_MONTH_WORDS_ANY)
    found: list[tuple[str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        if kind == "years_ago" and letters.isdisjoint(_YEARS_AGO_WORDS):
            continue
        if kind == "month_same_year" and letters.isdisjoint(_SAME_YEAR_WORDS):
            continue
        if (has_digit or kind in _WITHOUT_DIGIT) and (has_month or kind in _WITHOUT_MONTH):
            found.extend((kind, m) for m in pattern.finditer(text))
    if not letters.isdisjoint(_SPAN_WORDS):
        found.extend(("span_ago", m) for m in _SPAN_AGO.finditer(text))
    if not letters.isdisjoint(_WEEKDAY_WORDS):
        found.extend(("weekday", m) for m in _WEEKDAY_ALONE.finditer(text))
    if not letters.isdisjoint(_RELATIVE_WORDS):
        for kind, (pattern, _, _) in _RELATIVE.items():
            found.extend((kind, m) for m in pattern.finditer(text))
    return tuple(found)


# "vor zwei Wochen", "three days ago": a span counted back from the publication day.
_SPAN_AGO = re.compile(
    r"\bvor\s+(?P<n>\d{1,2}|" + _COUNT + r")\s+(?P<unit>Tagen|Wochen|Monaten)\b"
    r"|\b(?P<n2>\d{1,2}|" + _COUNT + r")\s+(?P<unit2>days?|weeks?|months?)\s+ago\b",
    re.IGNORECASE,
)
_SPAN_DAYS = {"tagen": 1, "day": 1, "days": 1, "wochen": 7, "week": 7, "weeks": 7, "monaten": 30, "month": 30,
              "months": 30}  # fmt: skip


def _span_ago(m: re.Match[str], ctx: DateContext) -> DateValue | None:
    base = _published(ctx)
    unit = (m.group("unit") or m.group("unit2") or "").lower()
    n = _count(m.group("n") or m.group("n2"))
    if base is None or not n:
        return None
    moment = base - timedelta(days=n * _SPAN_DAYS[unit])
    if _SPAN_DAYS[unit] == 1:
        return DateValue(moment.isoformat(), m.group(0))
    return DateValue(moment.isoformat()[:7], m.group(0))  # weeks or months back: the month is known, the day not


def _resolved(kind: str, m: re.Match[str], ctx: DateContext) -> DateMention | None:
    if kind == "span_ago":
        value = _span_ago(m, ctx)
        return DateMention(m.start(), m.end(), value, None, relative=True) if value else None
    if kind == "weekday":
        weekday = _weekday(m, ctx)
        return DateMention(m.start(), m.end(), weekday, None, relative=True) if weekday else None
    if kind in _RELATIVE:
        _, days, precision = _RELATIVE[kind]
        value = _relative(m, days, precision, ctx)
        return DateMention(m.start(), m.end(), value, None, relative=True) if value else None
    parsed = _absolute(kind, m, ctx)
    return DateMention(m.start(), m.end(), parsed[0], parsed[1]) if parsed else None


def find_dates(text: str, ctx: DateContext | None = None) -> list[DateMention]:
    """Every date expression in `text`, left to right, without overlaps (the longest form wins)."""
    ctx = ctx or DateContext()
    found: list[DateMention] = []
    for kind, m in _written_dates(text):
        start, end = m.span()
        if any(start < f.end and f.start < end for f in found):
            continue
        mention = _resolved(kind, m, ctx)
        if mention is not None:
            found.append(mention)
    return sorted(found, key=lambda d: d.start)


def parse_date(text: str, ctx: DateContext | None = None) -> DateValue | None:
    """The first date expression in `text`, or None."""
    dates = find_dates(text, ctx)
    return dates[0].value if dates else None


# "am nächsten Tag", "tags darauf", "the following day": the day after the date told just before.
NEXT_DAY = re.compile(
    r"\b(?:am\s+(?:nächsten|folgenden|darauffolgenden)\s+Tag|tags\s+darauf|(?:on\s+)?the\s+(?:next|following)\s+day)\b",
    re.IGNORECASE,
)


def day_after(value: DateValue) -> DateValue | None:
    """The day after a date of day precision ("the following day" after "on 3 May"); None for a month or a year."""
    if value.precision != "day":
        return None
    return DateValue((date.fromisoformat(value.iso) + timedelta(days=1)).isoformat(), value.text, inferred=True)
