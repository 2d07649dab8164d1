"""`twingraph graph ...` as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path


def test_partners_as_json(cli, curated_store_path: Path) -> None:  # type: ignore[no-untyped-def]
    done = cli("graph", "partners", "schytomyr", "--hops", "2", "--format", "json", "--store", str(curated_store_path))
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert [(p["label"], p["hops"]) for p in found][:2] == [("Dortmund", 1), ("Amiens", 2)]


def test_timeline_table_shows_dates_and_sources(cli, curated_store_path: Path) -> None:  # type: ignore[no-untyped-def]
    done = cli("graph", "timeline", "Dortmund", "Zhytomyr", "--store", str(curated_store_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.index("2023-06-19") < done.stdout.index("2023-09-24") < done.stdout.index("undated")
    assert "25 entries, 10 dated" in done.stdout  # one entry per fact, however many sources report it


def test_path_central_communities(cli, curated_store_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = ("--store", str(curated_store_path))
    path = json.loads(cli("graph", "path", "Amiens", "Leeds", "-f", "json", *store).stdout)
    assert [(s["from_label"], s["to_label"]) for s in path] == [("Amiens", "Dortmund"), ("Dortmund", "Leeds")]
    top = json.loads(cli("graph", "central", "--top", "1", "-f", "json", *store).stdout)
    assert [c["label"] for c in top] == ["Dortmund"]
    groups = json.loads(cli("graph", "communities", "-f", "json", *store).stdout)
    assert groups[0]["size"] == 6


def test_export_graphml(cli, curated_store_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "twins.graphml"
    done = cli("graph", "export", "--format", "graphml", "--out", str(out), "--store", str(curated_store_path))
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    assert "nodes" in done.stderr


def test_unknown_city_is_one_line_and_exit_2(cli, curated_store_path: Path) -> None:  # type: ignore[no-untyped-def]
    done = cli("graph", "partners", "Atlantis", "--store", str(curated_store_path))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: unknown city 'Atlantis': no label or mention in the store matches it"
    ]
    assert "Traceback" not in done.stderr


def test_bad_format_is_a_user_error(cli, curated_store_path: Path) -> None:  # type: ignore[no-untyped-def]
    done = cli("graph", "central", "--format", "xml", "--store", str(curated_store_path))
    assert done.returncode == 2
    assert "unknown format 'xml'" in done.stderr
