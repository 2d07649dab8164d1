"""Partnership type follows the text's word; status follows the cues of its clause; one per pair and type."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from twingraph.facts import FactSet

Extract = Callable[..., FactSet]


def _by_type(facts: FactSet) -> dict[str, tuple[frozenset[str], str, str | None]]:
    return {p.type: (frozenset(p.cities), p.status, p.since.iso if p.since else None) for p in facts.partnerships}


@pytest.mark.parametrize(
    ("text", "pair", "type_", "status", "since"),
    [
        (
            "Dortmunds 45 Jahre währende Städtepartnerschaft mit der russischen Stadt Rostow am Don liegt seit dem "
            "russischen Angriffskrieg auf Eis.",
            {"Dortmund", "Rostov-on-Don"},
            "twinning",
            "suspended",
            None,
        ),
        (
            "Im Dezember 1988 wurde die Städtepartnerschaft zwischen Dortmund und Zwickau begründet.",
            {"Dortmund", "Zwickau"},
            "twinning",
            "active",
            "1988-12",
        ),
        (
            "Gleichzeitig strebt Dortmund eine neue Städtepartnerschaft an – mit Schytomyr in der Ukraine.",
            {"Dortmund", "Zhytomyr"},
            "twinning",
            "planned",
            None,
        ),
        (
            "Der Stadtrat der Stadt Altdorf hat beschlossen, dass die Stadt Altdorf eine Solidaritätspartnerschaft "
            "mit der Stadt Schowkwa eingeht.",
            {"Altdorf bei Nürnberg", "Zhovkva"},
            "solidarity",
            "formalized",
            None,
        ),
        (
            "Żagań and Teltow have been sister cities for many years.",
            {"Żagań", "Teltow"},
            "twinning",
            "active",
            None,
        ),
        (
            "Stadt Dortmund (Germany) has been twinned with Leeds for over 50 years.",
            {"Dortmund", "Leeds"},
            "twinning",
            "active",
            None,
        ),
        (
            "Міський голова Дніпра повідомив, що Дніпро підписав угоду про співробітництво з німецьким містом Кельн.",
            {"Dnipro", "Cologne"},
            "cooperation",
            "formalized",
            None,
        ),
        (
            "The city remains twinned with Dresden in Germany and Kiel, said Coventry's Lord Mayor.",
            {"Coventry", "Kiel"},
            "twinning",
            "active",
            None,
        ),
        (
            "Die Städtepartnerschaft zwischen München und Lublin besteht seit 2021. Im kommenden Jahr soll ein "
            "Gegenbesuch stattfinden.",
            {"Munich", "Lublin"},
            "twinning",
            "active",
            "2021",
        ),
        (
            "A group of 40 visitors from Dinan spent a weekend in Newton Abbot as part of the twinning link between "
            "the two towns, which dates back to 1979.",
            {"Dinan", "Newton Abbot"},
            "twinning",
            "active",
            "1979",
        ),
        (
            "Bremens Partnerstädte Danzig und Riga unterstützen die Aktion ebenfalls.",
            {"Bremen", "Riga"},
            "twinning",
            "active",
            None,
        ),
        (
            "Nottingham and Karlsruhe signed their twinning charter in 1969.",
            {"Nottingham", "Karlsruhe"},
            "twinning",
            "formalized",
            "1969",
        ),
    ],
)
def test_partnership_from_sentence(
    extract: Extract, text: str, pair: set[str], type_: str, status: str, since: str | None
) -> None:
    found = _by_type(extract(text))
    assert type_ in found, found
    assert found[type_] == (frozenset(pair), status, since)


def test_solidarity_partnership_growing_into_a_twinning(extract: Extract) -> None:
    facts = extract(
        "Die Stadt Dortmund befindet sich seit Februar 2023 in einer Solidaritätspartnerschaft mit der 120 Kilometer "
        "westlich von Kiew gelegenen Großstadt Schytomyr, die bis spätestens 2025 in eine formale "
        "Städtepartnerschaft münden soll."
    )
    by_type = {p.type: p for p in facts.partnerships}
    assert set(by_type) == {"solidarity", "twinning"}
    solidarity, twinning = by_type["solidarity"], by_type["twinning"]
    assert (solidarity.status, solidarity.since and solidarity.since.iso) == ("active", "2023-02")
    assert (twinning.status, twinning.planned_by and twinning.planned_by.iso) == ("planned", "2025")
    assert twinning.grew_from == "solidarity"
    assert set(solidarity.cities) == {"Dortmund", "Zhytomyr"}  # Kyiv only locates Schytomyr
    assert "Kyiv" in [c.name for c in facts.cities]


def test_generic_partnership_word_refers_to_the_specific_one(extract: Extract) -> None:
    facts = extract(
        "Dortmund und Amiens schlossen vor 60 Jahren eine Städtepartnerschaft.\n"
        "Beide Seiten unterzeichneten eine Erneuerung der Partnerschaftsurkunde vom 2. April 1960.\n"
        "Die Partnerschaft zwischen Dortmund und Amiens soll weiter wachsen."
    )
    assert [(p.type, p.status, p.since and p.since.iso) for p in facts.partnerships] == [
        ("twinning", "active", "1960-04-02")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Bundespräsident Frank-Walter Steinmeier hat zur Bildung deutsch-ukrainischer Städtepartnerschaften "
        "aufgerufen.",
        "Municipalities of Ukraine can use the Guidelines to enter into twinning agreements.",
        "After World War II, cities all over Europe started twinnings to nurture international understanding.",
        "It was a pleasure to have the twinning group at Harlaxton Manor in Grantham and Lincoln.",
    ],
)
def test_generic_talk_gives_no_partnership(extract: Extract, text: str) -> None:
    assert extract(text).partnerships == ()


def _pairs(facts: FactSet) -> set[frozenset[str]]:
    return {frozenset(p.cities) for p in facts.partnerships}


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # the city named right after the partnership word is the partner of the city before it, not of the others
        (
            "Last week Glasgow confirmed it will also cut its ties with Rostov-on-Don, a city it has been twinned "
            "with since 1986 and Doncaster is cutting ties with its Russian twin-town Ozyorsk.",
            {frozenset({"Glasgow", "Rostov-on-Don"}), frozenset({"Doncaster", "Ozyorsk"})},
        ),
        (
            "Ingelheim war ihm bisher nur in Verbindung mit der gemeinsamen polnischen Partnerstadt Nysa ein Begriff, "
            "denn diese hatte gemeinsam mit den Partnerstädten Ingelheim und Lüdinghausen einen Hilfstransport "
            "organisiert.",
            {frozenset({"Ingelheim am Rhein", "Nysa"}), frozenset({"Nysa", "Lüdinghausen"})},
        ),
        (
            "Bremens Partnerstädte Danzig und Riga unterstützen die Aktion ebenfalls.",
            {frozenset({"Bremen", "Gdańsk"}), frozenset({"Bremen", "Riga"})},
        ),
        # coordinated holders: "Both A and B are twinned with C"
        (
            "Both Krasnodar and Nottingham are twinned with Karlsruhe.",
            {frozenset({"Krasnodar", "Karlsruhe"}), frozenset({"Nottingham", "Karlsruhe"})},
        ),
        # one subject, two partnership words in coordinated verb phrases
        (
            "Mühlhausen ist seit 1995 Partnerkommune von Kronstadt bei St. Petersburg und pflegt außerdem eine "
            "Städtefreundschaft mit Kaliningrad.",
            {frozenset({"Mühlhausen", "Kronstadt"}), frozenset({"Mühlhausen", "Kaliningrad"})},
        ),
        # an anaphoric subject takes up the city of the sentence before
        (
            "Cincinnati signed its first agreement in 1990. Currently, it has 8 sister cities, which includes "
            "Liuzhou in China, Nancy in France and Munich in Germany.",
            {frozenset({"Cincinnati", c}) for c in ("Liuzhou", "Nancy", "Munich")},
        ),
        # a city after "in" is where something happens, not the holder; a possessive refers to its own sentence
        (
            "Dortmund und Amiens feiern. Beim Besuch in Leeds sprach Oberbürgermeister Westphal über die "
            "Partnerschaft mit Amiens.",
            {frozenset({"Dortmund", "Amiens"})},
        ),
        # two cities and one partnership word in separate clauses
        (
            "Freiburg im Breisgau hat eine neue Partnerstadt: Am Dienstag unterzeichneten die Bürgermeister in Lviv "
            "die Urkunde.",
            {frozenset({"Freiburg im Breisgau", "Lviv"})},
        ),
        # a list of pairs
        (
            "Ob Suhl und Kaluga, Mühlhausen und Kronstadt oder Gera und Rostow am Don - überall stellt sich die "
            "Frage nach Partnerschaften mit russischen Städten neu.",
            {
                frozenset({"Suhl", "Kaluga"}),
                frozenset({"Mühlhausen", "Kronstadt"}),
                frozenset({"Gera", "Rostov-on-Don"}),
            },
        ),
        ("Nottingham and Minsk chose to twin in the late 1950s.", {frozenset({"Nottingham", "Minsk"})}),
        # a linking verb with its object and "with": "to twin A with B"
        (
            "Councillors have backed plans to twin Accrington with the Ukrainian city of Khust. Accrington is "
            "already twinned with Kalisz in Poland.",
            {frozenset({"Accrington", "Khust"}), frozenset({"Accrington", "Kalisz"})},
        ),
        # a list after the partnership word: the holder pairs with each, the listed cities not with each other
        (
            "Coventry is twinned with Dresden, Kiel and Volgograd.",
            {frozenset({"Coventry", c}) for c in ("Dresden", "Kiel", "Volgograd")},
        ),
        (
            "Dortmund's other twin towns Leeds and Amiens sent greetings.",
            {frozenset({"Dortmund", "Leeds"}), frozenset({"Dortmund", "Amiens"})},
        ),
        (
            "The twin towns of Leeds include Dortmund and Lille.",
            {frozenset({"Leeds", "Dortmund"}), frozenset({"Leeds", "Lille"})},
        ),
        # a city named alone pairs with its one partner named elsewhere, not with the article's most named city
        (
            "Oxford has put in place steps to end its twinning agreement with the city of Perm. Durham has decided "
            "to end its twinning arrangements with the city of Kostroma. Kostroma was informed. Oxford council ends "
            "twinning arrangement with Russian city.",
            {frozenset({"Oxford", "Perm"}), frozenset({"Durham", "Kostroma"})},
        ),
    ],
)
def test_partnership_pairs_follow_the_clause(extract: Extract, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(extract(text, language="en" if " the " in text else "de")) == pairs


@pytest.mark.parametrize(
    "text",
    [
        # cities listed together are no partners of each other
        "Den Städten Borna, Delitzsch, Leipzig, Plauen und Zwickau stehen jeweils 25.000 Euro für die Unterstützung "
        "ihrer Partnerstädte zur Verfügung.",
        "The council hasn’t had active links with Minsk or Krasnodar for many years, but the twinning agreements "
        "have remained in place.",
        "Die Partnerstädte von Münster und Bielefeld kamen zum Festakt.",
    ],
)
def test_listed_cities_are_no_pair(extract: Extract, text: str) -> None:
    assert _pairs(extract(text)) == set()


@pytest.mark.parametrize(
    ("text", "pair", "status"),
    [
        # ended by a decision (severed, cut, ended, terminated), even when told as a plan: suspended
        (
            "Nottingham City Council has severed links with Krasnodar in Russia. Nottingham and Krasnodar are twinned.",
            {"Nottingham", "Krasnodar"},
            "suspended",
        ),
        (
            "Durham County Council has also decided to end its twinning arrangements with the city of Kostroma, "
            "arrangements which have been in place since 1968.",
            {"Durham", "Kostroma"},
            "suspended",
        ),
        (
            "Last week Glasgow confirmed it will also cut its ties with Rostov-on-Don, a city it has been twinned "
            "with since 1986.",
            {"Glasgow", "Rostov-on-Don"},
            "suspended",
        ),
        (
            "Der Dortmunder Stadtrat hat die Städtepartnerschaft mit Rostow am Don im März aufgekündigt.",
            {"Dortmund", "Rostov-on-Don"},
            "suspended",
        ),
        # a council acts for its city; a pause since a year is no start of the partnership
        (
            "The Tulsa City Council voted Wednesday to suspend its sister city relationship with Kaliningrad.",
            {"Tulsa", "Kaliningrad"},
            "suspended",
        ),
        (
            "The sister city relationship of Tulsa with Kaliningrad had been inactive since 2014.",
            {"Tulsa", "Kaliningrad"},
            "suspended",
        ),
        (
            "Die Beziehungen zur russischen Partnerstadt Rostow am Don hat Dortmund auf Eis gelegt.",
            {"Dortmund", "Rostov-on-Don"},
            "suspended",
        ),
        # an anniversary: the partnership exists, whatever ceremony is planned for it
        (
            "The 45th anniversary of the twinning charter between Truro and French city Morlaix will be celebrated "
            "with a special re-signing ceremony on Saturday.",
            {"Truro", "Morlaix"},
            "active",
        ),
        (
            "Das 30-jährige Jubiläum der Städtepartnerschaft zwischen Fulda und Wilmington soll groß gefeiert werden.",
            {"Fulda", "Wilmington"},
            "active",
        ),
        # a renewal leaves an existing partnership active
        (
            "Mayor Chu and Mayor Mallory re-signed the sister city agreement between New Taipei City and Cincinnati.",
            {"New Taipei", "Cincinnati"},
            "active",
        ),
        # a deed certifying the partnership: formalized
        (
            "Solidaritätspartnerschaft zwischen Kolomyia und Ingelheim beurkundet",
            {"Kolomyia", "Ingelheim am Rhein"},
            "formalized",
        ),
    ],
)
def test_partnership_status_cues(extract: Extract, text: str, pair: set[str], status: str) -> None:
    facts = extract(text)
    found = {frozenset(p.cities): p.status for p in facts.partnerships}
    assert found.get(frozenset(pair)) == status, found


def test_weighing_an_end_ends_nothing(extract: Extract) -> None:
    facts = extract(
        "But Canterbury remains twinned with Vladimir. But it added: “We believe that to sever links with Vladimir "
        "now would be a pointless gesture.”\nAt least nine UK councils have severed arrangements with Russian cities."
    )
    assert [(set(p.cities), p.status) for p in facts.partnerships] == [({"Canterbury", "Vladimir"}, "active")]


def test_type_comes_from_the_word_stating_the_link(extract: Extract) -> None:
    facts = extract(
        "Ukraine-Krieg belastet Städtepartnerschaften mit Russland\n\n"
        "Die Partnerschaft zwischen Suhl und Kaluga besteht seit 1969. Mühlhausen ist Partnerkommune von Kronstadt."
    )
    found = {frozenset(p.cities): p.type for p in facts.partnerships}
    assert found == {frozenset({"Suhl", "Kaluga"}): "other", frozenset({"Mühlhausen", "Kronstadt"}): "twinning"}


def test_a_link_word_takes_the_type_the_article_names(extract: Extract) -> None:
    facts = extract("Wakefield has been twinned with Belgorod since 1991. Durham severed links with Kostroma.")
    found = {frozenset(p.cities): (p.type, p.status) for p in facts.partnerships}
    assert found[frozenset({"Durham", "Kostroma"})] == ("twinning", "suspended")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # signed in the text -> formalized; to be signed on a later day -> planned
        ("Leeds and Dortmund signed their twinning agreement on Thursday.", "formalized"),
        ("The twinning agreement between Leeds and Dortmund is to be signed on Thursday.", "planned"),
        ("The twinning agreement between Leeds and Dortmund will be signed on Thursday.", "planned"),
        ("Die Städtepartnerschaft zwischen Jena und Lviv wird am Donnerstag unterzeichnet.", "planned"),
        ("Die Städtepartnerschaft zwischen Jena und Lviv wurde am Donnerstag unterzeichnet.", "formalized"),
        ("Jena und Lviv besiegeln am 20. Juni 2023 ihre Städtepartnerschaft.", "planned"),
        ("Die Partnerschaft zwischen Jena und Lviv wird am 20. Juni 2023 offiziell.", "planned"),
        ("Jena und Lviv wollen eine Städtepartnerschaft eingehen.", "planned"),
        ("The council is set to twin Accrington with Khust.", "planned"),
        ("Councillors voted to twin Accrington with Khust.", "planned"),
        ("Jena und Lviv haben einen Partnerschaftsvertrag unterzeichnet.", "formalized"),
        ("The partnership between Jena and Lviv was sealed with a handshake.", "formalized"),
        ("Der Gemeinderat von Jena hat die Partnerschaft mit Rostow am Don gekündigt.", "suspended"),
    ],
)
def test_signed_or_to_be_signed(extract: Extract, text: str, status: str) -> None:
    assert [p.status for p in extract(text, published="2023-06-12").partnerships] == [status]


def test_a_pause_does_not_date_the_partnership(extract: Extract) -> None:
    facts = extract("The sister city relationship of Tulsa with Kaliningrad had been inactive since 2014.")
    assert [(p.status, p.since) for p in facts.partnerships] == [("suspended", None)]


def test_a_relative_clause_tells_when_the_partnership_began(extract: Extract) -> None:
    facts = extract("Jena's twinning with Lviv, which began in 1990, is one of its oldest.")
    assert [(p.status, p.since and p.since.iso) for p in facts.partnerships] == [("active", "1990")]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Leeds and Kharkiv signed a solidarity partnership in 2023.", "solidarity"),
        ("Hamburg und Kiew haben eine Solidaritäts-Partnerschaft vereinbart.", "solidarity"),
        ("Dortmund und Amiens haben 2008 einen Freundschaftsvertrag geschlossen.", "friendship"),
        ("Jena und Lviv sind seit 2022 Partnerkommunen.", "twinning"),
        ("Die Kreispartnerschaft zwischen Jena und Lviv wurde 2022 geschlossen.", "twinning"),
    ],
)
def test_type_words(extract: Extract, text: str, type_: str) -> None:
    assert [p.type for p in extract(text, published="2023-06-12").partnerships] == [type_]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a noun naming the partner town takes no status from the clause's verb
        ("Leeds' twin town Dortmund will host the festival next year.", "active"),
        ("Dortmunds Partnerstadt Amiens wird im Mai ein Fest feiern.", "active"),
        # after a copula it states the link, and the clause's cues apply
        ("Jena and Lviv will become sister cities next year.", "planned"),
        ("Jena und Lviv sollen Partnerstädte werden.", "planned"),
        # a partner noun before a link noun names the link itself
        ("Jena and Lviv signed a sister city agreement on Monday.", "formalized"),
    ],
)
def test_partner_nouns_and_status(extract: Extract, text: str, status: str) -> None:
    assert [p.status for p in extract(text, published="2023-06-12").partnerships] == [status]


@pytest.mark.parametrize(
    ("text", "status", "since"),
    [
        # a signing dated relative to the publication dates the partnership
        ("Freiburg und Lviv haben am Dienstag ihre Solidaritätspartnerschaft besiegelt.", "formalized", "2023-05-09"),
        # "wurde ... vereinbart" reports the agreement made
        ("Die Solidaritätspartnerschaft zwischen Hanau und Rzeszów wurde im März vereinbart.", "formalized", "2023-03"),
    ],
)
def test_signed_partnership_dated_by_its_signing(extract: Extract, text: str, status: str, since: str) -> None:
    facts = extract(text, published="2023-05-10")
    assert [(p.status, p.since.iso if p.since else None) for p in facts.partnerships] == [(status, since)]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # "zu den Partnerstädten X gehören A, B und C": X holds each of the listed towns
        (
            "Zu den Partnerstädten Kiels gehören Brest, Vaasa und Kaliningrad.",
            {frozenset({"Kiel", "Brest"}), frozenset({"Kiel", "Vaasa"}), frozenset({"Kiel", "Kaliningrad"})},
        ),
        (
            "Bonn's twin towns include Oxford and Potsdam.",
            {frozenset({"Bonn", "Oxford"}), frozenset({"Bonn", "Potsdam"})},
        ),
    ],
)
def test_a_possessor_holds_the_listed_partners(extract: Extract, text: str, pairs: set[frozenset[str]]) -> None:
    assert {frozenset(p.cities) for p in extract(text, published="2023-05-10").partnerships} == pairs


@pytest.mark.parametrize(
    ("text", "status", "since"),
    [
        # a frozen link told by a German verb of rest or of suspension
        (
            "Die Stadtverordneten haben beschlossen, die Städtepartnerschaft zwischen Kiel und Kaliningrad ruhen zu "
            "lassen.",
            "suspended",
            None,
        ),
        ("Kiel setzt die Städtepartnerschaft mit Kaliningrad aus.", "suspended", None),
        # "Seit 1991" opening the sentence dates the link
        ("Seit 1991 sind Perleberg und Szczawnica Partnerstädte.", "active", "1991"),
        # a signing fifty years ago is an existing partnership
        ("Vor 50 Jahren wurde die Städtepartnerschaft zwischen Bautzen und Dreux besiegelt.", "active", "1972"),
        # a span of days dates a stay, not the partnership
        ("A delegation from Gangneung visited Jingzhou, its sister city, from May 24 to 27.", "active", None),
    ],
)
def test_status_and_since_cues(extract: Extract, text: str, status: str, since: str | None) -> None:
    facts = extract(text, published="2022-06-01")
    assert [(p.status, p.since.iso if p.since else None) for p in facts.partnerships] == [(status, since)]


def test_a_definite_link_dates_the_partnership_named_before(extract: Extract) -> None:
    facts = extract(
        "The City of Houston has suspended its sister city relationship with Tyumen. The relationship began in 1995.",
        published="2023-02-24",
    )
    assert [(p.type, p.status, p.since.iso if p.since else None) for p in facts.partnerships] == [
        ("twinning", "suspended", "1995")
    ]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # the genitive possessor before an apposition holds each town of it; the towns are no pair of their own
        (
            "Auch die anderen Partnerstädte Dortmunds, Leeds und Amiens, schickten Vertreter.",
            {frozenset({"Dortmund", "Leeds"}), frozenset({"Dortmund", "Amiens"})},
        ),
        # a part after a semicolon that names two cities is a statement of its own
        (
            "Lviv und Wrocław sind seit 2002 Partnerstädte; Lviv ist zudem Partnerstadt von Freiburg.",
            {frozenset({"Lviv", "Wrocław"}), frozenset({"Lviv", "Freiburg im Breisgau"})},
        ),
        (
            "Kiel and Vaasa are sister cities; Kiel is also twinned with Brest.",
            {frozenset({"Kiel", "Vaasa"}), frozenset({"Kiel", "Brest"})},
        ),
    ],
)
def test_partnership_scope(extract: Extract, text: str, pairs: set[frozenset[str]]) -> None:
    assert {frozenset(p.cities) for p in extract(text, published="2023-05-10").partnerships} == pairs


def test_the_partnership_another_grows_from_exists(extract: Extract) -> None:
    facts = extract(
        "Aus der Solidaritätspartnerschaft zwischen Kiel und Lviv soll eine Städtepartnerschaft werden.",
        published="2023-05-10",
    )
    assert {(p.type, p.status) for p in facts.partnerships} == {("solidarity", "active"), ("twinning", "planned")}


def test_a_year_before_a_participle_of_founding_dates_the_partnership(extract: Extract) -> None:
    facts = extract(
        "Die 1990 geschlossene Städtepartnerschaft zwischen Kiel und Kaliningrad liegt seit Kriegsbeginn auf Eis.",
        published="2023-05-10",
    )
    assert [(p.status, p.since.iso if p.since else None) for p in facts.partnerships] == [("suspended", "1990")]


@pytest.mark.parametrize(
    ("text", "since", "until"),
    [
        ("Die Städtepartnerschaft zwischen Kiel und Kaliningrad wurde 2022 aufgekündigt.", None, "2022"),
        ("Norfolk suspended its sister city relationship with Kaliningrad on March 1, 2022.", None, "2022-03-01"),
        ("The sister city relationship of Tulsa with Kaliningrad had been inactive since 2014.", None, "2014"),
        ("Durham, twinned with Kostroma since 1968, ended the link in early March 2022.", "1968", "2022-03"),
        (
            "Die seit 1995 bestehende Partnerschaft zwischen Kiel und Kaliningrad liegt seit Februar 2022 auf Eis.",
            "1995",
            "2022-02",
        ),
        # a link ended in the next sentence: its decision dates the end of the partnership named before
        (
            "Wakefield and Belgorod have been twinned since 1991. On Monday the council voted to sever the link.",
            "1991",
            "2023-05-08",
        ),
    ],
)
def test_an_end_or_suspension_is_dated_by_its_decision(
    extract: Extract, text: str, since: str | None, until: str
) -> None:
    facts = extract(text, published="2023-05-10")
    assert [
        (p.status, p.since.iso if p.since else None, p.until.iso if p.until else None) for p in facts.partnerships
    ] == [("suspended", since, until)]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Bonn has been Oxford's partner town since 1947.", "twinning"),
        ("Oxford's partner city Bonn sent a delegation.", "twinning"),
        ("The jumelage between Oxford and Grenoble dates back to 1976.", "twinning"),
        ("Kiel ist seit 2022 Solidaritätspartner der ukrainischen Stadt Lviv.", "solidarity"),
        ("Kiel und Lviv sind seit 2022 Solidaritätspartner.", "solidarity"),
        ("Kiel ist Freundschaftsstadt von Vaasa.", "friendship"),
    ],
)
def test_partner_nouns_name_the_type(extract: Extract, text: str, type_: str) -> None:
    assert [p.type for p in extract(text, published="2023-05-10").partnerships] == [type_]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan for a link that exists keeps it active
        ("Die Städtepartnerschaft zwischen Kiel und Vaasa soll weiter gepflegt werden.", {("twinning", "active")}),
        ("Kiel und Vaasa wollen ihre Städtepartnerschaft vertiefen.", {("twinning", "active")}),
        ("The twinning between Oxford and Bonn will continue to grow.", {("twinning", "active")}),
        ("The future of the twinning between Oxford and Perm is uncertain.", {("twinning", "active")}),
        # creating one is a plan
        ("Oxford plans to establish a twinning with Lviv.", {("twinning", "planned")}),
        (
            "Die Städtepartnerschaft zwischen Jena und Lviv soll im Herbst unterzeichnet werden.",
            {("twinning", "planned")},
        ),
        # the link another grows into is planned; the one it grows from exists, a link of its own
        (
            "The friendship between Oxford and Bonn is to be turned into a formal twinning.",
            {("friendship", "active"), ("twinning", "planned")},
        ),
        # ... unless it is the specific partnership the article named before
        (
            "Kiel und Lviv haben seit 2022 eine Solidaritätspartnerschaft. Die Partnerschaft soll später in eine "
            "Städtepartnerschaft münden.",
            {("solidarity", "active"), ("twinning", "planned")},
        ),
    ],
)
def test_plans_for_existing_and_new_links(extract: Extract, text: str, expected: set[tuple[str, str]]) -> None:
    assert {(p.type, p.status) for p in extract(text, published="2023-05-10").partnerships} == expected


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Oxford has scrapped its twinning with Perm.", "suspended"),
        ("Oxford has paused its twinning with Perm.", "suspended"),
        ("Oxford froze its twinning with Perm after the invasion.", "suspended"),
        ("Oxford has halted all contact with its twin city Perm.", "suspended"),
        ("Oxford has withdrawn from its twinning agreement with Perm.", "suspended"),
        ("Kiel hat alle Kontakte zur Partnerstadt Kaliningrad abgebrochen.", "suspended"),
        # negated or kept: no end
        ("Oxford will not end its twinning with Perm.", "active"),
        ("Kiel will an der Städtepartnerschaft mit Kaliningrad festhalten.", "active"),
        ("Der Besuch in der Partnerstadt Kaliningrad wurde von Kiel aus organisiert.", "active"),
    ],
)
def test_ends_and_pauses_in_other_words(extract: Extract, text: str, status: str) -> None:
    assert [p.status for p in extract(text, published="2023-05-10").partnerships] == [status]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # a city on the way or beside the destination holds no link
        (
            "Die Delegation aus Kiel reiste über Berlin in die Partnerstadt Vaasa.",
            {frozenset({"Kiel", "Vaasa"})},
        ),
        # a possessive takes up the subject, not the city of a phrase
        ("The Oxford delegation flew from London to its twin city Bonn.", {frozenset({"Oxford", "Bonn"})}),
        # a genitive before the partner noun holds it, even after "in"
        ("Der in Berlin lebende Künstler stellte in Kiels Partnerstadt Vaasa aus.", {frozenset({"Kiel", "Vaasa"})}),
        # a city named for comparison is no party
        (
            "Kiel und Vaasa sind Partnerstädte. Wie Hamburg pflegt auch Kiel eine Partnerschaft mit einer "
            "ukrainischen Stadt.",
            {frozenset({"Kiel", "Vaasa"})},
        ),
    ],
)
def test_cities_aside_hold_no_link(extract: Extract, text: str, pairs: set[frozenset[str]]) -> None:
    assert {frozenset(p.cities) for p in extract(text, published="2023-05-10").partnerships} == pairs


def test_a_link_that_became_one_long_ago_is_no_plan_of_the_sentence(extract: Extract) -> None:
    facts = extract("Oxford, which became a sister city of Bonn in 1947, will host a festival.", published="2023-05-10")
    assert [(p.status, p.since.iso if p.since else None) for p in facts.partnerships] == [("active", "1947")]
