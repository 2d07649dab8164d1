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


@pytest.mark.parametrize(
    ("text", "name", "of"),
    [
        # the city or body named right before the post, across a possessive and one modifier
        ("Wakefield Council leader Denise Jeffery is recommending that the ties are severed.", "Denise Jeffery",
         "Wakefield Council"),
        ("The delegation was welcomed by San Luis Potosí Interim Mayor Alexandra Daniela Cid Gonzalez and her "
         "cabinet.", "Alexandra Daniela Cid Gonzalez", "San Luis Potosí"),
        ("Herzliyas Bürgermeisterin Yael German besucht derzeit die sächsische Metropole Leipzig.", "Yael German",
         "Herzliya"),
        ("Gestern sprach Krakaus Stadtpräsident Jan Nowakowski im Rathaus.", "Jan Nowakowski", "Kraków"),
        # a determiner, adjectives and a place noun before the city
        ("Heute haben Oberbürgermeister Gert-Uwe Mende und der Bürgermeister der ukrainischen Partnerstadt "
         "Kamjanez-Podilskyj, Mykhailo Positko, die Vereinbarung unterzeichnet.", "Mykhailo Positko",
         "Kamyanets-Podilskyi"),
        # "from (the)" a body or city
        ("Their week opened with a dinner attended by Joe Herrell from the University of Cincinnati.",
         "Joe Herrell", "University of Cincinnati"),
        # the leader of a delegation comes with the guests; his counterpart is the host
        ("Eine Delegation aus Lwiw unter der Leitung von Bürgermeister Andrij Sadowyj besuchte Hannover.",
         "Andrij Sadowyj", "Lviv"),
        # a president or chair of a body is the body's; a hyphenated body before the post
        ("But Marguerite Inscoe, the president of the Norfolk Sister City Association, said so.",
         "Marguerite Inscoe", "Norfolk Sister City Association"),
        ("SWR-Reporter Heiner Kunold berichtet von der Abfahrt des Konvois.", "Heiner Kunold", "SWR"),
        # a post makes a given name of a word ("Mark", "Will")
        ("Mayor Eric Chu met Mayor of Cincinnati, Mark Mallory, today at City Hall.", "Mark Mallory", "Cincinnati"),
        # the town right after a titled name is the post's, not the town the sentence is set in
        ("Eine Delegation ist in Hannover eingetroffen. Bürgermeister Andrij Sadowyj aus Lwiw dankte für die Hilfe.",
         "Andrij Sadowyj", "Lviv"),
        ("Mayor Anna Wolfen of Dortmund met the delegation in Leeds.", "Anna Wolfen", "Dortmund"),
        ("Oberbürgermeister Belit Onay begrüßte in Hannover seinen Amtskollegen Andrij Sadowyj aus Lwiw.",
         "Andrij Sadowyj", "Lviv"),
        # a possessive in the apposition, a relative clause naming the guests' town, a leading verb before the group
        ("Andriy Sadovyi, Lviv's mayor, visited Leeds.", "Andriy Sadovyi", "Lviv"),
        ("In Leeds, Deputy Mayor Olena Koval, who led the delegation from Lviv, spoke.", "Olena Koval", "Lviv"),
        ("Angeführt wurde die Delegation aus Lwiw von Vizebürgermeisterin Olena Koval, die in Hannover sprach.",
         "Olena Koval", "Lviv"),
        # posts that are not mayors
        ("Vice-chair of the Leeds Twinning Association Sarah Green attended.", "Sarah Green",
         "Leeds Twinning Association"),
        ("The headteacher Paul White of Leeds Grammar School attended.", "Paul White", "Leeds Grammar School"),
        ("Kreisbrandmeister Peter Lang aus Freudenstadt leitete den Konvoi nach Tomaszów.", "Peter Lang",
         "Freudenstadt"),
        # an acronym before a post is the body named in full elsewhere; a twinning group named after its town
        ("CKSCP President Bob Herring signed it. The Cincinnati-Kharkiv Sister City Partnership was founded in 1989.",
         "Bob Herring", "Cincinnati-Kharkiv Sister City Partnership"),
        ("Jeff Thomas, the Chairman of Llandrindod Twinning, said the visit went well. Llandrindod Twinning "
         "Association organised a barbecue.", "Jeff Thomas", "Llandrindod Twinning Association"),
        # more posts and honorifics
        ("Lord Provost Jacqueline McLaren of Glasgow attended.", "Jacqueline McLaren", "Glasgow"),
        ("Zum Abschluss dankte Sabine Poschmann (SPD), Mitglied des Bundestages, den Gästen aus Schytomyr.",
         "Sabine Poschmann", "Bundestages"),
        # the subject of a visit after coordinated names
        ("Truro and Morlaix are twinned. Mayor Jean-Paul Vermot and Councillor Anne-Marie Le Gall of Morlaix "
         "visited Truro.", "Jean-Paul Vermot", "Morlaix"),
        # a body after a titled name ("von der", "vom"); clergy and school heads
        ("Pfarrerin Anna Weber von der Evangelischen Kirchengemeinde Altdorf segnete den Konvoi nach Schowkwa.",
         "Anna Weber", "Evangelischen Kirchengemeinde Altdorf"),
        ("Schulleiterin Anna Berg vom Goethe-Gymnasium Dortmund begleitete die Schüler nach Lwiw.", "Anna Berg",
         "Goethe-Gymnasium Dortmund"),
        # two coordinated posts: the first one's owner
        ("“We help,” says Olena Koval, an adviser to the mayor of Lviv and member of the Friends of Leeds Society.",
         "Olena Koval", "Lviv"),
        # "der Stadt X" after a city's post is the town, not its administration
        ("Die Bürgermeisterin der Stadt Lwiw, Olena Koval, besuchte Hannover.", "Olena Koval", "Lviv"),
    ],
)  # fmt: skip
def test_whose_post_it_is(extract: Extract, text: str, name: str, of: str) -> None:
    persons = {p.name: p for p in extract(text).persons}
    assert name in persons, list(persons)
    assert persons[name].of == of


def test_counterpart_holds_the_same_post_in_the_partner_city(extract: Extract) -> None:
    facts = extract(
        "Herzliyas Bürgermeisterin Yael German besucht derzeit Leipzig. Leipzig und Herzliya sind seit 2011 "
        "Partnerstädte. Die Delegation hält sich auf Einladung ihres Amtskollegen Burkhard Jung in der Stadt auf."
    )
    persons = {p.name: p for p in facts.persons}
    assert persons["Burkhard Jung"].of == "Leipzig"
    assert persons["Burkhard Jung"].role == "mayor"


@pytest.mark.parametrize(
    ("text", "name", "of"),
    [
        # a councillor sits on the council the article names for the town, or the council named just before
        ("Also in attendance was Douglas Councillor Stephen Pitts. Douglas Borough Council sent greetings.",
         "Stephen Pitts", "Douglas Borough Council"),
        ("Oxford City Council ends the link. Durham County Council has also decided to end its arrangements. "
         "'We will end it,' said council leader Cllr Amanda Hopgood.", "Amanda Hopgood", "Durham County Council"),
        ("Norfolk City Council voted on Tuesday. The link had lasted decades. During the vote, Council Member "
         "Andria McClellan said she was glad.", "Andria McClellan", "Norfolk City Council"),
        # no council named: the town stays
        ("The guests met Leeds councillor Jane Smith in Leeds.", "Jane Smith", "Leeds"),
    ],
)  # fmt: skip
def test_a_councillor_sits_on_the_council(extract: Extract, text: str, name: str, of: str) -> None:
    persons = {p.name: p for p in extract(text, language="en").persons}
    assert persons[name].of == of


@pytest.mark.parametrize(
    ("text", "name", "of"),
    [
        # the subject of a visit is a guest: from the visited town's partner
        ("Bürgermeister aus Lwiw besucht Hannover\n\nBürgermeister Andrij Sadowyj besuchte am Montag Hannover. Er "
         "traf Oberbürgermeister Belit Onay.", "Andrij Sadowyj", "Lviv"),
        ("Lviv mayor visits Leeds\n\nMayor Andriy Sadovyi visited Leeds on Monday.", "Andriy Sadovyi", "Lviv"),
        # a member of the delegation comes from where it came from
        ("Eine Delegation aus Lwiw besuchte Hannover. Zur Delegation gehörten Bürgermeister Andrij Sadowyj und andere.",
         "Andrij Sadowyj", "Lviv"),
        ("A delegation from Lviv visited Leeds. The delegation included Mayor Andriy Sadovyi.", "Andriy Sadovyi",
         "Lviv"),
        ("Eine Delegation aus Lwiw besuchte Hannover. Zur Delegation gehörten Bürgermeister Andrij Sadowyj und "
         "Stadträtin Olena Koval.", "Olena Koval", "Lviv"),
        ("Leeds and Lviv are twin cities. The visiting mayor, Andriy Sadovyi, met pupils in Leeds.", "Andriy Sadovyi",
         "Lviv"),
        # the title names the mayor's town; the body names the mayor without it
        ("Lviv mayor visits Leeds\n\nMayor Andriy Sadovyi met council leader James Lewis in Leeds on Monday.",
         "Andriy Sadovyi", "Lviv"),
        ("Bürgermeisterin von Herzliya besucht Leipzig\n\nBürgermeisterin Yael German traf in Leipzig "
         "Oberbürgermeister Burkhard Jung.", "Yael German", "Herzliya"),
        ("Bürgermeisterin von Herzliya besucht Leipzig\n\nBürgermeisterin Yael German traf in Leipzig "
         "Oberbürgermeister Burkhard Jung.", "Burkhard Jung", "Leipzig"),
        # the host of guests from a town is not that town's official
        ("Dortmund und Lwiw sind Partnerstädte. Die Gäste aus Lwiw wurden von Bürgermeisterin Petra Kassel "
         "empfangen.", "Petra Kassel", "Dortmund"),
        ("Leeds and Lviv are twin cities. The Lviv delegation was hosted by Lord Mayor Al Garthwaite.",
         "Al Garthwaite", "Leeds"),
        ("Hannover und Lwiw sind Partnerstädte. Gastgeber war Oberbürgermeister Belit Onay, der die Delegation aus "
         "Lwiw im Rathaus begrüßte.", "Belit Onay", "Hanover"),
        # among the guests from a town
        ("Among the guests from Lviv was deputy mayor Olena Koval.", "Olena Koval", "Lviv"),
        ("Unter den Gästen aus Lwiw war auch Vizebürgermeisterin Olena Koval.", "Olena Koval", "Lviv"),
        ("Olena Koval, from Lviv City Council, thanked the hosts.", "Olena Koval", "Lviv City Council"),
        # the partner town's post: the home city's partner
        ("Dortmund und Lwiw sind Partnerstädte. In Dortmund sprach auch der Bürgermeister der Partnerstadt, Andrij "
         "Sadowyj.", "Andrij Sadowyj", "Lviv"),
        ("Leeds and Lviv are twin cities. In Leeds, the mayor of our twin town, Andriy Sadovyi, spoke.",
         "Andriy Sadovyi", "Lviv"),
    ],
)  # fmt: skip
def test_a_guest_is_not_the_hosts_official(extract: Extract, text: str, name: str, of: str) -> None:
    persons = {p.name: p for p in extract(text).persons}
    assert persons[name].of == of


def test_a_hyphenated_vice_makes_a_deputy(extract: Extract) -> None:
    persons = {p.name: p for p in extract("Lwiws Vize-Bürgermeisterin Olena Koval kam nach Hannover.").persons}
    assert (persons["Olena Koval"].role, persons["Olena Koval"].of) == ("deputy mayor", "Lviv")


def test_a_retired_official_travelling_to_a_town_is_not_its_official(extract: Extract) -> None:
    persons = {p.name: p for p in extract("Oberbürgermeister a. D. Ullrich Sierau reiste nach Schytomyr.").persons}
    assert (persons["Ullrich Sierau"].role, persons["Ullrich Sierau"].of) == ("former Lord Mayor", None)


def test_a_local_post_belongs_to_the_town_just_spoken_of(extract: Extract) -> None:
    facts = extract(
        "Suhl und Kaluga, Mühlhausen und Kronstadt: in Thüringen stellt sich die Frage neu. In Suhl berät der "
        "Rat von Suhl, der Stadtrat, in Suhl wird gestritten. Eine Sprecherin der Stadtverwaltung Mühlhausen sagte "
        "das. Mühlhausen ist seit 1995 Partnerkommune von Kronstadt. Oberbürgermeister Johannes Bruns hatte an "
        "Kronstadt geschrieben.",
        language="de",
    )
    persons = {p.name: p for p in facts.persons}
    assert persons["Johannes Bruns"].of == "Mühlhausen"


def test_counterpart_named_with_the_town_holds_the_officials_post(extract: Extract) -> None:
    facts = extract(
        "The Lord Mayor of Leeds, Councillor Al Garthwaite, welcomed her counterpart Andriy Sadovyi from Lviv."
    )
    persons = {p.name: p for p in facts.persons}
    assert (persons["Andriy Sadovyi"].role, persons["Andriy Sadovyi"].of) == ("Lord Mayor", "Lviv")


def test_delegation_leader_without_city_comes_from_the_visit_origin(extract: Extract) -> None:
    facts = extract(
        "Eine Delegation aus Forchheim hat die französische Partnerstadt Le Perreux-sur-Marne besucht. Unter der "
        "Leitung von Partnerschaftsbeauftragtem Ulrich Schürr nahmen Vertreter des Stadtrats teil."
    )
    persons = {p.name: p for p in facts.persons}
    assert persons["Ulrich Schürr"].of == "Forchheim"
    assert persons["Ulrich Schürr"].role == "commissioner"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The delegation was greeted by Mayor of Fingal Cllr Eoghan O’Brien, Fingal County Council’s Interim Chief "
         "Executive AnnMarie Farrelly, Director of Housing and Community Margaret Geraghty.",
         {"Eoghan O’Brien", "AnnMarie Farrelly", "Margaret Geraghty"}),
        ("Mayor of Douglas, Councillor Natalie Byron-Teare and her husband Andrew visited Ballymoney.",
         {"Natalie Byron-Teare"}),
        ("Die Feier eröffnete Bürgermeister Öhmann mit einem Grußwort; Herr Hinz erinnerte an den Besuch.",
         {"Öhmann", "Hinz"}),
        ("Mayor Cranley and Vice Mayor Terekhov signed the memorandum.", {"Cranley", "Terekhov"}),
        ("The guests met Director of Housing Margaret Geraghty and County Architect Fionnuala May.",
         {"Margaret Geraghty", "Fionnuala May"}),
        ("Interim Mayor Alexandra Daniela Cid Gonzalez welcomed the McAllen delegation.",
         {"Alexandra Daniela Cid Gonzalez"}),
    ],
)  # fmt: skip
def test_names_in_full(extract: Extract, text: str, names: set[str]) -> None:
    assert {p.name for p in extract(text, language="en" if "Mayor" in text else None).persons} == names


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        ("Fahrt mit dem Leiter Bauplanungsamt und dem Koordinator Städte-Diplomatie nach Kiew.", "Bauplanungsamt"),
        ("Fahrt mit dem Leiter Bauplanungsamt und dem Koordinator Städte-Diplomatie nach Kiew.", "Städte-Diplomatie"),
        ("The students stayed at Elan Valley Lodge for two nights.", "Elan Valley"),
        ("The children of Lilin Elementary School sang for the guests.", "Lilin Elementary"),
        ("The McAllen Mayor Javier Villalobos led the delegation.", "Allen"),
        # a genitive article after a post opens the body's name, not a person's
        ("Mit dabei war Maria Weber, Gesandte des Auswärtigen Amtes.", "Auswärtigen"),
        # a clergy title before a name is no given name
        ("Pastor Martin Luther King attended in Leeds.", "Pastor"),
        # "zu" after a surname opens a phrase ("zu Gast", "zu Besuch"), not a noble name
        ("In Hannover war auch Olena Koval zu Gast.", "Gast"),
    ],
)
def test_words_after_posts_that_are_no_names(extract: Extract, text: str, not_a_person: str) -> None:
    assert not [p.name for p in extract(text).persons if not_a_person in p.name]


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        ("Seit Beginn des Krieges hat sich die Zahl der Partnerschaften verdoppelt.", "Seit"),
        ("Forchheim feiert 50 Jahre Städtepartnerschaft mit Le Perreux in Frankreich.", "Le Perreux"),
        ("The vote comes after Virginia Gov. Glenn Youngkin called on mayors to act.", "Virginia"),
    ],
)
def test_function_words_particles_and_abbreviated_titles_start_no_name(
    extract: Extract, text: str, not_a_person: str
) -> None:
    assert not [p.name for p in extract(text).persons if not_a_person in p.name]


def test_the_association_is_the_home_citys_association(extract: Extract) -> None:
    facts = extract(
        "The Grantham Twinning Association welcomed guests of the Sankt Augustin Twinning Association. "
        "Chairman Barry Phillips has been part of the association for two years.",
        language="en",
    )
    persons = {p.name: p for p in facts.persons}
    assert persons["Barry Phillips"].of == "Grantham Twinning Association"
