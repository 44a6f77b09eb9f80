"""Bytes to text: charset detection, NFC normalisation and the checks that reject binaries."""

from __future__ import annotations

import unicodedata

from charset_normalizer import from_bytes

from eventwire.errors import EventwireError


class Undecodable(EventwireError, ValueError):
    """The bytes are not text in any encoding we can detect."""


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the head mean a binary file."""
    head = data[:4096]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.05


# On ties charset-normalizer cannot break, the encodings the web uses most win.
_COMMON = ("cp1252", "iso8859_1", "iso8859_15")


def _guess(data: bytes) -> str:
    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise Undecodable("undecodable bytes (no text encoding fits)")
    for match in results:
        if (match.encoding in _COMMON and match.chaos == best.chaos
                and match.coherence == best.coherence):
            return str(match)
    return str(best)


def decode(data: bytes) -> str:
    """Decode with the declared BOM/UTF-8 first, then charset-normalizer; return NFC text."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _guess(data)
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
