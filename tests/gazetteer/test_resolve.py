"""Every spelling of a city leads to one canonical place: German, English, Ukrainian, Cyrillic, inflected."""

from __future__ import annotations

import pytest

from twingraph.gazetteer import Gazetteer, Place

SPELLINGS = [
    # (as written, canonical English name, ISO country, Wikidata QID or None when the sources lack it)
    ("Schytomyr", "Zhytomyr", "UA", "Q156713"),
    ("Schytomyrs", "Zhytomyr", "UA", "Q156713"),
    ("Zhytomyr", "Zhytomyr", "UA", "Q156713"),
    ("Житомир", "Zhytomyr", "UA", "Q156713"),
    ("Shitomir", "Zhytomyr", "UA", "Q156713"),
    ("Kiew", "Kyiv", "UA", "Q1899"),
    ("Kyiv", "Kyiv", "UA", "Q1899"),
    ("Kiev", "Kyiv", "UA", "Q1899"),
    ("Київ", "Kyiv", "UA", "Q1899"),
    ("Києві", "Kyiv", "UA", "Q1899"),
    ("Czernowitz", "Chernivtsi", "UA", None),
    ("Chernivtsi", "Chernivtsi", "UA", None),
    ("Iwano-Frankiwsk", "Ivano-Frankivsk", "UA", "Q156726"),
    ("Ivano-Frankivsk", "Ivano-Frankivsk", "UA", "Q156726"),
    ("Lemberg", "Lviv", "UA", "Q36036"),
    ("Lwiw", "Lviv", "UA", "Q36036"),
    ("Lviv", "Lviv", "UA", "Q36036"),
    ("Львова", "Lviv", "UA", "Q36036"),
    ("Rostow am Don", "Rostov-on-Don", "RU", "Q908"),
    ("Rostov-on-Don", "Rostov-on-Don", "RU", "Q908"),
    ("Köln", "Cologne", "DE", "Q365"),
    ("Cologne", "Cologne", "DE", "Q365"),
    ("Кельн", "Cologne", "DE", "Q365"),
    ("Кельном", "Cologne", "DE", "Q365"),
    ("München", "Munich", "DE", "Q1726"),
    ("Munich", "Munich", "DE", "Q1726"),
    ("Tschortkiw", "Chortkiv", "UA", None),
    ("Chortkiv", "Chortkiv", "UA", None),
    ("Schowkwa", "Zhovkva", "UA", "Q864836"),
    ("Zhovkva", "Zhovkva", "UA", "Q864836"),
    ("Chotyn", "Khotyn", "UA", "Q45883"),
    ("Khotyn", "Khotyn", "UA", "Q45883"),
    ("Hotyn", "Khotyn", "UA", "Q45883"),
    ("Żagań", "Żagań", "PL", "Q158459"),
    ("Zagan", "Żagań", "PL", "Q158459"),
    ("Bad Soden-Salmünster", "Bad Soden-Salmünster", "DE", None),
    ("Dortmund", "Dortmund", "DE", "Q1295"),
    ("Dortmunds", "Dortmund", "DE", "Q1295"),
    ("Zwickaus", "Zwickau", "DE", None),
    ("Дніпро", "Dnipro", "UA", "Q48256"),
    ("Дніпра", "Dnipro", "UA", "Q48256"),
    ("Дніпром", "Dnipro", "UA", "Q48256"),
    ("Dnipropetrovsk", "Dnipro", "UA", "Q48256"),
    ("Hull", "Hull", "GB", "Q128147"),
    ("Kingston upon Hull", "Hull", "GB", "Q128147"),
    ("Leeds", "Leeds", "GB", None),
    ("Amiens", "Amiens", "FR", None),
    ("Sankt Augustin", "Sankt Augustin", "DE", None),
    ("Teltow", "Teltow", "DE", None),
    ("Altdorf", "Altdorf bei Nürnberg", "DE", None),
    ("Kupiansk", "Kupiansk", "UA", None),
]


@pytest.mark.parametrize(("written", "name", "country", "qid"), SPELLINGS)
def test_spelling_resolves_to_the_canonical_place(g: Gazetteer, written: str, name: str, country: str, qid: str | None):
    place = g.resolve(written)
    assert place is not None, written
    assert (place.name, place.country) == (name, country)
    if qid:
        assert place.wikidata == qid


def test_one_place_object_whatever_the_spelling(g: Gazetteer):
    forms = ["Schytomyr", "Schytomyrs", "Zhytomyr", "Житомир", "Shitomir", "Zhitomir"]
    assert len({g.resolve(f) for f in forms}) == 1


def test_place_carries_coordinates_population_and_geonames_id(g: Gazetteer):
    place = g.resolve("Schytomyr")
    assert isinstance(place, Place)
    assert place.geonames == 686967
    assert place.lat == pytest.approx(50.26, abs=0.05) and place.lon == pytest.approx(28.68, abs=0.05)
    assert place.population > 200_000


def test_country_hint_picks_the_place_in_that_country(g: Gazetteer):
    assert g.resolve("Frankfurt").name == "Frankfurt am Main"  # the most populous one
    assert g.resolve("Frankfurt", country="DE").country == "DE"
    oder = g.resolve("Frankfurt (Oder)")
    assert oder is not None and oder.country == "DE" and oder.name != "Frankfurt am Main"
    assert g.resolve("Kiew", country="UA").name == "Kyiv"
    assert g.resolve("Kiew", country="Ukraine").name == "Kyiv"  # English country names work too
    assert g.resolve("Kiew", country="DE") is None


def test_candidates_lists_every_place_of_an_ambiguous_name_best_first(g: Gazetteer):
    found = g.candidates("Frankfurt")
    assert found[0].name == "Frankfurt am Main"
    assert len(found) >= 2
    cologne = g.candidates("Cologne")
    assert [p.country for p in cologne[:1]] == ["DE"]
    assert "IT" in {p.country for p in cologne}  # the Italian town named Cologne is there, ranked lower


@pytest.mark.parametrize("name", ["Ukraine", "Germany", "Deutschland", "Sachsen", "Bayern", "Україна", "Lviv Oblast"])
def test_countries_and_states_are_not_cities(g: Gazetteer, name: str):
    assert g.resolve(name) is None


def test_city_states_named_like_their_country_stay_cities(g: Gazetteer):
    luxembourg = g.resolve("Luxembourg")
    assert luxembourg is not None and luxembourg.country == "LU"


def test_unknown_names_resolve_to_nothing(g: Gazetteer):
    assert g.resolve("Xqzzyville") is None
    assert g.resolve("") is None
    assert g.candidates("   ") == []


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Ukraine", "UA"),
        ("United Kingdom", "GB"),
        ("United States", "US"),
        ("Russia", "RU"),
        ("UA", "UA"),
        ("Czech Republic", "CZ"),
        ("South Korea", "KR"),
        ("Atlantis", None),
        ("Deutschland", "DE"),
        ("Німеччині", "DE"),
        ("Україна", "UA"),
        ("Tschechien", "CZ"),
    ],
)
def test_country_codes(g: Gazetteer, name: str, code: str | None):
    assert g.country_code(name) == code


def test_place_becomes_a_city_fact_with_its_mentions(g: Gazetteer):
    city = g.resolve("Schytomyrs").as_city(("Schytomyrs",))
    assert (city.name, city.country, city.wikidata, city.geonames) == ("Zhytomyr", "UA", "Q156713", 686967)
    assert city.mentions == ("Schytomyrs",)


def test_spellings_of_places_for_a_map_search(g: Gazetteer) -> None:
    found = g.spellings([("Zhytomyr", "UA"), ("Dortmund", "DE"), ("Atlantis", "XX")], limit=40)
    assert {"житомир", "schytomyr", "zhitomir"} <= set(found[("Zhytomyr", "UA")])
    assert "дортмунд" in found[("Dortmund", "DE")]
    assert ("Atlantis", "XX") not in found
    assert len(g.spellings([("Zhytomyr", "UA")], limit=3)[("Zhytomyr", "UA")]) == 3
