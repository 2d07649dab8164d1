"""SPARQL injection: values a user types reach queries only as bound literals, so strings built to close a
literal, a group or an IRI change nothing: the store keeps its triples, benign answers stay the same, and
an injected value answers like any other unknown name (or ends in one clean line of error)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pyoxigraph import QuerySolutions, Store
from reliability_support import INJECTIONS, run_cli, triple_count

from twingraph.errors import UserError
from twingraph.query.library import LibraryQuery, library
from twingraph.store import open_store
from twingraph.store.remote import RemoteStore

BENIGN = {"city": "Dortmund", "partner": "Zhytomyr", "country": "DE", "entity": "Dortmund"}
PARAM_QUERIES = [q for q in library() if q.params]


def _rows(result: object) -> list[tuple[str, ...]]:
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    return sorted(tuple(str(s[n]) if s[n] is not None else "" for n in names) for s in result)


def _values(query: LibraryQuery, value: str) -> dict[str, str]:
    """Every parameter gets the value under test; the others their benign value (required ones must be set)."""
    return {p.name: value for p in query.params}


def _snapshot(store_path: Path) -> tuple[int, list[str]]:
    store = Store.read_only(str(store_path))
    return len(store), sorted(str(g) for g in store.named_graphs())


@pytest.fixture(scope="module")
def store_copy(demo_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("inject") / "store"
    shutil.copytree(demo_store, target)
    return target


def test_there_are_parameterised_queries_to_attack() -> None:
    names = {q.name for q in PARAM_QUERIES}
    assert {"partners-of", "timeline", "provenance"} <= names


def test_library_queries_bind_injections_as_plain_values(store_copy: Path) -> None:
    before = _snapshot(store_copy)
    store = open_store(store_copy)
    try:
        for query in PARAM_QUERIES:
            benign = {p.name: BENIGN.get(p.name, "Dortmund") for p in query.params}
            expected = _rows(store.query(query.text, query.bind(benign)))
            unknown = _rows(store.query(query.text, query.bind(_values(query, "NoSuchPlace"))))
            for attack in INJECTIONS:
                try:
                    rows = _rows(store.query(query.text, query.bind(_values(query, attack))))
                except UserError as err:
                    assert "\n" not in str(err)
                    continue
                if "Dortmund" in attack:
                    assert set(rows) <= set(_rows(store.query(query.text, query.bind(_values(query, "Dortmund")))))
                else:
                    assert rows == unknown, (query.name, attack)
            assert _rows(store.query(query.text, query.bind(benign))) == expected, query.name
    finally:
        del store
    assert _snapshot(store_copy) == before


def _assert_clean(done: object, allowed: tuple[int, ...] = (0, 2)) -> None:
    code, err = done.returncode, done.stderr  # type: ignore[attr-defined]
    assert code in allowed, err
    assert "Traceback" not in err
    if code == 2:
        assert len(err.strip().splitlines()) == 1, err


@pytest.mark.slow
def test_cli_options_that_reach_queries(store_copy: Path, tmp_path: Path) -> None:
    """One run per option, each with a different attack: query params, graph and viz city names, export --graph."""
    before = _snapshot(store_copy)
    store = str(store_copy)
    a = iter(INJECTIONS * 2)
    runs = [
        ("query", "partners-of", "--param", f"city={next(a)}", "--store", store, "-f", "json"),
        ("query", "timeline", "--param", "city=Dortmund", "--param", f"partner={next(a)}", "--store", store),
        ("query", "provenance", "--param", f"entity={next(a)}", "--store", store, "-f", "csv"),
        ("graph", "partners", next(a), "--store", store),
        ("graph", "path", "Dortmund", next(a), "--store", store),
        ("graph", "timeline", next(a), "Zhytomyr", "--store", store),
        ("viz", "--focus", next(a), "--store", store, "-o", str(tmp_path / "a.html")),
        ("viz", "--partnership", f"Dortmund,{next(a)}", "--store", store, "-o", str(tmp_path / "b.html")),
        ("export", "--graph", next(a), "--store", store, "-o", str(tmp_path / "c.ttl")),
        ("validate", "--graph", next(a), "--store", store),
    ]
    for args in runs:
        done = run_cli(*args)
        _assert_clean(done, (0, 1, 2) if args[0] == "validate" else (0, 2))
        if args[0] == "query":
            assert "Dortmund" not in done.stdout or "Dortmund" in " ".join(args[2:5]), args
    assert _snapshot(store_copy) == before
    benign = run_cli("query", "partners-of", "--param", "city=Dortmund", "--store", store, "-f", "csv")
    assert benign.returncode == 0 and "Zhytomyr" in benign.stdout


@pytest.mark.server
def test_endpoint_values_binding_resists_injection(serve_demo: str, store_copy: Path) -> None:
    """Against `twingraph serve`: parameters travel as a VALUES block; the same answers as the embedded store."""
    remote = RemoteStore(serve_demo, timeout=30)
    count = triple_count(serve_demo)
    store = open_store(store_copy)
    try:
        for query in PARAM_QUERIES:
            for attack in (*INJECTIONS, "Dortmund"):
                bindings = query.bind(_values(query, attack))
                local = _rows(store.query(query.text, bindings))
                try:
                    answer = remote.query(query.text, bindings)
                except UserError as err:
                    assert "\n" not in str(err)
                    continue
                assert _rows(answer) == local, (query.name, attack)
    finally:
        del store
    assert triple_count(serve_demo) == count


@pytest.mark.server
@pytest.mark.slow
def test_cli_endpoint_option_resists_injection(serve_demo: str) -> None:
    count = triple_count(serve_demo)
    for attack in INJECTIONS[:3]:
        done = run_cli("query", "partners-of", "--param", f"city={attack}", "--endpoint", serve_demo, "-f", "json")
        _assert_clean(done)
        assert done.returncode == 0 and '"bindings":[]' in done.stdout.replace(" ", ""), done.stdout
    assert triple_count(serve_demo) == count
