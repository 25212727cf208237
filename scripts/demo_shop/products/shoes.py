"""Running shoes, with the headline request's matches and near misses planted."""
from __future__ import annotations

from ..common import CATALOG, Item, cap, noun, pick_features, price_in

CAT = "running shoes"
# (waterproof, width, price, in_stock): planted so that "waterproof running shoe under
# $120 in wide" has several matches and near misses of every kind.
PLANTED = [
    (True, "wide", 99.99, True), (True, "wide", 114.99, True), (True, "wide", 89.95, True),
    (True, "wide", 119.99, True),
    (True, "wide", 109.99, False),                                 # matches but out of stock
    (True, "wide", 149.99, True), (True, "wide", 134.99, True),    # too expensive
    (False, "wide", 94.99, True), (False, "wide", 79.99, True),    # not waterproof
    (True, "regular", 104.99, True), (True, "regular", 99.0, True),  # regular width only
]
N_RANDOM = 11


def build(rng, titles) -> list[Item]:
    items = []
    for spec in PLANTED + [None] * N_RANDOM:
        terrain = "trail" if rng.random() < 0.4 else "road"
        if spec is None:
            wp = rng.random() < 0.3
            width = "wide" if rng.random() < 0.3 else "regular"
            lo, hi = (64, 159) if terrain == "road" else (74, 179)
            if wp:
                lo, hi = lo + 20, hi + 20
            price = price_in(rng, lo, hi)
            if wp and width == "wide" and price <= 120:  # keep the headline's match set to the planted ones
                price = price_in(rng, 124, 179)
            stock = rng.random() >= 0.15
        else:
            wp, width, price, stock = spec
        brand = rng.choice(CATALOG["brands"][CAT])
        model = titles.model(rng, CATALOG["model_words"][CAT], brand)
        title = f"{brand} {model}{' WP' if wp else ''} {'Trail' if terrain == 'trail' else 'Road'} Running Shoe"
        cushioning = rng.choice(["light", "moderate", "max"])
        drop = rng.choice([0, 4, 6, 8, 10, 12])
        weight = rng.randint(200, 290) if terrain == "road" else rng.randint(250, 340)
        if wp:
            weight += 30
        start = rng.choice([6, 6.5, 7, 7.5, 8])
        end = rng.choice([11.5, 12, 13, 14])
        sizes, v = [], start
        while v <= end:
            if v <= 12 or v == int(v):
                sizes.append(f"{v:g}")
            v += 0.5
        colors = rng.sample(CATALOG["palette"], rng.randint(2, 4))
        attrs = {"terrain": terrain, "waterproof": wp, "width": width, "cushioning": cushioning,
                 "drop_mm": drop, "weight_g": weight, "colors": colors, "sizes": sizes}
        use = rng.choice(["daily training", "tempo runs and long easy miles", "city miles"] if terrain == "road"
                         else ["technical trails", "muddy singletrack", "mixed dirt and gravel"])
        desc = [f"The {title} is a {cushioning}-cushioned {terrain} running shoe built for {use}.",
                "A waterproof membrane keeps your feet dry in rain and puddles." if wp else
                "The breathable mesh upper keeps your feet cool, but it is not waterproof.",
                f"It has a {drop} mm heel-to-toe drop and weighs about {weight} g per shoe (US size 9)."]
        if rng.random() < 0.6:
            desc.append(f"Made in a {width} width, in US sizes {sizes[0]} to {sizes[-1]}.")
        feats = [f"{drop} mm drop", "Waterproof membrane" if wp else "Breathable engineered mesh",
                 f"{cap(width)} width", "Grippy 4 mm lugs" if terrain == "trail" else "Durable rubber outsole",
                 f"{cap(cushioning)} cushioning", f"{weight} g (US 9)"]
        it = Item(CAT, terrain, brand, title, price, stock, attrs, desc, pick_features(rng, feats),
                  noun("these shoes", "这双鞋", True))
        r = rng.random()
        it.facts["fit"] = "small" if r < 0.18 else ("large" if r < 0.28 else "true")
        items.append(it)
    return items
