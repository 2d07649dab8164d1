"""Articles into the store: extraction in one or more processes (or on a Dask cluster), one writer."""
