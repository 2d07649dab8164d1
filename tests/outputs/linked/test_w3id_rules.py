"""The w3id.org redirect rules (docs/w3id/twingraph/.htaccess) send every kind of twingraph IRI to a path that
`twingraph serve` answers, for a client that asks for RDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from twingraph.outputs.serve import TWINGRAPH_BASE, VOCABULARY_PATHS
from twingraph.rdf.vocab import ID_NS, STATUS_NS, TG_NS, TYPES_NS

HTACCESS = Path(__file__).resolve().parents[3] / "docs" / "w3id" / "twingraph" / ".htaccess"


def rules() -> list[tuple[re.Pattern[str], str, str, bool]]:
    """(pattern, target, flags, only for browsers) for each RewriteRule, in order."""
    found, conditions = [], False
    for line in HTACCESS.read_text(encoding="utf-8").splitlines():
        if line.startswith("RewriteCond"):
            conditions = True
        elif line.startswith("RewriteRule"):
            _, pattern, target, flags = line.split()
            found.append((re.compile(pattern), target, flags, conditions))
            conditions = False
    return found


def redirect_for_rdf(path: str) -> tuple[str, str] | None:
    for pattern, target, flags, browsers_only in rules():
        if browsers_only:
            continue
        match = pattern.search(path)
        if match:
            return match.expand(target.replace("$", "\\")), flags
    return None


@pytest.mark.parametrize(
    ("iri", "served", "status"),
    [
        (ID_NS + "city/de/dortmund", "/id/city/de/dortmund", "R=303"),
        (ID_NS + "partnership/solidarity/de-dortmund--ua-zhytomyr", None, "R=303"),
        (ID_NS + "dataset", "/id/dataset", "R=303"),
        (TG_NS.rstrip("#"), "/ontology", "R=302"),
        (TYPES_NS + "solidarity", "/partnership-type/solidarity", "R=303"),
        (STATUS_NS + "active", "/partnership-status/active", "R=303"),
        (TWINGRAPH_BASE + ".well-known/void", "/.well-known/void", "R=302"),
    ],
)
def test_every_kind_of_iri_reaches_the_server(iri: str, served: str | None, status: str) -> None:
    path = iri.removeprefix(TWINGRAPH_BASE)
    found = redirect_for_rdf(path)
    assert found is not None, f"no rule for {path}"
    target, flags = found
    assert target.startswith("https://TWINGRAPH_HOST/")
    local = target.removeprefix("https://TWINGRAPH_HOST")
    assert local == (served or "/" + path)
    assert local.startswith(("/id/", "/.well-known/void", *VOCABULARY_PATHS))
    assert status in flags
