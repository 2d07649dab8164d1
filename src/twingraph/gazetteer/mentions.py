"""Finding city names in running text, precisely: a city name that is also a word must not fire.

Matching is case-sensitive on capitalised words. German capitalises every noun, so names that are
common words ("Essen", "Halle", "Hof") are listed in data/gazetteer: stopwords.txt never fire alone,
ambiguous.txt fire only after a place preposition ("in Essen", "aus Halle"). A city name that is also a
first name ("Martin", "Florence") does not fire when a capitalised word follows: that is a person.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from twingraph.gazetteer.inflection import cyrillic_nominatives, german_genitive
from twingraph.gazetteer.places import PlaceMention
from twingraph.gazetteer.text import GAP, WORD

if TYPE_CHECKING:
    from twingraph.gazetteer.index import Gazetteer

# Words after which a capitalised word names a place: "in Essen", "aus Halle", "the city of Bath".
PLACE_PREPOSITIONS = frozenset(
    {"in", "aus", "nach", "von", "bis", "bei", "zwischen", "from", "to", "of", "near", "at", "between"}
    | {"місто", "місті", "з", "до", "у", "в"}
)
# A small place (not in the twin-town table, < 15,000 inhabitants) with a short name is often a word too
# (villages called Sand, Moos, Stein, Cross): it fires only after a place preposition. Ukrainian names in
# transliteration rarely are words of German or English, so they are exempt ("Hirske", "Shyroke").
MINOR_NAME_LENGTH = 7
LITERAL_COUNTRIES = frozenset({"UA"})
NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "ten", "ter", "zu", "vom"})
VENUE_WORDS = frozenset(
    {"Road", "Street", "Lane", "Avenue", "Square", "Barracks", "Station", "Airport", "College", "University"}
    | {"Hall", "Cathedral", "Stadium", "Arena", "Gardens", "Park", "Drive", "Close", "Court", "Crescent"}
    | {"Terrace", "Way", "Manor", "House", "Hotel", "Hospital", "School", "Academy"}
)


def _joined(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """Whether token i and token i+1 may belong to one name: only spaces, hyphens or apostrophes between."""
    return GAP.fullmatch(text, tokens[i].end(), tokens[i + 1].start()) is not None


def _multiword(g: Gazetteer, text: str, tokens: list[re.Match[str]], i: int) -> tuple[int, int] | None:
    """(index of the last token, place) of the longest multiword name starting at token i."""
    if i + 1 >= len(tokens) or not _joined(text, tokens, i):
        return None
    for form, place in g.multiword_forms(tokens[i].group(), tokens[i + 1].group()):
        last = i + len(form) - 1
        if last >= len(tokens):
            continue
        if all(tokens[i + k].group() == form[k] for k in range(2, len(form))) and all(
            _joined(text, tokens, k) for k in range(i + 1, last)
        ):
            return last, place
    return None


def _single(g: Gazetteer, word: str) -> int | None:
    """The place a one-word form stands for, trying German genitive and Cyrillic case endings."""
    found = g.text_form(word)
    if found:
        return found[0]
    genitive = german_genitive(word)
    bases = [genitive] if genitive else []
    bases.extend(cyrillic_nominatives(word))
    for base in bases:
        if base in g.stopwords or base in g.non_cities:
            continue
        for index in g.text_form(base):
            if g.is_prominent(index):
                return index
    return None


def _spaced(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """Token i and token i+1 are separated by one space (or a hyphen: 'Martin-Römer-Ehrenmedaille')."""
    return 0 <= i < len(tokens) - 1 and text[tokens[i].end() : tokens[i + 1].start()] in (" ", "-")


def _is_person(g: Gazetteer, text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """'Martin Assmuth', 'Martin van der Pütten', 'Dennis George': a given name and a surname, not a city."""
    if i > 0 and tokens[i - 1].group() in g.first_names and text[tokens[i - 1].end() : tokens[i].start()] == " ":
        return True
    if tokens[i].group() not in g.first_names:
        return False
    k = i + 1
    while k < len(tokens) and tokens[k].group() in NAME_PARTICLES and _spaced(text, tokens, k - 1):
        k += 1
    return k < len(tokens) and tokens[k].group()[0].isupper() and _spaced(text, tokens, k - 1)


def _is_venue(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """'Gloucester Barracks', 'Leeds Road': the name of a building or street, not the city."""
    return i + 1 < len(tokens) and tokens[i + 1].group() in VENUE_WORDS and _spaced(text, tokens, i)


def _after_preposition(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    if i == 0:
        return False
    before = tokens[i - 1]
    return before.group().casefold() in PLACE_PREPOSITIONS and text[before.end() : tokens[i].start()] == " "


def find_mentions(g: Gazetteer, text: str) -> list[PlaceMention]:
    """Non-overlapping city mentions in reading order, the longest name winning at each position."""
    tokens = list(WORD.finditer(text))
    mentions: list[PlaceMention] = []
    i = 0
    while i < len(tokens):
        word = tokens[i].group()
        if not word[0].isupper():
            i += 1
            continue
        hit = _multiword(g, text, tokens, i)
        if hit is not None:
            last, index = hit
            start, end = tokens[i].start(), tokens[last].end()
            if not g.is_region(index) and text[start:end] not in g.non_cities:
                mentions.append(PlaceMention(start, end, text[start:end], g.place(index)))
            i = last + 1
            continue
        i += 1
        if word in g.stopwords or word in g.non_cities or (word.isupper() and len(word) > 1):
            continue
        found = _single(g, word)
        if found is None or g.is_region(found):
            continue
        needs_preposition = word in g.ambiguous or (
            len(word) < MINOR_NAME_LENGTH
            and not g.is_prominent(found)
            and g.place(found).country not in LITERAL_COUNTRIES
        )
        if needs_preposition and not _after_preposition(text, tokens, i - 1):
            continue
        if _is_person(g, text, tokens, i - 1) or _is_venue(text, tokens, i - 1):
            continue
        m = tokens[i - 1]
        mentions.append(PlaceMention(m.start(), m.end(), word, g.place(found)))
    return mentions
