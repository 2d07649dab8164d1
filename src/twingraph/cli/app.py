"""The typer app and the options every command shares."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from twingraph import __version__
from twingraph.errors import UserError
from twingraph.store.embedded import DEFAULT_STORE, STORE_ENV

app = typer.Typer(
    name="twingraph",
    help="A knowledge graph of town-twinning relationships: articles in, linked and queryable history out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(soft_wrap=True)
console_err = Console(stderr=True, soft_wrap=True)

StoreOption = Annotated[
    Path,
    typer.Option(
        "--store",
        envvar=STORE_ENV,
        help=f"Folder of the embedded store (env {STORE_ENV}).",
        show_default=True,
    ),
]
DEFAULT_STORE_PATH = Path(DEFAULT_STORE)
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]


def format_option(*choices: str, help: str = "") -> Any:
    """The `--format/-f` option every command shares: the first choice is the default, --help lists them
    all, and any other value ends in one clear line before the command starts."""

    def check(value: str) -> str:
        if value not in choices:
            raise UserError(f"unknown format '{value}'; use one of {', '.join(choices)}")
        return value

    listed = f"One of: {', '.join(choices)}."
    return typer.Option(choices[0], "--format", "-f", help=f"{help} {listed}" if help else listed, callback=check)


def _version(value: bool) -> None:
    if value:
        console.print(f"twingraph {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """twingraph: cities, partnerships, delegations, agreements and aid, from news articles to linked data."""
