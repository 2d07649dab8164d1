"""What twingraph gives to others: RDF exports, the SPARQL and linked-data server, pushes, Wikidata statements."""
