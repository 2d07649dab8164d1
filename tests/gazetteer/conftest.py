"""The real gazetteer, built once for the whole folder."""

from __future__ import annotations

import pytest

from twingraph.gazetteer import Gazetteer, gazetteer


@pytest.fixture(scope="session")
def g() -> Gazetteer:
    return gazetteer()
