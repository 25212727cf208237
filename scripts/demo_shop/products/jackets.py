"""Outdoor jackets, one product line after another (data/catalog.json jacket_lines)."""
from __future__ import annotations

from ..common import CATALOG, Item, en_list, noun, pick_features, price_in

CAT = "outdoor jackets"
ALL_SIZES = ["XS", "S", "M", "L", "XL", "XXL"]
INSULATION_FEATURE = {"none": "No insulation", "down": "Down insulation", "synthetic": "Synthetic insulation",
                      "fleece": "Fleece warmth"}


def build(rng, titles) -> list[Item]:
    items = []
    for line in CATALOG["jacket_lines"]:
        sub, label, wp, ins = line["sub"], line["label"], line["waterproof"], line["insulation"]
        plo, phi = line["price"]
        wlo, whi = line["weight"]
        for _ in range(line["count"]):
            brand = rng.choice(CATALOG["brands"][CAT])
            model = titles.model(rng, CATALOG["model_words"][CAT], brand, numbered=False)
            sizes = ALL_SIZES[rng.randint(0, 1): rng.randint(5, 6)]
            colors = rng.sample(CATALOG["palette"], rng.randint(2, 4))
            hood = rng.random() < line["hood"]
            weight = int(round(rng.randint(wlo, whi), -1))
            price = price_in(rng, plo, phi)
            title = f"{brand} {model} {label}"
            attrs = {"type": sub, "waterproof": wp, "insulation": ins, "hood": hood, "sizes": sizes,
                     "colors": colors, "weight_g": weight}
            desc = [line["first"]]
            if not wp:
                desc.append("It sheds a light drizzle but is not waterproof." if sub == "softshell" else
                            "It is not waterproof, so pair it with a shell in real rain.")
            desc.append(f"Available in sizes {sizes[0]} to {sizes[-1]} and in {en_list(colors)}.")
            desc.append("It has an adjustable hood." if hood else "It has no hood.")
            feats = ["Waterproof, taped seams" if wp else "Not waterproof", INSULATION_FEATURE[ins],
                     "Adjustable hood" if hood else "No hood", f"Sizes {sizes[0]}-{sizes[-1]}", f"{weight} g"]
            it = Item(CAT, sub, brand, title, price, rng.random() >= 0.15, attrs, desc,
                      pick_features(rng, feats), noun("this jacket", "这件夹克", False))
            r = rng.random()
            it.facts["fit"] = "small" if r < 0.14 else ("large" if r < 0.26 else "true")
            items.append(it)
    return items
