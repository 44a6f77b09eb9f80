"""API latency under load: 1,000,000 synthetic events served by `eventwire serve`.

    python benchmarks/bench_api.py [--events 1000000] [--db /tmp/bench.duckdb]
                                   [--concurrency 8] [--requests 400]

Builds (once) a store with synthetic articles, events, actors, quotes, places and dates
generated in DuckDB SQL, indexes it for search, starts the server in a subprocess on a free
loopback port and drives it from a second process with concurrent keep-alive clients.
Prints p50/p95/max latency per kind of query, the server's CPU time per request (user +
system, all its threads: the figure that does not depend on what else runs on the machine)
and the error count; targets: p95 < 100 ms for filtered event queries, < 300 ms for text
search, zero errors.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
VERBS = ["agreed with", "met", "backed", "conceded to", "worked with", "sent aid to",
         "withdrew from", "asked", "accused", "rejected", "threatened", "protested against",
         "sanctioned", "deployed against", "arrested", "attacked"]
COUNTRIES = ["AFG", "BFA", "CAF", "CMR", "COD", "COL", "EGY", "ETH", "HTI", "IND", "IRN", "IRQ",
             "ISR", "KEN", "LBN", "LBY", "MEX", "MLI", "MMR", "MOZ", "NER", "NGA", "PAK", "PHL",
             "PSE", "RUS", "SDN", "SOM", "SSD", "SYR", "TCD", "TUR", "UKR", "VEN", "YEM", "ZWE"]
ACTORS = ["army", "police", "rebels", "protesters", "ministry", "president", "militia",
          "opposition", "students", "farmers", "court", "parliament"]
SECTORS = ["MIL", "COP", "REB", "CVL", "GOV", "GOV", "REB", "OPP", "EDU", "AGR", "JUD", "LEG"]
VOCAB = 5000  # synthetic place-like words, so word searches have realistic selectivity
DAYS = 1096
FIRST_DAY = "2022-01-01"


def sql_list(items: list[str]) -> str:
    return "[" + ", ".join(f"'{x}'" for x in items) + "]"


def build(path: str, n_events: int) -> None:
    """Generate the store in SQL: 10 events per article, each on its own sentence."""
    import duckdb

    from eventwire.store import Store
    from eventwire.store.search import refresh_search_index

    t0 = time.perf_counter()
    Store(path).close()  # schema
    con = duckdb.connect(path)
    con.execute("SET enable_progress_bar = false")
    con.execute(f"""
        CREATE TEMP TABLE s AS
        SELECT i AS eid, i // 10 AS aid, i % 10 AS k,
               (hash(i) % 16)::INT AS ti, (hash(i * 7 + 1) % {len(COUNTRIES)})::INT AS ci,
               (hash(i * 13 + 5) % {len(ACTORS)})::INT AS ai,
               (hash(i * 17 + 3) % {len(ACTORS)})::INT AS bi,
               'w' || (hash(i * 31 + 11) % {VOCAB})::VARCHAR AS town,
               (hash(i // 10) % {DAYS})::INT AS day
        FROM range({n_events}) t(i)""")
    con.execute(f"""
        CREATE TEMP TABLE s2 AS
        SELECT *, 'The ' || {sql_list(ACTORS)}[ai + 1] || ' of ' || {sql_list(COUNTRIES)}[ci + 1]
                  || ' ' || {sql_list(VERBS)}[ti + 1] || ' the ' || {sql_list(ACTORS)}[bi + 1]
                  || ' near ' || town || ' on Tuesday, officials said in report '
                  || (eid % 9973)::VARCHAR || '.' AS sentence
        FROM s""")
    con.execute("""
        CREATE TEMP TABLE s3 AS
        SELECT *, coalesce(sum(length(sentence) + 1) OVER (PARTITION BY aid ORDER BY k
                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::INT AS start
        FROM s2""")
    con.execute(f"""
        INSERT INTO articles (id, source_path, raw_hash, format, record, position, title,
                              published, source, language, words, body, annotated)
        SELECT 'a' || lpad(aid::VARCHAR, 9, '0'), 'bench/feed.jsonl', md5(aid::VARCHAR),
               'jsonl', 'line ' || aid, 0, 'Report ' || aid,
               (DATE '{FIRST_DAY}' + any_value(day))::TIMESTAMPTZ + INTERVAL 9 HOUR,
               'Bench Wire', 'en', sum(length(sentence) - length(replace(sentence, ' ', '')) + 1),
               string_agg(sentence, ' ' ORDER BY k), true
        FROM s3 GROUP BY aid""")
    con.execute(f"""
        INSERT INTO events (id, article_id, type, mode, contexts, quad, sentence_start,
            sentence_end, trigger_start, trigger_end, trigger, rule, confidence, sources,
            targets, date, date_precision, location, place_name, country, admin1, lat, lon,
            dead, negated, hypothetical, reported_threat, aggregate, field_rules)
        SELECT 'e' || lpad(eid::VARCHAR, 10, '0'), 'a' || lpad(aid::VARCHAR, 9, '0'),
               {sql_list(TYPES)}[ti + 1], NULL, [], NULL, start, start + length(sentence),
               start + instr(sentence, {sql_list(VERBS)}[ti + 1]) - 1,
               start + instr(sentence, {sql_list(VERBS)}[ti + 1]) - 1
                     + length({sql_list(VERBS)}[ti + 1]),
               {sql_list(VERBS)}[ti + 1], 'bench', 0.5 + (hash(eid) % 50) / 100.0,
               json_array(json_object('text', 'The ' || {sql_list(ACTORS)}[ai + 1],
                   'start', start, 'end', start + 4 + length({sql_list(ACTORS)}[ai + 1]),
                   'country', {sql_list(COUNTRIES)}[ci + 1],
                   'sector', {sql_list(SECTORS)}[ai + 1])),
               json_array(json_object('text', 'the ' || {sql_list(ACTORS)}[bi + 1],
                   'country', {sql_list(COUNTRIES)}[ci + 1],
                   'sector', {sql_list(SECTORS)}[bi + 1])),
               DATE '{FIRST_DAY}' + day, 'day', NULL, town, {sql_list(COUNTRIES)}[ci + 1],
               NULL, -35 + (hash(eid * 3) % 9000) / 100.0, -120 + (hash(eid * 5) % 28000) / 100.0,
               CASE WHEN ti = 15 THEN (hash(eid) % 20)::INT END, false, false, false, false,
               '{{}}'
        FROM s3 ORDER BY day, eid""")
    for table, sql in {
        "mentions": "SELECT 'a' || lpad(aid::VARCHAR, 9, '0'), start, start + 4 + "
                    f"length({sql_list(ACTORS)}[ai + 1]), 'The ' || {sql_list(ACTORS)}[ai + 1],"
                    " 'bench', 0.8, 'sector', NULL, "
                    f"{sql_list(COUNTRIES)}[ci + 1], {sql_list(SECTORS)}[ai + 1], NULL, NULL, "
                    "NULL, NULL FROM s3",
        "places": f"SELECT 'a' || lpad(aid::VARCHAR, 9, '0'), start + instr(sentence, town) - 1,"
                  " start + instr(sentence, town) - 1 + length(town), town, 'bench', 0.7, NULL,"
                  f" town, 0.0, 0.0, 'P', {sql_list(COUNTRIES)}[ci + 1], NULL, 'near' FROM s3",
        "times": "SELECT 'a' || lpad(aid::VARCHAR, 9, '0'), start + instr(sentence, 'Tuesday')"
                 " - 1, start + instr(sentence, 'Tuesday') + 6, 'Tuesday', 'bench', 0.9, "
                 f"DATE '{FIRST_DAY}' + day, DATE '{FIRST_DAY}' + day, 'day' FROM s3 "
                 "WHERE k < 3",
        "quotes": "SELECT 'a' || lpad(aid::VARCHAR, 9, '0'), start, start + length(sentence), "
                  "sentence, 'indirect', 'bench', 0.6, NULL, NULL, 'said', NULL, NULL, "
                  "'officials', NULL, NULL FROM s3 WHERE k = 0",
    }.items():
        con.execute(f"INSERT INTO {table} {sql}")
    con.execute("DROP TABLE s; DROP TABLE s2; DROP TABLE s3")
    t1 = time.perf_counter()
    refresh_search_index(con)
    t2 = time.perf_counter()
    con.execute("CHECKPOINT")
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "events", "mentions", "quotes", "places", "times",
                        "search_terms")}
    con.close()
    print(f"built {path}: {counts} in {t1 - t0:.1f} s; search index {t2 - t1:.1f} s; "
          f"file {os.path.getsize(path) / 1e6:.0f} MB", flush=True)


def queries(kind: str, n: int, n_articles: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        if kind == "filtered":
            start = rnd.randrange(DAYS - 60)
            d0 = time.strftime("%Y-%m-%d", time.gmtime(
                time.mktime(time.strptime(FIRST_DAY, "%Y-%m-%d")) + start * 86400 + 43200))
            d1 = time.strftime("%Y-%m-%d", time.gmtime(
                time.mktime(time.strptime(d0, "%Y-%m-%d")) + rnd.randint(7, 60) * 86400 + 43200))
            out.append(f"/api/events?type={rnd.choice(TYPES)}&country={rnd.choice(COUNTRIES)}"
                       f"&date_from={d0}&date_to={d1}&limit=50")
        elif kind == "text":
            # Rare words (a town), common words, and two words together.
            pick = rnd.random()
            if pick < 0.5:
                q = f"w{rnd.randrange(VOCAB)}"
            elif pick < 0.8:
                q = f"{rnd.choice(ACTORS)}+{rnd.choice(VERBS).split()[0]}"
            else:
                q = rnd.choice(ACTORS)
            out.append(f"/api/events?q={q}&limit=50")
        elif kind == "article":
            out.append(f"/api/articles/a{rnd.randrange(n_articles):09d}")
        elif kind == "map":
            out.append(f"/api/events/points?type={rnd.choice(TYPES)}"
                       f"&country={rnd.choice(COUNTRIES)}")
        elif kind in ("timeline", "breakdown", "heat"):  # the page's other panels
            path = {"timeline": "timeline", "breakdown": "breakdown", "heat": "grid"}[kind]
            out.append(f"/api/events/{path}?type={rnd.choice(TYPES)}"
                       f"&country={rnd.choice(COUNTRIES)}")
    return out


def client(port: int, paths: list[str], concurrency: int, result: mp.Queue) -> None:
    """Run in the second process: keep-alive connections, one per worker thread."""
    import threading

    local = threading.local()

    def fetch(path: str) -> tuple[float, int]:
        conn = getattr(local, "conn", None)
        if conn is None:
            conn = local.conn = HTTPConnection("127.0.0.1", port, timeout=60)
        t = time.perf_counter()
        try:
            conn.request("GET", path)
            resp = conn.getresponse()
            body = resp.read()
            status = resp.status if body else 0
        except OSError:
            local.conn = None
            status = -1
        return (time.perf_counter() - t) * 1000, status

    t0 = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        got = list(pool.map(fetch, paths))
    result.put({"latencies": [g[0] for g in got], "statuses": [g[1] for g in got],
                "wall": time.perf_counter() - t0})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", default="/tmp/eventwire-bench.duckdb")
    ap.add_argument("--rebuild", action="store_true", help="Regenerate the store.")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--requests", type=int, default=400, help="Per kind of query.")
    args = ap.parse_args()

    if args.rebuild or not os.path.exists(args.db):
        if os.path.exists(args.db):
            os.remove(args.db)
        build(args.db, args.events)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from eventwire.cli import main; main()", "serve", "--db",
         args.db, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                health = json.loads(urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/api/health", timeout=5).read())
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    sys.exit("server did not start: " + server.stderr.read().decode()[-2000:])
                time.sleep(0.5)
        print(f"serving {health['events']} events, {health['articles']} articles on "
              f"127.0.0.1:{port}; {args.concurrency} concurrent clients in a second process",
              flush=True)
        targets = {"filtered": 100, "text": 300, "article": None, "map": None,
                   "timeline": None, "breakdown": None, "heat": None}
        failures = 0
        import psutil

        proc_info = psutil.Process(server.pid)
        print(f"{'query':10} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'req/s':>7} "
              f"{'cpu/req':>8} {'errors':>6}  target p95")
        for i, (kind, target) in enumerate(targets.items()):
            paths = queries(kind, args.requests, health["articles"], seed=i)
            warm = queries(kind, 20, health["articles"], seed=100 + i)
            for res_paths in (warm, paths):
                cpu0 = sum(proc_info.cpu_times()[:2])
                q: mp.Queue = mp.Queue()
                proc = mp.Process(target=client, args=(port, res_paths, args.concurrency, q))
                proc.start()
                res = q.get()
                proc.join()
                cpu = (sum(proc_info.cpu_times()[:2]) - cpu0) * 1000 / len(res_paths)
            lat, statuses = res["latencies"], res["statuses"]
            errors = sum(1 for s in statuses if s != 200)
            p95 = pct(lat, 95)
            ok = target is None or p95 < target
            failures += errors + (0 if ok else 1)
            print(f"{kind:10} {len(lat):5d} {statistics.median(lat):8.1f} {p95:8.1f} "
                  f"{max(lat):8.1f} {len(lat) / res['wall']:7.1f} {cpu:8.1f} {errors:6d}  "
                  + (f"< {target} ms: {'ok' if ok else 'MISSED'}" if target else "-"),
                  flush=True)
    finally:
        server.terminate()
        server.wait(30)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
