"""Recommendation mode: hit rate at 5 and 10 on heldout.jsonl (each shopper's next purchase, left
out of interactions.jsonl), for shopbot's Recommender against popularity and random, same log."""
from __future__ import annotations

import time

from .data import read_jsonl


def evaluate(folder, products, log, sentiment: dict | None = None) -> dict:
    """`products`: Product objects with ratings filled (as the shop's database holds them);
    `log`: an InteractionLog that already holds interactions.jsonl."""
    from chatbot.loop.recommend import Recommender, hit_rate, popularity_baseline, random_baseline

    heldout = read_jsonl(folder / "heldout.jsonl")
    products = list(products)
    rec = Recommender(products, log, sentiment=sentiment)
    systems = {
        "shopbot": lambda user, k: rec.recommend(user, k=k),
        "popularity": popularity_baseline(products, log),
        "popularity_unseen": popularity_baseline(products, log, unseen=True),
        "random": random_baseline(products, seed=0),
    }
    out: dict = {"n_users": len(heldout)}
    t0 = time.perf_counter()
    for name, fn in systems.items():
        out[name] = {f"hit_at_{k}": round(hit_rate(fn, heldout, k), 4) for k in (5, 10)}
    out["seconds"] = round(time.perf_counter() - t0, 2)
    return out
