"""Ingest throughput against the bare embedder on the same texts.

    python bench/bench_ingest.py CATALOG_DIR [--reviews 300] [--repeat 3] [--analytics] [--embedder e5-small]

Takes the first products of CATALOG_DIR until about --reviews reviews are covered, then per round
(fresh store each time, the two orders alternating so machine load hits both alike):
  - bare: `embedder.embed_documents` on exactly the texts ingest embeds (the chunks' texts);
  - ingest: `Shop.ingest` of the same subset (parse, validate, chunk, embed, write Chroma + SQLite).
Prints medians: reviews/s, chunks/s, and overhead = ingest time / bare time - 1 (target < 25%).
With --analytics, also ingest with review analytics on (sentiment + aspects: extra work, reported
as its own row, not as overhead).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def subset(folder: Path, reviews_wanted: int, out: Path) -> dict:
    """Write the first products (with all their reviews and Q&A) covering ~reviews_wanted reviews."""
    from eval.data import read_jsonl

    products = read_jsonl(folder / "products.jsonl")
    reviews = read_jsonl(folder / "reviews.jsonl")
    qa = read_jsonl(folder / "product_qa.jsonl")
    by_product: dict[str, int] = {}
    for r in reviews:
        by_product[r["product_id"]] = by_product.get(r["product_id"], 0) + 1
    keep, n = [], 0
    for p in products:
        if n >= reviews_wanted:
            break
        keep.append(p)
        n += by_product.get(p["id"], 0)
    ids = {p["id"] for p in keep}
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in (("products.jsonl", keep), ("reviews.jsonl", [r for r in reviews if r["product_id"] in ids]),
                       ("product_qa.jsonl", [q for q in qa if q["product_id"] in ids])):
        (out / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return {"products": len(keep), "reviews": sum(1 for r in reviews if r["product_id"] in ids)}


def chunk_texts(folder: Path) -> list[str]:
    """The texts ingest embeds for this folder, built the way ingest builds them."""
    from chatbot.data.catalog import ShopDB, read_catalog
    from chatbot.data.chunking import product_chunks

    with tempfile.TemporaryDirectory() as tmp:
        db = ShopDB(Path(tmp) / "shop.db")
        conn = db.connect()
        conn.execute("BEGIN IMMEDIATE")
        db.upsert(conn, read_catalog(folder))
        conn.execute("COMMIT")
        texts = [c.text for p in db.products() for c in product_chunks(p, db.reviews(p.id), db.qa(p.id))]
        db.close()
    return texts


def time_ingest(folder: Path, embedder, analytics: bool) -> tuple[float, int]:
    from chatbot.config import Settings
    from chatbot.data.shop import Shop

    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        shop = Shop(Settings(home=Path(tmp), chroma_url=None), embedder=embedder)
        t = time.perf_counter()
        result = shop.ingest(folder, analytics=analytics, progress=False)
        elapsed = time.perf_counter() - t
        shop.db.close()
    return elapsed, result.chunks


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("catalog", type=Path, help="catalog folder (products.jsonl, reviews.jsonl, product_qa.jsonl)")
    ap.add_argument("--reviews", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--analytics", action="store_true")
    ap.add_argument("--embedder", default="e5-small")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    from chatbot.config import Settings
    from chatbot.data.embed import load_embedder

    embedder = load_embedder(args.embedder, Settings())
    with tempfile.TemporaryDirectory(prefix="bench-ingest-data-") as tmp:
        data = Path(tmp) / "catalog"
        info = subset(args.catalog, args.reviews, data)
        texts = chunk_texts(data)
        embedder.embed_documents(texts[:8])  # warm the engine
        bare, ingest, with_analytics = [], [], []
        for i in range(args.repeat):
            for step in (("bare", "ingest") if i % 2 == 0 else ("ingest", "bare")):
                if step == "bare":
                    t = time.perf_counter()
                    embedder.embed_documents(texts)
                    bare.append(time.perf_counter() - t)
                else:
                    elapsed, n = time_ingest(data, embedder, analytics=False)
                    assert n == len(texts), f"ingest embedded {n} chunks, bare {len(texts)}"
                    ingest.append(elapsed)
            if args.analytics:
                with_analytics.append(time_ingest(data, embedder, analytics=True)[0])
    b, g = statistics.median(bare), statistics.median(ingest)
    result = {"catalog": str(args.catalog), **info, "chunks": len(texts), "repeat": args.repeat,
              "embedder": getattr(embedder, "name", args.embedder),
              "bare_s": round(b, 2), "ingest_s": round(g, 2), "bare_chunks_per_s": round(len(texts) / b, 1),
              "ingest_chunks_per_s": round(len(texts) / g, 1), "ingest_reviews_per_s": round(info["reviews"] / g, 1),
              "overhead": round(g / b - 1, 3), "overhead_target": 0.25,
              "per_round_overhead": [round(x / y - 1, 3) for x, y in zip(ingest, bare)]}
    if with_analytics:
        a = statistics.median(with_analytics)
        result.update(analytics_s=round(a, 2), analytics_reviews_per_s=round(info["reviews"] / a, 1),
                      analytics_extra_vs_ingest=round(a / g - 1, 3))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{info['products']} products, {info['reviews']} reviews, {len(texts)} chunks; medians of {args.repeat}:")
        print(f"  bare embedder  {b:7.2f} s  {len(texts) / b:7.1f} chunks/s")
        print(f"  ingest         {g:7.2f} s  {len(texts) / g:7.1f} chunks/s  {info['reviews'] / g:7.1f} reviews/s")
        print(f"  overhead       {100 * (g / b - 1):6.1f} %  (target < 25 %)")
        if with_analytics:
            print(f"  with analytics {result['analytics_s']:7.2f} s  {result['analytics_reviews_per_s']:7.1f} reviews/s "
                  f"(+{100 * result['analytics_extra_vs_ingest']:.0f} % vs ingest)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
