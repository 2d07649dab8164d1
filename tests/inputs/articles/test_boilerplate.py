from __future__ import annotations

import pytest

from twingraph.inputs.articles.boilerplate import is_credit, is_teaser_heading, remove_captions, remove_teasers


@pytest.mark.parametrize(
    "line",
    [
        "Mehr zum Thema bei nordstadtblogger.de:",
        "Weitere Nachrichten",
        "Das könnte Sie auch interessieren",
        "Related articles",
        "READ MORE",
        "You may also like",
        "Zum Thema",
        "» Lesen Sie auch",
    ],
)
def test_teaser_headings(line: str) -> None:
    assert is_teaser_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "Zum Thema Digitalisierung sagte die Bürgermeisterin, Schytomyr sei schon weiter als Dortmund.",
        "Related to this, the council agreed a new budget.",
        "Gegenseitiges voneinander Lernen",
        "Weitere Nachrichten aus Schytomyr erreichten die Stadt am Montag über den Partnerschaftsverein.",
    ],
)
def test_sentences_and_subheadings_are_not_teaser_headings(line: str) -> None:
    assert not is_teaser_heading(line)


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Bild: Stadt Dortmund", True),
        ("Foto: Alex Völkel", True),
        ("Photo: Leeds City Council", True),
        ("© dpa", True),
        ("Bildung und Kultur sollen ausgebaut werden.", False),
        ("Fotos der Delegation zeigte die Stadt im Rathaus.", False),
    ],
)
def test_credit_lines(line: str, credit: bool) -> None:
    assert is_credit(line) is credit


def test_caption_above_a_credit_and_caption_ending_in_a_credit_are_dropped() -> None:
    lines = [
        "Die Delegation nahm die Einladung aus Dortmund an und war während der Digitalen Woche zu Gast.",
        "",
        "Die Delegation aus Schytomyr bei ihrem Besuch in Dortmund auf dem Friedensplatz.",
        "Bild: Stadt Dortmund",
        "Svitlana Olshanska (Mitte) mit Gästen im Rathaus. Foto: Stadt Dortmund",
        "Im Vordergrund stand die Teilnahme an der DiWoDo.",
    ]
    assert remove_captions(lines) == [lines[0], "", lines[5]]


def test_inline_teaser_links_are_dropped_and_prose_kept() -> None:
    lines = [
        "Leeds and Dortmund re-signed their memorandum of understanding on Friday afternoon.",
        "READ MORE: Council sets out budget proposals",
        "Lesen Sie auch: Fünf Linienbusse für Schytomyr",
        "Both cities have been twinned since 1969 and plan more school exchanges this year.",
    ]
    assert remove_teasers(lines) == [lines[0], lines[3]]
