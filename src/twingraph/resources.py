"""Where the ontology, the query library and the bundled data live.

An installed wheel carries them inside the package (`twingraph/_bundled/`, copied there by setup.py when the
wheel is built); a checkout and an editable install read the folders at the top of the checkout.
TWINGRAPH_HOME overrides both: a folder laid out like the checkout (ontology/, queries/, data/).
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

HOME_ENV = "TWINGRAPH_HOME"


def bundled_root() -> Path | None:
    """The data inside an installed wheel; None in a checkout."""
    bundled = Path(str(files("twingraph"))) / "_bundled"
    return bundled if bundled.is_dir() else None


def project_root() -> Path:
    """The folder holding ontology/, queries/ and data/: $TWINGRAPH_HOME, the wheel's copy, or the checkout."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home)
    return bundled_root() or Path(__file__).resolve().parents[2]


def ontology_dir() -> Path:
    return project_root() / "ontology"


def queries_dir() -> Path:
    return project_root() / "queries"


def data_dir() -> Path:
    return project_root() / "data"
