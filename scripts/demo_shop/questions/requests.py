"""Shopping requests (recommendation): gold acceptable_product_ids are every in-stock product
that meets all of a request's constraints (data/questions.json requests).

`matches` is the data's own constraint check, kept apart from chatbot.constraints.satisfies on
purpose: this is the gold the product is scored against, so it must not be computed by the code
under test, and requests need forms the product's Constraints cannot state (attributes_min:
"at least 40 liters", attributes_in: "IPX5 or better"). tests/test_demo_data.py checks that
the two agree wherever satisfies can state the request."""
from __future__ import annotations

from ..common import money, vocab

REQUESTS = vocab("questions")["requests"]


def matches(rec: dict, con: dict) -> bool:
    """Whether a product record meets every constraint: category, in_stock, max_price
    (inclusive), attributes (equal), attributes_min (a number at least), attributes_contains
    (a list holding the value), attributes_in (one of the values)."""
    a = rec["attributes"]
    if rec["category"] != con["category"]:
        return False
    if con.get("in_stock") and not rec["in_stock"]:
        return False
    if "max_price" in con and rec["price"] > con["max_price"]:
        return False
    for k, v in con.get("attributes", {}).items():
        if a.get(k) != v:
            return False
    for k, v in con.get("attributes_min", {}).items():
        if not isinstance(a.get(k), (int, float)) or isinstance(a.get(k), bool) or a[k] < v:
            return False
    for k, v in con.get("attributes_contains", {}).items():
        if v not in a.get(k, []):
            return False
    for k, v in con.get("attributes_in", {}).items():
        if a.get(k) not in v:
            return False
    return True


def add_recommendations(qb) -> None:
    """20 requests (17 en, 3 zh), each with 1-10 acceptable products, in data order."""
    n_en = n_zh = 0
    for req in REQUESTS:
        lang, text = req["lang"], req["text"]
        con = dict(req["constraints"], in_stock=True)
        hits = [p["id"] for p in qb.products if matches(p, con)]
        if not 1 <= len(hits) <= 10:
            continue
        if lang == "en" and n_en >= 17 or lang == "zh" and n_zh >= 3:
            continue
        n_en += lang == "en"
        n_zh += lang == "zh"
        listing = ", ".join(f"{qb.rec_by_id[h]['title']} ({money(qb.rec_by_id[h]['price'])})" for h in hits)
        qb.q(lang, "recommendation", text, hits,
             [("Options that fit: " if lang == "en" else "符合条件的有：") + listing], [],
             acceptable_product_ids=hits, constraints=con)
