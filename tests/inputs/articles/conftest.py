"""Fixtures for the readers: the sample articles and hand-written pages that imitate real news sites."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
DATA_ARTICLES = HERE.parents[2] / "data" / "articles"


@pytest.fixture
def pages() -> Path:
    return PAGES


@pytest.fixture
def sample_articles(tmp_path: Path) -> Path:
    """A copy of data/articles (seed_000, seed_001 and their sources.yaml) that tests may change."""
    target = tmp_path / "articles"
    shutil.copytree(DATA_ARTICLES, target)
    return target
