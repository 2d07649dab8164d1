"""Visits of delegations between cities, and trips that lie ahead without a fixed date (planned_visit events).

A clause with a visit word ("Delegation", "Besuch", "reiste", "visited", "guests") gives a visit when it names
where the group comes from ("aus Dortmund", "from Sankt Augustin", "eine Dortmunder Delegation",
"19 Dortmunderinnen und Dortmunder") or where it goes ("nach/in/to X", "in die Partnerstadt", "in die Ukraine").
The missing end is the other city of the article's focus pair; a sightseeing trip to a city outside the pair
("a trip to Hull") has no such end and gives nothing. "Gegenbesuch" is the reverse of the visit it answers;
"die Einladung aus Dortmund" makes Dortmund the host. Signings by video link are no visits. A trip told in the
future without fixed days is an event of kind planned_visit, not a visit; one that has begun ("arrived ... and will
stay until August") is a visit.

Ends also come from a city before a group word ("the McAllen delegation"), the host's town hall ("at the City Hall
of X", "im Rathaus von X"), a genitive before a partner-city noun ("Students from Windsor’s twin city" visit
Windsor) and "in der Stadt" of a local paper (its home city). Without a visit verb in the clause, only cities in the
phrase of a visit or traveller noun count ("Delegation aus X", "Students from X"). A signing in person in one city
of the pair ("unterzeichnete am Montag in Schytomyr den Vertrag") is a trip there from the other. An invitation to
visit ("lud ... zu einem Gegenbesuch ein") lies ahead, unless a clause of the sentence tells the trip going on;
day trips, excursions and "a visit to Trevaskis Farm" are stops during a visit, no trips between partners.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from twingraph.extract import lexicon as lx
from twingraph.extract.clauses import clauses, has_cue, last_part, says_something, words
from twingraph.extract.context import ArticleContext, SentenceInfo
from twingraph.extract.places import CityRef
from twingraph.facts import DateValue, Event, Visit
from twingraph.language.dates import NEXT_DAY, DateMention, day_after

_TOWN_WORDS = (
    r"city\s+of|town\s+of|(?:twin|sister|partner)\s+(?:town|city)(?:\s+(?:of|in))?|Stadt|Gemeinde|Partnerstadt|"
    r"Partnergemeinde|[A-ZÄÖÜ][\w-]*(?:’s|'s|s)"
)
# "from Windsor’s twin city in Fujisawa", "aus Dortmunds Partnerstadt": the possessor is not where the group is from.
_POSSESSOR_AFTER = re.compile(
    r"^(?:’s|'s|s)?\s+(?:[\w-]+\s+)?(?:(?:twin|sister|partner)\s*(?:city|town)|Partner(?:stadt|gemeinde))"
)
# "the McAllen delegation", "a Leeds group": a city before a group word is where the group comes from.
_GROUP_AFTER = re.compile(r"^\s+(?:delegation|group|party|visitors|contingent|team)\b")
# The host's town hall: "at San Luis Potosí’s City Hall", "im Rathaus von Zwickau", "Leeds Civic Hall".
_VENUE_AFTER = re.compile(r"^(?:’s|'s)?\s+(?:City\s+Hall|Town\s+Hall|Civic\s+Hall|Guildhall|Rathaus)\b")
_VENUE_BEFORE = re.compile(
    r"\b(?:Rathaus|Rathauses|City\s+Hall|Town\s+Hall|town\s+hall|city\s+hall)\s+(?:von\s+|of\s+|in\s+)?$"
)
# A visit to "the city" of a local paper is a visit to its home city: "hält sich ... in der Stadt auf".
_HOME_DEST = re.compile(r"\b(?:in\s+(?:der|unserer)\s+Stadt|in\s+(?:our|the)\s+city|to\s+(?:our|the)\s+city)\b")
_ORIGIN_BEFORE = re.compile(
    r"\b(?:aus|from)\s+(?:(?:der|dem|den|the|its|their|ihrer|seiner|"
    + _TOWN_WORDS
    + r"|[a-zäöü]+(?:en|er|e))\s+){0,3}$"
)
# "Representatives of Lublin", "Vertreter der Stadt Lublin": the members of a town's group come from it.
_MEMBERS_OF_BEFORE = re.compile(
    r"\b(?:[Rr]epresentatives?|[Dd]elegates?|[Dd]elegation|[Mm]embers|Vertreter(?:innen)?|Delegation|Abordnung)\s+"
    r"(?:of|von|der|des|aus\s+der)\s+(?:the\s+)?(?:(?:city|town)\s+of\s+|Stadt\s+|Gemeinde\s+)?$"
)
# "Die Oberbürgermeisterin von Herzliya ... besucht Leipzig", "the Mayor of Leeds travelled": the head of a city
# travels from it.
# "Jingzhou Mayor Wu Rui", "der Wandlitzer Bürgermeister": a city before the post of its head.
_HEAD_AFTER = re.compile(r"^\s+(?:(?:Lord|Deputy|Vice)\s+)?(?:Mayor|(?:Ober)?[Bb]ürgermeister(?:in)?)\b")
_HEAD_OF_BEFORE = re.compile(
    r"\b(?:(?:Ober)?[Bb]ürgermeister(?:in)?|Stadtpräsident(?:in)?|Landr(?:at|ätin)|(?:Lord\s+|Deputy\s+)?[Mm]ayor)"
    r"\s+(?:von|of|aus)\s+$"
)
_DEST_BEFORE = re.compile(
    r"\b(?:nach|to|in|ins|zu\s+Gast\s+in|visit|visited|visits|visiting|besuchte[n]?|besucht)\s+(?:(?:der|die|dem|den|the|its|their|"
    + _TOWN_WORDS
    + r"|[a-zäöü]+(?:en|er|e|es))\s+){0,3}$"
)
# The object of a visiting verb, after an adverbial of time: "besuchten am Montag die ukrainische Partnerstadt".
_VISITED_BEFORE = re.compile(
    r"\b(?:visited|visiting|besuchten|besuchte|besucht|besuchen|stattete|statteten)\s+(?:(?:am|on|last|this|gestern"
    r"|heute|yesterday"
    r"|today)\s+(?:[A-ZÄÖÜa-zäöü]+\s+)?)?(?:(?:[a-zäöüß]+|" + _TOWN_WORDS + r")\s+){0,3}$"
)
# What joins cities of one list: "aus Freiburg und Tübingen", "from Kirkcaldy, Manisa and Ingolstadt".
_COORDINATED = re.compile(r"^\s*(?:,\s*(?:and\s+|und\s+)?|und\s+|and\s+|sowie\s+|&\s*)$")
# Verbs of a host: the head of a city who receives a group stays at home.
_HOSTING_VERBS = (r"\bempf(?:ing|ingen|ängt|angen)\b", r"\bbegrüßte[n]?\b", r"\bwelcom(?:ed|es)\b", r"\breceived\b",
                  r"\bhosted\b", r"\bgreeted\b")  # fmt: skip
_INVITATION_BEFORE = re.compile(r"\b(?:Einladung|invitation)\s+(?:aus|from|der\s+Stadt|of)\s+(?:\w+\s+){0,2}$")
_COUNTRY_DEST = re.compile(r"\b(?:nach|in\s+die|in\s+den|ins|to)\s+$")
_PARTNER_DEST = re.compile(
    r"\b(?:in\s+die|die|the|to\s+the)\s+(?:\w+\s+)?(?:Partnerstadt|partner\s+city|twin\s+town)\b"
)
_VIDEO = re.compile(r"\b(?:video|Video|online|Online|відеозв)", re.IGNORECASE)
# Clauses that tell no single trip: a possibility or a standing welcome, a habit over the years, a move to live
# somewhere, flight, or how long a journey takes.
_NO_TRIP = re.compile(
    r"\b(?:können|kann|könnten|dürfen|can|could|(?-i:may)|always|immer|jederzeit|welcome|willkommen(?!\s+geheißen)"
    r"|over\s+the\s+years|every\s+year|each\s+year|regularly|jedes\s+Jahr|jährlich|regelmäßig|immer\s+wieder"
    r"|lebt|leben|lebte|lived|lives|moved|zog|umgezogen|emigrat\w*|settled|fled|geflohen|geflüchtet|refugees?"
    r"|Flüchtling\w*|Geflüchtete\w*|dauert|dauern|takes)\b",
    re.IGNORECASE,
)
_ON_THE_WAY = re.compile(r"\b(?:über|via|neben|[Bb]esides|außer|stopped\s+(?:off\s+)?in|Zwischenstopp\s+in)\s+$")
# "spent four days in Itzehoe": a stay of days in a town is a visit there (money spent is not).
_STAY = re.compile(
    r"\b(?:spent|verbrachte|verbrachten)\s+(?:\w+\s+){0,2}(?:days?|nights?|weeks?|weekend|Tage|Woche|Wochen|"
    r"Wochenende|Nächte)\s+(?:in|at)\b"
)
_STAY_VERBS = ("spent", "verbrachte", "verbrachten")
_ANAPHORIC_START = re.compile(r"^(?:Aus diesem Anlass|Dabei|Bei dieser Gelegenheit|On this occasion|During)\b")
_SIZE_PATTERNS = (
    re.compile(r"\b(?P<n>\d+)-köpfige"),
    re.compile(r"\b(?P<w>[a-zäöü]+)köpfige", re.IGNORECASE),
    re.compile(r"\b(?P<n>\d+)\s+(?:" + "|".join(lx.SIZE_NOUNS) + r")\b", re.IGNORECASE),
    re.compile(r"\b(?:delegation|group)\s+of\s+(?P<n>\d+)\b", re.IGNORECASE),
    re.compile(r"\b(?:delegation|group)\s+of\s+(?P<w>[a-z]+)\b", re.IGNORECASE),
    re.compile(r"\b(?P<n>\d+)-(?:strong|member)\b", re.IGNORECASE),
)
# A count written as a word before the travellers: "Nineteen students", "zwölf Schülerinnen".
_COUNTED_GROUP = re.compile(
    r"\b(?P<w>[A-Za-zäöüß]+)\s+(?:"
    + "|".join(sorted(lx.SIZE_NOUNS | lx.TRAVELLER_NOUNS | {"schülerinnen", "pupils", "students"}))
    + r")\b",
    re.IGNORECASE,
)
_VISIT_TO_NAME = re.compile(r"\b(?:visit|trip|tour)s?\s+to\s+(?:the\s+)?([A-Z])")
_LOCATES_PREVIOUS = re.compile(r"^(?:\s+(?:in|im|bei|near|nahe)\s+(?:the\s+|der\s+)?|,\s*)$")
# Where a signing took place: "in Schytomyr", "im Rathaus von Schowkwa", "at the City Hall of X", "at X Town Hall".
_SIGNED_IN = re.compile(
    r"\b(?:in|im|at)\s+(?:(?:the\s+)?(?:Rathaus|City\s+Hall|Town\s+Hall|Guildhall)\s+(?:von\s+|of\s+|in\s+)?)?$"
)
_ATTACHED_AFTER = 50  # characters from a visit noun to a city in its phrase: "Gruppe aus Zwickau"
_ATTACHED_BEFORE = 30  # "eine elfköpfige Dortmunder Delegation"
_ATTENDED = re.compile(r"\b(?:attended by|nahmen\b.*\bteil)\b", re.IGNORECASE)


@dataclass(frozen=True)
class VisitMention:
    visit: Visit
    sentence_index: int
    by_signing: bool = False  # inferred from a signing in person: the trip itself may be told elsewhere


_NOT_TRIPS = ("preise", "zufahrt", "einfahrt", "ausfahrt", "auffahrt", "vorfahrt", "durchfahrt", "schifffahrt",
              "luftfahrt", "raumfahrt", "wallfahrt")  # fmt: skip


@lru_cache(maxsize=16384)
def _is_trigger(word: str) -> bool:
    head = last_part(word)
    return (
        word in lx.VISIT_NOUNS
        or word in lx.VISIT_VERBS
        or head in ("fahrt", "reise", "besuch", "delegation")
        or word.endswith(("delegation", "delegationen", "besuch", "besuchs", "besuches"))
        # German compounds of a trip: "Bürgerreise", "Partnerschaftsfahrt" (not "Preise", "Zufahrt")
        or (word.endswith(("reise", "fahrt")) and not word.endswith(_NOT_TRIPS))
    )


def _size(text: str, refs: list[CityRef], offset: int) -> int | None:
    for ref in refs:  # "19 Dortmunderinnen und Dortmunder"
        m = (
            re.search(r"\b(\d+)\s+$", text[max(0, ref.start - offset - 8) : ref.start - offset])
            if ref.derived
            else None
        )
        if m:
            return int(m.group(1))
    for pattern in _SIZE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        if m.groupdict().get("n"):
            n = int(m.group("n"))
        else:
            word = m.group("w").lower()
            n = lx.NUMBER_WORDS.get(word, 0)
        if 1 < n < 1000:
            return n
    for m in _COUNTED_GROUP.finditer(text):  # "Nineteen students from Misono", "zwölf Schülerinnen und Schüler"
        n = lx.NUMBER_WORDS.get(m.group("w").lower(), 0)
        if 1 < n < 1000:
            return n
    return None


def _attached(ref: CityRef, nouns: list[tuple[int, int]], offset: int) -> bool:
    """Is the city within the phrase of a visit noun: "Delegation aus Dortmund", "die Dortmunder Delegation"?"""
    return any(
        0 <= ref.start - (offset + b) <= _ATTACHED_AFTER or 0 <= (offset + a) - ref.end <= _ATTACHED_BEFORE
        for a, b in nouns
    )


def _ends(
    ctx: ArticleContext, info: SentenceInfo, start: int, end: int, near: list[tuple[int, int]] | None = None
) -> tuple[str | None, str | None, bool, tuple[str, ...]]:
    """(origin, destination, explicit, co-origins) named in the clause text[start:end]. Without a visit verb in the
    clause (`near`: the spans of its visit nouns), only cities in the phrase of a visit noun count: in "die Bigband
    der Musikschule aus De Bilt verwöhnte die Ohren der Gäste" De Bilt is where the band is from, not the guests.
    A group "aus X" outranks the head of a city: "Der Bürgermeister von Kiel empfing eine Delegation aus Vaasa" is
    a trip to Kiel; cities coordinated with the origin ("Vertreter aus Freiburg und Tübingen") travel together."""
    text = info.text
    origin = destination = head = None
    origin_ref: CityRef | None = None
    refs: list[CityRef] = [r for r in info.partner_refs() if start <= r.start < end]
    if near is not None:
        refs = [r for r in refs if _attached(r, near, start)]
    # "40 guests from Granville in Normandy", "Kanazawa, Japan": a place right after a city locates it, unless a
    # list goes on after it ("Lublin, Vilnius and Kaunas")
    listed = {p.start for p, q in pairwise(refs) if _COORDINATED.match(text[p.end : q.start])}
    refs = [
        r
        for r in refs
        if r.start in listed
        or not any(_LOCATES_PREVIOUS.match(text[p.end : r.start]) for p in refs if p.end <= r.start)
    ]
    # a stop on the way or beside the destination is no end of the trip: "über Berlin", "neben Hamburg"
    refs = [r for r in refs if not _ON_THE_WAY.search(text[max(start, r.start - 25) : r.start])]
    co_origins: list[str] = []
    for ref in refs:
        before = text[max(start, ref.start - 45) : ref.start]
        after = text[ref.end : ref.end + 30]
        if not ref.derived and _POSSESSOR_AFTER.match(after):
            continue  # the partner city named after it, or the other city of the focus pair, is meant
        hosting = _VENUE_AFTER.match(after) or _VENUE_BEFORE.search(before)
        if _INVITATION_BEFORE.search(before) or (not ref.derived and hosting):
            destination = destination or ref.place.name
        elif not ref.derived and (_GROUP_AFTER.match(after) or _ORIGIN_BEFORE.search(before)):
            if origin is None:
                origin, origin_ref = ref.place.name, ref
        elif (not ref.derived and (_HEAD_OF_BEFORE.search(before) or _MEMBERS_OF_BEFORE.search(before))) or (
            _HEAD_AFTER.match(after)
        ):
            if head is None:  # the group or head of a town: its origin unless a guest "from X" is named
                head, origin_ref = ref.place.name, (origin_ref or ref)
        elif origin_ref is not None and _COORDINATED.match(text[origin_ref.end : ref.start]):
            origin_ref = ref  # "aus Freiburg und Tübingen": the next city of the list travels too
            co_origins.append(ref.place.name)
        elif not ref.derived and (
            _DEST_BEFORE.search(before) or _VISITED_BEFORE.search(text[max(start, ref.start - 80) : ref.start])
        ):
            destination = destination or ref.place.name
        elif ref.derived and origin is None:
            following = [w for _, _, w in words(text[ref.end : ref.end + 40]) if w not in ("und", "and")][:2]
            if following and (_is_trigger(following[0]) or (len(following) > 1 and _is_trigger(following[1]))):
                origin = ref.place.name
    for org in info.orgs:
        from_org = re.search(r"\b(?:from|aus)\s+(?:the\s+|dem\s+|der\s+)?$", text[max(0, org.start - 12) : org.start])
        if start <= org.start < end and org.city and origin is None and from_org:
            origin = org.city
    possessors = [r for r in refs if not r.derived and _POSSESSOR_AFTER.match(text[r.end : r.end + 30])]
    if possessors and _ORIGIN_BEFORE.search(text[max(start, possessors[0].start - 45) : possessors[0].start]):
        # "Students from Windsor’s twin city in Fujisawa", "Gäste aus Dortmunds Partnerstadt" visit the possessor
        destination = destination or possessors[0].place.name
        origin = origin or ctx.other_focus(possessors[0].place.name)
    if head and origin is None:
        origin = head  # "the Mayor of Leeds travelled to Dortmund"
    elif head and destination is None and head != origin and has_cue(text[start:end], _HOSTING_VERBS):
        destination = head  # "Der Bürgermeister von Kiel empfing eine Delegation aus Vaasa"
        co_origins = []
    if destination is None and ctx.home and _HOME_DEST.search(text[start:end]):
        destination = ctx.home
    explicit = origin is not None or destination is not None
    if destination is None:
        for c_start, _c_end, code in info.countries:
            if start <= c_start < end and _COUNTRY_DEST.search(text[max(0, c_start - 10) : c_start]) and origin:
                destination = ctx.focus_city_in(code)
    if origin and destination is None:
        destination = ctx.other_focus(origin)
    elif destination and origin is None:
        origin = ctx.other_focus(destination)
    if origin == destination or destination in co_origins:
        return None, None, False, ()
    return origin, destination, explicit, tuple(c for c in co_origins if c not in (origin, destination))


def _attendance(ctx: ArticleContext, info: SentenceInfo) -> tuple[str, str] | None:
    """ "the meeting took place in Berlin, which was attended by the heads of ... Chortkiv, ...": a trip there."""
    m = _ATTENDED.search(info.text)
    if not m:
        return None
    venue = next((r for r in info.partner_refs() if r.start < m.start() and not r.derived), None)
    guest = next((r for r in info.partner_refs() if r.start > m.end() and not r.derived), None)
    if venue and guest and venue.place.name != guest.place.name:
        return guest.place.name, venue.place.name
    return None


@lru_cache(maxsize=256)
def _ongoing(text: str) -> bool:
    """Does a clause of the sentence tell a trip that is going on, without a future cue: "wird sich eine Delegation
    aus X, welche noch bis 13. September Wiesbaden besucht, austauschen" is a visit, not a plan."""
    for start, end in clauses(text):
        clause = text[start:end]
        present = any(w in lx.ONGOING_VISIT_VERBS for _, _, w in words(clause))
        if present and not has_cue(clause, lx.FUTURE_CUES) and not has_cue(clause, lx.INVITATION_CUES):
            return True
    return False


def _sightseeing(info: SentenceInfo, start: int, end: int) -> bool:
    """Stops during a visit, not trips between partners: day trips and excursions, a visit to a named place that
    is no city ("a visit to Trevaskis Farm")."""
    clause = info.text[start:end]
    if has_cue(clause, lx.SIGHTSEEING_CUES):
        return True
    cities = {r.start for r in info.refs}
    return any(start + m.start(1) not in cities for m in _VISIT_TO_NAME.finditer(clause)) and not any(
        start <= r.start < end for r in info.partner_refs()
    )


def _signing_in_person(ctx: ArticleContext, info: SentenceInfo, start: int, end: int) -> Visit | None:
    """ "Westphal unterzeichnete am Montag in Schytomyr den Vertrag": a signing in one city of the pair is a trip
    there from the other (signings by video link never reach here)."""
    clause = info.text[start:end]
    if not has_cue(clause, lx.SIGNING_CUES) or has_cue(clause, lx.FUTURE_CUES):
        return None
    for ref in info.partner_refs():
        before = info.text[max(start, ref.start - 25) : ref.start]
        at_hall = _VENUE_AFTER.match(info.text[ref.end : ref.end + 30]) and _SIGNED_IN.search(before)
        if start <= ref.start < end and not ref.derived and (_SIGNED_IN.search(before) or at_hall):
            origin = ctx.other_focus(ref.place.name)
            if origin:
                dates = [d for d in info.dates if start <= d.start < end]
                first = dates[0] if dates else None
                return Visit(origin, ref.place.name, start=first.value if first else None, evidence=info.evidence)
    return None


def _after_publication(ctx: ArticleContext, start: DateValue | None) -> bool:
    """A trip dated after the article appeared is scheduled, not reported ("Im Mai reist eine Delegation")."""
    published = ctx.article.published
    return bool(start and published and start.iso[: len(published.iso)] > published.iso[: len(start.iso)])


def find_visits(ctx: ArticleContext) -> tuple[list[VisitMention], list[Event]]:
    visits: list[VisitMention] = []
    planned: list[Event] = []
    for k, info in enumerate(ctx.sentences):
        if not says_something(info.sentence) or _VIDEO.search(info.text):
            continue
        text = info.text
        attendance = _attendance(ctx, info)
        if attendance:
            visit = Visit(attendance[0], attendance[1], evidence=info.evidence)
            visits.append(VisitMention(visit, info.sentence.index))
            continue
        sentence_visits: list[Visit] = []
        for start, end in clauses(text):
            clause = text[start:end]
            tokens = words(clause)
            triggers = [w for _, _, w in tokens if _is_trigger(w) or (w in _STAY_VERBS and _STAY.search(clause))]
            generic = [w for _, _, w in tokens if w in lx.GENERIC_VISIT_PLURALS]
            if (triggers or generic) and _sightseeing(info, start, end):
                continue  # "a number of day trips, including to Niagara Falls", "a visit to Trevaskis Farm"
            if not triggers and not generic:
                signing = _signing_in_person(ctx, info, start, end)
                if signing:
                    visits.append(VisitMention(signing, info.sentence.index, by_signing=True))
                continue
            dates = [d for d in info.dates if start <= d.start < end]
            future = (
                has_cue(clause, lx.FUTURE_CUES)
                or has_cue(clause, lx.INVITATION_CUES)
                or any(_after_publication(ctx, d.value) for d in dates)
            )
            if future and (any(w in lx.PAST_VISIT_VERBS for _, _, w in tokens) or _ongoing(text)):
                future = False  # "arrived on July 22 and will stay until August": the trip has begun
            # "am Donnerstag" in a dated article is a fixed day as much as "am 11. Mai"
            day_dates = [d for d in dates if d.value.precision == "day"]
            if future and not day_dates:
                date = dates[0].value if dates else None
                planned.append(Event("planned_visit", clause.strip(), date, evidence=info.evidence))
                break
            if not triggers:
                continue
            if not day_dates and _NO_TRIP.search(clause):
                continue  # "Besucher aus Kiel können ... besuchen", "have visited over the years", "lebt seither dort"
            returning = any(w in lx.RETURN_VISIT_WORDS for w in triggers)
            answered = returning and any(w not in lx.RETURN_VISIT_WORDS for w in triggers)
            verbs = [w for w in triggers if (w in lx.VISIT_VERBS or w in _STAY_VERBS) and w not in lx.VISIT_NOUNS]
            near = None if verbs else [(a, b) for a, b, w in tokens if _is_trigger(w) or w in lx.TRAVELLER_NOUNS]
            origin, destination, explicit, co_origins = _ends(ctx, info, start, end, near)
            if returning and not explicit and sentence_visits:
                previous = sentence_visits[-1]
                origin, destination = previous.destination, previous.origin
            elif not explicit and _PARTNER_DEST.search(clause) and sentence_visits:
                continue
            if not origin or not destination:
                continue
            if not dates and k and _ANAPHORIC_START.search(text):
                dates = [d for d in ctx.sentences[k - 1].dates if not d.relative]
            told = [d for j in range(max(0, k - 2), k) for d in ctx.sentences[j].dates if d.value.precision == "day"]
            if not dates and told and NEXT_DAY.search(clause):
                following = day_after(told[-1].until or told[-1].value)
                dates = [DateMention(start, start, following)] if following else []
            first = dates[0] if dates else None
            visit = Visit(
                origin,
                destination,
                start=first.value if first else None,
                end=first.until if first else None,
                size=_size(clause, [r for r in info.refs if start <= r.start < end], start),
                planned=future,
                return_visit=returning and not answered,
                evidence=info.evidence,
            )
            sentence_visits.append(visit)
            sentence_visits += [replace(visit, origin=c, size=None) for c in co_origins]  # a joint delegation
            if answered:  # "nach dem ersten Besuch aus Dortmund in Schytomyr ... einen Gegenbesuch": both ways
                sentence_visits.append(Visit(destination, origin, return_visit=True, evidence=info.evidence))
        visits.extend(VisitMention(v, info.sentence.index) for v in sentence_visits)
    return visits, planned
