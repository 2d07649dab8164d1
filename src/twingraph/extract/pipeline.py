"""The rule-based extractor: article -> context (sentences, cities, organizations, dates) -> relation rules ->
merge -> `FactSet`. Every fact keeps the sentence it comes from with its offsets in `article.text`."""

from __future__ import annotations

import re
from dataclasses import replace

from twingraph import __version__
from twingraph.extract import lexicon as lx
from twingraph.extract.agreements import find_agreements
from twingraph.extract.context import ArticleContext, build_context
from twingraph.extract.events import find_events
from twingraph.extract.merge import merge_agreements, merge_partnerships, merge_persons, merge_visits
from twingraph.extract.partnerships import find_partnerships
from twingraph.extract.persons import MUNICIPAL_OFFICE, PersonMention, find_persons
from twingraph.extract.visits import find_visits
from twingraph.facts import Agreement, Article, City, Evidence, FactSet, Organization, Partnership, Person, Visit

_SPECIFIC_TYPE_WORDS = {
    "twinning": ("städtepartnerschaft", "partnerstadt", "twinning", "twinned", "twin town", "twin cities",
                 "sister cit", "sister town", "побратим"),
    "solidarity": ("solidaritätspartnerschaft",),
    "cooperation": ("угоду про співробітництво", "cooperation agreement", "kooperationsvereinbarung"),
}  # fmt: skip
# A twinning cue counts only when some word starts with a twinning stem, not when it sits inside a longer word.
_TWINNING_WORD = re.compile(r"(?<![\w’'-])[-’']*(?:städtepartner|partnerst|twin|sister|побратим)")


class RuleExtractor:
    """German and English (and minimal Ukrainian) news about town twinning -> facts, by rules and word tables."""

    name = "twingraph-rules"
    version = __version__

    def extract(self, article: Article) -> FactSet:
        ctx = build_context(article)
        persons = self._persons(ctx)
        partnerships = merge_partnerships(find_partnerships(ctx), _article_types(ctx))
        visit_mentions, planned_visits = find_visits(ctx)
        visits = [self._with_members(ctx, v, persons) for v in merge_visits(visit_mentions)]
        agreements = merge_agreements(find_agreements(ctx))
        partnerships = _dated_by_signing(partnerships, agreements)
        events = planned_visits + find_events(ctx)
        organizations = self._organizations(ctx, persons)
        cities = self._cities(ctx, partnerships, visits, persons, organizations)
        return FactSet(
            article=article,
            origin="extracted",
            extractor=self.name,
            extractor_version=self.version,
            cities=tuple(cities),
            organizations=tuple(organizations),
            persons=tuple(persons),
            partnerships=tuple(partnerships),
            visits=tuple(visits),
            agreements=tuple(agreements),
            events=tuple(events),
        )

    def _persons(self, ctx: ArticleContext) -> list[Person]:
        mentions: list[tuple[PersonMention, int]] = []
        for info in ctx.sentences:
            if info.sentence.heading and not info.text.endswith(":"):
                continue  # names in headlines and teasers without a sentence around them say nothing
            for p in find_persons(info.sentence, info.refs, info.orgs, ctx.language):
                mentions.append((p, info.sentence.index))
        persons: list[Person] = []
        for p, index, aliases in merge_persons(mentions):
            of = p.of
            if of == MUNICIPAL_OFFICE:
                of = f"{MUNICIPAL_OFFICE} {ctx.home}" if ctx.home else None
            if of is None and p.role in lx.CITY_HEAD_ROLES and p.city_hint:
                if p.city_hint.startswith("country:"):
                    code = p.city_hint.split(":", 1)[1]
                    of = ctx.focus_city_in(code) or ctx.most_mentioned_in(code)
                else:
                    of = p.city_hint
            if of is None and p.role_text and p.role_text.lower() in lx.LOCAL_MAYOR_TITLES.get(ctx.language, ()):
                of = ctx.home  # "Oberbürgermeister Dieter Reiter" in a local paper: the home city's
            s = ctx.sentences[index].sentence
            persons.append(
                Person(
                    name=p.name,
                    role=p.role,
                    role_text=p.role_text,
                    of=of,
                    aliases=aliases,
                    evidence=Evidence(s.text, s.start, s.end),
                )
            )
        return persons

    @staticmethod
    def _with_members(ctx: ArticleContext, visit: Visit, persons: list[Person]) -> Visit:
        if visit.evidence is None:
            return visit
        members = tuple(p.name for p in persons if p.name in visit.evidence.sentence)
        return Visit(**{**visit.__dict__, "members": members}) if members else visit

    @staticmethod
    def _organizations(ctx: ArticleContext, persons: list[Person]) -> list[Organization]:
        found: dict[str, Organization] = {}
        for info in ctx.sentences:
            if info.sentence.heading and not info.text.endswith(":"):
                continue  # headlines and teaser lines name bodies the article itself does not speak of
            for o in info.orgs:
                if o.name not in found:
                    found[o.name] = Organization(o.name, o.city, o.kind, info.evidence)
        city_names = set(ctx.places)
        for p in persons:
            if p.of and p.of not in city_names and p.of not in found and p.evidence:
                city = ctx.home if p.of.startswith(MUNICIPAL_OFFICE) else None
                found[p.of] = Organization(p.of, city, None, p.evidence)
        return list(found.values())

    @staticmethod
    def _cities(
        ctx: ArticleContext,
        partnerships: list,
        visits: list[Visit],
        persons: list[Person],
        organizations: list[Organization],
    ) -> list[City]:
        mentions: dict[str, list[str]] = {}
        evidence: dict[str, Evidence] = {}
        derived: dict[str, Evidence] = {}  # "Dortmunder" names no form of the city, but its sentence speaks of it
        for info in ctx.sentences:
            for r in info.refs:
                if r.derived:
                    derived.setdefault(r.place.name, info.evidence)
                    continue
                forms = mentions.setdefault(r.place.name, [])
                if r.surface not in forms:
                    forms.append(r.surface)
                evidence.setdefault(r.place.name, info.evidence)
        used = {c for p in partnerships for c in p.cities}
        used |= {c for v in visits for c in (v.origin, v.destination) if c}
        used |= {p.of for p in persons if p.of} | {o.city for o in organizations if o.city}
        cities = []
        for name, place in ctx.places.items():
            if name not in mentions and name not in used:
                continue
            c = place.as_city(tuple(mentions.get(name, ())))
            cities.append(replace(c, evidence=evidence.get(name) or derived.get(name)))
        return cities


def _dated_by_signing(partnerships: list[Partnership], agreements: list[Agreement]) -> list[Partnership]:
    """A partnership the text reports signed, without its own date, dates from the dated agreement of its pair."""
    out = []
    for p in partnerships:
        if p.status == "formalized" and p.since is None:
            signed = [a.date for a in agreements if a.date and set(p.cities) <= set(a.parties)]
            if signed:
                p = replace(p, since=signed[0])
        out.append(p)
    return out


def _article_types(ctx: ArticleContext) -> set[str]:
    """The specific partnership types the article's words name anywhere (headings and names included)."""
    text = " ".join(info.text.lower() for info in ctx.sentences)
    found = {t for t, cues in _SPECIFIC_TYPE_WORDS.items() if any(c in text for c in cues)}
    if "twinning" in found and not _TWINNING_WORD.search(text):
        found.discard("twinning")
    return found
