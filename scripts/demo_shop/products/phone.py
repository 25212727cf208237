"""Phone accessories: one function per kind, each filling in attributes and returning
(title, price, description, features, noun, hidden facts)."""
from __future__ import annotations

from ..common import CATALOG, PHONES, Item, cap, en_list, noun, pick_features, price_in

CAT = "phone accessories"


def _case(rng, brand, model, attrs):
    phone = rng.choice(PHONES)
    wc = rng.random() < 0.7
    material = rng.choice(["silicone", "TPU", "leather"])
    drop = rng.choice([1.2, 1.8, 2.4, 3.0])
    colors = rng.sample(CATALOG["palette"], rng.randint(2, 4))
    attrs.update({"compatible_with": [phone], "wireless_charging": wc, "colors": colors,
                  "material": material, "drop_protection_m": drop})
    title = f"{brand} {model} {material.title() if material != 'TPU' else 'TPU'} Case for {phone}"
    price = price_in(rng, 12, 39)
    desc = [f"A slim {material} case made for the {phone}.",
            f"It is drop tested from {drop:g} m.",
            "Wireless charging works through the case." if wc else
            "The case is too thick for wireless charging, so remove it to charge wirelessly."]
    feats = [f"Fits {phone}", f"{drop:g} m drop protection", cap(material),
             "Wireless charging compatible" if wc else "Remove for wireless charging",
             f"Colors: {', '.join(colors)}"]
    return title, price, desc, feats, noun("this case", "这个手机壳", False), {}


def _charger(rng, brand, model, attrs):
    out = rng.choice([7.5, 10, 15])
    colors = rng.sample(["black", "white", "grey", "navy"], rng.randint(1, 2))
    attrs.update({"compatible_with": ["any Qi-compatible phone"], "wireless_charging": True,
                  "output_w": out, "colors": colors})
    title = f"{brand} {model} {out:g}W Wireless Charging Pad"
    price = price_in(rng, 19, 59)
    desc = [f"A {out:g} W wireless charging pad for any Qi-compatible phone.",
            "Lay the phone down and it starts charging; a soft light shows the status.",
            f"Comes in {en_list(colors)}."]
    feats = [f"{out:g} W output", "Qi wireless charging", "Non-slip top", f"Colors: {', '.join(colors)}"]
    return title, price, desc, feats, noun("this charger", "这个无线充电器", False), {}


def _power_bank(rng, brand, model, attrs):
    mah = rng.choice([5000, 10000, 20000, 26800])
    out = rng.choice([18, 20, 30, 45, 65])
    wc = rng.random() < 0.4
    colors = rng.sample(["black", "white", "grey", "blue", "pink"], rng.randint(1, 3))
    weight = int(mah * 0.018) + rng.randint(10, 40)
    compat = ["any USB-C phone"] + (["any Qi-compatible phone"] if wc else [])
    attrs.update({"compatible_with": compat, "wireless_charging": wc, "capacity_mah": mah,
                  "output_w": out, "colors": colors, "weight_g": weight})
    title = f"{brand} {model} {mah:,} mAh Power Bank" + (" with Wireless Charging" if wc else "")
    price = price_in(rng, 20 + mah // 1000, 40 + mah // 500)
    desc = [f"A {mah:,} mAh power bank with up to {out} W USB-C output.",
            "It also has a wireless charging pad on top." if wc else
            "It charges over USB-C cables only; there is no wireless charging.",
            f"It weighs {weight} g."]
    feats = [f"{mah:,} mAh", f"{out} W USB-C output", "Wireless charging pad" if wc else "Wired charging only",
             f"{weight} g", f"Colors: {', '.join(colors)}"]
    # K: full phone charges it gives (65% efficiency, a 4000 mAh phone); reviews repeat it
    facts = {"K": max(1, round(mah * 0.65 / 4000))}
    return title, price, desc, feats, noun("this power bank", "这个充电宝", False), facts


def _cable(rng, brand, model, attrs):
    length = rng.choice([1, 1.5, 2, 3])
    out = rng.choice([60, 100])
    colors = rng.sample(["black", "white", "grey", "red", "blue"], rng.randint(1, 3))
    attrs.update({"compatible_with": ["any USB-C phone"], "wireless_charging": False,
                  "length_m": length, "output_w": out, "colors": colors})
    title = f"{brand} {model} USB-C to USB-C Cable, {length:g} m"
    price = price_in(rng, 9, 24)
    desc = [f"A braided {length:g} m USB-C to USB-C cable rated for {out} W.",
            "It charges phones, tablets and most laptops."]
    feats = [f"{length:g} m", f"{out} W rated", "Braided jacket", f"Colors: {', '.join(colors)}"]
    return title, price, desc, feats, noun("this cable", "这根数据线", False), {}


def _car_mount(rng, brand, model, attrs):
    wc = rng.random() < 0.5
    colors = rng.sample(["black", "grey", "silver"], rng.randint(1, 2))
    attrs.update({"compatible_with": list(PHONES), "wireless_charging": wc, "colors": colors})
    title = f"{brand} {model} Car Mount" + (" with Wireless Charging" if wc else "")
    price = price_in(rng, 19 + (15 if wc else 0), 34 + (15 if wc else 0))
    desc = ["A dashboard and vent car mount with adjustable clamps that fit every Lumio, Vextra and Orbin phone.",
            "It charges the phone wirelessly while you drive." if wc else "It holds the phone but does not charge it."]
    feats = ["Vent and dash mounting", "One-hand release", "Wireless charging" if wc else "No charging",
             f"Colors: {', '.join(colors)}"]
    return title, price, desc, feats, noun("this mount", "这个车载支架", False), {}


def _screen_protector(rng, brand, model, attrs):
    phone = rng.choice(PHONES)
    attrs.update({"compatible_with": [phone], "wireless_charging": False, "colors": ["clear"],
                  "pack_count": rng.choice([1, 2, 3])})
    title = f"{brand} {model} Tempered Glass Screen Protector for {phone}, {attrs['pack_count']}-Pack"
    price = price_in(rng, 9, 19)
    desc = [f"Tempered glass screen protectors for the {phone}, {attrs['pack_count']} in the box.",
            "An alignment frame helps apply it without bubbles."]
    feats = [f"Fits {phone}", "Tempered glass", f"{attrs['pack_count']}-pack", "Alignment frame"]
    return title, price, desc, feats, noun("this screen protector", "这个钢化膜", False), {}


KINDS = {"case": _case, "wireless charger": _charger, "power bank": _power_bank, "cable": _cable,
         "car mount": _car_mount, "screen protector": _screen_protector}


def build(rng, titles) -> list[Item]:
    items = []
    for line in CATALOG["phone_lines"]:
        sub = line["sub"]
        for _ in range(line["count"]):
            brand = rng.choice(CATALOG["brands"][CAT])
            model = titles.model(rng, CATALOG["model_words"][CAT], brand, numbered=False)
            attrs = {"type": sub}
            title, price, desc, feats, nn, facts = KINDS[sub](rng, brand, model, attrs)
            it = Item(CAT, sub, brand, title, price, rng.random() >= 0.15, attrs, desc,
                      pick_features(rng, feats), nn)
            it.facts.update(facts)
            items.append(it)
    return items
