"""One city resolver for the whole project: spellings, exonyms and inflections -> one canonical place.

from twingraph.gazetteer import gazetteer
g = gazetteer()
g.resolve("Schytomyr")          # Place(name="Zhytomyr", country="UA", wikidata="Q156713", ...)
g.find_mentions(text)           # [PlaceMention(start, end, surface, place), ...]
"""

from __future__ import annotations

from functools import cache

from twingraph.gazetteer.index import Gazetteer
from twingraph.gazetteer.places import Place, PlaceMention
from twingraph.resources import data_dir

__all__ = ["Gazetteer", "Place", "PlaceMention", "gazetteer"]


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer, built from data/gazetteer on first use."""
    return Gazetteer(data_dir() / "gazetteer")
