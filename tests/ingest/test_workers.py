"""`ingest --jobs N`: extraction in worker processes gives the store the same quads as one process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pyoxigraph import Quad

from twingraph.facts import Article, FactSet
from twingraph.ingest.run import ingest
from twingraph.ingest.workers import Extracted, extract_article, extract_parallel, extract_serial
from twingraph.inputs.articles import InputProblem, read_inputs
from twingraph.rdf import vocab
from twingraph.store import EmbeddedStore, open_store

DEV = Path(__file__).resolve().parents[2] / "data" / "eval" / "articles"


def comparable(store: EmbeddedStore) -> set[Quad]:
    """All quads but the time each article's extraction ended, which no two runs share."""
    return {q for q in store._store.quads_for_pattern(None, None, None) if q.predicate != vocab.PROV_ENDED_AT_TIME}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dev articles, one unreadable file and one article twice (the later copy must win in both runs)."""
    folder = tmp_path_factory.mktemp("corpus")
    for source in sorted(DEV.glob("*.txt")):
        shutil.copy(source, folder / source.name)
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00\x00" * 3)
    (folder / "zz_again.jsonl").write_text(
        '{"url": "https://example.org/a", "text": "Leeds and Dortmund have been twin towns since 1969."}\n'
        '{"url": "https://example.org/a", "text": "Dortmund and Amiens have been twin towns since 1960."}\n',
        encoding="utf-8",
    )
    return folder


def test_two_jobs_store_the_same_quads_as_one(corpus: Path, tmp_path: Path) -> None:
    one, two = open_store(tmp_path / "one"), open_store(tmp_path / "two")
    serial = ingest([corpus], one, jobs=1)
    parallel = ingest([corpus], two, jobs=2)
    assert len(serial.articles) == len(list(DEV.glob("*.txt"))) + 2
    assert [a.key for a in parallel.articles] == [a.key for a in serial.articles]
    assert [str(p) for p in parallel.problems] == [str(p) for p in serial.problems]
    assert [str(w) for w in parallel.warnings] == [str(w) for w in serial.warnings]
    assert any("same source as" in str(w) for w in parallel.warnings)
    assert len(serial.problems) == 1 and "broken.txt" in serial.problems[0].path
    assert parallel.jobs == 2 and parallel.triples == serial.triples
    quads = comparable(one)
    assert len(quads) > 1000
    assert comparable(two) == quads


def test_parallel_yields_in_input_order_with_problems_in_place(corpus: Path) -> None:
    items = list(read_inputs([corpus]))
    serial = list(extract_serial(items))
    parallel = list(extract_parallel(items, 2))
    assert len(parallel) == len(items)

    def shape(item: Extracted | InputProblem) -> str:
        if isinstance(item, InputProblem):
            return f"problem {item}"
        assert isinstance(item.result, FactSet)
        return f"{item.article.key} {item.result.count()}"

    assert [shape(i) for i in parallel] == [shape(i) for i in serial]
    assert all(not i.in_process for i in parallel if isinstance(i, Extracted))


def test_extract_article_names_the_article_when_extraction_fails() -> None:
    class Broken:
        name, version = "broken", "0"

        def extract(self, article: Article) -> FactSet:
            raise RuntimeError("lexicon missing")

    result = extract_article(Article(key="k", text="t", path="a.txt"), Broken())
    assert isinstance(result, InputProblem)
    assert str(result) == "a.txt: extraction failed (RuntimeError: lexicon missing); nothing stored for this article"


def test_cli_jobs_option(corpus: Path, tmp_path: Path, cli) -> None:
    result = cli("ingest", "--store", str(tmp_path / "store"), "--jobs", "2", "--format", "json", str(corpus))
    assert result.returncode == 1  # broken.txt
    assert '"jobs": 2' in result.stdout and '"articles": ' in result.stdout
    assert "Traceback" not in result.stderr


def test_a_long_run_flushes_the_store_as_it_goes(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import twingraph.ingest.run

    store = open_store(tmp_path / "store")
    flushes: list[int] = []
    monkeypatch.setattr(twingraph.ingest.run, "FLUSH_EVERY_TRIPLES", 500)
    monkeypatch.setattr(twingraph.ingest.run, "BATCH_TRIPLES", 500)  # the store is flushed between batches
    monkeypatch.setattr(store, "flush", lambda: flushes.append(len(store)))
    report = ingest([corpus], store, jobs=2)
    assert report.triples > 2000
    assert len(flushes) >= report.triples // 1000  # articles hold a few hundred triples each
    assert flushes == sorted(flushes)
