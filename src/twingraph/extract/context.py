"""What every relation rule needs to know about one article, computed once.

Sentences with their city references, organizations and dates; the article's home city (the most mentioned city
of the language's own country: a German article's Dortmund) and its focus pair (the two cities the article is
about), which resolve "die Partnerstadt", "beider Städte", "the two towns" and "in die Ukraine".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from twingraph.extract import lexicon as lx
from twingraph.extract.organizations import OrgMention, find_organizations
from twingraph.extract.persons import name_spans
from twingraph.extract.places import CityRef, find_city_refs, find_countries
from twingraph.extract.sentences import Sentence, split_sentences
from twingraph.facts import Article, Evidence
from twingraph.gazetteer import Place, gazetteer
from twingraph.language.dates import DateContext, DateMention, find_dates
from twingraph.language.detection import detect_language as guess_language

_LANGUAGE_COUNTRIES = {"de": {"DE", "AT", "CH"}, "en": {"GB", "US", "IE"}, "uk": {"UA"}}
_CYRILLIC = re.compile(r"[А-Яа-яІіЇїЄєҐґ]")
_FOUNDING = re.compile(r"\b(?:seit|since|begründet|gegründet|established|dates back|abschlossen)\b", re.IGNORECASE)
_PLANNED_ANCHOR = re.compile(r"\b(?:geplant|voraussichtlich|soll|will|planned|expected)", re.IGNORECASE)


@dataclass
class SentenceInfo:
    sentence: Sentence
    refs: list[CityRef]  # offsets relative to the sentence
    orgs: list[OrgMention]
    dates: list[DateMention]
    countries: list[tuple[int, int, str]]

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def evidence(self) -> Evidence:
        s = self.sentence
        return Evidence(s.text, s.start, s.end)

    def partner_refs(self) -> list[CityRef]:
        """Cities that may be partners, origins or destinations: not merely locating something."""
        return [r for r in self.refs if not r.locating]


@dataclass
class ArticleContext:
    article: Article
    language: str
    sentences: list[SentenceInfo]
    places: dict[str, Place] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    home: str | None = None
    focus: tuple[str, ...] = ()
    year: int | None = None  # the year the article speaks from (publication, else inferred)

    def other_focus(self, city: str) -> str | None:
        """The other city of the focus pair."""
        if len(self.focus) == 2 and city in self.focus:
            return self.focus[1] if self.focus[0] == city else self.focus[0]
        return None

    def focus_city_in(self, country: str) -> str | None:
        return next((c for c in self.focus if self.places[c].country == country), None)

    def council_of(self, city: str | None, index: int) -> str | None:
        """The council the article names for `city`; without a city, the council named last in sentence `index`
        or the one before it (an article about several towns speaks of each town's council in turn), else the
        article's only council.

        A councillor's post is the council's: "Douglas Councillor Stephen Pitts" sits on Douglas Borough Council."""
        councils = [o for info in self.sentences for o in info.orgs if _is_council(o)]
        if city is not None:
            return next((o.name for o in councils if o.city == city), None)
        near = [o for info in self.sentences[max(0, index - 1) : index + 1] for o in info.orgs if _is_council(o)]
        if near:
            return near[-1].name
        names = {o.name for o in councils}
        return names.pop() if len(names) == 1 else None

    def recent_own_city(self, index: int, window: int = 2) -> str | None:
        """The city of the article's own country named last in the `window` sentences before sentence `index`:
        whose "Oberbürgermeister" a local paper means when it goes from town to town ("... Stadtverwaltung
        Mühlhausen ... Oberbürgermeister Johannes Bruns")."""
        own = _LANGUAGE_COUNTRIES.get(self.language, set())
        for info in reversed(self.sentences[max(0, index - window) : index]):
            # a town named in passing ("gemeinsam mit Lüdinghausen") is not one the article speaks of
            named = [
                r for r in info.refs if not r.locating and r.place.country in own and self.counts[r.place.name] > 1
            ]
            if named:
                return named[-1].place.name
        return None

    def headline_official(self) -> tuple[str, str] | None:
        """The post and town of the mayor the title names ("Bürgermeisterin von Herzliya besucht Leipzig", "Lviv
        mayor visits Leeds"): the first holder of that post the body names without a town is that one."""
        title = self.sentences[0] if self.sentences and self.sentences[0].sentence.heading else None
        if title is None:
            return None
        for m in _CITY_HEAD_WORD.finditer(title.text):
            for r in title.refs:
                if r.derived or r.locating:
                    continue
                before = title.text[r.end : m.start()]
                after = title.text[m.end() : r.start]
                if re.fullmatch(r"(?:[’']?s)?\s+", before) or re.fullmatch(r"\s+(?:von|aus|of|from)\s+", after):
                    return lx.ROLE_WORDS[m.group().lower()], r.place.name
        return None

    def most_mentioned_in(self, country: str) -> str | None:
        ranked = [c for c, _ in self.counts.most_common() if self.places[c].country == country]
        return ranked[0] if ranked else None


_CITY_HEAD_WORD = re.compile(
    r"\b(?:"
    + "|".join(sorted((w for w, r in lx.ROLE_WORDS.items() if r in lx.CITY_HEAD_ROLES), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def _is_council(org: OrgMention) -> bool:
    """ "Leeds City Council", "Rat der Stadt Leipzig", "Stadtrat Suhl": a town's elected body."""
    words = org.name.lower().split()
    return org.kind == "council" or "council" in words or (bool(words) and words[0].endswith("rat"))


def detect_language(article: Article) -> str:
    """The article's language as the reader gave it, else guessed from the text."""
    if article.language:
        return article.language
    return guess_language(article.text) or "de"


def build_context(article: Article) -> ArticleContext:
    language = detect_language(article)
    sentences = split_sentences(article.text, language)
    year = _reference_year(article, sentences)
    date_ctx = DateContext(published=article.published, year=year)
    infos: list[SentenceInfo] = []
    places: dict[str, Place] = {}
    counts: Counter[str] = Counter()
    found_refs: list[list[CityRef]] = []
    for s in sentences:
        persons = name_spans(s.text)
        # a name wins over a city word inside it ("Pia" Findeiß), a city over a name it spans ("Newton Abbot"),
        # a city of several words over any name that overlaps it ("San Luis Potosí Interim Mayor ...")
        found_refs.append([r for r in find_city_refs(s.text) if not any(_name_hides_city(r, a, b) for a, b in persons)])
    for s, refs in zip(sentences, _one_sense_per_article(sentences, found_refs), strict=True):
        infos.append(SentenceInfo(s, refs, [], find_dates(s.text, date_ctx), find_countries(s.text)))
        for r in refs:
            places.setdefault(r.place.name, r.place)
            if not r.locating and (not r.derived or names_its_city(r.surface, s.text[r.end :])):
                counts[r.place.name] += 1
    ctx = ArticleContext(article, language, infos, places, counts, year=year)
    ctx.home = _home(ctx)
    for info in infos:
        info.orgs = find_organizations(info.text, info.refs, ctx.home)
        for org in info.orgs:  # "The Grantham Twinning Association": its city is named, too
            named = org.city and org.city.split(" (")[0] in info.text[org.start : org.end]
            if named and org.city and not any(org.start <= r.start < org.end for r in info.refs):
                counts[org.city] += 1
                if org.city not in places:
                    found = gazetteer().resolve(org.city)
                    if found:
                        places[org.city] = found
    ctx.home = _home(ctx)
    ctx.focus = _focus(ctx)
    return ctx


# A town's name with a qualifier after its short form: a river or region by preposition or in parentheses
# ("Neustadt an der Weinstraße", "Frankfurt (Oder)", "Rostow am Don", "Newcastle upon Tyne").
_SHORT_FORM = re.compile(
    r"(?P<short>[A-ZÄÖÜ][\w]+)(?=\s+(?:an\s+der|am|an|im|in\s+der|ob\s+der|bei|upon|on)\s|\s*\(|-(?:sur|upon|on)-)"
)


def _one_sense_per_article(sentences: list[Sentence], found: list[list[CityRef]]) -> list[list[CityRef]]:
    """A town named once in full ("Neustadt an der Weinstraße", "Frankfurt (Oder)") is the town its short name
    means in the rest of the article: "Neustadt" and "Frankfurt" refer to it, not to a namesake, even where the
    short name alone would not count as a place."""
    full: dict[str, Place] = {}
    for refs in found:
        for r in refs:
            if not r.derived and (" " in r.surface or "(" in r.surface):
                short = _SHORT_FORM.match(r.surface)
                if short:
                    full.setdefault(short.group("short"), r.place)
    if not full:
        return found
    out = []
    for s, refs in zip(sentences, found, strict=True):
        fixed = [replace(r, place=full[r.surface]) if r.surface in full else r for r in refs]
        for m in re.finditer(r"\b(" + "|".join(re.escape(k) for k in full) + r")s?\b", s.text):
            if not any(r.start <= m.start() < r.end for r in fixed):
                fixed.append(CityRef(m.start(), m.end(), m.group(), full[m.group(1)]))
        out.append(sorted(fixed, key=lambda r: r.start))
    return out


# "die Tübinger Stadtwerke", "der Tübinger Oberbürgermeister": an adjective of a city before a municipal
# noun names the city; "Frankfurter Allgemeine", "Berliner Zeitung" or "Wiener Schnitzel" do not.
_MUNICIPAL_NOUN = re.compile(
    r"\s+(?:Stadt\w*|Oberbürgermeister\w*|Bürgermeister\w*|Rat\b|Rathaus\w*|Gemeinderat\w*|Delegation\w*"
    r"|Partnerschaft\w*|Partnerstadt|Verwaltung\w*|Bürger\w*|Gäste\w*|Gruppe\w*)"
)


def names_its_city(surface: str, after: str) -> bool:
    """Whether a city adjective names the city itself: before a municipal noun."""
    return surface.endswith("er") and _MUNICIPAL_NOUN.match(after) is not None


def _name_hides_city(ref: CityRef, start: int, end: int) -> bool:
    if not (start < ref.end and ref.start < end) or (ref.start <= start and end <= ref.end):
        return False
    return " " not in ref.surface


def _home(ctx: ArticleContext) -> str | None:
    own = _LANGUAGE_COUNTRIES.get(ctx.language, set())
    ranked = [c for c, _ in ctx.counts.most_common() if ctx.places[c].country in own]
    if ranked:
        return ranked[0]
    top = ctx.counts.most_common(1)
    return top[0][0] if top else None


def _focus(ctx: ArticleContext) -> tuple[str, ...]:
    """The home city and the most mentioned other city (needs each to be named at least twice, or the home)."""
    if not ctx.home:
        return ()
    others = [(c, n) for c, n in ctx.counts.most_common() if c != ctx.home]
    if not others:
        return (ctx.home,)
    return (ctx.home, others[0][0])


def _reference_year(article: Article, sentences: list[Sentence]) -> int | None:
    """The year the article speaks from when it has no publication date: taken from its dated statements.

    A month with a year ("Februar 2023") anchors the text; a day and month without year ("am Montag, 19. Juni")
    falls in that year. When the anchor is a plan ("voraussichtlich im Februar 2024"), the text speaks from
    before it: months after the anchor's month fall in the year before.
    """
    if article.published:
        return int(article.published.iso[:4])
    anchors = []
    for s in sentences:
        if s.heading or _FOUNDING.search(s.text):
            continue  # "Im Dezember 1988 wurde die Städtepartnerschaft begründet" dates the past, not the text
        for d in find_dates(s.text):
            if d.value.precision == "month" and not d.value.inferred:
                year = int(d.value.iso[:4])
                planned = _PLANNED_ANCHOR.search(s.text[max(0, d.start - 40) : d.start])
                anchors.append(year - 1 if planned else year)
    return max(anchors) if anchors else None
