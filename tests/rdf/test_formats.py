"""The RDF formats, named once: what `--format` takes, and what export, query and the server derive from it."""

from __future__ import annotations

import pytest
from pyoxigraph import RdfFormat
from rdf_tools import RAPPER_FORMATS, RDFLIB_FORMATS

from twingraph.errors import UserError
from twingraph.outputs.serve import LINKED_TYPES, SHORT_FORMATS
from twingraph.query.results import FORMAT_NAMES
from twingraph.rdf.formats import GRAPH_FORMAT_NAMES, RDF_FORMATS, by_media_type, rdf_format


def test_an_unknown_name_is_one_line_naming_the_choices() -> None:
    with pytest.raises(UserError, match=r"unknown RDF format 'ttl'; use one of turtle, trig, nquads"):
        rdf_format("ttl")
    assert rdf_format("trig") == RdfFormat.TRIG


def test_the_server_and_the_query_command_offer_the_same_graph_formats() -> None:
    assert set(GRAPH_FORMAT_NAMES) <= set(FORMAT_NAMES)
    assert {SHORT_FORMATS[name] for name in GRAPH_FORMAT_NAMES} == set(by_media_type())
    assert set(by_media_type()) | {"text/html"} == set(LINKED_TYPES)
    assert by_media_type()["text/turtle"] == RdfFormat.TURTLE


def test_the_round_trip_tools_know_every_format() -> None:
    assert set(RDFLIB_FORMATS) == set(RDF_FORMATS)
    assert set(RAPPER_FORMATS) == set(RDF_FORMATS) - {"jsonld"}  # rapper reads no JSON-LD
