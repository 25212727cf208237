"""Reading and validating catalog files (no models needed)."""

import pytest

from chatbot.data.catalog import ShopDB, read_catalog
from chatbot.text import detect_lang
from chatbot.data.chunking import card_text, product_chunks
from chatbot.errors import NotFound, ValidationError
from chatbot.types import Product
from conftest import MINI_PRODUCTS, write_jsonl


def test_reads_jsonl(mini_catalog):
    cat = read_catalog(mini_catalog)
    assert [p.id for p in cat.products] == ["P1", "P2", "P3", "P4"]
    assert len(cat.reviews) == 5 and len(cat.qa) == 2 and cat.problems == []
    assert cat.products[0].attributes["width"] == "wide"
    assert cat.reviews[1].lang == "zh"  # given
    assert cat.reviews[0].lang == "en"  # detected


def test_bad_lines_are_named_by_file_line_and_field(tmp_path):
    rows = [
        {"id": "A", "title": "ok", "price": 10},
        {"id": "B", "price": "ten dollars"},
        {"title": "no id"},
        {"id": "C", "in_stock": "maybe"},
        {"id": "A", "title": "duplicate"},
    ]
    path = write_jsonl(tmp_path / "products.jsonl", rows)
    with path.open("a") as fh:
        fh.write("{not json\n")
    cat = read_catalog(tmp_path)
    assert [p.id for p in cat.products] == ["A"]
    assert f"{path}:2: price: expected a number, got 'ten dollars'" in cat.problems
    assert f"{path}:3: id: required, missing or empty" in cat.problems
    assert f"{path}:4: in_stock: expected true or false, got 'maybe'" in cat.problems
    assert any(p.startswith(f"{path}:5: id: 'A' already used on line 1") for p in cat.problems)
    assert any(p.startswith(f"{path}:6: line: not valid JSON") for p in cat.problems)


def test_csv_with_same_columns(tmp_path):
    (tmp_path / "products.csv").write_text(
        "id,title,price,in_stock,features,attributes\n"
        'X1,Kettle,39.90,yes,"fast boil|1.7 l","{""wattage"": 2200}"\n'
        "X2,Toaster,-5,no,,\n",
        encoding="utf-8",
    )
    (tmp_path / "reviews.csv").write_text("id,product_id,text,rating\nr1,X1,boils fast,5\nr2,NOPE,hm,3\nr3,X1,ok,9\n")
    cat = read_catalog(tmp_path)
    assert cat.products[0].features == ["fast boil", "1.7 l"]
    assert cat.products[0].attributes == {"wattage": 2200}
    assert cat.products[0].in_stock is True and cat.products[0].price == pytest.approx(39.9)
    assert any(":3: price: -5.0 is outside 0..None" in p for p in cat.problems)
    assert any("reviews.csv:3: product_id: unknown product 'NOPE'" in p for p in cat.problems)
    assert any("reviews.csv:4: rating: 9.0 is outside 1..5" in p for p in cat.problems)


def test_missing_folder_and_empty_folder(tmp_path):
    with pytest.raises(NotFound):
        read_catalog(tmp_path / "nope")
    with pytest.raises(ValidationError):
        read_catalog(tmp_path)


def test_detect_lang():
    assert detect_lang("电池续航很好") == "zh"
    assert detect_lang("battery is great") == "en"


def test_card_and_chunks_carry_filter_metadata():
    p = Product(**MINI_PRODUCTS[0])
    text = card_text(p)
    assert "Price: $109.99." in text and "waterproof: yes" in text and "colors: black, blue" in text
    chunks = product_chunks(p, [], [])
    assert [c.kind for c in chunks] == ["card", "description"]
    meta = chunks[0].metadata
    assert meta["product_id"] == "P1" and meta["price"] == 109.99 and meta["in_stock"] is True
    assert meta["category"] == "running shoes" and meta["lang"] == "en"


def test_shopdb_ratings_and_roundtrip(tmp_path, mini_catalog):
    db = ShopDB(tmp_path / "shop.db")
    conn = db.connect()
    changed = db.upsert(conn, read_catalog(mini_catalog))
    conn.commit()
    assert changed == {"P1", "P2", "P3", "P4"}
    p1 = db.product("P1")
    assert p1.rating == 4.0 and p1.review_count == 2
    assert db.upsert(conn, read_catalog(mini_catalog)) == set()  # nothing changed


def test_card_for_shows_the_facts_asked_about_first():
    from chatbot.data.chunking import card_for

    p = Product(id="B1", price=None, features=["four rotor blades for indoor flight", "gyro stabilisation"],
                attributes={"color": "red", "num_batteries": "4 aa"})
    asked = {"batteries", "num"}
    relevance = lambda fact: len(asked & set(fact.replace(":", "").split()))  # noqa: E731
    # Worked by hand: head "Product B1." (2 words); "num batteries: 4 aa" shares 2 words, the rest
    # none and keep their order; a budget of 10 words leaves 8: the batteries fact (4), then
    # "four rotor blades ..." (6) no longer fits, so the card stops there.
    assert card_for(p, relevance, 10) == "Product B1. num batteries: 4 aa."
    # Nothing asked: stored order, "four rotor blades ..." (6) and "gyro stabilisation" (2) fill the 8.
    assert card_for(p, lambda fact: 0, 10) == "Product B1. four rotor blades for indoor flight; gyro stabilisation."
    # One long fact that matches is cut to the budget rather than dropped.
    long = Product(id="B2", features=["a b c d e f g h i j k l"])
    assert card_for(long, lambda fact: 1, 6) == "Product B2. a b c d …."


def test_marketplace_values_read_plainly():
    from chatbot.data.chunking import format_value

    assert format_value('standardized_values:[ "blue" ], value:"blue"') == "blue"
    assert format_value("width:{ unit:inches, normalized_value:{ unit:inches, value:19 }, value:19. }") == "width: 19 inches"
