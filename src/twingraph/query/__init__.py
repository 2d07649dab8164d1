"""The analysts' SPARQL questions (queries/*.rq) with their parameters, and their results as tables or RDF."""
