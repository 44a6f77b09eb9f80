"""Bytes to text: charset detection, NFC normalisation and the checks that reject binaries."""

from __future__ import annotations

import unicodedata

from charset_normalizer import from_bytes

from eventwire.errors import EventwireError


class Undecodable(EventwireError, ValueError):
    """The bytes are not text in any encoding we can detect."""


_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
              (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_WIDE = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"]


def widen(data: bytes) -> bytes:
    """UTF-16 or UTF-32 text (with a BOM, or recognised by charset-normalizer from its NUL
    pattern) re-encoded as UTF-8, so format detection and decoding see ordinary text; any
    other bytes unchanged."""
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec).replace("\x00", "").encode("utf-8")
            except UnicodeDecodeError:
                return data
    if b"\x00" not in data[:4096]:
        return data
    best = from_bytes(data, cp_isolation=_WIDE).best()
    if best is None:
        return data
    return str(best).replace("\x00", "").encode("utf-8")


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
    text = text.replace("\x00", "")  # a NUL is never text; stored, it breaks exports
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
