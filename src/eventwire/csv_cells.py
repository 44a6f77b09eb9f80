"""CSV cells that a spreadsheet would run as a formula are neutralised.

A text cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel, LibreOffice and Sheets as a formula (CSV injection); a leading apostrophe makes it
plain text and shows nothing.  Numbers are left alone, so "-3.5" as a longitude stays a number.
Every CSV writer of the project passes its text cells through here.
"""

from __future__ import annotations

from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# The same rule in DuckDB SQL, for COPY ... (FORMAT csv); {} is a VARCHAR expression.
SQL_CELL = "CASE WHEN left({0}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) " \
           "THEN '''' || {0} ELSE {0} END"


def cell(value: Any) -> Any:
    """``value`` safe for a CSV cell: None as empty, formula-like text prefixed."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def row(values) -> list:
    return [cell(v) for v in values]
