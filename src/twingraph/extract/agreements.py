"""Signed agreements: a document word (Vereinbarung, Abkommen, Urkunde, memorandum, agreement, угода) together
with a signing cue (unterzeichnen, besiegeln, sign, re-sign, підписати) in one sentence.

Parties: what stands in "zwischen A und B" / "between A, B and C" (cities or organizations), else the cities of the
sentence, else the article's focus pair ("beider Städte", "des Partnerschaftsabkommens"). The date is the date
of the clause that tells the signing, else of the sentence without clauses dating something else ("the Association,
which was first established in 1979"), except the date of the original document in a renewal ("Erneuerung der
Partnerschaftsurkunde vom 2. April 1960" was signed now, not in 1960). A signing that lies ahead without a fixed day
("soll im Herbst unterzeichnet werden") and the anniversary of a signing are no agreements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from twingraph.extract import lexicon as lx
from twingraph.extract.clauses import clause_of, has_cue, says_something, words
from twingraph.extract.context import ArticleContext, SentenceInfo
from twingraph.facts import Agreement
from twingraph.language.dates import DateMention

_BETWEEN = re.compile(r"\b(?:zwischen|between|між)\s+(?P<span>.+?)(?:[.;]|\s+(?:zu|to|was|wurde|were|signed)\b|$)")
_DOC_ENDINGS = ("abkommen", "vereinbarung", "vertrag", "urkunde", "memorandum", "erklärung", "charta")


_ANNIVERSARY_OF_SIGNING = re.compile(
    r"\b(?:anniversary|Jahrestag|Jubiläum)\s+(?:of\s+the|der|des)\s+(?:signing|Unterzeichnung)\b", re.IGNORECASE
)
_SIGNING = re.compile("|".join(lx.SIGNING_CUES), re.IGNORECASE)
_FOUNDING = re.compile(r"\b(?:established|founded|gegründet|begründet|since|seit)\b", re.IGNORECASE)
# Verbs that seal a partnership itself (not "geschlossen", "vereinbart": those also close and agree on other things).
_SEALING_CUES = (r"\bbesiegel", r"\bunterzeichne", r"\bunterschrieben\b", r"\bbeurkundet\b", r"\bsigned\b",
                 r"\bsealed\b")  # fmt: skip
_PURPOSE = re.compile(r"\bum\b[^.;]*\bzu\s+(?:unterzeichnen|unterschreiben|besiegeln)\b|\bto\s+sign\b")


def _ahead(ctx: ArticleContext, info: SentenceInfo) -> bool:
    """Does the sentence date something after the article appeared?"""
    published = ctx.article.published
    if published is None:
        return False
    return any(d.value.iso[: len(published.iso)] > published.iso[: len(d.value.iso)] for d in info.dates)


def _future_signing(text: str) -> bool:
    """Is the signing told as lying ahead ("soll ... unterzeichnet werden", "will be signed", "to be signed")?"""
    cue = _SIGNING.search(text)
    if cue is None:
        return False
    clause = text[slice(*clause_of(text, cue.start()))]
    return has_cue(clause, lx.FUTURE_CUES) or bool(re.search(r"\b(?:to be|will be)\s+(?:re-)?signed\b", clause))


def _signing_dates(info: SentenceInfo) -> list[DateMention]:
    """The dates of the clause that tells the signing (nearest first), else of the sentence without clauses that
    date something else: in "organised by the Twinning Association, which was first established in 1979" 1979 dates
    the body."""
    text = info.text
    cue = _SIGNING.search(text)
    if cue:
        start, end = clause_of(text, cue.start())
        own = [d for d in info.dates if start <= d.start < end]
        if own:
            # "im April 2008 beschlossen und im Dezember desselben Jahres besiegelt": the date nearest the signing
            return sorted(own, key=lambda d: min(abs(d.start - cue.end()), abs(cue.start() - d.end)))
    return [d for d in info.dates if not _FOUNDING.search(text[slice(*clause_of(text, d.start))])]


@dataclass(frozen=True)
class AgreementMention:
    agreement: Agreement
    sentence_index: int


def _document(text: str) -> str | None:
    """What was signed: a document word ("Urkunde", "memorandum"), else a partnership word in a clause that
    seals it ("Die Städtepartnerschaft ist besiegelt", "signed the twinning"): sealing a partnership is signing
    its agreement."""
    tokens = words(text)
    for _, _, word in tokens:
        if word in lx.AGREEMENT_WORDS:
            return lx.AGREEMENT_WORDS[word]
        if word.endswith(_DOC_ENDINGS) and not word.endswith(("verträge", "abkommens-")):
            return "agreement"
    for start, _, word in tokens:
        partnership = lx.PARTNERSHIP_WORDS.get(word) not in (None, "other") or word in ("partnerschaft", "partnership")
        if partnership and has_cue(text[slice(*clause_of(text, start))], _SEALING_CUES):
            return "partnership"
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
        if not has_cue(text, lx.SIGNING_CUES):
            continue
        kind = _document(text)
        if kind is None:
            continue
        if re.search(r"\b(?:agreements|Abkommen\s+mit\s+vielen|Verträge)\b", text):
            continue  # generic talk about agreements
        if _PURPOSE.search(text) and (has_cue(text, lx.FUTURE_CUES) or _ahead(ctx, info)):
            continue  # "reist im Mai nach Kraków, um dort einen Vertrag zu unterzeichnen": not signed yet
        if _future_signing(text) and not any(d.value.precision == "day" for d in _signing_dates(info)):
            continue  # "Der Vertrag soll im Herbst unterzeichnet werden": a plan without a fixed date, no agreement
        parties = _parties(ctx, info)
        if len(parties) < 2:
            continue
        if _ANNIVERSARY_OF_SIGNING.search(text):
            continue  # "the 25th anniversary of the signing of the twinning charter": a celebration, no signing
        renewal = has_cue(text, lx.RENEWAL_CUES)
        dates = [
            d
            for d in _signing_dates(info)
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
