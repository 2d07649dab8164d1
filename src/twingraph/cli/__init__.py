"""The `twingraph` command: one module per command in this package, all registered on one typer app.

Every run imports every command module (for --help and to find the command), so these modules import
heavy libraries (NetworkX, rdflib and pyshacl, SPARQLWrapper, the extraction pipeline) inside the commands
that use them; tests/cli/test_startup.py keeps it so.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
import sys

from rich.markup import escape

from twingraph.cli.app import app, console_err
from twingraph.errors import UserError


def _register_commands() -> None:
    """Importing a command module registers its commands on `app`; every module here is one."""
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        if module != "app":
            importlib.import_module(f"{__name__}.{module}")


_register_commands()


def main() -> None:
    """Entry point: user errors end in one clear line on stderr and exit status 2, never a traceback."""
    try:
        app()
    except UserError as err:
        # one line, printed as typed, even when the message quotes a value with line breaks or [markup]
        line = escape(str(err).replace("\r", "\\r").replace("\n", "\\n"))
        console_err.print(f"[bold red]error:[/] {line}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except OSError as err:
        # a file the user named cannot be read or written (a missing folder, no permission, a full disk)
        if err.filename is None:
            raise
        console_err.print(f"[bold red]error:[/] {escape(f'{err.filename}: {err.strerror}')}", highlight=False)
        sys.exit(2)
    except KeyboardInterrupt:
        console_err.print("interrupted; everything stored before this point is kept")
        sys.exit(130)
    finally:
        # The work is done and nothing needs collecting: without this, the cycle collector's passes during
        # interpreter shutdown walk every object still alive (the gazetteer's places and tables) several
        # times over, about 0.3 s of every run that used the gazetteer.
        gc.freeze()


__all__ = ["app", "main"]
