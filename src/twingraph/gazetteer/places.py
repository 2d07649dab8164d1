"""The records the gazetteer hands out: one canonical place, and a place found in a text."""

from __future__ import annotations

from dataclasses import dataclass

from twingraph.facts import City


@dataclass(frozen=True)
class Place:
    """One city, whatever the spelling it was found by. `name` is the English exonym used as join key."""

    name: str
    country: str  # ISO 3166-1 alpha-2
    wikidata: str | None = None
    geonames: int | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    disambiguator: str | None = None  # see City.disambiguator

    def as_city(self, mentions: tuple[str, ...] = ()) -> City:
        """The fact record for this place, with the surface forms a text used for it."""
        return City(
            name=self.name,
            country=self.country,
            wikidata=self.wikidata,
            geonames=self.geonames,
            mentions=mentions,
            disambiguator=self.disambiguator,
        )


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text: `text[start:end] == surface`."""

    start: int
    end: int
    surface: str
    place: Place
