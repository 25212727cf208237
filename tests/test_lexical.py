"""The BM25 index (SQLite FTS5 in shop.db) against a hand-worked example, and kept up to date by ingest."""
import math
import sqlite3
from types import SimpleNamespace

import pytest

from chatbot.data.catalog import ShopDB
from chatbot.data.lexical import Lexicon, terms
from chatbot.data.shop import Shop

DOCS = {"d1": "red shoe", "d2": "blue shoe shoe", "d3": "red hat wool", "d4": "green scarf", "d5": "yellow boot"}


@pytest.fixture
def shop(settings, e5_embedder):
    return Shop(settings, embedder=e5_embedder)


def _index(docs=DOCS):
    conn = sqlite3.connect(":memory:")
    lexicon = Lexicon(lambda: conn)
    with conn:
        Lexicon.update(conn, [SimpleNamespace(id=k, text=v) for k, v in docs.items()])
    return lexicon


def test_bm25_scores_a_hand_worked_example():
    index = _index()
    # 5 documents of 12 terms: average length 2.4. "red" is in 2: idf = ln((5 - 2 + 0.5) / (2 + 0.5)) = ln 1.4
    # d1 (length 2): 1 x 2.2 / (1 + 1.2 x (0.25 + 0.75 x 2 / 2.4)) = 2.2 / 2.05
    # d3 (length 3): 2.2 / (1 + 1.2 x (0.25 + 0.75 x 3 / 2.4)) = 2.2 / 2.425: the longer one scores less
    red = math.log(1.4)
    assert index.top(["red"], 10) == pytest.approx({"d1": red * 2.2 / 2.05, "d3": red * 2.2 / 2.425})
    assert list(index.top(["red"], 10)) == ["d1", "d3"] and list(index.top(["red"], 1)) == ["d1"]
    # "shoe" twice in d2 (length 3) saturates: 2 x 2.2 / (2 + 1.425) = 4.4 / 3.425, not twice 2.2 / 2.425;
    # a query's repeated word counts once. "shoes" is stemmed to "shoe" on both sides.
    assert index.scores(["shoe", "shoe"])["d2"] == pytest.approx(red * 4.4 / 3.425)
    assert index.scores(terms("Shoes")) == index.scores(["shoe"])
    # "wool" is in 1 document: idf = ln(4.5 / 1.5) = ln 3, the rarer word weighs more; terms add up
    wool = math.log(3)
    assert index.scores(["red", "wool"]) == pytest.approx({"d1": red * 2.2 / 2.05, "d3": (red + wool) * 2.2 / 2.425})
    # scores of given chunks only
    assert index.scores(["red", "wool"], ["d3", "d5"]) == pytest.approx({"d3": (red + wool) * 2.2 / 2.425})
    assert index.top(["boot-lace", "t-shirt", "and"], 5) == {} and len(index) == 5


def test_updates_replace_and_remove_text():
    conn = sqlite3.connect(":memory:")
    index = Lexicon(lambda: conn)
    with conn:
        Lexicon.update(conn, [SimpleNamespace(id=k, text=v) for k, v in DOCS.items()])
        Lexicon.update(conn, [SimpleNamespace(id="d4", text="red zeppelin")], removed=["d5"])
    assert len(index) == 4 and set(index.top(["zeppelin", "scarf", "boot"], 5)) == {"d4"}
    assert set(index.top(["red"], 5)) == {"d1", "d3", "d4"}
    # A rolled-back update leaves the index as it was.
    conn.execute("BEGIN")
    Lexicon.update(conn, [SimpleNamespace(id="d9", text="kite")])
    conn.execute("ROLLBACK")
    assert index.top(["kite"], 5) == {} and len(index) == 4


def test_an_empty_index_scores_nothing():
    index = _index({})
    assert index.top(["red"], 5) == {} and index.scores(["red"]) == {} and index.scores([], ["x"]) == {}


def test_ingest_keeps_the_index_in_shop_db(shop, mini_catalog):
    from conftest import MINI_REVIEWS, write_jsonl

    shop.ingest(mini_catalog, analytics=False, progress=False)
    index = Lexicon(ShopDB(shop.db.path).connect)  # a fresh connection: it is on disk, not in memory
    assert len(index) == shop.store.count() == 15
    assert list(index.top(["chocolatey"], 5)) == ["P4:review:R4"]
    # A changed review replaces its text; an unchanged run writes nothing.
    reviews = [dict(r, text="Tastes of zeppelin berries.") if r["id"] == "R4" else r for r in MINI_REVIEWS]
    write_jsonl(mini_catalog / "reviews.jsonl", reviews)
    shop.ingest(mini_catalog, analytics=False, progress=False)
    assert index.top(["chocolatey"], 5) == {} and list(index.top(["zeppelin"], 5)) == ["P4:review:R4"]
    assert len(index) == 15
    # Pruned products leave the index.
    from conftest import MINI_PRODUCTS

    write_jsonl(mini_catalog / "products.jsonl", [p for p in MINI_PRODUCTS if p["id"] != "P4"])
    write_jsonl(mini_catalog / "reviews.jsonl", [r for r in reviews if r["product_id"] != "P4"])
    shop.ingest(mini_catalog, analytics=False, progress=False, prune=True)
    ids = {cid for (cid,) in index.connect().execute("SELECT chunk_id FROM lexicon_ids")}
    assert len(ids) == shop.store.count() == 12 and not any(cid.startswith("P4:") for cid in ids)


def test_a_shop_db_without_the_index_is_rebuilt_from_the_store_once(shop, mini_catalog):
    shop.ingest(mini_catalog, analytics=False, progress=False)
    conn = shop.db.connect()
    with conn:
        conn.execute("DELETE FROM lexicon_ids")
        conn.execute("DELETE FROM lexicon")
    shop.retriever.refresh()
    assert shop.search("chocolatey", k=1)[0].chunk.id == "P4:review:R4"
    assert len(Lexicon(shop.db.connect)) == 15


def test_a_question_looks_up_its_rarest_terms_within_the_postings_budget(monkeypatch):
    from chatbot.data import lexical

    index = _index()
    # postings: shoe 2, red 2, wool 1, absent 0: all fit a budget of 30,000
    assert index.budgeted(["shoe", "red", "wool", "absent"]) == ["shoe", "red", "wool", "absent"]
    monkeypatch.setattr(lexical, "POSTINGS_BUDGET", 2)  # rarest first: absent 0, wool 1, then shoe: 3 > 2
    assert index.budgeted(["shoe", "red", "wool", "absent", "wool"]) == ["wool", "absent"]
    monkeypatch.setattr(lexical, "POSTINGS_BUDGET", 0)
    assert index.budgeted(["shoe", "absent"]) == ["absent"]  # a word no chunk holds costs nothing
