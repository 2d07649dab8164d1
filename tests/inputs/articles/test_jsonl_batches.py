from __future__ import annotations

import json
from pathlib import Path

from twingraph.facts import Article, DateValue
from twingraph.inputs.articles import InputProblem, read_inputs

LEEDS = "Leeds and Dortmund re-signed their memorandum of understanding today."


def write_batch(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_batch_with_a_broken_line_lands_the_rest(tmp_path: Path, pages: Path) -> None:
    batch = write_batch(
        tmp_path / "batch.jsonl",
        [
            json.dumps({"url": "https://example.org/a", "title": "Leeds and Dortmund re-sign",
                        "published": "2021-02-12", "language": "en", "text": LEEDS}),
            '{"url": "https://example.org/broken", "text": "unterminated',
            "",
            json.dumps({"text": "Die Stadt Dortmund befindet sich seit Februar 2023 in einer Solidaritätspartnerschaft "
                                "mit Schytomyr, die bis 2025 in eine Städtepartnerschaft münden soll."}),
            json.dumps({"url": "https://www.dortmund.de/x", "html": (pages / "dortmund_newsroom.html").read_text()}),
            json.dumps(["not", "an", "object"]),
            json.dumps({"url": "https://example.org/empty", "title": "Nothing"}),
        ],
    )  # fmt: skip
    items = list(read_inputs([batch]))
    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [a.key for a in articles] == ["https://example.org/a", "batch.jsonl:4", "https://www.dortmund.de/x"]
    first = articles[0]
    assert first.title == "Leeds and Dortmund re-sign"
    assert first.published == DateValue("2021-02-12")
    assert first.language == "en"
    assert first.text == "Leeds and Dortmund re-sign\n\n" + LEEDS
    assert articles[1].language == "de" and articles[1].title is None
    assert articles[2].title == "Delegation aus Schytomyr besucht Dortmund" and "2026" not in articles[2].text
    assert [(p.line, p.is_error) for p in problems] == [(2, True), (6, True), (7, True)]
    assert str(problems[0]).startswith(f"{batch}:2: not valid JSON")
    assert "JSON object" in problems[1].message
    assert 'no "text" or "html"' in problems[2].message


def test_batch_line_with_a_bad_date(tmp_path: Path) -> None:
    record = {"published": "gestern", "text": "Dortmund hilft Schytomyr."}
    batch = write_batch(tmp_path / "b.jsonl", [json.dumps(record)])
    (problem,) = list(read_inputs([batch]))
    assert isinstance(problem, InputProblem)
    assert problem.line == 1 and "published" in problem.message
