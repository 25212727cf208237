"""The vector store: Chroma, as an embedded folder or a server (`SHOPBOT_CHROMA_URL`).

One process owns an embedded folder; shops that run several processes point all of them at
`chroma run` by URL. We compute embeddings ourselves (so ingest can reuse them for analytics) and
still hand Chroma our embedding function, so it never falls back to its downloading default.
"""
from __future__ import annotations

from typing import Any, Iterable, Sequence

from chatbot.config import Settings
from chatbot.errors import BackendError, ConfigError
from chatbot.types import Chunk, Hit


class _ChromaEmbeddingFunction:
    """Adapter from a langchain `Embeddings` to Chroma's embedding-function protocol."""

    def __init__(self, embedder):
        self.embedder = embedder

    def __call__(self, input):  # noqa: A002 - Chroma's name
        import numpy as np

        return [np.asarray(v, dtype="float32") for v in self.embedder.embed_documents(list(input))]

    def embed_query(self, input):  # noqa: A002
        import numpy as np

        return [np.asarray(self.embedder.embed_query(t), dtype="float32") for t in input]

    @staticmethod
    def name() -> str:
        return "shopbot"

    def is_legacy(self) -> bool:
        return True

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine"]

    def get_config(self) -> dict:
        return {}


def make_client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if settings.chroma_url:
        from urllib.parse import urlparse

        url = urlparse(settings.chroma_url)
        if not url.hostname:
            raise ConfigError(f"SHOPBOT_CHROMA_URL={settings.chroma_url!r} is not a URL like http://127.0.0.1:8000")
        try:
            return chromadb.HttpClient(
                host=url.hostname,
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
        except Exception as exc:  # chromadb raises plain ValueError/ConnectionError here
            raise BackendError(
                f"cannot reach the Chroma server at {settings.chroma_url}: {exc}. "
                "Start it with `chroma run --path DIR --host 127.0.0.1 --port 8000` or unset SHOPBOT_CHROMA_URL."
            ) from exc
    settings.store_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.store_dir), settings=chroma_settings)


def _where(filters: dict[str, Any] | None) -> dict | None:
    """Build a Chroma `where` from simple filters: product_id(s), kind(s), category, price, in_stock."""
    if not filters:
        return None
    clauses: list[dict] = []
    for key, value in filters.items():
        if value is None:
            continue
        if key == "price_min":
            clauses.append({"price": {"$gte": float(value)}})
        elif key == "price_max":
            clauses.append({"price": {"$lte": float(value)}})
        elif isinstance(value, (list, tuple, set)):
            clauses.append({key: {"$in": list(value)}})
        else:
            clauses.append({key: value})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class Store:
    """Chunks in one Chroma collection, upserted by id, queried by vector with filters."""

    def __init__(self, settings: Settings, embedder, client=None):
        self.settings = settings
        self.embedder = embedder
        self.client = client or make_client(settings)
        name = f"{settings.collection}-{_slug(getattr(embedder, 'name', 'custom'))}"
        try:
            self.collection = self.client.get_or_create_collection(
                name,
                embedding_function=_ChromaEmbeddingFunction(embedder),
                metadata={"hnsw:space": "cosine", "embedder": getattr(embedder, "name", "custom")},
            )
        except Exception as exc:
            if settings.chroma_url:
                raise BackendError(f"Chroma server at {settings.chroma_url} failed: {exc}") from exc
            raise

    def count(self) -> int:
        return self.collection.count()

    def upsert(self, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]]) -> None:
        if not chunks:
            return
        self.collection.upsert(
            ids=[c.id for c in chunks],
            documents=[c.text for c in chunks],
            metadatas=[_clean(c.metadata) for c in chunks],
            embeddings=[list(map(float, v)) for v in vectors],
        )

    def delete(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        for i in range(0, len(ids), 5000):
            self.collection.delete(ids=ids[i : i + 5000])

    def query(self, vector: Sequence[float], k: int = 8, filters: dict | None = None) -> list[Hit]:
        where = _where(filters)
        result = self.collection.query(
            query_embeddings=[list(map(float, vector))],
            n_results=max(1, k),
            where=where,
            include=["documents", "metadatas", "distances"],
        )
        hits = []
        for cid, doc, meta, dist in zip(
            result["ids"][0], result["documents"][0], result["metadatas"][0], result["distances"][0]
        ):
            meta = dict(meta or {})
            chunk = Chunk(cid, meta.get("product_id", ""), meta.get("kind", ""), doc or "", meta)
            hits.append(Hit(chunk, 1.0 - float(dist)))
        return hits

    def get(self, ids: Sequence[str]) -> list[Chunk]:
        if not ids:
            return []
        result = self.collection.get(ids=list(ids), include=["documents", "metadatas"])
        by_id = {c.id: c for c in _chunks(result)}
        return [by_id[i] for i in ids if i in by_id]

    def of_product(self, product_id: str, limit: int) -> tuple[list[Chunk], list]:
        """Up to `limit` of a product's chunks, in no particular order, and their vectors."""
        result = self.collection.get(where={"product_id": product_id}, limit=limit,
                                     include=["documents", "metadatas", "embeddings"])
        return _chunks(result), list(result["embeddings"])

    def texts(self, page: int = 5000) -> Iterable[tuple[str, str]]:
        """Every chunk's id and text, read a page at a time (the lexical index is built from them)."""
        for offset in range(0, self.count(), page):
            result = self.collection.get(include=["documents"], limit=page, offset=offset)
            yield from zip(result["ids"], (d or "" for d in result["documents"]))

    def with_vectors(self, ids: Sequence[str], filters: dict | None = None) -> tuple[list[Chunk], list]:
        """The chunks of `ids` that pass `filters`, and their vectors."""
        if not ids:
            return [], []
        result = self.collection.get(ids=list(ids), where=_where(filters),
                                     include=["documents", "metadatas", "embeddings"])
        return _chunks(result), list(result["embeddings"])

    def as_langchain(self):
        """The same collection as a `langchain_chroma.Chroma` vector store."""
        from langchain_chroma import Chroma

        return Chroma(client=self.client, collection_name=self.collection.name, embedding_function=self.embedder)


def _chunks(result) -> list[Chunk]:
    return [Chunk(cid, (m or {}).get("product_id", ""), (m or {}).get("kind", ""), d or "", dict(m or {}))
            for cid, d, m in zip(result["ids"], result["documents"], result["metadatas"])]


def _slug(name: str) -> str:
    import re

    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-._")[:40] or "custom"


def _clean(meta: dict) -> dict:
    """Chroma metadata values must be str, int, float or bool (no None, no lists)."""
    out = {}
    for key, value in meta.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            value = ",".join(str(v) for v in value)
        elif isinstance(value, dict):
            import json

            value = json.dumps(value, ensure_ascii=False)
        out[key] = value
    return out
