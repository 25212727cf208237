"""Kitchen appliances, one product line after another (data/catalog.json kitchen_lines)."""
from __future__ import annotations

from ..common import CATALOG, Item, cap, en_list, noun, pick_features, price_in

CAT = "kitchen appliances"


def build(rng, titles) -> list[Item]:
    items = []
    for line in CATALOG["kitchen_lines"]:
        sub, label, part, use = line["sub"], line["label"], line["part"], line["use"]
        wlo, whi = line["watts"]
        plo, phi = line["price"]
        for _ in range(line["count"]):
            brand = rng.choice(CATALOG["brands"][CAT])
            model = titles.model(rng, CATALOG["model_words"][CAT], brand, numbered=False)
            watts = rng.randrange(wlo, whi + 1, 50 if whi - wlo <= 100 else 100)
            capacity = rng.choice(line["capacities"])
            dw = rng.random() < line["dishwasher"]
            price = price_in(rng, plo, phi)
            colors = rng.sample(CATALOG["kitchen_colors"], rng.randint(1, 3))
            title = f"{brand} {model} {capacity:g} L {label}"
            attrs = {"type": sub, "wattage": watts, "capacity_l": capacity, "colors": colors, "dishwasher_safe": dw}
            if sub == "kettle":
                attrs["material"] = rng.choice(["stainless steel", "glass"])
            desc = [f"A {watts} W {label.lower()} with a {capacity:g}-liter capacity.", use,
                    f"The {part} is dishwasher safe." if dw else
                    f"The {part} is not dishwasher safe, so wash it by hand."]
            if rng.random() < 0.5:
                desc.append(f"Available in {en_list(colors)}.")
            feats = [f"{watts} W", f"{capacity:g} L capacity",
                     f"Dishwasher-safe {part}" if dw else "Hand-wash only",
                     f"Colors: {', '.join(colors)}"]
            if sub == "kettle":
                feats.append(f"{cap(attrs['material'])} body")
            it = Item(CAT, sub, brand, title, price, rng.random() >= 0.15, attrs, desc,
                      pick_features(rng, feats), noun(f"this {sub}", line["noun_zh"], False))
            it.facts["part"] = part
            items.append(it)
    return items
