"""Events only where the sentence reports the act: given aid, granted money, a reception, a celebrated jubilee."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from twingraph.facts import FactSet

Extract = Callable[..., FactSet]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # money made available
        ("Die Sächsische Staatskanzlei unterstützt dies und stellt für entsprechende Aktivitäten zunächst insgesamt "
         "175.000 Euro zur Verfügung.", "funding"),
        ("Den Städten Borna, Delitzsch und Zwickau stehen jeweils 25.000 Euro für die Unterstützung ihrer "
         "Partnerstädte zur Verfügung.", "funding"),
        ("The county council has provided £5,000 towards the cost of the exchange.", "funding"),
        # years of a partnership celebrated
        ("Forchheim feiert 50 Jahre Städtepartnerschaft mit Le Perreux.", "anniversary"),
        ("Im Mai beging man das 40-jährige Bestehen der Partnerschaft mit De Bilt.", "anniversary"),
        ("Zur Eröffnung des Festaktes spielte die Bigband der Musikschule aus De Bilt.", "anniversary"),
        ("Truro and Morlaix celebrated 45 years of twinning with a ceremony.", "anniversary"),
        # the Golden Book: an official reception
        ("Einer der Höhepunkte des Besuchs war ihr Eintrag in das Goldene Buch der Stadt Leipzig.", "reception"),
        ("The delegation signed the Golden Book of the city.", "reception"),
        ("On Tuesday, students visited Windsor City Hall to meet Mayor Drew Dilkens.", "reception"),
        ("Im Rathaus trafen die Gäste Oberbürgermeister Thomas Westphal.", "reception"),
        # aid brought or set on its way
        ("Nottingham played a significant role in bringing relief and help to the children of Minsk.", "donation"),
        ("Der Transport ist heute von Dresden aus mit Hilfe einer Spedition auf den Weg in die Ukraine gegangen.",
         "donation"),
    ],
)  # fmt: skip
def test_the_act_is_an_event(extract: Extract, text: str, kind: str) -> None:
    assert kind in [e.kind for e in extract(text).events]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # collecting or buying is not giving
        ("Fast genauso lange sammelt sie schon Spenden für Bedürftige in ihrer ukrainischen Heimatstadt.", "donation"),
        ("In den letzten Tagen haben ehrenamtliche Helfer beim Sammeln und Verladen der Spenden geholfen.",
         "donation"),
        ("The twinning association is raising donations for a new ambulance.", "donation"),
        ("Die zentrale Beschaffung der medizinischen Hilfsgüter erfolgte in der Klinik-Apotheke.", "donation"),
        # a goal or a figure of speech
        ("Die Stadt will im Herbst Generatoren spenden.", "donation"),
        ("Mit dem Beschluss schickt der Rat ein Zeichen der Solidarität in die Ukraine.", "donation"),
        ("The council sent a message of solidarity to its twin town.", "donation"),
        # an idea welcomed, not a guest
        ("Der Oberbürgermeister begrüßte den Beschluss des Rates ausdrücklich.", "reception"),
        ("The mayor welcomed the decision to suspend the link with Perm.", "reception"),
        # money asked for, or no money; a war's anniversary
        ("Der Partnerschaftsverein hat beim Land Fördermittel für die Reise beantragt.", "funding"),
        ("The students contributed to the success of the exchange.", "funding"),
        ("Am Jahrestag des russischen Angriffskriegs gedachte der Rat der Opfer.", "anniversary"),
        ("On the first anniversary of the invasion, the council lit the town hall in blue and yellow.",
         "anniversary"),
        # where a meeting took place
        ("He thanked Mayor Mallory for inviting him to the Sister City Conference hosted in Cincinnati this year.",
         "reception"),
    ],
)  # fmt: skip
def test_no_act_no_event(extract: Extract, text: str, kind: str) -> None:
    assert kind not in [e.kind for e in extract(text).events]
