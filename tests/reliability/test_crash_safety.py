"""Crash safety: an ingest killed with SIGKILL mid-batch leaves only whole articles, and running the batch
again completes it; a second ingest on a store in use stops with one clear line instead of corrupting it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Store
from reliability_support import DATA, run_cli

from twingraph.ingest.run import ingest
from twingraph.rdf.vocab import CONSOLIDATED_GRAPH
from twingraph.store import open_store
from twingraph.store.consolidate import rebuilt_quads

ARTICLES = 150  # distinct URLs cycling through the sample and dev-set texts
XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"


def _texts() -> list[tuple[str, str]]:
    folders = [DATA / "articles", DATA / "eval" / "articles"]
    files = sorted({p.name: p for folder in folders if folder.is_dir() for p in folder.glob("*.txt")}.values())
    return [(p.stem, p.read_text(encoding="utf-8")) for p in files]


def _graph_triples(store: Store, graph: NamedNode) -> frozenset[str]:
    """The graph's triples, minus the ingest activity's timestamp (the one value a re-run changes)."""
    return frozenset(
        f"{q.subject} {q.predicate} {q.object}"
        for q in store.quads_for_pattern(None, None, None, graph)
        if not (hasattr(q.object, "datatype") and getattr(q.object.datatype, "value", "") == XSD_DATETIME)
    )


def _snapshot(path: Path) -> dict[str, frozenset[str]]:
    store = Store.read_only(str(path))
    return {g.value: _graph_triples(store, g) for g in store.named_graphs() if isinstance(g, NamedNode)}


def _graph_count(path: Path) -> int:
    try:
        return sum(1 for _ in Store.read_only(str(path)).named_graphs())
    except (OSError, RuntimeError):
        return 0  # the writer is still creating the store


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    texts = _texts()
    assert len(texts) >= 2
    path = tmp_path_factory.mktemp("crash") / "batch.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for number in range(ARTICLES):
            stem, text = texts[number % len(texts)]
            record = {"url": f"https://example.org/crash/{number:04d}/{stem}", "text": text, "language": "de"}
            if stem.endswith("_en"):
                record["language"] = "en"
            elif stem.endswith("_uk"):
                record["language"] = "uk"
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def clean_run(batch: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, frozenset[str]]]:
    """The batch ingested once without interruption: what every article's graph must look like."""
    path = tmp_path_factory.mktemp("clean") / "store"
    store = open_store(path)
    report = ingest([batch], store)
    assert len(report.articles) == ARTICLES and not report.problems
    del store
    return path, _snapshot(path)


def _start_ingest(batch: Path, store: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "twingraph", "ingest", str(batch), "--store", str(store), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ},
    )


@pytest.mark.slow
def test_sigkill_mid_batch_leaves_whole_articles_and_rerun_completes(
    batch: Path, clean_run: tuple[Path, dict[str, frozenset[str]]], tmp_path: Path
) -> None:
    clean_path, clean = clean_run
    store = tmp_path / "store"
    process = _start_ingest(batch, store)
    try:
        deadline = time.monotonic() + 120
        while _graph_count(store) < ARTICLES // 4:  # a read-only view works while the writer holds the lock
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.05)

        # Meanwhile a second ingest on the same store must refuse cleanly (exit 2, one line, no traceback).
        second = run_cli("ingest", str(DATA / "articles"), "--store", str(store))
        assert second.returncode == 2, second.stderr
        assert "in use" in second.stderr and "Traceback" not in second.stderr
        assert len(second.stderr.strip().splitlines()) == 1, second.stderr
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL

    after_kill = _snapshot(store)
    # the consolidated graph holds what the stored articles say together: the same as a rebuild from them
    fused = after_kill.pop(CONSOLIDATED_GRAPH.value)
    opened = open_store(store)
    assert fused == frozenset(f"{q.subject} {q.predicate} {q.object}" for q in rebuilt_quads(opened))
    del opened
    print(f"killed with {len(after_kill)} of {ARTICLES} articles stored")
    assert ARTICLES // 4 <= len(after_kill) < ARTICLES, f"{len(after_kill)} graphs after the kill"
    for graph, triples in after_kill.items():
        assert triples == clean[graph], f"graph {graph} is partial after the kill"

    done = run_cli("ingest", str(batch), "--store", str(store), "--quiet")
    assert done.returncode == 0, done.stderr
    assert _snapshot(store) == clean
    assert len(Store.read_only(str(store))) == len(Store.read_only(str(clean_path)))
