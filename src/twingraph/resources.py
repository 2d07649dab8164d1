"""Where the ontology, the query library and the bundled data live: real files in the checkout."""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    """The twingraph checkout (TWINGRAPH_HOME overrides, for installs outside a checkout)."""
    home = os.environ.get("TWINGRAPH_HOME")
    return Path(home) if home else Path(__file__).resolve().parents[2]


def ontology_dir() -> Path:
    return project_root() / "ontology"


def queries_dir() -> Path:
    return project_root() / "queries"


def data_dir() -> Path:
    return project_root() / "data"
