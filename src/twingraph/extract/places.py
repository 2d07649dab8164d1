"""City mentions as the relation rules see them: gazetteer mentions plus demonyms, with their role in the text.

The gazetteer finds names ("Dortmund", "Schytomyrs", "Кельном"); this module adds what only the sentence tells:
- demonyms and derived adjectives ("Dortmunder Delegation", "19 Dortmunderinnen und Dortmunder", "Altdorfer"),
- whether a mention only locates something ("120 Kilometer westlich von Kiew", "30 km north of Lviv"): such a
  city is still a city of the article but never a partner, origin or destination,
- countries named where a city could stand ("reisten in die Ukraine").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from twingraph.gazetteer import Place, gazetteer

# "westlich von", "120 Kilometer westlich von", "north of", "near", "bei" right before a city: a location phrase.
_LOCATING = re.compile(
    r"(?:(?:nord|süd|ost|west|nordwest|nordost|südwest|südost)(?:lich|östlich|westlich)?\s+von"
    r"|(?:north|south|east|west|northwest|northeast|southwest|southeast)(?:ern)?\s+of|\bnear|\bnahe|\bunweit"
    r"|\boutside|\bGegend um|\bRaum)\s+(?:der\s+Stadt\s+|the\s+city\s+of\s+)?$",
    re.IGNORECASE,
)
_LOCATING_LAST_WORDS = ("von", "of", "near", "nahe", "unweit", "outside", "um", "raum", "stadt")  # of those phrases
_DEMONYM = re.compile(
    r"\b(?P<stem>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)"
    r"(?P<suffix>er\*innen|er:innen|erinnen|erin|ern|ers|er)\b"
)
# Stems that end a German adjective in -er but are no city ("Neuer", "Weiter").
_NOT_DEMONYM_STEMS = {
    "Neu",
    "Weit",
    "Ander",
    "Ober",
    "Unt",
    "Inn",
    "Äuß",
    "Hint",
    "Vord",
    "Mitt",
    "Letzt",
    "Somm",
    "Wint",
}


@dataclass(frozen=True)
class CityRef:
    """A city named in the text, directly or by a derived word."""

    start: int
    end: int
    surface: str
    place: Place
    derived: bool = False  # "Dortmunder": a demonym or adjective
    locating: bool = False  # "westlich von Kiew": the city only locates something else


def find_city_refs(text: str) -> list[CityRef]:
    """All city references in `text`, in order; offsets into `text`."""
    g = gazetteer()
    refs: list[CityRef] = []
    taken: list[tuple[int, int]] = []
    for m in g.find_mentions(text):
        start, end, surface, place = m.start, m.end, m.surface, m.place
        garbled = _garbled_name(text, start, end)
        if garbled:
            end, surface, place = garbled
        before = text[max(0, start - 40) : start]
        locating = before.rstrip().lower().endswith(_LOCATING_LAST_WORDS) and bool(_LOCATING.search(before))
        refs.append(CityRef(start, end, surface, place, False, locating))
        taken.append((start, end))
    for d in _DEMONYM.finditer(text):
        if any(not (d.end() <= s or d.start() >= e) for s, e in taken):
            continue
        stem = d.group("stem")
        if stem in _NOT_DEMONYM_STEMS or len(stem) < 4:
            continue
        # "Dortmunder" from Dortmund; "Tübinger", "Bremer" from Tübingen, Bremen (the -en drops)
        found = g.resolve(stem) or (g.resolve(stem + "en") if len(stem) >= 4 else None)
        if found is not None:
            refs.append(CityRef(d.start(), d.end(), d.group(0), found, True, False))
    return sorted(refs, key=lambda r: r.start)


_CONTINUATION = re.compile(r"\s([A-ZÄÖÜ][\w]+-[A-ZÄÖÜ][\w]+)")


def _garbled_name(text: str, start: int, end: int) -> tuple[int, str, Place] | None:
    """A city name written with a typo that the gazetteer reads as a shorter one: "Baden Sod-Salmünster" is Bad
    Soden-Salmünster, found through its distinctive last part and accepted when the spellings are close."""
    m = _CONTINUATION.match(text, end)
    if not m:
        return None
    g = gazetteer()
    span = text[start : m.end()]
    for part in (m.group(1), m.group(1).rsplit("-", 1)[-1]):
        place = g.resolve(part)
        if place and fuzz.ratio(place.name.casefold(), span.casefold()) >= 80:
            return m.end(), span, place
    return None


_COUNTRY_WORD = re.compile(r"[A-ZÄÖÜ][\w-]+|[А-ЯІЇЄҐ][\w'’-]+")


def find_countries(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO code) for country names in `text` ("in die Ukraine", "to Germany")."""
    g = gazetteer()
    found = []
    for m in _COUNTRY_WORD.finditer(text):
        if len(m.group(0)) < 4:  # "In", "So": words, not countries
            continue
        code = g.country_code(m.group(0))
        if code:
            found.append((m.start(), m.end(), code))
    return found
