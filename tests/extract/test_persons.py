"""Persons, their posts and what the posts belong to, from real sentences of the dev set and a few of our own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from twingraph.facts import FactSet

Extract = Callable[..., FactSet]


@pytest.mark.parametrize(
    ("text", "name", "role", "of"),
    [
        (
            "Nach Ankunft wurde die Delegation aus Schytomyr von Bürgermeisterin Barbara Brunsing offiziell begrüßt, "
            "anschließend konnten sich die Gäste ein Bild über die Geschichte Dortmunds machen.",
            "Barbara Brunsing",
            "mayor",
            "Dortmund",
        ),
        (
            "„Wir sind sehr dankbar für den tollen Besuch in Dortmund“, sagte die stellvertretende Bürgermeisterin "
            "Schytomyrs, Svitlana Olshanska.",
            "Svitlana Olshanska",
            "deputy mayor",
            "Zhytomyr",
        ),
        (
            "Neben Zwickaus Oberbürgermeisterin Dr. Pia Findeiß gehören der Besuchergruppe die Altoberbürgermeister "
            "Heiner Fischer und Rainer Eichhorn an.",
            "Rainer Eichhorn",
            "former Lord Mayor",
            "Zwickau",
        ),
        (
            "Neben Zwickaus Oberbürgermeisterin Dr. Pia Findeiß gehören der Besuchergruppe Vertreter an.",
            "Pia Findeiß",
            "Lord Mayor",
            "Zwickau",
        ),
        (
            "Zu der Delegation aus Dortmund gehören Ivan Adamenko, Geschäftsführer von Wilo Ukraine, und andere.",
            "Ivan Adamenko",
            "managing director",
            "Wilo Ukraine",
        ),
        (
            "Dr. Stefan Mühlhofer als geschäftsführender Direktor der Dortmunder Kulturbetriebe brachte eine "
            "Kooperation der Musikschulen auf den Weg.",
            "Stefan Mühlhofer",
            "managing director",
            "Dortmunder Kulturbetriebe",
        ),
        (
            "This was announced by Andrii Dranchuk, Mayor of Khotyn, on social media.",
            "Andrii Dranchuk",
            "mayor",
            "Khotyn",
        ),
        (
            "Mayor of Grantham, Coun Mike Cook, who is also the honorary president of the association, was guest "
            "of honour.",
            "Mike Cook",
            "mayor",
            "Grantham",
        ),
        (
            "Vor dem Hintergrund des Krieges hat Bundespräsident Frank-Walter Steinmeier zur Bildung von "
            "Partnerschaften aufgerufen.",
            "Frank-Walter Steinmeier",
            "Federal President",
            None,
        ),
        (
            "The visitors were entertained by classical guitarist Nigel Truman and singers Chad and Dennis George.",
            "Chad George",
            "singer",
            None,
        ),
        (
            "Lord Mayor of Coventry, Councillor Kevin Foster, said the decision was taken after the invasion.",
            "Kevin Foster",
            "Lord Mayor",
            "Coventry",
        ),
        (
            "Der Empfang im Rathaus von Leipzig wurde von Oberbürgermeister Burkhard Jung eröffnet.",
            "Burkhard Jung",
            "Lord Mayor",
            "Leipzig",
        ),
    ],
)
def test_person_role_and_of(extract: Extract, text: str, name: str, role: str, of: str | None) -> None:
    persons = {p.name: p for p in extract(text).persons}
    assert name in persons, list(persons)
    assert persons[name].role == role
    assert persons[name].of == of


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        ("Im Rahmen der Festveranstaltung verleiht sie die Martin-Römer-Ehrenmedaille an die Preisträger.", "Martin"),
        ("The trip took place thanks to the support of the Hans Seidel Foundation.", "Hans Seidel"),
        ("Der bisherige Oberbürgermeister hat inzwischen die Bundesbehörde übernommen.", "Oberbürgermeister"),
        ("The Grantham Twinning Association welcomed 28 guests from Sankt Augustin.", "Grantham"),
    ],
)
def test_things_that_are_not_persons(extract: Extract, text: str, not_a_person: str) -> None:
    assert not [p.name for p in extract(text).persons if not_a_person in p.name]


def test_party_affiliation_is_no_organization(extract: Extract) -> None:
    facts = extract("Dortmund passe gut zu Schytomyr, betont Oberbürgermeister Thomas Westphal (SPD) im Gespräch.")
    assert [p.name for p in facts.persons] == ["Thomas Westphal"]
    assert "SPD" not in [o.name for o in facts.organizations]
