"""Hidden quality profiles: how often reviews mention each aspect of a product and how likely a
mention is positive, so per-product verdicts are consistent (and some repeat concrete facts)."""
from __future__ import annotations

from .common import CATEGORIES, Item, clamp, vocab

REVIEWS = vocab("reviews")
BASE_WEIGHTS: dict[str, dict[str, float]] = REVIEWS["base_weights"]
SHOP_WIDE = tuple(REVIEWS["shop_wide"])  # aspects about the shop, not the product


def eligible(it: Item, aspect: str) -> bool:
    """Whether reviews of this product can talk about the aspect (no battery on a wired headset)."""
    a = it.attrs
    if aspect == "waterproofing":
        return bool(a.get("waterproof"))
    if aspect == "battery":
        return ("battery_hours" in a and it.cat in ("headphones", "smart home")) or it.sub == "power bank"
    if aspect == "noise":
        return it.cat == "kitchen appliances" or (it.cat == "headphones" and a.get("noise_cancelling"))
    if aspect == "sound":
        return it.cat == "headphones" or it.sub == "smart speaker"
    if aspect == "setup":
        if it.cat == "headphones":
            return bool(a.get("wireless"))
        if it.cat == "phone accessories":
            return it.sub in ("car mount", "screen protector")
    if aspect == "fit" and it.cat == "phone accessories":
        return it.sub in ("case", "car mount", "screen protector")
    if aspect == "leaks":
        return it.sub in ("kettle", "blender", "coffee maker")
    return True


def assign_profiles(rng, items: list[Item]) -> None:
    for c in CATEGORIES:
        group = [it for it in items if it.cat == c]
        prices = sorted(it.price for it in group)
        median = prices[len(prices) // 2]
        for it in group:
            it.pop = min(12.0, rng.paretovariate(1.3))
            base = rng.betavariate(4, 2)
            it.facts["base"] = base
            for aspect, w in BASE_WEIGHTS[c].items():
                if not eligible(it, aspect):
                    continue
                it.weights[aspect] = w
                if aspect == "shipping":
                    q = clamp(0.75 + rng.gauss(0, 0.08))
                elif aspect == "customer service":
                    q = clamp(0.6 + rng.gauss(0, 0.15))
                elif aspect == "price":
                    q = clamp(base + 0.6 * (median - it.price) / median + rng.gauss(0, 0.1))
                else:
                    q = clamp(base + rng.gauss(0, 0.18))
                it.q[aspect] = q
            # a signature aspect with a strong, consistent verdict
            if rng.random() < 0.5:
                own = [a for a in it.weights if a not in SHOP_WIDE]
                sig = rng.choice(own)
                it.q[sig] = rng.choice([0.06, 0.08, 0.92, 0.94])
                it.weights[sig] *= 2.5
                it.facts["signature"] = sig
            if it.facts.get("fit") in ("small", "large"):
                it.weights["fit"] *= 2.5
            # concrete numbers that reviews keep repeating
            if it.cat == "headphones" and "battery_hours" in it.attrs:
                claim = it.attrs["battery_hours"]
                it.facts["batt"] = "hi" if it.q["battery"] >= 0.5 else "lo"
                it.facts["H"] = claim if it.facts["batt"] == "hi" else max(2, round(claim * 0.55))
            if it.sub == "power bank":
                it.facts["batt"] = "hi" if it.q["battery"] >= 0.5 else "lo"
                if it.facts["batt"] == "lo":
                    it.facts["K"] = max(1, round(it.facts["K"] * 0.5))
            if it.cat == "smart home":
                it.facts["setup"] = "hi" if it.q["setup"] >= 0.5 else "lo"
                it.facts["m"] = rng.randint(5, 12) if it.facts["setup"] == "hi" else rng.choice([40, 45, 50, 60, 75])
