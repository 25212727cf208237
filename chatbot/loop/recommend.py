"""Recommendations: profile fit + review quality + popularity, hard constraints, MMR diversity.

score = (FIT_FLOOR + fit) x prior [x SEEN_FACTOR] [x OUT_OF_STOCK_FACTOR], each part in 0..1:
fit, weighted by `FIT_WEIGHTS`: how well the product matches this shopper
- category: the shopper's share of interest in the product's category (over their top category);
- attributes: mean share of the product's brand/attribute values in the shopper's interest;
- price: 1 inside the shopper's p25-p75 price band, decaying with the distance outside it;
- embedding: cosine of the product vector with the profile's mean vector (when vectors are given);
- context: similarity to the product page the shopper is on, when given;
prior, weighted by `PRIOR_WEIGHTS`: how good a pick it is for anyone
- popularity: log(1 + events on the product), over the most popular;
- rating: the Bayesian-smoothed mean rating, (C*m + n*r) / (C + n), m the shop-wide mean and C
  the median review count, so 5.0 from 1 review does not beat 4.6 from 38;
- sentiment: the share of positive reviews (from analytics), when known.
A shopper with no history (cold start) is ranked by the prior alone. Products the shopper already
looked at without buying, and products out of stock, are demoted (factors below), not removed.

`constraints` are filters, not weights: a product that breaks one is never returned. Products the
shopper bought are left out unless their category is consumable (`DEFAULT_CONSUMABLES`).
The top of the ranking is then diversified with MMR over category/brand (or vectors).
"""
from __future__ import annotations

import math
import random
import statistics
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np

from chatbot.constraints import satisfies
from chatbot.loop.profile import HALF_LIFE_DAYS, Profile, attribute_keys, load_profile
from chatbot.types import Product, Recommendation

DEFAULT_CONSUMABLES = frozenset({
    "coffee & tea", "coffee", "tea", "grocery", "groceries", "food", "snacks", "beverages",
    "pet food", "vitamins & supplements", "supplements", "household supplies", "personal care",
})
# fit: how well the product matches this shopper; prior: how good/popular it is for anyone.
FIT_WEIGHTS = {"category": 0.45, "attributes": 0.10, "price": 0.25, "embedding": 0.15, "context": 0.40}
PRIOR_WEIGHTS = {"popularity": 0.45, "rating": 0.40, "sentiment": 0.15}
FIT_FLOOR = 0.1  # outside the shopper's interests a product can still surface on its prior alone
# Recommendations are for discovery: a product the shopper already looked at (and did not buy) is
# one click away in their history, and each look that did not end in a purchase is a soft "no".
SEEN_FACTOR = 0.5
OUT_OF_STOCK_FACTOR = 0.5  # still shown when nothing else fits, but what can be bought today first


def mmr(relevance: Sequence[float], similarity, k: int, diversity: float = 0.3) -> list[int]:
    """Maximal Marginal Relevance, KeyBERT-style: indices of `k` items, most relevant first, each
    next one maximising (1 - diversity) * relevance - diversity * (max similarity to those picked)."""
    rel = np.asarray(relevance, dtype=float)
    sim = np.asarray(similarity, dtype=float)
    if not len(rel) or k <= 0:
        return []
    picked = [int(np.argmax(rel))]
    left = [i for i in range(len(rel)) if i != picked[0]]
    while left and len(picked) < k:
        gains = (1 - diversity) * rel[left] - diversity * sim[np.ix_(left, picked)].max(axis=1)
        picked.append(left.pop(int(np.argmax(gains))))
    return picked


def is_consumable(category: str, consumables: Iterable[str] = DEFAULT_CONSUMABLES) -> bool:
    parts = {p.strip().lower() for p in category.replace(">", "/").split("/")} | {category.strip().lower()}
    return bool(parts & {c.lower() for c in consumables})


def _label(category: str) -> str:
    return category.replace(">", "/").split("/")[-1].strip().lower()


class Recommender:
    def __init__(self, products: Iterable[Product] | Mapping[str, Product], log=None,
                 sentiment: Mapping[str, float] | None = None,
                 product_vectors: Mapping[str, Sequence[float]] | None = None, *,
                 consumables: Iterable[str] = DEFAULT_CONSUMABLES, half_life_days: float = HALF_LIFE_DAYS,
                 weights: Mapping[str, float] | None = None, diversity: float = 0.2, pool: int = 50,
                 seen_factor: float = SEEN_FACTOR, out_of_stock_factor: float = OUT_OF_STOCK_FACTOR):
        items = products.values() if isinstance(products, Mapping) else products
        self.products = {p.id: p for p in items}
        self.log, self.sentiment = log, dict(sentiment or {})
        self.vectors = None
        if product_vectors:
            self.vectors = {pid: np.asarray(v, float) / (np.linalg.norm(v) or 1.0)
                            for pid, v in product_vectors.items()}
        self.consumables, self.half_life_days = frozenset(consumables), half_life_days
        weights = dict(weights or {})
        if set(weights) - set(FIT_WEIGHTS) - set(PRIOR_WEIGHTS):
            raise ValueError(f"unknown weights {sorted(set(weights) - set(FIT_WEIGHTS) - set(PRIOR_WEIGHTS))}")
        self.fit_weights = {k: weights.get(k, w) for k, w in FIT_WEIGHTS.items()}
        self.prior_weights = {k: weights.get(k, w) for k, w in PRIOR_WEIGHTS.items()}
        self.diversity, self.pool = diversity, pool
        self.seen_factor, self.out_of_stock_factor = seen_factor, out_of_stock_factor
        rated = [p for p in self.products.values() if p.rating is not None and p.review_count]
        n_reviews = sum(p.review_count for p in rated)
        self.prior_mean = sum(p.rating * p.review_count for p in rated) / n_reviews if n_reviews else 4.0
        self.prior_n = statistics.median(p.review_count for p in rated) if rated else 5.0
        # Products without a sentiment figure get the shop's mean: neither helped nor hurt.
        self.sentiment_mean = statistics.fmean(self.sentiment.values()) if self.sentiment else 0.5
        self._pop: dict[str, float] | None = None

    # ---------------------------------------------------------------- parts of the score
    def rating(self, p: Product) -> float:
        """Bayesian-smoothed mean rating, 1..5."""
        n = p.review_count if p.rating is not None else 0
        return (self.prior_n * self.prior_mean + n * (p.rating or 0.0)) / (self.prior_n + n)

    @property
    def popularity(self) -> dict[str, float]:
        """log(1 + events) per product over the maximum: 0..1. Computed once per Recommender."""
        if self._pop is None:
            counts = self.log.product_counts() if self.log is not None else {}
            top = math.log1p(max(counts.values(), default=0)) or 1.0
            self._pop = {pid: math.log1p(n) / top for pid, n in counts.items()}
        return self._pop

    def profile(self, user_id: str) -> Profile:
        if self.log is None:
            return Profile(user_id=user_id)
        return load_profile(self.log, user_id, self.products, half_life_days=self.half_life_days,
                            vectors=self.vectors)

    def _parts(self, p: Product, prof: Profile, ctx: Product | None) -> dict[str, float]:
        parts = {"rating": (self.rating(p) - 1) / 4, "popularity": self.popularity.get(p.id, 0.0),
                 "sentiment": self.sentiment.get(p.id, self.sentiment_mean)}
        if prof.cold and ctx is None:
            return parts
        if not prof.cold:
            top_cat = max(prof.categories.values(), default=0.0) or 1.0
            parts["category"] = prof.categories.get(p.category, 0.0) / top_cat
            keys = attribute_keys(p)
            parts["attributes"] = sum(prof.attributes.get(k, 0.0) for k in keys) / len(keys) if keys else 0.0
            if prof.price_band and p.price is not None:
                low, high = prof.price_band
                gap = max(low - p.price, p.price - high, 0.0)
                parts["price"] = math.exp(-gap / max(high - low, 0.25 * (low + high) / 2, 1e-9))
            if prof.embedding is not None and self.vectors and p.id in self.vectors:
                parts["embedding"] = max(0.0, float(np.dot(prof.embedding, self.vectors[p.id])))
        if ctx is not None:
            parts["context"] = self._similarity(p, ctx)
        return parts

    def _similarity(self, a: Product, b: Product) -> float:
        if self.vectors and a.id in self.vectors and b.id in self.vectors:
            return max(0.0, float(np.dot(self.vectors[a.id], self.vectors[b.id])))
        same_cat = bool(a.category) and a.category == b.category
        same_brand = bool(a.brand) and a.brand.lower() == b.brand.lower()
        return 0.7 * same_cat + 0.3 * same_brand

    def _reason(self, p: Product, parts: dict[str, float], prof: Profile, ctx: Product | None) -> str:
        said: list[str] = []
        label = _label(p.category) if p.category else ""
        if ctx is not None and parts.get("context", 0) >= 0.5:
            said.append(f"similar to the {ctx.name} you are looking at")
        if p.id in prof.bought:
            said.append("time to restock? you bought this before")
        elif label and prof.bought_categories.get(p.category, 0) >= 2:
            said.append(f"you often buy {label}")
        elif label and prof.bought_categories.get(p.category):
            said.append(f"you bought {label} before")
        elif p.id in prof.seen:
            said.append("you looked at this before")
        elif label and parts.get("category", 0) >= 0.5:
            said.append(f"you have been looking at {label}")
        if p.rating is not None and p.review_count:
            said.append(f"{p.rating:.1f}★ from {p.review_count} review{'s' * (p.review_count != 1)}")
        elif p.id in self.sentiment:
            said.append(f"{round(100 * self.sentiment[p.id])}% of reviews positive")
        if parts.get("price", 0) >= 0.999:
            said.append("in your usual price range")
        if prof.cold and parts["popularity"] >= 0.5:
            said.insert(0, "popular with shoppers")
        return "; ".join(said[:3]) or "popular with shoppers"

    # ---------------------------------------------------------------- ranking
    def recommend(self, user_id: str | None, k: int = 5, context: str | Mapping | None = None,
                  constraints: Mapping[str, Any] | None = None, exclude: Iterable[str] = ()) -> list[Recommendation]:
        """Top-k products for the shopper. `context`: the product id (or {"product_id": ...}) of the
        page they are on. `constraints`: category, brand, price_min, price_max, in_stock,
        attributes {key: value or [values]}; never broken."""
        prof = self.profile(user_id) if user_id else Profile(user_id="")
        ctx_id = context.get("product_id") if isinstance(context, Mapping) else context
        ctx = self.products.get(ctx_id) if ctx_id else None
        skip = set(exclude) | ({ctx.id} if ctx else set())
        skip |= {pid for pid in prof.bought
                 if pid in self.products and not is_consumable(self.products[pid].category, self.consumables)}
        seen = set(prof.seen) - set(prof.bought)
        scored = []
        for p in self.products.values():
            if p.id in skip or not satisfies(p, constraints):
                continue
            parts = self._parts(p, prof, ctx)
            prior = sum(w * parts[name] for name, w in self.prior_weights.items())
            fit = sum(w * parts[name] for name, w in self.fit_weights.items() if name in parts)
            # Multiplied, not added: among the shopper's kind of products the popular and
            # well-reviewed come first, and a bestseller from a category they never touch does not
            # outrank them. A cold-start shopper has no fit, so the prior alone ranks.
            score = prior if prof.cold and ctx is None else (FIT_FLOOR + fit) * prior
            if p.id in seen:
                score *= self.seen_factor
            if p.in_stock is False:
                score *= self.out_of_stock_factor
            scored.append((score, p.id, parts))
        scored.sort(key=lambda t: (-t[0], t[1]))
        pool = scored[: max(self.pool, 3 * k)]
        if not pool:
            return []
        prods = [self.products[pid] for _, pid, _ in pool]
        rel = np.array([s for s, _, _ in pool])
        rel = (rel - rel.min()) / (np.ptp(rel) or 1.0)  # MMR trades relevance against similarity 0..1
        sim = np.array([[self._similarity(a, b) for b in prods] for a in prods])
        out = []
        for i in mmr(rel, sim, k, self.diversity):
            score, pid, parts = pool[i]
            p = self.products[pid]
            out.append(Recommendation(product_id=pid, title=p.title, price=p.price, in_stock=p.in_stock,
                                      rating=p.rating, score=round(float(score), 4),
                                      reason=self._reason(p, parts, prof, ctx)))
        return out


def hit_rate(recommender_fn: Callable[[str, int], Sequence], heldout: Iterable, k: int) -> float:
    """Share of held-out (user_id, product_id) pairs whose product is in the user's top k.
    `recommender_fn(user_id, k)` returns product ids or Recommendations; rows are dicts or pairs."""
    hits = total = 0
    for row in heldout:
        user_id, product_id = (row["user_id"], row["product_id"]) if isinstance(row, Mapping) else row
        recs = recommender_fn(user_id, k)
        ids = [r.product_id if isinstance(r, Recommendation) else r for r in recs][:k]
        hits += product_id in ids
        total += 1
    return hits / total if total else 0.0


def popularity_baseline(products: Iterable[Product], log, unseen: bool = False) -> Callable[[str, int], list[str]]:
    """Most events first: the same list for everyone, or with `unseen`, leaving out the products
    each shopper already has events on (the fairer baseline for discovery)."""
    counts = log.product_counts()
    ranked = sorted((p.id for p in products), key=lambda pid: (-counts.get(pid, 0), pid))
    if not unseen:
        return lambda user_id, k: ranked[:k]

    def fn(user_id: str, k: int) -> list[str]:
        seen = {e.product_id for e in log.events(user_id)}
        return [pid for pid in ranked if pid not in seen][:k]
    return fn


def random_baseline(products: Iterable[Product], seed: int = 0) -> Callable[[str, int], list[str]]:
    ids = sorted(p.id for p in products)
    rng = random.Random(seed)
    return lambda user_id, k: rng.sample(ids, min(k, len(ids)))
