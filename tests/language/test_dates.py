"""The date normaliser: German and English forms, ranges, inferred years and relative dates."""

from __future__ import annotations

import pytest

from twingraph.facts import DateValue
from twingraph.language.dates import NEXT_DAY, DateContext, day_after, find_dates, parse_date

CONTEXT_2023 = DateContext(year=2023)
PUBLISHED = DateContext(published=DateValue("2021-02-12"))


@pytest.mark.parametrize(
    ("text", "iso", "until", "inferred"),
    [
        ("Bereits im Februar 2023 hat der Dortmunder Stadtrat", "2023-02", None, False),
        ("eine Erneuerung der Partnerschaftsurkunde vom 2. April 1960.", "1960-04-02", None, False),
        ("Eine kleine Delegation aus Dortmund reiste am Montag, 19. Juni, in die Großstadt", "2023-06-19", None, True),
        ("war während der DiWoDo vom 24. bis 29. September zu Gast", "2023-09-24", "2023-09-29", True),
        ("Am 17. und 18. Mai wurde der Festakt nachgeholt.", "2023-05-17", "2023-05-18", True),
        (
            "Eine Gruppe aus Zwickau reist vom 2. bis 4. Mai 2014 in die Partnerstadt.",
            "2014-05-02",
            "2014-05-04",
            False,
        ),
        ("Im Dezember 1988 wurde die Städtepartnerschaft begründet.", "1988-12", None, False),
        ("On June 14-15, the annual meeting took place in Berlin", "2023-06-14", "2023-06-15", True),
        ("The charter was signed on 14 June 2019 in the town hall.", "2019-06-14", None, False),
        ("signed on February 12, 2021", "2021-02-12", None, False),
        ("Sitzung am 24.04.2014 beschlossen", "2014-04-24", None, False),
        ("The friendship between Leeds and Dortmund dates back to 1969", "1969", None, False),
        ("Nachdem am 1. Dezember des vergangenen Jahres eine Delegation", "2022-12-01", None, True),
    ],
)
def test_absolute_dates(text: str, iso: str, until: str | None, inferred: bool) -> None:
    found = find_dates(text, CONTEXT_2023)
    assert found, text
    assert found[0].value.iso == iso
    assert found[0].value.inferred is inferred
    assert (found[0].until.iso if found[0].until else None) == until
    assert text[found[0].start : found[0].end] == found[0].value.text


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("the re-signing of their Memorandum of Understanding today", "2021-02-12"),
        ("Die Delegation kam gestern an.", "2021-02-11"),
        ("welcomed 28 guests last week", "2021-02"),
        ("Вже сьогодні Дніпро підписав угоду", "2021-02-12"),
        ("im vergangenen September", "2020-09"),
        ("welcomed a delegation to City Hall on Tuesday.", "2021-02-09"),  # 12 February 2021 was a Friday
    ],
)
def test_relative_dates_resolve_against_the_publication_date(text: str, iso: str) -> None:
    value = parse_date(text, PUBLISHED)
    assert value is not None and value.iso == iso


@pytest.mark.parametrize(
    "text",
    [
        "Die Stadt mit knapp 270.000 Einwohnenden passe gut zu Dortmund",
        "Fast 400 Wohnhäuser wurden zerstört.",
        "Dortmunds 45 Jahre währende Städtepartnerschaft",  # a duration, no year
        "It may well be that the mayor will come.",
        "Amiens will Kulturhauptstadt werden",
    ],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert find_dates(text, CONTEXT_2023) == []


def test_day_and_month_without_any_year_stay_open() -> None:
    assert find_dates("in der Stadtratssitzung vom 16. November vollzogen", DateContext()) == []
    assert parse_date("today", DateContext()) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The Delegation arrived in Cincinnati in May, 2017.", "2017-05"),
        ("Am Dienstagabend empfing der Oberbürgermeister die Gäste.", "2017-07-04"),
        ("The charter is to be signed on Thursday.", "2017-07-13"),
        ("Die Delegation wird am Mittwoch in Kiew erwartet.", "2017-07-12"),
        ("The exchange students return at the end of June.", "2017-06"),
        ("Next Friday the mayors meet again.", "2017-07-14"),
        ("Im kommenden Jahr soll die Partnerschaft besiegelt werden.", "2018"),
    ],
)
def test_relative_dates_anchored_to_the_publication_date(text: str, iso: str) -> None:
    """Published on Sunday, 9 July 2017: a weekday looks back unless the word or the clause looks ahead."""
    ctx = DateContext(published=DateValue.parse("2017-07-09"), year=2017)
    assert [d.value.iso for d in find_dates(text, ctx)] == [iso]


def test_english_ranges_with_to() -> None:
    ctx = DateContext(published=DateValue.parse("2017-11-09"), year=2017)
    [found] = find_dates("The group stays between September 12 to 16.", ctx)
    assert (found.value.iso, found.until.iso if found.until else None) == ("2017-09-12", "2017-09-16")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Im April 2008 beschlossen und im Dezember desselben Jahres besiegelt.", "2008-12"),
        ("The charter was signed in 1990 and renewed in June of that year.", "1990-06"),
    ],
)
def test_a_month_of_the_same_year_takes_the_year_named_before(text: str, iso: str) -> None:
    assert find_dates(text)[-1].value.iso == iso


def test_a_weekday_before_a_count_is_still_a_weekday() -> None:
    ctx = DateContext(published=DateValue.parse("2023-05-10"))
    dates = find_dates("Das Komitee übergab am Freitag 40 Stromgeneratoren.", ctx)
    assert [d.value.iso for d in dates] == ["2023-05-05"]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Vor 50 Jahren wurde die Partnerschaft besiegelt.", "1972"),
        ("The towns were twinned 25 years ago.", "1997"),
        ("The association will visit Itzehoe from 20 to 24 May.", "2022-05-20"),
    ],
)
def test_years_ago_and_day_ranges_with_to(text: str, iso: str) -> None:
    dates = find_dates(text, DateContext(published=DateValue.parse("2022-06-01")))
    assert [d.value.iso for d in dates] == [iso]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Vor zwei Wochen reiste eine Delegation nach Kiel.", "2023-04"),
        ("Three days ago the mayor visited Bonn.", "2023-05-07"),
        ("vor drei Monaten", "2023-02"),
        ("two years ago", "2021"),
        ("vor einem Jahr", "2022"),
    ],
)
def test_spans_counted_back_from_the_publication_day(text: str, iso: str) -> None:
    dates = find_dates(text, DateContext(published=DateValue.parse("2023-05-10")))
    assert [d.value.iso for d in dates] == [iso]


def test_the_day_after() -> None:
    assert NEXT_DAY.search("Am nächsten Tag reiste die Delegation ab.")
    assert day_after(DateValue("2023-05-31")) == DateValue("2023-06-01", None, inferred=True)
    assert day_after(DateValue("2023-05")) is None
