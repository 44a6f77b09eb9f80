"""The search index: its tables, layout version, refresh, and the SQL that looks words up.

A small inverted index (``search_terms``: one row per word and event, article or quote) built
from the stored text; DuckDB's FTS extension would need a download at run time.  Words are
matched by their Snowball stem ("attack" finds "attacks" and "attacked"): ``search_vocab``
maps every indexed word to its stem, so a query word becomes the list of indexed words that
share its stem, and the term look-up stays a range scan on the sorted term column.  Each row
also holds what its kind is listed by (an event's date, an article's or a quote's
publication time), so a search ranks and counts its hits from the index alone and reads the
tables for one page of rows: ranking through a join with the articles cost 10 to 40 ms of
CPU per search at 250,000 articles.
"""

from __future__ import annotations

import re
from functools import lru_cache

import duckdb
import snowballstemmer

INDEX_VERSION = 4
# Words as the index stores them: runs of Unicode letters and digits, lower-cased.
SQL_WORDS = r"regexp_extract_all(lower({}), '[\pL\pN]+')"
SENTENCE = "substring(a.body, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
QUOTE_REF = "(q.article_id || ':' || q.content_start)"
_WORD = re.compile(r"[^\W_]+\*?")
_DDL = """
CREATE TABLE search_terms (kind VARCHAR, ref VARCHAR, term VARCHAR, date DATE,
                           published TIMESTAMPTZ);
CREATE TABLE search_indexed (kind VARCHAR, ref VARCHAR);
CREATE TABLE search_vocab (term VARCHAR, stem VARCHAR);
CREATE TABLE search_state (version INTEGER, articles BIGINT, events BIGINT, quotes BIGINT,
                           latest TIMESTAMPTZ);
"""
_TABLES = ("search_terms", "search_indexed", "search_vocab", "search_state")
_STATE = ("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
          "(SELECT count(*) FROM quotes), (SELECT max(ingested_at) FROM articles)")


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("english")


def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def search_words(text: str) -> list[str]:
    """The query's words as the index holds them; a trailing * asks for a prefix."""
    return _WORD.findall(text.lower())


def index_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """Layout version of the stored index (None when absent); safe inside a transaction."""
    cols = {r[0] for r in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = 'search_state' "
        "AND schema_name = 'main' AND database_name = current_database()").fetchall()}
    if "version" not in cols:
        return None
    return con.execute("SELECT max(version) FROM search_state").fetchone()[0]


def index_is_fresh(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the search index covers everything stored now."""
    if index_version(con) != INDEX_VERSION:
        return False
    state = con.execute("SELECT articles, events, quotes, latest FROM search_state").fetchone()
    return state is not None and tuple(state) == tuple(con.execute(_STATE).fetchone())


def refresh_search_index(con: duckdb.DuckDBPyConnection) -> int:
    """Index the words of events' sentences, quotes and articles' text not indexed yet.

    Returns how many events, quotes and articles were added.  Rows are inserted sorted by
    word so DuckDB's per-block min/max lets a word look-up skip most of the table.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        if index_version(con) != INDEX_VERSION:  # absent, or built by another layout
            for table in _TABLES:
                con.execute(f"DROP TABLE IF EXISTS {table}")
            con.execute(_DDL)
        con.execute(
            "CREATE TEMP TABLE _todo AS "
            f"SELECT 'event' AS kind, e.id AS ref, e.date, NULL::TIMESTAMPTZ AS published, "
            f"{SENTENCE} AS txt FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE e.id NOT IN (SELECT ref FROM search_indexed WHERE kind = 'event') "
            f"UNION ALL SELECT 'quote', {QUOTE_REF}, NULL, a.published, q.content "
            "FROM quotes q LEFT JOIN articles a ON a.id = q.article_id "
            f"WHERE {QUOTE_REF} NOT IN (SELECT ref FROM search_indexed WHERE kind = 'quote') "
            "UNION ALL SELECT 'article', a.id, NULL, a.published, "
            "concat_ws(' ', a.title, a.body) FROM articles a "
            "WHERE a.id NOT IN (SELECT ref FROM search_indexed WHERE kind = 'article')")
        added = con.execute("SELECT count(*) FROM _todo").fetchone()[0]
        words = SQL_WORDS.format("txt")
        con.execute("INSERT INTO search_terms SELECT DISTINCT kind, ref, term, date, published "
                    f"FROM (SELECT kind, ref, date, published, unnest({words}) AS term "
                    "FROM _todo) ORDER BY kind, term")
        con.execute("INSERT INTO search_indexed SELECT kind, ref FROM _todo")
        con.execute("DROP TABLE _todo")
        new_terms = [r[0] for r in con.execute(
            "SELECT DISTINCT term FROM search_terms WHERE term NOT IN "
            "(SELECT term FROM search_vocab)").fetchall()]
        if new_terms:
            stems = _stemmer().stemWords(new_terms)
            con.execute("INSERT INTO search_vocab SELECT unnest(?), unnest(?)",
                        [new_terms, stems])
        for kind, table, ref in (("event", "events", "id"),
                                 ("quote", "quotes", "article_id || ':' || content_start")):
            indexed = con.execute("SELECT count(*) FROM search_indexed WHERE kind = ?",
                                  [kind]).fetchone()[0]
            if indexed > con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]:
                # Re-annotation replaced them: forget the ones that are gone.
                for t in ("search_terms", "search_indexed"):
                    con.execute(f"DELETE FROM {t} WHERE kind = ? AND "
                                f"ref NOT IN (SELECT {ref} FROM {table})", [kind])
        con.execute("DELETE FROM search_state")
        con.execute(f"INSERT INTO search_state SELECT {INDEX_VERSION}, * FROM ({_STATE})")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return added


def forms(con: duckdb.DuckDBPyConnection, word: str) -> list[str]:
    """Indexed words that a query word stands for: those sharing its stem (the word itself
    always), or for ``word*`` nothing, since a prefix is looked up as a range."""
    found = {r[0] for r in con.execute("SELECT term FROM search_vocab WHERE stem = ?",
                                       [stem(word)]).fetchall()}
    return sorted(found | {word})


def term_match(con: duckdb.DuckDBPyConnection, word: str) -> tuple[str, list]:
    """SQL over ``search_terms`` (a condition on ``term``) for one query word."""
    if word.endswith("*"):
        # A range on the sorted term column lets DuckDB skip blocks by their min/max.
        return "term >= ? AND term <= ?", [word[:-1], word[:-1] + "\U0010ffff"]
    terms = forms(con, word)
    if len(terms) == 1:
        return "term = ?", terms
    return f"term IN ({', '.join('?' * len(terms))})", terms


def hits_sql(con: duckdb.DuckDBPyConnection, kind: str, text: str,
             columns: str = "ref") -> tuple[str, list]:
    """A query giving each ``kind`` ref (with ``columns``) holding every word of ``text``,
    each once."""
    parts, params = [], []
    for w in search_words(text):
        cond, p = term_match(con, w)
        parts.append(f"SELECT {columns} FROM search_terms WHERE kind = ? AND {cond}")
        params += [kind, *p]
    if len(parts) == 1 and cond != "term = ?":
        # a ref holds several of the word's forms; one form is one row per ref (and
        # INTERSECT is a set operation)
        return f"SELECT DISTINCT {columns} FROM search_terms WHERE kind = ? AND {cond}", params
    return " INTERSECT ".join(parts), params


def scan_condition(con: duckdb.DuckDBPyConnection, text: str, expr: str) -> tuple[str, list]:
    """The index's rule as a scan of ``expr``, for when the index is stale and cannot be
    rebuilt: the text's words are stemmed by the same stemmer (a Python function that
    DuckDB calls), so both give the same answers."""
    # A result left open by an earlier fetchone() on this cursor would make DuckDB refuse to
    # register the function (ResourceInUseException).
    con.complete()
    try:
        con.create_function("ew_stems", _stem_words, ["VARCHAR[]"], "VARCHAR[]",
                            side_effects=False)
    except duckdb.NotImplementedException:  # already there on this connection
        pass
    words = search_words(text)
    exact = sorted({stem(w) for w in words if not w.endswith("*")})
    prefixes = [w[:-1] for w in words if w.endswith("*")]
    listed = SQL_WORDS.format(expr)
    parts, params = [], []
    if exact:
        parts.append(f"list_has_all(ew_stems({listed}), ?)")
        params.append(exact)
    for p in prefixes:
        parts.append(f"len(list_filter({listed}, lambda w: starts_with(w, ?))) > 0")
        params.append(p)
    return "(" + " AND ".join(parts) + ")", params


def _stem_words(words: list[str] | None) -> list[str] | None:
    return None if words is None else _stemmer().stemWords(words)
