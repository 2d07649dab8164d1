"""Dated happenings around a partnership: donations, funding, receptions and anniversaries.

One event per sentence for donations and funding (each sentence tells its own delivery or grant), but aid merely
set on its way after a donation was told is that delivery; receptions and
anniversary ceremonies are one per article (a report covers one ceremony, named in several sentences).
An event word counts only where its clause tells the act: collecting or buying donations, wanting or planning to
give, "sending a signal", funding applied for, a conference "hosted in" a town, welcoming a decision and the
anniversary of a war tell none. Some acts have no single word: a sum made available ("stellt 175.000 Euro zur
Verfügung"), years celebrated ("feiert 50 Jahre Städtepartnerschaft"), the Golden Book, aid set on its way.
Planned visits come from the visit rules.
"""

from __future__ import annotations

import re

from twingraph.extract import lexicon as lx
from twingraph.extract.clauses import clause_of, has_cue, says_something, words
from twingraph.extract.context import ArticleContext
from twingraph.facts import Event

_PER_ARTICLE = {"reception", "anniversary"}
# What makes a sentence that matches an event pattern tell something else than the act.
_NOT_GIVEN: dict[str, tuple[str, ...]] = {
    "donation": lx.DONATION_NOT_GIVEN,
    "funding": lx.FUNDING_NOT_GIVEN,
    "anniversary": lx.ANNIVERSARY_NOT_GIVEN,
    "reception": lx.RECEPTION_NOT_GIVEN,
}
_AMOUNT = re.compile(
    r"(?:£|\$|€)\s?\d[\d.,]*|\b\d[\d.,]*\s*(?:Euro|EUR|€|Pfund|pounds?|£|Dollar|\$|гривень)", re.IGNORECASE
)
_QUANTITY = re.compile(
    r"\b(?P<n>\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|two|three|four|five)\s+(?=[A-ZÄÖÜa-z])"
)


def find_events(ctx: ArticleContext) -> list[Event]:
    found: list[Event] = []
    headline: list[bool] = []
    seen_kinds: set[str] = set()
    for info in ctx.sentences:
        text = info.text
        if not says_something(info.sentence):
            continue
        triggers = [(start, lx.EVENT_WORDS[w]) for start, _, w in words(text) if w in lx.EVENT_WORDS]
        kinds = [kind for start, kind in triggers if _tells_the_act(text, start, kind)]
        if re.search(lx.FUNDING_SUPPORT, text):
            kinds.append("funding")
        lower = text.lower()
        patterned = [
            kind
            for kind, cues in lx.EVENT_PATTERNS.items()
            if any(g in lower for g in lx.EVENT_PATTERN_GATES[kind])
            and has_cue(text, cues)
            and not has_cue(text, _NOT_GIVEN.get(kind, ()))
        ]
        # aid set on its way without a word of giving is the delivery the article told already, if it did
        kinds += [k for k in patterned if not (k == "donation" and "donation" in seen_kinds and k not in kinds)]
        if (
            "donation" in kinds
            and any(b in text.lower() for b in lx.DONATION_BLOCKERS)
            and "spende" not in text.lower()
        ):
            kinds = [k for k in kinds if k != "donation"]  # "schickt eine Delegation", "dankte für die Hilfe"
        for kind in dict.fromkeys(kinds):
            if kind in _PER_ARTICLE and kind in seen_kinds:
                continue
            seen_kinds.add(kind)
            dates = [d for d in info.dates if not re.match(lx.DURATION_AFTER, text[d.end :])]
            amount = _AMOUNT.search(text)
            found.append(
                Event(
                    kind,
                    description=text,
                    date=dates[0].value if dates else None,
                    amount=amount.group(0) if amount and kind in ("donation", "funding") else None,
                    evidence=info.evidence,
                )
            )
            headline.append(info.sentence.heading)
    # a headline sums up the body: its event counts only when the body does not tell one of the same kind
    body_kinds = {e.kind for e, h in zip(found, headline, strict=True) if not h}
    return [e for e, h in zip(found, headline, strict=True) if not (h and e.kind in body_kinds)]


def _tells_the_act(text: str, at: int, kind: str) -> bool:
    """Does the clause of this event word report the act itself? Collecting donations, wanting to give, "sending a
    signal" are no donation; a conference "hosted in" a town is no reception; funding applied for is none, and
    neither is the anniversary of a war."""
    start, end = clause_of(text, at)
    clause = text[start:end]
    if kind == "donation":
        return not has_cue(clause, lx.DONATION_NOT_GIVEN)
    if kind == "reception":
        return not has_cue(clause, lx.RECEPTION_NOT_GIVEN)
    if kind == "funding":
        if text[at:].lower().startswith("contribut") and not _AMOUNT.search(text):
            return False  # "contributed to the success of the visit": no money, no funding
        return not has_cue(clause, lx.FUNDING_NOT_GIVEN)
    if kind == "anniversary":
        return not has_cue(text, lx.ANNIVERSARY_NOT_GIVEN)
    return True
