"""API latency under load: 1,000,000 synthetic events served by `eventwire serve`.

    python benchmarks/bench_api.py [--events 1000000] [--db PATH] [--rebuild]
                                   [--concurrency 8] [--requests 200] [--kinds list,count]
                                   [--cpu]

Builds once (about 2 minutes for a million events; reused after) a store with synthetic
articles, events, actors, quotes, places and dates generated in DuckDB SQL, with skewed
types and countries and hashed ids as the pipeline writes them, and indexes it for search.
Starts the server in a subprocess on a free loopback port and drives it from a second
process with concurrent keep-alive clients.  Prints per kind of query p50/p95/max latency,
the server's CPU time per request (user + system, all its threads: the figure that depends
least on what else runs on the machine), the error count, the same filters' bare DuckDB
count at the same concurrency (the baseline: the ratio is what the API adds) and the load
average.  Targets: p95 < 100 ms for filtered event queries, < 300 ms for word search, zero
errors.

``--cpu`` measures instead what a request costs when nothing is cached, the figure to work
by on a busy machine: each request once, in this process, through the app with its answer
cache off; the CPU time of the process (all its threads, DuckDB's included) per request.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
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
# Ids as the pipeline makes them (16 hex digits of a hash): in no order, so a look-up by id
# cannot skip storage blocks by their min/max.
ARTICLE_ID = "substr(md5('a' || aid), 1, 16)"
EVENT_ID = "substr(md5('e' || eid), 1, 16)"
FIRST_DAY = "2022-01-01"


def sql_list(items: list[str]) -> str:
    return "[" + ", ".join(f"'{x}'" for x in items) + "]"


def zipf(seed_expr: str, n: int) -> str:
    """SQL for an index in 0..n-1 drawn with P(k) ~ 1/(k+1) (news is skewed: a few types and
    countries make most of the events) from a hash of ``seed_expr``."""
    return f"(floor(pow({n + 1}, (hash({seed_expr}) % 1000003) / 1000003.0)) - 1)::INT"


# Most frequent first: the order the Zipf draw gives them.
TYPE_RANK = ["ASSAULT", "CONSULT", "ACCUSE", "PROTEST", "COERCE", "SUPPORT", "REQUEST",
             "MOBILIZE", "COOPERATE", "AGREE", "THREATEN", "REJECT", "AID", "SANCTION",
             "CONCEDE", "RETREAT"]
COUNTRY_RANK = ["UKR", "ISR", "PSE", "SYR", "SDN", "RUS", "MMR", "NGA", "YEM", "COD", "IRQ",
                "AFG", "PAK", "SOM", "MLI", "BFA", "LBN", "IRN", "ETH", "IND", "TUR", "MEX",
                "COL", "HTI", "NER", "CMR", "LBY", "SSD", "CAF", "TCD", "MOZ", "KEN", "PHL",
                "VEN", "EGY", "ZWE"]


def build(path: str, n_events: int) -> None:
    """Generate the store in SQL, in ingest order: articles roughly chronological with more
    of them lately, 1 to 7 events each (4 on average), types and countries Zipf-distributed,
    located near their country's centre, a quarter without a place, some undated and a few
    dated decades back (the outliers the timeline must survive)."""
    import duckdb

    from eventwire.store import Store
    from eventwire.store.derived import ACTORS_SQL
    from eventwire.store.search import refresh_search_index

    t0 = time.perf_counter()
    Store(path).close()  # schema
    con = duckdb.connect(path)
    con.execute("SET enable_progress_bar = false")
    type_index = [TYPES.index(t) for t in TYPE_RANK]
    country_index = [COUNTRIES.index(c) for c in COUNTRY_RANK]
    # Articles of 1..7 events: an article starts at event i when the hash says so.
    con.execute(f"""
        CREATE TEMP TABLE s0 AS
        SELECT i AS eid, sum(CASE WHEN i = 0 OR hash(i * 3 + 2) % 4 = 0 THEN 1 ELSE 0 END)
                   OVER (ORDER BY i ROWS UNBOUNDED PRECEDING) - 1 AS aid
        FROM range({n_events}) t(i)""")
    n_articles = con.execute("SELECT max(aid) + 1 FROM s0").fetchone()[0]
    con.execute(f"""
        CREATE TEMP TABLE s AS
        SELECT eid, aid, (eid - min(eid) OVER (PARTITION BY aid))::INT AS k,
               {type_index}[{zipf("eid", len(TYPES))} + 1] AS ti,
               {country_index}[{zipf("eid * 7 + 1", len(COUNTRIES))} + 1] AS ci,
               hash(eid * 11 + 4) % 4 = 0 AS unlocated,
               (hash(eid * 13 + 5) % {len(ACTORS)})::INT AS ai,
               (hash(eid * 17 + 3) % {len(ACTORS)})::INT AS bi,
               'w' || {zipf("eid * 31 + 11", VOCAB)}::VARCHAR AS town,
               -- publication day grows like sqrt: twice the news at the end as at the middle
               least({DAYS - 1}, floor({DAYS} * sqrt((aid + 0.5) / {n_articles})
                     + (hash(aid * 5) % 5) - 2))::INT AS pub_day,
               hash(eid * 19 + 7) % 100 AS date_kind
        FROM s0""")
    con.execute("""
        CREATE TEMP TABLE s1 AS
        SELECT *, CASE WHEN date_kind < 8 THEN NULL  -- undated
                       WHEN date_kind < 9 THEN -(3650 + hash(eid) % 20000)::INT  -- decades back
                       ELSE greatest(0, pub_day - (hash(eid * 23) % 4)::INT) END AS day
        FROM s""")
    con.execute(f"""
        CREATE TEMP TABLE s2 AS
        SELECT *, 'The ' || {sql_list(ACTORS)}[ai + 1] || ' of ' || {sql_list(COUNTRIES)}[ci + 1]
                  || ' ' || {sql_list(VERBS)}[ti + 1] || ' the ' || {sql_list(ACTORS)}[bi + 1]
                  || ' near ' || town || ' on Tuesday, officials said in report '
                  || (eid % 9973)::VARCHAR || '.' AS sentence
        FROM s1""")
    con.execute("""
        CREATE TEMP TABLE s3 AS
        SELECT *, coalesce(sum(length(sentence) + 1) OVER (PARTITION BY aid ORDER BY k
                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::INT AS start
        FROM s2""")
    con.execute(f"""
        INSERT INTO articles (id, source_path, raw_hash, format, record, position, title,
                              published, source, language, words, body, annotated)
        SELECT {ARTICLE_ID}, 'bench/feed.jsonl', md5(aid::VARCHAR),
               'jsonl', 'line ' || aid, 0, 'Report ' || aid,
               (DATE '{FIRST_DAY}' + any_value(pub_day))::TIMESTAMPTZ + INTERVAL 9 HOUR,
               'Bench Wire', 'en', sum(length(sentence) - length(replace(sentence, ' ', '')) + 1),
               string_agg(sentence, ' ' ORDER BY k), true
        FROM s3 GROUP BY aid ORDER BY aid""")
    centre_lat = "(-30 + (hash(ci * 101) % 6000) / 100.0)"
    centre_lon = "(-110 + (hash(ci * 103) % 25000) / 100.0)"
    con.execute(f"""
        INSERT INTO events (id, article_id, type, mode, contexts, quad, sentence_start,
            sentence_end, trigger_start, trigger_end, trigger, rule, confidence, sources,
            targets, date, date_precision, location, place_name, country, admin1, lat, lon,
            dead, negated, hypothetical, reported_threat, aggregate, field_rules, actors)
        SELECT {EVENT_ID}, {ARTICLE_ID},
               {sql_list(TYPES)}[ti + 1], NULL, [], NULL, start, start + length(sentence),
               start + instr(sentence, {sql_list(VERBS)}[ti + 1]) - 1,
               start + instr(sentence, {sql_list(VERBS)}[ti + 1]) - 1
                     + length({sql_list(VERBS)}[ti + 1]),
               {sql_list(VERBS)}[ti + 1], 'bench', 0.5 + (hash(eid) % 50) / 100.0,
               json_array(json_object('text', 'The ' || {sql_list(ACTORS)}[ai + 1],
                   'start', start, 'end', start + 4 + length({sql_list(ACTORS)}[ai + 1]),
                   'country', {sql_list(COUNTRIES)}[ci + 1],
                   'sector', {sql_list(SECTORS)}[ai + 1])) AS sources,
               json_array(json_object('text', 'the ' || {sql_list(ACTORS)}[bi + 1],
                   'country', {sql_list(COUNTRIES)}[ci + 1],
                   'sector', {sql_list(SECTORS)}[bi + 1])) AS targets,
               DATE '{FIRST_DAY}' + day, CASE WHEN day IS NOT NULL THEN 'day' END, NULL,
               CASE WHEN NOT unlocated THEN town END,
               CASE WHEN NOT unlocated THEN {sql_list(COUNTRIES)}[ci + 1] END, NULL,
               CASE WHEN NOT unlocated THEN {centre_lat} + (hash(eid * 3) % 600) / 100.0 - 3 END,
               CASE WHEN NOT unlocated THEN {centre_lon} + (hash(eid * 5) % 600) / 100.0 - 3 END,
               CASE WHEN ti = 15 THEN (hash(eid) % 20)::INT END, false, false, false, false,
               '{{}}', {ACTORS_SQL}  -- as the store derives them on insert
        FROM s3 ORDER BY eid""")
    for table, sql in {
        "mentions": f"SELECT {ARTICLE_ID}, start, start + 4 + "
                    f"length({sql_list(ACTORS)}[ai + 1]), 'The ' || {sql_list(ACTORS)}[ai + 1],"
                    " 'bench', 0.8, 'sector', NULL, "
                    f"{sql_list(COUNTRIES)}[ci + 1], {sql_list(SECTORS)}[ai + 1], NULL, NULL, "
                    "NULL, NULL FROM s3",
        "places": f"SELECT {ARTICLE_ID}, start + instr(sentence, town) - 1,"
                  " start + instr(sentence, town) - 1 + length(town), town, 'bench', 0.7, NULL,"
                  f" town, 0.0, 0.0, 'P', {sql_list(COUNTRIES)}[ci + 1], NULL, 'near' FROM s3",
        "times": f"SELECT {ARTICLE_ID}, start + instr(sentence, 'Tuesday')"
                 " - 1, start + instr(sentence, 'Tuesday') + 6, 'Tuesday', 'bench', 0.9, "
                 f"DATE '{FIRST_DAY}' + day, DATE '{FIRST_DAY}' + day, 'day' FROM s3 "
                 "WHERE k < 3 AND day IS NOT NULL",
        "quotes": f"SELECT {ARTICLE_ID}, start, start + length(sentence), "
                  "sentence, 'indirect', 'bench', 0.6, NULL, NULL, 'said', NULL, NULL, "
                  "'officials', NULL, NULL FROM s3 WHERE k = 0",
    }.items():
        con.execute(f"INSERT INTO {table} {sql}")
    con.execute("DROP TABLE s0; DROP TABLE s; DROP TABLE s1; DROP TABLE s2; DROP TABLE s3")
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


def article_id(aid: int) -> str:
    return hashlib.md5(f"a{aid}".encode()).hexdigest()[:16]


def day(offset: int) -> str:
    return (date.fromisoformat(FIRST_DAY) + timedelta(days=offset)).isoformat()


def pick(rnd: random.Random, ranked: list[str]) -> str:
    """A value as often as the data holds it (analysts look where the events are)."""
    return rnd.choices(ranked, weights=[1 / (k + 1) for k in range(len(ranked))])[0]


def queries(kind: str, n: int, n_articles: int, seed: int) -> list[str]:
    """``n`` request paths of one kind.  Filtered kinds take a type and a country (and
    "list" a date range of 1 to 8 weeks); "count" one type or one country over every date,
    so its total counts tens of thousands of events."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        pair = f"type={pick(rnd, TYPE_RANK)}&country={pick(rnd, COUNTRY_RANK)}"
        if kind == "list":
            d0 = rnd.randrange(DAYS - 60)
            out.append(f"/api/events?{pair}&date_from={day(d0)}"
                       f"&date_to={day(d0 + rnd.randint(7, 56))}&limit=50")
        elif kind == "count":
            one = (f"type={pick(rnd, TYPE_RANK)}" if rnd.random() < 0.5
                   else f"country={pick(rnd, COUNTRY_RANK)}")
            out.append(f"/api/events?{one}&limit=50")
        elif kind in ("map", "timeline", "breakdown", "heat"):
            path = {"map": "points", "heat": "grid"}.get(kind, kind)
            out.append(f"/api/events/{path}?{pair}")
        elif kind in ("search", "text"):
            # Rare words (a town), common words, and two words together.
            roll = rnd.random()
            if roll < 0.5:
                words = f"w{rnd.randrange(VOCAB)}"
            elif roll < 0.8:
                words = f"{rnd.choice(ACTORS)}+{rnd.choice(VERBS).split()[0]}"
            else:
                words = rnd.choice(ACTORS)
            out.append(f"/api/search?q={words}&limit=10" if kind == "search"
                       else f"/api/events?q={words}&limit=50")
        elif kind == "article":
            out.append(f"/api/articles/{article_id(rnd.randrange(n_articles))}")
    return out


def bare_sql(path: str) -> tuple[str, list] | None:
    """The bare DuckDB query a filtered request cannot do without: count the matching events
    (None for the kinds that are not an event filter)."""
    parsed = urllib.parse.urlsplit(path)
    if not parsed.path.startswith("/api/events") or "q=" in parsed.query:
        return None
    args = dict(urllib.parse.parse_qsl(parsed.query))
    clauses, params = [], []
    for name, column, op in (("type", "type", "="), ("country", "country", "="),
                             ("date_from", "date", ">="), ("date_to", "date", "<=")):
        if name in args:
            clauses.append(f"{column} {op} ?")
            params.append(args[name] if "date" not in name else date.fromisoformat(args[name]))
    return "SELECT count(*) FROM events WHERE " + " AND ".join(clauses), params


def bare(db: str, paths: list[str], concurrency: int, result: mp.Queue) -> None:
    """Run in a second process: each path's bare query on a read-only connection, a cursor
    per thread, ``concurrency`` threads (the same load shape as the clients)."""
    import threading

    import duckdb

    con = duckdb.connect(db, read_only=True)
    local = threading.local()

    def run(path: str) -> float:
        cur = getattr(local, "cur", None)
        if cur is None:
            cur = local.cur = con.cursor()
        sql, params = bare_sql(path)
        t = time.perf_counter()
        cur.execute(sql, params).fetchall()
        return (time.perf_counter() - t) * 1000

    with ThreadPoolExecutor(concurrency) as pool:
        result.put(list(pool.map(run, paths)))


def client(port: int, paths: list[str], concurrency: int, result: mp.Queue) -> None:
    """Run in a second process: keep-alive connections, one per worker thread."""
    import threading

    local = threading.local()

    def fetch(path: str) -> tuple[float, int, str]:
        conn = getattr(local, "conn", None)
        if conn is None:
            conn = local.conn = HTTPConnection("127.0.0.1", port, timeout=60)
        t = time.perf_counter()
        try:
            conn.request("GET", path)
            resp = conn.getresponse()
            body = resp.read()
            status, detail = (resp.status if body else 0), body[:200].decode(errors="replace")
        except OSError as exc:
            local.conn = None
            status, detail = -1, repr(exc)
        return (time.perf_counter() - t) * 1000, status, f"{path}: {status} {detail}"

    t0 = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        got = list(pool.map(fetch, paths))
    result.put({"latencies": [g[0] for g in got], "statuses": [g[1] for g in got],
                "first_error": next((g[2] for g in got if g[1] != 200), None),
                "wall": time.perf_counter() - t0})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


TARGETS = {"list": 100, "count": 100, "map": 100, "timeline": 100, "breakdown": 100,
           "heat": 100, "search": 300, "text": 300, "article": None}


def run_clients(target, args: tuple) -> dict | list:
    """Run ``target`` in a second process (so the clients do not share the server's or this
    process's interpreter) and return what it puts on its queue."""
    q: mp.Queue = mp.Queue()
    proc = mp.Process(target=target, args=(*args, q))
    proc.start()
    res = q.get()
    proc.join()
    return res


def cpu_per_request(db: str, kinds: list[str], n: int) -> None:
    """Each kind's requests once through the app in this process, nothing cached: mean,
    median and largest CPU time per request."""
    from fastapi.testclient import TestClient

    from eventwire.api.app import create_app

    app = create_app(db)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        app.state.answers.max_bytes = 0  # no answer is kept
        n_articles = c.get("/api/health").json()["articles"]
        print(f"{'query':10} {'n':>4} {'cpu mean':>8} {'median':>7} {'max':>7}  (ms per request, "
              "uncached, in process)")
        for kind in kinds:
            seed = list(TARGETS).index(kind)  # the load test's requests of this kind
            for path in queries(kind, 3, n_articles, seed=100 + seed):
                c.get(path)
            cpu = []
            for path in queries(kind, n, n_articles, seed=seed):
                t = time.process_time()
                resp = c.get(path)
                cpu.append((time.process_time() - t) * 1000)
                if resp.status_code != 200:
                    sys.exit(f"{path}: {resp.status_code} {resp.text[:200]}")
            print(f"{kind:10} {n:4d} {statistics.mean(cpu):8.1f} {statistics.median(cpu):7.1f} "
                  f"{max(cpu):7.1f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", help="Store to build once and reuse (default "
                                 "/tmp/eventwire-bench-EVENTS.duckdb).")
    ap.add_argument("--rebuild", action="store_true", help="Regenerate the store.")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--requests", type=int, default=200, help="Per kind of query.")
    ap.add_argument("--kinds", default=",".join(TARGETS),
                    help=f"Kinds of query to run, of {','.join(TARGETS)}.")
    ap.add_argument("--cpu", action="store_true",
                    help="CPU per uncached request in this process, instead of the load test.")
    args = ap.parse_args()
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in TARGETS]
    if unknown:
        sys.exit(f"--kinds: unknown {', '.join(unknown)} (of {', '.join(TARGETS)})")
    db = args.db or f"/tmp/eventwire-bench-{args.events}.duckdb"

    if args.rebuild or not os.path.exists(db):
        if os.path.exists(db):
            os.remove(db)
        build(db, args.events)
    if args.cpu:
        cpu_per_request(db, kinds, args.requests)
        return
    port = free_port()
    t0 = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-c", "from eventwire.cli import main; main()", "serve", "--db",
         db, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 600
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
              f"127.0.0.1:{port} (ready in {time.perf_counter() - t0:.1f} s); "
              f"{args.concurrency} concurrent clients in a second process; "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)
        print("bare: the same filters' count(*) on a read-only DuckDB connection, same "
              "concurrency, right after (the least any filtered request costs)")
        failures = 0
        import psutil

        proc_info = psutil.Process(server.pid)
        print(f"{'query':10} {'n':>4} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'req/s':>6} "
              f"{'cpu/req':>7} {'err':>3} {'bare p50':>8} {'bare p95':>8} {'load':>5}  target p95")
        for i, kind in enumerate(kinds):
            target = TARGETS[kind]
            paths = queries(kind, args.requests, health["articles"], seed=i)
            warm = queries(kind, 20, health["articles"], seed=100 + i)
            run_clients(client, (port, warm, args.concurrency))
            cpu0 = sum(proc_info.cpu_times()[:2])
            res = run_clients(client, (port, paths, args.concurrency))
            cpu = (sum(proc_info.cpu_times()[:2]) - cpu0) * 1000 / len(paths)
            load = os.getloadavg()[0]
            lat, statuses = res["latencies"], res["statuses"]
            errors = sum(1 for s in statuses if s != 200)
            base = "       -        -"
            if bare_sql(paths[0]) is not None:
                blat = run_clients(bare, (db, paths, args.concurrency))
                base = f"{statistics.median(blat):8.1f} {pct(blat, 95):8.1f}"
            p95 = pct(lat, 95)
            ok = target is None or p95 < target
            failures += errors + (0 if ok else 1)
            print(f"{kind:10} {len(lat):4d} {statistics.median(lat):7.1f} {p95:7.1f} "
                  f"{max(lat):7.1f} {len(lat) / res['wall']:6.1f} {cpu:7.1f} {errors:3d} "
                  f"{base} {load:5.1f}  "
                  + (f"< {target} ms: {'ok' if ok else 'MISSED'}" if target else "-"),
                  flush=True)
            if res["first_error"]:
                print(f"  first error: {res['first_error']}", flush=True)
    finally:
        server.terminate()
        server.wait(30)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
