"""`twingraph docs`: HTML documentation of the ontology, built offline."""

from __future__ import annotations

from pathlib import Path

from twingraph.rdf import iris


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
