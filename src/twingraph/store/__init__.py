"""Where the graph lives: the embedded Oxigraph store by default, remote SPARQL endpoints on request."""

from twingraph.store.embedded import EmbeddedStore, StoreError, StoreInUseError, default_store_path, open_store

__all__ = ["EmbeddedStore", "StoreError", "StoreInUseError", "default_store_path", "open_store"]
