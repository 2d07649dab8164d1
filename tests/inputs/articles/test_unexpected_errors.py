"""A broken install or a reader bug fails one input in one line, never the batch with a traceback."""

from __future__ import annotations

import json
from importlib.metadata import requires
from pathlib import Path

import pytest

import twingraph.inputs.articles.reader as reader
from twingraph.inputs.articles import InputProblem, read_inputs

PAGE = (
    '<html lang="en"><body><article><h1>Leeds and Dortmund</h1>'
    "<p>Leeds and Dortmund have been twin towns since 1969, and the two cities keep close ties.</p>"
    "</article></body></html>"
)


def test_html_cleaning_dependency_is_declared() -> None:
    # jusText imports lxml.html.clean, which since lxml 5.2 lives in its own distribution.
    declared = [r.split(";")[0].split(">")[0].split("=")[0].strip().lower() for r in requires("twingraph") or []]
    assert "lxml_html_clean" in declared or "lxml-html-clean" in declared


def test_unexpected_error_in_one_file_is_one_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Leeds and Dortmund\n\nLeeds and Dortmund are twin towns.\n", encoding="utf-8")

    def broken(html: str, url: str | None = None) -> None:
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean.")

    monkeypatch.setattr(reader, "parse_html", broken)
    items = list(read_inputs([tmp_path]))
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'a.html'}: could not be read (ImportError: lxml.html.clean module is now a separate "
        "project lxml_html_clean.)"
    ]
    assert [a.key for a in items if not isinstance(a, InputProblem)] == ["b.txt"]


def test_cli_without_html_cleaner_fails_each_page_in_one_line(tmp_path: Path, cli) -> None:
    # A fresh venv without lxml_html_clean: an importable package of that name that fails to import.
    broken = tmp_path / "site"
    (broken / "lxml_html_clean").mkdir(parents=True)
    (broken / "lxml_html_clean" / "__init__.py").write_text("raise ImportError('not installed')\n")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "batch.jsonl").write_text(json.dumps({"url": "https://example.org/a", "html": PAGE}) + "\n")
    text = tmp_path / "leeds.txt"
    text.write_text("Leeds and Dortmund\n\nLeeds and Dortmund have been twin towns since 1969.\n", encoding="utf-8")
    result = cli(
        "ingest",
        "--store",
        str(tmp_path / "store"),
        str(tmp_path / "page.html"),
        str(tmp_path / "batch.jsonl"),
        str(text),
        env={"PYTHONPATH": str(broken)},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"failed: {tmp_path / 'page.html'}: could not be read (ImportError: ")
    assert lines[1].startswith(f"failed: {tmp_path / 'batch.jsonl'}:1: could not be read (ImportError: ")
    assert result.stdout.startswith("ingested 1 article:")
