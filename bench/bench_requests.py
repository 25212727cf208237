"""Cost of reading a shopping request against a big catalog: `constraints.parse` plus the
`satisfies` filter over every product, as the chat's route runs them on a message naming no product.

    python bench/bench_requests.py [--sizes 1000 10000 100000] [--rounds 3]

Catalogs come from bench/gen_catalog.py (same seed, same products). For each size, prints the
first request (each product's record read for the first time) and the later ones (records
already read) in ms a request, and the later cost per 1,000 products: the ratio that should stay
flat as the catalog grows (it is linear in products, not worse).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.gen_catalog import generate  # noqa: E402 - after the path setup
from chatbot import constraints as cons  # noqa: E402
from chatbot.types import Product  # noqa: E402

REQUESTS = ["waterproof backpack under $80 with at least 20 l", "wireless headphones with a battery over 30 hours, not black",
            "a building set for a 7-year-old under 40 dollars", "a thermostat with wifi", "I'm after a warm jacket with a hood"]


def products(n: int) -> list[Product]:
    fields = set(Product.__dataclass_fields__)
    return [Product(**{k: v for k, v in row.items() if k in fields}) for name, row in generate(n, 0, 0) if name == "products.jsonl"]


def one(catalog: list[Product], request: str) -> float:
    start = time.perf_counter()
    wanted = cons.parse(request, catalog).to_dict()  # as the request stage hands it to the recommender
    [p for p in catalog if cons.satisfies(p, wanted)]
    return time.perf_counter() - start


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rows = []
    for n in args.sizes:
        catalog = products(n)
        first = one(catalog, REQUESTS[0])
        later = [one(catalog, r) for _ in range(args.rounds) for r in REQUESTS]
        p50 = statistics.median(later)
        rows.append({"products": n, "first_ms": round(first * 1000, 1), "later_p50_ms": round(p50 * 1000, 1),
                     "later_ms_per_1000_products": round(p50 * 1000 / n * 1000, 2)})
        print(f"{n:>7} products: first request {first * 1000:8.1f} ms, later p50 {p50 * 1000:7.1f} ms "
              f"({p50 * 1e6 / n:.2f} ms per 1,000 products)", file=sys.stderr, flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
