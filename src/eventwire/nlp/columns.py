"""Which tokens hold one of a set of values, read from a Doc's attribute column at once.

Components find their candidate words in ``doc.to_array(...)`` rather than by building a
Token per word.  ``numpy.isin`` sorts the column and the keys at every call, which on an
article of a few hundred tokens costs several times a binary search of keys sorted once.
"""

from __future__ import annotations

import numpy


def sorted_keys(hashes) -> numpy.ndarray:
    """The string hashes as the sorted, unique key array ``among`` takes."""
    return numpy.unique(numpy.fromiter(hashes, dtype=numpy.uint64))


def among(column: numpy.ndarray, keys: numpy.ndarray) -> numpy.ndarray:
    """``numpy.isin(column, keys)`` for ``keys`` sorted (as ``sorted_keys`` gives them)."""
    if not len(keys):
        return numpy.zeros(len(column), dtype=bool)
    at = numpy.searchsorted(keys, column)
    at[at == len(keys)] = 0  # past the last key: compared with the first, never equal
    return keys[at] == column
