"""A folder with bad members: every valid article lands, every bad file is named on stderr, exit status 1."""

from __future__ import annotations

import codecs
import shutil
from pathlib import Path

import pytest
from pyoxigraph import Store
from reliability_support import DATA, run_cli

from twingraph.inputs.articles import MAX_ARTICLE_BYTES

VALID = ("seed_000.txt", "seed_001.txt")


@pytest.fixture
def mixed_batch(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The two sample articles plus bad files; returns the folder and bad name -> expected words of the problem."""
    folder = tmp_path / "batch"
    folder.mkdir()
    for name in VALID:
        shutil.copy(DATA / "articles" / name, folder / name)
    shutil.copy(DATA / "articles" / "sources.yaml", folder / "sources.yaml")
    german = (DATA / "articles" / "seed_001.txt").read_text(encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b" \n\t\n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "picture.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(200)))
    (folder / "oversized.txt").write_bytes(b"Dortmund. " * (MAX_ARTICLE_BYTES // 10 + 10))
    (folder / "markup[bold]x.txt").write_bytes(b"\x00\x01\x02\x03" * 100)  # a name that is console markup
    bad = {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "binary.txt": "binary",
        "picture.html": "PNG",
        "oversized.txt": "too large",
        "markup[bold]x.txt": "binary",
    }
    # Wrongly encoded but readable: read with a caveat (Latin-1) or by their BOM (UTF-16); both must land.
    (folder / "latin1.txt").write_bytes(german.encode("cp1252", "replace"))
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + german.encode("utf-16-le"))
    return folder, bad


@pytest.mark.slow
def test_batch_with_bad_members(mixed_batch: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, bad = mixed_batch
    store = tmp_path / "store"
    done = run_cli("ingest", str(folder), "--store", str(store), "--format", "json")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    failed_lines = [line for line in done.stderr.splitlines() if line.startswith("failed:")]
    for name, words in bad.items():
        named = [line for line in failed_lines if name in line]
        assert named, f"{name} not reported on stderr:\n{done.stderr}"
        assert words.lower() in named[0].lower(), named[0]
    assert len(failed_lines) == len(bad), done.stderr
    assert "latin1.txt" in done.stderr and "Latin-1" in done.stderr  # the caveat is a warning, not a failure

    import json

    summary = json.loads(done.stdout)
    landed = sorted(Path(item["path"]).name for item in summary["ingested"])
    assert landed == sorted([*VALID, "latin1.txt", "utf16.txt"])
    assert summary["problems"] == len(bad)
    consolidated = "https://w3id.org/twingraph/id/graph/consolidated"
    graphs = [g for g in Store.read_only(str(store)).named_graphs() if getattr(g, "value", "") != consolidated]
    assert len(graphs) == 4  # utf16 and latin1 copies of seed_001 have their own file-name keys
