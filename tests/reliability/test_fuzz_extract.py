"""Fuzzing the extractor: any article text gives a FactSet (or a UserError), quickly, with evidence offsets
that point at the quoted sentence."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reliability_strategies import article_text, built, mixed_text
from reliability_support import FUZZ, Tally

from twingraph.errors import UserError
from twingraph.extract import Extractor, default_extractor
from twingraph.facts import Article, FactSet

SECONDS_PER_INPUT = 2.0
EXTRACT_EXAMPLES = 3_000


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    extractor = default_extractor()
    extractor.extract(Article(key="warm-up", text="Dortmund und Schytomyr sind Partnerstädte seit 2023."))
    return extractor


def _evidence_points_at_sentence(facts: FactSet, text: str) -> None:
    groups = (facts.cities, facts.organizations, facts.persons, facts.partnerships, facts.visits)
    for fact in (*[f for group in groups for f in group], *facts.agreements, *facts.events):
        evidence = fact.evidence
        if evidence is None or evidence.start is None or evidence.end is None:
            continue
        assert 0 <= evidence.start <= evidence.end <= len(text), evidence
        assert text[evidence.start : evidence.end] == evidence.sentence, evidence


@pytest.mark.slow
def test_extractor_survives_any_text(extractor: Extractor, fuzz_tally: Tally) -> None:
    tally = fuzz_tally.setdefault("extractor", [0, 0.0])
    started = time.perf_counter()
    languages = st.sampled_from((None, "de", "en", "uk", "fr", "zz"))

    @settings(FUZZ, max_examples=EXTRACT_EXAMPLES)
    @given(text=st.one_of(built(article_text), built(mixed_text), st.text(max_size=80)), language=languages)
    def run(text: str, language: str | None) -> None:
        tally[0] += 1
        article = Article(key="https://example.org/fuzz", text=text, url="https://example.org/fuzz", language=language)
        t0 = time.perf_counter()
        try:
            facts = extractor.extract(article)
        except UserError:
            return
        elapsed = time.perf_counter() - t0
        assert elapsed < SECONDS_PER_INPUT, f"extraction took {elapsed:.2f} s for {len(text)} characters"
        assert isinstance(facts, FactSet)
        assert facts.article == article
        _evidence_points_at_sentence(facts, text)

    run()
    tally[1] += time.perf_counter() - started
    assert tally[0] >= EXTRACT_EXAMPLES
