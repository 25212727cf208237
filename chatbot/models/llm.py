"""LLM backends behind one small interface: local transformers models and OpenAI-compatible servers.

Messages are OpenAI-style dicts: {"role": "system"|"user"|"assistant", "content": str}.
`stream()` yields text pieces and, when given a `stats` dict, fills prompt_tokens, output_tokens,
ttft_s (time to first token) and total_s. `generate()` joins the stream into a `Generation`.
"""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from chatbot.errors import ConfigError, ModelError
from chatbot.models.base import Generation, LLMBackend, _Backend, _check_messages, _StopFilter  # noqa: F401
from chatbot.models.openai_compat import OpenAICompatLLM


# ---------------------------------------------------------------- transformers


def _pick_device(device: str | None) -> str:
    import torch

    device = (device or "auto").lower()
    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise ConfigError(f"device '{device}' asked for, but torch sees no CUDA GPU; use SHOPBOT_DEVICE=cpu")
    return device


def _cpu_has_bf16() -> bool:
    # bf16 matmuls are ~2x faster than fp32 on CPUs with native bf16 (AVX512-BF16, AMX) and much
    # slower where torch has to emulate them.
    try:
        with open("/proc/cpuinfo") as f:
            flags = f.read()
        return "avx512_bf16" in flags or "amx_bf16" in flags
    except OSError:
        return False


_DTYPES = {"bf16": "bfloat16", "bfloat16": "bfloat16", "fp16": "float16", "float16": "float16",
           "half": "float16", "fp32": "float32", "float32": "float32", "float": "float32"}


def _pick_dtype(dtype, device: str):
    import torch

    if isinstance(dtype, torch.dtype):
        return dtype
    dtype = (dtype or "auto").lower()
    if dtype != "auto":
        if dtype not in _DTYPES:
            raise ConfigError(f"unknown dtype '{dtype}'; use auto, bf16, fp16 or fp32")
        return getattr(torch, _DTYPES[dtype])
    if device.startswith("cuda"):
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    return torch.bfloat16 if device == "cpu" and _cpu_has_bf16() else torch.float32


def _common_prefix(a: list[int], b: list[int]) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


class _PrefixCache:
    """KV caches of the last few prompts; a new prompt reuses the longest shared token prefix.

    On CPU the time to first token is mostly prefill, and consecutive prompts share the system
    message (and, in a chat, the whole history). Generation extends the cache in place, so the
    entry put back after a call covers prompt + answer and no copy is ever made.
    """

    def __init__(self, slots: int = 4, min_tokens: int = 16):
        self.slots, self.min_tokens = slots, min_tokens
        self.entries: list[tuple[list[int], object]] = []

    def take(self, ids: list[int]):
        best, best_len = -1, 0
        for i, (cached_ids, _) in enumerate(self.entries):
            n = _common_prefix(cached_ids, ids)
            if n > best_len:
                best, best_len = i, n
        n = min(best_len, len(ids) - 1)  # at least one token must be fed to get logits
        if best < 0 or n < self.min_tokens:
            return None, 0
        _, cache = self.entries.pop(best)
        try:
            extra = cache.get_seq_length() - n
            if extra > 0:
                cache.crop(-extra)  # negative = drop that many tokens, in every transformers 5.x
        except Exception:  # e.g. sliding-window layers cannot be cropped: just do not reuse
            return None, 0
        if cache.get_seq_length() != n:
            return None, 0
        return cache, n

    def put(self, ids: list[int], cache) -> None:
        self.entries.append((ids, cache))
        del self.entries[: -self.slots]

    def clear(self) -> None:
        self.entries.clear()


class TransformersLLM(_Backend):
    """A local Hugging Face causal LM. Generation is serialized by a lock (thread-safe)."""

    def __init__(self, path_or_id: str | Path, device: str = "auto", dtype="auto", threads: int | None = None,
                 *, name: str | None = None, prefix_cache: bool = True, static: bool | None = None):
        try:
            import torch
            from transformers import AutoModelForCausalLM, AutoTokenizer
        except ImportError as exc:
            raise ModelError(f"the local LLM needs torch and transformers ({exc}); pip install 'shopbot'") from exc
        if threads:
            torch.set_num_threads(int(threads))
        self.name = name or Path(str(path_or_id)).name or str(path_or_id)
        self.device = _pick_device(device)
        self.dtype = _pick_dtype(dtype, self.device)
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(str(path_or_id))
            model = AutoModelForCausalLM.from_pretrained(str(path_or_id), dtype=self.dtype)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load LLM from '{path_or_id}': {exc}") from exc
        self.model = model.to(self.device).eval()
        if not self.tokenizer.chat_template:
            raise ModelError(f"'{path_or_id}' has no chat template: use an instruct/chat model")
        self._eos = self._eos_ids()
        self._pad = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else self._eos[0]
        # transformers 5.x renamed generate's `past_key_values` to `cache`.
        import inspect

        params = inspect.signature(self.model.forward).parameters
        self._cache_kw = "cache" if "cache" in params else "past_key_values"
        # Only the last position's logits are needed: the vocabulary projection of every prompt
        # position costs about a tenth of a 0.5B model's prefill.
        self._last_only = {"logits_to_keep": 1} if "logits_to_keep" in params else {}
        self._queue_ahead = self.device.startswith("cuda")  # see _decode
        # On a GPU, replies decode through generate with a static cache and a compiled step
        # (models/static.py): several times faster there than our loop. On CPU our loop keeps the
        # prefix cache, which is what the time to first token depends on there.
        self._static = None
        if static if static is not None else self.device.startswith("cuda"):
            from chatbot.models.static import StaticDecoder

            self._static = StaticDecoder(self.model, self._cache_kw, self._eos, self._pad)
        self._prefix = _PrefixCache() if prefix_cache and self._static is None else None
        self._lock = threading.Lock()

    def _eos_ids(self) -> list[int]:
        # Chat models end a turn with a marker that is not always the config's eos (Qwen: <|im_end|>
        # vs <|endoftext|>); stop on any of them.
        ids = []
        for value in (self.model.generation_config.eos_token_id, self.tokenizer.eos_token_id):
            ids += value if isinstance(value, list) else [value]
        added = self.tokenizer.get_added_vocab()  # special markers are added tokens
        for marker in ("<|im_end|>", "<|eot_id|>", "<end_of_turn>", "<|end|>", "<|endoftext|>"):
            if marker in added:
                ids.append(added[marker])
        ids = list(dict.fromkeys(i for i in ids if i is not None))
        if not ids:
            raise ModelError(f"model '{self.name}' has no end-of-sequence token")
        return ids

    def prompt_ids(self, messages: list[dict]) -> list[int]:
        text = self.tokenizer.apply_chat_template(_check_messages(messages), tokenize=False,
                                                  add_generation_prompt=True)
        # The template already wrote any BOS; do not add another.
        return self.tokenizer(text, add_special_tokens=False)["input_ids"]

    def count_tokens(self, messages: list[dict]) -> int:
        return len(self.prompt_ids(messages))

    def clear_cache(self) -> None:
        with self._lock:
            if self._prefix:
                self._prefix.clear()

    def stream(self, messages, *, max_new_tokens=192, temperature=0.0, stop=None, stats=None):
        # On CPU, a decode loop of our own in the caller's thread rather than `generate` in a
        # worker thread feeding a streamer: no thread, streamer or cancel flag (when the caller
        # stops iterating, the loop stops and the lock is released), and a prefix cache across
        # replies. On a GPU, `generate` with a static cache (see __init__).
        from transformers import DynamicCache

        t0 = time.perf_counter()
        with self._lock:
            ids = self.prompt_ids(messages)
            if self._static is not None:
                yield from self._stream_static(ids, max_new_tokens, temperature, stop, stats, t0)
                return
            cache, reused = self._prefix.take(ids) if self._prefix else (None, 0)
            cache = cache if cache is not None else DynamicCache(config=self.model.config)
            out: list[int] = []
            timing: dict = {}
            ok = False
            try:
                yield from _StopFilter(stop).apply(
                    self._texts(self._decode(ids, reused, cache, max_new_tokens, temperature, timing), out))
                ok = True
            except GeneratorExit:
                ok = True  # the caller stopped early; the cache is consistent up to its last step
                raise
            finally:
                n = cache.get_seq_length()
                seq = ids + out
                if ok and self._prefix and 0 < n <= len(seq):
                    self._prefix.put(seq[:n], cache)
                if stats is not None:
                    end = time.perf_counter()
                    stats.update(prompt_tokens=len(ids), output_tokens=len(out), cached_tokens=reused,
                                 ttft_s=timing.get("first", end) - t0, total_s=end - t0)

    def _stream_static(self, ids, max_new_tokens, temperature, stop, stats, t0):
        cancel = threading.Event()
        out: list[int] = []
        timing: dict = {}
        tokens = self._static.tokens(ids, max_new_tokens, temperature, cancel, timing)
        try:
            yield from _StopFilter(stop).apply(self._texts(tokens, out))
        except ModelError:
            raise
        except Exception as exc:
            raise ModelError(f"generation failed in '{self.name}': {exc}") from exc
        finally:
            cancel.set()  # a stop string or an early close: generate ends at its next step
            tokens.close()  # returns once generate has, so the lock is released only then
            if stats is not None:
                end = time.perf_counter()
                stats.update(prompt_tokens=len(ids), output_tokens=len(out), cached_tokens=0,
                             ttft_s=timing.get("first", end) - t0, total_s=end - t0)

    def _texts(self, tokens, out):
        """Yield the text of each new token as soon as it decodes (a character split across
        tokens waits for its other half); the ids go to `out`; stops at end-of-turn."""
        eos = set(self._eos)
        shown = ""
        for token in tokens:
            out.append(token)
            if token in eos:
                return
            text = self.tokenizer.decode(out, skip_special_tokens=True)
            if not text.endswith("\ufffd") and len(text) > len(shown):
                yield text[len(shown):]
                shown = text

    def _decode(self, ids, reused, cache, max_new_tokens, temperature, timing):
        """Our own loop over a dynamic cache: yield each new token id as it decodes."""
        import torch

        penalty = getattr(self.model.generation_config, "repetition_penalty", None) or 1.0
        seen = torch.tensor(ids[:reused], dtype=torch.long, device=self.device)

        def step(feed):  # one forward pass; the next token stays on the device
            nonlocal seen
            try:
                with torch.no_grad():
                    logits = self.model(input_ids=feed, use_cache=True, **{self._cache_kw: cache},
                                        **self._last_only).logits[0, -1].float()
            except Exception as exc:
                raise ModelError(f"generation failed in '{self.name}': {exc}") from exc
            if penalty != 1.0:  # a hub model's own generation config may ask for one
                seen = torch.cat([seen, feed.view(-1)])
                picked = logits[seen]
                logits[seen] = torch.where(picked > 0, picked / penalty, picked * penalty)
            if temperature and temperature > 0:
                return torch.multinomial(torch.softmax(logits / float(temperature), -1), 1)
            return logits.argmax().view(1)

        nxt = step(torch.tensor([ids[reused:]], device=self.device))
        for i in range(max_new_tokens):
            last = i + 1 == max_new_tokens
            # Reading a token blocks the host until the device has computed it. On a GPU, queue
            # the next step first, as transformers' generate defers its stop check, so the device
            # is never idle waiting for Python; the step queued after the last token is wasted.
            # On CPU every op runs as it is called: queuing ahead would only delay each token.
            queued = step(nxt.view(1, 1)) if self._queue_ahead and not last else None
            token = int(nxt)
            timing.setdefault("first", time.perf_counter())
            yield token  # the reader stops at end-of-turn by closing this generator
            if not last:
                nxt = queued if queued is not None else step(nxt.view(1, 1))


# ---------------------------------------------------------------- factory


def load_llm(spec_or_instance=None, settings=None, **kw) -> LLMBackend:
    """Preset name, hub id or folder -> TransformersLLM; "openai:URL[#model]" -> OpenAICompatLLM;
    "llamacpp:PRESET[#quant]" or "llamacpp:FILE.gguf" -> LlamaCppLLM;
    an object with stream/generate passes through. None means the configured `settings.llm`."""
    if spec_or_instance is not None and not isinstance(spec_or_instance, (str, Path)):
        if callable(getattr(spec_or_instance, "stream", None)) and callable(getattr(spec_or_instance, "generate", None)):
            return spec_or_instance
        raise ConfigError(f"not an LLM backend: {spec_or_instance!r}")
    if settings is None:
        from chatbot.config import Settings

        settings = Settings()
    spec = str(spec_or_instance or settings.llm).strip()
    if spec.startswith("openai:"):
        url, _, model = spec[len("openai:"):].partition("#")
        if not url.startswith(("http://", "https://")):
            raise ConfigError(f"bad LLM spec '{spec}': expected openai:http://host:port/v1#model")
        api_key = os.environ.get("SHOPBOT_API_KEY") or os.environ.get("OPENAI_API_KEY")
        return OpenAICompatLLM(url, model or None, api_key=api_key, **kw)
    if spec.startswith("llamacpp:"):
        from chatbot.models.llamacpp import LlamaCppLLM, resolve_gguf

        return LlamaCppLLM(resolve_gguf(spec[len("llamacpp:"):], settings), threads=settings.threads, name=spec, **kw)
    from chatbot.models.presets import resolve_llm

    path = resolve_llm(spec, settings)
    return TransformersLLM(path, device=settings.device, threads=settings.threads, name=spec, **kw)
