"""How the other RDF tools name our export formats: the round-trip tests parse every export with them."""

RDFLIB_FORMATS = {
    "turtle": "turtle",
    "trig": "trig",
    "nquads": "nquads",
    "ntriples": "nt",
    "jsonld": "json-ld",
    "rdfxml": "xml",
}
RAPPER_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "ntriples": "ntriples", "rdfxml": "rdfxml"}
