"""Deterministic synthetic catalog for scale tests: products, reviews and Q&A in the FORMAT.md layout.

    python bench/gen_catalog.py OUT_DIR --chunks 10000 [--reviews-per-product 7] [--qa-per-product 1] [--seed 0]
    python bench/gen_catalog.py OUT_DIR --products 500

Each product becomes 1 card + 1 description + its reviews + its Q&A as shopbot chunks, so
`--chunks N` picks the product count that gives about N chunks. Same arguments, same bytes.
Standard library only.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

CATEGORIES = {
    "running shoes": ("Shoe", ["waterproof", "width", "cushioning", "drop_mm"]),
    "headphones": ("Headphones", ["wireless", "battery_hours", "noise_cancelling"]),
    "coffee & tea": ("Coffee", ["roast", "origin", "weight_g"]),
    "backpacks": ("Backpack", ["volume_l", "waterproof", "laptop_sleeve"]),
    "kitchen appliances": ("Blender", ["watts", "capacity_l", "dishwasher_safe"]),
    "outdoor jackets": ("Jacket", ["waterproof", "insulation", "hood"]),
    "smart home": ("Thermostat", ["wifi", "voice_assistant", "battery_hours"]),
    "toys": ("Building Set", ["pieces", "age_min", "batteries"]),
}
BRANDS = ["Trailhawk", "Nordvale", "Sonara", "Kettle & Co", "Alpenrook", "Hearthly", "Pacelyn", "Brightfold",
          "Larkspur", "Quillon", "Ostara", "Vantor"]
ADJECTIVES = ["Storm", "Swift", "Quiet", "Bold", "Ember", "Drift", "Summit", "Harbor", "Polar", "Vale", "Quarry", "Pulse"]
GOOD = ["works great", "feels sturdy", "excellent value", "comfortable all day", "arrived quickly", "my kids love it"]
BAD = ["broke after a week", "runs half a size small", "battery dies fast", "too noisy", "the zipper stuck", "overpriced"]
QUESTIONS = ["Is it waterproof?", "How long does the battery last?", "Does it come in other colours?",
             "Is it good for beginners?", "What is the warranty?"]


def _value(rng: random.Random, key: str):
    if key in ("waterproof", "wireless", "noise_cancelling", "laptop_sleeve", "dishwasher_safe", "hood", "wifi",
               "voice_assistant", "batteries"):
        return rng.random() < 0.5
    if key in ("width",):
        return rng.choice(["regular", "wide", "narrow"])
    if key in ("roast",):
        return rng.choice(["light", "medium", "dark"])
    if key in ("origin",):
        return rng.choice(["Colombia", "Ethiopia", "Brazil", "Kenya"])
    if key in ("cushioning", "insulation", "voice_assistant"):
        return rng.choice(["low", "medium", "high"])
    return rng.randint(2, 60)


def generate(products: int, reviews_per_product: int = 7, qa_per_product: int = 1, seed: int = 0):
    """Yield (file name, row) pairs in a fixed order."""
    rng = random.Random(seed)
    cats = list(CATEGORIES)
    for i in range(products):
        cat = cats[i % len(cats)]
        noun, keys = CATEGORIES[cat]
        brand, adj = rng.choice(BRANDS), rng.choice(ADJECTIVES)
        pid = f"G{i:07d}"
        attrs = {k: _value(rng, k) for k in keys}
        title = f"{brand} {adj} {rng.randint(1, 9)} {noun}"
        words = [rng.choice(GOOD + BAD + [cat, noun.lower(), brand, adj.lower(), "design", "quality"]) for _ in range(20)]
        yield "products.jsonl", {
            "id": pid, "title": title, "brand": brand, "category": cat, "price": round(rng.uniform(5, 400), 2),
            "currency": "USD", "in_stock": rng.random() > 0.15,
            "description": f"The {title} is a {cat} product by {brand}. " + " ".join(words) + ".",
            "features": [f"{k.replace('_', ' ')}: {v}" for k, v in list(attrs.items())[:2]], "attributes": attrs,
        }
        for j in range(reviews_per_product):
            rating = rng.randint(1, 5)
            phrase = rng.choice(GOOD if rating >= 4 else BAD)
            yield "reviews.jsonl", {"id": f"{pid}-R{j}", "product_id": pid, "rating": rating, "lang": "en",
                                    "text": f"{phrase.capitalize()}; {rng.choice(GOOD + BAD)}. {rng.choice(ADJECTIVES)} {noun.lower()}."}
        for j in range(qa_per_product):
            yield "product_qa.jsonl", {"id": f"{pid}-Q{j}", "product_id": pid, "question": rng.choice(QUESTIONS),
                                       "answer": f"{rng.choice(['Yes', 'No', 'Not sure'])}, {rng.choice(GOOD + BAD)}."}


def write(out: Path, products: int, reviews_per_product: int = 7, qa_per_product: int = 1, seed: int = 0) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    handles = {name: (out / name).open("w", encoding="utf-8") for name in ("products.jsonl", "reviews.jsonl", "product_qa.jsonl")}
    counts = dict.fromkeys(handles, 0)
    try:
        for name, row in generate(products, reviews_per_product, qa_per_product, seed):
            handles[name].write(json.dumps(row, ensure_ascii=False) + "\n")
            counts[name] += 1
    finally:
        for h in handles.values():
            h.close()
    counts["chunks_about"] = products * (2 + reviews_per_product + qa_per_product)
    return counts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    size = ap.add_mutually_exclusive_group(required=True)
    size.add_argument("--products", type=int)
    size.add_argument("--chunks", type=int, help="about this many shopbot chunks")
    ap.add_argument("--reviews-per-product", type=int, default=7)
    ap.add_argument("--qa-per-product", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    per = 2 + args.reviews_per_product + args.qa_per_product
    products = args.products or max(1, round(args.chunks / per))
    counts = write(args.out, products, args.reviews_per_product, args.qa_per_product, args.seed)
    print(json.dumps({"out": str(args.out), **counts}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
