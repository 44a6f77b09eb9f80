"""Bad inputs: each gets one line naming the file (and record) and the reason; good ones land."""

from __future__ import annotations

import gzip
import io
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.models import RawInput, Skip
from eventwire.sources.extract import extract
from eventwire.sources.read import read_inputs

AS_OF = datetime(2024, 5, 1, 12, tzinfo=UTC)
HTML = """<!DOCTYPE html><html><head><title>{title}</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>{title}</h1>
<p>NAIROBI - Kenyan police fired tear gas at hundreds of protesters in central Nairobi on
Tuesday as demonstrations against new taxes entered a second week, witnesses said.</p>
<p>Opposition leaders said at least three people had been injured and accused the government
of using excessive force against peaceful marchers.</p>
<p>The interior ministry said officers had acted to protect property and urged organisers to
call off further marches planned for Thursday.</p></article></body></html>"""


def warc_bytes(pages: list[tuple[str, str]], gz: bool = True) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                        http_headers=headers)
        writer.write_record(rec)
    return buf.getvalue()


def run(paths):
    items = list(read_inputs([str(p) for p in paths], as_of=AS_OF, max_bytes=200_000))
    return [i for i in items if isinstance(i, RawInput)], [i for i in items if isinstance(i, Skip)]


def test_empty_binary_missing_and_oversize_files_are_skipped_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "big.txt").write_bytes(b"word " * 50_000)
    good = tmp_path / "good.html"
    good.write_text(HTML.format(title="Kenya police fire tear gas at tax protesters"))
    raws, skips = run([tmp_path, tmp_path / "missing.txt"])
    reasons = {s.source_path.rsplit("/", 1)[-1]: s.reason for s in skips}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert "over the size cap" in reasons["big.txt"]
    assert reasons["missing.txt"] == "no such file or directory"
    assert [r.source_path for r in raws] == [str(good)]


def test_binary_and_undecodable_bytes_are_refused_at_extraction(tmp_path):
    png = RawInput("x.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), AS_OF)
    skip = extract(png)
    assert isinstance(skip, Skip) and "binary" in skip.reason


def test_article_longer_than_any_news_article_is_refused(monkeypatch):
    from eventwire.sources import extract as stage

    monkeypatch.setattr(stage, "MAX_ARTICLE_CHARS", 200)
    text = "Police fired tear gas at protesters in the capital. " * 10  # 520 characters
    raw = RawInput("feed.jsonl", text.encode(), AS_OF, record="line 1", hint="jsonl-text")
    skip = extract(raw)
    assert isinstance(skip, Skip) and skip.record == "line 1"
    assert "over the 200 a news article can have" in skip.reason
    short = RawInput("feed.jsonl", b"Police fired tear gas.", AS_OF, hint="jsonl-text")
    assert extract(short)[0].body == "Police fired tear gas."


def test_gzip_html_and_truncated_gzip(tmp_path):
    html = HTML.format(title="Kenya police fire tear gas at tax protesters").encode()
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(html))
    (tmp_path / "cut.html.gz").write_bytes(gzip.compress(html)[:60])
    raws, skips = run([tmp_path])
    assert [r.hint for r in raws] == ["html"]
    assert len(skips) == 1 and skips[0].source_path.endswith("cut.html.gz")
    assert "gzip" in skips[0].reason
    arts = extract(raws[0])
    assert arts[0].title == "Kenya police fire tear gas at tax protesters"
    assert "tear gas" in arts[0].body and "Home" not in arts[0].body


def test_warc_records_and_truncated_warc(tmp_path):
    pages = [(f"https://news.example/{i}", HTML.format(title=f"Story number {i} of the day"))
             for i in range(3)]
    (tmp_path / "crawl.warc.gz").write_bytes(warc_bytes(pages))
    data = warc_bytes(pages, gz=False)
    (tmp_path / "cut.warc").write_bytes(data[: int(len(data) * 0.8)])
    zipped = warc_bytes(pages)
    (tmp_path / "cutgz.warc.gz").write_bytes(zipped[: int(len(zipped) * 0.8)])
    raws, skips = run([tmp_path])
    full = [r for r in raws if r.source_path.endswith("crawl.warc.gz")]
    assert [r.url for r in full] == [u for u, _ in pages]
    assert [r.record for r in full] == ["record 1", "record 2", "record 3"]
    for name in ("cut.warc", "cutgz.warc.gz"):
        cut = [r for r in raws if r.source_path.endswith(name)]
        assert [r.record for r in cut] == ["record 1", "record 2"]  # intact records land
        [skip] = [s for s in skips if s.source_path.endswith(name)]
        assert "truncated" in skip.reason and skip.record == "record 3"


@pytest.mark.parametrize("cut", [20, 150, 400])  # WARC header's start, middle; HTTP header
def test_a_warc_cut_inside_a_record_header_reports_the_lost_record(tmp_path, cut):
    pages = [(f"https://news.example/{i}", HTML.format(title=f"Story number {i} of the day"))
             for i in range(3)]
    data = warc_bytes(pages, gz=False)
    third = data.index(b"WARC/1.", data.index(b"WARC/1.", 1) + 1)
    (tmp_path / "cut.warc").write_bytes(data[: third + cut])
    raws, skips = run([tmp_path / "cut.warc"])
    assert [r.record for r in raws] == ["record 1", "record 2"]
    [skip] = skips
    assert "truncated" in skip.reason and skip.record == "record 3"
    raws, skips = run_bytes(tmp_path, "whole.warc", data)
    assert len(raws) == 3 and not skips


def test_a_wrong_content_length_is_one_skip_line_not_stderr_noise(tmp_path, capfd):
    bad = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\n"
           b"Content-Length: 3\r\n\r\nHTTP/1.1 200 OK\r\n\r\n")
    raws, skips = run_bytes(tmp_path, "bad.warc", bad)
    assert not raws
    [skip] = skips
    assert skip.record == "record 1" and "Content-Length" in skip.reason
    assert capfd.readouterr().err == ""


def test_a_malformed_warc_header_is_reported_in_words_not_python_internals(tmp_path):
    cut = gzip.compress(warc_bytes([("https://x.example/", HTML.format(title="T"))], gz=False))
    raws, skips = run_bytes(tmp_path, "cut.warc.gz", cut[:120])
    [skip] = skips
    assert skip.reason.startswith("truncated or corrupt WARC") and "NoneType" not in skip.reason


def run_bytes(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    return run([tmp_path / name])


def test_jsonl_bad_lines_are_skipped_one_by_one(tmp_path):
    lines = [
        json.dumps({"text": "LAGOS - Nigerian troops freed 20 hostages on Monday, the army said.",
                    "title": "Troops free hostages", "published": "2024-04-29"}),
        "{not json",
        json.dumps({"url": "https://x.example/a", "html": HTML.format(title="Kenya protests")}),
        json.dumps([1, 2]),
        json.dumps({"title": "no body"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    raws, skips = run([tmp_path / "feed.jsonl"])
    assert [r.record for r in raws] == ["line 1", "line 3"]
    assert [s.record for s in skips] == ["line 2", "line 4", "line 5"]
    assert skips[0].message().startswith(f"{tmp_path / 'feed.jsonl'}:line 2: not JSON")
    first = extract(raws[0])[0]
    assert first.title == "Troops free hostages" and first.published.date().isoformat() == \
        "2024-04-29"
    assert first.format == "jsonl"
    second = extract(raws[1])[0]
    assert second.url == "https://x.example/a" and "tear gas" in second.body


def test_legacy_encoding_is_detected_and_nfc_normalised(tmp_path):
    text = ("Le président a déclaré jeudi que l'armée française quitterait le pays "
            "avant la fin de l'année, selon un communiqué publié à Paris.\n") * 3
    raw = RawInput("fr.txt", text.encode("cp1252"), AS_OF)
    from eventwire.sources.decode import decode

    assert decode(raw.data) == text
    decomposed = "Cafe\u0301 bombing".encode()
    assert decode(decomposed) == "Café bombing"


STORY = ("ADDIS ABABA - Ethiopian and Eritrean officials met in the capital on Friday to discuss "
         "the reopening of the border crossing, the foreign ministry said in a statement.\n")
PAGE = (STORY + "Traders on both sides of the frontier have waited for the crossing to open since "
        "it was closed two years ago, and local officials said queues had already formed.\n"
        "The ministry gave no date for the reopening but said technical teams would meet again "
        "next week in the border town to agree on customs procedures.\n")


def test_a_deeply_nested_json_line_is_one_skip_and_the_rest_land(tmp_path):
    good = json.dumps({"text": STORY})
    deep = "[" * 20_000 + "]" * 20_000  # json.loads raises RecursionError on it
    deep_obj = '{"text": ' + deep + "}"
    (tmp_path / "a.jsonl").write_text("\n".join([good, deep, good, deep_obj, good]) + "\n")
    (tmp_path / "b.jsonl").write_text("\n".join([deep_obj, good]) + "\n")  # sniffed first
    raws, skips = run([tmp_path])
    assert [(Path(r.source_path).name, r.record) for r in raws] == [
        ("a.jsonl", "line 1"), ("a.jsonl", "line 3"), ("a.jsonl", "line 5"),
        ("b.jsonl", "line 2")]
    assert [(Path(s.source_path).name, s.record, s.reason) for s in skips] == [
        ("a.jsonl", "line 2", "JSON nested too deeply to read"),
        ("a.jsonl", "line 4", "JSON nested too deeply to read"),
        ("b.jsonl", "line 1", "JSON nested too deeply to read")]


def test_only_regular_files_are_read_and_a_special_file_by_name_says_what_it_is(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY)
    os.mkfifo(folder / "pipe.txt")  # opening it would block the run forever
    if os.path.exists("/dev/zero"):
        os.symlink("/dev/zero", folder / "zero.txt")  # reading it would never end
    raws, skips = run([folder])
    assert [r.source_path for r in raws] == [str(folder / "a.txt")] and skips == []
    raws, skips = run([folder / "pipe.txt"])
    assert raws == [] and skips[0].reason == "a named pipe, not a regular file"
    if os.path.exists("/dev/zero"):
        raws, skips = run([folder / "zero.txt"])
        assert raws == [] and skips[0].reason == "a device, not a regular file"


def test_reads_stop_at_the_cap_whatever_the_file_size_says():
    proc = "/proc/self/maps"  # a regular file whose stat size is 0, with kilobytes of text
    if not os.path.isfile(proc) or os.path.getsize(proc) != 0:
        pytest.skip("no /proc file reporting size 0 here")
    items = list(read_inputs([proc], as_of=AS_OF, max_bytes=100))
    assert [type(i) for i in items] == [Skip] and "over the size cap" in items[0].reason


def test_an_unreadable_folder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(STORY)
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    raws, skips = run([tmp_path])
    assert [r.source_path for r in raws] == [str(tmp_path / "ok" / "a.txt")]
    assert [s.message() for s in skips] == [
        f"{tmp_path / 'locked'}: cannot read folder: Permission denied"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                                   "utf-32-be"])
def test_utf16_and_utf32_text_with_or_without_bom_is_read(tmp_path, codec):
    (tmp_path / "page.txt").write_bytes(PAGE.encode(codec))
    page = HTML.format(title="Kenya police fire tear gas at tax protesters")
    (tmp_path / "page.html").write_bytes(page.encode(codec))
    raws, skips = run([tmp_path])
    assert skips == [] and [r.hint for r in raws] == ["html", "text"]
    html, text = (extract(r) for r in raws)
    assert "tear gas" in html[0].body and "\x00" not in html[0].body
    assert text[0].body.startswith("ADDIS ABABA - Ethiopian and Eritrean officials")


def test_nul_bytes_are_removed_from_text():
    filler = "".join(f"On day {i} of the talks the delegations met again in the capital and "
                     f"agreed to continue, officials from both sides said.\n" for i in range(40))
    raw = RawInput("a.txt", (filler + PAGE.replace("queues", "que\x00ues")).encode(), AS_OF)
    assert raw.data.index(b"\x00") > 4096  # past the head that tells text from binary
    [art] = extract(raw)
    assert "\x00" not in art.body and "queues had already formed" in art.body


def test_an_html_resource_record_in_a_warc_is_a_page(tmp_path):
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    page = HTML.format(title="Kenya police fire tear gas at tax protesters").encode()
    writer.write_record(writer.create_warc_record(
        "https://news.example/kenya", "resource", payload=io.BytesIO(page),
        warc_content_type="text/html"))
    writer.write_record(writer.create_warc_record(
        "https://news.example/logo.png", "resource", payload=io.BytesIO(b"\x89PNG"),
        warc_content_type="image/png"))
    (tmp_path / "res.warc.gz").write_bytes(buf.getvalue())
    raws, skips = run([tmp_path])
    assert skips == [] and [(r.url, r.hint) for r in raws] == [
        ("https://news.example/kenya", "html")]
    assert "tear gas" in extract(raws[0])[0].body


def _fuzz_inputs(rng, folder: Path) -> set[str]:
    """A folder of hostile inputs around good ones; returns the good inputs' marker words."""
    good: set[str] = set()
    names = ["plain", "[bold]x", "a]b[", "new\nline", "tab\tname", "ümlaut ü", "-dash", "sp ace",
             "\\back", "semi;colon", "%percent", "emoji🙂"]

    def name(ext: str) -> Path:
        return folder / f"{rng.choice(names)}-{len(list(folder.iterdir()))}{ext}"

    def story() -> tuple[str, str]:
        marker = f"Zebra{rng.randrange(10**9)}"
        return marker, (f"{marker} officials said on Monday that talks on the border would "
                        f"resume next week in the capital, the ministry said in a statement.")

    for _ in range(30):
        kind = rng.randrange(10)
        blob = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 3000)))
        if kind == 0:
            name(".bin").write_bytes(blob)
        elif kind == 1:
            name(".gz").write_bytes(gzip.compress(blob)[: rng.randrange(1, 40)])
        elif kind == 2:  # JSON lines: good, truncated, nested, not objects
            lines = []
            for _ in range(rng.randrange(1, 6)):
                marker, text = story()
                record = json.dumps({"text": text})
                choice = rng.randrange(4)
                if choice == 0:
                    lines.append(record)
                    good.add(marker)
                elif choice == 1:
                    lines.append(record[: rng.randrange(1, len(record))])
                elif choice == 2:
                    depth = rng.randrange(1000, 30_000)
                    lines.append('{"text": ' + "[" * depth + "]" * depth + "}")
                else:
                    lines.append(json.dumps([text]))
            name(".jsonl").write_text("\n".join(lines) + "\n")
        elif kind == 3:
            marker, text = story()
            name(".txt").write_bytes((text + "\n").encode(rng.choice(["utf-8", "utf-16",
                                                                      "utf-32-le", "cp1252"])))
        elif kind == 4:
            marker, text = story()
            page = HTML.format(title=f"{marker} talks resume").replace("NAIROBI", marker)
            name(".html.gz").write_bytes(gzip.compress(page.encode()))
            good.add(marker)
        elif kind == 5:
            name(".txt").write_bytes(b"")
        elif kind == 6:
            path = name(".fifo")
            os.mkfifo(path)
        elif kind == 7:
            path = name(".lnk")
            os.symlink(rng.choice(["/dev/zero", str(folder), "/nonexistent/x"]), path)
        elif kind == 8:
            name(".warc.gz").write_bytes(warc_bytes([("https://x.example/a", "<html>" + blob.hex())
                                                     ])[: rng.randrange(10, 400)])
        else:
            name(".txt").write_bytes(b"\x00" * rng.randrange(1, 50) + blob)
    return good


@pytest.mark.parametrize("seed", range(8))
def test_fuzz_no_exception_escapes_and_good_inputs_land(tmp_path, seed):
    import random

    from eventwire.sources.extract import extract_batch

    folder = tmp_path / "in"
    folder.mkdir()
    good = _fuzz_inputs(random.Random(seed), folder)
    items = list(read_inputs([str(folder), str(folder / "*.fifo"), str(folder / "*.lnk")],
                             as_of=AS_OF, max_bytes=100_000))
    raws = [i for i in items if isinstance(i, RawInput)]
    results = extract_batch(raws)
    bodies = " ".join(a.body for a in results if not isinstance(a, Skip))
    assert {m for m in good if m in bodies} == good
    for item in [*items, *results]:
        if isinstance(item, Skip):
            assert "\n" not in item.reason and item.reason


def test_a_link_to_nowhere_is_ignored_in_a_folder_and_reported_by_name(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE)
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    raws, skips = run([tmp_path])
    assert [r.source_path for r in raws] == [str(tmp_path / "a.txt")] and skips == []
    raws, skips = run([tmp_path / "dangling.txt"])
    assert raws == [] and [s.reason for s in skips] == ["cannot read: No such file or directory"]
