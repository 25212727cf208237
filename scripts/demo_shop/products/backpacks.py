"""Backpacks, one product line after another (data/catalog.json backpack_lines)."""
from __future__ import annotations

from ..common import CATALOG, Item, en_list, noun, pick_features, price_in

CAT = "backpacks"


def build(rng, titles) -> list[Item]:
    items = []
    for line in CATALOG["backpack_lines"]:
        sub, label, sleeves, use = line["sub"], line["label"], line["sleeves"], line["use"]
        clo, chi = line["capacity"]
        plo, phi = line["price"]
        for _ in range(line["count"]):
            brand = rng.choice(CATALOG["brands"][CAT])
            model = titles.model(rng, CATALOG["model_words"][CAT], brand, numbered=False)
            capacity = rng.randint(clo, chi)
            if sub == "hiking":
                capacity = 5 * round(capacity / 5)
            wp = True if sub == "roll-top" else rng.random() < (0.25 if sub == "hiking" else 0.2)
            sleeve = rng.choice(sleeves) if sleeves else None
            weight = int(round(capacity * rng.uniform(28, 42), -1))
            price = price_in(rng, plo, phi)
            colors = rng.sample(CATALOG["palette"], rng.randint(2, 4))
            title = f"{brand} {model} {capacity}L {label}"
            attrs = {"type": sub, "capacity_l": capacity, "waterproof": wp}
            if sleeve:
                attrs["laptop_sleeve_in"] = sleeve
            attrs.update({"colors": colors, "weight_g": weight})
            desc = [f"A {capacity}-liter {label.lower()} made for {use}.",
                    "Waterproof fabric and sealed seams keep the contents dry in heavy rain." if wp else
                    "The fabric is water resistant but not waterproof, so use a rain cover in a downpour."]
            if sleeve:
                desc.append(f"A padded sleeve fits laptops up to {sleeve} inches.")
            else:
                desc.append("There is no laptop sleeve; the main compartment has a hydration sleeve instead.")
            if rng.random() < 0.6:
                desc.append(f"It weighs {weight} g empty.")
            feats = [f"{capacity} L capacity", "Waterproof" if wp else "Water-resistant fabric",
                     f"Fits laptops up to {sleeve} in" if sleeve else "Hydration sleeve",
                     f"{weight} g empty", f"Available in {en_list(colors)}"]
            it = Item(CAT, sub, brand, title, price, rng.random() >= 0.15, attrs, desc,
                      pick_features(rng, feats), noun("this backpack", "这个背包", False))
            items.append(it)
    return items
