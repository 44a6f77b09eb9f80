"""eventwire: raw news to structured, traceable PLOVER event data.

Python API: ``analyze_text`` and ``analyze_page`` annotate text in memory; ``ingest`` and
``Store`` read files into and query the DuckDB store.
"""

__version__ = "0.1.0"

__all__ = ["Store", "analyze_page", "analyze_text", "ingest"]


def __getattr__(name: str):
    # Imported lazily so that `import eventwire` stays cheap (no spaCy until needed).
    if name in ("analyze_text", "analyze_page"):
        from eventwire import analyze

        return getattr(analyze, name)
    if name == "ingest":
        from eventwire.ingest import ingest

        return ingest
    if name == "Store":
        from eventwire.store import Store

        return Store
    raise AttributeError(name)
