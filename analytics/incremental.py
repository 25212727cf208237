"""Incremental analysis: analyse only the reviews that are new or changed, store the results.

A review is (re)analysed only when it is new, its text changed (`text_hash`), the sentiment
model or its bands changed (`model`), or it uses a term its category just gained or lost as a
discovered aspect. A rating change alone just updates the row. Works inside a caller's open
transaction (the ingest runs one): then the caller commits; otherwise this module commits.

`analyzer` is duck-typed (a `ReviewAnalyzer`): this module imports no analyzer, so the analyzer's
ingest hook can call it without an import cycle.
"""
from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from chatbot.types import Product, Review

from . import db
from .records import ReviewAnalysis
from .text import text_hash

BATCH = 128


@dataclass
class StoreResult:
    analyses: dict[str, ReviewAnalysis] = field(default_factory=dict)  # review id -> analysis
    processed: int = 0  # analysed this run
    unchanged: int = 0  # read back from the table


# Raised when the analysis changes with the same model (2: aspect clauses across a contrast
# marker lean on their partner clause), so labels stored by the old one are redone.
RULES = 2


def model_id(analyzer) -> str:
    """Changes when the sentiment model, its neutral bands or `RULES` change: stored labels are then stale."""
    digest = hashlib.sha1(f"{analyzer.head.fingerprint()}:{RULES}".encode())
    return f"{analyzer.method}:{digest.hexdigest()[:10]}"


def update(conn, reviews: Sequence[Review], analyzer, products: Iterable[Product] | None = None,
           categories: Mapping[str, str] | None = None, force: bool = False, progress: bool = False,
           vectors: Mapping[str, object] | None = None) -> StoreResult:
    """See `analytics.store.analyze_and_store`. `vectors` maps a review id to its e5-small
    embedding when the caller computed it already (the ingest's review chunks)."""
    conn = db.connect(conn)
    own_transaction = not conn.in_transaction
    model = model_id(analyzer)
    reviews = list(reviews)
    categories = dict(categories or {})
    old_groups = db.load_groups(conn)
    changed_terms: dict[str, set[str]] = {}  # category -> member terms added or dropped this run
    if products is not None:
        products = list(products)
        categories.update({p.id: p.category for p in products if p.category})
        for category, terms in analyzer.discover_aspects(reviews, products).items():
            groups = getattr(analyzer, "discovered_groups", {}).get(category) or [(t, [t]) for t, _ in terms]
            old = {(name, m) for name, members in old_groups.get(category, []) for m in members}
            new = {(name, m) for name, members in groups for m in members}
            changed_terms[category] = {m for _, m in old ^ new}
            db.save_terms(conn, category, terms, groups)
    else:
        for category, groups in old_groups.items():  # keep what earlier runs discovered
            analyzer.matcher.add_terms(category, groups)

    def lexicon_changed(r: Review) -> bool:
        # Only reviews that use a term the category gained or lost need their aspects redone.
        terms = changed_terms.get(categories.get(r.product_id, ""), ())
        text = r.text.lower()
        return any(t in text for t in terms)

    stored = {a.review_id: (a, m) for a, m in db.by_ids(conn, [r.id for r in reviews])}
    result, todo = StoreResult(), []
    for r in reviews:
        old, old_model = stored.get(r.id, (None, None))
        fresh = (old is not None and not force and old.text_hash == text_hash(r.text) and old_model == model
                 and not lexicon_changed(r))
        if not fresh:
            todo.append(r)
            continue
        if old.rating != r.rating or old.product_id != r.product_id:
            db.update_rating(conn, old, r.rating, r.product_id)
        result.analyses[r.id] = old
        result.unchanged += 1

    from tqdm import tqdm

    with tqdm(total=len(todo), desc="analysing reviews", unit="review", file=sys.stderr,
              disable=not progress or len(todo) < BATCH) as bar:
        for i in range(0, len(todo), BATCH):
            part = todo[i : i + BATCH]
            vecs = [vectors.get(r.id) for r in part] if vectors else None
            batch = analyzer.analyze(part, categories, vectors=vecs)
            db.save_analyses(conn, batch, model)
            result.analyses.update((a.review_id, a) for a in batch)
            bar.update(len(batch))
    result.processed = len(todo)
    if own_transaction:
        conn.commit()
    return result


