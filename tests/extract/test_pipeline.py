"""The whole extractor: evidence offsets, provenance metadata, and robustness to teaser tails."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from twingraph import __version__
from twingraph.extract import default_extractor
from twingraph.facts import Article, FactSet
from twingraph.inputs.articles import read_article_file

EVAL = Path(__file__).resolve().parents[2] / "data" / "eval"


def _facts(facts: FactSet) -> list[object]:
    groups = (facts.cities, facts.persons, facts.organizations, facts.partnerships, facts.visits, facts.agreements,
              facts.events)  # fmt: skip
    return [f for group in groups for f in group]


@pytest.mark.parametrize("path", sorted((EVAL / "articles").glob("*.txt")), ids=lambda p: p.stem)
def test_every_fact_carries_exact_evidence(path: Path) -> None:
    article = read_article_file(path)
    facts = default_extractor().extract(article)
    assert (facts.origin, facts.extractor, facts.extractor_version) == ("extracted", "twingraph-rules", __version__)
    assert facts.count() > 0
    for fact in _facts(facts):
        evidence = fact.evidence  # type: ignore[attr-defined]
        assert evidence is not None, fact
        assert article.text[evidence.start : evidence.end] == evidence.sentence


@pytest.mark.parametrize("name", ["seed_000", "seed_001"])
def test_teaser_tails_give_no_facts_even_unstripped(name: str) -> None:
    """The raw copied pages, with their lists of other news, straight into the extractor."""
    text = (EVAL / "articles" / f"{name}.txt").read_text(encoding="utf-8")
    gold = yaml.safe_load((EVAL / "gold" / f"{name}.yaml").read_text(encoding="utf-8"))
    distractors = gold["distractors"]
    strings = distractors if isinstance(distractors, list) else [s for v in distractors.values() for s in v]
    facts = default_extractor().extract(Article(key=name, text=text, language="de"))
    hits = [f for f in _facts(facts) if any(f.evidence.sentence in s for s in strings)]  # type: ignore[attr-defined]
    assert hits == []
    names = {p.name for p in facts.persons} | {o.name for o in facts.organizations}
    assert not names & set(strings)


def test_extractor_handles_empty_and_odd_texts() -> None:
    extractor = default_extractor()
    for text in ("", "\n\n", "Hallo.", "12345", "Дніпро"):
        facts = extractor.extract(Article(key="odd", text=text))
        assert facts.partnerships == () and facts.visits == ()


@pytest.mark.parametrize(
    ("text", "short", "city"),
    [
        ("Neustadt an der Weinstraße wird Solidaritätspartner. Neustadt hilft seit 2022.", "Neustadt",
         "Neustadt an der Weinstraße"),
        ("Die Stadt Frankfurt (Oder) setzt die Partnerschaft aus. In Frankfurt gibt es Protest.", "Frankfurt",
         "Frankfurt an der Oder"),
    ],
)  # fmt: skip
def test_a_short_name_means_the_town_the_article_named_in_full(text: str, short: str, city: str) -> None:
    from twingraph.extract.context import build_context

    ctx = build_context(Article(key="test", text=text, language="de"))
    shorts = [r.place.name for info in ctx.sentences for r in info.refs if r.surface == short]
    assert shorts == [city]


def test_a_city_named_only_by_its_adjective_before_a_municipal_noun_is_a_city() -> None:
    from twingraph.extract.pipeline import RuleExtractor

    text = (
        "Die Tübinger Stadtwerke haben einen Transporter übergeben. Der Anlass ist die Übergabe an die Partnerstadt "
        "Krementschuk. Die Frankfurter Allgemeine berichtete."
    )
    facts = RuleExtractor().extract(Article(key="test", text=text, language="de"))
    assert {c.name for c in facts.cities} == {"Tübingen", "Kremenchuk"}
    assert [set(p.cities) for p in facts.partnerships] == [{"Tübingen", "Kremenchuk"}]
