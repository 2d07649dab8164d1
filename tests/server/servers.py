"""Starting and stopping the servers the remote-store tests talk to."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass


@dataclass(frozen=True)
class Server:
    name: str
    query: str  # SPARQL query endpoint
    update: str  # SPARQL Update endpoint
    graph_store: str  # Graph Store HTTP Protocol
    user: str | None = None
    password: str | None = None

    def auth_args(self) -> list[str]:
        return ["--user", self.user, "--password", self.password or ""] if self.user else []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, process: subprocess.Popen[bytes], patience: float) -> str | None:
    """None once the URL answers 200; otherwise why the server is not there."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return f"exited with status {process.returncode}"
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return None
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    return f"did not answer within {patience:g} s"


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)
