"""`shopbot events import`, `shopbot logs export|stats|forget`, `shopbot recommend`, `shopbot insights`.

Standard library only at top level (see cli.py): SQLAlchemy and numpy load inside the handlers.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def add_parser(sub) -> None:
    ev = sub.add_parser("events", help="shopper events (views, carts, purchases...)")
    ev_sub = ev.add_subparsers(dest="events_command", metavar="ACTION", required=True)
    imp = ev_sub.add_parser("import", help="import interactions.jsonl (or .csv, same columns); all or nothing, reruns skip stored events")
    imp.add_argument("file")
    imp.set_defaults(func=run_import)

    logs = sub.add_parser("logs", help="the interaction log: export, stats, forget a user")
    logs_sub = logs.add_subparsers(dest="logs_command", metavar="ACTION", required=True)
    exp = logs_sub.add_parser("export", help="write turns, feedback and events to a file")
    exp.add_argument("--since", help="only rows at or after this ISO time")
    exp.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    exp.add_argument("--out", help="file to write (default: $SHOPBOT_HOME/reports/log-export-TIME.FORMAT)")
    exp.set_defaults(func=run_export)
    st = logs_sub.add_parser("stats", help="turns, refusal and hand-off rates, feedback, unanswered questions")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=run_stats)
    fg = logs_sub.add_parser("forget", help="delete everything stored about a user")
    fg.add_argument("user_id")
    fg.set_defaults(func=run_forget)

    rec = sub.add_parser("recommend", help="products to recommend to a shopper, with reasons")
    rec.add_argument("user_id")
    rec.add_argument("--k", type=int, default=5)
    rec.add_argument("--context", help="product id of the page the shopper is on")
    rec.add_argument("--category")
    rec.add_argument("--min-price", type=float)
    rec.add_argument("--max-price", type=float)
    rec.add_argument("--in-stock", action="store_true")
    rec.add_argument("--json", action="store_true")
    rec.set_defaults(func=run_recommend)

    ins = sub.add_parser("insights", help="for the shop owner: churn risk, outreach offers")
    ins.add_argument("what", choices=["churn", "offers"])
    ins.add_argument("--top", type=int, default=20, help="rows to show (default 20)")
    ins.add_argument("--gold", help="users.jsonl with `churned` labels: print the ROC-AUC (churn)")
    ins.add_argument("--json", action="store_true")
    ins.set_defaults(func=run_insights)


def run_import(args, settings) -> int:
    from chatbot.loop.events_io import import_events, read_events
    from chatbot.loop.log import open_log

    events = read_events(Path(args.file))
    with open_log(settings) as log:
        n, known = import_events(log, events)  # one transaction; a rerun skips what is stored
    print(f"{n} events imported from {args.file}" + (f", {known} already stored" if known else "")
          + ("" if settings.log_enabled else " (logging is off: not stored)"))
    return 0


def run_export(args, settings) -> int:
    from datetime import datetime

    from chatbot.loop.insights import export_log
    from chatbot.loop.log import open_log

    out = Path(args.out) if args.out else (
        settings.reports_dir / f"log-export-{datetime.now():%Y%m%d-%H%M%S}.{args.format}")
    with open_log(settings) as log:
        counts = export_log(log, out, since=args.since, fmt=args.format)
    print(f"{', '.join(f'{n} {t}' for t, n in counts.items())} written to {out}")
    return 0


def run_stats(args, settings) -> int:
    from chatbot.loop.insights import log_stats
    from chatbot.loop.log import open_log

    with open_log(settings) as log:
        s = log_stats(log)
    if args.json:
        print(json.dumps(s, ensure_ascii=False, indent=2))
        return 0
    pct = lambda x: "n/a" if x is None else f"{100 * x:.1f}%"  # noqa: E731
    secs = lambda x: "n/a" if x is None else f"{x:.2f} s"  # noqa: E731
    print(f"turns {s['turns']} in {s['sessions']} sessions; events {s['events']}")
    print(f"refused {pct(s['refusal_rate'])}, handed off {pct(s['handoff_rate'])}")
    print(f"feedback {s['feedback_up']} up / {s['feedback_down']} down ({pct(s['feedback_ratio'])} up)")
    print(f"latency p50 {secs(s['latency_p50_s'])}, first token p50 {secs(s['ttft_p50_s'])}")
    if s["top_unanswered"]:
        print("top unanswered questions:")
        for row in s["top_unanswered"]:
            print(f"  {row['count']:>4}  {row['question']}")
    return 0


def run_forget(args, settings) -> int:
    from chatbot.loop.log import open_log

    with open_log(settings) as log:
        counts = log.forget(args.user_id)
    print(f"forgot {args.user_id}: " + ", ".join(f"{n} {t}" for t, n in counts.items()))
    return 0


def _products(settings) -> list:
    from chatbot.errors import NotFound

    path = settings.home / "shop.db"
    if not path.is_file():
        raise NotFound(f"no catalog at {path}: run `shopbot ingest DIR` first")
    from chatbot.data.catalog import ShopDB

    db = ShopDB(path)
    try:
        return db.products()
    finally:
        db.close()


def _sentiment(settings) -> dict | None:
    """Per-product share of positive reviews from analytics, when that store exists."""
    try:
        import sqlite3

        from analytics.store import product_sentiment

        with sqlite3.connect(settings.home / "shop.db") as conn:
            return product_sentiment(conn) or None
    except Exception:  # optional input: recommendations work without it
        return None


def _recommender(settings, log):
    from chatbot.loop.recommend import Recommender

    return Recommender(_products(settings), log, sentiment=_sentiment(settings))


def run_recommend(args, settings) -> int:
    from chatbot.loop.log import open_log

    constraints = {"category": args.category, "price_min": args.min_price, "price_max": args.max_price,
                   "in_stock": True if args.in_stock else None}
    with open_log(settings) as log:
        recs = _recommender(settings, log).recommend(args.user_id, k=args.k, context=args.context,
                                                     constraints=constraints)
    rows = [{"product_id": r.product_id, "title": r.title, "price": r.price, "score": r.score,
             "reason": r.reason} for r in recs]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("no product matches", file=sys.stderr)
    for i, r in enumerate(rows, 1):
        price = "n/a" if r["price"] is None else f"{r['price']:.2f}"
        print(f"{i}. {r['title'] or r['product_id']} ({r['product_id']}, {price}) - {r['reason']}")
    return 0


def run_insights(args, settings) -> int:
    from chatbot.loop.insights import churn_from_log, offers
    from chatbot.loop.log import open_log

    products = _products(settings)
    with open_log(settings) as log:
        scores = churn_from_log(log, products)
        if args.what == "churn":
            return _print_churn(scores, args)
        rows = offers(scores, _recommender(settings, log), top=args.top)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        print(f"{r['user_id']:<14} {r['segment']:<8} {r['title'] or r['product_id']}: {r['why']}")
    return 0


def _print_churn(scores, args) -> int:
    from chatbot.data.catalog import iter_rows
    from chatbot.errors import NotFound
    from chatbot.loop.insights import roc_auc

    auc = scored = None
    if args.gold:
        if not Path(args.gold).is_file():
            raise NotFound(f"{args.gold}: no such file")
        gold = {row["user_id"]: bool(row["churned"]) for _, row, _ in iter_rows(Path(args.gold))
                if row and "churned" in row}
        scored = [s for s in scores if s.user_id in gold]
        auc = roc_auc([s.risk for s in scored], [gold[s.user_id] for s in scored])
    if args.json:
        print(json.dumps({"roc_auc": auc, "users": [s.to_dict() for s in scores[: args.top]]}, indent=2))
        return 0
    for s in scores[: args.top]:
        print(f"{s.user_id:<14} risk {s.risk:.2f}  last {s.recency_days:>5.0f} d  "
              f"{s.active_days:>3} days active  spent {s.spend:>9.2f}  {s.driver}")
    if auc is not None:
        print(f"ROC-AUC against {args.gold}: {auc:.3f} ({len(scored)} shoppers)")
    return 0
