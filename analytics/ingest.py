"""The analyzer `chatbot.data.shop.Shop` runs at ingest (`analyzer.annotate(conn, chunks, vectors)`).

The sentiment head reads e5-small embeddings. When the shop embeds with e5-small too (the
default), the review chunks' vectors are reused for review-level sentiment instead of embedding
each review again. When the shop retrieves with another embedder (e.g. MiniLM), analytics keeps
its own e5-small instead of feeding the head vectors from a different space.
"""
from __future__ import annotations

from .analyzer import ReviewAnalyzer
from .embedding import E5_NAMES, embedder_name


class IngestAnalyzer(ReviewAnalyzer):
    def __init__(self, embedder="e5-small", **kwargs):
        same = embedder_name(embedder) in E5_NAMES if not isinstance(embedder, str) else embedder in E5_NAMES
        if not same:
            embedder = "e5-small"
        super().__init__(embedder, **kwargs)
        self.reuse_vectors = same
