"""Review analyses in SQLite (the shop's `shop.db`), updated incrementally.

A review is (re)analysed only when it is new, its text changed (`text_hash`), the sentiment
model or its bands changed (`model`), or it uses a term its category just gained or lost as a
discovered aspect. A rating change alone just updates the row. Works inside a caller's open
transaction (the ingest runs one): then the caller commits; otherwise this module commits.
"""
from __future__ import annotations

import json
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from chatbot.data.schema import migrate
from chatbot.types import Product, Review

from .analyzer import ReviewAnalysis, ReviewAnalyzer
from .text import text_hash

BATCH = 128


@dataclass
class StoreResult:
    analyses: dict[str, ReviewAnalysis] = field(default_factory=dict)  # review id -> analysis
    processed: int = 0  # analysed this run
    unchanged: int = 0  # read back from the table


def connect(target) -> sqlite3.Connection:
    """A connection from a connection, a path, or anything with `.connect()` (ShopDB)."""
    if isinstance(target, sqlite3.Connection):
        conn = target
    elif hasattr(target, "connect"):
        conn = target.connect()
    else:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(target))
    migrate(conn)  # the tables are chatbot/data/schema.py's, with shop.db's others
    return conn


def _row_to_analysis(row) -> ReviewAnalysis:
    rid, pid, thash, lang, sentiment, score, aspects, kws, rating, _model = row
    return ReviewAnalysis(review_id=rid, product_id=pid, lang=lang or "", sentiment=sentiment, score=score,
                          aspects=json.loads(aspects), keywords=json.loads(kws), text_hash=thash, rating=rating)


def _select(conn, where: str = "", args: Sequence = ()) -> list[tuple[ReviewAnalysis, str]]:
    rows = conn.execute(f"SELECT * FROM review_analysis {where} ORDER BY review_id", list(args))
    return [(_row_to_analysis(r), r[-1]) for r in rows]


def _by_ids(conn, ids: Sequence[str]) -> list[tuple[ReviewAnalysis, str]]:
    out = []
    for i in range(0, len(ids), 500):  # SQLite caps the number of ? parameters
        part = ids[i : i + 500]
        out += _select(conn, f"WHERE review_id IN ({','.join('?' * len(part))})", part)
    return out


def load_analyses(conn, product_id: str | None = None, review_ids: Iterable[str] | None = None) -> list[ReviewAnalysis]:
    """Stored analyses: all, one product's, or those of the given review ids (rows of reviews
    deleted from the shop stay until their id is reused, so pass the current ids)."""
    conn = connect(conn)
    if review_ids is not None:
        rows = _by_ids(conn, list(dict.fromkeys(review_ids)))
        rows = [r for r in rows if product_id is None or r[0].product_id == product_id]
    else:
        rows = _select(conn, "WHERE product_id=?", [product_id]) if product_id is not None else _select(conn)
    return [a for a, _ in rows]


def load_discovered(conn) -> dict[str, list[tuple[str, int]]]:
    found: dict[str, list[tuple[str, int]]] = {}
    for category, term, n in connect(conn).execute(
        "SELECT category, term, reviews FROM review_aspect_terms ORDER BY category, reviews DESC, term"
    ):
        found.setdefault(category, []).append((term, n))
    return found


def _model_id(analyzer: ReviewAnalyzer) -> str:
    """Changes when the head or its neutral bands change: stored labels are then stale."""
    import hashlib

    digest = hashlib.sha1(analyzer.head.weights.tobytes())
    digest.update(json.dumps(analyzer.head.bands, sort_keys=True).encode())
    return f"{analyzer.method}:{digest.hexdigest()[:10]}"


def analyze_and_store(conn, reviews: Sequence[Review], embedder="e5-small", products: Iterable[Product] | None = None,
                      categories: Mapping[str, str] | None = None, force: bool = False,
                      progress: bool = False) -> StoreResult:
    """Analyse new or changed reviews, store them, and return the analyses of all `reviews`.

    `embedder`: a ReviewAnalyzer, or an embedder (name or instance) to build one with.
    `products`: all products of the shop: each category's new aspects are discovered from
    `reviews` first (pass all reviews then). `categories` (product id -> category) without
    `products` applies the aspects discovered earlier, without discovering.
    """
    conn = connect(conn)
    analyzer = embedder if isinstance(embedder, ReviewAnalyzer) else ReviewAnalyzer(embedder)
    own_transaction = not conn.in_transaction
    model = _model_id(analyzer)
    reviews = list(reviews)
    categories = dict(categories or {})
    old_terms = load_discovered(conn)
    changed_terms: dict[str, set[str]] = {}  # category -> terms added or dropped this run
    if products is not None:
        products = list(products)
        categories.update({p.id: p.category for p in products if p.category})
        for category, terms in analyzer.discover_aspects(reviews, products).items():
            changed_terms[category] = {t for t, _ in terms} ^ {t for t, _ in old_terms.get(category, [])}
            conn.execute("DELETE FROM review_aspect_terms WHERE category=?", (category,))
            conn.executemany("INSERT INTO review_aspect_terms VALUES (?,?,?)", [(category, t, n) for t, n in terms])
    else:
        for category, terms in old_terms.items():  # keep what earlier runs discovered
            analyzer.matcher.add_terms(category, [t for t, _ in terms])

    def lexicon_changed(r: Review) -> bool:
        # Only reviews that use a term the category gained or lost need their aspects redone.
        terms = changed_terms.get(categories.get(r.product_id, ""), ())
        text = r.text.lower()
        return any(t in text for t in terms)

    stored = {a.review_id: (a, m) for a, m in _by_ids(conn, [r.id for r in reviews])}
    result, todo = StoreResult(), []
    for r in reviews:
        old, old_model = stored.get(r.id, (None, None))
        fresh = (old is not None and not force and old.text_hash == text_hash(r.text) and old_model == model
                 and not lexicon_changed(r))
        if not fresh:
            todo.append(r)
            continue
        if old.rating != r.rating or old.product_id != r.product_id:
            conn.execute("UPDATE review_analysis SET rating=?, product_id=? WHERE review_id=?",
                         (r.rating, r.product_id, r.id))
            old.rating, old.product_id = r.rating, r.product_id
        result.analyses[r.id] = old
        result.unchanged += 1

    from tqdm import tqdm

    with tqdm(total=len(todo), desc="analysing reviews", unit="review", file=sys.stderr,
              disable=not progress or len(todo) < BATCH) as bar:
        for i in range(0, len(todo), BATCH):
            batch = analyzer.analyze(todo[i : i + BATCH], categories)
            conn.executemany(
                "INSERT OR REPLACE INTO review_analysis VALUES (?,?,?,?,?,?,?,?,?,?)",
                [(a.review_id, a.product_id, a.text_hash, a.lang, a.sentiment, a.score,
                  json.dumps(a.aspects, ensure_ascii=False), json.dumps(a.keywords, ensure_ascii=False),
                  a.rating, model) for a in batch],
            )
            result.analyses.update((a.review_id, a) for a in batch)
            bar.update(len(batch))
    result.processed = len(todo)
    if own_transaction:
        conn.commit()
    return result


def product_sentiment(conn) -> dict[str, float]:
    """Share of each product's analysed reviews that are positive (0..1), for ranking."""
    rows = connect(conn).execute(
        "SELECT product_id, AVG(sentiment = 'positive') FROM review_analysis GROUP BY product_id")
    return {pid: round(float(share), 4) for pid, share in rows}


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
