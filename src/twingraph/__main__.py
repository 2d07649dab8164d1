"""`python -m twingraph` runs the CLI."""

from twingraph.cli import main

main()
