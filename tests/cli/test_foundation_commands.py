"""The CLI as a user runs it: curate, query, stats, export, and one-line errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import rdflib


def test_curate_query_json_follows_w3c_results(cli, tmp_path: Path, data_dir: Path) -> None:
    store = str(tmp_path / "store")
    done = cli("curate", str(data_dir / "gold" / "seed_000.yaml"), "--store", store)
    assert done.returncode == 0, done.stderr
    done = cli("query", "partnerships", "--store", store, "--format", "json")
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert results["head"]["vars"][:6] == ["partnership", "cityA", "cityB", "type", "status", "since"]
    rows = {
        (b["cityA"]["value"], b["cityB"]["value"], b["type"]["value"], b["status"]["value"])
        for b in results["results"]["bindings"]
    }
    assert rows == {("Dortmund", "Zhytomyr", "solidarity", "active"), ("Dortmund", "Zhytomyr", "twinning", "planned")}


def test_stats_counts_sources_and_facts(cli, tmp_path: Path, data_dir: Path) -> None:
    store = str(tmp_path / "store")
    cli("curate", str(data_dir / "gold"), "--store", store, "--quiet")
    done = cli("stats", "--store", store, "--format", "json")
    assert done.returncode == 0, done.stderr
    stats = json.loads(done.stdout)
    assert stats["sources"] == 2
    assert stats["cities"] == 3
    assert stats["partnerships"] == 3  # solidarity and planned twinning fuse across both sources


def test_export_turtle_parses_back(cli, tmp_path: Path, data_dir: Path) -> None:
    store = str(tmp_path / "store")
    cli("curate", str(data_dir / "gold"), "--store", store, "--quiet")
    out = tmp_path / "graph.ttl"
    done = cli("export", "--store", store, "--out", str(out))
    assert done.returncode == 0, done.stderr
    graph = rdflib.Graph().parse(out, format="turtle")
    assert len(graph) > 200
    assert "@prefix tg:" in out.read_text(encoding="utf-8")


def test_user_errors_are_one_line_without_traceback(cli, tmp_path: Path) -> None:
    cases = [
        ("query", "cities", "--store", str(tmp_path / "missing")),
        ("curate", str(tmp_path / "nope.yaml"), "--store", str(tmp_path / "s")),
        ("query", "no-such-query", "--store", str(tmp_path / "s")),
    ]
    for args in cases:
        done = cli(*args)
        assert done.returncode != 0
        assert "Traceback" not in done.stderr
        assert done.stderr.strip().startswith("error:") or "skipped" in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) <= 2


def test_an_output_that_cannot_be_written_is_one_line_and_leaves_no_file(cli, tmp_path: Path, data_dir: Path) -> None:
    store = str(tmp_path / "store")
    cli("curate", str(data_dir / "gold"), "--store", store, "--quiet")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for args, target in [
        (("export", "--out", str(blocker / "graph.ttl")), blocker / "graph.ttl"),
        (("export", "--format", "nquads", "--out", str(blocker / "graph.nq")), blocker / "graph.nq"),
        (("viz", "--out", str(blocker / "graph.html")), blocker / "graph.html"),
        (("graph", "export", "--format", "gexf", "--out", str(blocker / "twins.gexf")), blocker / "twins.gexf"),
    ]:
        done = cli(*args, "--store", store)
        assert done.returncode == 2, (args, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error:") and str(target) in lines[0], (args, lines)
    assert blocker.read_text() == "not a folder"


def test_demo_run_twice_gives_the_same_store(cli, tmp_path: Path) -> None:
    """The table part holds the twin towns of the sample articles' cities, not of every city the store has."""
    store, out = tmp_path / "store", tmp_path / "out"
    first = cli("demo", "--store", str(store), "--out", str(out))
    again = cli("demo", "--store", str(store), "--out", str(out))
    assert first.returncode == again.returncode == 0, first.stderr + again.stderr
    assert "partnerships of Dortmund, Zhytomyr," in again.stdout
    assert first.stdout == again.stdout
    # Dortmund's twin towns from the world table stand beside Zhytomyr on the city's page
    page = (out / "dortmund.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="tg-data">(.*?)</script>', page, re.S)[1])
    cities = {n["label"].split("\n")[0] for n in data["nodes"] if n["kind"] == "city"}
    assert {"Dortmund", "Zhytomyr", "Amiens", "Leeds", "Zwickau", "Rostov-on-Don"} <= cities
    assert (out / "partnership.html").is_file() and (out / "twingraph.ttl").is_file()


def test_demo_keeps_a_whole_table_that_load_pairs_stored(cli, tmp_path: Path, data_dir: Path) -> None:
    """The demo's part of the world table shares the table's graph; it must not shrink what load-pairs stored."""
    table = tmp_path / "pairs.csv"  # same file name, so the same source key as the shipped table
    rows = (data_dir / "twin-towns" / "pairs.csv").read_text(encoding="utf-8").splitlines()[:41]
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    loaded = cli("load-pairs", str(table), "--store", str(store), "--format", "json")
    assert loaded.returncode == 0, loaded.stderr
    partnerships = json.loads(loaded.stdout)["partnerships"]
    assert partnerships > 20  # more than the demo's part has
    done = cli("demo", "--store", str(store), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert f"the whole table is in the store ({partnerships:,} partnerships); kept" in done.stdout
    answer = cli("query", "partnerships", "--store", str(store), "--format", "json")
    origins = [row["source"]["value"] for row in json.loads(answer.stdout)["results"]["bindings"]]
    assert sum(1 for source in origins if source.startswith("https://w3id.org/twingraph/id/article/")) == partnerships
