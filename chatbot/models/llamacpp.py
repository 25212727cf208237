"""A llama.cpp backend (llama-cpp-python) on the presets' own GGUF files, for CPUs.

Decoding reads every weight once a token, so on a CPU it is bound by memory bandwidth and a 4-bit
model decodes several times faster than the bf16 copy transformers runs (issue 17 measured 57
against 11 tok/s for the 0.5B on 2 cores). The preset's pieces are joined and sha256-verified as
for the transformers cache, and can be requantized once to Q4_0 (llama.cpp's fastest 4-bit kernels on
x86; a few seconds) on request, and kept under `models_dir/<preset>-gguf/`. The default is the
GGUF as shipped (Q4_K_M): on the demo eval it answered exactly as the bf16 transformers backend,
while Q4_0 (rounding those 4-bit weights again) decoded faster but refused less well (bench/README).

    SHOPBOT_LLM=llamacpp:qwen-0.5b          # preset, its GGUF as shipped
    SHOPBOT_LLM=llamacpp:qwen-0.5b#q4_0     # requantized once (q4_0, q8_0, q4_k_m; native = as shipped)
    SHOPBOT_LLM=llamacpp:/path/model.gguf   # any GGUF file

Prefix reuse: llama-cpp-python keeps the KV cache of the last prompt and evaluates only the tokens
after the longest shared prefix, so the system prompt of consecutive replies is not prefilled again.
"""
from __future__ import annotations

import json
import os
import shutil
import threading
import time
from pathlib import Path

from chatbot.errors import ConfigError, ModelError
from chatbot.models.base import _Backend, _check_messages, _StopFilter

QUANTS = {"q4_0": "LLAMA_FTYPE_MOSTLY_Q4_0", "q8_0": "LLAMA_FTYPE_MOSTLY_Q8_0", "q4_k_m": "LLAMA_FTYPE_MOSTLY_Q4_K_M"}
DEFAULT_QUANT = "native"
MARKER = "shopbot-gguf.json"


def _llama_cpp():
    try:
        import llama_cpp
    except ImportError as exc:
        raise ModelError(
            f"the llama.cpp backend needs llama-cpp-python ({exc}): pip install 'shopbot[llamacpp]' "
            "(builds llama.cpp from source where no wheel fits: about 6 minutes on 2 cores)"
        ) from None
    return llama_cpp


def quantize(src: Path, dest: Path, quant: str) -> None:
    llama_cpp = _llama_cpp()
    import ctypes

    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = getattr(llama_cpp, QUANTS[quant])
    # The presets ship 4-bit K-quants: llama.cpp refuses to requantize quantized tensors unless asked.
    # (From Q4_K_M to Q4_0 this adds rounding error: answer quality must be checked, see bench/README.)
    params.allow_requantize = True
    if llama_cpp.llama_model_quantize(str(src).encode(), str(dest).encode(), ctypes.byref(params)) != 0:
        raise ModelError(f"llama.cpp could not quantize {src.name} to {quant}")


def prepare_gguf(name: str, settings, quant: str = DEFAULT_QUANT, *, progress: bool = True) -> Path:
    """The preset's joined, verified GGUF in `quant` (once; later calls return the file)."""
    from chatbot.models import presets as p

    preset = p._preset(name)
    if preset.kind != "llm":
        raise ConfigError(f"'{name}' is an embedder preset, not an LLM")
    quant = quant.lower()
    if quant != "native" and quant not in QUANTS:
        raise ConfigError(f"unknown llama.cpp quantization '{quant}'; use native, {', '.join(QUANTS)}")
    folder = Path(settings.models_dir) / f"{preset.name}-gguf"
    dest = folder / f"{Path(preset.gguf_name or preset.name).stem}.{quant}.gguf"
    marker = dest.with_suffix(".json")
    try:
        if p._sha_ok(json.loads(marker.read_text()).get("sha256", ""), preset.sha256) and dest.is_file():
            return dest
    except (OSError, ValueError):
        pass
    paths = p.piece_paths(preset)
    folder.mkdir(parents=True, exist_ok=True)
    # Written under temporary names and renamed at the end: a killed run never leaves a file
    # that looks ready.
    tmp = folder / f".{dest.name}.tmp-{os.getpid()}"
    joined = folder / f".{preset.name}.joined-{os.getpid()}.gguf"
    t0 = time.perf_counter()
    try:
        source = paths[0] if len(paths) == 1 else joined
        digest = p.join_pieces(paths, None if len(paths) == 1 else joined, progress=progress,
                               desc=f"join {preset.name}")
        if not p._sha_ok(digest, preset.sha256):
            raise ModelError(f"model '{preset.name}' is corrupt: sha256 {digest[:16]}... expected "
                             f"{preset.sha256[:16]}... Reinstall its packages:\n  {p._reinstall_hint(preset)}")
        if quant == "native":
            shutil.copyfile(source, tmp)
        else:
            if progress:
                print(f"requantizing {preset.name} to {quant} for llama.cpp (seconds)...", flush=True)
            quantize(source, tmp, quant)
        tmp.rename(dest)
        marker.write_text(json.dumps({"preset": preset.name, "sha256": digest, "quant": quant,
                                      "seconds": round(time.perf_counter() - t0, 1)}, indent=1))
    finally:
        tmp.unlink(missing_ok=True)
        joined.unlink(missing_ok=True)
    return dest


def resolve_gguf(spec: str, settings, *, progress: bool = True) -> Path:
    """`llamacpp:` spec (without the prefix) -> a GGUF file."""
    target, _, quant = spec.partition("#")
    from chatbot.models.presets import PRESETS

    if target in PRESETS:
        return prepare_gguf(target, settings, quant or DEFAULT_QUANT, progress=progress)
    path = Path(target).expanduser()
    if quant:
        raise ConfigError(f"'#{quant}' applies to presets only; '{target}' is used as it is")
    if not path.is_file():
        raise ModelError(f"GGUF file '{target}' not found; or use a preset: llamacpp:qwen-0.5b")
    return path


class LlamaCppLLM(_Backend):
    """llama.cpp through llama-cpp-python. Generation is serialized by a lock (thread-safe)."""

    def __init__(self, gguf: str | Path, threads: int | None = None, n_ctx: int = 4096, *, name: str | None = None):
        llama_cpp = _llama_cpp()
        self.name = name or Path(gguf).name
        threads = threads or max(1, min(os.cpu_count() or 1, 8))
        try:
            self._llm = llama_cpp.Llama(model_path=str(gguf), n_ctx=n_ctx, n_threads=threads,
                                        n_threads_batch=threads, verbose=False)
        except (ValueError, RuntimeError) as exc:
            raise ModelError(f"llama.cpp cannot load '{gguf}': {exc}") from exc
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        template = self._llm.metadata.get("tokenizer.chat_template")
        if not template:
            raise ModelError(f"'{gguf}' has no chat template: use an instruct/chat model")

        def token_text(tid: int) -> str:  # as llama-cpp-python's own chat handler does
            return self._llm._model.token_get_text(tid) if tid != -1 else ""

        # The GGUF's own template, formatted here rather than by create_chat_completion, so that
        # the prompt's tokens are known: counted, and compared with the cached prefix.
        self._format = Jinja2ChatFormatter(template, eos_token=token_text(self._llm.token_eos()),
                                           bos_token=token_text(self._llm.token_bos()),
                                           add_generation_prompt=True)
        self._lock = threading.Lock()

    def prompt_ids(self, messages: list[dict]) -> list[int]:
        text = self._format(messages=_check_messages(messages)).prompt
        # The template already wrote any BOS; special markers (<|im_start|>) are single tokens.
        return self._llm.tokenize(text.encode("utf-8"), add_bos=False, special=True)

    def count_tokens(self, messages: list[dict]) -> int:
        return len(self.prompt_ids(messages))

    def clear_cache(self) -> None:
        with self._lock:
            self._llm.reset()
            self._llm._ctx.kv_cache_clear()

    def _check_grammar(self, llama_cpp, grammar) -> None:
        # llama-cpp-python hands a grammar to llama.cpp without checking the result: one that does
        # not parse gives a NULL sampler and a crash at the first token. Parse it here first.
        sampler = llama_cpp.llama_sampler_init_grammar(self._llm._model.vocab, grammar._grammar.encode("utf-8"),
                                                       grammar._root.encode("utf-8"))
        if not sampler:
            raise ValueError("llama.cpp could not parse it (GBNF syntax, or a rule 'root' is missing)")
        llama_cpp.llama_sampler_free(sampler)

    def stream(self, messages, *, max_new_tokens=192, temperature=0.0, stop=None, stats=None,
               grammar: str | None = None, json_schema: dict | None = None):
        """As every backend's `stream`; `grammar` (GBNF text) or `json_schema` constrain the output."""
        llama_cpp = _llama_cpp()
        constraint = None
        try:
            if grammar:
                constraint = llama_cpp.LlamaGrammar.from_string(grammar, verbose=False)
            elif json_schema is not None:
                constraint = llama_cpp.LlamaGrammar.from_json_schema(json.dumps(json_schema), verbose=False)
            if constraint is not None:
                self._check_grammar(llama_cpp, constraint)
        except (ValueError, RuntimeError) as exc:
            raise ConfigError(f"bad grammar for llama.cpp: {exc}") from exc
        t0 = time.perf_counter()
        with self._lock:
            ids = self.prompt_ids(messages)
            prev = list(self._llm.eval_tokens)
            reused = 0
            while reused < min(len(prev), len(ids) - 1) and prev[reused] == ids[reused]:
                reused += 1
            first, pieces = None, 0
            try:
                chunks = self._llm.create_completion(
                    # temperature 0 is greedy; no repetition penalty (the presets' generation
                    # configs ask for none, and the transformers backend applies none then)
                    prompt=ids, max_tokens=max_new_tokens, temperature=float(temperature or 0.0),
                    repeat_penalty=1.0, stop=list(stop or []) or None,
                    stream=True, grammar=constraint)

                def texts():
                    nonlocal first, pieces
                    for chunk in chunks:
                        text = chunk["choices"][0]["text"]
                        pieces += 1
                        if text:
                            first = first or time.perf_counter()
                            yield text

                # llama.cpp honours `stop` itself; the filter also cuts a stop string that spans pieces
                yield from _StopFilter(stop).apply(texts())
            except (ValueError, RuntimeError) as exc:
                raise ModelError(f"generation failed in '{self.name}': {exc}") from exc
            finally:
                if stats is not None:
                    end = time.perf_counter()
                    stats.update(prompt_tokens=len(ids), output_tokens=pieces, cached_tokens=reused,
                                 ttft_s=(first or end) - t0, total_s=end - t0)
