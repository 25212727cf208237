"""The request stage ranks by the measure a superlative names, from each record (hand-worked records)."""
from types import SimpleNamespace

from chatbot import constraints as cons
from chatbot.answer import request
from chatbot.answer.settings import AnswerSettings
from chatbot.answer.turn import Session, Turn
from chatbot.types import Product

RECORDS = {p.id: p for p in [
    Product("A", "Ridge 30L Pack", category="backpacks", price=80.0, in_stock=True, attributes={"weight_g": 900}),
    Product("B", "Lite 20L Pack", category="backpacks", price=60.0, in_stock=False, attributes={"Weight": "1.2 kg"}),
    Product("C", "Trek 16L Daypack", category="backpacks", price=75.0, in_stock=True, description="Weighs 580 g."),
    Product("D", "City Pack", category="backpacks", price=50.0, in_stock=True),
    Product("E", "Lite Tent", category="tents", price=40.0, in_stock=True, attributes={"weight_kg": 0.4}),
]}


def _turn(text):
    turn = Turn(text, Session(), SimpleNamespace(products=RECORDS), AnswerSettings())
    turn.wanted = cons.parse(text, list(RECORDS.values()))
    request.run(turn)
    return turn


def test_the_superlative_ranks_the_request_s_products_by_the_measure_it_names():
    turn = _turn("What is the lightest backpack?")
    # 580 g (a line of the text), 900 g (a key in grams), 1.2 kg (a value with its unit); the
    # tent is lighter but no backpack, the City Pack states no weight
    assert turn.done and turn.reply.answer.splitlines() == [
        "By weight, lowest first, of the 4 products that match backpacks:",
        "1. Trek 16L Daypack — weight 580 g; $75.00, in stock [1]",
        "2. Ridge 30L Pack — weight 900 g; $80.00, in stock [2]",
        "3. Lite 20L Pack — weight 1.2 kg; $60.00, out of stock [3]",
        "1 more does not state weight.",
    ]
    assert [c.product_id for c in turn.reply.citations] == ["C", "A", "B"]
    assert [r.product_id for r in turn.reply.recommendations] == ["C", "A", "B"]


def test_price_and_the_heaviest_and_chinese():
    answer = _turn("Which backpack is the most expensive?").reply.answer.splitlines()
    assert answer[0] == "By price, highest first, of the 4 products that match backpacks:"
    assert answer[1:3] == ["1. Ridge 30L Pack — price $80.00, in stock [1]", "2. Trek 16L Daypack — price $75.00, in stock [2]"]
    assert _turn("the heaviest backpack please").reply.answer.splitlines()[1].startswith("1. Lite 20L Pack — weight 1.2 kg")
    assert request.superlatives("哪款背包最轻？") == [("g", "最轻", True), ("kg", "最轻", True)]
    assert request.superlatives("Which has the longest battery life?")[0] == ("h", "longest battery life", False)


def test_no_superlative_or_no_product_stating_it_leaves_the_request_as_it_was():
    assert not _turn("What is the brightest backpack?").done  # no backpack states lumens
    assert request.superlatives("Is the strap long?") == []
