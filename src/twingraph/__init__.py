"""twingraph: a knowledge graph of town-twinning relationships."""

__version__ = "0.1.0"
