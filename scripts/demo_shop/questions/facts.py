"""Questions answered from the product record: price, stock and attributes of one product (fact)
and the difference between two (compare)."""
from __future__ import annotations

from ..common import cap, money


def add_facts(qb) -> None:
    """32 questions (27 en, 5 zh); some ask about 'this' product on its page (context_product_id)."""
    for it in qb.take(lambda x: True, 7):
        qb.q("en", "fact", f"How much is the {it.title}?", [it.id], [f"The {it.title} costs {money(it.price)}."],
             [money(it.price)])
    for it in qb.take(lambda x: x.in_stock, 2) + qb.take(lambda x: not x.in_stock, 2):
        qb.q("en", "fact", f"Is the {it.title} in stock?", [it.id],
             [f"Yes, the {it.title} is in stock." if it.in_stock else f"No, the {it.title} is currently out of stock."],
             [] if it.in_stock else ["out of stock"], ["out of stock"] if it.in_stock else [])
    attr_facts = [
        ("running shoes", lambda a: True, lambda t, a: (f"What is the heel drop of the {t}?",
                                                        f"The {t} has a {a['drop_mm']} mm heel drop.", [str(a["drop_mm"])])),
        ("headphones", lambda a: a.get("wireless"), lambda t, a: (
            f"What's the battery life of the {t}?", f"Up to {a['battery_hours']} hours per charge.", [str(a["battery_hours"])])),
        ("headphones", lambda a: a["water_resistance"] != "none", lambda t, a: (
            f"What water resistance rating does the {t} have?", f"It is rated {a['water_resistance']}.", [a["water_resistance"]])),
        ("coffee & tea", lambda a: a["type"] == "tea", lambda t, a: (
            f"Where does the {t} come from?", f"It comes from {a['origin']}.", [a["origin"].split(" (")[0]])),
        ("coffee & tea", lambda a: a["type"] == "coffee", lambda t, a: (
            f"What does the {t} taste like?", f"Notes of {a['tasting_notes'][0]} and {a['tasting_notes'][1]}.",
            list(a["tasting_notes"]))),
        ("backpacks", lambda a: "laptop_sleeve_in" in a, lambda t, a: (
            f"What size laptop fits in the {t}?", f"Laptops up to {a['laptop_sleeve_in']} inches.", [str(a["laptop_sleeve_in"])])),
        ("kitchen appliances", lambda a: True, lambda t, a: (f"What is the wattage of the {t}?", f"{a['wattage']} W.",
                                                             [str(a["wattage"])])),
        ("phone accessories", lambda a: "output_w" in a, lambda t, a: (
            f"What is the maximum output of the {t}?", f"Up to {a['output_w']:g} W.", [f"{a['output_w']:g}"])),
        ("outdoor jackets", lambda a: a["insulation"] in ("down", "synthetic"), lambda t, a: (
            f"What kind of insulation does the {t} have?", f"{cap(a['insulation'])} insulation.", [a["insulation"]])),
        ("smart home", lambda a: True, lambda t, a: (f"How does the {t} connect?", f"It connects over {a['connectivity']}.",
                                                     [a["connectivity"].split(" + ")[0]])),
        ("running shoes", lambda a: True, lambda t, a: (
            f"Is the {t} waterproof?", f"{'Yes' if a['waterproof'] else 'No'}, the {t} is "
                                       f"{'waterproof' if a['waterproof'] else 'not waterproof'}.", [])),
    ]
    for cat, ok, make in attr_facts:
        for it in qb.take(lambda x: x.cat == cat and ok(x.attrs)):
            question, answer, inc = make(it.title, it.attrs)
            qb.q("en", "fact", question, [it.id], [answer], inc)
    for it in qb.take(lambda x: True, 2):
        qb.q("en", "fact", qb.rng.choice(["How much is this?", "What does this cost?"]), [it.id],
             [f"It costs {money(it.price)}."], [money(it.price)], context_product_id=it.id)
    for it in qb.take(lambda x: x.cat == "headphones" and x.attrs.get("wireless")):
        qb.q("en", "fact", "What's the battery life on this one?", [it.id],
             [f"Up to {it.attrs['battery_hours']} hours per charge."], [str(it.attrs["battery_hours"])], context_product_id=it.id)
    for it in qb.take(lambda x: x.cat == "backpacks"):
        qb.q("en", "fact", "How many liters does this hold?", [it.id], [f"{it.attrs['capacity_l']} liters."],
             [str(it.attrs["capacity_l"])], context_product_id=it.id)
    for it in qb.take(lambda x: x.cat == "outdoor jackets"):
        wp = it.attrs["waterproof"]
        qb.q("en", "fact", "Is this waterproof?", [it.id], ["Yes, it is waterproof." if wp else "No, it is not waterproof."],
             [], context_product_id=it.id)
    for it in qb.take(lambda x: True, 2):
        qb.q("zh", "fact", f"{it.title}多少钱？", [it.id], [f"{it.title}的价格是{money(it.price)}。"], [f"{it.price:.2f}"])
    for it in qb.take(lambda x: not x.in_stock):
        qb.q("zh", "fact", f"{it.title}有货吗？", [it.id], [f"{it.title}目前缺货。"], [])
    for it in qb.take(lambda x: x.cat == "headphones" and x.attrs.get("wireless")):
        qb.q("zh", "fact", "这款耳机的续航是多少小时？", [it.id], [f"官方标称最长{it.attrs['battery_hours']}小时。"],
             [str(it.attrs["battery_hours"])], context_product_id=it.id)
    for it in qb.take(lambda x: x.cat == "kitchen appliances"):
        qb.q("zh", "fact", f"{it.title}的容量是多少？", [it.id], [f"容量是{it.attrs['capacity_l']:g}升。"],
             [f"{it.attrs['capacity_l']:g}"])


def add_compares(qb) -> None:
    """10 questions (9 en, 1 zh), each about two products of a category whose asked-about value differs."""
    def pair(pred, key, same_sub=True):
        pool = [it for it in qb.items if pred(it) and it.id not in qb.used]
        for _ in range(200):
            a, b = qb.rng.sample(pool, 2)
            if (a.sub == b.sub or not same_sub) and key(a) != key(b):
                qb.used.update([a.id, b.id])
                return a, b
        raise RuntimeError("no pair")

    for cat in ["running shoes", "backpacks", "outdoor jackets"]:
        a, b = pair(lambda x, c=cat: x.cat == c, lambda x: x.price)
        lo = min(a, b, key=lambda x: x.price)
        qb.q("en", "compare", f"Which is cheaper, the {a.title} or the {b.title}?", [a.id, b.id],
             [f"The {lo.title} is cheaper at {money(lo.price)} (vs {money(max(a.price, b.price))})."], [money(lo.price)])
    for _ in range(2):
        a, b = pair(lambda x: x.cat == "headphones" and x.attrs.get("wireless"), lambda x: x.attrs["battery_hours"])
        hi = max(a, b, key=lambda x: x.attrs["battery_hours"])
        qb.q("en", "compare", f"Which has longer battery life: the {a.title} or the {b.title}?", [a.id, b.id],
             [f"The {hi.title}, rated up to {hi.attrs['battery_hours']} hours."], [str(hi.attrs["battery_hours"])])
    a, b = pair(lambda x: x.cat == "running shoes", lambda x: x.attrs["weight_g"])
    lt = min(a, b, key=lambda x: x.attrs["weight_g"])
    qb.q("en", "compare", f"Which is lighter, the {a.title} or the {b.title}?", [a.id, b.id],
         [f"The {lt.title} at about {lt.attrs['weight_g']} g per shoe."], [str(lt.attrs["weight_g"])])
    a, b = pair(lambda x: x.cat == "kitchen appliances", lambda x: x.attrs["capacity_l"])
    big = max(a, b, key=lambda x: x.attrs["capacity_l"])
    qb.q("en", "compare", f"Which holds more, the {a.title} or the {b.title}?", [a.id, b.id],
         [f"The {big.title}, with {big.attrs['capacity_l']:g} liters."], [f"{big.attrs['capacity_l']:g}"])
    a, b = pair(lambda x: x.cat == "outdoor jackets", lambda x: x.attrs["waterproof"], same_sub=False)
    wp = a if a.attrs["waterproof"] else b
    qb.q("en", "compare", f"I need something for rain: the {a.title} or the {b.title}?", [a.id, b.id],
         [f"The {wp.title}; it is waterproof and the other one is not."], [])
    a, b = pair(lambda x: x.cat == "smart home", lambda x: x.price)
    lo = min(a, b, key=lambda x: x.price)
    qb.q("en", "compare", f"What's the price difference between the {a.title} and the {b.title}?", [a.id, b.id],
         [f"{money(a.price)} vs {money(b.price)}, a difference of {money(abs(a.price - b.price))}."],
         [money(a.price), money(b.price)])
    a, b = pair(lambda x: x.cat == "headphones", lambda x: x.price)
    lo = min(a, b, key=lambda x: x.price)
    qb.q("zh", "compare", f"{a.title}和{b.title}哪个便宜？", [a.id, b.id],
         [f"{lo.title}更便宜，价格是{money(lo.price)}。"], [f"{lo.price:.2f}"])
