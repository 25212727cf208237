"""Retrieval at scale, and retrieval quality on an eval set.

    python bench/bench_retrieval.py [--sizes 10000 100000] [--with-1m] [--server] [--queries 50] [--keep DIR]
        [--evalset DIR [--split dev] [--limit N] [--store DIR]]

1. Query latency p50/p95 of shopbot's `Retriever.search` (query embedding + Chroma HNSW + title
   match + FTS5 BM25 + card look-up + learned product ranking), whole catalog and on one product
   page, on synthetic catalogs of about N chunks (bench/gen_catalog.py), in the embedded store and
   (--server) through a `chroma run` server on loopback. Chunk vectors are random unit vectors
   written straight into the store: search cost depends on the index size, not on what the vectors
   mean, and embedding 1M texts on 2 cores would take a day. The query is embedded for real; the
   BM25 index is written from the real chunk texts in ingest's batches. Ingest time (store writes +
   BM25 index, no embedding) and resident memory of this process and of the server are printed.
2. With --evalset: hit@1/5, MRR and evidence recall of `shopbot eval DIR --retrieval-only`
   (shopbot and the tutorial baseline) on that set.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval.metrics import percentile  # noqa: E402 - after the path setup

QUERIES = ["waterproof running shoe for wide feet", "does the battery last long", "is it good value for money",
           "quiet blender for smoothies", "which backpack fits a laptop", "dark roast coffee from Ethiopia",
           "jacket with a hood for rain", "does it run small", "thermostat that works with wifi", "building set for kids"]


def build(home: Path, chunks_wanted: int, embedder, seed: int = 0, chroma_url: str | None = None) -> dict:
    """Synthetic catalog -> ShopDB records + chunks with random vectors in a fresh store (embedded
    folder, or the `chroma run` server at `chroma_url`), and the FTS5 BM25 index of their texts:
    ingest's writes, without the embedding."""
    import numpy as np

    from chatbot.data.catalog import ShopDB, read_catalog
    from chatbot.data.chunking import product_chunks
    from chatbot.config import Settings
    from chatbot.data.lexical import Lexicon
    from chatbot.data.store import Store
    from gen_catalog import write

    data = home / "catalog"
    write(data, max(1, chunks_wanted // 10), reviews_per_product=7, qa_per_product=1, seed=seed)
    settings = Settings(home=home, chroma_url=chroma_url)
    db, store = ShopDB(home / "shop.db"), Store(settings, embedder)
    Lexicon(db.connect)
    catalog = read_catalog(data)
    conn = db.connect()
    conn.execute("BEGIN IMMEDIATE")
    db.upsert(conn, catalog)
    conn.execute("COMMIT")
    reviews, qa = {}, {}
    for r in catalog.reviews:
        reviews.setdefault(r.product_id, []).append(r)
    for q in catalog.qa:
        qa.setdefault(q.product_id, []).append(q)
    rng = np.random.default_rng(seed)
    timing = {"store_s": 0.0, "lexicon_s": 0.0}
    n, batch = 0, []
    for p in catalog.products:
        batch += product_chunks(p, reviews.get(p.id, []), qa.get(p.id, []))
        if len(batch) >= 5000:
            n += _put(store, conn, batch, rng, timing)
            batch = []
    n += _put(store, conn, batch, rng, timing)
    return {"chunks": n, "products": len(catalog.products), "store_s": round(timing["store_s"], 1),
            "lexicon_s": round(timing["lexicon_s"], 1), "db": db, "store": store,
            "product_ids": [p.id for p in catalog.products]}


def _put(store, conn, chunks, rng, timing) -> int:
    """One ingest batch: random unit vectors into the store, the texts into the BM25 index."""
    from chatbot.data.lexical import Lexicon

    if not chunks:
        return 0
    v = rng.standard_normal((len(chunks), store.embedder.dim)).astype("float32")
    v /= (v ** 2).sum(axis=1, keepdims=True) ** 0.5
    t = time.perf_counter()
    store.upsert(chunks, v)
    timing["store_s"] += time.perf_counter() - t
    t = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    Lexicon.update(conn, chunks)
    conn.execute("COMMIT")
    timing["lexicon_s"] += time.perf_counter() - t
    return len(chunks)


def _rss_mb(pid: int | None = None) -> float:
    import psutil

    return round(psutil.Process(pid).memory_info().rss / 2**20)


def chroma_server(path: Path):
    """`chroma run` on a free loopback port; (process, url)."""
    import os
    import shutil
    import socket
    import subprocess

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).with_name("chroma")
    proc = subprocess.Popen([str(exe if exe.exists() else shutil.which("chroma")), "run", "--path", str(path),
                             "--host", "127.0.0.1", "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("chroma run did not start")


def reopen(home: Path, embedder) -> dict:
    """A store `build` left in `home` (--keep), with the build's own figures."""
    from chatbot.config import Settings
    from chatbot.data.catalog import ShopDB
    from chatbot.data.store import Store

    built = json.loads((home / BUILT).read_text())
    db = ShopDB(home / "shop.db")
    return {**built, "db": db, "store": Store(Settings(home=home), embedder),
            "product_ids": [pid for (pid,) in db.connect().execute("SELECT id FROM products")]}


BUILT = "bench-build.json"  # in a --keep folder: the build finished, with its figures


def bench_size(chunks_wanted: int, embedder, queries: int, server: bool = False, keep: Path | None = None) -> dict:
    from chatbot.data.search import Retriever

    with tempfile.TemporaryDirectory(prefix="bench-retrieval-") as tmp:
        proc, url = chroma_server(Path(tmp) / "server") if server else (None, None)
        home = keep / str(chunks_wanted) if keep and not server else Path(tmp)
        try:
            if (home / BUILT).exists():
                built = reopen(home, embedder)
            else:
                t0 = time.perf_counter()
                built = build(home, chunks_wanted, embedder, chroma_url=url)
                built["ingest_s"] = time.perf_counter() - t0
                if home != Path(tmp):
                    (home / BUILT).write_text(json.dumps({k: v for k, v in built.items()
                                                          if k not in ("db", "store", "product_ids")}))
            ingest_s = built["ingest_s"]
            retriever = Retriever(built["db"], built["store"], embedder)
            t = time.perf_counter()
            retriever.lexicon()  # opens the index ingest wrote (and checks its size against the store)
            open_s = time.perf_counter() - t
            retriever.search(QUERIES[0])  # warm: title cache, HNSW pages
            rng = random.Random(1)
            whole, page, embed = [], [], []
            for i in range(queries):
                q = QUERIES[i % len(QUERIES)]
                t = time.perf_counter()
                embedder.embed_query(q)
                embed.append(time.perf_counter() - t)
                t = time.perf_counter()
                retriever.search(q, k=6)
                whole.append(time.perf_counter() - t)
                t = time.perf_counter()
                retriever.search(q, k=6, product_id=rng.choice(built["product_ids"]))
                page.append(time.perf_counter() - t)
            memory = {"process_rss_mb": _rss_mb(), "server_rss_mb": _rss_mb(proc.pid) if proc else None}
            built["db"].close()
        finally:
            if proc:
                proc.terminate()
                proc.wait(timeout=60)
    ms = lambda xs, q: round(1000 * percentile(xs, q), 1)  # noqa: E731
    return {"store": "chroma run (HTTP)" if server else "embedded", "chunks": built["chunks"],
            "products": built["products"], "ingest_s": round(ingest_s, 1),
            "ingest_chunks_per_s": round(built["chunks"] / ingest_s),
            "store_write_s": built["store_s"], "bm25_index_s": built["lexicon_s"], "bm25_open_s": round(open_s, 2),
            "whole_p50_ms": ms(whole, 50), "whole_p95_ms": ms(whole, 95),
            "page_p50_ms": ms(page, 50), "page_p95_ms": ms(page, 95),
            "query_embed_p50_ms": ms(embed, 50), **memory,
            "search_share_of_whole_p50": round(1 - statistics.median(embed) / statistics.median(whole), 3)}


def bench_evalset(folder: str, split: str | None, limit: int | None, store: str | None, baseline: bool = True) -> dict:
    from chatbot.config import Settings
    from eval.run import evaluate

    report = evaluate(folder, Settings(), split=split, limit=limit, retrieval_only=True, baseline=baseline,
                      progress=False, store=Path(store) if store else None)
    keys = ("n", "hit_at_1", "hit_at_5", "mrr")
    pick = lambda r: {**{k: r["retrieval"][k] for k in keys}, "evidence_recall_at_5": r["retrieval"]["evidence_recall_at_5"],  # noqa: E731
                      "whole_catalog": r["retrieval"]["whole_catalog"]}
    return {"set": folder, "split": split, "questions": report["n_questions"], "shopbot": pick(report),
            "baseline": pick(report["baseline"]) if baseline else None, "seconds": report["seconds"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000], help="chunk counts (0 values: skip)")
    ap.add_argument("--with-1m", action="store_true", help="also 1,000,000 chunks (long: index build)")
    ap.add_argument("--queries", type=int, default=50)
    ap.add_argument("--server", action="store_true", help="also through a `chroma run` server on loopback")
    ap.add_argument("--embedder", default="e5-small")
    ap.add_argument("--evalset", help="eval-set folder for hit@k / MRR (e.g. the hetpqa-toys set)")
    ap.add_argument("--split")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--store", help="keep/reuse the eval set's store here (skips re-embedding)")
    ap.add_argument("--keep", type=Path, help="build each size's embedded store in KEEP/N once and reuse it "
                                              "(the ingest figures are the first build's)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    from chatbot.config import Settings
    from chatbot.data.embed import load_embedder

    out: dict = {"scale": []}
    sizes = list(args.sizes) + ([1_000_000] if args.with_1m else [])
    if sizes:
        embedder = load_embedder(args.embedder, Settings())
        for n in sizes:
            for server in (False, True) if args.server else (False,):
                row = bench_size(n, embedder, args.queries, server, args.keep)
                out["scale"].append(row)
                if not args.json:
                    print(f"{row['chunks']:>9} chunks, {row['store']}: whole catalog p50 {row['whole_p50_ms']} ms / "
                          f"p95 {row['whole_p95_ms']} ms; product page p50 {row['page_p50_ms']} ms / p95 "
                          f"{row['page_p95_ms']} ms; query embedding p50 {row['query_embed_p50_ms']} ms; ingest "
                          f"{row['ingest_s']} s ({row['ingest_chunks_per_s']} chunks/s without embedding: store "
                          f"{row['store_write_s']} s, BM25 index {row['bm25_index_s']} s); memory: process "
                          f"{row['process_rss_mb']} MB, server {row['server_rss_mb']} MB", flush=True)
    if args.evalset:
        out["evalset"] = bench_evalset(args.evalset, args.split, args.limit, args.store)
        if not args.json:
            e = out["evalset"]
            for name in ("shopbot", "baseline"):
                r = e[name]
                print(f"{name:>9} on {e['questions']} questions: hit@1 {r['hit_at_1']} hit@5 {r['hit_at_5']} MRR {r['mrr']} "
                      f"evidence recall@5 {r['evidence_recall_at_5']}; whole catalog hit@1 {r['whole_catalog']['hit_at_1']} "
                      f"hit@5 {r['whole_catalog']['hit_at_5']} MRR {r['whole_catalog']['mrr']}")
    if args.json:
        print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
