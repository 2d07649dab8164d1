"""The projection as GraphML or GEXF for Gephi, yEd and other graph tools.

Those formats take scalar attributes only: tuples become '; '-joined text, sources, phases and conflicts a JSON
list, and missing values are left out.
"""

from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass
from pathlib import Path

import networkx as nx

from twingraph.errors import UserError

GRAPH_FILE_FORMATS = ("graphml", "gexf")


def _scalar(value: object) -> str | int | float | bool | None:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, tuple | list):
        if value and is_dataclass(value[0]):  # sources, phases, conflicts
            return json.dumps([asdict(s) for s in value], ensure_ascii=False)
        return "; ".join(str(v) for v in value)
    return str(value)


def _flat(attrs: dict[str, object]) -> dict[str, object]:
    return {key: flat for key, value in attrs.items() if (flat := _scalar(value)) is not None}


def flattened(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all scalars."""
    flat = nx.MultiDiGraph()
    flat.add_nodes_from((node, _flat(data)) for node, data in graph.nodes(data=True))
    flat.add_edges_from((u, v, key, _flat(data)) for u, v, key, data in graph.edges(keys=True, data=True))
    return flat


def write_graph_file(graph: nx.MultiDiGraph, out: Path, fmt: str) -> Path:
    """Write GraphML or GEXF (UTF-8); returns the path written."""
    if fmt not in GRAPH_FILE_FORMATS:
        raise UserError(f"unknown graph format '{fmt}'; use one of {', '.join(GRAPH_FILE_FORMATS)}")
    if out.parent and not out.parent.exists():
        raise UserError(f"no folder {out.parent} to write {out.name} into")
    flat = flattened(graph)
    if fmt == "graphml":
        nx.write_graphml(flat, out, encoding="utf-8")
    else:
        nx.write_gexf(flat, out, encoding="utf-8")
    return out
