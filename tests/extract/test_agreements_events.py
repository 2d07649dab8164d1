"""Agreements (parties, date), events (donation, funding, reception, anniversary) and organizations."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from twingraph.facts import FactSet

Extract = Callable[..., FactSet]


@pytest.mark.parametrize(
    ("text", "published", "parties", "date"),
    [
        (
            "Leeds and Dortmund are committing to strengthening relations with the re-signing of their Memorandum of "
            "Understanding today, following the UK’s departure from the European Union.",
            "2021-02-12",
            {"Leeds", "Dortmund"},
            "2021-02-12",
        ),
        (
            "Tripartite twinning agreement between Khotyn (Ukraine), Żagań (Poland) and Teltow (Germany) was signed "
            "by the mayors of the cities.",
            None,
            {"Khotyn", "Żagań", "Teltow"},
            None,
        ),
        (
            "Der Besuch wurde auch dafür genutzt, eine Vereinbarung zu einer Zusammenarbeit zwischen der Stadt "
            "Dortmund und dem „Zhytomyr Volunteer Headquarter“ zu unterzeichnen.",
            None,
            {"Stadt Dortmund", "Zhytomyr Volunteer Headquarter"},
            None,
        ),
        (
            # a renewal is dated when it is signed, not by the charter it renews
            "Im Fall von Dortmund und Amiens unterzeichneten beiden Seiten eine Erneuerung der Partnerschaftsurkunde "
            "vom 2. April 1960.",
            None,
            {"Dortmund", "Amiens"},
            None,
        ),
        (
            "Am 5. Mai 2019 unterzeichneten die Bürgermeister von Jena und Lviv in Jena einen Partnerschaftsvertrag.",
            None,
            {"Jena", "Lviv"},
            "2019-05-05",
        ),
    ],
)
def test_agreement(extract: Extract, text: str, published: str | None, parties: set[str], date: str | None) -> None:
    agreements = extract(text, published=published).agreements
    assert len(agreements) == 1
    assert set(agreements[0].parties) == parties
    assert (agreements[0].date.iso if agreements[0].date else None) == date


def test_agreements_in_general_are_no_agreement(extract: Extract) -> None:
    text = "Municipalities of Ukraine can sign twinning agreements with foreign municipalities such as Lublin or Kyiv."
    assert extract(text).agreements == ()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Viele Spenden seien seitdem in Schytomyr gelandet, darunter ein Feuerwehrfahrzeug und ein Bus.", "donation"),
        ("Martin van der Pütten und Fabian Zeuch übergaben Küchenmensen für Schulen und Generatoren.", "donation"),
        (
            "Der Besuch wurde zu großen Teilen von der Servicestelle für Kommunen in der Einen Welt gefördert.",
            "funding",
        ),
        (
            "The trip of the Ukrainian delegation took place thanks to the support of the Hans Seidel Foundation.",
            "funding",
        ),
        ("Nach Ankunft wurde die Delegation von Bürgermeisterin Barbara Brunsing offiziell begrüßt.", "reception"),
        ("Stadt Dortmund has been twinned with Leeds, with 2019 being the 50th year anniversary.", "anniversary"),
        ("The town of Rugby donated two fire engines to its partner town of Bila Tserkva.", "donation"),
    ],
)
def test_event_kind(extract: Extract, text: str, kind: str) -> None:
    assert kind in [e.kind for e in extract(text).events]


def test_one_anniversary_per_article(extract: Extract) -> None:
    facts = extract(
        "Die Feierlichkeiten zum runden Jubiläum mussten verschoben werden. Am 17. und 18. Mai wurde der Festakt "
        "nachgeholt. Im Vordergrund stand der Festakt zum Jubiläum der Freundschaft von Dortmund und Amiens."
    )
    assert [e.kind for e in facts.events].count("anniversary") == 1


@pytest.mark.parametrize(
    ("text", "name", "city"),
    [
        ("Dr. Stefan Mühlhofer ist Direktor der Dortmunder Kulturbetriebe.", "Dortmunder Kulturbetriebe", "Dortmund"),
        ("So wurde erörtert, wie das Klinikum Dortmund das Krankenhaus in Schytomyr unterstützen kann.",
         "Klinikum Dortmund", "Dortmund"),
        ("Das Bundesministerium für wirtschaftliche Zusammenarbeit bietet allen Kommunen Unterstützung.",
         "Bundesministerium für wirtschaftliche Zusammenarbeit", None),
        ("Councillor Judith Blake, leader of Leeds City Council, said it.", "Leeds City Council", "Leeds"),
        ("The annual meeting of the Network of Young German Mayors took place in Berlin.",
         "Network of Young German Mayors", None),
        ("Die Feierstunde findet im Dortmunder Rathaus statt, organisiert von der Stadt Dortmund.", "Stadt Dortmund",
         "Dortmund"),
    ],
)  # fmt: skip
def test_organization(extract: Extract, text: str, name: str, city: str | None) -> None:
    orgs = {o.name: o.city for o in extract(text).organizations}
    assert name in orgs, orgs
    assert orgs[name] == city


def test_venues_are_no_organizations(extract: Extract) -> None:
    facts = extract(
        "The visit finished with the farewell party held at the Prince William of Gloucester Barracks. "
        "Die Feierstunde findet im Dortmunder Rathaus statt."
    )
    assert not [o.name for o in facts.organizations if "Barracks" in o.name or "Rathaus" in o.name]


def test_a_headline_donation_is_the_one_the_body_tells(extract: Extract) -> None:
    facts = extract(
        "Hilfstransport nach Mykolajiw: Bremen liefert Generatoren\n\n"
        "Bremen hat am Mittwoch einen weiteren Hilfstransport in die ukrainische Partnerstadt Mykolajiw auf den Weg "
        "gebracht.",
        published="2023-01-20",
    )
    donations = [e for e in facts.events if e.kind == "donation"]
    assert len(donations) == 1
    assert donations[0].date is not None and donations[0].date.iso == "2023-01-18"


def test_thanks_for_aid_is_no_new_donation(extract: Extract) -> None:
    facts = extract("Schymanska dankte Dortmund ausdrücklich für die zahlreichen Hilfslieferungen.")
    assert [e.kind for e in facts.events] == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a date in a clause about something else does not date the signing
        (
            "Leeds and Dortmund re-signed their charter, organised by the Leeds Twinning Association, which was "
            "first established in 1979.",
            None,
        ),
        ("Am 5. Mai 2019 unterzeichneten Jena und Lviv, die seit 1990 verbunden sind, einen Vertrag.", "2019-05-05"),
    ],
)
def test_agreement_dated_by_its_signing_clause(extract: Extract, text: str, date: str | None) -> None:
    agreements = extract(text).agreements
    assert [a.date.iso if a.date else None for a in agreements] == [date]


@pytest.mark.parametrize(
    "text",
    [
        # the anniversary of a signing is a celebration, not a signing
        "The meeting took place on the occasion of the 25th anniversary of the signing of the official twinning "
        "charter between Skerries and Guichen.",
        # a signing planned without a fixed date is no agreement yet
        "Der Partnerschaftsvertrag zwischen Jena und Lviv soll im Herbst unterzeichnet werden.",
        "The memorandum between Leeds and Dortmund is to be signed later this year.",
    ],
)
def test_no_agreement(extract: Extract, text: str) -> None:
    assert extract(text, published="2019-04-01").agreements == ()


def test_planned_signing_on_a_fixed_day_is_an_agreement(extract: Extract) -> None:
    facts = extract("Der Partnerschaftsvertrag zwischen Jena und Lviv soll am 12. Mai 2019 unterzeichnet werden.")
    assert [(set(a.parties), a.date and a.date.iso) for a in facts.agreements] == [({"Jena", "Lviv"}, "2019-05-12")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # sealing or signing the partnership itself signs its agreement, dated by the date nearest the verb
        (
            "Schon im April 2008 war die Städtepartnerschaft zwischen Jena und Lviv beschlossen und bei einem Fest "
            "im Dezember desselben Jahres besiegelt worden.",
            "2008-12",
        ),
        ("Freiburg und Lviv haben am Dienstag ihre Solidaritätspartnerschaft besiegelt.", "2023-05-09"),
        ("Leeds and Dortmund signed their twinning on 3 March 2020.", "2020-03-03"),
    ],
)
def test_a_sealed_partnership_is_an_agreement(extract: Extract, text: str, date: str) -> None:
    agreements = extract(text, published="2023-05-10").agreements
    assert [(len(a.parties), a.date.iso if a.date else None) for a in agreements] == [(2, date)]


def test_a_partnership_merely_named_is_no_agreement(extract: Extract) -> None:
    assert (
        extract("Jena und Lviv feiern ihre Städtepartnerschaft mit einem Fest.", published="2023-05-10").agreements
        == ()
    )


def test_handing_over_aid_is_a_donation(extract: Extract) -> None:
    facts = extract("Oxford and Bonn are twin towns. The council handed over 20 generators to Bonn.")
    assert [e.kind for e in facts.events] == ["donation"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a gift with its giver, aid set on its way, money received or granted
        ("Die Kieler Feuerwehr hat der Partnerstadt Vaasa ein Löschfahrzeug geschenkt.", ["donation"]),
        ("A lorry loaded with medical supplies left Oxford for Bonn on Saturday.", ["donation"]),
        ("Am Samstag machte sich ein Lkw mit Hilfsgütern auf den Weg nach Vaasa.", ["donation"]),
        ("Das Land fördert das Projekt mit 20.000 Euro.", ["funding"]),
        ("The project received £10,000 from the Foreign Office.", ["funding"]),
        # a metaphor, a goal, an appeal are no gift
        ("Die Partnerschaft ist ein Geschenk, das man pflegen muss.", []),
        ("Ziel ist es, Vaasa mit Generatoren zu unterstützen.", []),
        ("Spenden können auf das Konto der Stadt Kiel überwiesen werden.", []),
        ("The mayor hopes to donate more aid to Bonn next year.", []),
    ],
)
def test_an_event_needs_the_act(extract: Extract, text: str, kinds: list[str]) -> None:
    assert [e.kind for e in extract(text, published="2023-05-10").events] == kinds


def test_aid_set_on_its_way_after_a_donation_is_that_delivery(extract: Extract) -> None:
    facts = extract(
        "Sieben mit Spenden beladene Fahrzeuge der Feuerwehr Kiel beteiligen sich an der Hilfsaktion für Vaasa. "
        "Die Feuerwehrleute luden am Donnerstag die Fahrzeuge. "
        "In einem Konvoi haben sich die Fahrzeuge mit den Hilfsgütern am Freitag auf den Weg nach Vaasa gemacht.",
        published="2023-05-10",
    )
    assert [e.kind for e in facts.events] == ["donation"]


def test_a_renewal_signs_the_agreement_again(extract: Extract) -> None:
    facts = extract(
        "McAllen and San Luis Potosí reaffirmed their sister city agreement on Thursday.", published="2024-06-28"
    )
    assert [(set(a.parties), a.date.iso if a.date else None) for a in facts.agreements] == [
        ({"McAllen", "San Luis Potosí"}, "2024-06-27")
    ]


def test_an_austrian_signing_of_a_charta(extract: Extract) -> None:
    facts = extract(
        "Kiel und Vaasa sind Partnerstädte. Die Bürgermeister unterfertigten am Montag in Vaasa die "
        "Partnerschaftscharta.",
        published="2023-05-10",
    )
    assert [(set(a.parties), a.date.iso if a.date else None) for a in facts.agreements] == [
        ({"Kiel", "Vaasa"}, "2023-05-08")
    ]


def test_promoting_an_exchange_is_no_funding(extract: Extract) -> None:
    facts = extract("Die Partnerschaft zwischen Kiel und Vaasa soll den Austausch zwischen den Schulen fördern.")
    assert facts.events == ()
