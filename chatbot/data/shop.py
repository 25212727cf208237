"""`Shop`: the shop's data (records, vector store, embedder, retriever), opened lazily."""
from __future__ import annotations

import threading
from functools import cached_property
from pathlib import Path

from chatbot.data.catalog import ShopDB
from chatbot.config import Settings


class Shop:
    def __init__(self, settings: Settings | None = None, *, embedder=None, chroma_client=None):
        self.settings = settings or Settings()
        self.settings.ensure_home()
        self._embedder = embedder
        self._client = chroma_client
        self._lock = threading.Lock()

    @cached_property
    def db(self) -> ShopDB:
        return ShopDB(self.settings.home / "shop.db")

    @property
    def embedder(self):
        with self._lock:
            if self._embedder is None or isinstance(self._embedder, str):
                from chatbot.data.embed import load_embedder

                self._embedder = load_embedder(self._embedder or self.settings.embedder, self.settings)
            return self._embedder

    @cached_property
    def store(self):
        from chatbot.data.store import Store

        return Store(self.settings, self.embedder, client=self._client)

    @cached_property
    def retriever(self):
        from chatbot.data.search import Retriever

        return Retriever(self.db, self.store, self.embedder)

    @cached_property
    def analyzer(self):
        """Review analytics, run at ingest."""
        from analytics.ingest import IngestAnalyzer

        return IngestAnalyzer(self.embedder)

    def sentiment_by_product(self) -> dict[str, float]:
        """Each product's share of positive reviews, for ranking; empty before any analytics ran."""
        import sqlite3

        from analytics.store import product_sentiment

        try:
            return product_sentiment(self.db.connect())
        except sqlite3.OperationalError:  # no analytics tables yet: rank without them
            return {}

    def ingest(self, folder: Path | str, *, strict: bool = False, prune: bool = False,
               analytics: bool = True, progress: bool = True):
        from chatbot.data.ingest import ingest

        result = ingest(folder, self.db, self.store, self.embedder, strict=strict, prune=prune,
                        analyzer=self.analyzer if analytics else None, progress=progress)
        self.retriever.refresh()
        return result

    def search(self, query: str, k: int = 6, product_id: str | None = None, filters: dict | None = None):
        return self.retriever.search(query, k=k, product_id=product_id, filters=filters)
