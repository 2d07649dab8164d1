"""Visits: origin, destination, dates and size; return visits; what is not a visit."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from twingraph.facts import FactSet

Extract = Callable[..., FactSet]


def _visits(facts: FactSet) -> list[tuple[str | None, str | None, str | None, str | None, int | None]]:
    return [
        (v.origin, v.destination, v.start.iso if v.start else None, v.end.iso if v.end else None, v.size)
        for v in facts.visits
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Im Dezember 1988 wurde die Städtepartnerschaft zwischen Dortmund und Zwickau begründet. "
            "Eine 25-köpfige Gruppe aus Zwickau reist vom 2. bis 4. Mai 2014 in die Partnerstadt.",
            ("Zwickau", "Dortmund", "2014-05-02", "2014-05-04", 25),
        ),
        (
            "Dortmund und Amiens feiern ihre Städtepartnerschaft. Aus diesem Anlass besuchte eine elfköpfige "
            "Dortmunder Delegation unter der Leitung von Oberbürgermeister Thomas Westphal die französische "
            "Partnerstadt.",
            ("Dortmund", "Amiens", None, None, 11),
        ),
        (
            "Dortmund und Schytomyr sind Partner. 19 Dortmunderinnen und Dortmunder reisten daher in die Ukraine, "
            "um das Netzwerk zu festigen.",
            ("Dortmund", "Zhytomyr", None, None, 19),
        ),
        (
            "The Grantham Twinning Association welcomed 28 guests from Sankt Augustin in Germany last week.",
            ("Sankt Augustin", "Grantham", "2017-07", None, 28),
        ),
        (
            "Buffalo Mayor Byron Brown welcomed a delegation of eight officials from Kanazawa, Japan, to City Hall on "
            "Tuesday.",
            ("Kanazawa", "Buffalo", "2017-07-04", None, 8),
        ),
        (
            "A delegation of 12 from Leeds visited Dortmund on 3 March 2020 for the anniversary.",
            ("Leeds", "Dortmund", "2020-03-03", None, 12),
        ),
    ],
)
def test_visit(extract: Extract, text: str, expected: tuple) -> None:
    assert expected in _visits(extract(text, published="2017-07-09"))


def test_return_visit_and_the_visit_it_answers(extract: Extract) -> None:
    facts = extract(
        "Exakt drei Monate nach dem ersten Besuch aus Dortmund in der ukrainischen Stadt Schytomyr gab es nun einen "
        "Gegenbesuch: Eine sechsköpfige Delegation nahm die Einladung aus Dortmund an und war während der Digitalen "
        "Woche Dortmund (DiWoDo) vom 24. bis 29. September 2023 zu Gast."
    )
    visits = {(v.origin, v.destination): v for v in facts.visits}
    assert set(visits) == {("Dortmund", "Zhytomyr"), ("Zhytomyr", "Dortmund")}
    back = visits[("Zhytomyr", "Dortmund")]
    assert back.size == 6 and back.return_visit
    assert back.start and back.start.iso == "2023-09-24"


@pytest.mark.parametrize(
    "text",
    [
        # a signing by video link is no visit
        "Dortmund und Schytomyr: Nun fand unlängst ein Online-Meeting zur Unterzeichnung statt, "
        "der Besuch aus Dortmund in Schytomyr folgt.",
        # sightseeing stops during a visit are no visits
        "Grantham welcomed guests from Sankt Augustin. This year, the visitors enjoyed a trip to Hull and Norwich.",
        # a trip to a country, by nobody named
        "The idea of tripartite cooperation between Żagań, Teltow and Khotyn was born during one of his trips to "
        "Germany.",
    ],
)
def test_not_visits(extract: Extract, text: str) -> None:
    pairs = {(v.origin, v.destination) for v in extract(text).visits}
    assert not pairs & {("Dortmund", "Zhytomyr"), ("Grantham", "Hull"), ("Sankt Augustin", "Hull")}
    assert ("Khotyn", "Teltow") not in pairs and (None, "Teltow") not in pairs


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Dortmund und Schytomyr arbeiten zusammen. Ein Ergebnis ist ein geplanter Besuch von Jugendlichen aus "
            "Schytomyr voraussichtlich im Februar 2024.",
            "2024-02",
        ),
        (
            "Dortmund hilft Schytomyr. Unter anderem kommen demnächst zehn Kinder und Jugendliche einer Musikschule "
            "nach Dortmund.",
            None,
        ),
    ],
)
def test_future_trips_without_fixed_days_are_planned_visit_events(
    extract: Extract, text: str, date: str | None
) -> None:
    facts = extract(text)
    planned = [e for e in facts.events if e.kind == "planned_visit"]
    assert len(planned) == 1
    assert (planned[0].date.iso if planned[0].date else None) == date
    assert facts.visits == ()


def test_trip_dated_after_publication_to_a_month_is_a_planned_visit(extract: Extract) -> None:
    facts = extract(
        "Die Städtepartnerschaft zwischen Erfurt und Kraków besteht seit 1963. Im Mai reist eine Erfurter "
        "Delegation nach Kraków, um dort einen Freundschaftsvertrag zu unterzeichnen.",
        published="2024-03-15",
    )
    assert facts.visits == ()
    assert [(e.kind, e.date and e.date.iso) for e in facts.events] == [("planned_visit", "2024-05")]
    assert facts.agreements == ()  # not signed yet


def _pairs(facts: FactSet) -> set[tuple[str | None, str | None]]:
    return {(v.origin, v.destination) for v in facts.visits}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a city in the genitive before a partner-city noun is the host, not where the group is from
        (
            "Students from Windsor’s twin city in Fujisawa, Japan are getting a taste of the Rose City on a two-week "
            "language and culture trip.",
            ("Fujisawa", "Windsor"),
        ),
        (
            "Leeds und Dortmund sind Partnerstädte. Schüler aus Dortmunds Partnerstadt sind derzeit zu Besuch.",
            ("Leeds", "Dortmund"),
        ),
        # a city before a group word is where the group comes from; the town hall names the host
        (
            "The ceremony took place at the City Hall of San Luis Potosí, where the interim mayor warmly welcomed the "
            "McAllen delegation.",
            ("McAllen", "San Luis Potosí"),
        ),
        ("Mayor Jane Smith welcomed the Dortmund delegation at Leeds Town Hall.", ("Dortmund", "Leeds")),
        # "in der Stadt" of a local paper is its home city
        (
            "Leipzig und Herzliya sind seit 2011 Partnerstädte. Leipzig freut sich. Eine siebenköpfige Delegation "
            "hält sich auf Einladung des Oberbürgermeisters in der Stadt auf.",
            ("Herzliya", "Leipzig"),
        ),
        # a place right after a city locates it: "Granville in Normandy" is where the guests come from
        (
            "Sherborne and Granville are twin towns. Members of the Sherborne Twinning Association welcomed 40 "
            "guests from Granville in Normandy last weekend.",
            ("Granville", "Sherborne"),
        ),
        # "zu Gast in X"; the head of a city travels from it
        (
            "Coventry und Kiel sind seit 1947 Partnerstädte. Schüler des Kieler Gymnasiums waren eine Woche zu Gast "
            "in Coventry.",
            ("Kiel", "Coventry"),
        ),
        (
            "Die Oberbürgermeisterin von Herzliya, Yael German, besucht Leipzig.",
            ("Herzliya", "Leipzig"),
        ),
        ("The Mayor of Leeds visited Dortmund for the festival.", ("Leeds", "Dortmund")),
        # a trip that has begun is a visit, whatever its rest will bring
        (
            "Nineteen students from Fujisawa arrived in Windsor on July 22 and will stay until early August.",
            ("Fujisawa", "Windsor"),
        ),
    ],
)
def test_visit_ends(extract: Extract, text: str, pair: tuple[str, str]) -> None:
    assert pair in _pairs(extract(text, published="2022-07-26"))


@pytest.mark.parametrize(
    "text",
    [
        # "aus De Bilt" belongs to the band, not to the guests of the clause
        "Coesfeld und De Bilt feiern 40 Jahre Städtepartnerschaft. Zur Eröffnung des Festaktes verwöhnte die "
        "Weathertown Bigband der Musikschule aus De Bilt mit Swing- und Jazz-Rhythmen die Ohren der Gäste.",
        # a visit in the coming year is not a visit yet
        "Burgdorf und Rheden sind Partnerstädte. Herr Obst organisiert derzeit den Besuch einer kleinen Musikgruppe "
        "aus Rheden zum Schützenfest im kommenden Jahr.",
    ],
)
def test_no_visit(extract: Extract, text: str) -> None:
    assert _pairs(extract(text, published="2017-11-09")) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a signing in person in one city of the pair is a trip there from the other
        (
            "Dortmund und Schytomyr sind Partnerstädte. Oberbürgermeister Thomas Westphal unterzeichnete am Montag "
            "in Schytomyr den Partnerschaftsvertrag.",
            ("Dortmund", "Zhytomyr", "2023-06-12"),
        ),
        (
            "Leeds and Dortmund are twin cities. The mayors signed the new memorandum in Leeds on 3 June 2023.",
            ("Dortmund", "Leeds", "2023-06-03"),
        ),
        # a delegation "aus X" received in the town hall of Y goes X -> Y
        (
            "Dortmund und Schytomyr sind Partnerstädte. Die Delegation aus Schytomyr wurde am Dienstag im Rathaus "
            "Dortmund empfangen.",
            ("Zhytomyr", "Dortmund", "2023-06-06"),
        ),
        # departures and weekdays
        (
            "Dortmund und Schytomyr sind Partnerstädte. Am Mittwoch ist eine Delegation nach Schytomyr aufgebrochen.",
            ("Dortmund", "Zhytomyr", "2023-06-07"),
        ),
        (
            "Leeds and Dortmund are twin cities. Leeds hosted a delegation from Dortmund on Tuesday.",
            ("Dortmund", "Leeds", "2023-06-06"),
        ),
    ],
)
def test_visit_patterns(extract: Extract, text: str, expected: tuple[str, str, str]) -> None:
    facts = extract(text, published="2023-06-12")
    assert expected in [(v.origin, v.destination, v.start.iso if v.start else None) for v in facts.visits]


def test_signing_by_video_is_no_visit(extract: Extract) -> None:
    facts = extract(
        "Dortmund und Schytomyr sind Partnerstädte. Die Bürgermeister unterzeichneten per Videoschalte in Schytomyr "
        "und Dortmund den Vertrag.",
        published="2023-06-12",
    )
    assert facts.visits == ()


def test_signing_in_person_adds_no_second_trip(extract: Extract) -> None:
    facts = extract(
        "Die Delegation aus Freiburg war am Montag nach Lviv gereist. Am Dienstag unterzeichneten die Bürgermeister "
        "in Lviv die Urkunde zur Städtepartnerschaft zwischen Freiburg und Lviv.",
        published="2023-05-10",
    )
    assert [(v.origin, v.destination, v.start and v.start.iso) for v in facts.visits] == [
        ("Freiburg im Breisgau", "Lviv", "2023-05-08")
    ]


def _planned(facts: FactSet) -> int:
    return sum(e.kind == "planned_visit" for e in facts.events)


@pytest.mark.parametrize(
    ("text", "visits", "planned"),
    [
        # an invitation to visit lies ahead
        (
            "Ingelheim und Kolomyia sind Partner. Im gleichen Atemzug lud er seinen Amtskollegen zu einem Gegenbesuch "
            "ein.",
            set(),
            1,
        ),
        (
            "Leeds and Dortmund are twin cities. The Dortmund association extended an invitation to the Leeds club "
            "to visit Germany next summer.",
            set(),
            1,
        ),
        # a guest who came on an invitation has visited
        (
            "Munich and Kyiv are twin cities. A delegation from Kyiv, invited to Munich by the mayor, spent three "
            "days in the city.",
            {("Kyiv", "Munich")},
            0,
        ),
        (
            "Dortmund und Schytomyr sind Partner. Die Delegation aus Schytomyr war von Oberbürgermeister Westphal "
            "eingeladen worden.",
            {("Zhytomyr", "Dortmund")},
            0,
        ),
        # a trip going on in a relative clause is a visit, whatever the main clause plans
        (
            "Wiesbaden und Lviv sind Partnerstädte. Um eine Zusammenarbeit zu initiieren, wird sich eine Delegation "
            "aus Lviv, welche noch bis 13. September Wiesbaden besucht, in Gesprächen austauschen.",
            {("Lviv", "Wiesbaden")},
            0,
        ),
        # stops during a visit are no trips between partners
        (
            "Windsor and Fujisawa are sister cities. Students will take English classes while in Windsor, in "
            "addition to a number of day trips, including to Niagara Falls.",
            set(),
            0,
        ),
        (
            "Truro and Morlaix are twin towns. Activities will include a visit to Trevaskis Farm on Friday.",
            set(),
            0,
        ),
    ],
)
def test_plans_and_stops(extract: Extract, text: str, visits: set[tuple[str, str]], planned: int) -> None:
    facts = extract(text, published="2023-09-01")
    assert (_pairs(facts), _planned(facts)) == (visits, planned)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group "aus X" received by the head of another city goes to that city
        (
            "Der Bürgermeister von Kiel empfing am Montag eine Delegation aus Vaasa im Rathaus.",
            {("Vaasa", "Kiel", "2023-05-08")},
        ),
        # a joint delegation of several towns: one trip from each
        (
            "Vertreter aus Freiburg und Tübingen besuchten am Montag die ukrainische Partnerstadt Lviv.",
            {("Freiburg im Breisgau", "Lviv", "2023-05-08"), ("Tübingen", "Lviv", "2023-05-08")},
        ),
        (
            "Die Delegationen aus Ingolstadt und Manisa waren am Dienstagabend Gäste in Kirkcaldy.",
            {("Ingolstadt", "Kirkcaldy", "2023-05-09"), ("Manisa", "Kirkcaldy", "2023-05-09")},
        ),
        (
            "Delegations from Kirkcaldy and Manisa were guests in Ingolstadt on Tuesday.",
            {("Kirkcaldy", "Ingolstadt", "2023-05-09"), ("Manisa", "Ingolstadt", "2023-05-09")},
        ),
        # a signing in person at the other city's town hall is a trip there
        (
            "Die Gemeinde Altdorf hat ihre Partnerschaft mit Schowkwa am Samstag im Rathaus von Schowkwa besiegelt.",
            {("Altdorf bei Nürnberg", "Zhovkva", "2023-05-06")},
        ),
    ],
)
def test_visit_direction_and_joint_delegations(
    extract: Extract, text: str, expected: set[tuple[str, str, str]]
) -> None:
    facts = extract(text, published="2023-05-10", language="de" if " aus " in text or " die " in text else "en")
    assert {(v.origin, v.destination, v.start.iso if v.start else None) for v in facts.visits} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fixed span ahead is a planned visit; the group's town is the article's other focus city
        (
            "Cirencester and Itzehoe are twin towns. The association will visit Itzehoe from 20 to 24 May.",
            ("Cirencester", "Itzehoe", "2022-05-20", True),
        ),
        (
            "Kiel und Vaasa sind Partnerstädte. Der Kieler Bürgermeister reiste am Montag nach Vaasa.",
            ("Kiel", "Vaasa", "2022-04-25", False),
        ),
    ],
)
def test_trips_of_heads_and_groups(extract: Extract, text: str, expected: tuple) -> None:
    facts = extract(text, published="2022-04-26")
    assert [(v.origin, v.destination, v.start.iso if v.start else None, v.planned) for v in facts.visits] == [expected]


def test_travel_ahead_without_fixed_days_is_a_planned_visit(extract: Extract) -> None:
    facts = extract(
        "Exeter and Rennes are twin towns. The Lord Mayor of Exeter will travel to Rennes at the end of June."
    )
    assert facts.visits == () and [e.kind for e in facts.events] == ["planned_visit"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a trip ahead on a weekday is fixed: a planned visit, not a vague plan
        (
            "Erfurt und Lublin sind Partnerstädte. Oberbürgermeister Bausewein reist am Donnerstag mit einer "
            "Delegation nach Lublin.",
            {("Erfurt", "Lublin", "2023-05-11", True)},
        ),
        (
            "Erfurt and Lublin are twin towns. Mayor Bausewein flew to Lublin on Monday.",
            {("Erfurt", "Lublin", "2023-05-08", False)},
        ),
        # representatives of a list of towns: one trip from each
        (
            "Erfurt and Lublin are twin towns. Representatives of Lublin, Vilnius and Kaunas visited Erfurt last week.",
            {
                ("Lublin", "Erfurt", "2023-05", False),
                ("Vilnius", "Erfurt", "2023-05", False),
                ("Kaunas", "Erfurt", "2023-05", False),
            },
        ),
    ],
)
def test_fixed_days_and_listed_origins(extract: Extract, text: str, expected: set[tuple]) -> None:
    facts = extract(text, published="2023-05-10")
    assert {(v.origin, v.destination, v.start.iso if v.start else None, v.planned) for v in facts.visits} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kiel und Vaasa sind Partnerstädte. Im Mai führte eine Bürgerreise 40 Kieler nach Vaasa.",
            [("Kiel", "Vaasa")],
        ),
        # "Preise" ends like "Reise" but is no trip
        ("Kiel und Vaasa sind Partnerstädte. Die Preise in Vaasa sind hoch.", []),
    ],
)
def test_german_compounds_of_a_trip(extract: Extract, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(v.origin, v.destination) for v in extract(text, published="2023-05-10").visits] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a possibility or a standing welcome
        "Kiel und Vaasa sind Partnerstädte. Besucher aus Kiel können das Museum in Vaasa kostenlos besuchen.",
        "Oxford and Bonn are twin towns. Visitors from Oxford are always welcome in Bonn.",
        # a habit over the years
        "Oxford and Bonn are twin towns. Over the years, hundreds of pupils have visited Bonn.",
        # a move to live somewhere, flight
        "Kiel und Vaasa sind Partnerstädte. Der Künstler kam 1990 aus Vaasa nach Kiel und lebt seither dort.",
        "Oxford and Bonn are twin towns. Many refugees from Kharkiv came to Oxford last year.",
        # how long a journey takes
        "Kiel und Vaasa sind Partnerstädte. Die Fahrt nach Vaasa dauert mit der Fähre 20 Stunden.",
    ],
)
def test_clauses_that_tell_no_single_trip(extract: Extract, text: str) -> None:
    assert extract(text, published="2023-05-10").visits == ()


def test_the_month_may_is_no_modal(extract: Extract) -> None:
    facts = extract("Oxford and Bonn are twin towns. The delegation from Bonn arrived in Oxford in May, 2017.")
    assert [(v.origin, v.start.iso if v.start else None) for v in facts.visits] == [("Bonn", "2017-05")]


def test_a_count_written_as_a_word_sizes_the_group(extract: Extract) -> None:
    facts = extract(
        "Windsor and Fujisawa are sister cities. Nineteen students from Fujisawa arrived in Windsor on July 22.",
        published="2022-07-26",
    )
    assert [(v.origin, v.size, v.start.iso if v.start else None) for v in facts.visits] == [
        ("Fujisawa", 19, "2022-07-22")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # days spent in a town are a stay there; money spent is not
        (
            "Members of the Cirencester Twinning Association spent four days in Itzehoe in April.",
            [("Cirencester", "Itzehoe")],
        ),
        ("Cirencester and Itzehoe are twin towns. The council spent 5000 pounds in Itzehoe.", []),
        # the members of a town's association who welcome guests "from X" stay at home
        (
            "Members of the Sherborne Twinning Association welcomed 40 guests from Granville last weekend.",
            [("Granville", "Sherborne")],
        ),
    ],
)
def test_stays_and_hosts(extract: Extract, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(v.origin, v.destination) for v in extract(text, published="2023-05-10").visits] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kiel und Vaasa sind Partnerstädte. Oberbürgermeister Kämpfer stattete Vaasa am Montag einen Besuch ab.",
            [("Kiel", "Vaasa")],
        ),
        (
            "Kiel und Vaasa sind Partnerstädte. 20 Schülerinnen und Schüler aus Vaasa verbrachten eine Woche in Kiel.",
            [("Vaasa", "Kiel")],
        ),
    ],
)
def test_german_visits_and_stays(extract: Extract, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(v.origin, v.destination) for v in extract(text, published="2023-05-10").visits] == expected


def test_the_following_day_is_the_day_after_the_date_told_before(extract: Extract) -> None:
    facts = extract(
        "Oxford and Bonn are twin towns. The charter was signed in Oxford on 3 May. "
        "The following day the Oxford delegation travelled to Bonn.",
        published="2023-05-10",
    )
    starts = {(v.origin, v.destination): v.start.iso if v.start else None for v in facts.visits}
    assert starts[("Oxford", "Bonn")] == "2023-05-04"
