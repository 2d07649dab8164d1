"""Finding city names in running text, precisely: a city name that is also a word must not fire.

Matching is case-sensitive on capitalised words. German capitalises every noun, so names that are
common words ("Essen", "Halle", "Hof") are listed in data/gazetteer: stopwords.txt never fire alone,
ambiguous.txt fire only after a place preposition ("in Essen", "aus Halle"). A city name that is also a
first name ("Martin", "Florence") does not fire when a capitalised word follows: that is a person.

A one-word name needs place-like context (a place preposition before it) when the likely reading is not the
place:
- it is only an *alternate* name of the place (GeoNames lists names in every language: "Namen" is Namur in
  Dutch, "Kreuz" Križevci in German, "Apotheke" Abū Tīj in Greek) and stands where a common noun does (after a
  determiner, numeral or inflected adjective, in a hyphenated compound) or is a given name ("his wife Paula");
  exonyms such as "Witebsk" or "Mailand" are alternate names too and stay places elsewhere;
- it is a function word of German or English (jusText's stop lists: "Ob", "Dabei", "Burg"), unless it is the
  own name of a large city ("Essen" is listed apart, in ambiguous.txt);
- it is followed by "of" and a capitalised word: an administrative noun ("Canton of Guichen"), not a place.
A country, state or territory named in several words ("Isle of Man") is not read word by word.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from twingraph.gazetteer.inflection import cyrillic_nominatives, german_genitive
from twingraph.gazetteer.places import PlaceMention
from twingraph.gazetteer.text import GAP, WORD, stop_words

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
# An alternate name of a city this large is read without a preposition ("Kiew", "Moskau" where the index lacks
# the exonym); the own name of a city this large may be a stop word ("Berlin" is on jusText's German list).
MAJOR_CITY_POPULATION = 1_000_000
BIG_CITY_POPULATION = 50_000
NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "ten", "ter", "zu", "vom"})
# Words that make the name after them another thing's ("Fort Malden", "St Martin des Champs", "Region Utrecht",
# "Landkreis Freudenstadt", "County Durham") or before them ("Chelyabinsk region", "Kyiv Oblast").
FEATURE_BEFORE = frozenset(
    {"Fort", "Mount", "Lake", "Port", "Cape", "Bay", "St", "Saint", "Sankt", "San", "Santa", "County", "Region"}
    | {"Province", "District", "Canton", "Landkreis", "Landkreises", "Kreis", "Kreises", "Bezirk", "Bezirks"}
    | {"Regierungsbezirk", "Landratsamt", "Landratsamtes", "Oblast"}
)
FEATURE_AFTER = frozenset({"region", "Region", "oblast", "Oblast", "District", "Province"})
VENUE_WORDS = frozenset(
    {"Road", "Street", "Lane", "Avenue", "Square", "Barracks", "Station", "Airport", "College", "University"}
    | {"Hall", "Cathedral", "Stadium", "Arena", "Gardens", "Park", "Drive", "Close", "Court", "Crescent"}
    | {"Terrace", "Way", "Manor", "House", "Hotel", "Hospital", "School", "Academy", "Lodge", "Centre", "Center"}
    | {"Museum", "Library", "Palace", "Castle", "Abbey", "Inn", "Church", "Chapel", "Mosque", "Synagogue", "Temple"}
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


def _single(g: Gazetteer, word: str) -> tuple[int, str] | None:
    """The place a one-word form stands for and the form it is known by, trying German genitive and Cyrillic
    case endings ("Zwickaus" -> Zwickau, "Дніпра" -> Дніпро)."""
    found = g.text_form(word)
    if found:
        return found[0], word
    genitive = german_genitive(word)
    bases = [genitive] if genitive else []
    bases.extend(cyrillic_nominatives(word))
    for base in bases:
        if base in g.stopwords or base in g.non_cities:
            continue
        for index in g.text_form(base):
            if g.is_prominent(index):
                return index, base
    return None


def _spaced(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """Token i and token i+1 are separated by one space (or a hyphen: 'Martin-Römer-Ehrenmedaille')."""
    return 0 <= i < len(tokens) - 1 and text[tokens[i].end() : tokens[i + 1].start()] in (" ", "-")


def _is_person(g: Gazetteer, text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """'Martin Assmuth', 'Martin van der Pütten', 'Dennis George': a given name and a surname, not a city."""
    before = tokens[i - 1].group() if i > 0 else ""
    if (
        before in g.first_names
        and before.lower() not in function_words()  # "In Frankfurt": a sentence's first word, not a given name
        and text[tokens[i - 1].end() : tokens[i].start()] == " "
    ):
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


@cache
def function_words() -> frozenset[str]:
    """German and English function words: a capitalised one at a sentence start is not a place."""
    return frozenset(w.lower() for w in stop_words(("German", "English")))


def _names_unit(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """'Canton of Guichen', 'Stade de France': a capitalised word before 'of' (or French 'de', 'des', 'du') and a
    name is a unit or a building named after it, not a place."""
    return (
        i + 2 < len(tokens)
        and tokens[i + 1].group() in ("of", "de", "des", "du")
        and text[tokens[i].end() : tokens[i + 1].start()] == " "
        and tokens[i + 2].group()[:1].isupper()
    )


def _non_city_span(g: Gazetteer, text: str, tokens: list[re.Match[str]], i: int) -> int | None:
    """Index of the last token of a several-word country, state or territory name starting at token i."""
    for form in g.multiword_non_cities(tokens[i].group()):
        last = i + len(form) - 1
        if (
            last < len(tokens)
            and all(tokens[i + k].group() == form[k] for k in range(1, len(form) - 1))
            and tokens[last].group() in (form[-1], form[-1] + "s")  # "Baden-Württembergs"
            and all(_joined(text, tokens, k) for k in range(i, last))
        ):
            return last
    return None


# Words that open a noun phrase: a capitalised word after them is a common noun's head ("ihren historischen
# Namen", "zwei Busse", "ihre Rede", "the Commonwealth"), not a place name.
_DETERMINERS = re.compile(
    r"(?:der|die|das|den|dem|des|ein|eine[nmrs]?|kein(?:e[nmrs]?)?|mein(?:e[nmrs]?)?|dein(?:e[nmrs]?)?"
    r"|sein(?:e[nmrs]?)?|ihr(?:e[nmrs]?)?|unser(?:e[nmrs]?)?|euer|eure[nmrs]?|diese[nmrs]?|jene[nmrs]?"
    r"|jede[nmrs]?|alle[nmrs]?|viele[nmrs]?|einige[nmrs]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn"
    r"|the|a|an|his|her|their|its|our|my|your|this|that|these|those|two|three|four|five|\d+)"
)
_ADJECTIVE_ENDING = re.compile(r"[a-zäöüß]{3,}(?:e|en|er|es|em)")


def _inside_noun_phrase(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """Whether token i heads a common noun phrase: after a determiner, numeral or inflected adjective, or as a
    part of a hyphenated compound ("Klinik-Apotheke", "Rhein-Neckar")."""
    if i > 0:
        gap = text[tokens[i - 1].end() : tokens[i].start()]
        before = tokens[i - 1].group()
        if gap == "-":
            return True
        if gap == " " and (
            _DETERMINERS.fullmatch(before.lower())
            or (_ADJECTIVE_ENDING.fullmatch(before.lower()) is not None and before.lower() not in function_words())
        ):
            return True
    return i + 1 < len(tokens) and text[tokens[i].end() : tokens[i + 1].start()] == "-"


def _needs_place_context(g: Gazetteer, word: str, found: int, text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """Whether a one-word form needs a place preposition before it to be read as this place."""
    if word in g.ambiguous:
        return True
    place, own = g.place(found), g.text_form_is_own(word, found)
    if word.lower() in function_words() and (not own or place.population < BIG_CITY_POPULATION):
        return True
    if (
        not own
        and place.population < MAJOR_CITY_POPULATION
        and (word in g.first_names or _inside_noun_phrase(text, tokens, i))
    ):
        return True  # only an alternate name, and a given name or a common noun's place in the sentence
    if place.population < BIG_CITY_POPULATION and _after_determiner(text, tokens, i):
        return True  # "die Altstadt", "den Dom": a German town's name takes no article, a common noun does
    if _verb_first(text, tokens, i):
        return True  # "Bury the hatchet": a sentence's first word before an article is a verb or a preposition
    return len(word) < MINOR_NAME_LENGTH and not g.is_prominent(found) and place.country not in LITERAL_COUNTRIES


# German articles only: in English a town's name stands after "the" as a modifier ("the Morlaix mayor").
_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer"})


def _verb_first(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    return (
        i == 0
        and len(tokens) > 1
        and tokens[1].group() in ("the", "a", "an", "der", "die", "das", "den", "dem", "ein", "eine")
        and text[tokens[0].end() : tokens[1].start()] == " "
    )


def _after_determiner(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    return i > 0 and tokens[i - 1].group().lower() in _ARTICLES and text[tokens[i - 1].end() : tokens[i].start()] == " "


_SAINT = {"St": "Saint", "Ste": "Sainte", "Saint": "Saint", "Sainte": "Sainte"}
_FRENCH_LINKS = frozenset({"des", "de", "du", "la", "le", "les", "sur", "sous", "en", "lès", "lez", "d", "l"})


def _saint_name(g: Gazetteer, text: str, tokens: list[re.Match[str]], i: int) -> tuple[int, int] | None:
    """'St Martin des Champs', 'St. Genis Laval': a French saint's name written with spaces or abbreviated is the
    hyphenated place ("Saint-Martin-des-Champs"); (index of its last token, place), longest first."""
    saint = _SAINT.get(tokens[i].group())
    if saint is None:
        return None
    parts: list[str] = []
    k = i + 1
    while k < len(tokens) and len(parts) < 5:
        word = tokens[k].group()
        gap = text[tokens[k - 1].end() : tokens[k].start()]
        if gap not in (" ", ". ", "-", "’", "'") or not (word[0].isupper() or word in _FRENCH_LINKS):
            break
        parts.append(word)
        k += 1
    while parts and parts[-1] in _FRENCH_LINKS:
        parts.pop()
    for n in range(len(parts), 0, -1):
        if parts[n - 1] in _FRENCH_LINKS:
            continue
        found = g.resolve_number("-".join([saint, *parts[:n]]))
        if found is not None:
            return i + n, found
    return None


def _qualified(g: Gazetteer, text: str, tokens: list[re.Match[str]], i: int) -> tuple[int, int] | None:
    """'Frankfurt (Oder)', 'Halle (Saale)': a name with its river or region in parentheses, as German towns are
    officially written; (index of the qualifier's token, place) when the gazetteer knows the qualified name."""
    if i + 1 >= len(tokens) or text[tokens[i].end() : tokens[i + 1].start()] != " (":
        return None
    if text[tokens[i + 1].end() : tokens[i + 1].end() + 1] != ")":
        return None
    found = g.resolve_number(f"{tokens[i].group()} ({tokens[i + 1].group()})")
    return (i + 1, found) if found is not None else None


def _part_of_other_name(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """'Fort Malden', 'Region Utrecht', 'Chelyabinsk region': a feature or a unit named after the place."""
    before = i > 0 and tokens[i - 1].group() in FEATURE_BEFORE and _spaced(text, tokens, i - 1)
    after = i + 1 < len(tokens) and tokens[i + 1].group() in FEATURE_AFTER and _spaced(text, tokens, i)
    return before or after


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
        hit = _multiword(g, text, tokens, i) or _saint_name(g, text, tokens, i) or _qualified(g, text, tokens, i)
        non_city = _non_city_span(g, text, tokens, i)
        if non_city is not None and (hit is None or hit[0] <= non_city):
            i = non_city + 1  # "Isle of Man"; but "Saint-Martin-des-Champs" is longer than "Saint Martin"
            continue
        if hit is not None:
            last, index = hit
            if _is_venue(text, tokens, last):  # "St Mary's Church", "Newton Abbot Station": a building's name
                i = last + 1
                continue
            start, end = tokens[i].start(), tokens[last].end()
            if text[end : end + 1] == ")" and "(" in text[start:end]:
                end += 1  # "Frankfurt (Oder)"
            if not g.is_region(index) and text[start:end] not in g.non_cities:
                mentions.append(PlaceMention(start, end, text[start:end], g.place(index)))
            i = last + 1
            continue
        i += 1
        if word in g.stopwords or word in g.non_cities or (word.isupper() and len(word) > 1):
            continue
        single = _single(g, word)
        if single is None or g.is_region(single[0]):
            continue
        found, form = single
        if _needs_place_context(g, form, found, text, tokens, i - 1) and not _after_preposition(text, tokens, i - 1):
            continue
        if (
            _is_person(g, text, tokens, i - 1)
            or _is_venue(text, tokens, i - 1)
            or _names_unit(text, tokens, i - 1)
            or _part_of_other_name(text, tokens, i - 1)
        ):
            continue
        m = tokens[i - 1]
        mentions.append(PlaceMention(m.start(), m.end(), word, g.place(found)))
    return mentions
