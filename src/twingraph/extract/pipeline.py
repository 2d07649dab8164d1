"""The rule-based extractor: article -> context (sentences, cities, organizations, dates) -> relation rules ->
merge -> `FactSet`. Every fact keeps the sentence it comes from with its offsets in `article.text`."""

from __future__ import annotations

import re
from dataclasses import replace

from twingraph import __version__
from twingraph.extract import lexicon as lx
from twingraph.extract.agreements import find_agreements
from twingraph.extract.context import ArticleContext, build_context, names_its_city
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
        visit_mentions, planned_visits = find_visits(ctx)
        merged_visits = merge_visits(visit_mentions)
        persons = self._persons(ctx, merged_visits)
        partnerships = merge_partnerships(find_partnerships(ctx), _article_types(ctx))
        visits = [self._with_members(ctx, v, persons) for v in merged_visits]
        agreements = merge_agreements(find_agreements(ctx))
        partnerships = _dated_by_signing(partnerships, agreements)
        events = planned_visits + find_events(ctx)
        organizations = self._organizations(ctx, persons)
        persons = _of_as_named(persons, organizations)
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

    def _persons(self, ctx: ArticleContext, visits: list[Visit]) -> list[Person]:
        mentions: list[tuple[PersonMention, int]] = []
        for info in ctx.sentences:
            if info.sentence.heading and not info.text.endswith(":"):
                continue  # names in headlines and teasers without a sentence around them say nothing
            for p in find_persons(info.sentence, info.refs, info.orgs, ctx.language):
                mentions.append((p, info.sentence.index))
        persons: list[Person] = []
        titled = ctx.headline_official()  # the title's mayor: the body's first holder of the post without a town
        for p, index, aliases in merge_persons(mentions):
            of, role = p.of, p.role
            if of is None and titled and role == titled[0] and not p.city_hint:
                of, titled = titled[1], None
            if of == MUNICIPAL_OFFICE:
                of = f"{MUNICIPAL_OFFICE} {ctx.home}" if ctx.home else None
            s = ctx.sentences[index].sentence
            if of is None and p.city_hint == "leader":
                of = _delegation_origin(visits, s.start)  # "Unter der Leitung von ...": the guests' city
            elif of is None and p.city_hint:
                of = _hinted_city(ctx, p.city_hint)
            if role == lx.COUNTERPART_ROLE:
                # "auf Einladung ihres Amtskollegen Burkhard Jung": the partner city's holder of the same post
                official = next((q for q in reversed(persons) if q.of in ctx.places and q.role), None)
                if official is not None:
                    of, role = of or ctx.other_focus(official.of or ""), official.role
            if of is None and role and role not in lx.NATIONAL_ROLES:
                of = _definite_body(ctx, s.text, s.start)
            if of is None and p.role_text and p.role_text.lower() in lx.LOCAL_MAYOR_TITLES.get(ctx.language, ()):
                # "Oberbürgermeister Dieter Reiter" in a local paper: the home city's, or the town just spoken of
                of = ctx.recent_own_city(index) or ctx.home
            if p.city_hint and p.city_hint.startswith(("other:", "guests:")) and of == p.city_hint.split(":", 1)[1]:
                of = None  # a town's guest is not its official, nor the guests' host, whatever the fallbacks say
            if (role in lx.COUNCIL_ROLES or "council" in (p.role_text or "").lower()) and (
                of is None or of in ctx.places
            ):
                of = ctx.council_of(of, index) or of  # a councillor sits on the town's council the article names
            persons.append(
                Person(
                    name=p.name,
                    role=role,
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
        # "die GIZ" after "Deutsche Gesellschaft für internationale Zusammenarbeit (GIZ)": the short name of one body
        named = [o.name for info in ctx.sentences for o in info.orgs]
        acronyms = {m.group(1) for name in named for m in [_ACRONYM.search(name)] if m} | {_initials(n) for n in named}
        for info in ctx.sentences:
            if info.sentence.heading and not info.text.endswith(":"):
                continue  # headlines and teaser lines name bodies the article itself does not speak of
            for o in info.orgs:
                if o.name in acronyms:
                    continue
                key = _org_key(o.name)
                if key not in found:
                    found[key] = Organization(o.name, o.city, o.kind, info.evidence)
                elif "(" in o.name and "(" not in found[key].name:  # the form with its acronym names it best
                    found[key] = replace(found[key], name=o.name)
        city_names = set(ctx.places)
        for p in persons:
            if not p.of or _org_key(p.of) in found or not p.evidence:
                continue
            if p.of not in city_names and (p.of.startswith(MUNICIPAL_OFFICE) or _has_org_head(p.of)):
                city = ctx.home if p.of.startswith(MUNICIPAL_OFFICE) else None
                found[_org_key(p.of)] = Organization(p.of, city, None, p.evidence)
        short = _short_forms([o.name for o in found.values()])
        return [o for key, o in found.items() if key not in short]

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
        for info in ctx.sentences:
            for r in info.refs:
                if r.derived and not names_its_city(r.surface, info.text[r.end :]):
                    continue
                forms = mentions.setdefault(r.place.name, [])
                if r.surface not in forms:
                    forms.append(r.surface)
                evidence.setdefault(r.place.name, info.evidence)
        # A city no sentence names by itself (a person's post "of" it, an organization's seat) is evidenced by
        # the fact that names it.
        used: dict[str, Evidence | None] = {}
        for p in partnerships:
            for c in p.cities:
                used.setdefault(c, p.evidence)
        for v in visits:
            for c in (v.origin, v.destination):
                if c:
                    used.setdefault(c, v.evidence)
        for person in persons:
            if person.of:
                used.setdefault(person.of, person.evidence)
        for o in organizations:
            if o.city:
                used.setdefault(o.city, o.evidence)
        cities = []
        for name, place in ctx.places.items():
            if name not in mentions and name not in used:
                continue
            c = place.as_city(tuple(mentions.get(name, ())))
            cities.append(replace(c, evidence=evidence.get(name) or used.get(name)))
        return cities


_ACRONYM = re.compile(r"\(([^)]+)\)$")


def _initials(name: str) -> str:
    """ "European Union" -> "EU", "National Health Service" -> "NHS", "Cincinnati-Kharkiv Sister City Partnership"
    -> "CKSCP": the acronym a name is shortened to."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _org_key(name: str) -> str:
    """One body under its spellings: "Truro-Morlaix Twinning Association" = "Truro Morlaix ...", "X (swt)" = "X"."""
    return " ".join(re.sub(r"\s*\([^)]*\)\s*$", "", name).replace("-", " ").casefold().split())


def _short_forms(names: list[str]) -> dict[str, str]:
    """Keys of names that are another name without its last word, an English head noun ("Llandrindod Twinning" is
    the "Llandrindod Twinning Association" named elsewhere) -> the full name."""
    keys = {_org_key(n): n for n in names}
    out = {}
    for key, name in keys.items():
        short, _, head = key.rpartition(" ")
        if short and " " in short and head in lx.ORG_HEADS_EN and short in keys:
            out[short] = name
    return out


def _of_as_named(persons: list[Person], organizations: list[Organization]) -> list[Person]:
    """A person's body under the spelling the organization has ("Truro Morlaix Twinning Association" of a chair is
    the "Truro-Morlaix Twinning Association" named elsewhere): one body, not two."""
    named = {_org_key(o.name): o.name for o in organizations}
    named |= _short_forms([*named.values(), *(p.of for p in persons if p.of)])
    named |= {_initials(o.name): o.name for o in organizations if _initials(o.name)}  # "CKSCP President X"
    return [replace(p, of=named.get(_org_key(p.of), named.get(p.of, p.of))) if p.of else p for p in persons]


def _has_org_head(name: str) -> bool:
    """ "Director of Housing" names a field, "leader of Leeds City Council" a body: a body's name has a head noun."""
    words = name.lower().split()
    return any(w in lx.ORG_HEADS_EN for w in words) or any(h in name.lower() for h in lx.ORG_HEADS_DE)


# "Chairman X has been part of the association for two years": a body named by its head noun with a definite
# article stands for the article's one body of that kind.
_DEFINITE_BODY = re.compile(
    r"\b(?:the|der|des|dem|den|die)\s+(?P<head>association|society|club|committee|foundation|Vereins?|Stiftung"
    r"|Komitees?|Ausschuss(?:es)?)\b",
    re.IGNORECASE,
)


def _definite_body(ctx: ArticleContext, sentence: str, offset: int) -> str | None:
    """The organization a definite head noun in the sentence refers to: of the bodies of that kind named up to
    the sentence (at `offset` in the article), the home city's (a local paper's own association), else the last."""
    m = _DEFINITE_BODY.search(sentence)
    if m is None:
        return None
    stem = m.group("head").lower().rstrip("s")[:6]
    named = [o for info in ctx.sentences if info.sentence.start <= offset for o in info.orgs if stem in o.name.lower()]
    home = [o for o in named if ctx.home and o.city == ctx.home]
    chosen = (home or named)[-1:]
    return chosen[0].name if chosen else None


def _delegation_origin(visits: list[Visit], offset: int) -> str | None:
    """The origin of the visit told last before (or else first after) this offset: a delegation's home."""
    told = [v for v in visits if v.origin and v.evidence is not None]
    before = [v for v in told if v.evidence and (v.evidence.start or 0) <= offset]
    chosen = before[-1] if before else (told[0] if told else None)
    return chosen.origin if chosen else None


def _hinted_city(ctx: ArticleContext, hint: str) -> str | None:
    """The city a hint from the sentence points to: "country:UA" (the focus or most named city of that country),
    "other:X" (the partner of X in the article's focus pair), "partner" (the home city's), "leader" (no city in
    the sentence), or a city."""
    kind, _, value = hint.partition(":")
    if kind == "country":
        return ctx.focus_city_in(value) or ctx.most_mentioned_in(value)
    if kind in ("other", "guests"):  # a guest of X, the host of guests from X: X's partner
        return ctx.other_focus(value)
    if hint == "leader":
        return None
    if hint == "partner":
        return ctx.other_focus(ctx.home or "")
    return hint


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
