"""The shop owner's review report: `report.md`, three PNG plots and `summaries.json`.

`write_report(db, out_dir)` brings `review_analysis` up to date first (incrementally), when it
is given the shop (a `ShopDB`, or the path of `shop.db`); given a bare sqlite3 connection it
reports what is stored, without product titles or categories.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path

from chatbot.types import Product

from .store import analyze_and_store, connect, load_analyses, load_discovered
from .summary import POLARITIES, ProductSummary, summarize

COLORS = {"positive": "#2e7d32", "neutral": "#9e9e9e", "negative": "#c62828"}


def _open(target):
    """-> (connection, products or None, reviews or None)."""
    if isinstance(target, sqlite3.Connection):
        return target, None, None
    if not hasattr(target, "products"):
        try:
            from chatbot.data.catalog import ShopDB
        except ImportError:
            from chatbot.catalog import ShopDB

        target = ShopDB(target)
    return target.connect(), target.products(), target.reviews()


def _plots(out: Path, summaries: list[ProductSummary], analyses) -> dict[str, str]:
    import matplotlib

    matplotlib.use("Agg")  # files only, never a window
    import matplotlib.pyplot as plt

    files = {}
    by_cat: dict[str, Counter] = defaultdict(Counter)
    for s in summaries:
        by_cat[s.category or "(none)"].update(s.sentiment_counts)
    cats = sorted(by_cat, key=lambda c: -sum(by_cat[c].values()))[:15]
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(cats) + 1.5))
    left = [0.0] * len(cats)
    for pol in ("positive", "neutral", "negative"):
        shares = [by_cat[c][pol] / max(1, sum(by_cat[c].values())) for c in cats]
        ax.barh(cats, shares, left=left, color=COLORS[pol], label=pol)
        left = [l + s for l, s in zip(left, shares)]
    ax.set_xlabel("share of reviews")
    ax.set_title("Sentiment by category")
    ax.invert_yaxis()
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    fig.tight_layout()
    files["sentiment_by_category"] = "sentiment_by_category.png"
    fig.savefig(out / files["sentiment_by_category"], dpi=110)
    plt.close(fig)

    neg = Counter()
    for a in analyses:
        neg.update(row["aspect"] for row in a.aspects if row.get("polarity") == "negative")
    top = neg.most_common(12)
    fig, ax = plt.subplots(figsize=(7, 0.4 * max(len(top), 1) + 1.5))
    ax.barh([t for t, _ in top], [n for _, n in top], color=COLORS["negative"])
    ax.invert_yaxis()
    ax.set_xlabel("negative mentions (reviews)")
    ax.set_title("Top negative aspects")
    fig.tight_layout()
    files["negative_aspects"] = "negative_aspects.png"
    fig.savefig(out / files["negative_aspects"], dpi=110)
    plt.close(fig)

    grid = _rating_grid(analyses)
    fig, ax = plt.subplots(figsize=(5.5, 4))
    ax.imshow([[grid[r][p] for p in POLARITIES] for r in range(1, 6)], cmap="Blues")
    for r in range(1, 6):
        for j, p in enumerate(POLARITIES):
            ax.text(j, r - 1, grid[r][p], ha="center", va="center", fontsize=9)
    ax.set_xticks(range(3), POLARITIES)
    ax.set_yticks(range(5), [f"{r} star{'s' if r > 1 else ''}" for r in range(1, 6)])
    ax.set_title("Star rating vs text sentiment")
    fig.tight_layout()
    files["rating_vs_sentiment"] = "rating_vs_sentiment.png"
    fig.savefig(out / files["rating_vs_sentiment"], dpi=110)
    plt.close(fig)
    return files


def _rating_grid(analyses) -> dict[int, Counter]:
    grid = {r: Counter() for r in range(1, 6)}
    for a in analyses:
        if a.rating in grid:
            grid[a.rating][a.sentiment] += 1
    return grid


def disagreements(analyses, limit: int = 10) -> list:
    """Reviews whose text contradicts their stars (4-5 stars but negative, 1-2 but positive),
    the most confident first: mislabelled stars, or praise hiding a complaint."""
    odd = [a for a in analyses if a.rating and ((a.rating >= 4 and a.sentiment == "negative")
                                                or (a.rating <= 2 and a.sentiment == "positive"))]
    return sorted(odd, key=lambda a: -abs(a.score))[:limit]


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def write_report(conn_or_db, out_dir, analyzer=None, update: bool = True) -> Path:
    """Write report.md (+ PNG plots, summaries.json) into `out_dir`; returns the report.md path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    conn, products, reviews = _open(conn_or_db)
    conn = connect(conn)
    if reviews is not None:
        if update:
            analyze_and_store(conn, reviews, analyzer or "e5-small", products=products, progress=True)
        analyses = load_analyses(conn, review_ids=[r.id for r in reviews])
    else:
        analyses = load_analyses(conn)
    texts = {r.id: r.text for r in reviews or []}
    by_product: dict[str, list] = defaultdict(list)
    for a in analyses:
        by_product[a.product_id].append(a)
    catalog = {p.id: p for p in products or []}
    summaries = [summarize(catalog.get(pid) or Product(id=pid), rows) for pid, rows in sorted(by_product.items())]
    files = _plots(out, summaries, analyses)
    (out / "summaries.json").write_text(
        json.dumps([s.to_dict() for s in summaries], ensure_ascii=False, indent=1), encoding="utf-8")

    total = Counter(a.sentiment for a in analyses)
    n = len(analyses)
    lines = [
        "# Review report",
        "",
        f"Generated {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC from {n} reviews of {len(summaries)} products.",
        "",
        "| sentiment | reviews | share |",
        "|---|---|---|",
        *[f"| {p} | {total[p]} | {total[p] / max(n, 1):.0%} |" for p in POLARITIES],
        "",
        "Sentiment is read from the review text, not the stars. Neutral means the model was not "
        "confident either way. Aspect polarity is the sentiment of the clause naming the aspect.",
        "",
        f"![Sentiment by category]({files['sentiment_by_category']})",
        "",
        f"![Top negative aspects]({files['negative_aspects']})",
        "",
        "## Star rating vs text sentiment",
        "",
        f"![Rating vs sentiment]({files['rating_vs_sentiment']})",
        "",
    ]
    odd = disagreements(analyses)
    if odd:
        lines += ["Reviews whose text disagrees with their stars:", "",
                  "| review | product | stars | text says | text |", "|---|---|---|---|---|"]
        for a in odd:
            quote = _md_escape(texts.get(a.review_id, "") or ", ".join(a.keywords))[:140]
            lines.append(f"| {a.review_id} | {a.product_id} | {a.rating} | {a.sentiment} ({a.score:+.2f}) | {quote} |")
        lines.append("")
    discovered = load_discovered(conn)
    if discovered:
        lines += ["## Aspects discovered per category", "",
                  "Terms many reviews of a category use that the built-in aspect list does not cover "
                  "(counted as aspects from now on).", "", "| category | new aspects (reviews) |", "|---|---|"]
        for cat, terms in sorted(discovered.items()):
            lines.append(f"| {_md_escape(cat)} | {', '.join(f'{t} ({k})' for t, k in terms) or '-'} |")
        lines.append("")
    lines += ["## Products", ""]
    for s in sorted(summaries, key=lambda s: (-s.sentiment_counts["negative"], s.product_id)):
        plural = "s" if s.review_count != 1 else ""
        lines += [f"### {_md_escape(s.title or s.product_id)} ({s.product_id})", "",
                  f"{s.category + ' · ' if s.category else ''}{s.review_count} review{plural} · ratings "
                  + " ".join(f"{k}★:{v}" for k, v in s.rating_histogram.items()), "",
                  _md_escape(s.customers_say), ""]
        if s.aspects:
            lines += ["| aspect | reviews | positive | negative | neutral | quote |", "|---|---|---|---|---|---|"]
            for st in s.aspects[:8]:
                name = st.aspect + (" (new)" if st.discovered else "")
                lines.append(f"| {_md_escape(name)} | {st.mentions} | {st.positive} | {st.negative} | {st.neutral} "
                             f"| {_md_escape(st.quote)} |")
            lines.append("")
        if s.keywords:
            lines += ["Keywords: " + ", ".join(f"{k} ({m})" for k, m in s.keywords), ""]
    path = out / "report.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
