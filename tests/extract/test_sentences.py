"""Sentences keep exact offsets into the article text; headings are lines of their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from twingraph.extract.sentences import split_sentences

ARTICLES = Path(__file__).resolve().parents[2] / "data" / "eval" / "articles"


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.stem)
def test_offsets_point_into_the_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    sentences = split_sentences(text)
    assert sentences
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_abbreviations_and_ordinals_do_not_end_sentences() -> None:
    text = "Mit dabei war auch Prof. Dr. Oliver Müller, Direktor. Am 17. und 18. Mai wurde der Festakt nachgeholt."
    assert [s.text for s in split_sentences(text)] == [
        "Mit dabei war auch Prof. Dr. Oliver Müller, Direktor.",
        "Am 17. und 18. Mai wurde der Festakt nachgeholt.",
    ]


def test_a_year_ending_a_sentence_ends_it() -> None:
    text = "Die Partnerschaft besteht seit 2021. Im kommenden Jahr soll ein Gegenbesuch stattfinden."
    assert [s.text for s in split_sentences(text)] == [
        "Die Partnerschaft besteht seit 2021.",
        "Im kommenden Jahr soll ein Gegenbesuch stattfinden.",
    ]


def test_headings_are_flagged() -> None:
    text = "Kliniken und Musikschulen vereinbaren Zusammenarbeit\nDas Klinikum plant gegenseitige Praktika."
    first, second = split_sentences(text)
    assert first.heading and not second.heading
