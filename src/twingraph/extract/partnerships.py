"""Partnerships between two cities: type from the text's own word, status from the cues of its clause.

Städtepartnerschaft / twinned / sister cities -> twinning; Solidaritätspartnerschaft -> solidarity; an
agreement on cooperation -> cooperation; an unqualified Partnerschaft / friendship -> other (merged later into the
specific partnership of the same pair, which it refers to).

Cities, per partnership word: "zwischen A und B"; else the city or list named right after the word ("Partnerstadt
Nysa", "twinned with A and B", "8 sister cities, which includes A, B, C") pairs with the city or coordinated cities
before it ("Bremens", "Both A and B are twinned with"), or with the city an anaphoric subject takes up ("Die Stadt",
"it"). Cities merely listed together ("Den Städten Borna, Delitzsch, Leipzig ...", "Minsk or Krasnodar") are no
pair; "A und B, C und D" is a list of pairs. A city named alone pairs with its one partner named elsewhere in the
article, else with the other city of the focus pair; a definite "die neue Städtepartnerschaft" without cities is
the focus pair, unless the article names the focus cities with other partners only. Plural words without two
named cities are generic talk and give nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, pairwise

from twingraph.extract import lexicon as lx
from twingraph.extract.clauses import clause_of, has_cue, last_part, says_something, words
from twingraph.extract.context import ArticleContext, SentenceInfo
from twingraph.extract.places import CityRef
from twingraph.facts import DateValue, Evidence

_AGREEMENT_ON = re.compile(r"\bagreement\s+on\s+(?:\w+\s+)?$", re.IGNORECASE)
_BOTH = re.compile(
    r"\b(?:the\s+two|both|our)\s+(?:towns|cities)\b|\bbeide[rn]?\s+(?:Städte|Kommunen|Gemeinden|Partnerstädte[n]?)\b",
    re.IGNORECASE,
)
_WITH = re.compile(r"\b(?:with|mit)\b")
_BETWEEN = re.compile(r"\b(?:zwischen|between)\s+")
_PAUSED_SINCE = re.compile(
    r"\b(?:inactive|inaktiv|dormant|ruht|auf\s+Eis|suspended|ausgesetzt|frozen|eingefroren)\s+(?:\w+\s+){0,2}"
    r"(?:since|seit)\s+(?:dem\s+|the\s+)?(?:Jahr\s+|year\s+)?$"
)
# "seit Februar 2022 auf Eis": the date before a word of pause dates the pause.
_PAUSED_AFTER = re.compile(
    r"^\s+(?:\w+\s+){0,2}(?:auf\s+Eis|ruht|ruhen|ausgesetzt|eingefroren|suspended|on\s+hold|frozen|dormant)\b"
)
_COUNCIL = re.compile(
    r"\b(?:[Cc]ouncil|Stadtrat|Gemeinderat|Stadtverwaltung|Rat der Stadt)\b|(?:stadtrat|gemeinderat)$"
)
_DATELINE_AFTER = re.compile(r"^\s*(?:[-–—]\s|\(\w+\)\s*[-–—]?)")
# What may stand between two cities of one list: commas and conjunctions, articles, "in Taiwan", "(Neisse)".
_LIST_GAP = re.compile(
    r"^(?=.*(?:,|&|\b(?:and|und|sowie|or|oder)\b))(?:\s|,|&|\([^()]*\)|\b(?:and|und|sowie|or|oder|as\s+well\s+as|"
    r"also|auch|the|die|der|den|dem|city\s+of|town\s+of|Stadt|in\s+[A-ZÄÖÜ][\w-]+)\b)*$"
)
_GENITIVE_BEFORE = re.compile(r"^(?:[’']?s)?\s+(?:[\w-]+\s+)?$")
_WITH_GAP = re.compile(r"^\s*(?:with|mit)\s")
_INCLUDE_GAP = re.compile(
    r"^\s*(?:,\s*)?(?:include[sd]?|including|are|were|sind|waren|umfassen|gehören|gehörten|zählen|zählten|:)\s+(?:the\s+cities\s+of\s+)?$"
)
_AND_ONLY = re.compile(r"^\s*(?:and|und|&)\s*$")
# What may stand between a partnership word and the city it names: "Partnerstadt Nysa", "twin-town Ozyorsk",
# "Partnerkommune von Kronstadt", "twinning agreement with the city of Perm", "sister cities, which includes A".
_COMPLEMENT_GAP = re.compile(
    r"^\s*(?:,\s*(?:which\s+includes?|including|darunter|nämlich)\s+|:\s*)?"
    r"(?:(?:(?:agreements?|arrangements?|links?|ties?|relationships?|charter|contract|partnerships?|bond|connection)\s+)?"
    r"(?:with|mit|von|of|zu|zur|zum|to|з|із|зі)\s+)?"
    r"(?:(?:the|der|die|dem|den|des|its|their|ihrer|seiner|unserer|our)\s+)?"
    r"(?:(?:[a-zäöüß-]+(?:e|en|er|es|em|al|ian|ic|ish|ese|an)|[A-Z][a-z]+(?:ian|ish|ese|ch|an)|new|old|former|[а-яіїєґ’'-]+)\s+){0,2}"
    r"(?:(?:[Cc]ity|[Tt]own|Stadt|Gemeinde|Kommune|Großstadt|municipality|Ort)\s+(?:of\s+)?)?$"
)
# A partner noun after a copula states the link: "have been sister cities", "sollen Partnerstädte werden".
_PREDICATE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|become|became|remain|remains|ist|sind|war|waren|sein|werden|wird|bleiben|als)\s+"
    r"(?:(?:now|also|still|officially|auch|nun|jetzt|offiziell|seit\s+\d{4}|since\s+\d{4}|\w+’s|\w+s|the|die|a|an)\s+){0,3}$"
)
# "sister city agreement", "twin town relationship": the words name the link itself, not a partner town.
_LINK_NOUN_AFTER = re.compile(
    r"^\s+(?:agreements?|relationships?|partnerships?|status|charter|contract|ties?|links?|arrangements?|programs?|"
    r"programmes?|bond|connection|accord|memorandum)\b",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(r"\b(?:diese[rs]?|sie|er|es|it|they|which|who|welche[rs]?)\b")
# A city after these words locates something ("Kronstadt bei St. Petersburg") and holds no partnership.
_LOCATOR_BEFORE = re.compile(r"\b(?:bei|near|nahe|nahe\s+bei|in\s+der\s+Nähe\s+von|im|in\s+the|in|In)\s+$")
# A sentence subject that takes up a city of the sentence before: "Die Stadt in Nordthüringen ist ...", "Currently,
# it has 8 sister cities". A possessive ("its twinning") refers to its own sentence's subject and is no such cue.
_ANAPHOR = re.compile(
    r"^(?:[\w\s]{0,30},\s*)?(?:(?:Die|Diese|The|This)\s+(?:Stadt|Gemeinde|Kommune|city|town)\b|(?:[Ii]t|Sie|Er|Es|They)\s)"
)
# A link word that tells when the link began dates it: "The relationship began in 1995", "the arrangement, which was
# established in 1976".
_BEGAN = re.compile(r"\b(?:began|begann|started|dates\s+back|dating\s+back|established|founded|was\s+formed)\b")
_DEFINITE_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+(?:\w+\s+)?$")
_TRIPARTITE = re.compile(r"\b(?:tripartite|trilateral|dreiseitig|Dreier|trinational)", re.IGNORECASE)
_ACTIVE_CUES = (
    r"\bseit\b", r"\bsince\b", r"\bfor (?:over |more than )?\d+ years\b", r"\bfor many years\b", r"\bbesteht\b",
    r"\bbestehende", r"\bhave been\b", r"\bhas been\b", r"\bdates back\b", r"\bbegründet\b", r"\bestablished\b",
    r"\bbecame\b",
)  # fmt: skip
_SINCE_BEFORE = re.compile(
    r"(?:seit|since|back\s+to|vom|im|in|ab|from|established\s+in)\s+(?:dem\s+|the\s+)?(?:Jahr\s+|year\s+)?$",
    re.IGNORECASE,
)
# A year before an attributive participle of founding dates the noun: "die 1990 geschlossene Städtepartnerschaft".
_FOUNDED_AFTER = re.compile(
    r"^\s+(?:geschlossene|gegründete|begründete|besiegelte|unterzeichnete|eingegangene|vereinbarte)[nmrs]?\b"
)
# The partnership another one grows from: "Aus der Solidaritätspartnerschaft ... soll eine Städtepartnerschaft werden",
# "to grow the friendship into a twinning" (the plan belongs to the other word).
_GROWS_FROM_BEFORE = re.compile(
    r"\b(?:[Aa]us\s+(?:der|dem|einer|einem|ihrer|seiner)|from\s+(?:the|a|an|its|their))\s+(?:[\w-]+\s+){0,2}$"
)
_BEGUN_BEFORE = re.compile(r"\b(?:seit|since|established|founded|began|back\s+to|dating)\s+(?:\w+\s+)?$", re.I)
# A definite or possessive determiner before a partnership word, without an adjective of novelty or plan.
_DEFINITE_LINK_BEFORE = re.compile(
    r"\b(?:die|der|den|dem|des|ihre[rnms]?|seine[rnms]?|unsere[rnms]?|diese[rnms]?|[Tt]he|[Tt]heir|[Ii]ts|[Oo]ur|"
    r"[Tt]his|Die|Der|Ihre|Diese|Unsere)\s+(?!(?:neue|new|künftig|zukünftig|future|geplant|planned|angestrebt|"
    r"proposed|possible|mögliche|offizielle|official|formal)\w*)(?:[\w-]+\s+){0,2}$"
)
# What creates a partnership, as opposed to keeping one: signing, sealing, establishing, entering, becoming official.
_CREATION_CUES = (
    r"\bsign", r"\bunterzeichn", r"\bunterschreib", r"\bbesiegel", r"\bestablish", r"\beingehen\b", r"\beinzugehen\b",
    r"\bschließen\b", r"\bbegründe", r"\bgründe", r"\boffiziell", r"\bofficial", r"\bformali[sz]", r"\bto\s+twin\b",
    r"\bbeurkunde", r"\bseal", r"\bratifi", r"\bin\s+Kraft\b", r"\bmünden\b", r"\bumwandeln\b", r"\bausbauen\b",
)  # fmt: skip
# The partnership another one grows into: "in eine Städtepartnerschaft münden", "zu einer Städtepartnerschaft
# ausbauen", "into a formal twinning".
_GROWS_INTO_BEFORE = re.compile(r"\b(?:in\s+eine|zu\s+einer|zur|into\s+a|into\s+an)\s+(?:[\w-]+\s+){0,2}$")
_ASIDE_BEFORE = re.compile(
    r"(?:(?:^|[,;]\s*)(?:[Ww]ie|[Ll]ike|[Uu]nlike|[Aa]nders\s+als)|\b(?:über|via|neben|[Bb]esides|außer|"
    r"stopped\s+(?:off\s+)?in)|^(?:[Aa]uch|[Ee]benso)\s+wie)\s+$"
)
_PREPOSITION_BEFORE = re.compile(r"\b(?:from|to|in|at|aus|nach|von|zu|über|via|bei)\s+(?:the\s+|der\s+|dem\s+)?$")
# "its twin city", "ihre Partnerstadt": a possessive takes up the sentence's subject.
_POSSESSIVE_BEFORE = re.compile(r"\b(?:its|their|ihre[rnm]?|seine[rnm]?)\s+(?:[\w-]+\s+)?$")
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
    vague: bool = False  # a link word ("links", "ties", "link between") that names no type at all
    until: DateValue | None = None  # when a suspension or an end was decided


@dataclass(frozen=True)
class _Trigger:
    start: int
    end: int
    type: str
    plural: bool
    word: str


@lru_cache(maxsize=2048)
def _triggers(text: str) -> tuple[_Trigger, ...]:
    """The partnership words of a text (cached: the pairing rules ask again for the other words of a sentence)."""
    return tuple(_find_triggers(text))


def _find_triggers(text: str) -> list[_Trigger]:
    found: list[_Trigger] = []
    tokens = words(text)
    for i, (start, end, word) in enumerate(tokens):
        nxt = tokens[i + 1][2] if i + 1 < len(tokens) else ""
        head = last_part(word)
        if word == "twin" and i and tokens[i - 1][2] == "to":
            found.append(_Trigger(start, end, "twinning", False, "to twin"))  # "chose to twin", "voted to twin"
            continue
        if word == "cooperation" and (nxt == "agreement" or _AGREEMENT_ON.search(text[max(0, start - 20) : start])):
            found.append(_Trigger(start, end, "cooperation", False, word))  # "agreement on cooperation"
            continue
        if word == "solidarity" and nxt in ("partnership", "partnerships"):
            found.append(_Trigger(start, tokens[i + 1][1], "solidarity", nxt.endswith("s"), word))
            continue  # "a solidarity partnership"
        for key in (word, word.replace("-", ""), head):
            if key in lx.PARTNERSHIP_WORDS:
                needs = lx.PARTNERSHIP_NEEDS_NEXT.get(key)
                if needs and nxt not in needs:
                    break
                if nxt in lx.PARTNERSHIP_NOT_BEFORE or (key == "link" and nxt != "between"):
                    break
                if key in ("twin", "sister", "partner"):
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


def _ends(clause: str) -> bool:
    """Does the clause end a partnership? Not when it only weighs it: "to sever links now would be pointless"."""
    return has_cue(clause, lx.STATUS_CUES["ended"]) and not has_cue(clause, lx.UNREAL_CUES)


def _ending_links(text: str) -> list[_Trigger]:
    """ "severed links with Krasnodar", "cut its ties with", "the arrangement was suspended": a link word counts as a
    partnership word only where its clause ends or suspends it, or tells when a definite link began ("The
    relationship began in 1995"); else "links" and "ties" are too vague."""
    found = []
    for start, end, word in words(text):
        if word not in lx.PARTNERSHIP_LINK_WORDS or _triggers(text[slice(*clause_of(text, start))]):
            continue
        scope = text[slice(*clause_of(text, start))]
        if _ends(scope) or has_cue(scope, lx.STATUS_CUES["suspended"]):
            found.append(_Trigger(start, end, "other", word not in lx.PARTNERSHIP_LINK_SINGULARS, word))
        elif word in lx.PARTNERSHIP_LINK_SINGULARS and _DEFINITE_BEFORE.search(text[:start]) and _BEGAN.search(scope):
            found.append(_Trigger(start, end, "other", False, word))  # "The relationship began in 1995"
    return found


def _grows_into_another(text: str, trigger: _Trigger, single: bool) -> bool:
    """Is this the partnership another grows from? "Aus der Solidaritätspartnerschaft soll eine Städtepartnerschaft
    werden", "Die Freundschaft soll in eine Städtepartnerschaft münden": it exists, and it is a link of its own."""
    if single:
        return False
    goals = [t for t in _triggers(text) if _GROWS_INTO_BEFORE.search(text[max(0, t.start - 30) : t.start])]
    if goals and trigger not in goals:
        return True
    return bool(_GROWS_FROM_BEFORE.search(text[max(0, trigger.start - 40) : trigger.start]))


def _status(ctx: ArticleContext, info: SentenceInfo, trigger: _Trigger, single: bool) -> str | None:
    if _grows_into_another(info.text, trigger, single):
        clause = info.text[slice(*clause_of(info.text, trigger.start))]
        if not (has_cue(clause, lx.STATUS_CUES["suspended"]) or _ends(clause)):
            return "active"  # "Aus der Solidaritätspartnerschaft soll eine Städtepartnerschaft werden": it exists
    status = _stated_status(info, trigger, single)
    if status in (None, "formalized") and _dated_ahead(ctx, info, trigger):
        return "planned"  # "wird am Donnerstag unterzeichnet" in an article of the Monday before: not signed yet
    return status


def _dated_ahead(ctx: ArticleContext, info: SentenceInfo, trigger: _Trigger) -> bool:
    published = ctx.article.published
    if published is None or published.precision != "day":
        return False
    start, end = clause_of(info.text, trigger.start)
    return any(
        start <= d.start < end and d.value.precision == "day" and d.value.iso > published.iso for d in info.dates
    )


def _stated_status(info: SentenceInfo, trigger: _Trigger, single: bool) -> str | None:
    text = info.text
    start, end = clause_of(text, trigger.start)
    scopes = [text[start:end]] + ([text] if single else [])
    referring = trigger.word in lx.PARTNER_NOUNS and not _LINK_NOUN_AFTER.match(text[trigger.end :])
    # "die/ihre Städtepartnerschaft", "the/their twinning" without "neue/new": a link the text takes as existing
    existing = bool(_DEFINITE_LINK_BEFORE.search(text[max(start, trigger.start - 40) : trigger.start]))
    predicate = _PREDICATE_BEFORE.search(text[max(start, trigger.start - 40) : trigger.start]) or re.match(
        r"\s+(?:werden|sein|bleiben|geworden|gewesen)\b", text[trigger.end :]
    )
    if referring and not predicate:
        # "Dortmunds Partnerstadt", "Leeds' twin town Dortmund will host": the noun names the partner, the clause's
        # verb tells something else; only "künftige/nächste Partnerstadt" or an end says more
        clause = text[start:end]
        if has_cue(clause, lx.STATUS_CUES["suspended"]) or _ends(clause):
            return "suspended"
        return "planned" if _REFERRING_ADJ.search(text[: trigger.start]) else None
    for scope in scopes:
        if has_cue(scope, lx.STATUS_CUES["suspended"]) or _ends(scope):
            return "suspended"  # "will be ending the twinning arrangements": the decision to end counts
        if has_cue(scope, lx.STATUS_CUES["anniversary"]):
            return "active"  # "The 45th anniversary ... will be celebrated with a re-signing ceremony"
        if has_cue(scope, lx.STATUS_CUES["formalized"]) and has_cue(scope, lx.STATUS_CUES["renewed"]):
            return "active"  # "re-signed the sister city agreement": renewal of an existing partnership
        for status in ("planned", "formalized"):
            if status == "planned" and has_cue(scope, _ACTIVE_CUES) and not has_cue(scope, (r"\bsoll", r"\bwird\b")):
                continue
            if status == "planned" and existing and not has_cue(scope, _CREATION_CUES):
                continue  # "Die Städtepartnerschaft soll weiter gepflegt werden": a plan for a link that exists
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
        if not (start <= d.start < end) or (d.relative and not (signed and d.value.precision == "day")):
            continue  # "gestern besiegelt": a signing dated relative to the publication dates the partnership
        before = text[max(0, d.start - 25) : d.start]
        paused = _PAUSED_SINCE.search(text[max(0, d.start - 40) : d.start]) or _PAUSED_AFTER.match(text[d.end :])
        if re.match(lx.DURATION_AFTER, text[d.end :]) or paused:
            continue  # "45 Jahre" is a duration; "inactive since 2014" dates the pause, not the partnership
        if d.until is not None:
            continue  # "visited its friendship city from September 24 to 27": a span of days is a stay
        if _FOUNDED_AFTER.match(text[d.end :]):
            since = since or d.value  # "die 1990 geschlossene Städtepartnerschaft"
        elif _PLANNED_BY_BEFORE.search(before):
            planned_by = planned_by or DateValue(d.value.iso[:4], d.value.text, d.value.inferred)
        elif _SINCE_BEFORE.search(before) or d.value.precision == "day" or signed:
            since = since or d.value
    if since is None and end < len(text):
        # "the twinning link between the two towns, which dates back to 1979": the relative clause tells its age
        following_end = clause_of(text, end)[1]
        following = text[end:following_end]
        began = r"\b(?:dates back|seit|since|besteht|established|founded|began|begann|started|gegründet|begründet)\b"
        if not _triggers(following) and re.search(began, following):
            for d in info.dates:
                usable = not d.relative and d.value.precision != "day"
                if usable and end <= d.start < following_end and not re.match(lx.DURATION_AFTER, text[d.end :]):
                    since = d.value
                    break
    return since, planned_by


def _owns(text: str, ref: CityRef, trigger: _Trigger) -> bool:
    """Is the city a genitive right before the partnership word: "Kiels Partnerstadt", "Oxford’s twin city"?"""
    gap = text[ref.end : trigger.start]
    if re.match(r"^[’']s?\s+(?:[\w-]+\s+)?$", gap):
        return True
    possessive = ref.surface.endswith(("’s", "'s")) or _genitive(ref)
    return possessive and bool(re.match(r"^\s+(?:[\w-]+\s+)?$", gap))


def _aside(text: str, ref: CityRef) -> bool:
    """A city named for comparison or on the way, no party to a link: "Wie Hamburg pflegt auch Kiel ...", "reiste
    über Berlin in die Partnerstadt", "besuchten neben Hamburg auch die Partnerstadt"."""
    return bool(_ASIDE_BEFORE.search(text[max(0, ref.start - 25) : ref.start]))


def _segment(text: str, offset: int) -> tuple[int, int]:
    """The stretch between semicolons that holds the offset."""
    start = text.rfind(";", 0, offset) + 1
    end = text.find(";", offset)
    return start, end if end >= 0 else len(text)


def _councils(ctx: ArticleContext, info: SentenceInfo) -> list[CityRef]:
    """ "The Tulsa City Council voted to suspend its sister city relationship", "der Ludwigshafener Stadtrat": a
    city's council acts for the city, also where the council's name hides the city mention."""
    found = []
    for org in info.orgs:
        place = ctx.places.get(org.city) if org.city else None
        if place is None or not _COUNCIL.search(org.name):
            continue
        if not any(org.start <= r.start < org.end for r in info.refs):
            found.append(CityRef(org.start, org.end, org.name, place))
    return found


def _dateline(text: str, ref: CityRef) -> bool:
    """ "Erfurt - Ob Suhl und Kaluga ...": the city a news item is filed from opens the sentence before a dash."""
    return ref.start == 0 and bool(_DATELINE_AFTER.match(text[ref.end :]))


def _runs(text: str, refs: list[CityRef]) -> list[list[CityRef]]:
    """Coordinated lists of cities: "Karlsruhe and Ningbo", "New Taipei City in Taiwan, Liuzhou in China, ..."."""
    runs: list[list[CityRef]] = []
    for ref in refs:
        if runs and _LIST_GAP.match(text[runs[-1][-1].end : ref.start]):
            runs[-1].append(ref)
        else:
            runs.append([ref])
    return runs


def _run_at(runs: list[list[CityRef]], ref: CityRef) -> list[CityRef]:
    return next(run for run in runs if ref in run)


def _complement(text: str, trigger: _Trigger, refs: list[CityRef], runs: list[list[CityRef]]) -> list[CityRef]:
    """The cities named right after the partnership word: "Partnerstadt Nysa", "twin-town Ozyorsk", "Partnerkommune
    von Kronstadt", "twinning agreement with the city of Perm", "8 sister cities, which includes A, B, C"."""
    first = next((r for r in refs if r.start >= trigger.end), None)
    if first is None or not _COMPLEMENT_GAP.match(text[trigger.end : first.start]):
        return []
    run = _run_at(runs, first)
    return run[run.index(first) :]


def _with_after(text: str, complement: list[CityRef], refs: list[CityRef], runs: list[list[CityRef]]) -> list[CityRef]:
    """The cities after "with/mit" that follow the object of a linking verb: "to twin A with B"."""
    if not complement:
        return []
    follow = next((r for r in refs if r.start >= complement[-1].end), None)
    if follow is None:
        return []
    gap = text[complement[-1].end : follow.start]
    if not _WITH_GAP.match(gap) or not _COMPLEMENT_GAP.match(gap):
        return []
    run = _run_at(runs, follow)
    return run[run.index(follow) :]


def _included(text: str, complement: list[CityRef], refs: list[CityRef], runs: list[list[CityRef]]) -> list[CityRef]:
    """The list after "include"/"are"/"sind" when the complement is a possessor ("twin towns of Leeds include A, B")."""
    if len(complement) != 1:
        return []
    follow = next((r for r in refs if r.start >= complement[0].end), None)
    if follow is None or not _INCLUDE_GAP.match(text[complement[0].end : follow.start]):
        return []
    run = _run_at(runs, follow)
    return run[run.index(follow) :]


def _holders(
    ctx: ArticleContext, k: int, info: SentenceInfo, trigger: _Trigger, refs: list[CityRef], taken: set[int]
) -> list[str]:
    """Whose partner the complement is: the city or coordinated cities before the partnership word ("Bremens
    Partnerstädte", "Both Krasnodar and Nottingham are twinned with"), else the nearest city before it (the subject
    of "Doncaster is cutting ties with its twin-town Ozyorsk"), else the city an anaphoric subject ("Die Stadt",
    "it") takes up from the sentence before. Cities that are the complement of an earlier partnership word or only
    locate something ("bei St. Petersburg") hold nothing: "X ist Partnerkommune von A und pflegt eine
    Städtefreundschaft mit B" gives A's holder to B too."""
    text = info.text
    last_taken = max((r.end for r in refs if r.start in taken), default=0)
    if _PRONOUN_SUBJECT.search(text[last_taken : trigger.start]):
        taken = set()  # "... Partnerstadt Nysa, denn diese hatte mit den Partnerstädten A und B": Nysa holds A and B
    owner = [r for r in refs if r.end <= trigger.start and _owns(text, r, trigger)]
    if owner and owner[-1].start not in taken:
        return [owner[-1].place.name]  # "stellte in Kiels Partnerstadt Vaasa aus": the genitive holds it
    before = [
        r
        for r in refs
        if r.end <= trigger.start and r.start not in taken and not _LOCATOR_BEFORE.search(text[: r.start])
    ]
    if before and _POSSESSIVE_BEFORE.search(text[before[-1].end : trigger.start]):
        # "The Oxford delegation flew from London to its twin city Bonn": the subject's, not a city of a phrase
        bare = [r for r in before if not _PREPOSITION_BEFORE.search(text[max(0, r.start - 12) : r.start])]
        before = bare[-1:] or before
    if before:
        run = _run_at(_runs(text, before), before[-1])
        return [r.place.name for r in run]
    if k > 0 and _ANAPHOR.search(text[: trigger.start]):
        previous = ctx.sentences[k - 1].partner_refs()
        if previous:
            return [previous[0].place.name]
    return []


def _pairs(
    ctx: ArticleContext,
    k: int,
    info: SentenceInfo,
    trigger: _Trigger,
    partners: dict[str, set[str]] | None,
    previous: tuple[tuple[str, str], ...] = (),
) -> list[tuple[str, str]]:
    """The city pairs a partnership word links. With `partners` None only pairs whose two cities the sentence
    names; else also a city named alone with its partner from elsewhere in the article, and the focus pair."""
    text = info.text
    refs = sorted(
        [r for r in info.partner_refs() if not _dateline(text, r) and not _aside(text, r)] + _councils(ctx, info),
        key=lambda r: r.start,
    )
    # "Kiel and Vaasa are sister cities; Kiel is also twinned with Brest": a part after a semicolon is a statement of
    # its own when it names two cities itself
    segment = _segment(text, trigger.start)
    in_segment = [r for r in refs if segment[0] <= r.start < segment[1]]
    if len(in_segment) < len(refs) and len({r.place.name for r in in_segment}) >= 2:
        refs = in_segment
    names: list[str] = list(dict.fromkeys(r.place.name for r in refs))
    if _BOTH.search(text):
        if len(names) == 2:
            return [_pair(*names)]  # "Fujisawa has been Windsor's sister city ... between the two cities"
        if partners is not None and len(ctx.focus) == 2 and len(names) < 2:
            return [_pair(*ctx.focus)]  # "the link between the two towns"
    if len(names) >= 3 and _TRIPARTITE.search(text):
        return [_pair(a, b) for a, b in combinations(names[:3], 2)]
    direct = [r for r in refs if not r.derived]
    runs, all_runs = _runs(text, direct), _runs(text, refs)
    between = _BETWEEN.search(text)
    if between:
        inside = [r.place.name for r in refs if r.start >= between.end()]
        if len(inside) >= 2 and inside[0] != inside[1]:
            return [_pair(inside[0], inside[1])]  # "zwischen A und B"
    complement = _complement(text, trigger, direct, runs)
    partner = _with_after(text, complement, direct, runs)
    if partner:
        # "plans to twin Accrington with the Ukrainian city of Khust", "verbindet Jena mit Lviv"
        return list(dict.fromkeys(_pair(a.place.name, b.place.name) for a in complement for b in partner if a != b))
    if len(complement) >= 2 and _genitive(complement[0]):
        # "die anderen Partnerstädte Dortmunds, Leeds und Amiens": the possessor holds each town of the apposition
        return list(dict.fromkeys(_pair(complement[0].place.name, c.place.name) for c in complement[1:]))
    listed = _included(text, complement, direct, runs)
    if listed:
        # "The twin towns of Leeds include Dortmund and Lille": Leeds holds the listed cities
        return list(dict.fromkeys(_pair(complement[0].place.name, c.place.name) for c in listed))
    if complement:
        taken = {
            r.start for t in _triggers(text) if t.start < trigger.start for r in _complement(text, t, direct, runs)
        }
        holders = _holders(ctx, k, info, trigger, refs, taken)
        if not holders and taken:
            earlier = [t for t in _triggers(text) if t.start < trigger.start]
            holders = _holders(ctx, k, info, earlier[-1], refs, set())
        if not holders and partners is not None:
            holders = [h for h in (_only_partner(ctx, complement[0].place.name, partners),) if h]
            if any(c.place.name in holders for c in complement):
                return []  # "Die Partnerstädte von Münster und Bielefeld": whose partners, not which
        return list(dict.fromkeys(_pair(h, c.place.name) for h in holders for c in complement if h != c.place.name))
    withs = list(_WITH.finditer(text))
    if withs and len(names) >= 2:
        # "X is twinned with A and B" / "Dortmund hat Partnerschaften mit A, B und C": X pairs with each
        w = next((m for m in reversed(withs) if m.start() < trigger.start), withs[0])
        after = [r for r in direct if r.start > w.start()]
        before = [r for r in refs if r.end <= w.start()]
        if after and before:
            run = _run_at(runs, after[0])
            subjects = [r.place.name for r in _run_at(all_runs, before[-1]) if r in before]
            found = [_pair(s, c.place.name) for s in subjects for c in run[run.index(after[0]) :] if s != c.place.name]
            if found:
                return list(dict.fromkeys(found))
    if len(names) >= 2:
        a, b = runs[0][:2] if runs and len(runs[0]) == 2 and len(names) == 2 else (None, None)
        if a and b and b.end <= trigger.start and _AND_ONLY.match(text[a.end : b.start]):
            return [_pair(a.place.name, b.place.name)]  # "Żagań and Teltow have been sister cities"
        possessor = [r for r in refs if r.end <= trigger.start and _GENITIVE_BEFORE.match(text[r.end : trigger.start])]
        if possessor and len(names) == 2:
            return [_pair(*names)]  # "Fujisawa has been Windsor’s sister city"
        pairs = _pairs_of_pairs(text, runs)
        if pairs or len(runs) == 1 or any(len(run) >= 3 for run in runs):
            return pairs  # "Den Städten Borna, Delitzsch, Leipzig ... ihrer Partnerstädte": a list, no pair
        if len(names) == 2 and not trigger.plural:
            return [_pair(*names)]  # "Freiburg hat eine neue Partnerstadt: ... unterzeichneten in Lviv die Urkunde"
        return []
    if trigger.plural or partners is None:
        return []
    if len(names) == 1:
        other = _only_partner(ctx, names[0], partners)
        return [_pair(names[0], other)] if other else []
    if len(previous) == 1:
        return list(previous)  # "But hours after the invasion the arrangement was suspended": the pair just named
    return [_pair(*ctx.focus)] if _focus_is_a_pair(ctx, partners) else []


def _genitive(ref: CityRef) -> bool:
    """ "Dortmunds", "Kiels": a German genitive in -s of a name that does not end in s itself."""
    return not ref.derived and ref.surface.endswith("s") and not ref.place.name.endswith("s")


def _pairs_of_pairs(text: str, runs: list[list[CityRef]]) -> list[tuple[str, str]]:
    """ "Ob Suhl und Kaluga, Mühlhausen und Kronstadt oder Gera und Rostow am Don": a list of pairs."""
    out = []
    for run in runs:
        if len(run) < 4:
            continue
        groups: list[list[CityRef]] = [[run[0]]]
        for a, b in pairwise(run):
            if _AND_ONLY.match(text[a.end : b.start]):
                groups[-1].append(b)
            else:
                groups.append([b])
        if len(groups) >= 2 and all(len(g) == 2 for g in groups):
            out += [_pair(g[0].place.name, g[1].place.name) for g in groups]
    return out


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _only_partner(ctx: ArticleContext, city: str, partners: dict[str, set[str]]) -> str | None:
    """The partner of a city named alone: its one partner named elsewhere in the article, else the focus pair's."""
    known = partners.get(city, set())
    if len(known) == 1:
        return next(iter(known))
    if known:
        return None
    return ctx.other_focus(city) if _focus_is_a_pair(ctx, partners) else None


def _focus_is_a_pair(ctx: ArticleContext, partners: dict[str, set[str]]) -> bool:
    """The focus pair stands for "the partnership" unless the article names its cities with other partners only."""
    if len(ctx.focus) != 2:
        return False
    a, b = ctx.focus
    return b in partners.get(a, {b}) or not (partners.get(a) or partners.get(b))


def find_partnerships(ctx: ArticleContext) -> list[PartnershipMention]:
    named: dict[str, set[str]] = {}  # partners of each city where a sentence names both
    named_in: dict[int, set[tuple[str, str]]] = {}  # the pairs each sentence names
    for k, info in enumerate(ctx.sentences):
        if says_something(info.sentence):
            for trigger in (*_triggers(info.text), *_ending_links(info.text)):
                for a, b in _pairs(ctx, k, info, trigger, None):
                    named.setdefault(a, set()).add(b)
                    named.setdefault(b, set()).add(a)
                    named_in.setdefault(k, set()).add((a, b))
    found: list[PartnershipMention] = []
    for k, info in enumerate(ctx.sentences):
        if not says_something(info.sentence):
            continue
        triggers = [*_triggers(info.text), *_ending_links(info.text)]
        previous = tuple(sorted(named_in.get(k - 1, ())))
        for trigger in triggers:
            explicit = _status(ctx, info, trigger, single=len(triggers) == 1)
            since, planned_by = _dates(info, trigger, signed=explicit == "formalized")
            until = None
            if explicit == "suspended":
                # "wurde 2022 aufgekündigt", "suspended on 1 March 2022": a date without "seit/since" dates the decision
                until = _decision_date(info, trigger)
                since = since if since is None or until is None or since.iso != until.iso else None
            if explicit == "formalized" and since and ctx.year and int(since.iso[:4]) < ctx.year - 1:
                explicit = "active"  # "Die Partnerschaft wurde 1974 besiegelt": signed long ago, simply existing
            if planned_by and explicit is None:
                explicit = "planned"
            for pair in _pairs(ctx, k, info, trigger, named, previous):
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
                        trigger.type in ("other", "friendship")
                        and not _grows_into_another(info.text, trigger, len(triggers) == 1),
                        trigger.word in lx.PARTNERSHIP_LINK_WORDS or trigger.word == "link",
                        until,
                    )
                )
    return found


def _decision_date(info: SentenceInfo, trigger: _Trigger) -> DateValue | None:
    """The date in the trigger's clause that no "seit/since/established" claims for the link's beginning."""
    text = info.text
    start, end = clause_of(text, trigger.start)
    for d in info.dates:
        if not (start <= d.start < end) or (d.relative and d.value.precision != "day"):
            continue
        if re.match(lx.DURATION_AFTER, text[d.end :]) or _FOUNDED_AFTER.match(text[d.end :]):
            continue
        if _PAUSED_SINCE.search(text[max(0, d.start - 40) : d.start]) or _PAUSED_AFTER.match(text[d.end :]):
            return d.value  # "inactive since 2014", "seit Februar 2022 auf Eis": the pause began then
        if not _BEGUN_BEFORE.search(text[max(0, d.start - 25) : d.start]):
            return d.value
    return None
