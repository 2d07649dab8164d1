from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from twingraph.errors import UserError
from twingraph.facts import Article
from twingraph.inputs.articles import (
    MAX_ARTICLE_BYTES,
    ArticleError,
    InputProblem,
    iter_input_files,
    load_sources,
    read_article_file,
    read_inputs,
)

BODY = "Die Stadt Dortmund befindet sich seit Februar 2023 in einer Solidaritätspartnerschaft mit Schytomyr.\n"


def test_sample_articles_take_metadata_from_sources_yaml(sample_articles: Path) -> None:
    seed_000 = read_article_file(sample_articles / "seed_000.txt")
    assert seed_000.key == seed_000.url
    assert seed_000.url is not None and seed_000.url.startswith("https://nordstadtblogger.de/auf-dem-weg")
    assert seed_000.publisher == "Nordstadtblogger"
    assert seed_000.language == "de"
    assert seed_000.published is None
    seed_001 = read_article_file(sample_articles / "seed_001.txt")
    assert seed_001.url == "https://www.dortmund.de/newsroom/nachrichten/delegation-aus-schytomyr-besucht-dortmund.html"
    assert seed_001.publisher == "Stadt Dortmund (dortmund.de)"
    assert seed_001.published is None  # the 2026 dates of the news list are not the article's
    assert "2026" not in seed_001.text


def test_without_sources_the_key_is_the_file_name(sample_articles: Path) -> None:
    (sample_articles / "sources.yaml").unlink()
    article = read_article_file(sample_articles / "seed_000.txt")
    assert (article.key, article.url, article.publisher, article.language) == ("seed_000.txt", None, None, "de")
    assert article.path == str(sample_articles / "seed_000.txt")


def test_explicit_sources_file_wins(sample_articles: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("seed_000.txt:\n  url: https://example.org/seed\n  published: 2023-10\n", encoding="utf-8")
    article = read_article_file(sample_articles / "seed_000.txt", sources=other)
    assert article.key == "https://example.org/seed"
    assert article.published is not None and article.published.iso == "2023-10"
    assert article.publisher is None  # no fallback to the other file for fields this one leaves out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- just\n- a list\n", "expected a mapping"),
        ("a.txt:\n  author: me\n", "unknown field 'author'"),
        ("a.txt:\n  published: last week\n", "not an ISO date"),
        ("a.txt: [\n", "not valid YAML"),
    ],
)
def test_bad_sources_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=message):
        load_sources(path)


def test_folders_are_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.txt", "a/deep/1.html", "a/0.txt", "c.jsonl", ".hidden/x.txt", "notes.yaml", "image.png"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_input_files([tmp_path])] == [
        "a/0.txt",
        "a/deep/1.html",
        "b/2.txt",
        "c.jsonl",
    ]


def test_bad_inputs_become_problems_and_the_rest_lands(tmp_path: Path) -> None:
    (tmp_path / "01_good.txt").write_text("Partnerschaft mit Schytomyr\n\n\n" + BODY, encoding="utf-8")
    (tmp_path / "02_empty.txt").write_bytes(b"")
    (tmp_path / "03_binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "04_latin1.txt").write_bytes(("Partnerschaft mit Schytomyr\n\n\n" + BODY).encode("latin-1"))
    (tmp_path / "05_utf16.txt").write_bytes(
        codecs.BOM_UTF16_LE + ("Partnerschaft mit Schytomyr\n\n\n" + BODY).encode("utf-16-le")
    )
    with (tmp_path / "06_huge.txt").open("wb") as huge:
        huge.truncate(MAX_ARTICLE_BYTES + 1)
    items = list(read_inputs([tmp_path, tmp_path / "07_missing.txt"]))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, InputProblem) and i.is_error]
    warnings = [i for i in items if isinstance(i, InputProblem) and not i.is_error]
    assert [a.key for a in articles] == ["01_good.txt", "04_latin1.txt", "05_utf16.txt"]
    assert all(a.text == "Partnerschaft mit Schytomyr\n\n" + BODY.strip() for a in articles)
    assert [(Path(p.path).name, p.message.split(" (")[0]) for p in errors] == [
        ("02_empty.txt", "empty file"),
        ("03_binary.txt", "binary file"),
        ("06_huge.txt", "too large"),
        ("07_missing.txt", "no such file or folder"),
    ]
    assert "limit for one article is 5 MB" in errors[2].message
    assert [Path(w.path).name for w in warnings] == ["04_latin1.txt"] and "Latin-1" in warnings[0].message
    assert items.index(warnings[0]) == items.index(articles[1]) - 1  # a warning comes right before its article


def test_other_languages_pass_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "amiens.txt"
    path.write_text(
        "Le maire d'Amiens a reçu la délégation de Dortmund pour le jumelage des deux villes, qui dure depuis "
        "soixante ans et qui est célébré avec une fête dans la ville.\n",
        encoding="utf-8",
    )
    problem, article = list(read_inputs([path]))
    assert isinstance(problem, InputProblem) and problem.severity == "warning" and "'fr'" in problem.message
    assert isinstance(article, Article) and article.language == "fr"


def test_read_article_file_names_file_and_problem(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"empty\.txt: empty file") as caught:
        read_article_file(empty)
    assert caught.value.problem.path == str(empty)
    with pytest.raises(UserError, match="JSON Lines"):
        read_article_file(tmp_path / "batch.jsonl")
