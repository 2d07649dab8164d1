"""The one city resolver: every spelling of a city leads to one `Place`.

Built once from the files in data/gazetteer (see scripts/build_gazetteer.py and the README there):
places.tsv (GeoNames cities and the twin-town table, with Wikidata QIDs), exonyms.csv (hand-kept
German and Ukrainian forms and canonical English names), stopwords.txt and ambiguous.txt (words that
are also city names), non_cities.txt (countries and states in German, English and Ukrainian).
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Iterable
from pathlib import Path

from twingraph.errors import UserError
from twingraph.gazetteer.countries import Countries
from twingraph.gazetteer.inflection import cyrillic_nominatives, german_genitive
from twingraph.gazetteer.places import Place, PlaceMention
from twingraph.gazetteer.text import fold, words

_KNOWN, _MAJOR, _REGION = 1, 2, 4


def _word_list(path: Path) -> set[str]:
    if not path.exists():
        return set()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line}


class Gazetteer:
    """Resolves city names in any spelling and finds city mentions in text."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.countries = Countries(data / "countries.tsv")
        self.places: list[Place] = []
        self._flags: list[int] = []
        self._primary: dict[str, list[int]] = {}  # folded own name -> places, most populous first
        self._alternate: dict[str, list[int]] = {}  # folded alternate name -> places
        # Exact forms that may stand for a place in a text: one-word forms by their own name, then alternates,
        # multiword forms by their first two words.
        self._single: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
        self._multi: dict[tuple[str, str], list[tuple[tuple[str, ...], int]]] = {}
        self._load_places(data / "places.tsv")
        self._load_exonyms(data / "exonyms.csv")
        for forms in self._multi.values():
            forms.sort(key=lambda item: -len(item[0]))
        self.stopwords = _word_list(data / "stopwords.txt") | _word_list(data / "function_words.txt")
        self.ambiguous = _word_list(data / "ambiguous.txt")
        self.first_names = _word_list(data / "first_names.txt")
        # Countries and states are not cities, unless a city of the same name is known (Luxembourg, Monaco).
        hand_listed = _word_list(data / "non_cities.txt")
        country_names = {n for n in self.countries.all_names() if not self._is_known_city_name(n)}
        self.non_cities = hand_listed | country_names
        self._non_city_keys = {fold(n) for n in self.non_cities}

    # --- loading -------------------------------------------------------------------------------------

    def _load_places(self, path: Path) -> None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            raise UserError(f"gazetteer data missing: {path} (run scripts/build_gazetteer.py)") from None
        for line in lines:
            if line.startswith("#"):
                continue
            name, country, lat, lon, population, geonames, qid, flags, primary, in_text, other = line.split("\t")
            place = Place(
                name=name,
                country=country,
                wikidata=qid or None,
                geonames=int(geonames) if geonames else None,
                lat=float(lat) if lat else None,
                lon=float(lon) if lon else None,
                population=int(population),
            )
            bits = (_KNOWN if "k" in flags else 0) | (_MAJOR if "m" in flags else 0) | (_REGION if "r" in flags else 0)
            index = len(self.places)
            self.places.append(place)
            self._flags.append(bits)
            self._add_forms(index, primary.split("|"), primary=True, in_text=True)
            if in_text:
                self._add_forms(index, in_text.split("|"), primary=False, in_text=True)
            if other:
                self._add_forms(index, other.split("|"), primary=False, in_text=False)

    def _add_forms(self, index: int, forms: Iterable[str], *, primary: bool, in_text: bool) -> None:
        keys = self._primary if primary else self._alternate
        for form in forms:
            bucket = keys.setdefault(fold(form), [])
            if not bucket or bucket[-1] != index:
                bucket.append(index)
            if not in_text:
                continue
            tokens = words(form)
            if len(tokens) == 1:
                single = self._single[0 if primary else 1].setdefault(tokens[0], [])
                if not single or single[-1] != index:
                    single.append(index)
            elif tokens:
                self._multi.setdefault((tokens[0], tokens[1]), []).append((tokens, index))

    def _load_exonyms(self, path: Path) -> None:
        """Hand-kept forms: `place,country,form,role` with role 'alias' or 'canonical' (the English name)."""
        if not path.exists():
            return
        with path.open(encoding="utf-8", newline="") as f:
            rows = [r for r in csv.DictReader(line for line in f if not line.startswith("#"))]
        for row in rows:
            index = self._find(row["place"], row["country"])
            if index is None:
                continue  # tests/gazetteer checks that every row finds its place
            form = row["form"].strip()
            if row.get("role", "alias").strip() == "canonical":
                self.places[index] = dataclasses.replace(self.places[index], name=form)
            self._add_forms(index, [form], primary=True, in_text=True)
            self._primary[fold(form)].sort(key=lambda i: -self.places[i].population)
            tokens = words(form)
            if len(tokens) == 1:
                self._single[0][tokens[0]].sort(key=lambda i: -self.places[i].population)

    def _find(self, name: str, country: str) -> int | None:
        for index in self._ranked(fold(name)):
            if self.places[index].country == country:
                return index
        return None

    def _is_known_city_name(self, name: str) -> bool:
        return any(self._flags[i] & (_KNOWN | _MAJOR) for i in self._primary.get(fold(name), ()))

    # --- resolving -----------------------------------------------------------------------------------

    def _ranked(self, key: str) -> list[int]:
        """Places whose own name is `key` first (most populous first), then those with it as an alternate."""
        primary = self._primary.get(key, [])
        alternate = [i for i in self._alternate.get(key, []) if i not in primary]
        return primary + alternate

    def _lookup(self, name: str) -> list[int]:
        key = fold(name)
        if not key or key in self._non_city_keys:
            return []
        found = self._ranked(key)
        if found:
            return found
        for base in self._base_forms(name.strip()):
            found = [i for i in self._ranked(fold(base)) if self._flags[i] & (_KNOWN | _MAJOR)]
            if found:
                return found
        return []

    @staticmethod
    def _base_forms(word: str) -> Iterable[str]:
        genitive = german_genitive(word)
        if genitive:
            yield genitive
        yield from cyrillic_nominatives(word)

    def candidates(self, name: str, country: str | None = None) -> list[Place]:
        """Every place a name may mean, best first: own name before alternate, then by population."""
        places = [self.places[i] for i in self._lookup(name) if not self._flags[i] & _REGION]
        if country:
            code = self.countries.code(country) or country.upper()
            places = [p for p in places if p.country == code]
        return places

    def resolve(self, name: str, country: str | None = None) -> Place | None:
        """The place a name means (in that country, when given), or None."""
        found = self.candidates(name, country)
        return found[0] if found else None

    def country_code(self, name: str) -> str | None:
        return self.countries.code(name)

    # --- finding mentions ----------------------------------------------------------------------------

    def find_mentions(self, text: str) -> list[PlaceMention]:
        from twingraph.gazetteer.mentions import find_mentions

        return find_mentions(self, text)

    def text_form(self, word: str) -> list[int]:
        """Places a capitalised one-word form may stand for in a text: own names first."""
        own, alternate = self._single[0].get(word, []), self._single[1].get(word, [])
        return own + [i for i in alternate if i not in own] if alternate else own

    def multiword_forms(self, first: str, second: str) -> list[tuple[tuple[str, ...], int]]:
        """Multiword forms starting with these two words, longest first."""
        return self._multi.get((first, second), [])

    def place(self, index: int) -> Place:
        return self.places[index]

    def is_region(self, index: int) -> bool:
        return bool(self._flags[index] & _REGION)

    def is_prominent(self, index: int) -> bool:
        return bool(self._flags[index] & (_KNOWN | _MAJOR))
