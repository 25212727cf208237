"""GPU decoding through transformers' own `generate` with a static KV cache, streamed.

On a GPU our token-by-token loop over a dynamic cache runs at a fraction of what the hardware
does: each step launches hundreds of small kernels from Python, and the dynamic cache's growing
shapes rule out CUDA graphs. `generate` with a `StaticCache` compiles the one-token step
(torch.compile, mode "reduce-overhead" = CUDA graphs) and replays it, which is the library's best
on the same GPU. This module runs that `generate` and hands its tokens back as they decode.

Why a single long-lived worker thread rather than one per reply: `generate` blocks until the
reply is done, so streaming needs a second thread, and the compiled step's CUDA graphs are
recorded per thread (torch's cudagraph trees keep thread-local state); a fresh thread per reply
would record them again each time.

Why one static cache kept across replies: its length is part of the compiled graph, so a cache
sized per prompt would recompile for each new length. It is allocated in power-of-two buckets
(at least `min_len` tokens, enough for most answer prompts and replies) and only replaced by a larger one.
"""
from __future__ import annotations

import queue
import threading
import time

_DONE = object()


def _bucket(n: int, min_len: int) -> int:
    size = min_len
    while size < n:
        size *= 2
    return size


def _own_cudagraph_state() -> None:
    """Give this thread the cudagraph-tree state torch sets up for the main thread only.

    torch keeps its CUDA-graph trees in thread-local storage, created at import for the importing
    thread (and copied to autograd's threads); compiled code replayed on any other thread fails an
    assertion (`_is_key_in_tls`) in torch 2.11-2.13. A fresh state gives the worker a graph tree
    and memory pool of its own, which is what a thread that alone runs the compiled step needs.
    """
    try:
        from torch._inductor import cudagraph_trees as trees
    except ImportError:  # no inductor: generate runs the step uncompiled
        return
    if hasattr(trees.local, "tree_manager_containers"):
        return
    init = getattr(trees, "_initialize_tls", None)
    if init is not None:
        init(trees.local)
    else:  # torch versions before the helper: the same two attributes
        from collections import defaultdict

        trees.local.tree_manager_containers = {}
        trees.local.tree_manager_locks = defaultdict(threading.Lock)


class StaticDecoder:
    """Runs `model.generate` on a worker thread with a reused StaticCache; `tokens()` yields ids."""

    def __init__(self, model, cache_kw: str, eos: list[int], pad: int, min_len: int = 1024):
        self.model, self.cache_kw, self.eos, self.pad, self.min_len = model, cache_kw, eos, pad, min_len
        self._cache, self.size = None, 0
        self._jobs: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None

    def _cache_for(self, n: int):
        from transformers import StaticCache

        size = _bucket(n, self.min_len)
        if self._cache is None or self.size < size:
            self._cache = None  # free the old one before the new one is allocated
            self._cache, self.size = StaticCache(config=self.model.config, max_cache_len=size), size
        else:
            self._cache.reset()
        return self._cache

    def _worker(self) -> None:
        if next(self.model.parameters()).device.type == "cuda":
            _own_cudagraph_state()
        while True:
            job = self._jobs.get()
            if job is None:
                return
            run, out = job
            try:
                run()
            except BaseException as exc:  # handed to the reader, who raises it in the caller's thread
                out.put(exc)
            finally:
                out.put(_DONE)

    def tokens(self, ids: list[int], max_new_tokens: int, temperature: float, cancel: threading.Event,
               timing: dict):
        """Yield each new token id as `generate` makes it. Setting `cancel` ends generation at the
        next step; the generator always waits for `generate` to return before it finishes, so the
        model is never used by two replies at once."""
        import torch
        from transformers import StoppingCriteria, StoppingCriteriaList
        from transformers.generation.streamers import BaseStreamer

        out: queue.Queue = queue.Queue()

        class Streamer(BaseStreamer):
            prompt_seen = False

            def put(self, value):
                if not self.prompt_seen:  # generate first echoes the prompt
                    self.prompt_seen = True
                    return
                timing.setdefault("first", time.perf_counter())
                for token in value.view(-1).tolist():
                    out.put(token)

            def end(self):
                pass

        class Cancelled(StoppingCriteria):
            def __call__(self, input_ids, scores, **kw):
                return torch.full((input_ids.shape[0],), cancel.is_set(), dtype=torch.bool, device=input_ids.device)

        device = next(self.model.parameters()).device
        sampling = dict(do_sample=True, temperature=float(temperature)) if temperature and temperature > 0 else \
            dict(do_sample=False, temperature=None)

        def run():
            x = torch.tensor([ids], device=device)
            with torch.no_grad():
                self.model.generate(
                    input_ids=x, attention_mask=torch.ones_like(x), max_new_tokens=max_new_tokens,
                    eos_token_id=self.eos, pad_token_id=self.pad, top_p=None, top_k=None,
                    streamer=Streamer(), stopping_criteria=StoppingCriteriaList([Cancelled()]),
                    **{self.cache_kw: self._cache_for(len(ids) + max_new_tokens)}, **sampling)

        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._worker, name="shopbot-static-decode", daemon=True)
            self._thread.start()
        self._jobs.put((run, out))
        item = None
        try:
            while True:
                item = out.get()
                if item is _DONE:
                    return
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            cancel.set()
            while item is not _DONE:  # the caller stopped early or an error: wait for generate to end
                item = out.get()
