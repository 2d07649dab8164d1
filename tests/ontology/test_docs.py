"""`twingraph docs`: HTML documentation of the ontology, built offline."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from twingraph.rdf import iris

PUBLISHED_DOCS = Path(__file__).resolve().parents[2] / "docs" / "ontology"


def test_docs_writes_ontology_and_vocabulary_pages(cli, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    done = cli("docs", "--out", str(out))
    assert done.returncode == 0, done.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "twingraph ontology" in index
    for term in ("Partnership", "grewOutOf", "Evidence", "beginIndex", "PartialDate"):
        assert term in index, term
    vocabularies = (out / "vocabularies.html").read_text(encoding="utf-8")
    assert "Solidaritätspartnerschaft" in vocabularies and "besiegelt" in vocabularies
    for concept in (iris.type_concept("twinning"), iris.status_concept("suspended")):
        assert concept.value in vocabularies
    assert "DEBUG" not in done.stderr and "INFO" not in done.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "context.jsonld",
        "index.html",
        "partnership-types.ttl",
        "shapes.ttl",
        "twingraph.ttl",
        "vocabularies.html",
    ]
    # the pages the README links to are these pages, not an older build
    for page in ("index.html", "vocabularies.html"):
        published = (PUBLISHED_DOCS / page).read_text(encoding="utf-8")
        assert published == (out / page).read_text(encoding="utf-8"), f"docs/ontology/{page} is stale: make docs"


def _can_drop_network() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _can_drop_network(), reason="needs `unshare -n` (root) to run without a network")
def test_docs_build_without_network(tmp_path: Path) -> None:
    done = subprocess.run(
        ["unshare", "-n", sys.executable, "-m", "twingraph", "docs", "--out", str(tmp_path), "-q"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "Partnership" in (tmp_path / "index.html").read_text(encoding="utf-8")
