"""shop.db has one schema owner (chatbot/data/schema.py) with migrations; old files migrate."""
import sqlite3

import pytest

from chatbot.data import schema
from chatbot.data.catalog import ShopDB
from chatbot.errors import ConfigError

# shop.db as shopbot wrote it before the schema had one owner (commit a01e14f): catalog._SCHEMA
# and analytics/store.SCHEMA, verbatim, no user_version.
OLD_CATALOG = """
CREATE TABLE IF NOT EXISTS products (id TEXT PRIMARY KEY, data TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reviews (id TEXT PRIMARY KEY, product_id TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS reviews_product ON reviews(product_id);
CREATE TABLE IF NOT EXISTS qa (id TEXT PRIMARY KEY, product_id TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS qa_product ON qa(product_id);
CREATE TABLE IF NOT EXISTS chunks (id TEXT PRIMARY KEY, product_id TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_product ON chunks(product_id);
"""
OLD_ANALYTICS = """
CREATE TABLE IF NOT EXISTS review_analysis (
    review_id TEXT PRIMARY KEY, product_id TEXT NOT NULL, text_hash TEXT NOT NULL, lang TEXT,
    sentiment TEXT NOT NULL, score REAL NOT NULL, aspects TEXT NOT NULL, keywords TEXT NOT NULL,
    rating INTEGER, model TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS review_analysis_product ON review_analysis(product_id);
CREATE TABLE IF NOT EXISTS review_aspect_terms (
    category TEXT NOT NULL, term TEXT NOT NULL, reviews INTEGER NOT NULL, PRIMARY KEY (category, term)
);
"""


def _tables(path):
    conn = sqlite3.connect(path)
    try:
        return {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table','index')")}
    finally:
        conn.close()


def test_an_old_shop_db_opens_migrates_and_keeps_its_data(tmp_path):
    path = tmp_path / "shop.db"
    conn = sqlite3.connect(path)
    conn.executescript(OLD_CATALOG + OLD_ANALYTICS)
    conn.execute("INSERT INTO products VALUES ('P1', ?, 'h')",
                 ('{"id": "P1", "title": "Kettle", "price": 20.0, "currency": "USD"}',))
    conn.execute("INSERT INTO reviews VALUES ('R1', 'P1', ?)",
                 ('{"id": "R1", "product_id": "P1", "text": "boils fast", "rating": 5}',))
    conn.execute("INSERT INTO review_analysis VALUES ('R1','P1','t','en','positive',0.9,'[]','[\"fast\"]',5,'m')")
    conn.commit()
    conn.close()

    db = ShopDB(path)
    assert schema.version(db.connect()) == len(schema.MIGRATIONS)
    assert db.product("P1").title == "Kettle" and db.product("P1").rating == 5.0
    from analytics.store import load_analyses

    assert [a.keywords for a in load_analyses(db)] == [["fast"]]
    assert schema.migrate(db.connect()) == []  # opening again applies nothing
    db.close()


def test_a_fresh_shop_db_has_every_table_from_one_owner(tmp_path):
    ShopDB(tmp_path / "shop.db").close()
    names = _tables(tmp_path / "shop.db")
    assert {"products", "reviews", "qa", "chunks", "review_analysis", "review_aspect_terms"} <= names
    # analytics opening a bare path gets the same schema (and version) as the shop
    from analytics.store import connect

    conn = connect(tmp_path / "other.db")
    assert schema.version(conn) == len(schema.MIGRATIONS)
    conn.close()
    assert _tables(tmp_path / "other.db") == names


def test_migrations_join_a_callers_transaction_and_roll_back_with_it(tmp_path):
    conn = sqlite3.connect(tmp_path / "shop.db")
    conn.execute("BEGIN IMMEDIATE")
    assert schema.migrate(conn) == [fn.__name__ for fn in schema.MIGRATIONS]
    conn.execute("ROLLBACK")
    assert schema.version(conn) == 0 and "products" not in _tables(tmp_path / "shop.db")
    conn.close()


def test_a_shop_db_from_a_newer_shopbot_is_refused(tmp_path):
    conn = sqlite3.connect(tmp_path / "shop.db")
    conn.execute(f"PRAGMA user_version={len(schema.MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(ConfigError, match="newer than this shopbot"):
        ShopDB(tmp_path / "shop.db")
