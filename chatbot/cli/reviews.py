"""`shopbot reviews summary|report|classify`: what customers say, per product and shop-wide."""
from __future__ import annotations

import json
import sys


def add_parser(sub) -> None:
    p = sub.add_parser("reviews", help="review analytics: sentiment, aspects, keywords, summaries")
    rs = p.add_subparsers(dest="reviews_command", metavar="SUBCOMMAND")
    p.set_defaults(func=lambda args, settings: p.print_help() or 0)

    s = rs.add_parser("summary", help="what customers say about one product (counts, aspects, quotes)")
    s.add_argument("product_id")
    s.add_argument("--json", action="store_true", help="print the summary as JSON")
    s.set_defaults(func=run_summary)

    r = rs.add_parser("report", help="write report.md with plots for the whole shop")
    r.add_argument("--out", help="output folder (default: $SHOPBOT_HOME/reports/reviews)")
    r.set_defaults(func=run_report)

    c = rs.add_parser("classify", help="label the reviews of a JSONL or CSV file (a `text` column)")
    c.add_argument("file")
    c.add_argument("--json", action="store_true", help="print a JSON list")
    c.add_argument("--method", choices=["auto", "head", "lexicon"], default="auto",
                   help="sentiment model: the trained head, the VADER/snownlp lexicons, or the measured best")
    c.set_defaults(func=run_classify)


def _analyzer(settings, method: str = "auto"):
    from analytics import ReviewAnalyzer

    # Analytics always reads e5-small: the sentiment head was trained on its vectors.
    return ReviewAnalyzer("e5-small", method=method, settings=settings)


def _shop_db(settings):
    from chatbot.data.catalog import ShopDB
    from chatbot.errors import NotFound

    path = settings.home / "shop.db"
    if not path.exists():
        raise NotFound(f"{path}: no shop data yet; load a catalog with `shopbot ingest DIR`")
    return ShopDB(path)


def run_summary(args, settings) -> int:
    from analytics.store import product_summary

    db = _shop_db(settings)
    summary = product_summary(db, args.product_id, analyzer=_analyzer(settings))
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(f"{summary.title or 'product'} ({summary.product_id})")
    print("ratings: " + "  ".join(f"{k}★ {v}" for k, v in summary.rating_histogram.items()))
    print("sentiment: " + "  ".join(f"{k} {v}" for k, v in summary.sentiment_counts.items()))
    for st in summary.aspects[:10]:
        print(f"  {st.aspect:<18} +{st.positive:<3} -{st.negative:<3} ={st.neutral:<3} {st.quote}")
    if summary.keywords:
        print("keywords: " + ", ".join(k for k, _ in summary.keywords))
    print()
    print(summary.customers_say)
    return 0


def run_report(args, settings) -> int:
    from pathlib import Path

    from analytics.report import write_report

    out = Path(args.out) if args.out else settings.reports_dir / "reviews"
    path = write_report(_shop_db(settings), out, analyzer=_analyzer(settings))
    print(f"wrote {path}")
    return 0


def read_texts(path) -> list[dict]:
    """Rows of a JSONL or CSV file with a `text` field; any bad line -> ValidationError listing
    every problem as `file:line: field: problem`."""
    from pathlib import Path

    from chatbot.data.catalog import iter_rows
    from chatbot.errors import NotFound, ValidationError

    path = Path(path)
    if not path.is_file():
        raise NotFound(f"{path}: no such file")
    rows, problems = [], []
    for number, row, problem in iter_rows(path):
        where = f"{path}:{number}"
        if problem:
            problems.append(f"{where}: line: {problem}")
            continue
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: text: " + ("required, missing or empty" if text in (None, "")
                                                  else f"expected text, got {type(text).__name__}"))
            continue
        lang = row.get("lang")
        rows.append({"id": str(row.get("id") or f"line-{number}"), "text": text.strip(),
                     "lang": lang if isinstance(lang, str) and lang else None,
                     "product_id": str(row.get("product_id") or "")})
    if problems:
        raise ValidationError(problems)
    if not rows:
        raise ValidationError(f"{path}: no rows with a `text` field")
    return rows


def run_classify(args, settings) -> int:
    from chatbot.types import Review

    rows = read_texts(args.file)
    analyzer = _analyzer(settings, args.method)
    reviews = [Review(id=r["id"], product_id=r["product_id"], text=r["text"], lang=r["lang"]) for r in rows]
    results = analyzer.analyze(reviews)
    if args.json:
        print(json.dumps([a.to_dict() for a in results], ensure_ascii=False, indent=2))
        return 0
    signs = {"positive": "+", "negative": "-", "neutral": "="}
    for a, r in zip(results, rows):
        aspects = ", ".join(f"{x['aspect']} {signs.get(x['polarity'], '=')}" for x in a.aspects)
        text = r["text"] if len(r["text"]) <= 70 else r["text"][:67] + "..."
        print(f"{a.review_id}\t{a.sentiment:<8}\t{a.score:+.2f}\t{aspects or '-'}\t{text}")
    sys.stdout.flush()
    return 0
