"""`ingest --dask`: extraction on a real Dask LocalCluster of two worker processes gives the local quads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import Quad

from twingraph.ingest.run import ingest, ingest_articles
from twingraph.inputs.articles import read_inputs
from twingraph.rdf import vocab
from twingraph.store import EmbeddedStore, open_store

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow
DEV = Path(__file__).resolve().parents[2] / "data" / "eval" / "articles"


def comparable(store: EmbeddedStore) -> set[Quad]:
    return {q for q in store._store.quads_for_pattern(None, None, None) if q.predicate != vocab.PROV_ENDED_AT_TIME}


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as local:
        yield local


def test_cluster_extraction_gives_the_local_quads(cluster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from twingraph.ingest.cluster import extract_on_cluster

    local = open_store(tmp_path / "local")
    ingest([DEV], local)
    remote = open_store(tmp_path / "cluster")
    with distributed.Client(cluster.scheduler_address) as client:  # type: ignore[attr-defined]
        assert len(client.scheduler_info()["workers"]) == 2
        items = read_inputs([DEV])
        report = ingest_articles(items, remote, extracted=extract_on_cluster(items, client, batch_size=2))
        # Each worker that extracted something has built its extractor.
        built = client.run(lambda: __import__("twingraph.ingest.workers", fromlist=["_"])._DEFAULT is not None)
    assert len(report.articles) == len(list(DEV.glob("*.txt")))
    assert list(built.values()) == [True, True]
    assert comparable(remote) == comparable(local)


def test_cli_dask_option(cluster, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    done = cli("ingest", "--store", str(tmp_path / "store"), "--dask", cluster.scheduler_address, str(DEV))  # type: ignore[attr-defined]
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"ingested {len(list(DEV.glob('*.txt')))} articles:")


def test_unreachable_scheduler_is_one_line(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    done = cli("ingest", "--store", str(tmp_path / "store"), "--dask", "tcp://127.0.0.1:9", "--timeout", "2", str(DEV))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in line
