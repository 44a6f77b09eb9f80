"""eventwire: raw news to traceable PLOVER events."""
__version__ = "0.1.0"
