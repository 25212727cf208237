"""Incremental storage, the report and the `shopbot reviews` commands.

These use the lexicon method (VADER on English text), so no embedder is loaded."""
from __future__ import annotations

import json
import sqlite3

import pytest

from analytics import ReviewAnalyzer
from analytics.report import write_report
from analytics.text import text_hash
from analytics.store import (
    analyze_and_store, load_analyses, load_discovered, product_sentiment, product_summary,
)
from chatbot.data.catalog import Catalog, ShopDB
from chatbot.cli import main
from chatbot.types import Product, Review


@pytest.fixture(scope="module")
def lexicon():
    return ReviewAnalyzer(method="lexicon")


def _reviews():
    return [
        Review("r1", "p1", "Great sound but the battery dies fast.", rating=4),
        Review("r2", "p1", "Terrible. The zipper broke and the strap is flimsy.", rating=1),
        Review("r3", "p2", "Love it, comfortable and the zipper is smooth.", rating=5),
    ]


def test_second_run_processes_nothing_and_changed_text_is_redone(tmp_path, lexicon):
    conn = sqlite3.connect(tmp_path / "shop.db")
    reviews = _reviews()
    first = analyze_and_store(conn, reviews, lexicon)
    assert (first.processed, first.unchanged) == (3, 0)
    assert first.analyses["r2"].sentiment == "negative"

    second = analyze_and_store(conn, reviews, lexicon)
    assert (second.processed, second.unchanged) == (0, 3)
    assert second.analyses["r1"].aspects == first.analyses["r1"].aspects

    reviews[0] = Review("r1", "p1", "Awful sound, I returned it.", rating=4)
    reviews[2] = Review("r3", "p2", reviews[2].text, rating=2)  # rating only: no re-analysis
    third = analyze_and_store(conn, reviews, lexicon)
    assert third.processed == 1 and third.analyses["r1"].sentiment == "negative"
    assert {a.review_id: a.rating for a in load_analyses(conn)}["r3"] == 2
    assert len(load_analyses(conn, product_id="p1")) == 2
    assert analyze_and_store(conn, reviews, lexicon, force=True).processed == 3


def test_store_leaves_a_callers_transaction_open(tmp_path, lexicon):
    conn = sqlite3.connect(tmp_path / "shop.db")
    conn.execute("CREATE TABLE other (x)")
    conn.commit()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO other VALUES (1)")
    analyze_and_store(conn, _reviews(), lexicon)
    assert conn.in_transaction  # the ingest commits or rolls back its own transaction
    conn.rollback()
    assert conn.execute("SELECT COUNT(*) FROM other").fetchone()[0] == 0


def test_discovered_aspects_are_stored_and_used(tmp_path, lexicon):
    conn = sqlite3.connect(tmp_path / "shop.db")
    products = [Product("p1", "Trail Backpack", category="bags"), Product("p2", "City Backpack", category="bags")]
    reviews = [Review(f"z{i}", "p1" if i % 2 else "p2", f"The zipper {w}.") for i, w in
               enumerate(["jams", "broke", "is smooth", "works", "sticks", "is fine"])]
    result = analyze_and_store(conn, reviews, lexicon, products=products)
    assert ("zipper", 6) in load_discovered(conn)["bags"]
    assert all("zipper" in a.aspect_names for a in result.analyses.values())
    assert analyze_and_store(conn, reviews, lexicon, products=products).processed == 0
    # Without products, a category's stored terms still apply (the ingest hook works this way).
    fresh = ReviewAnalyzer(method="lexicon")
    again = analyze_and_store(conn, [Review("z9", "p1", "The zipper jams.")], fresh, categories={"p1": "bags"})
    assert again.analyses["z9"].aspect_names == ["zipper"]


def test_ingest_hook_annotates_review_chunks(tmp_path, lexicon):
    from chatbot.data.chunking import product_chunks

    product = Product("p1", "Buds: Pro", category="audio")  # a colon, as in the "Review of X: text" prefix
    chunks = product_chunks(product, _reviews()[:2], [])
    conn = sqlite3.connect(tmp_path / "shop.db")
    conn.execute("BEGIN IMMEDIATE")  # as the ingest does
    lexicon.annotate(conn, chunks, vectors=None)
    conn.commit()
    review = {c.metadata.get("review_id"): c.metadata for c in chunks if c.kind == "review"}
    assert review["r2"]["sentiment"] == "negative" and isinstance(review["r2"]["sentiment_score"], float)
    assert set(review["r1"]["aspects"].split(",")) == {"sound", "battery"}
    stored = {a.review_id: a for a in load_analyses(conn)}
    assert stored["r1"].text_hash == text_hash("Great sound but the battery dies fast.")
    assert "sentiment" not in next(c for c in chunks if c.kind == "card").metadata


def _shop(tmp_path) -> ShopDB:
    db = ShopDB(tmp_path / "shop.db")
    conn = db.connect()
    products = [Product("p1", "Buds Pro", category="audio"), Product("p2", "Day Pack", category="bags")]
    db.upsert(conn, Catalog(products=products, reviews=_reviews()))
    conn.commit()
    return db


def test_report_writes_markdown_and_plots(tmp_path, lexicon):
    path = write_report(_shop(tmp_path), tmp_path / "out", analyzer=lexicon)
    text = path.read_text(encoding="utf-8")
    assert "# Review report" in text and "Buds Pro (p1)" in text and "Of 2 reviews" in text
    for name in ("sentiment_by_category.png", "negative_aspects.png", "rating_vs_sentiment.png"):
        assert (tmp_path / "out" / name).stat().st_size > 1000
    assert json.loads((tmp_path / "out" / "summaries.json").read_text())[0]["product_id"] == "p1"


def test_product_summary_and_sentiment_shares(tmp_path, lexicon):
    db = _shop(tmp_path)
    summary = product_summary(db, "p1", analyzer=lexicon)  # analyses the reviews first
    assert summary.title == "Buds Pro" and summary.review_count == 2
    assert summary.sentiment_counts == {"positive": 1, "negative": 1, "neutral": 0}
    assert product_summary(db, "p1", update=False).to_dict() == summary.to_dict()
    assert product_sentiment(db.connect()) == {"p1": 0.5}
    with pytest.raises(Exception, match="no product"):
        product_summary(db, "nope", analyzer=lexicon)


def test_summary_command(tmp_path, lexicon, monkeypatch, capsys):
    import chatbot.cli.reviews as cmd

    _shop(tmp_path)
    monkeypatch.setattr(cmd, "_analyzer", lambda settings, method="auto": lexicon)
    assert main(["--home", str(tmp_path), "reviews", "summary", "p1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["review_count"] == 2 and data["rating_histogram"]["1"] == 1
    assert main(["--home", str(tmp_path), "reviews", "summary", "nope"]) == 2


def test_classify_bad_lines_exit_2_with_file_and_line(tmp_path, capsys):
    bad = tmp_path / "in.jsonl"
    bad.write_text('{"text": "fine"}\n{"text": oops}\n{"id": "x"}\n{"text": 5}\n', encoding="utf-8")
    assert main(["--home", str(tmp_path), "reviews", "classify", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:2: line: not valid JSON" in err
    assert f"{bad}:3: text: required, missing or empty" in err
    assert f"{bad}:4: text: expected text, got int" in err

    csv_file = tmp_path / "in.csv"
    csv_file.write_text("id,body\n1,hello\n", encoding="utf-8")
    assert main(["--home", str(tmp_path), "reviews", "classify", str(csv_file)]) == 2
    assert f"{csv_file}:2: text: required" in capsys.readouterr().err


def test_classify_prints_labels(tmp_path, capsys):
    good = tmp_path / "in.csv"
    good.write_text('id,text\n1,"Great sound but the battery dies fast."\n2,Awful. Broke in a day.\n',
                    encoding="utf-8")
    assert main(["--home", str(tmp_path), "reviews", "classify", str(good), "--method", "lexicon", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["review_id"] for r in rows] == ["1", "2"] and rows[1]["sentiment"] == "negative"
    assert {"sound", "battery"} <= {a["aspect"] for a in rows[0]["aspects"]}
    assert main(["--home", str(tmp_path), "reviews", "classify", str(good), "--method", "lexicon"]) == 0
    assert "battery" in capsys.readouterr().out
