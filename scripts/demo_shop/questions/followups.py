"""Follow-up questions (followup): a turn about one product, then a short question about 'it'."""
from __future__ import annotations

from ..common import PHONES, en_list, money, zh_colors


def add_followups(qb) -> None:
    """16 questions (13 en, 3 zh)."""
    def fu(it, question, answer, inc=(), lang="en"):
        turns = [f"Tell me about the {it.title}"] if lang == "en" else [f"介绍一下{it.title}"]
        qb.q(lang, "followup", question, [it.id], [answer], inc, turns=turns)

    for it in qb.take(lambda x: True, 2):
        fu(it, "how much is it?", f"It costs {money(it.price)}.", [money(it.price)])
    for it in qb.take(lambda x: x.cat in ("running shoes", "outdoor jackets", "backpacks"), 3):
        wp = it.attrs["waterproof"]
        fu(it, "and is it waterproof?", "Yes, it's waterproof." if wp else "No, it isn't waterproof.")
    for it in qb.take(lambda x: "blue" in x.attrs.get("colors", []), 1) + qb.take(
            lambda x: "colors" in x.attrs and "blue" not in x.attrs["colors"] and x.cat != "coffee & tea", 2):
        has = "blue" in it.attrs["colors"]
        fu(it, "does it come in blue?", ("Yes, blue is one of the colors." if has else
                                         f"No, it comes in {en_list(it.attrs['colors'])}."))
    for it in qb.take(lambda x: x.cat == "headphones" and x.attrs.get("wireless")):
        fu(it, "how long does the battery last?", f"Up to {it.attrs['battery_hours']} hours per charge.",
           [str(it.attrs["battery_hours"])])
    for it in qb.take(lambda x: not x.in_stock):
        fu(it, "is it in stock?", "No, it's currently out of stock.", ["out of stock"])
    for it in qb.take(lambda x: x.cat == "outdoor jackets"):
        fu(it, "what sizes does it come in?", f"Sizes {it.attrs['sizes'][0]} to {it.attrs['sizes'][-1]}.",
           [it.attrs["sizes"][0], it.attrs["sizes"][-1]])
    for it in qb.take(lambda x: x.cat == "kitchen appliances"):
        dw = it.attrs["dishwasher_safe"]
        part = it.facts["part"]
        fu(it, "is it dishwasher safe?", f"Yes, the {part} is dishwasher safe." if dw else
           f"No, the {part} is not dishwasher safe; wash it by hand.")
    for it in qb.take(lambda x: x.sub == "case"):
        phone = it.attrs["compatible_with"][0]
        other = next(p for p in PHONES if p != phone)
        fu(it, f"will it fit my {other}?", f"No, it's made for the {phone}.")
    for it in qb.take(lambda x: True):
        fu(it, "多少钱？", f"价格是{money(it.price)}。", [f"{it.price:.2f}"], lang="zh")
    for it in qb.take(lambda x: "colors" in x.attrs and x.cat != "coffee & tea"):
        has = "blue" in it.attrs["colors"]
        fu(it, "有蓝色的吗？", "有蓝色。" if has else f"没有蓝色，只有{zh_colors(it.attrs['colors'])}。", lang="zh")
    for it in qb.take(lambda x: x.cat in ("running shoes", "outdoor jackets")):
        fu(it, "防水吗？", "防水。" if it.attrs["waterproof"] else "不防水。", lang="zh")
