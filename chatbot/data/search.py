"""Retrieval: dense search in the store, narrowed by product page and filters, with products
named in the question pulled in. Whole-catalog search also takes BM25's best chunks and orders
all candidates by cosine plus a share of BM25; each hit's score stays cosine plus the share of
the question's words it holds (the assistant's "has the catalog anything on this?" threshold)."""
from __future__ import annotations

import threading

from chatbot.data.catalog import ShopDB
from chatbot.types import Hit

from chatbot.data.lexical import STOPWORDS, stem, terms, words  # noqa: F401 - the assistant reads them here


PAGE_READ = 500  # a product page with fewer chunks is read whole (Retriever.page)
BM25_WEIGHT = 0.1  # whole-catalog order: cosine + this x a chunk's BM25 score / the query's best


class Retriever:
    def __init__(self, db: ShopDB, store, embedder, lexical_weight: float = 0.2, bm25_weight: float | None = None):
        self.db, self.store, self.embedder = db, store, embedder
        self.lexical_weight = lexical_weight
        self.bm25_weight = BM25_WEIGHT if bm25_weight is None else bm25_weight  # read here: benches set it
        self._titles: list[tuple[str, set[str]]] | None = None
        self._lexicon = None
        self._lock = threading.Lock()

    def refresh(self) -> None:
        """Forget cached titles and the lexical index (call after ingest)."""
        self._titles, self._lexicon = None, None

    def lexicon(self):
        """The BM25 index in shop.db, which ingest keeps up to date. Checked against the store on
        first use (and after `refresh`): a shop.db from before the index, or chunks another
        process put straight into a shared store, make it rebuild once from the store's texts."""
        with self._lock:
            if self._lexicon is None:
                from chatbot.data.lexical import Lexicon

                lexicon = Lexicon(self.db.connect)
                if len(lexicon) != self.store.count():
                    lexicon.rebuild(self.store.texts())
                self._lexicon = lexicon
            return self._lexicon

    def mentioned_products(self, text: str, limit: int = 3) -> list[str]:
        """Products whose title (or id) the text names, best match first."""
        with self._lock:
            if self._titles is None:
                self._titles = [(p.id, set(words(p.title))) for p in self.db.products() if p.title]
        lowered = text.lower()
        query = set(words(text))
        scored = []
        for pid, title in self._titles:
            if pid.lower() in lowered:
                scored.append((2.0, pid))
            elif title:
                share = len(title & query) / len(title)
                if share >= 0.6 and len(title & query) >= min(2, len(title)):
                    scored.append((share, pid))
        scored.sort(reverse=True)
        if not scored:
            return []
        # "Pacelyn Drift 7 WP Road Running Shoe" shares most words with its siblings: keep only
        # the titles matched about as well as the best one (two for "X or Y" comparisons).
        best = scored[0][0]
        return [pid for share, pid in scored[:limit] if share >= best - 0.05]

    def search(
        self,
        query: str,
        k: int = 6,
        product_id: str | None = None,
        filters: dict | None = None,
        product_ids: list[str] | None = None,
    ) -> list[Hit]:
        """Best chunks for `query`. `product_id` (the product page) or `product_ids` narrow the
        search to those products; `filters` holds category, price_min, price_max, in_stock, kind."""
        vector = self.embedder.embed_query(query)
        filters = dict(filters or {})
        if product_id:
            return self._rerank(query, self.store.query(vector, k * 3, {**filters, "product_id": product_id}), k)
        if product_ids:
            return self._rerank(query, self.store.query(vector, k * 3, {**filters, "product_id": product_ids}), k)
        hits = self.store.query(vector, k * 4, filters)
        named = self.mentioned_products(query)
        if named:
            self._add(hits, self.store.query(vector, k * 2, {**filters, "product_id": named}))
        asked = terms(query)
        lexical = self.lexicon().top(asked, k * 4) if self.bm25_weight else {}
        lexical_only: set[str] = set()
        if lexical:  # BM25's best chunks join the dense ones, scored by cosine like them
            seen = {h.chunk.id for h in hits}
            chunks, vectors = self.store.with_vectors([cid for cid in lexical if cid not in seen], filters)
            self._add(hits, [Hit(c, float(s)) for c, s in zip(chunks, _cosine(vectors, vector))])
            lexical_only = {c.id for c in chunks}
            lexical.update(self.lexicon().scores(asked, [h.chunk.id for h in hits if h.chunk.id not in lexical]))
        for h in hits:  # a product named in the question is what the shopper asks about
            if h.product_id in named:
                h.score += 0.1
        best = max(lexical.values(), default=1.0)
        order = {h.chunk.id: h.score + self.bm25_weight * lexical.get(h.chunk.id, 0.0) / best for h in hits}
        # A chunk only BM25 found holds the words asked, but the dense index did not place it near
        # the question: its score stays its cosine, so it cannot alone vouch that the catalog
        # covers the question ("return policy for opened items" finds reviews saying "opened").
        return self._rerank(query, hits, k, order if lexical else None, unscored=lexical_only)

    @staticmethod
    def _add(hits: list[Hit], more: list[Hit]) -> None:
        seen = {h.chunk.id for h in hits}
        hits.extend(h for h in more if h.chunk.id not in seen)

    def page(self, query: str, product_id: str, k: int) -> list[Hit]:
        """A product page's best chunks for `query`, as `search(query, k, product_id)` ranks them,
        from one read of the page's chunks and vectors instead of an index query. A page of at most
        `k` chunks gives all of them, ordered by the query's words alone: embedding the query (most
        of the pipeline's time before the first token) would only reorder them; their scores are
        then word overlap only. A page too big to read whole is searched through the index."""
        chunks, vectors = self.store.of_product(product_id, PAGE_READ)
        if len(chunks) >= PAGE_READ:
            return self.search(query, k=k, product_id=product_id)
        if len(chunks) > k:
            import numpy as np

            scores = _cosine(vectors, self.embedder.embed_query(query))
            best = np.argsort(-scores, kind="stable")[: k * 3]  # the candidates search() reranks
            return self._rerank(query, [Hit(chunks[i], float(scores[i])) for i in best], k)
        order = {"qa": 0, "card": 1, "review": 2, "description": 3}  # ties: the kinds that answer most
        return self._rerank(query, [Hit(c, 0.0) for c in sorted(chunks, key=lambda c: order.get(c.kind, 4))], k)

    def _rerank(self, query: str, hits: list[Hit], k: int, order: dict[str, float] | None = None,
                unscored: set[str] = frozenset()) -> list[Hit]:
        """Adds to each hit's score (but those in `unscored`) the share of the query's words it
        holds; the best `k` by score, or by `order` (chunk id -> key) where given."""
        q = set(words(query))
        if q and self.lexical_weight:
            for h in hits:
                if h.chunk.id in unscored:
                    continue
                overlap = len(q & set(words(h.chunk.text))) / len(q)
                h.score += self.lexical_weight * overlap
        hits.sort(key=(lambda h: order[h.chunk.id]) if order else (lambda h: h.score), reverse=True)
        return hits[:k]


def _cosine(vectors, vector):
    """Cosine of each row of `vectors` with `vector`, as the index scores them."""
    import numpy as np

    q = np.asarray(vector, dtype=np.float32)
    m = np.asarray(vectors, dtype=np.float32).reshape(len(vectors), len(q))
    return m @ q / np.maximum(np.linalg.norm(m, axis=1) * np.linalg.norm(q), 1e-12)
