"""Recommendations: constraints never broken, bought items, cold start, MMR, reasons, hit rate."""
from __future__ import annotations

import json
import random

import pytest

from chatbot.loop.log import InteractionLog
from chatbot.constraints import satisfies
from chatbot.loop.recommend import Recommender, hit_rate, is_consumable, mmr, popularity_baseline
from chatbot.types import Event, Product


def P(pid, cat, price, brand="Acme", stock=True, rating=None, n=0, **attrs):
    return Product(pid, f"{brand} {cat} {pid}", brand=brand, category=cat, price=price, in_stock=stock,
                   rating=rating, review_count=n, attributes=attrs)


CATALOG = [
    P("S1", "Running Shoes", 120, rating=4.6, n=38, color="blue", size=[9, 10, 10.5]),
    P("S2", "Running Shoes", 95, brand="Swift", rating=4.2, n=12, color="red", size=[10]),
    P("S3", "Running Shoes", 150, brand="Swift", rating=5.0, n=1, color="blue", size=[11]),
    P("K1", "Socks", 12, brand="Sox", rating=4.0, n=5, color="black"),
    P("C1", "Coffee & Tea", 18, brand="Bean", rating=4.8, n=60, roast="dark"),
    P("C2", "Coffee & Tea", 22, brand="Bean", rating=4.1, n=9, roast="light"),
    P("E1", "Headphones", 199, brand="Loud", rating=4.4, n=100, stock=False),
    P("E2", "Headphones", 59, brand="Loud", rating=3.1, n=40),
    P("J1", "Jackets", 80, rating=None, n=0, color="blue"),
]


@pytest.fixture
def log():
    return InteractionLog("sqlite://")


def test_mmr_by_hand():
    rel = [0.9, 0.85, 0.5]
    sim = [[1.0, 0.95, 0.1], [0.95, 1.0, 0.2], [0.1, 0.2, 1.0]]
    # diversity 0: plain ranking. diversity 0.5: after item 0, item 1 scores
    # 0.5*0.85 - 0.5*0.95 = -0.05 and item 2 scores 0.5*0.5 - 0.5*0.1 = 0.2, so 2 comes first.
    assert mmr(rel, sim, 3, diversity=0.0) == [0, 1, 2]
    assert mmr(rel, sim, 3, diversity=0.5) == [0, 2, 1]
    assert mmr(rel, sim, 2, diversity=0.5) == [0, 2]
    assert mmr([], [], 3) == [] and mmr(rel, sim, 0) == []


def test_cold_start_popular_and_well_reviewed(log):
    log.log_events([Event(f"u{i}", "E2", "view", "2024-01-01") for i in range(30)]
                   + [Event(f"u{i}", "C1", "view", "2024-01-01") for i in range(25)])
    recs = Recommender(CATALOG, log).recommend("newcomer", k=3)
    assert recs[0].product_id in {"C1", "E2"} and "C1" in [r.product_id for r in recs]
    assert all(r.reason for r in recs)
    by_id = {r.product_id: r for r in recs}
    assert "popular with shoppers" in by_id["C1"].reason and "4.8★ from 60 reviews" in by_id["C1"].reason
    # Without any log at all, rating alone ranks: the Bayesian mean puts 4.8 from 60 above 5.0 from 1.
    ids = [r.product_id for r in Recommender(CATALOG).recommend(None, k=9)]
    assert ids.index("C1") < ids.index("S3")


def test_bought_non_consumables_left_out_consumables_kept(log):
    log.log_events([Event("u", "S1", "purchase", "2024-01-01"), Event("u", "C1", "purchase", "2024-01-02")])
    ids = [r.product_id for r in Recommender(CATALOG, log).recommend("u", k=20)]
    assert "S1" not in ids and "C1" in ids
    assert len(ids) == len(CATALOG) - 1
    assert is_consumable("Grocery > Coffee & Tea") and not is_consumable("Running Shoes")
    # The consumable set is configurable.
    ids = [r.product_id for r in Recommender(CATALOG, log, consumables=()).recommend("u", k=20)]
    assert "C1" not in ids


def test_profile_drives_ranking_and_reason(log):
    log.log_events([Event("u", "S2", "purchase", "2024-01-01"), Event("u", "S1", "view", "2024-01-05"),
                    Event("u", "S3", "purchase", "2024-01-03"), Event("v", "E2", "purchase", "2024-01-04")])
    recs = Recommender(CATALOG, log).recommend("u", k=3, exclude=["K1"])
    assert recs[0].product_id == "S1"  # the one running shoe not bought yet
    assert recs[0].reason.startswith("you often buy running shoes; 4.6★ from 38 reviews")
    assert "K1" not in [r.product_id for r in recs]


def test_turns_count_as_weak_views(log):
    from chatbot.types import Recommendation, Reply

    log.log_turn("s", "chatty", "any headphones?", Reply("Try these.", recommendations=[Recommendation("E1")]))
    recs = Recommender(CATALOG, log).recommend("chatty", k=2)
    assert recs[0].product_id in {"E1", "E2"}


def test_context_product_pulls_similar(log):
    recs = Recommender(CATALOG, log).recommend(None, k=2, context="E2")
    assert recs[0].product_id == "E1" and "similar to the" in recs[0].reason
    assert "E2" not in [r.product_id for r in recs]


def test_diversity_spreads_categories(log):
    log.log_events([Event("u", pid, "view", "2024-01-01") for pid in ("S1", "S2", "S3", "K1")])
    recs = Recommender(CATALOG, log, diversity=0.7).recommend("u", k=3)
    cats = {next(p.category for p in CATALOG if p.id == r.product_id) for r in recs}
    assert len(cats) >= 2


def test_unknown_constraint_is_an_error():
    with pytest.raises(ValueError, match="unknown constraint"):
        Recommender(CATALOG).recommend(None, constraints={"colour": "red"})


def _random_catalog(rng: random.Random, n=60) -> list[Product]:
    cats, brands, colors = ["Shoes", "Socks", "Coffee & Tea", "Bags"], ["A", "B", "C"], ["red", "blue", "black"]
    out = []
    for i in range(n):
        attrs = {"color": rng.choice(colors)}
        if rng.random() < 0.5:
            attrs["size"] = rng.sample([8, 9, 10, 10.5, 11], k=rng.randint(1, 3))
        out.append(Product(f"X{i}", f"item {i}", brand=rng.choice(brands), category=rng.choice(cats),
                           price=None if rng.random() < 0.1 else round(rng.uniform(5, 300), 2),
                           in_stock=rng.choice([True, False, None]), attributes=attrs,
                           rating=rng.choice([None, 3.5, 4.5]), review_count=rng.randint(0, 50)))
    return out


def _ok(p: Product, c: dict) -> bool:
    """The constraint check written again, plainly, to test the recommender against."""
    if "category" in c and p.category.lower() != c["category"].lower():
        return False
    if "price_min" in c and (p.price is None or p.price < c["price_min"]):
        return False
    if "price_max" in c and (p.price is None or p.price > c["price_max"]):
        return False
    if c.get("in_stock") is True and p.in_stock is not True:
        return False
    for key, want in c.get("attributes", {}).items():
        have = p.attributes.get(key)
        have = have if isinstance(have, list) else [have]
        if not any(str(h).lower() == str(want).lower() or h == want for h in have):
            return False
    return True


def test_constraints_never_violated_property():
    rng = random.Random(7)
    products = _random_catalog(rng)
    log = InteractionLog("sqlite://")
    log.log_events([Event(f"u{rng.randint(0, 9)}", f"X{rng.randint(0, 59)}",
                          rng.choice(["view", "click", "purchase", "add_to_cart"]),
                          f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}") for _ in range(300)])
    rec = Recommender(products, log)
    returned = 0
    for trial in range(300):
        c: dict = {}
        if rng.random() < 0.5:
            c["category"] = rng.choice(["Shoes", "socks", "Coffee & Tea", "Bags", "Nope"])
        if rng.random() < 0.5:
            c["price_min"] = rng.uniform(0, 200)
        if rng.random() < 0.5:
            c["price_max"] = rng.uniform(20, 320)
        if rng.random() < 0.4:
            c["in_stock"] = True
        if rng.random() < 0.4:
            c["attributes"] = {"color": rng.choice(["red", "Blue", "black"])}
            if rng.random() < 0.5:
                c["attributes"]["size"] = rng.choice([9, 10.5, "11"])
        user = rng.choice([f"u{i}" for i in range(12)])
        recs = rec.recommend(user, k=rng.randint(1, 10), constraints=c,
                             context=rng.choice([None, "X3", "X40"]))
        for r in recs:
            product = next(p for p in products if p.id == r.product_id)
            assert _ok(product, c), (trial, c, product)
            assert satisfies(product, c)
        # Nothing that satisfies the constraints is missed when k covers the whole catalog.
        everything = rec.recommend(user, k=100, constraints=c)
        bought = {pid for pid in rec.profile(user).bought
                  if next(p for p in products if p.id == pid).category != "Coffee & Tea"}
        assert {r.product_id for r in everything} == {p.id for p in products if _ok(p, c)} - bought
        returned += len(recs)
    assert returned > 100  # the constraints were not so tight that nothing was ever tested


def test_hit_rate_and_baseline(log):
    log.log_events([Event("a", "S1", "view", "2024-01-01")] * 3 + [Event("b", "E2", "view", "2024-01-01")])
    heldout = [{"user_id": "a", "product_id": "S1"}, ("b", "K1"), {"user_id": "c", "product_id": "E2"}]
    pop = popularity_baseline(CATALOG, log)
    assert pop("anyone", 2) == ["S1", "E2"]
    assert hit_rate(pop, heldout, 2) == pytest.approx(2 / 3)
    assert hit_rate(pop, heldout, 1) == pytest.approx(1 / 3)
    rec = Recommender(CATALOG, log)
    assert 0 <= hit_rate(lambda u, k: rec.recommend(u, k=k), heldout, 5) <= 1
    assert hit_rate(pop, [], 5) == 0.0


def test_recommend_cli_json(tmp_path, monkeypatch, capsys):
    from chatbot.data.catalog import Catalog, ShopDB
    from chatbot.cli import main

    for var in ("SHOPBOT_DB_URL", "SHOPBOT_LOG"):
        monkeypatch.delenv(var, raising=False)
    home = tmp_path / "home"
    db = ShopDB(home / "shop.db")
    conn = db.connect()
    db.upsert(conn, Catalog(products=CATALOG))
    conn.commit()
    db.close()
    InteractionLog(f"sqlite:///{home / 'log.db'}").log_events([Event("u", "S2", "purchase", "2024-01-01")])
    assert main(["--home", str(home), "recommend", "u", "--k", "3", "--json", "--max-price", "130"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 3 and set(rows[0]) == {"product_id", "title", "price", "score", "reason"}
    assert rows[0]["product_id"] == "S1" and all(r["price"] <= 130 for r in rows)
    assert "S2" not in [r["product_id"] for r in rows]
    assert main(["--home", str(home), "recommend", "u", "--k", "2"]) == 0
    assert capsys.readouterr().out.startswith("1. ")
    assert main(["--home", str(tmp_path / "empty"), "recommend", "u"]) == 2  # no catalog yet
