"""`twingraph` starts without the heavy libraries: command modules import them inside the commands."""

from __future__ import annotations

import inspect
import subprocess
import sys

from twingraph.cli.push import push
from twingraph.graph.exchange import GRAPH_FILE_FORMATS
from twingraph.outputs.push import DEFAULT_CHUNK

HEAVY = ("networkx", "rdflib", "pyshacl", "SPARQLWrapper", "spacy", "trafilatura", "dateparser", "yaml", "pylode")


def test_importing_the_commands_loads_no_heavy_library() -> None:
    check = "import sys, twingraph.cli; print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert "twingraph" in loaded
    assert [name for name in HEAVY if name in loaded] == []


def test_help_and_defaults_written_out_match_their_modules(cli) -> None:  # type: ignore[no-untyped-def]
    done = cli("graph", "export", "--help", env={"COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    assert f"One of: {', '.join(GRAPH_FILE_FORMATS)}." in done.stdout
    assert inspect.signature(push).parameters["chunk"].default == DEFAULT_CHUNK
