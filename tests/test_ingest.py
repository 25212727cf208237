"""Ingest into a real Chroma store with the real offline embedder, then search."""
import json

import pytest

from chatbot.cli import main
from chatbot.data.shop import Shop
from conftest import MINI_PRODUCTS, write_jsonl


@pytest.fixture
def shop(settings, e5_embedder):
    return Shop(settings, embedder=e5_embedder)


def test_ingest_is_idempotent_and_replaces_changed_chunks(shop, mini_catalog):
    first = shop.ingest(mini_catalog, analytics=False, progress=False)
    assert (first.products, first.reviews, first.qa) == (4, 5, 2)
    # 4 cards + 4 descriptions + 5 reviews + 2 Q&A
    assert first.chunks == 15 and first.total_chunks == 15 and first.errors == []
    second = shop.ingest(mini_catalog, analytics=False, progress=False)
    assert second.chunks == 0 and second.total_chunks == 15

    products = [dict(p) for p in MINI_PRODUCTS]
    products[0]["price"] = 99.0
    products[0]["description"] = "Shorter text."
    write_jsonl(mini_catalog / "products.jsonl", products)
    third = shop.ingest(mini_catalog, analytics=False, progress=False)
    assert third.total_chunks == 15
    card = shop.store.get(["P1:card"])[0]
    assert "Price: $99.00." in card.text and card.metadata["price"] == 99.0
    # review chunks carry the new price too; nothing stale is left
    assert all(c.metadata["price"] == 99.0 for c in shop.store.get(["P1:review:R1", "P1:desc:0"]))


def test_a_new_chunk_format_reaches_the_store_with_unchanged_data(shop, mini_catalog, monkeypatch):
    # An upgrade that writes cards differently must not leave the old text in the store: the
    # answer checks read the new format.
    shop.ingest(mini_catalog, analytics=False, progress=False)
    import chatbot.data.chunking as chunking

    card_text = chunking.card_text
    monkeypatch.setattr(chunking, "card_text", lambda p: card_text(p).replace("Price:", "Listed price:"))
    again = shop.ingest(mini_catalog, analytics=False, progress=False)
    assert again.chunks == 4 and again.total_chunks == 15  # the 4 cards, nothing else re-embedded
    assert "Listed price: $" in shop.store.get(["P1:card"])[0].text


def test_prune_removes_products_no_longer_listed(shop, mini_catalog):
    shop.ingest(mini_catalog, analytics=False, progress=False)
    write_jsonl(mini_catalog / "products.jsonl", MINI_PRODUCTS[:3])
    (mini_catalog / "reviews.jsonl").write_text("")
    (mini_catalog / "product_qa.jsonl").write_text("")
    kept = shop.ingest(mini_catalog, analytics=False, progress=False)
    assert kept.pruned == 0 and shop.db.product("P4") is not None
    pruned = shop.ingest(mini_catalog, prune=True, analytics=False, progress=False)
    assert pruned.pruned == 1 and shop.db.product("P4") is None
    assert shop.store.get(["P4:card", "P4:review:R4"]) == []


def test_search_filters_and_product_context(shop, mini_catalog):
    shop.ingest(mini_catalog, analytics=False, progress=False)
    hits = shop.search("waterproof shoe for muddy trails", k=3)
    assert hits[0].product_id == "P1"
    cheap = shop.search("running shoe", k=5, filters={"price_max": 100, "category": "running shoes"})
    assert cheap and {h.product_id for h in cheap} == {"P2"}
    in_stock = shop.search("wireless earbuds", k=5, filters={"in_stock": True})
    assert "P3" not in {h.product_id for h in in_stock}
    page = shop.search("does it work with iphone", k=3, product_id="P3")
    assert {h.product_id for h in page} == {"P3"} and page[0].chunk.kind == "qa"
    named = shop.search("how long does the battery of the Sonara AeroBuds Pro last?", k=3)
    assert named[0].product_id == "P3"


def test_chinese_question_finds_english_product(shop, mini_catalog):
    shop.ingest(mini_catalog, analytics=False, progress=False)
    assert shop.search("防水的越野跑鞋", k=3)[0].product_id == "P1"
    assert shop.search("无线降噪耳机", k=3)[0].product_id == "P3"
    assert shop.search("中度烘焙咖啡豆", k=3)[0].product_id == "P4"


def test_cli_ingest_bad_line_exits_2_and_keeps_stored_data(settings, mini_catalog, capsys, tmp_path):
    home = ["--home", str(settings.home)]
    assert main(home + ["ingest", str(mini_catalog), "--no-analytics", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert {"products", "reviews", "qa", "chunks", "skipped", "errors"} <= set(summary)
    bad = tmp_path / "bad"
    bad.mkdir()
    write_jsonl(bad / "products.jsonl", [{"id": "N1", "title": "New thing", "price": 5}, {"id": "N2", "price": "free"}])
    assert main(home + ["ingest", str(bad), "--strict", "--no-analytics"]) == 2
    err = capsys.readouterr().err
    assert f"{bad / 'products.jsonl'}:2: price: expected a number, got 'free'" in err
    shop = Shop(settings)
    assert shop.db.product("N1") is None and shop.db.product("P1") is not None  # strict: nothing stored
    assert main(home + ["ingest", str(bad), "--no-analytics", "--json"]) == 2
    summary = json.loads(capsys.readouterr().out)
    assert summary["products"] == 1 and summary["skipped"] == 1 and len(summary["errors"]) == 1
    assert Shop(settings).db.product("N1") is not None


def test_cli_search_json(settings, mini_catalog, capsys):
    home = ["--home", str(settings.home)]
    main(home + ["ingest", str(mini_catalog), "--no-analytics", "--json"])
    capsys.readouterr()
    assert main(home + ["search", "coffee beans from Colombia", "--k", "2", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["product_id"] == "P4" and {"kind", "score", "text"} <= set(hits[0])


def test_a_small_product_page_is_ranked_without_embedding_the_question(shop, mini_catalog, monkeypatch):
    shop.ingest(mini_catalog, analytics=False, progress=False)
    calls = []
    embed = shop.retriever.embedder.embed_query
    monkeypatch.setattr(shop.retriever.embedder, "embed_query", lambda text: calls.append(text) or embed(text))
    # P4 has 3 chunks (card, description, one review): all of them go in, ordered by shared words.
    hits = shop.retriever.page("is the coffee smooth?", "P4", k=3)
    assert calls == [] and len(hits) == 3 and {h.product_id for h in hits} == {"P4"}
    # Scores are 0.2 x the share of the words asked: the card and the description hold "coffee" only,
    # and tie in the order of the kinds that answer most (card before description).
    assert [(h.chunk.kind, round(h.score, 2)) for h in hits] == [("review", 0.2), ("card", 0.1), ("description", 0.1)]
    # P3 has 4 chunks (card, description, review, Q&A): choosing 3 needs the embedding.
    hits = shop.retriever.page("does it work with iphone", "P3", k=3)
    assert calls == ["does it work with iphone"] and hits[0].chunk.kind == "qa"
    # ... and ranks as the index search does, from the page's stored vectors.
    searched = shop.retriever.search("does it work with iphone", k=3, product_id="P3")
    assert [h.chunk.id for h in hits] == [h.chunk.id for h in searched]
    assert [round(h.score, 4) for h in hits] == [round(h.score, 4) for h in searched]
