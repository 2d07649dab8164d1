from __future__ import annotations

from pathlib import Path

import pytest

from twingraph.facts import DateValue
from twingraph.inputs.articles.plaintext import parse_text

DATA_ARTICLES = Path(__file__).resolve().parents[3] / "data" / "articles"
DEV_SET = Path(__file__).resolve().parents[4] / "shared" / "eval" / "dev"


def seed(name: str) -> str:
    return (DATA_ARTICLES / name).read_text(encoding="utf-8")


def test_seed_000_loses_the_related_headlines_but_keeps_the_last_sentence() -> None:
    parsed = parse_text(seed("seed_000.txt"))
    assert "Mehr zum Thema" not in parsed.text
    assert "Fünf gespendete Linienbusse" not in parsed.text
    assert "Binnengeflüchteten" not in parsed.text
    assert parsed.text.endswith("ein weiterer wichtiger Meilenstein unserer Partnerschaft“, sagt er abschließend.")
    assert parsed.text.startswith("Exakt drei Monate nach dem ersten Besuch")
    assert parsed.title is None
    assert parsed.published is None


def test_seed_001_drops_navigation_captions_and_the_2026_news_list() -> None:
    parsed = parse_text(seed("seed_001.txt"))
    assert parsed.title == "Delegation aus Schytomyr besucht Dortmund"
    assert parsed.text.startswith("Delegation aus Schytomyr besucht Dortmund\n\nExakt drei Monate")
    assert parsed.published is None
    for gone in ("Newsroom", "2026", "Bild:", "Friedensplatz", "Azad-Haus", "Frauke Füsers", "Roland Gorecki",
                 "Weitere Nachrichten", "Zum Thema", "DASA"):  # fmt: skip
        assert gone not in parsed.text, gone
    assert parsed.text.endswith("von der Servicestelle für Kommunen in der Einen Welt gefördert.")
    assert "Interesse an Strukturwandel und Transformation" in parsed.text  # a subheading inside the body stays


def test_news_list_without_a_heading_is_cut_by_its_shape() -> None:
    """The 2026 list of seed_001, with its headings removed: short lines, dates and captions only."""
    raw = seed("seed_001.txt")
    raw = raw.replace("Zum Thema\n", "").replace("Weitere Nachrichten\n", "").replace("Mehr Nachrichten\n", "")
    parsed = parse_text(raw)
    assert "2026" not in parsed.text
    assert "Azad-Haus" not in parsed.text
    assert parsed.published is None


def test_related_headlines_without_a_heading_are_cut_by_their_shape() -> None:
    parsed = parse_text(seed("seed_000.txt").replace("Mehr zum Thema bei nordstadtblogger.de:\n", ""))
    assert "Linienbusse" not in parsed.text
    assert parsed.text.endswith("sagt er abschließend.")


def test_dev_layout_gives_title_date_and_body() -> None:
    raw = "Leeds and Dortmund re-sign their memorandum\n2021-02-12\n\nLeeds and Dortmund commit to closer relations.\n"
    parsed = parse_text(raw)
    assert parsed.title == "Leeds and Dortmund re-sign their memorandum"
    assert parsed.published == DateValue("2021-02-12")
    assert parsed.text == (
        "Leeds and Dortmund re-sign their memorandum\n\nLeeds and Dortmund commit to closer relations."
    )


def test_dev_layout_with_an_empty_date_line() -> None:
    parsed = parse_text("Im Krieg: Das ist Dortmunds nächste Partnerstadt\n\n\nDie Partnerschaft liegt auf Eis.\n")
    assert parsed.title == "Im Krieg: Das ist Dortmunds nächste Partnerstadt"
    assert parsed.published is None
    assert parsed.text.endswith("liegt auf Eis.")


@pytest.mark.parametrize(
    ("dateline", "iso"),
    [
        ("Veröffentlicht am 4. Oktober 2023, 10:30 Uhr", "2023-10-04"),
        ("04.10.2023", "2023-10-04"),
        ("Published: February 12, 2021", "2021-02-12"),
        ("Mi 4. Oktober 2023", "2023-10-04"),
    ],
)
def test_free_text_date_line_under_the_headline(dateline: str, iso: str) -> None:
    raw = (
        "Startseite\nPolitik\n\nDelegation aus Zwickau reist in die Partnerstadt\nVon Anna Schmidt\n"
        f"{dateline}\n\nEine 25-köpfige Gruppe aus Zwickau reist vom 2. bis 4. Mai in die Partnerstadt Dortmund.\n"
    )
    parsed = parse_text(raw)
    assert parsed.published == DateValue(iso, text=dateline)
    assert parsed.title == "Delegation aus Zwickau reist in die Partnerstadt"
    assert parsed.text == (
        "Delegation aus Zwickau reist in die Partnerstadt\n\n"
        "Eine 25-köpfige Gruppe aus Zwickau reist vom 2. bis 4. Mai in die Partnerstadt Dortmund."
    )


def test_a_date_inside_a_sentence_is_not_a_publication_date() -> None:
    parsed = parse_text("Am 12. März 2023 unterzeichneten Leeds und Dortmund in der Stadthalle ein neues Memorandum.\n")
    assert parsed.published is None


def test_teaser_block_in_the_middle_keeps_the_article_after_it() -> None:
    raw = (
        "Die Stadt Dortmund hat eine Solidaritätspartnerschaft mit Schytomyr in der Ukraine beschlossen.\n"
        "Lesen Sie auch: Fünf Linienbusse für Schytomyr\n"
        "Mehr zum Thema\n"
        "Linienbusse erreichen Schytomyr\n"
        "Delegation reist in die Ukraine\n"
        "Der Rat der Stadt Dortmund stimmte dem Vorschlag am Donnerstag mit großer Mehrheit zu.\n"
    )
    parsed = parse_text(raw)
    assert parsed.text == (
        "Die Stadt Dortmund hat eine Solidaritätspartnerschaft mit Schytomyr in der Ukraine beschlossen.\n"
        "Der Rat der Stadt Dortmund stimmte dem Vorschlag am Donnerstag mit großer Mehrheit zu."
    )


def test_english_read_more_links_and_related_list() -> None:
    raw = (
        "Grantham welcomed 28 guests from Sankt Augustin in Germany last week for the annual twinning visit.\n"
        "READ MORE: Council approves new car park plans\n"
        "The guests visited Harlaxton Manor and Belton House during their stay in Lincolnshire.\n"
        "Related articles\n"
        "Grantham market to reopen after refurbishment\n"
        "Police appeal after incident in town centre\n"
    )
    parsed = parse_text(raw)
    assert "READ MORE" not in parsed.text
    assert "car park" not in parsed.text
    assert "Related" not in parsed.text
    assert parsed.text.endswith("during their stay in Lincolnshire.")


@pytest.mark.skipif(not DEV_SET.is_dir(), reason="the dev evaluation set is not on this machine")
def test_every_gold_evidence_sentence_survives_cleaning() -> None:
    yaml = pytest.importorskip("yaml")

    def evidence(node: object) -> list[str]:
        if isinstance(node, dict):
            return [v for k, v in node.items() if k == "evidence" and isinstance(v, str)] + [
                e for k, v in node.items() if k != "evidence" for e in evidence(v)
            ]
        if isinstance(node, list):
            return [e for item in node for e in evidence(item)]
        return []

    checked = 0
    for article in sorted((DEV_SET / "articles").glob("*.txt")):
        gold = yaml.safe_load((DEV_SET / "gold" / f"{article.stem}.yaml").read_text(encoding="utf-8"))
        text = parse_text(article.read_text(encoding="utf-8")).text
        for sentence in evidence(gold):
            assert sentence in text, f"{article.name}: {sentence[:60]}"
            checked += 1
    assert checked > 50


def test_a_menu_word_above_blank_lines_is_not_a_headline() -> None:
    parsed = parse_text(
        "Newsroom\n\n\nDelegation aus Schytomyr besucht Dortmund\n\n"
        "Die Delegation war sechs Tage lang in Dortmund zu Gast.\n"
    )
    assert parsed.title == "Delegation aus Schytomyr besucht Dortmund"
    assert not parsed.text.startswith("Newsroom")
