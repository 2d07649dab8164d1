"""Fuzzing the article readers: whatever bytes a file or batch holds, reading ends in articles or
`InputProblem`s (or an `ArticleError`, a UserError, for one named file), never another exception, and fast."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reliability_strategies import built, file_bytes, html_page, jsonl_batch
from reliability_support import FUZZ, Tally

from twingraph.facts import Article
from twingraph.inputs.articles import ArticleError, InputProblem, read_article_file, read_inputs

SECONDS_PER_INPUT = 2.0
TEXT_EXAMPLES = 4_000
JSONL_EXAMPLES = 2_000
HTML_EXAMPLES = 1_000  # trafilatura needs ~40 ms a page, however small


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder reused by every example (hypothesis runs many inputs inside one test call).

    One page is read first, so the HTML parser's import is not charged to the first fuzzed input.
    """
    folder = tmp_path_factory.mktemp("fuzz")
    warm = folder / "warm.html"
    warm.write_text("<html><body><article><p>Dortmund und Schytomyr.</p></article></body></html>")
    list(read_inputs([warm]))
    return folder


def _check_items(items: list[Article | InputProblem], source: Path) -> None:
    for item in items:
        assert isinstance(item, Article | InputProblem), type(item)
        if isinstance(item, InputProblem):
            assert item.path.startswith(str(source)), item  # every problem names the input
            assert item.message and "\n" not in item.message and "Traceback" not in item.message
        else:
            assert item.text.strip(), "an article without text was returned"
            assert item.key
            assert "\x00" not in item.text


def _read_all(path: Path) -> list[Article | InputProblem]:
    started = time.perf_counter()
    items = list(read_inputs([path]))
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS_PER_INPUT, f"reading took {elapsed:.2f} s"
    return items


@pytest.mark.slow
def test_text_files_never_raise(scratch: Path, fuzz_tally: Tally) -> None:
    path = scratch / "article.txt"
    tally = fuzz_tally.setdefault("readers: text files", [0, 0.0])
    started = time.perf_counter()

    @settings(FUZZ, max_examples=TEXT_EXAMPLES)
    @given(data=built(file_bytes))
    def run(data: bytes) -> None:
        path.write_bytes(data)
        tally[0] += 1
        _check_items(_read_all(path), path)
        if tally[0] % 5:
            return  # the single-file entry point shares the reading code; a fifth of the inputs is enough
        try:
            article = read_article_file(path)
        except ArticleError as err:
            assert str(err).startswith(str(path))
        else:
            assert article.text.strip()

    run()
    tally[1] += time.perf_counter() - started
    assert tally[0] >= TEXT_EXAMPLES


@pytest.mark.slow
def test_jsonl_batches_never_raise(scratch: Path, fuzz_tally: Tally) -> None:
    path = scratch / "batch.jsonl"
    tally = fuzz_tally.setdefault("readers: JSON Lines batches", [0, 0.0])
    started = time.perf_counter()

    @settings(FUZZ, max_examples=JSONL_EXAMPLES)
    @given(data=built(jsonl_batch))
    def run(data: bytes) -> None:
        path.write_bytes(data)
        tally[0] += 1
        items = _read_all(path)
        _check_items(items, path)
        lines = sum(1 for line in data.split(b"\n") if line.strip())
        errors_and_articles = [i for i in items if isinstance(i, Article) or i.is_error]
        assert len(errors_and_articles) == lines, "every non-blank line gives an article or a problem"

    run()
    tally[1] += time.perf_counter() - started
    assert tally[0] >= JSONL_EXAMPLES


@pytest.mark.slow
def test_html_pages_never_raise(scratch: Path, fuzz_tally: Tally) -> None:
    path = scratch / "page.html"
    tally = fuzz_tally.setdefault("readers: HTML pages", [0, 0.0])
    started = time.perf_counter()

    @settings(FUZZ, max_examples=HTML_EXAMPLES)
    @given(page=built(html_page), encoding=st.sampled_from(("utf-8", "utf-16", "cp1252")))
    def run(page: str, encoding: str) -> None:
        path.write_bytes(page.encode(encoding, errors="replace"))
        tally[0] += 1
        _check_items(_read_all(path), path)

    run()
    tally[1] += time.perf_counter() - started
    assert tally[0] >= HTML_EXAMPLES


def test_oversized_file_is_refused_quickly(scratch: Path) -> None:
    """A file beyond the reader's cap is one problem, found without reading it all."""
    path = scratch / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: 64 MB of NULs on disk in no time
    started = time.perf_counter()
    items = list(read_inputs([path]))
    assert time.perf_counter() - started < 0.5
    assert len(items) == 1 and isinstance(items[0], InputProblem)
    assert "too large" in items[0].message
