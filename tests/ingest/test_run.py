"""`ingest` end to end with the real extractor and a real store, and the `twingraph ingest` command."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from twingraph.extract import Extractor, default_extractor
from twingraph.ingest.run import IngestedArticle, count_inputs, ingest
from twingraph.inputs.articles import InputProblem
from twingraph.rdf import vocab
from twingraph.rdf.iris import article_iri
from twingraph.store import EmbeddedStore, open_store

ROOT = Path(__file__).resolve().parents[2]
SEED_URL_000 = "https://nordstadtblogger.de/auf-dem-weg-zu-einer-neuen-staedtepartnerschaft-delegation-aus-schytomyr-besuchte-dortmund"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A copy of data/articles: seed_000.txt, seed_001.txt and their sources.yaml."""
    target = tmp_path / "articles"
    shutil.copytree(ROOT / "data" / "articles", target)
    return target


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """Built once: the lexicons take a moment."""
    return default_extractor()


def sources_of(store: EmbeddedStore) -> list[NamedNode]:
    """The source graphs, without the consolidated graph fused from them."""
    return [g for g in store.graphs() if g != vocab.CONSOLIDATED_GRAPH]


def _stored_text(store: EmbeddedStore, key: str) -> str:
    graph = article_iri(key)
    (quad,) = list(store._store.quads_for_pattern(graph, vocab.ARTICLE_TEXT, None, graph))
    return quad.object.value


def test_ingest_stores_one_graph_per_article_and_reingest_changes_nothing(
    articles: Path, store: EmbeddedStore, extractor: Extractor
) -> None:
    first = ingest([articles], store, extractor=extractor)
    assert [a.key for a in first.articles] == [
        SEED_URL_000,
        "https://www.dortmund.de/newsroom/nachrichten/delegation-aus-schytomyr-besucht-dortmund.html",
    ]
    assert first.problems == ()
    assert first.facts > 10 and first.triples > 50
    assert len(sources_of(store)) == 2
    size = len(store)
    assert first.store_triples == size
    again = ingest([articles], store, extractor=extractor)
    assert len(store) == size
    assert len(sources_of(store)) == 2
    assert again.triples == first.triples


def test_a_second_article_adds_its_own_graph(articles: Path, store: EmbeddedStore, extractor: Extractor) -> None:
    ingest([articles / "seed_000.txt"], store, extractor=extractor)
    one = len(store)
    assert [g.value for g in sources_of(store)] == [article_iri(SEED_URL_000).value]
    ingest([articles / "seed_001.txt"], store, extractor=extractor)
    assert len(sources_of(store)) == 2
    assert len(store) > one


def test_teaser_lists_never_reach_the_store(articles: Path, store: EmbeddedStore, extractor: Extractor) -> None:
    report = ingest([articles], store, extractor=extractor)
    seed_001 = report.articles[1].key
    text = _stored_text(store, seed_001)
    assert "2026" not in text and "Frauke Füsers" not in text and "Weitere Nachrichten" not in text
    assert "Linienbusse" not in _stored_text(store, report.articles[0].key)
    issued = list(store._store.quads_for_pattern(None, vocab.DCT_ISSUED, None, article_iri(seed_001)))
    assert issued == []  # no publication date: the page does not give one


def test_bad_inputs_are_reported_and_the_rest_lands(articles: Path, store: EmbeddedStore, extractor: Extractor) -> None:
    (articles / "broken.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    (articles / "batch.jsonl").write_text(
        '{"url": "https://example.org/leeds", "title": "Leeds and Dortmund", "text": "Leeds and Dortmund have been '
        'twinned since 1969 and re-signed their memorandum of understanding today."}\n{not json\n',
        encoding="utf-8",
    )
    seen: list[IngestedArticle | InputProblem] = []
    assert count_inputs([articles]) == 5
    report = ingest([articles], store, extractor=extractor, on_progress=seen.append)
    assert report.articles[0].key == "https://example.org/leeds"
    assert len(report.articles) == 3
    assert [(Path(p.path).name, p.line) for p in report.problems] == [("batch.jsonl", 2), ("broken.txt", None)]
    assert len(seen) == 5
    assert len(sources_of(store)) == 3


# --- the command --------------------------------------------------------------------------------------------


def test_cli_ingest_summary_and_exit_0(cli, articles: Path, store_path: Path) -> None:
    done = cli("ingest", str(articles), "--store", str(store_path))
    assert done.returncode == 0, done.stderr
    assert re.match(r"ingested 2 articles: \d+ facts, [\d,]+ triples in [\d.]+ s \([\d.]+ articles/s\); "
                    r"store holds [\d,]+ triples\n$", done.stdout), done.stdout  # fmt: skip
    assert done.stderr == ""
    summary = json.loads(cli("ingest", str(articles), "--store", str(store_path), "--format", "json").stdout)
    assert (summary["articles"], summary["problems"], summary["failed"]) == (2, 0, [])
    assert summary["ingested"][0]["key"] == SEED_URL_000
    assert summary["ingested"][0]["path"] == str(articles / "seed_000.txt")
    assert summary["facts"] == sum(a["facts"] for a in summary["ingested"]) > 10
    stored = int(done.stdout.split("store holds ")[1].split()[0].replace(",", ""))
    assert summary["store_triples"] == stored  # the second run replaced both graphs: same size


def test_cli_exit_1_names_each_failed_input(cli, articles: Path, store_path: Path) -> None:
    (articles / "empty.txt").write_text("", encoding="utf-8")
    (articles / "batch.jsonl").write_text("{broken\n", encoding="utf-8")
    done = cli("ingest", str(articles), "--store", str(store_path), "--quiet")
    assert done.returncode == 1
    assert done.stdout == ""
    failed = done.stderr.strip().splitlines()
    assert len(failed) == 2
    assert "batch.jsonl:1: not valid JSON" in failed[0]
    assert "empty.txt: empty file" in failed[1]
    assert len(sources_of(open_store(store_path))) == 2  # the good articles landed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no/such/file.txt"], "no such file or folder: no/such/file.txt"),
        (["{articles}", "--format", "xml"], "unknown format 'xml'; use one of text, json"),
        (["{articles}", "--sources", "missing.yaml"], "missing.yaml: no such sources file"),
    ],
)
def test_cli_usage_errors_exit_2(cli, articles: Path, store_path: Path, args: list[str], message: str) -> None:
    done = cli("ingest", *[a.format(articles=articles) for a in args], "--store", str(store_path))
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_store_in_use(cli, articles: Path, store_path: Path) -> None:
    holder = open_store(store_path)
    done = cli("ingest", str(articles), "--store", str(store_path))
    assert done.returncode == 2
    assert "in use by another twingraph process" in done.stderr
    assert len(holder) == 0
