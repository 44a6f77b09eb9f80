"""Walk the paths a user gives and yield raw inputs (one per page) or skips with a reason.

Reading is lazy: files are opened one at a time, so a corpus of any size streams through.
"""

from __future__ import annotations

import glob
import io
import json
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventwire.models import RawInput, Skip
from eventwire.sources.decode import widen
from eventwire.sources.detect import sniff

STDIN = "-"


def expand(paths: Iterable[str]) -> Iterator[str | Skip]:
    """Files, directories (recursively, sorted), globs and ``-`` for stdin.

    Only regular files are read from a directory (a named pipe would block the run, a link to
    a device would never end); a special file named on its own is reported as one, and so is a
    directory that cannot be listed.
    """
    for p in paths:
        if p == STDIN:
            yield STDIN
        elif os.path.isdir(p):
            yield from _walk(p)
        elif os.path.lexists(p):
            try:
                kind = _special_kind(p)
            except OSError as exc:  # a link to nowhere, a path we may not look into
                yield Skip(p, f"cannot read: {exc.strerror or exc}")
                continue
            yield Skip(p, f"{kind}, not a regular file") if kind else p
        elif glob.has_magic(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield Skip(p, "no file matches this pattern")
            for m in matches:
                yield from expand([m])
        else:
            yield Skip(p, "no such file or directory")


def _walk(top: str) -> Iterator[str | Skip]:
    errors: list[OSError] = []
    for root, dirs, files in os.walk(top, onerror=errors.append):
        yield from _unreadable(errors)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            path = os.path.join(root, f)
            if not f.startswith(".") and _is_regular(path):
                yield path
    yield from _unreadable(errors)


def _unreadable(errors: list[OSError]) -> Iterator[Skip]:
    while errors:
        exc = errors.pop(0)
        yield Skip(str(exc.filename), f"cannot read folder: {exc.strerror or exc}")


def _is_regular(path: str) -> bool:
    try:
        return _special_kind(path) is None
    except OSError:
        return False


def _special_kind(path: str) -> str | None:
    """What a path is when it is not a regular file (links followed), else None."""
    return _kind(os.stat(path).st_mode)


def _kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a directory" if stat.S_ISDIR(mode) else "a special file"


def read_inputs(
    paths: Iterable[str], as_of: datetime | None = None, max_bytes: int = 50 * 1024 * 1024
) -> Iterator[RawInput | Skip]:
    """Yield a RawInput for each page found in ``paths`` and a Skip for each unusable one."""
    for path in expand(paths):
        if isinstance(path, Skip):
            yield path
            continue
        yield from read_file(path, as_of, max_bytes)


def read_file(path: str, as_of: datetime | None, max_bytes: int) -> Iterator[RawInput | Skip]:
    """Read one file (or stdin), decompress, detect its format and split it into inputs."""
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read(max_bytes + 1)
            when = as_of or datetime.now(UTC)
            path_name = "<stdin>"
        else:
            data, size, mtime = _read_regular(path, max_bytes)
            if data is None:
                yield Skip(path, f"file is {size:,} bytes, over the size cap of {max_bytes:,}")
                return
            when = as_of or datetime.fromtimestamp(mtime, UTC)
            path_name = path
    except _NotRegular as exc:
        yield Skip(path, f"{exc}, not a regular file")
        return
    except OSError as exc:
        yield Skip(path, f"cannot read: {exc.strerror or exc}")
        return
    if len(data) > max_bytes:
        yield Skip(path_name, f"input is over the size cap of {max_bytes:,} bytes")
        return
    if not data.strip():
        yield Skip(path_name, "empty file")
        return
    broken = None
    if data[:2] == b"\x1f\x8b":
        try:
            data, broken = _gunzip(data, max_bytes)
        except OverflowError:
            yield Skip(path_name, f"decompressed size is over the size cap of {max_bytes:,}")
            return
        if broken and not data.lstrip().startswith(b"WARC/"):
            yield Skip(path_name, f"truncated or corrupt gzip ({broken})")
            return
        if not data.strip():
            yield Skip(path_name, "empty file (after decompression)")
            return
    data = widen(data)
    fmt = sniff(data, path_name)
    if fmt == "warc":
        yield from _warc_records(path_name, data, when, broken)
    elif fmt == "jsonl":
        yield from _jsonl_records(path_name, data, when)
    else:
        yield RawInput(source_path=path_name, data=data, as_of=when, hint=fmt)


class _NotRegular(OSError):
    """The path turned out to be a pipe, socket or device when opened."""


def _read_regular(path: str, max_bytes: int) -> tuple[bytes | None, int, float]:
    """At most ``max_bytes + 1`` bytes of a regular file, whatever its size claims (a file
    can grow, /proc files say 0), or None when its size is over the cap; opened without
    blocking, so a pipe swapped in for the file cannot hang the run."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _NotRegular(_kind(st.st_mode) or "a special file")  # swapped since listed
        if st.st_size > max_bytes:
            return None, st.st_size, st.st_mtime
        return fh.read(max_bytes + 1), st.st_size, st.st_mtime


def _gunzip(data: bytes, max_bytes: int) -> tuple[bytes, str | None]:
    """Decompress every gzip member, refusing output over the cap (zip bombs).

    A truncated or corrupt stream returns what could be read and the error, so the intact
    records of a cut WARC still land.
    """
    out = bytearray()
    rest = data
    while rest[:2] == b"\x1f\x8b":
        member = zlib.decompressobj(wbits=31)
        try:
            out += member.decompress(rest, max_bytes + 1 - len(out))
        except zlib.error as exc:
            return bytes(out), str(exc)
        if len(out) > max_bytes or member.unconsumed_tail:
            raise OverflowError
        if not member.eof:
            return bytes(out), "the compressed stream ends early"
        rest = member.unused_data
    return bytes(out), None


def _warc_records(
    path: str, data: bytes, when: datetime, broken: str | None = None
) -> Iterator[RawInput | Skip]:
    """Each HTML response or resource record of a WARC is one page (other records are the
    crawl's images, requests and metadata); a truncated tail is reported."""
    n = bad = 0
    records = ArchiveIterator(io.BytesIO(data))
    records.INC_RECORD = ""  # warcio prints a bad Content-Length to stderr; it is a Skip here
    try:
        for n, rec in enumerate(records, start=1):
            if records.err_count > bad:  # counted while reading past record n - 1
                bad = records.err_count
                yield Skip(path, _BAD_LENGTH, record=f"record {n - 1}")
            if rec.length is None:  # warcio reads a header cut short as a record
                yield Skip(path, "truncated WARC (a record header is cut short)",
                           record=f"record {n}")
                return
            html = "html" in _content_type(rec)
            body = rec.content_stream().read() if html else rec.raw_stream.read()
            if rec.raw_stream.limit:  # the block ends before its Content-Length
                yield Skip(path, "truncated WARC record", record=f"record {n}")
                return
            if not html:
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            crawled = _warc_date(rec.rec_headers.get_header("WARC-Date")) or when
            yield RawInput(source_path=path, data=body, as_of=crawled, record=f"record {n}",
                           url=url, hint="html")
    except _WARC_ERRORS as exc:
        why = exc if isinstance(exc, ArchiveLoadFailed | zlib.error) else "a header is malformed"
        yield Skip(path, f"truncated or corrupt WARC ({why})", record=f"record {n + 1}")
        return
    if records.err_count > bad:
        yield Skip(path, _BAD_LENGTH, record=f"record {n}")
    if broken:
        yield Skip(path, f"truncated WARC (gzip: {broken})", record=f"record {n + 1}")
    elif data[records.offset:].strip():  # warcio also ends quietly inside a header
        yield Skip(path, "truncated WARC (a record header is cut short)",
                   record=f"record {n + 1}")


_BAD_LENGTH = "corrupt WARC record (its Content-Length does not match its block)"


# warcio's parser meets corrupt bytes with assorted errors (a header line cut in two leaves
# the record's URI None, and a string method is called on it); only its own say why
_WARC_ERRORS = (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError, AttributeError,
                KeyError, IndexError, TypeError)


def _content_type(rec) -> str:
    """A response carries the page's type in its HTTP headers, a resource in its WARC ones."""
    if rec.rec_type == "response" and rec.http_headers is not None:
        return (rec.http_headers.get_header("Content-Type") or "").lower()
    if rec.rec_type == "resource":
        return (rec.rec_headers.get_header("Content-Type") or "").lower()
    return ""


def _warc_date(value: str | None) -> datetime | None:
    """The crawl time is the right anchor for relative dates on a WARC page."""
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


def _jsonl_records(path: str, data: bytes, when: datetime) -> Iterator[RawInput | Skip]:
    """One object per line with ``html`` or ``text``; each bad line is skipped on its own."""
    for n, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"line {n}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield Skip(path, f"not JSON ({exc.__class__.__name__}: {exc})", record=where)
            continue
        except RecursionError:
            yield Skip(path, "JSON nested too deeply to read", record=where)
            continue
        if not isinstance(obj, dict):
            yield Skip(path, "JSON value is not an object", record=where)
            continue
        html, text = obj.get("html"), obj.get("text")
        body = html if isinstance(html, str) and html.strip() else text
        if not isinstance(body, str) or not body.strip():
            yield Skip(path, 'record has no "html" or "text" string', record=where)
            continue
        yield RawInput(
            source_path=path,
            data=body.encode("utf-8"),
            as_of=when,
            record=where,
            url=_str(obj.get("url")),
            published=_str(obj.get("published")),
            title=_str(obj.get("title")),
            source=_str(obj.get("source")),
            hint="html" if body is html else "jsonl-text",
        )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
