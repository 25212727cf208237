"""Headphones and earbuds, one product line after another (data/catalog.json headphone_lines)."""
from __future__ import annotations

from ..common import CATALOG, Item, cap, en_list, noun, pick_features, price_in

CAT = "headphones"


def build(rng, titles) -> list[Item]:
    items = []
    for line in CATALOG["headphone_lines"]:
        sub, label, form, wireless, nc = line["sub"], line["label"], line["form"], line["wireless"], line["nc"]
        plo, phi = line["price"]
        wlo, whi = line["weight"]
        for _ in range(line["count"]):
            brand = rng.choice(CATALOG["brands"][CAT])
            model = titles.model(rng, CATALOG["model_words"][CAT], brand)
            has_nc = (rng.random() < 0.5) if nc is None else nc  # nc null: the line has both
            price = price_in(rng, plo + (30 if has_nc and nc is None else 0), phi + (30 if has_nc and nc is None else 0))
            lab = label
            if has_nc and sub in ("on-ear", "earbuds"):
                lab = label.replace("True Wireless", "Noise Cancelling").replace("On-Ear", "Noise Cancelling On-Ear")
            title = f"{brand} {model} {lab}"
            water = rng.choice(line["water"])
            weight = rng.randint(wlo, whi)
            colors = rng.sample(CATALOG["palette"], rng.randint(2, 4))
            attrs = {"form": form, "wireless": wireless}
            hours = None
            if wireless:
                lo, hi = line["battery"]
                hours = rng.choice(range(lo, hi + 1, 5)) if hi >= 20 else rng.randint(lo, hi)
                attrs["battery_hours"] = hours
            attrs.update({"noise_cancelling": has_nc, "water_resistance": water, "colors": colors, "weight_g": weight})
            kind = "earbuds" if form == "in-ear" and wireless else "headphones"
            desc = [f"{cap(form)} {'wireless' if wireless else 'wired'} {kind} tuned for {CATALOG['headphone_use'][sub]}."]
            if has_nc:
                desc.append("Active noise cancelling cuts engine hum and office chatter.")
            elif wireless:
                desc.append("There is no active noise cancelling; the fit gives passive isolation only.")
            else:
                desc.append("A simple wired connection means no charging and no pairing.")
            if hours:
                desc.append(f"The battery is rated for up to {hours} hours of playback per charge.")
            if water != "none":
                desc.append(f"Rated {water} against sweat and splashes.")
            feats = ["Bluetooth wireless" if wireless else "3.5 mm wired connection"]
            if hours:
                feats.append(f"Up to {hours} h battery")
            if has_nc:
                feats.append("Active noise cancelling")
            if water != "none":
                feats.append(f"{water} water resistance")
            feats += [f"Weighs {weight} g" + (" per earbud" if kind == "earbuds" else ""),
                      f"Comes in {en_list(colors)}"]
            it = Item(CAT, sub, brand, title, price, rng.random() >= 0.15, attrs, desc[:4],
                      pick_features(rng, feats),
                      noun("these earbuds" if kind == "earbuds" else "these headphones", "这副耳机", True))
            items.append(it)
    return items
