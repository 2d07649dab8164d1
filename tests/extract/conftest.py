"""Helpers for extraction tests: run the real rule extractor on a small article."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from twingraph.extract.pipeline import RuleExtractor
from twingraph.facts import Article, DateValue, FactSet

_EXTRACTOR = RuleExtractor()


def run_extractor(text: str, published: str | None = None, language: str | None = None) -> FactSet:
    article = Article(key="test", text=text, published=DateValue.parse(published), language=language)
    return _EXTRACTOR.extract(article)


@pytest.fixture
def extract() -> Callable[..., FactSet]:
    return run_extractor
