"""`shopbot ingest DIR`, `shopbot search QUESTION` and `shopbot doctor`."""
from __future__ import annotations

import json


def add_parser(sub) -> None:
    p = sub.add_parser("ingest", help="load a catalog folder (products, reviews, product_qa; JSONL or CSV)")
    p.add_argument("dir", help="folder with products.jsonl|csv, reviews.jsonl|csv, product_qa.jsonl|csv")
    p.add_argument("--strict", action="store_true", help="store nothing when any line is bad")
    p.add_argument("--prune", action="store_true", help="remove products no longer in products file")
    p.add_argument("--no-analytics", action="store_true", help="skip review sentiment/aspects at ingest")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=run_ingest)

    s = sub.add_parser("search", help="show the evidence retrieval finds for a question")
    s.add_argument("question")
    s.add_argument("--product", help="product page context: search only this product")
    s.add_argument("--k", type=int, default=6)
    s.add_argument("--category")
    s.add_argument("--min-price", type=float)
    s.add_argument("--max-price", type=float)
    s.add_argument("--in-stock", action="store_true")
    s.add_argument("--kind", choices=["card", "description", "review", "qa"])
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=run_search)

    d = sub.add_parser("doctor", help="check that the vector store holds exactly the chunks shop.db lists; --repair fixes it")
    d.add_argument("--repair", action="store_true", help="drop orphan chunks, re-embed missing or stale ones")
    d.add_argument("--json", action="store_true", help="print the report as JSON")
    d.set_defaults(func=run_doctor)


def run_ingest(args, settings) -> int:
    from chatbot.data.shop import Shop

    result = Shop(settings).ingest(args.dir, strict=args.strict, prune=args.prune,
                                   analytics=not args.no_analytics, progress=not args.json)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(
            f"{result.products} products, {result.reviews} reviews, {result.qa} Q&A read; "
            f"{result.chunks} chunks written, {result.unchanged} unchanged, {result.deleted} removed"
            f"{f', {result.pruned} products pruned' if result.pruned else ''}; "
            f"{result.total_chunks} chunks in the store ({result.seconds:.1f} s)"
        )
        if result.errors:
            import sys

            print(f"{result.skipped} bad lines left out:", file=sys.stderr)
            for line in result.errors:
                print(f"  {line}", file=sys.stderr)
    return 2 if result.errors else 0


def run_search(args, settings) -> int:
    from chatbot.data.shop import Shop

    filters = {"category": args.category, "price_min": args.min_price, "price_max": args.max_price,
               "in_stock": True if args.in_stock else None, "kind": args.kind}
    hits = Shop(settings).search(args.question, k=args.k, product_id=args.product, filters=filters)
    if args.json:
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("no evidence found (is the catalog ingested? `shopbot ingest DIR`)")
    for rank, h in enumerate(hits, 1):
        text = h.chunk.text if len(h.chunk.text) < 220 else h.chunk.text[:217] + "..."
        print(f"{rank}. [{h.product_id} {h.chunk.kind}] {h.score:.3f}  {text}")
    return 0


def run_doctor(args, settings) -> int:
    """Exit 0 when shop.db and the vector store agree (after --repair, if asked), 1 when not."""
    from chatbot.data import doctor
    from chatbot.data.shop import Shop

    shop = Shop(settings)
    if args.repair:
        report = doctor.repair(shop.db, shop.store, shop.embedder, analyzer=shop.analyzer, progress=not args.json)
    else:
        report = doctor.check(shop.db, shop.store)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return 0 if report.ok else 1
    print(f"shop.db: {report.products} products, {report.reviews} reviews, {report.qa} Q&A, "
          f"{report.chunks_listed} chunks listed ({report.chunks_expected} expected from the records); "
          f"vector store: {report.chunks_in_store} chunks")
    for name, ids in (("missing from the store", report.missing), ("orphans (listed by no record)", report.orphans),
                      ("stale text", report.stale), ("products whose chunk index is out of date", report.unindexed)):
        if ids:
            print(f"{len(ids)} {name}: {', '.join(ids[:8])}{' ...' if len(ids) > 8 else ''}")
    if report.repaired:
        print("repaired: " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in report.repaired.items()))
    print("ok: shop.db and the vector store agree" if report.ok else "drift found: run `shopbot doctor --repair`")
    return 0 if report.ok else 1
