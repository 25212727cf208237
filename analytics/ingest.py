"""The analyzer `chatbot.data.shop.Shop` runs at ingest (`analyzer.annotate(conn, chunks, vectors)`).

The sentiment head reads e5-small embeddings. When the shop retrieves with another embedder
(e.g. MiniLM), analytics keeps its own e5-small instead of feeding the head vectors from a
different space.
"""
from __future__ import annotations

from .analyzer import ReviewAnalyzer
from .embedding import E5_NAMES, embedder_name


class IngestAnalyzer(ReviewAnalyzer):
    def __init__(self, embedder="e5-small", **kwargs):
        if not isinstance(embedder, str) and embedder_name(embedder) not in E5_NAMES:
            embedder = "e5-small"
        super().__init__(embedder, **kwargs)
