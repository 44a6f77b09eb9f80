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
    if head.startswith(b"{") and _first_line_is_record(head):
        return "jsonl"
    if _HTML.search(head[:4096]) and head.startswith(b"<"):
        return "html"
    lower = name.lower()
    if lower.endswith((".html", ".htm", ".html.gz", ".htm.gz")) and _HTML.search(head):
        return "html"
    return "text"


def _first_line_is_record(head: bytes) -> bool:
    line = head.split(b"\n", 1)[0]
    try:
        obj = json.loads(line)
    except RecursionError:  # nested too deeply to be a record: the reader reports the line
        return True
    except ValueError:
        # a first line longer than the head still counts when it opens like a record
        return bool(re.match(rb'\{\s*"(html|text|url|title|published|source)"\s*:', line))
    return isinstance(obj, dict) and ("html" in obj or "text" in obj)
