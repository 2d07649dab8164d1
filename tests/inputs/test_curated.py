"""Curated facts: the gold YAML format read into typed records, with evidence located in the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from twingraph.errors import UserError
from twingraph.facts import DateValue
from twingraph.inputs.curated import load_curated


def test_sample_gold_becomes_curated_facts(data_dir: Path) -> None:
    facts = load_curated(data_dir / "gold" / "seed_000.yaml")
    assert facts.origin == "curated"
    assert facts.article.key == "curated:seed_000.yaml"
    assert {c.name for c in facts.cities} == {"Dortmund", "Zhytomyr", "Kyiv"}
    solidarity = next(p for p in facts.partnerships if p.type == "solidarity")
    assert solidarity.since == DateValue("2023-02")
    assert solidarity.since.precision == "month"
    assert solidarity.status == "active"
    planned = next(p for p in facts.partnerships if p.type == "twinning")
    assert planned.status == "planned"
    assert planned.planned_by == DateValue("2025")
    visit = next(v for v in facts.visits if v.size)
    assert (visit.origin, visit.destination, visit.size) == ("Zhytomyr", "Dortmund", 6)


def test_evidence_offsets_point_into_the_article(tmp_path: Path, data_dir: Path) -> None:
    """A gold file beside its article (SET/gold, SET/articles) gets exact offsets."""
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles").mkdir()
    text = (data_dir / "articles" / "seed_000.txt").read_text(encoding="utf-8")
    (tmp_path / "articles" / "seed_000.txt").write_text(text, encoding="utf-8")
    (tmp_path / "gold" / "seed_000.yaml").write_text(
        (data_dir / "gold" / "seed_000.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    facts = load_curated(tmp_path / "gold" / "seed_000.yaml")
    for partnership in facts.partnerships:
        ev = partnership.evidence
        assert ev is not None and ev.start is not None and ev.end is not None
        assert text[ev.start : ev.end] == ev.sentence


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("cities: [", "not valid YAML (line"),
        ("- just\n- a list\n", "expected a mapping"),
        ("partnerships:\n  - cities: [A, B]\n    type: marriage\n", "unknown partnership type 'marriage'"),
        ("partnerships:\n  - cities: [A, B]\n    since: last spring\n", "not an ISO date"),
        ("visits:\n  - {from: A}\nother_events:\n  - {description: x}\n", "lacks a required field"),
    ],
)
def test_bad_curated_files_name_the_problem(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_curated(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)
