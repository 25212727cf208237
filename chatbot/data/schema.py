"""The one owner of `shop.db`'s schema: catalog records, the chunk index and review analytics.

Versioned like the interaction log (`chatbot/loop/log.py`): `MIGRATIONS` is a list of functions
applied in order, and SQLite's `PRAGMA user_version` records how many have run, inside the same
transaction, so a crash mid-migration leaves the previous version. Add a function at the end;
never edit one that has shipped. A shop.db written before versioning (user_version 0, tables
created by `CREATE TABLE IF NOT EXISTS` from two places) passes through the same functions, which
are written to accept tables that already exist.
"""
from __future__ import annotations

import sqlite3

from chatbot.errors import ConfigError


def _run(conn: sqlite3.Connection, script: str) -> None:
    # One statement at a time: executescript() would COMMIT a caller's open transaction first.
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def m001_catalog(conn: sqlite3.Connection) -> None:
    """Products, reviews and Q&A as JSON records, and which chunks the vector store holds."""
    _run(conn, """
    CREATE TABLE IF NOT EXISTS products (id TEXT PRIMARY KEY, data TEXT NOT NULL, hash TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS reviews (id TEXT PRIMARY KEY, product_id TEXT NOT NULL, data TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS reviews_product ON reviews(product_id);
    CREATE TABLE IF NOT EXISTS qa (id TEXT PRIMARY KEY, product_id TEXT NOT NULL, data TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS qa_product ON qa(product_id);
    CREATE TABLE IF NOT EXISTS chunks (id TEXT PRIMARY KEY, product_id TEXT NOT NULL, hash TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS chunks_product ON chunks(product_id)
    """)


def m002_review_analysis(conn: sqlite3.Connection) -> None:
    """Per-review sentiment, aspects and keywords, and the aspect terms found per category."""
    _run(conn, """
    CREATE TABLE IF NOT EXISTS review_analysis (
        review_id TEXT PRIMARY KEY,
        product_id TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        lang TEXT,
        sentiment TEXT NOT NULL,
        score REAL NOT NULL,
        aspects TEXT NOT NULL,   -- JSON list of {aspect, polarity, score, quote}
        keywords TEXT NOT NULL,  -- JSON list of strings
        rating INTEGER,
        model TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX IF NOT EXISTS review_analysis_product ON review_analysis(product_id);
    CREATE TABLE IF NOT EXISTS review_aspect_terms (
        category TEXT NOT NULL, term TEXT NOT NULL, reviews INTEGER NOT NULL,
        PRIMARY KEY (category, term)
    )
    """)


def m003_aspect_members(conn: sqlite3.Connection) -> None:
    """The terms (any language) grouped under each aspect found per category."""
    _run(conn, """
    CREATE TABLE IF NOT EXISTS review_aspect_members (
        category TEXT NOT NULL, aspect TEXT NOT NULL, member TEXT NOT NULL,
        PRIMARY KEY (category, aspect, member)
    )
    """)


MIGRATIONS = [m001_catalog, m002_review_analysis, m003_aspect_members]


def version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Bring `conn`'s database to the latest version; return the names of the migrations applied.

    Inside a caller's open transaction the migrations join it (the caller commits); otherwise they
    run in their own `BEGIN IMMEDIATE` transaction, so two processes opening one old file at
    once migrate it once."""
    if version(conn) == len(MIGRATIONS):  # the common case: one cheap read, no lock
        return []
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        current = version(conn)  # again, under the write lock
        if current > len(MIGRATIONS):
            raise ConfigError(f"shop.db is at schema version {current}, newer than this shopbot knows "
                              f"({len(MIGRATIONS)}); upgrade shopbot")
        applied = []
        for number, fn in enumerate(MIGRATIONS[current:], current + 1):
            fn(conn)
            conn.execute(f"PRAGMA user_version={number}")
            applied.append(fn.__name__)
        if own:
            conn.execute("COMMIT")
    except BaseException:
        if own:
            conn.execute("ROLLBACK")
        raise
    return applied
