"""Versioned schema: each migration runs once, in order, inside a transaction."""

from __future__ import annotations

from eventwire.store.derived import ACTORS_SQL
from eventwire.store.incidents import MIGRATION as INCIDENT_TABLES

MIGRATIONS: list[str] = [
    # 1: articles and the raw inputs they came from, annotations with their spans.
    """
    CREATE TABLE inputs (
        raw_hash VARCHAR, source_path VARCHAR, record VARCHAR, format VARCHAR,
        ingested_at TIMESTAMPTZ DEFAULT current_timestamp,
        PRIMARY KEY (raw_hash, source_path, record)
    );
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY, source_path VARCHAR, raw_hash VARCHAR, format VARCHAR,
        record VARCHAR, position INTEGER, url VARCHAR, title VARCHAR,
        published TIMESTAMPTZ, published_text VARCHAR, date_rule VARCHAR, author VARCHAR,
        site_name VARCHAR, source VARCHAR, dateline VARCHAR, bullets VARCHAR[],
        caption VARCHAR, caption_credit VARCHAR, language VARCHAR, words INTEGER,
        body VARCHAR, ingested_at TIMESTAMPTZ DEFAULT current_timestamp,
        annotated BOOLEAN DEFAULT false
    );
    CREATE TABLE mentions (
        article_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, rule VARCHAR,
        confidence DOUBLE, kind VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR,
        backed_by VARCHAR, role VARCHAR, affiliation VARCHAR, entity_id INTEGER
    );
    CREATE TABLE quotes (
        article_id VARCHAR, content_start INTEGER, content_end INTEGER, content VARCHAR,
        kind VARCHAR, rule VARCHAR, confidence DOUBLE, cue_start INTEGER, cue_end INTEGER,
        cue VARCHAR, speaker_start INTEGER, speaker_end INTEGER, speaker VARCHAR,
        speaker_name VARCHAR, speaker_code VARCHAR
    );
    CREATE TABLE times (
        article_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, rule VARCHAR,
        confidence DOUBLE, date_start DATE, date_end DATE, precision VARCHAR
    );
    CREATE TABLE places (
        article_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, rule VARCHAR,
        confidence DOUBLE, geonameid BIGINT, name VARCHAR, lat DOUBLE, lon DOUBLE,
        feature_class VARCHAR, country VARCHAR, admin1 VARCHAR, relation VARCHAR
    );
    CREATE TABLE events (
        id VARCHAR PRIMARY KEY, article_id VARCHAR, type VARCHAR, mode VARCHAR,
        contexts VARCHAR[], quad VARCHAR, sentence_start INTEGER, sentence_end INTEGER,
        trigger_start INTEGER, trigger_end INTEGER, trigger VARCHAR, rule VARCHAR,
        confidence DOUBLE, sources JSON, targets JSON, date DATE, date_precision VARCHAR,
        date_start INTEGER, date_end INTEGER, location JSON, place_name VARCHAR,
        country VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE, dead INTEGER,
        dead_max INTEGER, injured INTEGER, injured_max INTEGER, size INTEGER,
        size_max INTEGER, negated BOOLEAN, hypothetical BOOLEAN, reported_threat BOOLEAN,
        aggregate BOOLEAN, field_rules JSON
    );
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE INDEX times_article ON times(article_id);
    CREATE INDEX places_article ON places(article_id);
    CREATE INDEX events_article ON events(article_id);
    """,
    # 2: no ART indexes.  DuckDB keeps them in memory and they grow with the store, so a long
    # ingest's memory grew with it; writes dedupe with anti-joins instead (Store.write_batch).
    """
    DROP INDEX mentions_article; DROP INDEX quotes_article; DROP INDEX times_article;
    DROP INDEX places_article; DROP INDEX events_article;
    CREATE TABLE inputs_v2 AS SELECT * FROM inputs;
    DROP TABLE inputs; ALTER TABLE inputs_v2 RENAME TO inputs;
    ALTER TABLE inputs ALTER COLUMN ingested_at SET DEFAULT current_timestamp;
    CREATE TABLE articles_v2 AS SELECT * FROM articles;
    DROP TABLE articles; ALTER TABLE articles_v2 RENAME TO articles;
    ALTER TABLE articles ALTER COLUMN ingested_at SET DEFAULT current_timestamp;
    ALTER TABLE articles ALTER COLUMN annotated SET DEFAULT false;
    CREATE TABLE events_v2 AS SELECT * FROM events;
    DROP TABLE events; ALTER TABLE events_v2 RENAME TO events;
    """,
    # 3: incidents (one per real-world event across articles), their events, corrections.
    INCIDENT_TABLES,
    # 4: events' actors as (key, code) pairs beside their JSON.  The table is rebuilt (an
    # UPDATE of every row costs minutes at a million events); the serving look-ups on it go
    # with it and `serve` makes them again.
    f"""
    DROP INDEX IF EXISTS lookup_events_id; DROP INDEX IF EXISTS lookup_events_article;
    CREATE TABLE events_v4 AS SELECT *, {ACTORS_SQL} AS actors FROM events;
    DROP TABLE events; ALTER TABLE events_v4 RENAME TO events;
    """,
]

# Columns that identify a row, kept unique by the writers (there are no key constraints).
KEYS: dict[str, tuple[str, ...]] = {
    "inputs": ("raw_hash", "source_path", "record"),
    "articles": ("id",),
    "events": ("id",),
}

VERSION = len(MIGRATIONS)
