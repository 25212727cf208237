"""Eval questions with gold answers, one module per question type. Every module adds its rows to
one Builder, which keeps the products already asked about so the set spreads over the catalog."""
from __future__ import annotations

from ..common import Item
from . import facts, followups, opinions, refusals, requests


class Builder:
    def __init__(self, rng, items: list[Item], products: list[dict], reviews: list[dict]):
        self.rng, self.items, self.products = rng, items, products
        self.rec_by_id = {p["id"]: p for p in products}
        self.used: set[str] = set()  # products some question is already about
        self.rows: list[dict] = []
        # (product, aspect) -> polarity counts over the gold labels of the reviews (injections left out)
        self.stats: dict[tuple[str, str], dict[str, int]] = {}
        for r in reviews:
            if r["injection"]:
                continue
            for a in r["aspects"]:
                s = self.stats.setdefault((r["product_id"], a["aspect"]), {"positive": 0, "negative": 0, "neutral": 0})
                s[a["polarity"]] += 1

    def q(self, lang, typ, question, product_ids, answers, must_include=(), must_not_include=(), expect="answer",
          **extra):
        row = {"id": "", "question": question, "lang": lang, "type": typ}
        if "turns" in extra:
            row["turns"] = extra.pop("turns")
        if "context_product_id" in extra:
            row["context_product_id"] = extra.pop("context_product_id")
        row.update({"product_ids": list(product_ids), "answers": list(answers), "must_include": list(must_include),
                    "must_not_include": list(must_not_include), "expect": expect})
        row.update(extra)
        self.rows.append(row)

    def pick(self, pred, n, avoid=None) -> list[Item]:
        pool = [it for it in self.items if pred(it) and (avoid is None or it.id not in avoid)]
        return self.rng.sample(pool, min(n, len(pool)))

    def take(self, pred, n=1) -> list[Item]:
        """n products that pred accepts, new ones first, marked as used."""
        got = self.pick(pred, n, self.used) or self.pick(pred, n)
        for it in got:
            self.used.add(it.id)
        return got


def build_questions(rng, items: list[Item], products: list[dict], reviews: list[dict]) -> list[dict]:
    b = Builder(rng, items, products, reviews)
    # this order is the order of the file and of the random draws
    facts.add_facts(b)
    opinions.add_reviews(b)
    facts.add_compares(b)
    requests.add_recommendations(b)
    refusals.add_unanswerable(b)
    followups.add_followups(b)
    refusals.add_manipulations(b)
    for i, row in enumerate(b.rows, 1):
        row["id"] = f"E{i:03d}"
    return b.rows
