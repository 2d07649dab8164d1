from __future__ import annotations

from pathlib import Path

import pytest

from twingraph.facts import DateValue
from twingraph.inputs.articles import ArticleError, read_article_file


def test_city_newsroom_page(pages: Path) -> None:
    article = read_article_file(pages / "dortmund_newsroom.html")
    url = "https://www.dortmund.de/newsroom/nachrichten/delegation-aus-schytomyr-besucht-dortmund.html"
    assert article.key == url and article.url == url
    assert article.title == "Delegation aus Schytomyr besucht Dortmund"
    assert article.publisher == "Stadt Dortmund"
    assert article.published == DateValue("2023-10-04")
    assert article.language == "de"
    assert article.text.startswith("Delegation aus Schytomyr besucht Dortmund\n\nExakt drei Monate")
    assert "vom 24. bis 29. September zu Gast." in article.text  # the lead paragraph, class="teaser", stays
    for gone in ("Startseite", "Friedensplatz", "Bild:", "Weitere Nachrichten", "Azad-Haus", "2026", "Mehr zum Thema",
                 "Impressum"):  # fmt: skip
        assert gone not in article.text, gone
    assert article.text.endswith("von der Servicestelle für Kommunen in der Einen Welt gefördert.")


def test_english_council_news_page(pages: Path) -> None:
    article = read_article_file(pages / "leeds_news_en.html")
    assert article.url == "https://news.leeds.gov.uk/news/leeds-and-dortmund-re-sign-mou"
    assert article.title == "Leeds and Dortmund re-sign their memorandum of understanding"
    assert article.publisher == "Leeds City Council News"
    assert article.published == DateValue("2021-02-12")
    assert article.language == "en"
    assert "twinned since 1969" in article.text
    for gone in ("cookies", "READ MORE", "budget proposals", "Photo:", "Related", "cycle lanes", "Bradford",
                 "March 2021", "Share this", "All rights reserved", "Home"):  # fmt: skip
        assert gone not in article.text, gone


def test_blog_page_with_teaser_paragraphs_inside_the_article(pages: Path) -> None:
    article = read_article_file(pages / "blog_mehr_zum_thema.html")
    assert article.title == "Auf dem Weg zu einer neuen Städtepartnerschaft: Delegation aus Schytomyr besuchte Dortmund"
    assert article.publisher == "Nordstadtblogger"
    assert article.published is None  # the only date on the page belongs to a teaser
    assert article.key == "blog_mehr_zum_thema.html"
    assert "Linienbusse" not in article.text and "Mehr zum Thema" not in article.text
    assert "Foto:" not in article.text and "Olshanska (Mitte)" not in article.text
    assert article.text.endswith("die Partnerschaft mit Schytomyr koordiniert.")


def test_page_without_an_article_body_is_a_problem(pages: Path) -> None:
    with pytest.raises(ArticleError, match=r"teasers_only\.html: no article text found"):
        read_article_file(pages / "teasers_only.html")


def test_html_saved_as_txt_is_recognised(pages: Path, tmp_path: Path) -> None:
    copy = tmp_path / "page.txt"
    copy.write_bytes((pages / "leeds_news_en.html").read_bytes())
    article = read_article_file(copy)
    assert article.title == "Leeds and Dortmund re-sign their memorandum of understanding"
    assert "<p>" not in article.text
