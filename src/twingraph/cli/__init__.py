"""The `twingraph` command: one module per command, all registered on one typer app."""

from __future__ import annotations

import sys

# Importing a command module registers its commands on `app`.
from twingraph.cli import curate, demo, export, query, stats, validate  # noqa: F401
from twingraph.cli.app import app, console_err
from twingraph.errors import UserError


def main() -> None:
    """Entry point: user errors end in one clear line on stderr and exit status 2, never a traceback."""
    try:
        app()
    except UserError as err:
        console_err.print(f"[bold red]error:[/] {err}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        console_err.print("interrupted; everything stored before this point is kept")
        sys.exit(130)


__all__ = ["app", "main"]
