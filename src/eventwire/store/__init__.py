"""The embedded store (DuckDB): versioned schema, idempotent batch writes, queries."""

from eventwire.store.db import Store, StoreError

__all__ = ["Store", "StoreError"]
