"""Signed agreements: a document word (Vereinbarung, Abkommen, Urkunde, memorandum, agreement, угода) together
with a signing cue (unterzeichnen, besiegeln, sign, re-sign, підписати) in one sentence.

Parties: what stands in "zwischen A und B" / "between A, B and C" (cities or organizations), else the cities of the
sentence, else the article's focus pair ("beider Städte", "des Partnerschaftsabkommens"). The date is the
sentence's date, except the date of the original document in a renewal ("Erneuerung der Partnerschaftsurkunde
vom 2. April 1960" was signed now, not in 1960).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from twingraph.extract import lexicon as lx
from twingraph.extract.clauses import has_cue, says_something, words
from twingraph.extract.context import ArticleContext, SentenceInfo
from twingraph.facts import Agreement

_BETWEEN = re.compile(r"\b(?:zwischen|between|між)\s+(?P<span>.+?)(?:[.;]|\s+(?:zu|to|was|wurde|were|signed)\b|$)")
_DOC_ENDINGS = ("abkommen", "vereinbarung", "vertrag", "urkunde", "memorandum", "erklärung")


_PURPOSE = re.compile(r"\bum\b[^.;]*\bzu\s+(?:unterzeichnen|unterschreiben|besiegeln)\b|\bto\s+sign\b")


def _ahead(ctx: ArticleContext, info: SentenceInfo) -> bool:
    """Does the sentence date something after the article appeared?"""
    published = ctx.article.published
    if published is None:
        return False
    return any(d.value.iso[: len(published.iso)] > published.iso[: len(d.value.iso)] for d in info.dates)


@dataclass(frozen=True)
class AgreementMention:
    agreement: Agreement
    sentence_index: int


def _document(text: str) -> str | None:
    for _, _, word in words(text):
        if word in lx.AGREEMENT_WORDS:
            return lx.AGREEMENT_WORDS[word]
        if word.endswith(_DOC_ENDINGS) and not word.endswith(("verträge", "abkommens-")):
            return "agreement"
    return None


def _parties(ctx: ArticleContext, info: SentenceInfo) -> tuple[str, ...]:
    text = info.text
    between = _BETWEEN.search(text)
    if between:
        a, b = between.start("span"), between.end("span")
        named: list[tuple[int, str]] = []
        for org in info.orgs:
            if a <= org.start < b:
                named.append((org.start, org.name))
        for ref in info.partner_refs():
            if a <= ref.start < b and not any(o.start <= ref.start < o.end for o in info.orgs if a <= o.start < b):
                named.append((ref.start, ref.place.name))
        parties = tuple(dict.fromkeys(name for _, name in sorted(named)))
        if len(parties) >= 2:
            return parties
    cities = tuple(dict.fromkeys(r.place.name for r in info.partner_refs()))
    if len(cities) >= 2:
        return cities
    if len(cities) == 1:
        other = ctx.other_focus(cities[0])
        return (cities[0], other) if other else ()
    return tuple(ctx.focus) if len(ctx.focus) == 2 else ()


def find_agreements(ctx: ArticleContext) -> list[AgreementMention]:
    found: list[AgreementMention] = []
    for info in ctx.sentences:
        text = info.text
        if not says_something(info.sentence):
            continue
        kind = _document(text)
        if kind is None or not has_cue(text, lx.SIGNING_CUES):
            continue
        if re.search(r"\b(?:agreements|Abkommen\s+mit\s+vielen|Verträge)\b", text):
            continue  # generic talk about agreements
        if _PURPOSE.search(text) and (has_cue(text, lx.FUTURE_CUES) or _ahead(ctx, info)):
            continue  # "reist im Mai nach Kraków, um dort einen Vertrag zu unterzeichnen": not signed yet
        parties = _parties(ctx, info)
        if len(parties) < 2:
            continue
        renewal = has_cue(text, lx.RENEWAL_CUES)
        dates = [
            d
            for d in info.dates
            if not (
                renewal
                and (
                    re.search(r"\bvom\s+$", text[max(0, d.start - 5) : d.start])
                    or (d.value.text or "").lower().startswith("vom ")
                )
            )
        ]
        dates = [d for d in dates if not re.match(lx.DURATION_AFTER, text[d.end :])]
        agreement = Agreement(
            parties,
            date=dates[0].value if dates else None,
            topic=kind,
            kind=kind,
            evidence=info.evidence,
        )
        found.append(AgreementMention(agreement, info.sentence.index))
    return found
