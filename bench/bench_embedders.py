"""Pick the default embedder by measurement: for each preset, ingest throughput and retrieval
hit@5 of the gold product (whole catalog, no product page), split by question language.

    python bench/bench_embedders.py chatbot/data/demo [/path/to/hetpqa-toys --split dev] [--limit N]
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path


def questions(folder: Path, split: str | None, limit: int | None):
    rows = [json.loads(line) for line in (folder / "questions.jsonl").open(encoding="utf-8") if line.strip()]
    rows = [q for q in rows if q.get("product_ids") and (split is None or q.get("split", split) == split)]
    return rows[:limit] if limit else rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--embedders", default="e5-small,minilm")
    ap.add_argument("--split", default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--products-only", action="store_true",
                    help="index product records only (cards and descriptions): a quick product-retrieval probe")
    args = ap.parse_args()

    from chatbot.config import Settings
    from chatbot.data.embed import load_embedder
    from chatbot.data.shop import Shop

    print(f"{'embedder':10} {'set':14} {'chunks/s':>9} {'hit@5 en':>9} {'hit@5 zh':>9} {'n en/zh':>9}")
    for name in args.embedders.split(","):
        embedder = load_embedder(name)
        for folder in args.sets:
            with tempfile.TemporaryDirectory() as home:
                shop = Shop(Settings(home=home), embedder=embedder)
                source = folder
                if args.products_only:
                    source = Path(home) / "catalog"
                    source.mkdir()
                    (source / "products.jsonl").write_bytes((folder / "products.jsonl").read_bytes())
                t = time.perf_counter()
                result = shop.ingest(source, analytics=False, progress=False)
                rate = result.chunks / (time.perf_counter() - t)
                hits = defaultdict(list)
                for q in questions(folder, args.split, args.limit):
                    found = []
                    for h in shop.search(q["question"], k=20):
                        if h.product_id not in found:
                            found.append(h.product_id)
                    hits[q.get("lang", "en")].append(bool(set(found[:5]) & set(q["product_ids"])))
                en, zh = hits.get("en", []), hits.get("zh", [])
                mean = lambda xs: f"{statistics.fmean(xs):.3f}" if xs else "-"
                print(f"{name:10} {folder.name[:14]:14} {rate:9.1f} {mean(en):>9} {mean(zh):>9} {len(en):>4}/{len(zh):<4}", flush=True)


if __name__ == "__main__":
    main()
