"""Fixtures shared by the whole suite: real files from data/ and fresh stores."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from twingraph.store import EmbeddedStore, open_store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_path: Path) -> EmbeddedStore:
    return open_store(store_path)


def run_cli(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run the real `twingraph` command in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "twingraph", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=timeout,
    )


@pytest.fixture
def cli():
    return run_cli
