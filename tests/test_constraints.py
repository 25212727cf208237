"""Shopping requests parsed against the catalog's vocabulary (hand-worked examples)."""
from chatbot.constraints import Constraints, is_recommendation_request, parse, satisfies
from chatbot.types import Product
from conftest import MINI_PRODUCTS

PRODUCTS = [Product(**p) for p in MINI_PRODUCTS]


def test_waterproof_running_shoe_under_120_in_wide():
    c = parse("a waterproof running shoe under $120 in wide", PRODUCTS)
    assert c.to_dict() == {"category": "running shoes", "price_max": 120.0,
                           "attributes": {"waterproof": True, "width": "wide"}}
    assert [p.id for p in PRODUCTS if satisfies(p, c)] == ["P1"]


def test_chinese_request_and_between():
    c = parse("推荐一款100元以下的跑鞋", PRODUCTS)
    assert c.category == "running shoes" and c.price_max == 100
    assert [p.id for p in PRODUCTS if satisfies(p, c)] == ["P2"]
    assert parse("headphones between $50 and $200", PRODUCTS).to_dict() == {
        "category": "headphones", "price_min": 50.0, "price_max": 200.0}


def test_follow_up_refines_the_request():
    first = parse("running shoes under $150", PRODUCTS)
    blue = first.merged(parse("and in blue?", PRODUCTS))
    assert blue.attributes == {"colors": "blue"} and blue.price_max == 150
    assert [p.id for p in PRODUCTS if satisfies(p, blue)] == ["P1"]


def test_in_stock_and_negation():
    c = parse("wireless earbuds in stock", PRODUCTS)
    assert c.in_stock is True and not satisfies(PRODUCTS[2], c)
    assert parse("running shoes that are not waterproof", PRODUCTS).attributes == {"waterproof": False}


def test_intent():
    assert is_recommendation_request("Can you recommend a coffee?")
    assert is_recommendation_request("I'm looking for a backpack")
    assert is_recommendation_request("shoes under $100")
    assert not is_recommendation_request("Is the Storm Runner waterproof?")
    assert Constraints().is_empty()


def test_a_number_with_a_unit_is_not_a_price():
    c = parse("a backpack with at least 40 liters under $90", PRODUCTS)
    assert c.price_min is None and c.price_max == 90
    assert parse("headphones with over 30 hours", PRODUCTS).price_min is None
    # A counted noun is no price either, and a question about one product is no shopping request.
    assert not is_recommendation_request("can you play with less than 12 players?")
    assert parse("is it ok for kids under 3 years?", PRODUCTS).price_max is None
