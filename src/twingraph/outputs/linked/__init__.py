"""Linked data people can follow: the dataset description (VoID + DCAT) and the description of one entity,
as RDF for machines and as an HTML page with links for people (`twingraph serve` answers GET /id/...)."""
