"""A store of curated facts about Dortmund's partnerships (gold files of the dev set, copied into data/ here),
loaded once with the real `twingraph curate` command and projected once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from twingraph.graph import project
from twingraph.store import EmbeddedStore, open_store

GOLD = Path(__file__).parent / "data" / "gold"
SEEDS = Path(__file__).resolve().parents[2] / "data" / "gold"


def curate(store: Path, files: list[Path]) -> None:
    """Load curated YAML with the real command, as a user would."""
    done = subprocess.run(
        [sys.executable, "-m", "twingraph", "curate", "--quiet", "--store", str(store), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="session")
def curated_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "store"
    curate(path, sorted([*GOLD.glob("*.yaml"), *SEEDS.glob("seed_*.yaml")]))
    return path


@pytest.fixture(scope="session")
def curated_store(curated_store_path: Path) -> EmbeddedStore:
    return open_store(curated_store_path, read_only=True)


@pytest.fixture(scope="session")
def curated_graph(curated_store: EmbeddedStore) -> nx.MultiDiGraph:
    return project(curated_store)
