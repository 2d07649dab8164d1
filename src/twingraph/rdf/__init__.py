"""Facts become triples here: the ontology's terms, IRI minting, provenance, one named graph per source."""
