"""GraphML and GEXF files that Gephi and NetworkX read back."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from twingraph.errors import UserError
from twingraph.graph.exchange import write_graph_file

SOLIDARITY = "https://w3id.org/twingraph/id/partnership/solidarity/de-dortmund--ua-zhytomyr"


def test_graphml_round_trip_keeps_nodes_edges_and_sources(curated_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = write_graph_file(curated_graph, tmp_path / "g.graphml", "graphml")
    back = nx.read_graphml(out)
    assert back.number_of_nodes() == curated_graph.number_of_nodes()
    assert back.number_of_edges() == curated_graph.number_of_edges()
    node = back.nodes[SOLIDARITY]
    assert node["kind"] == "partnership" and node["since"] == "2023-02"
    sources = json.loads(node["sources"])
    assert len(sources) == 3 and all(s["evidence"] for s in sources)
    (phase,) = json.loads(node["phases"])
    assert (phase["status"], phase["date"], len(phase["sources"])) == ("active", "2023-02", 3)
    assert "Schytomyr" in back.nodes["https://w3id.org/twingraph/id/city/ua/zhytomyr"]["names"]


def test_gexf_is_utf8_and_readable(curated_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = write_graph_file(curated_graph, tmp_path / "g.gexf", "gexf")
    assert "Żagań" in out.read_text(encoding="utf-8")
    assert nx.read_gexf(out).number_of_nodes() == curated_graph.number_of_nodes()


def test_unknown_format_is_a_user_error(curated_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="unknown graph format 'dot'"):
        write_graph_file(curated_graph, tmp_path / "g.dot", "dot")
