"""Plain typed records of what twingraph knows, independent of RDF.

Extractors and curated YAML both produce a `FactSet`; `twingraph.rdf` turns it into triples.
Names of cities and organizations are the canonical labels used as join keys between records:
a `Visit` names its cities by `City.name`, a `Person` names the city or organization it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["year", "month", "day"]
PartnershipType = Literal["twinning", "solidarity", "friendship", "project", "contact", "cooperation", "other"]
PartnershipStatus = Literal["planned", "active", "formalized", "suspended", "ended"]

PARTNERSHIP_TYPES: tuple[str, ...] = (
    "twinning",
    "solidarity",
    "friendship",
    "project",
    "contact",
    "cooperation",
    "other",
)
PARTNERSHIP_STATUSES: tuple[str, ...] = ("planned", "active", "formalized", "suspended", "ended")


@dataclass(frozen=True)
class DateValue:
    """A calendar date known to a precision: '2023', '2023-02' or '2023-02-14'."""

    iso: str
    text: str | None = None  # the date as written, e.g. "am Montag, 19. Juni"
    inferred: bool = False  # year (or more) taken from context, not from the text

    @property
    def precision(self) -> Precision:
        return {4: "year", 7: "month"}.get(len(self.iso), "day")  # type: ignore[return-value]

    @classmethod
    def parse(cls, value: object, text: str | None = None, inferred: bool = False) -> DateValue | None:
        """Accept '2023', '2023-02', '2023-02-14', ints and dates; None for empty values."""
        if value is None or value == "":
            return None
        iso = str(value).strip()
        if len(iso) not in (4, 7, 10) or not iso[:4].isdigit():
            raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
        return cls(iso=iso, text=text, inferred=inferred)


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact comes from and where it stands in the article text."""

    sentence: str
    start: int | None  # character offset of the sentence in Article.text; None when the text is not at hand
    end: int | None  # exclusive

    @classmethod
    def find(cls, text: str, sentence: str) -> Evidence | None:
        """Locate a sentence quoted verbatim in the article text."""
        start = text.find(sentence)
        if start < 0:
            return None
        return cls(sentence=sentence, start=start, end=start + len(sentence))


@dataclass(frozen=True)
class Article:
    """A source text with its metadata. `key` identifies it across re-ingests (URL, else file name)."""

    key: str
    text: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: DateValue | None = None
    language: str | None = None
    path: str | None = None
    # the licence the source states: its URL (https://creativecommons.org/licenses/by/4.0/) or its words
    license: str | None = None


@dataclass(frozen=True)
class City:
    name: str  # canonical English name, e.g. "Zhytomyr"
    country: str | None = None  # ISO 3166-1 alpha-2
    wikidata: str | None = None  # QID
    geonames: int | None = None
    mentions: tuple[str, ...] = ()  # surface forms as written: "Schytomyrs", "Житомир"
    evidence: Evidence | None = None
    # Set when a more populous place of the country has a name that gives the same IRI (Moutiers after
    # Moûtiers): its GeoNames id (or QID), which the IRI adds so that two places never share one.
    disambiguator: str | None = None

    @property
    def qualified_name(self) -> str:
        return qualified_name(self.name, self.country)


def qualified_name(name: str, country: str | None) -> str:
    """A city as a world table's facts name it, "Name, CC": tables repeat names across countries (Alexandria
    EG/US), so a partnership of a table names its cities with their countries."""
    return f"{name}, {country}"


def wikidata_ids(value: str | None) -> list[str]:
    """The QIDs of `City.wikidata` or a table cell, which may hold several of one city ('Q39121;Q774015': the
    city and its municipality); the first is the city's own."""
    return [q.strip() for q in (value or "").split(";") if q.strip()]


@dataclass(frozen=True)
class Organization:
    name: str
    city: str | None = None  # canonical city name
    kind: str | None = None  # administration, office, ngo, funder, company, council, media, ...
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None = None  # short English role, e.g. "deputy mayor"
    role_text: str | None = None  # the title as written, e.g. "stellvertretende Bürgermeisterin"
    of: str | None = None  # name of the city or organization the post belongs to
    aliases: tuple[str, ...] = ()
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Partnership:
    cities: tuple[str, ...]
    type: str = "other"
    status: str = "active"
    since: DateValue | None = None
    until: DateValue | None = None
    planned_by: DateValue | None = None
    grew_from: str | None = None  # type of the partnership of the same cities this one grew out of
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Visit:
    origin: str | None
    destination: str | None
    start: DateValue | None = None
    end: DateValue | None = None
    size: int | None = None
    members: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    occasion: str | None = None
    on_behalf_of: str | None = None
    planned: bool = False
    return_visit: bool = False
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Agreement:
    parties: tuple[str, ...]
    signatories: tuple[str, ...] = ()
    date: DateValue | None = None
    topic: str | None = None
    kind: str | None = None  # memorandum, cooperation agreement, charter, ...
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Event:
    """Aid, funding, receptions, anniversaries, planned visits and other dated happenings."""

    kind: str  # donation | funding | planned_visit | reception | anniversary | ...
    description: str | None = None
    date: DateValue | None = None
    giver: str | None = None
    recipient: str | None = None
    items: str | None = None  # what was given, e.g. "Feuerwehrfahrzeuge"
    quantity: int | None = None
    amount: str | None = None  # money with its currency as written, e.g. "50.000 Euro"
    evidence: Evidence | None = None


Origin = Literal["extracted", "curated", "table"]


@dataclass(frozen=True)
class FactSet:
    """Everything one source says; it becomes one named graph."""

    article: Article
    origin: Origin = "extracted"
    extractor: str = "twingraph"
    extractor_version: str = "0"
    cities: tuple[City, ...] = ()
    organizations: tuple[Organization, ...] = ()
    persons: tuple[Person, ...] = ()
    partnerships: tuple[Partnership, ...] = ()
    visits: tuple[Visit, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def count(self) -> int:
        return sum(
            len(group)
            for group in (
                self.cities,
                self.organizations,
                self.persons,
                self.partnerships,
                self.visits,
                self.agreements,
                self.events,
            )
        )
