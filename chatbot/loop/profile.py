"""Shopper profiles: what a shopper likes, built from their events and chat turns.

Each event adds `ACTION_WEIGHTS[action] x 0.5 ** (age_days / half_life_days)` to its product
(feedback counts with the sign of its value; a product the bot cited or recommended in a chat turn
adds `TURN_WEIGHT`, a weak view). A product's weight is floored at zero, so a thumbs-down cancels
interest but never becomes "anti-interest" that would hide a whole category. From the product
weights come category and attribute shares (each the fraction of the total weight), the price
band (weighted 25th-75th percentile of engaged prices) and, when product vectors are given, an
embedding (the weighted mean vector).

Ages are measured from the shopper's own latest activity, not from the clock: every share is a
ratio of weights, and a common time shift multiplies all weights alike, so a profile never goes
stale by itself; it changes only when a new event or turn arrives. That is what makes caching
cheap and exact: `load_profile` keeps the built profile in the log's `profiles` table under a key
of the user's newest event and turn ids (plus the parameters), and rebuilds it from that user's
rows (an indexed read of tens to hundreds of rows) when the key differs. We chose rebuilding over
incremental updates because quantiles and floored weights do not update incrementally.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Iterable, Mapping, Sequence

import numpy as np

from chatbot.types import Event, Product

ACTION_WEIGHTS = {"purchase": 5.0, "add_to_cart": 3.0, "click": 1.5, "view": 1.0, "review": 2.0, "feedback": 1.0}
TURN_WEIGHT = 0.5  # a product the bot brought up: the shopper saw it but did not pick it
HALF_LIFE_DAYS = 30.0


@dataclass
class Profile:
    user_id: str
    categories: dict[str, float] = field(default_factory=dict)  # category -> share of weight
    attributes: dict[str, float] = field(default_factory=dict)  # "brand=Acme", "color=red" -> share
    price_band: tuple[float, float] | None = None  # weighted p25-p75 of engaged prices
    embedding: list[float] | None = None  # weighted mean product vector, unit length
    bought: list[str] = field(default_factory=list)  # product ids purchased, oldest first
    seen: list[str] = field(default_factory=list)  # product ids with any event, first seen first
    bought_categories: dict[str, int] = field(default_factory=dict)
    last_active: str | None = None
    counts: dict[str, int] = field(default_factory=dict)  # events per action, plus "turns"

    @property
    def cold(self) -> bool:
        """No signal to personalise on."""
        return not self.categories and not self.seen

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Profile":
        data = dict(data)
        if data.get("price_band") is not None:
            data["price_band"] = tuple(data["price_band"])
        return cls(**data)


def attribute_keys(product: Product) -> list[str]:
    """The "key=value" strings a product is described by: brand and short scalar attributes."""
    keys = [f"brand={product.brand.strip().lower()}"] if product.brand else []
    for key, value in (product.attributes or {}).items():
        for v in value if isinstance(value, list) else [value]:
            # Long free text ("material: 80% cotton, 20% ...") never repeats across products.
            if isinstance(v, (str, int, float, bool)) and len(str(v)) <= 40:
                keys.append(f"{key.strip().lower()}={str(v).strip().lower()}")
    return keys


def weighted_quantiles(values: Sequence[float], weights: Sequence[float], qs: Sequence[float]) -> list[float]:
    """Quantiles of `values` where each counts `weight` times (interpolated on the weight CDF)."""
    order = np.argsort(values)
    v = np.asarray(values, dtype=float)[order]
    w = np.asarray(weights, dtype=float)[order]
    cdf = (np.cumsum(w) - 0.5 * w) / w.sum()  # midpoint rule: one value -> every quantile is it
    return [float(np.interp(q, cdf, v)) for q in qs]


def _days(later: datetime, earlier: datetime) -> float:
    return max(0.0, (later - earlier).total_seconds() / 86400.0)


def _when(ts: str | None) -> datetime | None:
    from chatbot.loop.log import parse_ts

    return parse_ts(ts) if ts else None


def product_weights(events: Iterable[Event], turn_products: Iterable[tuple[str, list[str]]] = (),
                    half_life_days: float = HALF_LIFE_DAYS) -> dict[str, float]:
    """Decayed, signed weight per product (before flooring), ages from the latest signal."""
    signals: list[tuple[datetime | None, str, float]] = []
    for e in events:
        w = ACTION_WEIGHTS.get(e.action, 0.0)
        if e.action == "feedback" and e.value is not None and e.value < 0:
            w = -w
        signals.append((_when(e.ts), e.product_id, w))
    for ts, ids in turn_products:
        signals += [(_when(ts), pid, TURN_WEIGHT) for pid in ids]
    stamps = [t for t, _, _ in signals if t is not None]
    latest = max(stamps) if stamps else None
    weights: dict[str, float] = {}
    for t, pid, w in signals:
        decay = 0.5 ** (_days(latest, t) / half_life_days) if t is not None and latest else 1.0
        weights[pid] = weights.get(pid, 0.0) + w * decay
    return weights


def build_profile(user_id: str, events: Sequence[Event], products: Mapping[str, Product],
                  turn_products: Sequence[tuple[str, list[str]]] = (), *,
                  half_life_days: float = HALF_LIFE_DAYS,
                  vectors: Mapping[str, Sequence[float]] | None = None) -> Profile:
    """A profile from one user's events (and chat turns) over the catalog `products` (id -> Product)."""
    raw = product_weights(events, turn_products, half_life_days)
    weights = {pid: w for pid, w in raw.items() if w > 0 and pid in products}
    total = sum(weights.values())
    profile = Profile(user_id=user_id)
    profile.seen = list(dict.fromkeys(e.product_id for e in events))
    for e in events:
        profile.counts[e.action] = profile.counts.get(e.action, 0) + 1
        if e.action == "purchase" and e.product_id not in profile.bought:
            profile.bought.append(e.product_id)
            category = products[e.product_id].category if e.product_id in products else ""
            profile.bought_categories[category] = profile.bought_categories.get(category, 0) + 1
    if turn_products:
        profile.counts["turns"] = len(turn_products)
    stamps = [ts for ts in [e.ts for e in events] + [ts for ts, _ in turn_products] if ts]
    profile.last_active = max(stamps, key=_when) if stamps else None
    if not total:
        return profile
    for pid, w in weights.items():
        p = products[pid]
        if p.category:
            profile.categories[p.category] = profile.categories.get(p.category, 0.0) + w / total
        for key in set(attribute_keys(p)):
            profile.attributes[key] = profile.attributes.get(key, 0.0) + w / total
    priced = [(products[pid].price, w) for pid, w in weights.items() if products[pid].price is not None]
    if priced:
        low, high = weighted_quantiles([p for p, _ in priced], [w for _, w in priced], (0.25, 0.75))
        profile.price_band = (round(low, 2), round(high, 2))
    if vectors:
        have = [(np.asarray(vectors[pid], dtype=float), w) for pid, w in weights.items() if pid in vectors]
        if have:
            mean = sum(v * w for v, w in have) / sum(w for _, w in have)
            norm = float(np.linalg.norm(mean))
            profile.embedding = (mean / norm).tolist() if norm else None
    return profile


def load_profile(log, user_id: str, products: Mapping[str, Product], *,
                 half_life_days: float = HALF_LIFE_DAYS,
                 vectors: Mapping[str, Sequence[float]] | None = None, cache: bool = True) -> Profile:
    """The user's profile from the log, served from the `profiles` cache when still current."""
    key = f"{log.marks(user_id)}|hl={half_life_days}|n={len(products)}|v={len(vectors or ())}"
    if cache:
        cached = log.get_profile(user_id)
        if cached and cached[1] == key:
            return Profile.from_dict(cached[0])
    profile = build_profile(user_id, log.events(user_id), products, log.turn_products(user_id),
                            half_life_days=half_life_days, vectors=vectors)
    if cache:
        log.put_profile(user_id, profile.to_dict(), key)
    return profile
