"""Fit the retrieval's ranking weights (chatbot/data/fusion.json) on an eval set's train split.

    python -m eval.fit_fusion /work/shared/evalsets/hetpqa-toys --store /tmp/rt/store-hetpqa

Two logistic regressions, fitted on `train` questions only:
- the chunk model: does a chunk hold a gold evidence line? (features ranking.CHUNK_FEATURES), on
  the chunks the product page's index search returns;
- the product model: is a candidate product the gold one? (ranking.PRODUCT_FEATURES, which include
  the chunk model's relevance), on whole-catalog candidates.
Variants (regularisation, evidence chunks per product) are compared on `dev`; the best is written
with its train and dev figures and this command. `test` is never read here.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

PAGE_DEPTH = 60  # chunks of the page per question (search(k=20, product_id) reranks 3 x 20)


def _collect(shop, questions, progress: bool):
    """Per question: page candidates, whole-catalog candidates, and which evidence each chunk holds."""
    from tqdm import tqdm

    from eval.metrics import evidence_found

    retriever, rows = shop.retriever, []
    for q in tqdm(questions, desc="candidates", unit="q", disable=not progress):
        query = " ".join(q.turns + [q.question])
        vector = shop.embedder.embed_query(query)
        page = []
        if q.context_product_id:
            hits = shop.store.query(vector, PAGE_DEPTH, {"product_id": q.context_product_id})
            page = retriever.page_candidates(query, hits)
        whole, _ = retriever.whole_catalog(query, vector)
        found = {}
        for c in page + whole:
            if c.hit.chunk.id not in found:
                found[c.hit.chunk.id] = {i for i, e in enumerate(q.evidence) if evidence_found(e, [c.hit.chunk.text])}
        rows.append({"q": q, "page": page, "whole": whole, "found": found})
    return rows


def _recall(row, cands, k=5):
    if not row["q"].evidence:
        return None
    got = set().union(*(row["found"][c.hit.chunk.id] for c in cands[:k])) if cands else set()
    return len(got) / len(row["q"].evidence)


def _mean(values):
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 4) if values else None


def _fit(X, y, C):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, max_iter=2000, class_weight="balanced")
    model.fit(X, y)
    return [float(w) for w in model.coef_[0]], float(model.intercept_[0])


def _chunk_data(rows):
    from chatbot.data.ranking import chunk_features

    X, y = [], []
    for row in rows:
        for c in row["page"]:
            X.append(chunk_features(c))
            y.append(int(bool(row["found"][c.hit.chunk.id])))
    return X, y


def _product_data(rows, fusion):
    from chatbot.data.ranking import product_features

    X, y = [], []
    for row in rows:
        fusion.rank_chunks(row["whole"])
        for pid, f in product_features(row["whole"]).items():
            X.append(f)
            y.append(int(pid in row["q"].product_ids))
    return X, y


def _score(rows, fusion):
    """Page evidence recall@5, whole-catalog product hit@1/@5 and evidence recall@5, as the eval
    measures them (the same layout of 20 chunks)."""
    page, hit1, hit5, whole, found = [], [], [], [], []
    for row in rows:
        q = row["q"]
        if row["page"]:
            page.append(_recall(row, fusion.rank_chunks(row["page"])))
        cands = fusion.rank_chunks(row["whole"])
        products = fusion.rank_products(cands)
        laid = fusion.layout(cands, products, 20)
        ranked = list(dict.fromkeys(c.product_id for c in laid))
        rank = next((i for i, p in enumerate(ranked, 1) if p in q.product_ids), None)
        found.append(float(any(p in q.product_ids for p, _ in products)))
        hit1.append(float(rank == 1))
        hit5.append(float(rank is not None and rank <= 5))
        whole.append(_recall(row, laid))
    return {"page_evidence_recall_at_5": _mean(page), "whole_hit_at_1": _mean(hit1),
            "whole_hit_at_5": _mean(hit5), "whole_evidence_recall_at_5": _mean(whole),
            "whole_gold_among_candidates": _mean(found)}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.fit_fusion", description=__doc__.split("\n")[0])
    p.add_argument("dir", type=Path)
    p.add_argument("--store", type=Path, required=True, help="eval store folder (reused: ingest once)")
    p.add_argument("--embedder", default=None)
    p.add_argument("--out", type=Path, default=None, help="default: chatbot/data/fusion.json")
    p.add_argument("--limit", type=int, help="first N questions of each split (a quick try)")
    p.add_argument("--cache", type=Path, help="keep the candidates here (pickle) and reuse them next run")
    p.add_argument("--quiet", action="store_true")
    args = p.parse_args(argv)

    from chatbot.config import Settings
    from chatbot.data import ranking
    from chatbot.data.shop import Shop
    from eval import data

    started = time.perf_counter()
    settings = Settings().with_(home=args.store, chroma_url=None, db_url=None)
    if args.embedder:
        settings = settings.with_(embedder=args.embedder)
    shop = Shop(settings)
    shop.ingest(args.dir, analytics=False, progress=not args.quiet)
    if args.cache and args.cache.exists():
        import pickle

        train, dev = pickle.loads(args.cache.read_bytes())
    else:
        train = _collect(shop, data.load(args.dir, split="train", limit=args.limit).questions, not args.quiet)
        dev = _collect(shop, data.load(args.dir, split="dev", limit=args.limit).questions, not args.quiet)
        if args.cache:
            import pickle

            args.cache.write_bytes(pickle.dumps((train, dev)))
    base = ranking.Fusion.load()
    print("start weights: train", _score(train, base), "dev", _score(dev, base), file=sys.stderr)

    results = []
    Xc, yc = _chunk_data(train)
    for c_chunk in (0.1, 1.0, 10.0):
        coef, bias = _fit(Xc, yc, c_chunk)
        trial = dict(base.data, chunk={"weights": dict(zip(ranking.CHUNK_FEATURES, coef)), "bias": bias})
        Xp, yp = _product_data(train, ranking.Fusion(trial))
        for c_product in (0.1, 1.0, 10.0):
            product_w = dict(zip(ranking.PRODUCT_FEATURES, _fit(Xp, yp, c_product)[0]))
            for per_product in (1, 2, 3, 5, "expected"):
                fusion = ranking.Fusion(dict(trial, product={"weights": product_w}, per_product=per_product))
                figures = _score(dev, fusion)
                results.append((figures, c_chunk, c_product, fusion))
                print(f"C chunk {c_chunk} product {c_product} per_product {per_product}: dev {figures}", file=sys.stderr)
    # Chosen on dev: product hit@5 first, then whole-catalog evidence recall, then page recall.
    figures, c_chunk, c_product, fusion = max(results, key=lambda r: (
        r[0]["whole_hit_at_5"], r[0]["whole_evidence_recall_at_5"], r[0]["page_evidence_recall_at_5"]))
    out = {
        "command": "python -m eval.fit_fusion " + " ".join(argv if argv is not None else sys.argv[1:]),
        "fitted_on": f"{args.dir.name} train ({len(train)} questions); chosen on dev ({len(dev)})",
        "embedder": getattr(shop.embedder, "name", None),
        "C": {"chunk": c_chunk, "product": c_product},
        "per_product": fusion.per_product, "candidates": fusion.candidates,
        "chunk": {"weights": {k: round(v, 4) for k, v in fusion.data["chunk"]["weights"].items()},
                  "bias": round(fusion.chunk_bias, 4)},
        "product": {"weights": {k: round(v, 4) for k, v in fusion.data["product"]["weights"].items()}},
        "train": _score(train, fusion), "dev": figures,
        "seconds": round(time.perf_counter() - started, 1),
    }
    path = args.out or ranking.WEIGHTS
    path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: out[k] for k in ("C", "per_product", "train", "dev")}, indent=1))
    print(f"weights: {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
