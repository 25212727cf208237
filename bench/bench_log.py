"""Benchmark the learning loop on a shop folder (default: the demo shop) and print the numbers.

    python bench/bench_log.py [--data chatbot/data/demo] [--threads 8] [--writes 200] [--json]

1. Recommendations: hit rate at 5 and 10 on heldout.jsonl (each shopper's next purchase, left out
   of interactions.jsonl) for the Recommender, a popularity baseline and a random baseline, in
   the same run over the same log.
2. Log durability: N threads x M writes (a turn and an event each) at once into a fresh SQLite
   file; rows present afterwards, lock errors, elapsed.
3. Churn: ROC-AUC of the churn-risk score against users.jsonl's gold `churned`.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chatbot.loop.insights import log_stats
from chatbot.data.catalog import iter_rows, read_catalog  # noqa: E402
from chatbot.loop.events_io import read_events  # noqa: E402
from chatbot.loop.insights import churn_from_log, roc_auc  # noqa: E402
from chatbot.loop.log import InteractionLog  # noqa: E402
from chatbot.loop.recommend import Recommender, hit_rate, popularity_baseline, random_baseline  # noqa: E402
from chatbot.types import Citation, Event, Reply  # noqa: E402


def load_products(folder: Path):
    """Products with rating and review_count filled from reviews.jsonl, as ShopDB does."""
    catalog = read_catalog(folder)
    stats: dict[str, list[int]] = {}
    for r in catalog.reviews:
        if r.rating is not None:
            stats.setdefault(r.product_id, []).append(r.rating)
    for p in catalog.products:
        ratings = stats.get(p.id, [])
        p.rating = round(sum(ratings) / len(ratings), 2) if ratings else None
        p.review_count = len(ratings)
    return catalog.products


def read_jsonl(path: Path) -> list[dict]:
    return [row for _, row, _ in iter_rows(path) if row] if path.is_file() else []


def bench_recommend(products, log, heldout) -> dict:
    rec = Recommender(products, log)
    no_demotion = Recommender(products, log, seen_factor=1.0)
    systems = {
        "recommender": lambda u, k: rec.recommend(u, k=k),
        "recommender, seen not demoted": lambda u, k: no_demotion.recommend(u, k=k),
        "popularity": popularity_baseline(products, log),
        "popularity, unseen only": popularity_baseline(products, log, unseen=True),
        "random": random_baseline(products, seed=0),
    }
    out = {}
    for name, fn in systems.items():
        t0 = time.perf_counter()
        out[name] = {f"hit@{k}": hit_rate(fn, heldout, k) for k in (5, 10)}
        out[name]["ms_per_user"] = 1000 * (time.perf_counter() - t0) / (2 * max(1, len(heldout)))
    return out


def bench_durability(threads: int, writes: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'log.db'}"
        log = InteractionLog(url)
        errors: list[str] = []
        barrier = threading.Barrier(threads)
        reply = Reply(answer="The Trail Runner is $129.99 and in stock.", citations=[Citation("P1", ["P1:card"])],
                      timings={"ttft_s": 0.3, "total_s": 1.1})

        def work(n: int) -> None:
            barrier.wait()
            for i in range(writes):
                try:
                    log.log_turn(f"s{n}", f"u{n}", f"question {i} from thread {n}", reply)
                    log.log_event(Event(f"u{n}", f"P{i % 50}", "view"))
                except Exception as exc:  # noqa: BLE001 - counted, not hidden
                    errors.append(f"{type(exc).__name__}: {exc}")

        pool = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
        t0 = time.perf_counter()
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        elapsed = time.perf_counter() - t0
        log.close()
        reopened = InteractionLog(url)
        turns, events = log_stats(reopened)["turns"], len(reopened.events())
        reopened.close()
    expected = threads * writes
    return {"threads": threads, "writes_per_thread": writes, "turns": turns, "events": events,
            "expected_each": expected, "lock_errors": sum("locked" in e for e in errors),
            "other_errors": sum("locked" not in e for e in errors), "elapsed_s": round(elapsed, 2),
            "writes_per_s": round(2 * expected / elapsed, 1)}


def bench_churn(log, products, users) -> dict:
    gold = {u["user_id"]: bool(u["churned"]) for u in users if "churned" in u}
    if not gold:
        return {"roc_auc": None, "note": "no users.jsonl with gold `churned`"}
    scores = [s for s in churn_from_log(log, products) if s.user_id in gold]
    return {"roc_auc": round(roc_auc([s.risk for s in scores], [gold[s.user_id] for s in scores]), 4),
            "users": len(scores), "churned": sum(gold[s.user_id] for s in scores)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT / "chatbot" / "data" / "demo"))
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--writes", type=int, default=200)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not (data / "interactions.jsonl").is_file():
        print(f"{data}: no interactions.jsonl; pass --data with a shop folder (FORMAT.md)", file=sys.stderr)
        return 2
    products = load_products(data)
    events = read_events(data / "interactions.jsonl")
    heldout = read_jsonl(data / "heldout.jsonl")
    users = read_jsonl(data / "users.jsonl")
    result: dict = {"data": str(data), "products": len(products), "events": len(events),
                    "heldout": len(heldout)}
    with tempfile.TemporaryDirectory() as tmp:
        log = InteractionLog(f"sqlite:///{Path(tmp) / 'log.db'}")
        t0 = time.perf_counter()
        log.log_events(events)
        result["import_s"] = round(time.perf_counter() - t0, 2)
        result["recommend"] = bench_recommend(products, log, heldout) if heldout else None
        result["churn"] = bench_churn(log, products, users)
        log.close()
    result["durability"] = bench_durability(args.threads, args.writes)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"shop {data}: {len(products)} products, {len(events)} events "
          f"(imported in {result['import_s']} s), {len(heldout)} held-out purchases")
    if result["recommend"]:
        print(f"{'system':<30} {'hit@5':>7} {'hit@10':>7} {'ms/user':>8}")
        for name, r in result["recommend"].items():
            print(f"{name:<30} {r['hit@5']:>7.3f} {r['hit@10']:>7.3f} {r['ms_per_user']:>8.1f}")
    d = result["durability"]
    print(f"log durability: {d['threads']} threads x {d['writes_per_thread']} turns+events: "
          f"{d['turns']}/{d['expected_each']} turns, {d['events']}/{d['expected_each']} events present, "
          f"{d['lock_errors']} lock errors, {d['other_errors']} other errors, {d['elapsed_s']} s "
          f"({d['writes_per_s']} writes/s)")
    c = result["churn"]
    print(f"churn ROC-AUC: {c['roc_auc']:.3f} on {c['users']} shoppers ({c['churned']} churned)"
          if c["roc_auc"] is not None else f"churn: {c['note']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
