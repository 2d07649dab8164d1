"""`twingraph validate`: the demo graph conforms; a graph broken on purpose fails, naming node and shape."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store
from reliability_support import run_cli

TG = "https://w3id.org/twingraph/ontology#"
XSD_STRING = NamedNode("http://www.w3.org/2001/XMLSchema#string")


CONSOLIDATED = NamedNode("https://w3id.org/twingraph/id/graph/consolidated")


def _first(store: Store, predicate: str) -> Quad:
    """The first such statement of a source graph (validate checks those, not the consolidated graph)."""
    return next(
        q for q in store.quads_for_pattern(None, NamedNode(TG + predicate), None) if q.graph_name != CONSOLIDATED
    )


def _break(path: Path) -> dict[str, str]:
    """A visit without destination, a partnership with one city, a date typed xsd:string: node -> what broke."""
    store = Store(str(path))
    visit = _first(store, "destination")
    store.remove(visit)
    partner = _first(store, "partner")
    store.remove(partner)
    since = _first(store, "since")
    store.remove(since)
    store.add(Quad(since.subject, since.predicate, Literal(since.object.value, datatype=XSD_STRING), since.graph_name))
    store.flush()
    broken = {visit.subject.value: "destination", partner.subject.value: "partner", since.subject.value: "since"}
    del store
    return broken


@pytest.mark.slow
def test_demo_conforms_and_broken_graph_is_named(demo_store: Path, tmp_path: Path) -> None:
    good = run_cli("validate", "--store", str(demo_store), "--format", "json")
    assert good.returncode == 0, good.stdout + good.stderr
    assert json.loads(good.stdout)["conforms"] is True

    store = tmp_path / "store"
    shutil.copytree(demo_store, store)
    broken = _break(store)
    bad = run_cli("validate", "--store", str(store), "--format", "json")
    assert bad.returncode == 1, bad.stderr
    report = json.loads(bad.stdout)
    assert report["conforms"] is False
    text = json.dumps(report["results"])
    for node, prop in broken.items():
        hits = [r for r in report["results"] if node in json.dumps(r) and prop in json.dumps(r)]
        assert hits, f"no violation names {node} and {prop}: {text[:2000]}"
        assert any("shape" in key.lower() and value for r in hits for key, value in r.items()), hits
    assert report["violations"] == len(broken)
    table = run_cli("validate", "--store", str(store))  # the table is cut to the terminal; its summary is not
    assert table.returncode == 1
    assert f"does not conform: {report['triples']} triples" in table.stdout and "3 violations" in table.stdout
