"""The package's import graph: no cycle between its parts, and the dependencies point the way the data flows.

Every import counts, also those inside functions (a lazy import still ties two parts together), read from the
source with `ast` so that nothing is executed.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "twingraph"


def _part(module: str) -> str:
    """`twingraph.store.embedded` -> `store`: a subpackage or a top-level module of the package."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imported_modules(tree: ast.AST) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            # `from twingraph import resources` names a module, not just a name in twingraph/__init__.py
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _parts() -> set[str]:
    return {p.stem for p in PACKAGE.iterdir() if (p.suffix == ".py" or (p / "__init__.py").exists())}


@cache
def import_graph() -> nx.DiGraph:
    """One node per part of the package, an edge A -> B where a module of A imports one of B (read once per run;
    callers only read it)."""
    parts = _parts()
    graph = nx.DiGraph()
    graph.add_nodes_from(parts)
    for path in PACKAGE.rglob("*.py"):
        source = _part(".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts))
        for module in _imported_modules(ast.parse(path.read_text(encoding="utf-8"))):
            if module.startswith("twingraph.") and (target := _part(module)) in parts and target != source:
                graph.add_edge(source, target)
    return graph


def test_the_graph_is_read_from_the_code() -> None:
    graph = import_graph()
    assert {"extract", "rdf", "store", "query", "viz", "cli"} <= set(graph)
    assert graph.has_edge("store", "rdf")  # the store names its graphs and indexes with the ontology's terms
    assert graph.has_edge("cli", "ingest")


def test_no_import_cycle_between_parts() -> None:
    cycles = list(nx.simple_cycles(import_graph()))
    assert cycles == [], f"import cycles: {cycles}"


@pytest.mark.parametrize(
    ("part", "must_not_import"),
    [
        ("extract", {"rdf", "store", "query", "graph", "viz", "outputs", "ingest", "inputs"}),  # text -> facts only
        ("language", {"extract", "inputs", "gazetteer", "rdf", "store"}),  # shared below reading and extraction
        ("inputs", {"extract", "ingest", "query", "graph", "viz", "outputs"}),
        ("rdf", {"store", "query", "graph", "viz", "outputs", "ingest", "extract"}),  # facts -> triples
        ("store", {"extract", "inputs", "ingest", "graph", "viz", "outputs"}),
        ("graph", {"extract", "inputs", "ingest", "viz", "outputs"}),
        ("viz", {"extract", "inputs", "ingest", "outputs"}),  # viz knows nothing of extraction
        ("facts", {"extract", "rdf", "store", "inputs", "language", "gazetteer"}),
    ],
)
def test_dependencies_follow_the_data_flow(part: str, must_not_import: set[str]) -> None:
    imported = set(import_graph().successors(part))
    assert not imported & must_not_import, f"{part} imports {sorted(imported & must_not_import)}"


def test_only_the_edges_of_the_system_import_the_command_line_and_the_api() -> None:
    graph = import_graph()
    importers = {a for a, b in graph.edges if b in ("cli", "api")} - {"__main__", "cli"}
    assert importers == set()
