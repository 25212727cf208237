"""Review analyses in SQLite (the shop's `shop.db`), updated incrementally.

The public face of `analytics.db` (tables) and `analytics.incremental` (what to redo):
`analyze_and_store`, `load_analyses`, `load_discovered`, `product_sentiment`, `product_summary`.
"""
from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from chatbot.types import Product, Review

from .analyzer import ReviewAnalyzer
from .db import connect, load_analyses, load_discovered, product_sentiment
from .incremental import BATCH, StoreResult, model_id, update

__all__ = ["BATCH", "StoreResult", "connect", "load_analyses", "load_discovered",
           "product_sentiment", "analyze_and_store", "product_summary", "model_id"]


def analyze_and_store(conn, reviews: Sequence[Review], embedder="e5-small", products: Iterable[Product] | None = None,
                      categories: Mapping[str, str] | None = None, force: bool = False,
                      progress: bool = False, vectors: Mapping[str, object] | None = None) -> StoreResult:
    """Analyse new or changed reviews, store them, and return the analyses of all `reviews`.

    `embedder`: a ReviewAnalyzer, or an embedder (name or instance) to build one with.
    `products`: all products of the shop: each category's new aspects are discovered from
    `reviews` first (pass all reviews then). `categories` (product id -> category) without
    `products` applies the aspects discovered earlier, without discovering. `vectors`: review id
    -> its e5-small embedding, where already computed (not embedded again).
    """
    analyzer = embedder if isinstance(embedder, ReviewAnalyzer) else ReviewAnalyzer(embedder)
    return update(conn, reviews, analyzer, products=products, categories=categories, force=force,
                  progress=progress, vectors=vectors)


def product_summary(db, product_id: str, analyzer=None, update: bool = True):
    """`ProductSummary` of one product of a ShopDB, from the stored analyses. With `update`,
    reviews not analysed yet (or changed) are analysed first, with `analyzer` (a ReviewAnalyzer
    or an embedder name; default e5-small)."""
    from chatbot.errors import NotFound

    from .summary import summarize

    product = db.product(product_id)
    if product is None:
        raise NotFound(f"no product {product_id!r}; `shopbot search` finds product ids")
    reviews = db.reviews(product.id)
    if update:
        categories = {product.id: product.category} if product.category else None
        stored = analyze_and_store(db.connect(), reviews, analyzer or "e5-small", categories=categories).analyses
        analyses = [stored[r.id] for r in reviews]
    else:
        analyses = load_analyses(db, review_ids=[r.id for r in reviews])
    return summarize(product, analyses, reviews)
