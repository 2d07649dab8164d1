"""Within one article, many sentences tell the same fact: merge them into one record each.

- Partnerships: one per city pair and type. The status a cue states beats the default; among stated ones a
  suspension or an existence for years beats a signing, which beats a plan. An unqualified "Partnerschaft" or
  "friendship" of a pair that also has a specific partnership refers to it (its `since` is kept, and so is a
  suspension: "severed links with Krasnodar" ends the twinning); otherwise a vague link word ("links", "ties")
  takes the one specific type the article uses anywhere ("Grantham Twinning Association", "twin town"), and an
  unqualified "Partnerschaft" stays `other`.
  A planned partnership of a pair that already has another type grew from it.
- Visits: one per (origin, destination) and start; a trip inferred from a signing in person adds nothing when the
  text tells a trip of that pair anyway. Agreements: one per set of parties.
- Persons: spelling variants of one name merge (rapidfuzz), keeping the most specific post.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from rapidfuzz import fuzz

from twingraph.extract.agreements import AgreementMention
from twingraph.extract.partnerships import PartnershipMention
from twingraph.extract.persons import PersonMention
from twingraph.extract.visits import VisitMention
from twingraph.facts import Agreement, DateValue, Partnership, Visit

_STATUS_RANK = {"suspended": 4, "active": 3, "formalized": 2, "planned": 1}
_GENERIC = ("other", "friendship")


def _better_date(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if len(b.iso) > len(a.iso) and b.iso.startswith(a.iso) else a


def merge_partnerships(mentions: list[PartnershipMention], article_types: set[str]) -> list[Partnership]:
    groups: dict[tuple[tuple[str, str], str], list[PartnershipMention]] = defaultdict(list)
    vague: set[tuple[str, str]] = {m.cities for m in mentions if m.vague}
    vague -= {m.cities for m in mentions if m.type == "other" and not m.vague}
    for m in mentions:
        groups[(m.cities, m.type)].append(m)
    specific_by_pair: dict[tuple[str, str], list[str]] = defaultdict(list)
    for pair, type_ in groups:
        if type_ not in _GENERIC:
            specific_by_pair[pair].append(type_)
    merged: dict[tuple[tuple[str, str], str], Partnership] = {}
    for (pair, type_), group in groups.items():
        stated = [m for m in group if m.explicit]
        best = max(stated, key=lambda m: _STATUS_RANK[m.explicit or "active"]) if stated else group[0]
        status = best.explicit or "active"
        since = until = None
        planned_by = None
        for m in group:
            since = _better_date(since, m.since)
            until = _better_date(until, m.until)
            planned_by = planned_by or m.planned_by
        merged[(pair, type_)] = Partnership(
            cities=pair,
            type=type_,
            status=status,
            since=since if status != "planned" else None,
            until=until if status == "suspended" else None,
            planned_by=planned_by if status == "planned" else None,
            evidence=best.evidence,
        )
    # a link word ("links", "the twinning link") of a pair with no specific partnership takes the one type the article
    # names; an unqualified "Partnerschaft" stays `other`: the type comes from the word that states the link
    specific_types = {t for t in article_types if t not in _GENERIC}
    if len(specific_types) == 1:
        new_type = next(iter(specific_types))
        for (pair, type_), p in list(merged.items()):
            if type_ == "other" and not specific_by_pair.get(pair) and pair in vague:
                del merged[(pair, type_)]
                known = merged.get((pair, new_type))
                merged[(pair, new_type)] = replace(
                    known or p, type=new_type, since=_better_date(known.since if known else None, p.since)
                )
                specific_by_pair[pair].append(new_type)
    # generic words refer to the specific partnership of the same pair
    for (pair, type_), p in list(merged.items()):
        if type_ not in _GENERIC or not specific_by_pair.get(pair):
            continue
        grown = not any(m.generic for m in groups[(pair, type_)])
        if grown and all(merged[(pair, t)].status == "planned" for t in specific_by_pair[pair]):
            continue  # "Die Freundschaft soll in eine Städtepartnerschaft münden": a link of its own beside the plan
        targets = [merged[(pair, t)] for t in dict.fromkeys(specific_by_pair[pair])]
        target = max(targets, key=lambda t: t.status != "planned")
        if target.since is None and p.since is not None and target.status != "planned":
            target = merged[(pair, target.type)] = replace(target, since=p.since)
        if p.status == "suspended" and target.status != "suspended":
            merged[(pair, target.type)] = replace(target, status="suspended")  # "severed links with Krasnodar"
        if p.status == "suspended" and merged[(pair, target.type)].until is None and p.until is not None:
            merged[(pair, target.type)] = replace(merged[(pair, target.type)], until=p.until)
        del merged[(pair, type_)]
    out = list(merged.values())
    for i, p in enumerate(out):
        if p.status == "planned":
            roots = [q for q in out if q.cities == p.cities and q.type != p.type and q.status != "planned"]
            if roots:
                out[i] = replace(p, grew_from=roots[0].type)
    return out


def merge_visits(mentions: list[VisitMention]) -> list[Visit]:
    merged: list[Visit] = []
    told = {(m.visit.origin, m.visit.destination) for m in mentions if not m.by_signing}
    for m in mentions:
        if m.by_signing and (m.visit.origin, m.visit.destination) in told:
            continue  # "reiste am Montag nach Lviv ... unterzeichnete am Dienstag in Lviv": the same trip
        v = m.visit
        for i, known in enumerate(merged):
            if (known.origin, known.destination) != (v.origin, v.destination):
                continue
            if known.start and v.start and known.start.iso != v.start.iso:
                continue
            merged[i] = replace(
                known,
                start=known.start or v.start,
                end=known.end or v.end,
                size=known.size or v.size,
                members=tuple(dict.fromkeys(known.members + v.members)),
                planned=known.planned and v.planned,
                return_visit=known.return_visit or v.return_visit,
                evidence=known.evidence if known.size or not v.size else v.evidence,
            )
            break
        else:
            merged.append(v)
    return merged


def merge_agreements(mentions: list[AgreementMention]) -> list[Agreement]:
    merged: dict[frozenset[str], Agreement] = {}
    for m in mentions:
        key = frozenset(m.agreement.parties)
        known = merged.get(key)
        if known is None:
            merged[key] = m.agreement
        elif known.date is None and m.agreement.date is not None:
            merged[key] = replace(known, date=m.agreement.date)
    return list(merged.values())


def same_person(a: str, b: str) -> bool:
    """Spelling variants ("Mateusz Murawiecki" / "Morawiecki"), the same name with a middle part, and a surname
    alone after a title for the full name ("Mayor Cranley" / "John Cranley")."""
    if a == b:
        return True
    words_a, words_b = a.split(), b.split()
    if len(words_a) == 1 or len(words_b) == 1:
        return len(words_a) != len(words_b) and fuzz.ratio(words_a[-1], words_b[-1]) >= 88
    return words_a[0] == words_b[0] and fuzz.ratio(a, b) >= 88


def merge_persons(mentions: list[tuple[PersonMention, int]]) -> list[tuple[PersonMention, int, tuple[str, ...]]]:
    """(person, sentence index of first mention, aliases) with the most specific post of all mentions."""
    merged: list[tuple[PersonMention, int, list[str]]] = []
    for person, index in mentions:
        for k, (known, first_index, aliases) in enumerate(merged):
            if not same_person(known.name, person.name):
                continue
            if person.name != known.name and person.name not in aliases:
                aliases.append(person.name)
            better = known
            if known.role is None and person.role is not None:
                better = replace(person, name=known.name, of=known.of or person.of, city_hint=known.city_hint)
            if better.of is None and person.of is not None:
                better = replace(better, of=person.of, of_is_city=person.of_is_city)
            if better.of is None and better.city_hint is None and person.city_hint:
                better = replace(better, city_hint=person.city_hint)
            merged[k] = (better, first_index, aliases)
            break
        else:
            merged.append((person, index, []))
    return [(p, i, tuple(a)) for p, i, a in merged]
