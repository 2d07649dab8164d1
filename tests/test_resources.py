"""Where the ontology, queries and data are found: TWINGRAPH_HOME, else the wheel's copy, else the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from twingraph import resources

ROOT = Path(__file__).resolve().parents[1]


def test_checkout_is_found_without_a_bundled_copy() -> None:
    assert resources.bundled_root() is None  # an editable install reads the checkout
    assert resources.ontology_dir() == ROOT / "ontology"
    assert (resources.queries_dir() / "partners-of.rq").is_file()
    assert (resources.data_dir() / "articles" / "sources.yaml").is_file()


def test_twingraph_home_overrides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(resources.HOME_ENV, str(tmp_path))
    assert resources.queries_dir() == tmp_path / "queries"
    assert resources.data_dir() == tmp_path / "data"


def test_bundled_copy_wins_over_the_checkout(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(resources.HOME_ENV, raising=False)
    monkeypatch.setattr(resources, "bundled_root", lambda: tmp_path)
    assert resources.ontology_dir() == tmp_path / "ontology"
