"""Publication date lines near the top of a page: "12.02.2021", "Veröffentlicht am 4. Oktober 2023, 10:30 Uhr"."""

from __future__ import annotations

import re

from twingraph.facts import DateValue
from twingraph.language.dates import find_dates

# What may stand around the date on a date line: labels, weekdays, times and separators; anything else
# ("Delegation reist am 2. Mai nach Zwickau") makes it a sentence, not a date line.
_FILLER = re.compile(
    r"\b(?:veröffentlicht|publiziert|erstellt|aktualisiert|zuletzt|geändert|stand|datum|am|um|vom|uhr|"
    r"published|posted|updated|last|modified|date|on|at|"
    r"mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|am|pm|cet|cest|utc|gmt)\b\.?"
    r"|\b\d{1,2}[:.]\d{2}(?::\d{2})?\b"
    r"|[\s,.;:|/()\-–—·•]+",
    re.IGNORECASE,
)
MAX_DATELINE_CHARS = 80


def parse_dateline(line: str) -> DateValue | None:
    """The date when the whole line is a date stamp with an explicit year; None for anything else."""
    line = line.strip()
    if not line or len(line) > MAX_DATELINE_CHARS:
        return None
    mentions = [m for m in find_dates(line) if not m.relative and not m.value.inferred]
    if len(mentions) != 1 or mentions[0].value.precision == "year":
        return None
    mention = mentions[0]
    rest = line[: mention.start] + " " + line[mention.end :]
    if _FILLER.sub("", rest).strip():
        return None
    return DateValue(mention.value.iso, text=line)
