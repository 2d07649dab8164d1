"""One `--format` option for every command: its choices in --help, anything else one clear line, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

COMMANDS = [
    (["stats"], "table, json"),
    (
        ["query", "partners-of", "--param", "city=Dortmund"],
        "table, json, csv, tsv, xml, turtle, ntriples, jsonld, rdfxml",
    ),
    (["export"], "turtle, trig, nquads, ntriples, jsonld, rdfxml"),
    (["validate"], "table, json"),
    (["push", "http://127.0.0.1:9/store"], "table, json"),
    (["wikidata-diff", "--pairs", "{pairs}"], "quickstatements, json"),
    (["graph", "partners", "Dortmund"], "table, json"),
    (["graph", "export", "--out", "graph.graphml"], "graphml, gexf"),
    (["ingest", "{articles}"], "text, json"),
    (["load-pairs", "{pairs}"], "text, json"),
]


@pytest.mark.parametrize(("args", "choices"), COMMANDS, ids=lambda a: " ".join(a) if isinstance(a, list) else None)
def test_a_format_no_command_knows_is_one_line(
    cli, tmp_path: Path, data_dir: Path, args: list[str], choices: str
) -> None:
    filled = [a.format(articles=data_dir / "articles", pairs=data_dir / "twin-towns" / "pairs.csv") for a in args]
    done = cli(*filled, "--store", str(tmp_path / "store"), "--format", "yaml")
    assert done.returncode == 2
    assert done.stderr == f"error: unknown format 'yaml'; use one of {choices}\n"
    assert not (tmp_path / "store").exists()  # refused before anything was opened or written


def test_evaluate_shares_the_option(cli) -> None:
    done = cli("evaluate", "--split", "tune", "--format", "yaml")
    assert (done.returncode, done.stderr) == (2, "error: unknown format 'yaml'; use one of table, json\n")


@pytest.mark.parametrize("command", [["stats"], ["export"], ["graph", "partners"]])
def test_help_lists_the_choices(cli, command: list[str]) -> None:
    done = cli(*command, "--help")
    assert done.returncode == 0
    assert "--format" in done.stdout and "One of:" in done.stdout
