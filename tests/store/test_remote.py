"""Remote stores without a server: bad URLs and endpoints nobody answers give one clear line."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from twingraph.store.remote import EndpointError, RemoteStore


def _dead_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again: nobody listens there


def test_unreachable_endpoint_is_an_endpoint_error() -> None:
    url = f"http://127.0.0.1:{_dead_port()}/sparql"
    with pytest.raises(EndpointError, match=f"cannot reach {url}"):
        RemoteStore(url, timeout=5).query("ASK {}")


def test_endpoint_must_be_an_http_url() -> None:
    with pytest.raises(EndpointError, match="must be an http"):
        RemoteStore("ftp://example.org/sparql")


@pytest.mark.parametrize(
    "command",
    [
        ("query", "partners-of", "-p", "city=Dortmund", "--endpoint", "http://127.0.0.1:{port}/sparql"),
        ("push", "--endpoint", "http://127.0.0.1:{port}/update", "--store", "{store}"),
        ("push", "--graph-store", "http://127.0.0.1:{port}/store", "--store", "{store}"),
    ],
)
def test_cli_unreachable_endpoint_is_one_line(command: tuple[str, ...], store_path, data_dir) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "twingraph",
            "curate",
            str(data_dir / "gold" / "seed_000.yaml"),
            "--store",
            str(store_path),
            "--quiet",
        ],
        check=True,
        timeout=120,
    )
    port = _dead_port()
    args = [part.format(port=port, store=store_path) for part in command]
    done = subprocess.run([sys.executable, "-m", "twingraph", *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert f"cannot reach http://127.0.0.1:{port}/" in done.stderr
