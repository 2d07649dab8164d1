"""The RDF formats twingraph writes, named once.

A format is known by the name a user types (`--format turtle`); its media type, file suffix and whether it
holds named graphs come from pyoxigraph's `RdfFormat`, so export, query results and the server agree.
"""

from __future__ import annotations

from pyoxigraph import RdfFormat

from twingraph.errors import UserError

RDF_FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE,
    "trig": RdfFormat.TRIG,
    "nquads": RdfFormat.N_QUADS,
    "ntriples": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
    "rdfxml": RdfFormat.RDF_XML,
}
# what a graph without named graphs is written in: a CONSTRUCT result, one entity's description
GRAPH_FORMAT_NAMES = ("turtle", "ntriples", "jsonld", "rdfxml")


def rdf_format(name: str, allowed: tuple[str, ...] = tuple(RDF_FORMATS)) -> RdfFormat:
    """The format a user named, or one clear line listing the names `allowed` here."""
    if name not in allowed:
        raise UserError(f"unknown RDF format '{name}'; use one of {', '.join(allowed)}")
    return RDF_FORMATS[name]


def file_suffix(name: str) -> str:
    """`.ttl` for turtle: what an exported file is called."""
    return "." + RDF_FORMATS[name].file_extension


def by_media_type(names: tuple[str, ...] = GRAPH_FORMAT_NAMES) -> dict[str, RdfFormat]:
    """Media type -> format, for content negotiation."""
    return {RDF_FORMATS[name].media_type: RDF_FORMATS[name] for name in names}
