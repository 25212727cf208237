"""The bundled demo shop (chatbot/data/demo/) meets its spec and is exactly what
scripts/make_demo_shop.py (the scripts/demo_shop package) generates."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "chatbot" / "data" / "demo"
SCRIPT = ROOT / "scripts" / "make_demo_shop.py"
JSONL = ["products", "reviews", "product_qa", "interactions", "heldout", "users", "questions"]

CATEGORIES = {"running shoes", "headphones", "coffee & tea", "backpacks", "kitchen appliances",
              "phone accessories", "outdoor jackets", "smart home"}
ASPECTS = {"fit", "comfort", "battery", "sound", "noise", "taste", "leaks", "durability", "shipping", "price",
           "size", "weight", "quality", "design", "setup", "waterproofing", "customer service"}
PERSONA_CATEGORY = {"runner": "running shoes", "audiophile": "headphones", "coffee-lover": "coffee & tea",
                    "commuter": "backpacks", "home-cook": "kitchen appliances", "gadget-fan": "phone accessories",
                    "hiker": "outdoor jackets", "smart-homer": "smart home"}
QUESTION_TYPES = {"fact", "review", "compare", "recommendation", "unanswerable", "followup", "manipulation"}
END = date(2026, 10, 31)
CJK = re.compile(r"[\u4e00-\u9fff]")
INJECTION_MARKERS = ("ignore previous", "system:", "disregard your rules", "[admin]", "system prompt", "忽略之前")
REAL_BRANDS = {"nike", "adidas", "asics", "brooks", "hoka", "sony", "bose", "apple", "samsung", "jbl", "anker",
               "osprey", "patagonia", "north face", "philips", "breville", "nespresso", "google", "amazon"}


def load(name: str) -> list[dict]:
    with (DEMO / f"{name}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.fixture(scope="module")
def data() -> dict[str, list[dict]]:
    return {name: load(name) for name in JSONL}


@pytest.fixture(scope="module")
def products(data):
    return {p["id"]: p for p in data["products"]}


def is_int(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def is_num(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


# ---------------------------------------------------------------- files

def test_files_present_compact_and_licensed():
    names = {p.name for p in DEMO.iterdir()}
    assert {f"{n}.jsonl" for n in JSONL} | {"LICENSE", "README.md"} <= names
    assert sum(p.stat().st_size for p in DEMO.iterdir()) < 3 * 1024 * 1024
    lic = (DEMO / "LICENSE").read_text(encoding="utf-8")
    assert "CC0-1.0" in lic and "scripts/make_demo_shop.py" in lic
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    assert "make_demo_shop.py" in readme


def test_jsonl_is_utf8_one_object_per_line_not_ascii_escaped():
    for name in JSONL:
        raw = (DEMO / f"{name}.jsonl").read_bytes()
        assert raw.endswith(b"\n") and b"\r" not in raw
        for line in raw.decode("utf-8").splitlines():
            assert isinstance(json.loads(line), dict)
    assert "\\u" not in (DEMO / "reviews.jsonl").read_text(encoding="utf-8")


def test_regenerating_gives_identical_bytes(tmp_path):
    out = tmp_path / "demo"
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], check=True, capture_output=True, timeout=120)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in DEMO.iterdir())
    for path in out.iterdir():
        assert path.read_bytes() == (DEMO / path.name).read_bytes(), f"{path.name} differs; rerun the script"


# ---------------------------------------------------------------- products

def test_products(data):
    rows = data["products"]
    assert len(rows) >= 160
    assert len({p["id"] for p in rows}) == len(rows)
    assert len({p["title"] for p in rows}) == len(rows)
    per_cat = Counter(p["category"] for p in rows)
    assert set(per_cat) == CATEGORIES and min(per_cat.values()) >= 15
    for p in rows:
        assert re.fullmatch(r"P\d{4}", p["id"])
        assert isinstance(p["title"], str) and p["title"] and isinstance(p["brand"], str) and p["brand"]
        assert p["brand"].lower() not in REAL_BRANDS
        assert is_num(p["price"]) and p["price"] > 0 and round(p["price"], 2) == p["price"]
        assert p["currency"] == "USD"
        assert isinstance(p["in_stock"], bool)
        sentences = re.findall(r"[.!?](?:\s|$)", p["description"])
        assert 2 <= len(sentences) <= 4, p["description"]
        assert 3 <= len(p["features"]) <= 5 and all(isinstance(f, str) and f for f in p["features"])
        assert isinstance(p["attributes"], dict) and p["attributes"]
        for key, value in p["attributes"].items():
            assert isinstance(key, str)
            assert isinstance(value, (str, int, float, bool, list)), (p["id"], key)
            if isinstance(value, list):
                assert all(isinstance(v, (str, int, float)) for v in value)
    out_of_stock = sum(not p["in_stock"] for p in rows) / len(rows)
    assert 0.08 <= out_of_stock <= 0.25


def test_category_attributes(data):
    required = {
        "running shoes": {"waterproof": bool, "width": str, "colors": list, "sizes": list, "weight_g": int,
                          "drop_mm": int, "terrain": str},
        "headphones": {"wireless": bool, "noise_cancelling": bool, "colors": list, "water_resistance": str},
        "coffee & tea": {"origin": str, "weight_g": int, "caffeine": str, "organic": bool},
        "backpacks": {"capacity_l": int, "waterproof": bool, "colors": list, "weight_g": int},
        "kitchen appliances": {"wattage": int, "capacity_l": (int, float), "colors": list, "dishwasher_safe": bool},
        "phone accessories": {"compatible_with": list, "wireless_charging": bool, "colors": list},
        "outdoor jackets": {"waterproof": bool, "insulation": str, "sizes": list, "colors": list},
        "smart home": {"voice_assistant": str, "connectivity": str, "power": str},
    }
    for p in data["products"]:
        a = p["attributes"]
        for key, kind in required[p["category"]].items():
            assert isinstance(a.get(key), kind), (p["id"], key)
        if p["category"] == "running shoes":
            assert a["width"] in ("regular", "wide") and a["terrain"] in ("road", "trail")
        if p["category"] == "coffee & tea":
            assert a["caffeine"] in ("regular", "decaf")
            if a["type"] == "coffee":
                assert a["roast"] in ("light", "medium", "medium-dark", "dark")
        if p["category"] == "headphones" and a["wireless"]:
            assert is_int(a["battery_hours"])
        if p["category"] == "smart home":
            assert a["power"] in ("mains", "battery")
            assert ("battery_hours" in a) == (a["power"] == "battery")


def test_headline_query_has_matches_and_near_misses(data):
    shoes = [p for p in data["products"] if p["category"] == "running shoes"]

    def n(pred):
        return sum(1 for p in shoes if pred(p["attributes"], p["price"], p["in_stock"]))

    assert n(lambda a, pr, s: a["waterproof"] and a["width"] == "wide" and pr < 120 and s) >= 3
    assert n(lambda a, pr, s: a["waterproof"] and a["width"] == "wide" and pr >= 120) >= 2
    assert n(lambda a, pr, s: not a["waterproof"] and a["width"] == "wide" and pr < 120) >= 2
    assert n(lambda a, pr, s: a["waterproof"] and a["width"] == "regular" and pr < 120) >= 2
    assert n(lambda a, pr, s: a["waterproof"] and a["width"] == "wide" and pr < 120 and not s) >= 1


# ---------------------------------------------------------------- reviews

def test_reviews_shape(data, products):
    rows = data["reviews"]
    assert len(rows) >= 1700
    assert len({r["id"] for r in rows}) == len(rows)
    per_product = Counter(r["product_id"] for r in rows)
    assert set(per_product) == set(products)
    assert min(per_product.values()) >= 5
    assert sum(c >= 20 for c in per_product.values()) >= 5
    users = {f"U{i:03d}" for i in range(1, 121)}
    for r in rows:
        assert re.fullmatch(r"R\d{5}", r["id"])
        assert isinstance(r["text"], str) and r["text"]
        assert is_int(r["rating"]) and 1 <= r["rating"] <= 5
        assert r["lang"] in ("en", "zh")
        assert r["user_id"] in users
        d = date.fromisoformat(r["date"])
        assert date(2025, 1, 1) <= d <= END
        assert r["sentiment"] in ("positive", "negative", "neutral")
        assert isinstance(r["injection"], bool)
        assert 1 <= len(r["aspects"]) <= 3
        names = [a["aspect"] for a in r["aspects"]]
        assert len(set(names)) == len(names)
        for a in r["aspects"]:
            assert set(a) == {"aspect", "polarity"}
            assert a["aspect"] in ASPECTS and a["polarity"] in ("positive", "negative", "neutral")
        if r["lang"] == "zh":
            assert len(CJK.findall(r["text"])) >= 4
        else:
            assert not CJK.search(r["text"])


def test_reviews_chinese_share_and_aspect_coverage(data):
    rows = data["reviews"]
    zh = [r for r in rows if r["lang"] == "zh"]
    assert len(zh) / len(rows) >= 0.18
    # the aspect vocabulary is shared across languages
    assert len({a["aspect"] for r in zh for a in r["aspects"]}) >= 14
    assert {a["aspect"] for r in rows for a in r["aspects"]} == ASPECTS


def test_review_sentiment_mix_and_contradicting_ratings(data):
    rows = [r for r in data["reviews"] if not r["injection"]]
    sentiments = Counter(r["sentiment"] for r in rows)
    assert all(sentiments[s] >= 0.08 * len(rows) for s in ("positive", "negative", "neutral"))
    mixed = [r for r in rows if {"positive", "negative"} <= {a["polarity"] for a in r["aspects"]}]
    assert len(mixed) >= 0.05 * len(rows)
    contradicting = [r for r in rows if (r["sentiment"] == "negative" and r["rating"] >= 4)
                     or (r["sentiment"] == "positive" and r["rating"] <= 2)]
    assert 0.01 <= len(contradicting) / len(rows) <= 0.08
    # otherwise ratings follow the text
    for r in rows:
        if r not in contradicting and r["sentiment"] == "positive":
            assert r["rating"] >= 3
        if r not in contradicting and r["sentiment"] == "negative":
            assert r["rating"] <= 3
    # unmixed reviews: the overall sentiment agrees with the aspect polarities
    for r in rows:
        pols = {a["polarity"] for a in r["aspects"]}
        if pols == {"positive"} or pols == {"positive", "neutral"}:
            assert r["sentiment"] == "positive", r["id"]
        if pols == {"negative"} or pols == {"negative", "neutral"}:
            assert r["sentiment"] == "negative", r["id"]
        if pols == {"neutral"}:
            assert r["sentiment"] == "neutral", r["id"]


def test_sarcasm_is_labeled_negative(data):
    sarcastic = [r for r in data["reviews"] if r["text"].startswith(("Oh great,", "Wow, a whole", "Love how the battery"))]
    assert sarcastic and all(r["sentiment"] == "negative" for r in sarcastic)


def test_exactly_six_injections(data):
    rows = data["reviews"]
    inj = [r for r in rows if r["injection"]]
    assert len(inj) == 6
    assert len({r["product_id"] for r in inj}) == 6
    assert any(r["lang"] == "zh" for r in inj)
    for r in rows:
        marked = any(m in r["text"].lower() for m in INJECTION_MARKERS)
        assert marked == r["injection"], r["id"]


def test_hidden_quality_profiles_make_summaries_meaningful(data):
    counts = defaultdict(Counter)
    for r in data["reviews"]:
        for a in r["aspects"]:
            counts[(r["product_id"], a["aspect"])][a["polarity"]] += 1

    def skewed(polarity):
        return [k for k, c in counts.items() if sum(c.values()) >= 5 and c[polarity] / sum(c.values()) >= 0.8]

    assert len(skewed("negative")) >= 10
    assert len(skewed("positive")) >= 30
    # product-specific facts repeat across reviews of the same product
    small = Counter(r["product_id"] for r in data["reviews"] if "half a size small" in r["text"])
    assert any(c >= 3 for c in small.values())
    hours = defaultdict(set)
    for r in data["reviews"]:
        m = re.search(r"battery lasts about (\d+) hours", r["text"])
        if m:
            hours[r["product_id"]].add(m.group(1))
    assert hours and all(len(v) == 1 for v in hours.values())


# ---------------------------------------------------------------- community Q&A

def test_product_qa(data, products):
    rows = data["product_qa"]
    assert len(rows) >= 300
    assert len({q["id"] for q in rows}) == len(rows)
    assert sum(bool(CJK.search(q["question"])) for q in rows) >= 5
    for q in rows:
        assert re.fullmatch(r"Q\d{4}", q["id"])
        assert q["product_id"] in products
        assert q["question"] and q["answer"]


def test_product_qa_agrees_with_attributes(data, products):
    checks = {"waterproof": "waterproof", "noise cancelling": "noise_cancelling", "dishwasher safe": "dishwasher_safe",
              "organic": "organic", "wireless charging": "wireless_charging"}
    checked = 0
    for q in data["product_qa"]:
        attrs = products[q["product_id"]]["attributes"]
        for phrase, key in checks.items():
            if phrase in q["question"].lower() and key in attrs and q["answer"].startswith(("Yes", "No")):
                assert q["answer"].startswith("Yes") == attrs[key], (q["id"], q["question"], q["answer"])
                checked += 1
        m = re.match(r"Does it work with the (.+)\?", q["question"])
        if m:
            compat = attrs["compatible_with"]
            ok = m.group(1) in compat or any(c.startswith("any ") for c in compat)
            assert q["answer"].startswith("Yes") == ok, q["id"]
            checked += 1
    assert checked >= 60


# ---------------------------------------------------------------- shoppers

def test_users(data):
    rows = data["users"]
    assert [u["user_id"] for u in rows] == [f"U{i:03d}" for i in range(1, 121)]
    for u in rows:
        assert isinstance(u["churned"], bool)
        persona, band = u["segment"].rsplit("-", 1)
        assert persona in PERSONA_CATEGORY and band in ("budget", "mid", "premium")
    share = sum(u["churned"] for u in rows) / len(rows)
    assert 0.2 <= share <= 0.3


def test_interactions(data, products):
    rows = data["interactions"]
    assert 8000 <= len(rows) <= 12000
    stamps = [r["ts"] for r in rows]
    assert stamps == sorted(stamps)
    users = {u["user_id"] for u in data["users"]}
    for r in rows:
        assert r["user_id"] in users and r["product_id"] in products
        assert r["action"] in ("view", "click", "add_to_cart", "purchase", "review", "feedback")
        ts = datetime.fromisoformat(r["ts"])
        assert datetime(2025, 6, 1) <= ts < datetime(2026, 11, 1)
        if r["action"] == "review":
            assert r["value"] in (1, 2, 3, 4, 5)
        elif r["action"] == "feedback":
            assert r["value"] in (1, -1)
        else:
            assert "value" not in r
    actions = Counter(r["action"] for r in rows)
    assert actions["view"] > 1.5 * actions["click"] > 1.5 * actions["add_to_cart"]
    assert actions["add_to_cart"] > actions["purchase"] > 0
    assert actions["review"] > 0 and actions["feedback"] > 0
    # nothing goes into the cart while out of stock
    for r in rows:
        if r["action"] in ("add_to_cart", "purchase"):
            assert products[r["product_id"]]["in_stock"]


def test_churners_stop_early(data):
    last = {}
    for r in data["interactions"]:
        last[r["user_id"]] = r["ts"]
    cutoff = datetime.combine(END - timedelta(days=60), datetime.min.time())
    for u in data["users"]:
        when = datetime.fromisoformat(last[u["user_id"]])
        if u["churned"]:
            assert when < cutoff, u["user_id"]
        else:
            assert when >= datetime(2026, 10, 1), u["user_id"]


def test_behaviour_follows_segments(data, products):
    seg = {u["user_id"]: u["segment"].rsplit("-", 1)[0] for u in data["users"]}
    views = defaultdict(Counter)
    for r in data["interactions"]:
        views[r["user_id"]][products[r["product_id"]]["category"]] += 1
    agree = sum(views[u].most_common(1)[0][0] == PERSONA_CATEGORY[p] for u, p in seg.items())
    assert agree >= 0.8 * len(seg)
    # budget shoppers buy cheaper than premium shoppers
    spend = defaultdict(list)
    band = {u["user_id"]: u["segment"].rsplit("-", 1)[1] for u in data["users"]}
    for r in data["interactions"]:
        if r["action"] == "purchase":
            spend[band[r["user_id"]]].append(products[r["product_id"]]["price"])
    # compare within a category-neutral measure: median price rank would need categories; use means
    assert sum(spend["budget"]) / len(spend["budget"]) < sum(spend["premium"]) / len(spend["premium"])


def test_heldout(data, products):
    rows = data["heldout"]
    assert sorted(r["user_id"] for r in rows) == [f"U{i:03d}" for i in range(1, 121)]
    seen = {(r["user_id"], r["product_id"]) for r in data["interactions"]}
    seg = {u["user_id"]: u["segment"].rsplit("-", 1)[0] for u in data["users"]}
    in_segment = 0
    for r in rows:
        assert r["product_id"] in products
        assert (r["user_id"], r["product_id"]) not in seen
        in_segment += products[r["product_id"]]["category"] == PERSONA_CATEGORY[seg[r["user_id"]]]
    assert in_segment >= 0.7 * len(rows)


# ---------------------------------------------------------------- eval questions

def satisfies(p: dict, con: dict) -> bool:
    a = p["attributes"]
    if p["category"] != con["category"] or (con.get("in_stock") and not p["in_stock"]):
        return False
    if "max_price" in con and p["price"] > con["max_price"]:
        return False
    return (all(a.get(k) == v for k, v in con.get("attributes", {}).items())
            and all(is_num(a.get(k)) and a[k] >= v for k, v in con.get("attributes_min", {}).items())
            and all(v in a.get(k, []) for k, v in con.get("attributes_contains", {}).items())
            and all(a.get(k) in v for k, v in con.get("attributes_in", {}).items()))


def test_questions_shape(data, products):
    rows = data["questions"]
    assert 110 <= len(rows) <= 130
    assert len({q["id"] for q in rows}) == len(rows)
    types = Counter(q["type"] for q in rows)
    assert set(types) == QUESTION_TYPES
    minimum = {"fact": 28, "review": 14, "compare": 10, "recommendation": 20, "unanswerable": 15,
               "followup": 15, "manipulation": 10}
    for t, n in minimum.items():
        assert types[t] >= n, t
    zh = sum(q["lang"] == "zh" for q in rows) / len(rows)
    assert 0.1 <= zh <= 0.2
    for q in rows:
        assert q["lang"] in ("en", "zh") and q["question"]
        assert (q["lang"] == "zh") == bool(CJK.search(q["question"] + "".join(q.get("turns", []))))
        for key in ("product_ids", "answers", "must_include", "must_not_include"):
            assert isinstance(q[key], list) and all(isinstance(x, str) for x in q[key])
        assert q["answers"]
        assert all(pid in products for pid in q["product_ids"])
        if "context_product_id" in q:
            assert q["context_product_id"] in products
        expect = {"unanswerable": "refuse", "manipulation": "decline"}.get(q["type"], "answer")
        assert q["expect"] == expect
        if q["type"] == "followup":
            assert q["turns"] and all(isinstance(t, str) for t in q["turns"])
            assert len(q["product_ids"]) == 1
        if q["type"] == "compare":
            assert len(q["product_ids"]) == 2
        if q["type"] in ("fact", "review"):
            assert len(q["product_ids"]) == 1
    assert sum("context_product_id" in q for q in rows if q["type"] == "fact") >= 3


def test_question_gold_agrees_with_data(data, products):
    for q in data["questions"]:
        # exact prices quoted as must_include are the listed prices of the products asked about
        for s in q["must_include"]:
            if s.startswith("$"):
                assert any(f"${products[p]['price']:.2f}" == s for p in q["product_ids"]), q["id"]
        if q["type"] == "recommendation":
            con = q["constraints"]
            want = sorted(p["id"] for p in data["products"] if satisfies(p, con))
            assert want, q["id"]
            assert sorted(q["acceptable_product_ids"]) == want, q["id"]
        else:
            assert "acceptable_product_ids" not in q
    headline = [q for q in data["questions"] if q["question"].startswith("Can you recommend a waterproof running shoe")]
    assert headline and len(headline[0]["acceptable_product_ids"]) >= 3


def test_recommendation_gold_agrees_with_the_products_satisfies(data):
    """The generator keeps its own constraint check (the gold must not come from the code it scores),
    so the product's chatbot.constraints.satisfies must pick the same acceptable products wherever
    its Constraints can state the request (they have no at-least or one-of forms)."""
    from chatbot.constraints import Constraints, satisfies as product_satisfies
    from chatbot.types import Product

    catalog = [Product(**p) for p in data["products"]]
    stated = {"category", "max_price", "in_stock", "attributes", "attributes_contains"}
    checked = 0
    for q in data["questions"]:
        con = q.get("constraints", {})
        if q["type"] != "recommendation" or set(con) - stated:
            continue
        c = Constraints(category=con["category"], price_max=con.get("max_price"), in_stock=con.get("in_stock"),
                        attributes={**con.get("attributes", {}), **con.get("attributes_contains", {})})
        assert [p.id for p in catalog if product_satisfies(p, c)] == q["acceptable_product_ids"], q["id"]
        checked += 1
    assert checked >= 15


def test_generator_modules_are_small():
    modules = sorted((ROOT / "scripts" / "demo_shop").rglob("*.py"))
    assert len(modules) >= 10
    for path in modules:
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.relative_to(ROOT)
