"""The package stands on its own: `python -m build` makes an sdist and a wheel; the wheel, installed into a
fresh virtual environment, runs the demo, a library query, the viz and the server from an empty folder, with
no checkout and no TWINGRAPH_HOME. Slow (a minute or two: building, then installing the dependencies)."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from twingraph import __version__

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.slow, pytest.mark.server]


def run(command: list[str], cwd: Path, env: dict[str, str], timeout: float = 600) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(command)}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return done.stdout


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_wheel_installs_and_runs_outside_the_checkout(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "TWINGRAPH_HOME", "TWINGRAPH_STORE")}
    dist = tmp_path / "dist"
    # without isolation: the build uses this environment's setuptools instead of downloading one
    run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(ROOT)], ROOT, env)
    wheel = dist / f"twingraph-{__version__}-py3-none-any.whl"
    sdist = dist / f"twingraph-{__version__}.tar.gz"
    assert wheel.is_file() and sdist.is_file()
    names = set(zipfile.ZipFile(wheel).namelist())
    for bundled in ("ontology/twingraph.ttl", "queries/partners-of.rq", "data/articles/seed_000.txt"):
        assert f"twingraph/_bundled/{bundled}" in names
    assert "twingraph/_bundled/data/twin-towns/pairs.csv" in names
    assert "twingraph/outputs/linked/describe.rq" in names
    assert not any("/data/eval/" in n for n in names)  # the dev evaluation set stays in the checkout
    with tarfile.open(sdist) as archive:
        assert f"twingraph-{__version__}/data/gazetteer/places.tsv" in archive.getnames()

    # a fresh environment (no system site-packages), filled by this environment's pip from its cache
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], tmp_path, env)
    python = venv / "bin" / "python"
    started = time.monotonic()
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", str(wheel)], tmp_path, env, 900)
    print(f"installed the wheel and its dependencies in {time.monotonic() - started:.0f} s")

    empty = tmp_path / "empty"
    empty.mkdir()
    twingraph = str(venv / "bin" / "twingraph")
    assert run([twingraph, "--version"], empty, env).strip() == f"twingraph {__version__}"
    demo = run([twingraph, "demo"], empty, env)
    assert "ingested 2 sample articles: 34 facts" in demo
    assert "twin-town table: 20 partnerships" in demo
    assert (empty / "out" / "twingraph.ttl").is_file() and (empty / "out" / "partnership.html").is_file()
    partners = run([twingraph, "query", "partners-of", "--param", "city=Dortmund", "--format", "csv"], empty, env)
    assert "Zhytomyr" in partners and "Amiens" in partners
    run([twingraph, "viz", "--partnership", "Dortmund,Zhytomyr", "--out", "pair.html"], empty, env)
    assert "Zhytomyr" in (empty / "pair.html").read_text(encoding="utf-8")

    port = free_port()
    server = subprocess.Popen(
        [twingraph, "serve", "--port", str(port), "-q"], cwd=empty, env=env, stderr=subprocess.PIPE
    )
    try:
        body = b""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not body:
            assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/id/city/de/dortmund", headers={"Accept": "text/turtle"}
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    body = response.read()
            except OSError:
                time.sleep(0.3)
        assert b'"Dortmund"@en' in body
    finally:
        server.terminate()
        server.wait(timeout=30)
