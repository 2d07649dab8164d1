"""The RDF formats twingraph writes, named once.

A format is known by the name a user types (`--format turtle`); its media type and whether it holds named
graphs come from pyoxigraph's `RdfFormat`, so export, query results and the server agree.
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


def rdf_format(name: str) -> RdfFormat:
    """The format a user named, or one clear line listing the names there are."""
    if name not in RDF_FORMATS:
        raise UserError(f"unknown RDF format '{name}'; use one of {', '.join(RDF_FORMATS)}")
    return RDF_FORMATS[name]


def by_media_type() -> dict[str, RdfFormat]:
    """Media type -> format of a graph without named graphs, for content negotiation."""
    return {RDF_FORMATS[name].media_type: RDF_FORMATS[name] for name in GRAPH_FORMAT_NAMES}
