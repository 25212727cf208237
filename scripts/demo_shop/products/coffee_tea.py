"""Coffee (14 bags) and tea (one per data/catalog.json tea_kinds row)."""
from __future__ import annotations

from ..common import CATALOG, Item, cap, noun, pick_features, price_in

CAT = "coffee & tea"
N_COFFEE = 14
# bag size (g) -> price range, before the organic mark-up
COFFEE_PRICES = {250: (10, 16), 340: (12, 19), 454: (14, 22), 1000: (28, 42)}
TEA_PRICES = {40: (6, 9), 50: (7, 11), 60: (8, 12), 100: (10, 17), 250: (17, 28)}


def build(rng, titles) -> list[Item]:
    brands = CATALOG["brands"][CAT]
    items = []
    for _ in range(N_COFFEE):
        brand = rng.choice(brands[:2] + brands[3:])  # Leafmere sells tea only
        word = titles.model(rng, CATALOG["model_words"]["coffee"], brand, numbered=False)
        roast = rng.choice(list(CATALOG["roast_notes"]))
        origin = rng.choice(CATALOG["coffee_origins"])
        form = rng.choice(["whole bean", "ground"])
        weight = rng.choice([250, 340, 454, 1000])
        decaf = rng.random() < 0.2
        organic = rng.random() < 0.4
        notes = rng.sample(CATALOG["roast_notes"][roast], 2)
        lo, hi = COFFEE_PRICES[weight]
        price = price_in(rng, lo + 2 * organic, hi + 2 * organic)
        title = (f"{brand} {word} {'Decaf ' if decaf else ''}{origin} {roast.title()} Roast Coffee, "
                 f"{form.title()} {weight} g")
        attrs = {"type": "coffee", "form": form, "roast": roast, "origin": origin, "weight_g": weight,
                 "caffeine": "decaf" if decaf else "regular", "organic": organic, "tasting_notes": notes}
        desc = [f"A {roast} roast coffee from {origin}, sold {form} in a {weight} g bag.",
                f"Expect notes of {notes[0]} and {notes[1]}."]
        if decaf:
            desc.append("This is a decaf coffee, so it works for an evening cup.")
        if organic:
            desc.append("Grown and processed to organic standards.")
        elif rng.random() < 0.5:
            desc.append("The bag is resealable to keep the coffee fresh.")
        feats = [f"{cap(roast)} roast", f"Origin: {origin}", cap(form), f"{weight} g bag",
                 f"Notes of {notes[0]} and {notes[1]}"]
        if decaf:
            feats.insert(0, "Decaf")
        if organic:
            feats.insert(0, "Organic")
        it = Item(CAT, "coffee", brand, title, price, rng.random() >= 0.15, attrs, desc,
                  pick_features(rng, feats) if len(feats) <= 5 else feats[:2] + pick_features(rng, feats[2:])[:3],
                  noun("this coffee", "这款咖啡", False))
        it.facts["notes"] = notes
        items.append(it)
    for kind in CATALOG["tea_kinds"]:
        word_t, caffeine = kind["word"], kind["caffeine"]
        brand = rng.choice(brands[2:])
        word = titles.model(rng, CATALOG["model_words"]["tea"], brand, numbered=False)
        origin = rng.choice(kind["origins"])
        form = rng.choice(["loose leaf", "tea bags"])
        weight = rng.choice([50, 100, 250]) if form == "loose leaf" else rng.choice([40, 60])
        organic = rng.random() < 0.5
        notes = rng.sample(kind["notes"], 2)
        lo, hi = TEA_PRICES[weight]
        price = price_in(rng, lo + organic, hi + organic)
        title = f"{brand} {word} {word_t} Tea, {form.title()} {weight} g"
        attrs = {"type": "tea", "tea_type": kind["tea_type"], "form": form, "origin": origin, "weight_g": weight,
                 "caffeine": caffeine, "organic": organic, "tasting_notes": notes}
        desc = [f"A {word_t.lower()} tea from {origin}, packed as {form} ({weight} g).",
                f"It brews a cup with notes of {notes[0]} and {notes[1]}."]
        if caffeine == "decaf":
            desc.append("It is an herbal infusion with no caffeine.")
        if organic:
            desc.append("Grown to organic standards.")
        feats = [f"{word_t} tea", f"Origin: {origin}", cap(form), f"{weight} g",
                 "Caffeine-free" if caffeine == "decaf" else "Contains caffeine"]
        if organic:
            feats.append("Organic")
        it = Item(CAT, "tea", brand, title, price, rng.random() >= 0.15, attrs, desc,
                  pick_features(rng, feats), noun("this tea", "这款茶", False))
        it.facts["notes"] = notes
        items.append(it)
    return items
