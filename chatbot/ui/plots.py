"""Dashboard data and plots: per-product review summaries and catalog-wide charts.

Review analytics (the `analytics` package) may be missing or not yet run on this shop: every
function here degrades to what the shop's own records give (star ratings) instead of failing.
Figures are built with `matplotlib.figure.Figure`, not pyplot, so concurrent dashboard requests
share no global figure state.
"""
from __future__ import annotations

import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from chatbot.types import Product, Review

COLORS = {"positive": "#2e7d32", "neutral": "#9e9e9e", "negative": "#c62828"}
_fonts_done = threading.Event()


@dataclass
class ReviewData:
    products: dict[str, Product]
    reviews: list[Review]
    analyses: list = field(default_factory=list)  # analytics.ReviewAnalysis of the current reviews
    available: bool = True  # the analytics package imported

    @property
    def analysed(self) -> bool:
        return bool(self.analyses)


def load_review_data(db) -> ReviewData:
    products = {p.id: p for p in db.products()}
    reviews = db.reviews()
    try:
        from analytics.store import load_analyses
    except ImportError:
        return ReviewData(products, reviews, available=False)
    try:
        analyses = load_analyses(db, review_ids=[r.id for r in reviews])
    except Exception:  # an older or half-built table: show ratings only
        analyses = []
    return ReviewData(products, reviews, analyses)


def product_summary(data: ReviewData, product_id: str):
    """analytics.summary.ProductSummary of one product, or None without the analytics package."""
    product = data.products.get(product_id)
    if product is None or not data.available:
        return None
    from analytics.summary import summarize

    analyses = [a for a in data.analyses if a.product_id == product_id]
    reviews = [r for r in data.reviews if r.product_id == product_id]
    return summarize(product, analyses, reviews)


def rating_histogram(data: ReviewData, product_id: str) -> dict[int, int]:
    hist = {s: 0 for s in range(1, 6)}
    for r in data.reviews:
        if r.product_id == product_id and r.rating is not None and 1 <= int(r.rating) <= 5:
            hist[int(r.rating)] += 1
    return hist


def analyse_reviews(shop, progress: bool = True) -> int:
    """Run review analytics over the whole shop now (incremental); returns reviews analysed."""
    from analytics.store import analyze_and_store

    db = shop.db
    result = analyze_and_store(db.connect(), db.reviews(), shop.analyzer, products=db.products(), progress=progress)
    return result.processed


# ---------------------------------------------------------------- figures

def _setup_fonts() -> None:
    """Let Chinese aspect names and keywords render when a CJK font is installed."""
    if _fonts_done.is_set():
        return
    import matplotlib
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    cjk = [n for n in ("Noto Sans CJK SC", "WenQuanYi Zen Hei", "Source Han Sans SC", "SimHei") if n in names]
    if cjk:
        matplotlib.rcParams["font.sans-serif"] = ["DejaVu Sans", *cjk]
        matplotlib.rcParams["font.family"] = "sans-serif"
    _fonts_done.set()


def _figure(width: float, height: float):
    _setup_fonts()
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100)
    return fig, fig.add_subplot()


def message_figure(text: str):
    fig, ax = _figure(6, 1.6)
    ax.axis("off")
    ax.text(0.5, 0.5, text, ha="center", va="center", wrap=True, fontsize=11, color="#555")
    return fig


def rating_figure(hist: dict[int, int], title: str = "Star ratings"):
    fig, ax = _figure(5, 2.8)
    stars = list(range(1, 6))
    counts = [hist.get(s, 0) for s in stars]
    ax.bar([f"{s}★" for s in stars], counts, color=["#c62828", "#ef6c00", "#9e9e9e", "#7cb342", "#2e7d32"])
    for x, n in enumerate(counts):
        ax.text(x, n, str(n), ha="center", va="bottom", fontsize=9)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # review counts: no 0.2 of a review
    ax.set_ylabel("reviews")
    ax.set_title(title[:60])
    ax.margins(y=0.15)
    fig.tight_layout()
    return fig


def sentiment_by_category_figure(data: ReviewData):
    if not data.analysed:
        return message_figure("No review analysis yet — click “Analyse reviews”.")
    by_cat: dict[str, Counter] = defaultdict(Counter)
    for a in data.analyses:
        p = data.products.get(a.product_id)
        by_cat[(p.category if p else "") or "(none)"][a.sentiment] += 1
    cats = sorted(by_cat, key=lambda c: -sum(by_cat[c].values()))[:15]
    fig, ax = _figure(7, 0.42 * len(cats) + 1.6)
    left = [0.0] * len(cats)
    for pol in ("positive", "neutral", "negative"):
        shares = [by_cat[c][pol] / max(1, sum(by_cat[c].values())) for c in cats]
        ax.barh(cats, shares, left=left, color=COLORS[pol], label=pol)
        left = [a + b for a, b in zip(left, shares)]
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of reviews")
    ax.set_title("Sentiment by category")
    ax.invert_yaxis()
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig


def complaints_figure(data: ReviewData, top: int = 12):
    """The aspects most often named in negative clauses, catalog-wide."""
    if not data.analysed:
        return message_figure("No review analysis yet — click “Analyse reviews”.")
    neg = Counter()
    for a in data.analyses:
        neg.update(row["aspect"] for row in a.aspects if row.get("polarity") == "negative")
    rows = neg.most_common(top)
    if not rows:
        return message_figure("No complaints found in the reviews.")
    fig, ax = _figure(7, 0.38 * len(rows) + 1.6)
    ax.barh([t for t, _ in rows], [n for _, n in rows], color=COLORS["negative"])
    ax.invert_yaxis()
    ax.set_xlabel("reviews with a negative mention")
    ax.set_title("Most-complained aspects")
    fig.tight_layout()
    return fig
