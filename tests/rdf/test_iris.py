"""IRI minting: one thing, one IRI, whatever the source or spelling of its key."""

from __future__ import annotations

import pytest

from twingraph.rdf import iris


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dortmund", "dortmund"),
        ("Bad Soden-Salmünster", "bad-soden-salmunster"),
        ("Rostov-on-Don", "rostov-on-don"),
        ("Żagań", "zagan"),
        ("Straße der Einheit", "strasse-der-einheit"),
        ("Житомир", "житомир"),
        ("  ", "x"),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert iris.slug(text) == expected


def test_partnership_iri_ignores_city_order() -> None:
    a = iris.city_iri("Dortmund", "DE")
    b = iris.city_iri("Zhytomyr", "UA")
    assert iris.partnership_iri("solidarity", [a, b]) == iris.partnership_iri("solidarity", [b, a])
    assert iris.partnership_iri("solidarity", [a, b]) != iris.partnership_iri("twinning", [a, b])
    assert iris.partnership_iri("twinning", [a, b]).value.endswith("/partnership/twinning/de-dortmund--ua-zhytomyr")


def test_article_iri_is_stable_and_distinct() -> None:
    url = "https://www.dortmund.de/newsroom/nachrichten/delegation-aus-schytomyr-besucht-dortmund.html"
    assert iris.article_iri(url) == iris.article_iri(url)
    assert iris.article_iri(url) != iris.article_iri(url + "?page=2")


def test_city_iri_uses_country() -> None:
    assert iris.city_iri("Frankfurt", "DE") != iris.city_iri("Frankfurt", "US")
    assert iris.city_iri("Frankfurt", None).value.endswith("/city/xx/frankfurt")
