"""`ingest --endpoint/--graph-store`: articles straight into a real Oxigraph server and Virtuoso, with the same
quads the embedded store gets, and a second run replacing rather than adding."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, QuerySolutions
from servers import Server

from twingraph.ingest.run import ingest
from twingraph.rdf import vocab
from twingraph.store import open_store
from twingraph.store.remote import Credentials, RemoteStore

pytestmark = pytest.mark.server

DEV = Path(__file__).resolve().parents[2] / "data" / "eval" / "articles"
ARTICLE_GRAPHS = "https://w3id.org/twingraph/id/article/"
ALL_ARTICLE_QUADS = (
    f'SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{ARTICLE_GRAPHS}")) }}'
)


def _ingest(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "twingraph", "ingest", *args], capture_output=True, text=True, timeout=300
    )


def _remote_quads(server: Server) -> set[str]:
    auth = Credentials(server.user, server.password or "") if server.user else None
    result = RemoteStore(server.query, credentials=auth, timeout=60).query(ALL_ARTICLE_QUADS)
    assert isinstance(result, QuerySolutions)
    return {
        f"{row['s']} {row['p']} {row['o']} {row['g']}"
        for row in result
        if row["p"] != vocab.PROV_ENDED_AT_TIME  # when extraction ended: no two runs share it
    }


def _clear(server: Server) -> None:
    auth = Credentials(server.user, server.password or "") if server.user else None
    remote = RemoteStore(server.query, update_endpoint=server.update, credentials=auth, timeout=60)
    graphs = remote.query(
        f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{ARTICLE_GRAPHS}")) }}'
    )
    for row in graphs:  # type: ignore[union-attr]
        remote.update(f"DROP SILENT GRAPH {row['g']}")


@pytest.fixture(scope="module")
def embedded_quads(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    store = open_store(tmp_path_factory.mktemp("embedded") / "store")
    ingest([DEV], store)
    return {
        f"{q.subject} {q.predicate} {q.object} {q.graph_name}"
        for q in store._store.quads_for_pattern(None, None, None)
        if isinstance(q.graph_name, NamedNode)
        and q.predicate != vocab.PROV_ENDED_AT_TIME
        and q.graph_name != vocab.CONSOLIDATED_GRAPH  # kept by the embedded store's writes only
    }


@pytest.fixture
def empty_server(server: Server) -> Iterator[Server]:
    """The session's server without article graphs, before and after: the other server tests count theirs."""
    _clear(server)
    yield server
    _clear(server)


@pytest.mark.parametrize("way", ["--endpoint", "--graph-store"])
def test_ingest_into_a_remote_store_gives_the_embedded_quads(
    empty_server: Server, way: str, embedded_quads: set[str], tmp_path: Path
) -> None:
    server = empty_server
    url = server.update if way == "--endpoint" else server.graph_store
    done = _ingest(way, url, "--jobs", "2", *server.auth_args(), str(DEV))
    assert done.returncode == 0, done.stderr
    assert f"sent to {url}" in done.stdout
    quads = _remote_quads(server)
    assert len(quads) > 1000
    assert quads == embedded_quads
    again = _ingest(way, url, *server.auth_args(), str(DEV))
    assert again.returncode == 0, again.stderr
    assert _remote_quads(server) == embedded_quads  # replaced, not added


def test_unreachable_endpoint_is_one_line_after_retries(tmp_path: Path) -> None:
    from servers import free_port

    url = f"http://127.0.0.1:{free_port()}/update"
    done = _ingest("--endpoint", url, str(DEV / "05_dortmund_amiens_nashorn.txt"))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert url in line and "(tried 4 times)" in line and "the 0 articles before it are stored" in line
