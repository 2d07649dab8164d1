"""Typed views of what the projection keeps on its NetworkX nodes and edges.

NetworkX stores attributes in dicts; these records are what the rest of twingraph reads from them, so the
attribute names live in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

NodeKind = Literal["city", "person", "organization", "partnership", "visit", "agreement", "event"]
NODE_KINDS: tuple[str, ...] = ("city", "partnership", "visit", "agreement", "event", "person", "organization")
FACT_KINDS: tuple[str, ...] = ("partnership", "visit", "agreement", "event")

RELATIONS: tuple[str, ...] = (
    "partner",
    "origin",
    "destination",
    "member",
    "host",
    "on behalf of",
    "party",
    "signatory",
    "giver",
    "recipient",
    "holds post in",
    "based in",
    "grew out of",
)


@dataclass(frozen=True)
class SourceRef:
    """Where a fact was read: the source graph, its title, publisher and link, and the sentence quoted as evidence."""

    graph: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    origin: str | None = None  # extracted | curated | table
    evidence: str | None = None
    publisher: str | None = None


@dataclass(frozen=True)
class Phase:
    """A partnership's status from a date on (planned in 2023-02, active since 2023-09), with the sources saying so."""

    status: str  # planned | active | formalized | suspended | ended
    date: str  # ISO date, month or year, as precise as the sources give it
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class ConflictingValue:
    """One value sources give for a property of a fact; `preferred` for the one the fact carries."""

    value: str
    preferred: bool
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class Conflict:
    """Sources that disagree on one property of a fact (since, size, status at one date, ...)."""

    property: str
    values: tuple[ConflictingValue, ...]  # the preferred value first


@dataclass(frozen=True)
class Partner:
    """A city reachable from another through partnerships, `hops` steps away."""

    city: str  # node id (IRI)
    label: str
    country: str | None
    hops: int
    via: tuple[str, ...]  # labels of the cities in between, empty for a direct partner
    partnerships: tuple[str, ...]  # for a direct partner: 'solidarity (active, since 2023-02)', ...


@dataclass(frozen=True)
class PathStep:
    """One partnership on a path: from a city to the next."""

    from_label: str
    to_label: str
    partnerships: tuple[str, ...]


@dataclass(frozen=True)
class Centrality:
    city: str
    label: str
    country: str | None
    degree: int  # number of partner cities
    betweenness: float  # share of shortest paths through the city (sampled on large networks)


@dataclass(frozen=True)
class Community:
    number: int
    size: int
    members: tuple[str, ...]  # labels, best-connected first


@dataclass(frozen=True)
class TimelineEntry:
    """One dated (or undated) happening in a partnership's history, with its sources."""

    date: str | None  # ISO date of the fact; None when no source dates it
    kind: str  # partnership since | partnership planned by | visit | agreement | donation | ...
    what: str
    fact: str  # node id
    sources: tuple[SourceRef, ...]
