"""Every "customers say" number is reproducible from the per-review labels stored in
`review_analysis`; the analytics package has no import cycle and no module over 400 lines.

Uses the lexicon method (VADER / snownlp), so no embedder is loaded."""
from __future__ import annotations

import ast
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from analytics import ReviewAnalyzer
from analytics.store import analyze_and_store, product_summary
from chatbot.types import Product, Review

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "chatbot" / "data" / "demo"


def _shop_db():
    try:
        from chatbot.data.catalog import Catalog, ShopDB
    except ImportError:
        from chatbot.catalog import Catalog, ShopDB
    return Catalog, ShopDB


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    """A shop of the demo's first products (both languages), analysed and stored."""
    Catalog, ShopDB = _shop_db()
    products = [json.loads(l) for l in (DEMO / "products.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    rows = [json.loads(l) for l in (DEMO / "reviews.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    counts = Counter(r["product_id"] for r in rows)
    keep = [p for p in products if counts[p["id"]] >= 8][:6]
    ids = {p["id"] for p in keep}
    prods = [Product(id=p["id"], title=p.get("title", ""), category=p.get("category", ""),
                     attributes=p.get("attributes") or {}, features=p.get("features") or []) for p in keep]
    reviews = [Review(id=r["id"], product_id=r["product_id"], text=r["text"], rating=r.get("rating"),
                      lang=r.get("lang")) for r in rows if r["product_id"] in ids]
    db = ShopDB(tmp_path_factory.mktemp("shop") / "shop.db")
    conn = db.connect()
    db.upsert(conn, Catalog(products=prods, reviews=reviews))
    conn.commit()
    analyzer = ReviewAnalyzer(method="lexicon")
    analyze_and_store(db.connect(), reviews, analyzer, products=prods)
    return db, prods, reviews, analyzer


def _stored_labels(db, product_id: str) -> list[dict]:
    """The per-review labels as stored, read with plain SQL (not through analytics)."""
    rows = db.connect().execute(
        "SELECT review_id, sentiment, aspects, keywords, rating FROM review_analysis WHERE product_id=?",
        (product_id,)).fetchall()
    return [{"id": r[0], "sentiment": r[1], "aspects": json.loads(r[2]), "keywords": json.loads(r[3]),
             "rating": r[4]} for r in rows]


def test_summary_counts_recomputed_from_stored_labels(shop):
    db, prods, reviews, analyzer = shop
    checked_aspects = 0
    for product in prods:
        summary = product_summary(db, product.id, analyzer=analyzer, update=False)
        labels = _stored_labels(db, product.id)
        assert summary.review_count == len(labels) == sum(r.product_id == product.id for r in reviews)
        sentiment = Counter(l["sentiment"] for l in labels)
        assert summary.sentiment_counts == {p: sentiment.get(p, 0) for p in ("positive", "negative", "neutral")}
        hist = Counter(l["rating"] for l in labels if l["rating"])
        assert summary.rating_histogram == {s: hist.get(s, 0) for s in range(1, 6)}
        per_aspect: dict[str, Counter] = {}
        for l in labels:
            for a in l["aspects"]:
                per_aspect.setdefault(a["aspect"], Counter())[a["polarity"]] += 1
        assert {st.aspect for st in summary.aspects} == set(per_aspect)
        for st in summary.aspects:
            c = per_aspect[st.aspect]
            assert (st.mentions, st.positive, st.negative, st.neutral) == \
                (sum(c.values()), c["positive"], c["negative"], c["neutral"])
            if st.quote_review_id:  # the quote is a clause of the review it names
                quoted = next(l for l in labels if l["id"] == st.quote_review_id)
                assert any(a["aspect"] == st.aspect and a["polarity"] == st.dominant for a in quoted["aspects"])
            checked_aspects += 1
        kw = Counter(k for l in labels for k in dict.fromkeys(l["keywords"]))
        assert all(kw[k] == n for k, n in summary.keywords)
        # Every number in the paragraph is one of the recomputed counts.
        allowed = {len(labels), *sentiment.values(), *(v for c in per_aspect.values() for v in c.values()),
                   *kw.values(), sum(hist.values()), 0, 5}
        text = re.sub(r'"[^"]*"', "", summary.customers_say)  # quotes are the reviews' own words
        for number in re.findall(r"(?<![\d.])\d+(?![\d.])", text.replace(f"{summary.mean_rating or 0:.1f}", "")):
            assert int(number) in allowed, (number, text)
        if summary.mean_rating is not None:
            mean = sum(k * v for k, v in hist.items()) / sum(hist.values())
            assert f"Mean rating {mean:.1f} of 5" in text
    assert checked_aspects > 10


def test_ingest_vectors_are_reused_for_review_sentiment(tmp_path):
    """The ingest hook passes the chunk vectors on: no review is embedded again."""
    import sqlite3

    np = pytest.importorskip("numpy")
    from analytics.ingest import IngestAnalyzer
    from analytics.sentiment import SentimentHead

    try:
        from chatbot.chunking import product_chunks
    except ImportError:
        from chatbot.data.chunking import product_chunks

    class Exploding:
        name, dim = "e5-small", 384

        def embed_documents(self, texts):
            raise AssertionError(f"embedded again: {texts}")

    analyzer = IngestAnalyzer(Exploding())
    assert analyzer.reuse_vectors and isinstance(analyzer.head, SentimentHead)
    product = Product("p1", "Buds Pro", category="audio")
    chunks = product_chunks(product, [Review("r1", "p1", "Great sound but the battery dies fast.", rating=4),
                                      Review("r2", "p1", "Terrible, it broke in a week.", rating=1)], [])
    vectors = np.random.default_rng(0).normal(size=(len(chunks), 384)).tolist()
    conn = sqlite3.connect(tmp_path / "shop.db")
    analyzer.annotate(conn, chunks, vectors)
    review = {c.metadata.get("review_id"): c.metadata for c in chunks if c.kind == "review"}
    assert review["r1"]["sentiment"] in {"positive", "negative", "neutral"}
    assert set(review["r1"]["aspects"].split(",")) == {"sound", "battery"}


def _analytics_imports() -> dict[str, set[str]]:
    """module -> analytics modules it imports, at any level (function bodies too)."""
    graph = {}
    for path in sorted((ROOT / "analytics").glob("*.py")):
        name = path.stem
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level == 1:
                    if node.module:
                        deps.add(node.module.split(".")[0])
                    else:
                        deps.update(a.name for a in node.names)
                elif node.module and node.module.startswith("analytics."):
                    deps.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                deps.update(a.name.split(".")[1] for a in node.names if a.name.startswith("analytics."))
        graph[name] = deps - {name}
    return graph


def test_no_import_cycles_and_small_modules():
    graph = _analytics_imports()
    graph.pop("__init__", None)  # the package's face imports, nothing imports it back
    state: dict[str, int] = {}

    def visit(node, trail):
        if state.get(node) == 1:
            raise AssertionError("import cycle: " + " -> ".join(trail + [node]))
        if state.get(node) == 2 or node not in graph:
            return
        state[node] = 1
        for dep in sorted(graph[node]):
            visit(dep, trail + [node])
        state[node] = 2

    for module in sorted(graph):
        visit(module, [])
    assert "store" not in graph["analyzer"] and "analyzer" not in graph["incremental"]
    for path in (ROOT / "analytics").glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path
