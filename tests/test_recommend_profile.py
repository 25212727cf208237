"""Profiles: the action and recency weights, worked by hand; the cache."""
from __future__ import annotations

import pytest

from chatbot.loop.log import InteractionLog
from chatbot.loop.profile import Profile, build_profile, load_profile, product_weights, weighted_quantiles
from chatbot.types import Event, Product

PRODUCTS = {
    "A": Product("A", "Trail Runner", brand="Acme", category="Running Shoes", price=100.0,
                 attributes={"color": "Blue"}),
    "B": Product("B", "Wool Socks", brand="Sox", category="Socks", price=10.0, attributes={"color": "blue"}),
    "C": Product("C", "Rain Jacket", brand="Acme", category="Jackets", price=80.0),
}
T = "2024-06-30T12:00:00Z"
T_30 = "2024-05-31T12:00:00Z"  # 30 days (one half-life) before T
T_60 = "2024-05-01T12:00:00Z"

EVENTS = [
    Event("u", "A", "purchase", T),      # 5   x 1    = 5
    Event("u", "B", "view", T_30),       # 1   x 0.5  = 0.5
    Event("u", "A", "click", T_60),      # 1.5 x 0.25 = 0.375
    Event("u", "C", "view", T_30),       # 1   x 0.5  = 0.5 ...
    Event("u", "C", "feedback", T, value=-1),  # ... - 1 = -0.5: floored to 0, C drops out
]


def test_weights_by_action_and_half_life():
    assert product_weights(EVENTS) == pytest.approx({"A": 5.375, "B": 0.5, "C": -0.5})
    # A chat turn that cited B 30 days before the latest signal: a weak view, 0.5 x 0.5.
    assert product_weights(EVENTS, [(T_30, ["B"])])["B"] == pytest.approx(0.75)
    # Half-life is a parameter: with 60 days, B's view decays to 2 ** -0.5.
    assert product_weights(EVENTS, half_life_days=60)["B"] == pytest.approx(2 ** -0.5)


def test_profile_shares_by_hand():
    p = build_profile("u", EVENTS, PRODUCTS)
    total = 5.375 + 0.5
    assert p.categories == pytest.approx({"Running Shoes": 5.375 / total, "Socks": 0.5 / total})
    assert p.attributes == pytest.approx({"brand=acme": 5.375 / total, "brand=sox": 0.5 / total,
                                          "color=blue": 1.0})  # "Blue" and "blue" are one value
    assert p.seen == ["A", "B", "C"]
    assert p.bought == ["A"] and p.bought_categories == {"Running Shoes": 1}
    assert p.counts == {"purchase": 1, "view": 2, "click": 1, "feedback": 1}
    assert p.last_active == T and not p.cold
    # Weighted quantiles, midpoint rule: prices [10, 100] at CDF points [0.25/W, (W - 2.6875)/W].
    lo_cdf, hi_cdf = 0.25 / total, (total - 5.375 / 2) / total
    assert p.price_band == pytest.approx((round(10 + (0.25 - lo_cdf) / (hi_cdf - lo_cdf) * 90, 2), 100.0))


def test_profile_shares_do_not_depend_on_the_clock():
    shifted = [Event(e.user_id, e.product_id, e.action, e.ts.replace("2024", "2020"), value=e.value) for e in EVENTS]
    assert build_profile("u", shifted, PRODUCTS).categories == build_profile("u", EVENTS, PRODUCTS).categories


def test_embedding_is_weighted_mean():
    vectors = {"A": [1.0, 0.0], "B": [0.0, 1.0], "C": [1.0, 1.0]}
    p = build_profile("u", EVENTS, PRODUCTS, vectors=vectors)
    norm = (5.375 ** 2 + 0.5 ** 2) ** 0.5
    assert p.embedding == pytest.approx([5.375 / norm, 0.5 / norm])


def test_weighted_quantiles_single_value():
    assert weighted_quantiles([42.0], [3.0], (0.25, 0.75)) == [42.0, 42.0]


def test_empty_profile_is_cold():
    p = build_profile("nobody", [], PRODUCTS)
    assert p.cold and p.price_band is None and p.last_active is None


def test_load_profile_cache_follows_new_events(tmp_path):
    log = InteractionLog(f"sqlite:///{tmp_path / 'log.db'}")
    log.log_events(EVENTS)
    first = load_profile(log, "u", PRODUCTS)
    assert Profile.from_dict(log.get_profile("u")[0]) == first
    assert load_profile(log, "u", PRODUCTS) == first  # from the cache
    log.log_event(Event("u", "C", "purchase", T))
    updated = load_profile(log, "u", PRODUCTS)
    assert "Jackets" in updated.categories and updated.bought == ["A", "C"]
