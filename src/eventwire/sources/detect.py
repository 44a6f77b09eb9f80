"""Format detection from content (the extension is only a tie-breaker)."""

from __future__ import annotations

import json
import re

_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<div[\s>]|<p[\s>]",
                   re.IGNORECASE)


def sniff(data: bytes, name: str = "") -> str:
    """Return one of ``warc``, ``jsonl``, ``html`` or ``text`` for decompressed bytes."""
    head = data[:8192].lstrip()
    if head.startswith(b"WARC/"):
        return "warc"
    if head[:1] in (b"{", b"[") and _holds_a_record(head, name):
        return "jsonl"
    if _HTML.search(head[:4096]) and head.startswith(b"<"):
        return "html"
    lower = name.lower()
    if lower.endswith((".html", ".htm", ".html.gz", ".htm.gz")) and _HTML.search(head):
        return "html"
    return "text"


def _holds_a_record(head: bytes, name: str) -> bool:
    """JSON Lines when one of the first lines is a record (a bad first line is only a bad
    line), or when the file is named so."""
    if name.lower().endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        return True
    lines = [ln for ln in head.split(b"\n")[:5] if ln.strip()]
    return any(_is_record(ln) for ln in lines)


def _is_record(line: bytes) -> bool:
    try:
        obj = json.loads(line)
    except RecursionError:  # nested too deeply to be a record: the reader reports the line
        return True
    except ValueError:
        # a first line longer than the head still counts when it opens like a record
        return bool(re.match(rb'\{\s*"(html|text|url|title|published|source)"\s*:', line))
    return isinstance(obj, dict) and ("html" in obj or "text" in obj)
