"""Partnerships between two cities: type from the text's own word, status from the cues of its clause.

Städtepartnerschaft / twinned / sister cities -> twinning; Solidaritätspartnerschaft -> solidarity; an
agreement on cooperation -> cooperation; an unqualified Partnerschaft / friendship -> other (merged later into the
specific partnership of the same pair, which it refers to). Cities: the pair named in the sentence; a single
named city pairs with the other city of the article's focus pair; a definite "die neue Städtepartnerschaft"
without cities is the focus pair itself. Plural words without two named cities are generic talk and give nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from twingraph.extract import lexicon as lx
from twingraph.extract.clauses import clause_of, has_cue, last_part, says_something, words
from twingraph.extract.context import ArticleContext, SentenceInfo
from twingraph.facts import DateValue, Evidence

_AGREEMENT_ON = re.compile(r"\bagreement\s+on\s+(?:\w+\s+)?$", re.IGNORECASE)
_BOTH = re.compile(
    r"\b(?:the\s+two|both|our)\s+(?:towns|cities)\b|\bbeide[rn]?\s+(?:Städte|Kommunen|Gemeinden)\b", re.IGNORECASE
)
_WITH = re.compile(r"\b(?:with|mit)\b")
_TRIPARTITE = re.compile(r"\b(?:tripartite|trilateral|dreiseitig|Dreier|trinational)", re.IGNORECASE)
_ACTIVE_CUES = (
    r"\bseit\b", r"\bsince\b", r"\bfor (?:over |more than )?\d+ years\b", r"\bfor many years\b", r"\bbesteht\b",
    r"\bbestehende", r"\bhave been\b", r"\bhas been\b", r"\bdates back\b", r"\bbegründet\b", r"\bestablished\b",
)  # fmt: skip
_SINCE_BEFORE = re.compile(
    r"(?:seit|since|back\s+to|vom|im|Im|in|ab|from|established\s+in)\s+(?:dem\s+|the\s+)?(?:Jahr\s+|year\s+)?$"
)
_PLANNED_BY_BEFORE = re.compile(r"(?:bis|by|until)\s+(?:spätestens\s+|zum\s+Jahr\s+)?$", re.IGNORECASE)
_REFERRING_ADJ = re.compile(r"\b(?:künftig|zukünftig|nächste|future|next)\w*\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


@dataclass(frozen=True)
class PartnershipMention:
    cities: tuple[str, str]
    type: str
    status: str  # planned|active|formalized|suspended
    explicit: str | None  # the status a cue gave; None when only the default applies
    since: DateValue | None
    planned_by: DateValue | None
    evidence: Evidence
    sentence_index: int
    generic: bool  # an unqualified word ("Partnerschaft", "friendship") that may refer to a specific one


@dataclass(frozen=True)
class _Trigger:
    start: int
    end: int
    type: str
    plural: bool
    word: str


def _triggers(text: str) -> list[_Trigger]:
    found: list[_Trigger] = []
    tokens = words(text)
    for i, (start, end, word) in enumerate(tokens):
        nxt = tokens[i + 1][2] if i + 1 < len(tokens) else ""
        head = last_part(word)
        if word == "cooperation" and (nxt == "agreement" or _AGREEMENT_ON.search(text[max(0, start - 20) : start])):
            found.append(_Trigger(start, end, "cooperation", False, word))  # "agreement on cooperation"
            continue
        for key in (word, head):
            if key in lx.PARTNERSHIP_WORDS:
                needs = lx.PARTNERSHIP_NEEDS_NEXT.get(key)
                if needs and nxt not in needs:
                    break
                if nxt in lx.PARTNERSHIP_NOT_BEFORE or (key == "link" and nxt != "between"):
                    break
                if key in ("twin", "sister"):
                    plural = nxt.endswith("s")
                    found.append(_Trigger(start, tokens[i + 1][1], "twinning", plural, word))
                    break
                plural = nxt in ("agreements", "partnerships")
                found.append(_Trigger(start, end, lx.PARTNERSHIP_WORDS[key], plural, word))
                break
            if key in lx.PARTNERSHIP_PLURALS:
                needs = lx.PARTNERSHIP_NEEDS_PREVIOUS.get(key)
                if needs:
                    break  # "twin cities" is handled at "twin"
                found.append(_Trigger(start, end, lx.PARTNERSHIP_PLURALS[key], True, word))
                break
    return found


def _status(info: SentenceInfo, trigger: _Trigger, single: bool) -> str | None:
    text = info.text
    start, end = clause_of(text, trigger.start)
    scopes = [text[start:end]] + ([text] if single else [])
    if trigger.word in ("partnerstadt", "partnerstädte", "partnerstädten"):
        # "Dortmunds Partnerstadt" names the partner; only "künftige/nächste Partnerstadt" says more
        return "planned" if _REFERRING_ADJ.search(text[: trigger.start]) else None
    for scope in scopes:
        for status in ("suspended", "planned", "formalized"):
            if status == "planned" and has_cue(scope, _ACTIVE_CUES) and not has_cue(scope, (r"\bsoll", r"\bwird\b")):
                continue
            if has_cue(scope, lx.STATUS_CUES[status]):
                return status
        if has_cue(scope, _ACTIVE_CUES):
            return "active"
    return None


def _dates(info: SentenceInfo, trigger: _Trigger, signed: bool) -> tuple[DateValue | None, DateValue | None]:
    text = info.text
    start, end = clause_of(text, trigger.start)
    since = planned_by = None
    for d in info.dates:
        if not (start <= d.start < end) or d.relative:
            continue
        before = text[max(0, d.start - 25) : d.start]
        if re.match(lx.DURATION_AFTER, text[d.end :]):
            continue
        if _PLANNED_BY_BEFORE.search(before):
            planned_by = planned_by or DateValue(d.value.iso[:4], d.value.text, d.value.inferred)
        elif _SINCE_BEFORE.search(before) or d.value.precision == "day" or signed:
            since = since or d.value
    if since is None and end < len(text):
        # "the twinning link between the two towns, which dates back to 1979": the relative clause tells its age
        following_end = clause_of(text, end)[1]
        following = text[end:following_end]
        if not _triggers(following) and re.search(r"\b(?:dates back|seit|since|besteht|established)\b", following):
            for d in info.dates:
                usable = not d.relative and d.value.precision != "day"
                if usable and end <= d.start < following_end and not re.match(lx.DURATION_AFTER, text[d.end :]):
                    since = d.value
                    break
    return since, planned_by


def _pairs(ctx: ArticleContext, info: SentenceInfo, trigger: _Trigger) -> list[tuple[str, str]]:
    names: list[str] = []
    for ref in info.partner_refs():
        if ref.place.name not in names:
            names.append(ref.place.name)
    if len(ctx.focus) == 2 and _BOTH.search(info.text):
        return [tuple(sorted(ctx.focus))]  # type: ignore[list-item]  # "the link between the two towns"
    if len(names) >= 3 and _TRIPARTITE.search(info.text):
        return [tuple(sorted(p)) for p in combinations(names[:3], 2)]  # type: ignore[misc]
    with_word = _WITH.search(info.text)
    if with_word and len(names) >= 2:
        # "X is twinned with A and B" / "Dortmund hat Partnerschaften mit A, B und C": X pairs with each
        after = [r.place.name for r in info.partner_refs() if r.start > with_word.start()]
        before = [r.place.name for r in info.partner_refs() if r.start < with_word.start()]
        subject = before[0] if before else ctx.home
        partners = [c for c in dict.fromkeys(after) if c != subject]
        if subject and partners:
            return [tuple(sorted((subject, c))) for c in partners]  # type: ignore[misc]
    if len(names) >= 2:
        # "zwischen A und B"; "Bremens Partnerstädte Danzig und Riga": the first city pairs with each other one
        return [tuple(sorted((names[0], other))) for other in names[1:]]  # type: ignore[misc]
    if trigger.plural:
        return []
    if len(names) == 1:
        other = ctx.other_focus(names[0])
        return [tuple(sorted((names[0], other)))] if other else []  # type: ignore[list-item]
    if len(ctx.focus) == 2:
        return [tuple(sorted(ctx.focus))]  # type: ignore[list-item]
    return []


def find_partnerships(ctx: ArticleContext) -> list[PartnershipMention]:
    found: list[PartnershipMention] = []
    for info in ctx.sentences:
        if not says_something(info.sentence):
            continue
        triggers = _triggers(info.text)
        for trigger in triggers:
            explicit = _status(info, trigger, single=len(triggers) == 1)
            since, planned_by = _dates(info, trigger, signed=explicit == "formalized")
            if explicit == "formalized" and since and ctx.year and int(since.iso[:4]) < ctx.year - 1:
                explicit = "active"  # "Die Partnerschaft wurde 1974 besiegelt": signed long ago, simply existing
            if planned_by and explicit is None:
                explicit = "planned"
            for pair in _pairs(ctx, info, trigger):
                found.append(
                    PartnershipMention(
                        pair,
                        trigger.type,
                        explicit or "active",
                        explicit,
                        since if explicit != "planned" else None,
                        planned_by,
                        info.evidence,
                        info.sentence.index,
                        trigger.type in ("other", "friendship"),
                    )
                )
    return found
