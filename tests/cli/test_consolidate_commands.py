"""`twingraph consolidate` (rebuild or --check) and `twingraph remove`."""

from __future__ import annotations

from pathlib import Path

from twingraph.rdf.iris import article_iri
from twingraph.store import open_store
from twingraph.store.consolidate import consolidated_triples

ROOT = Path(__file__).resolve().parents[2]
DORTMUND_DE = "https://www.dortmund.de/newsroom/nachrichten/delegation-aus-schytomyr-besucht-dortmund.html"


def test_check_rebuild_and_remove(cli, tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    assert cli("ingest", str(ROOT / "data" / "articles"), "--store", store, "--quiet").returncode == 0
    checked = cli("consolidate", "--check", "--store", store)
    assert checked.returncode == 0, checked.stderr
    assert "consolidated graph is current" in checked.stdout
    before = consolidated_triples(open_store(Path(store)))
    rebuilt = cli("consolidate", "--store", store)
    assert rebuilt.returncode == 0 and "rebuilt the consolidated graph" in rebuilt.stdout
    assert consolidated_triples(open_store(Path(store))) == before

    removed = cli("remove", DORTMUND_DE, "--store", store)
    assert removed.returncode == 0, removed.stderr
    after = open_store(Path(store))
    assert not after.has_graph(article_iri(DORTMUND_DE))
    assert not any(t.object == article_iri(DORTMUND_DE) for t in consolidated_triples(after))
    del after
    assert cli("consolidate", "--check", "--store", store).returncode == 0

    unknown = cli("remove", "https://example.org/not-here", "--store", store)
    assert unknown.returncode != 0 and "no source 'https://example.org/not-here'" in unknown.stderr
