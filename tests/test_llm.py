"""LLM backends on a tiny random model and a real local SSE server; no network."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from chatbot.config import Settings
from chatbot.errors import BackendError, ConfigError, ModelError
from chatbot.models.llm import (Generation, LLMBackend, OpenAICompatLLM, TransformersLLM, _StopFilter,
                         load_llm)
from serving import free_port

SYSTEM = "You are the helpful shop assistant. Answer questions about price, size, delivery and refunds."


def msgs(question: str) -> list[dict]:
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}]


QUESTIONS = ["How much is the jacket?", "Which size should I order?", "Is it waterproof?", "你好 价格"]


@pytest.fixture(scope="module")
def llm(tiny_llm_path):
    # fp32 so that greedy outputs are bit-for-bit comparable across code paths
    return TransformersLLM(tiny_llm_path, device="cpu", dtype="fp32", threads=1)


def test_generate_stream_stats(llm):
    assert isinstance(llm, LLMBackend)
    assert llm.device == "cpu" and str(llm.dtype) == "torch.float32"
    stats = {}
    g = llm.generate(msgs(QUESTIONS[0]), max_new_tokens=24, stats=stats)
    assert isinstance(g, Generation)
    assert g.output_tokens > 0 and g.text
    assert g.prompt_tokens == llm.count_tokens(msgs(QUESTIONS[0])) == stats["prompt_tokens"]
    assert 0 < g.ttft_s <= g.total_s
    stats2 = {}
    pieces = list(llm.stream(msgs(QUESTIONS[0]), max_new_tokens=24, stats=stats2))
    assert "".join(pieces) == g.text  # greedy: same text either way
    assert stats2["output_tokens"] == g.output_tokens
    assert {"prompt_tokens", "output_tokens", "ttft_s", "total_s"} <= set(stats2)


def test_stream_passes_each_token_on_as_it_decodes(llm):
    # The stock streamer held "[1]" or "$12." back until a space followed; every token's text
    # now leaves at once (only a character split across tokens waits for its other half).
    import torch

    ids = torch.tensor([llm.prompt_ids(msgs(QUESTIONS[1]))])
    out = llm.model.generate(ids, attention_mask=torch.ones_like(ids), max_new_tokens=24, do_sample=False,
                             eos_token_id=llm._eos, pad_token_id=llm._pad)[0, ids.shape[1]:].tolist()
    expected, shown = [], ""
    for i in range(1, len(out) + 1):
        text = llm.tokenizer.decode(out[:i], skip_special_tokens=True)
        if not text.endswith("\ufffd") and len(text) > len(shown):
            expected.append(text[len(shown):])
            shown = text
    assert len(expected) > 1
    assert list(llm.stream(msgs(QUESTIONS[1]), max_new_tokens=24)) == expected


def test_count_tokens_and_bad_messages(llm):
    short = llm.count_tokens([{"role": "user", "content": "hi"}])
    assert llm.count_tokens(msgs("hi " * 50)) > short > 0
    with pytest.raises(ConfigError):
        llm.count_tokens([{"role": "robot", "content": "hi"}])


def test_prefix_cache_gives_identical_output(tiny_llm_path, llm):
    plain = TransformersLLM(tiny_llm_path, device="cpu", dtype="fp32", threads=1, prefix_cache=False)
    llm.clear_cache()
    reused = []
    for q in QUESTIONS:
        stats = {}
        text = llm.generate(msgs(q), max_new_tokens=16, stats=stats).text
        reused.append(stats["cached_tokens"])
        assert text == plain.generate(msgs(q), max_new_tokens=16).text
    assert reused[0] == 0 and all(n > 10 for n in reused[1:])  # system prompt reused


def test_queued_decode_gives_identical_output(tiny_llm_path):
    # On a GPU the next step is queued before a token is read (it is on by default there only);
    # the text, the token count and the reused cache must not change.
    plain = TransformersLLM(tiny_llm_path, device="cpu", dtype="fp32", threads=1)
    ahead = TransformersLLM(tiny_llm_path, device="cpu", dtype="fp32", threads=1)
    assert not ahead._queue_ahead
    ahead._queue_ahead = True
    for q in QUESTIONS + QUESTIONS[:2]:  # the repeats reuse the cache the queued step left
        for n in (1, 7, 40):
            a, b = {}, {}
            assert list(ahead.stream(msgs(q), max_new_tokens=n, stats=a)) == list(plain.stream(msgs(q), max_new_tokens=n, stats=b))
            assert a["output_tokens"] == b["output_tokens"]
            assert a["cached_tokens"] > 0 or (q, n) == (QUESTIONS[0], 1)


def test_concurrent_calls_are_serialized(llm):
    expected = {q: llm.generate(msgs(q), max_new_tokens=12).text for q in QUESTIONS}
    got, errors = {}, []

    def ask(q):
        try:
            got[q] = "".join(llm.stream(msgs(q), max_new_tokens=12))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=ask, args=(q,)) for q in QUESTIONS]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors and got == expected


def test_stop_strings(llm):
    full = llm.generate(msgs(QUESTIONS[1]), max_new_tokens=30).text
    assert len(full) > 8
    stop = full[4:7]
    cut = full[: full.find(stop)]
    assert llm.generate(msgs(QUESTIONS[1]), max_new_tokens=30, stop=[stop, "never-seen"]).text == cut
    assert "".join(llm.stream(msgs(QUESTIONS[1]), max_new_tokens=30, stop=[stop])) == cut


def test_stop_filter_across_pieces():
    f = _StopFilter(["</answer>", "\nQ:"])
    out = "".join(f.push(p) for p in ["Price is $8", "9.</ans", "wer> more"]) + f.flush()
    assert out == "Price is $89." and f.hit
    f = _StopFilter(["STOP"])
    assert "".join(f.push(p) for p in ["a S", "T", "x"]) + f.flush() == "a STx"


def test_abandoned_stream_releases_the_lock(llm):
    gen = llm.stream(msgs(QUESTIONS[2]), max_new_tokens=50)
    next(gen)
    gen.close()  # caller stopped early
    done = threading.Event()
    threading.Thread(target=lambda: (llm.generate(msgs(QUESTIONS[3]), max_new_tokens=4), done.set()),
                     daemon=True).start()
    assert done.wait(60)


def test_static_cache_decode_matches_our_loop(tiny_llm_path, llm):
    # The GPU path (generate with a static cache on a worker thread, models/static.py) runs here
    # without compilation: same greedy text, token counts, stop strings and lock release as the loop.
    static = TransformersLLM(tiny_llm_path, device="cpu", dtype="fp32", threads=1, static=True)
    assert static._static is not None and static._prefix is None and llm._static is None
    sizes = []
    for q in QUESTIONS:
        for n in (1, 9, 40):
            a, b = {}, {}
            assert list(static.stream(msgs(q), max_new_tokens=n, stats=a)) == list(llm.stream(msgs(q), max_new_tokens=n, stats=b))
            assert a["output_tokens"] == b["output_tokens"] and a["prompt_tokens"] == b["prompt_tokens"]
            assert 0 < a["ttft_s"] <= a["total_s"] and a["cached_tokens"] == 0
            sizes.append(static._static.size)
    assert set(sizes) == {1024}  # one cache, reused: the compiled step's shapes never change
    full = static.generate(msgs(QUESTIONS[1]), max_new_tokens=30).text
    stop = full[4:7]
    stats = {}
    assert static.generate(msgs(QUESTIONS[1]), max_new_tokens=30, stop=[stop], stats=stats).text == full[: full.find(stop)]
    assert stats["output_tokens"] < 30  # generation itself ended at the stop string, not just the text
    gen = static.stream(msgs(QUESTIONS[2]), max_new_tokens=200)
    next(gen)
    gen.close()
    assert static.generate(msgs(QUESTIONS[3]), max_new_tokens=4).output_tokens > 0


def test_static_decoder_buckets_and_errors(tiny_llm_path):
    from chatbot.models.static import _bucket

    assert [_bucket(n, 1024) for n in (1, 1024, 1025, 3000)] == [1024, 1024, 2048, 4096]
    static = TransformersLLM(tiny_llm_path, device="cpu", dtype="fp32", threads=1, static=True)
    static._static.min_len = 8  # smaller than prompt + reply: a bigger cache replaces it
    static.generate(msgs(QUESTIONS[0]), max_new_tokens=4)
    assert static._static.size >= static.count_tokens(msgs(QUESTIONS[0])) + 4 > 8
    real = static.model.generate

    def broken(*a, **kw):
        raise RuntimeError("CUDA out of memory (planted)")

    static.model.generate = broken
    with pytest.raises(ModelError, match="generation failed.*planted"):  # raised on the worker, reaches the caller
        list(static.stream(msgs(QUESTIONS[0]), max_new_tokens=4))
    static.model.generate = real  # the worker thread survived and the lock was released
    assert static.generate(msgs(QUESTIONS[0]), max_new_tokens=4).output_tokens > 0


def test_worker_thread_gets_its_own_cudagraph_state():
    # Compiled CUDA-graph steps replayed outside the importing thread failed torch's TLS assertion.
    from torch._inductor import cudagraph_trees as trees

    from chatbot.models.static import _own_cudagraph_state

    seen = {}

    def worker():
        seen["before"] = hasattr(trees.local, "tree_manager_containers")
        _own_cudagraph_state()
        seen["containers"] = trees.get_obj(trees.local, "tree_manager_containers")
        seen["locks"] = trees.get_obj(trees.local, "tree_manager_locks")[0]

    t = threading.Thread(target=worker)
    t.start()
    t.join(30)
    assert seen["before"] is False and seen["containers"] == {} and seen["locks"] is not None
    assert seen["containers"] is not trees.local.tree_manager_containers  # the main thread's stays its own


# ---------------------------------------------------------------- OpenAI-compatible server


class _Handler(BaseHTTPRequestHandler):
    requests: list = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/v1/models":
            self._send(200, {"data": [{"id": "tiny-served"}]})
        else:
            self._send(404, {"error": "not found"})

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append((self.path, dict(self.headers), body))
        if self.path != "/v1/chat/completions":
            return self._send(404, {"error": {"message": "no such route"}})
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        events = [{"choices": [{"delta": {"role": "assistant"}}]}]
        events += [{"choices": [{"delta": {"content": p}}]} for p in ["Hel", "lo", " wor", "ld", "!"]]
        events += [{"choices": [], "usage": {"prompt_tokens": 17, "completion_tokens": 5}}]
        for e in events:
            self.wfile.write(f"data: {json.dumps(e)}\n\n".encode())
            self.wfile.flush()
        self.wfile.write(b": keep-alive\n\ndata: [DONE]\n\n")

    def _send(self, code, obj):
        data = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/v1"
    srv.shutdown()
    srv.server_close()


def test_openai_stream(server, tmp_path):
    backend = load_llm(f"openai:{server}#tiny", Settings(home=tmp_path))
    assert isinstance(backend, OpenAICompatLLM) and isinstance(backend, LLMBackend)
    stats = {}
    pieces = list(backend.stream(msgs("hi"), max_new_tokens=7, stats=stats))
    assert "".join(pieces) == "Hello world!" and len(pieces) == 5
    assert stats["prompt_tokens"] == 17 and stats["output_tokens"] == 5
    path, _, body = _Handler.requests[-1]
    assert path == "/v1/chat/completions"
    assert body["stream"] is True and body["model"] == "tiny" and body["max_tokens"] == 7
    assert body["messages"] == msgs("hi")
    g = backend.generate(msgs("hi"), stop=["wor"])  # cut client-side even if the server ignores it
    assert g.text == "Hello " and _Handler.requests[-1][2]["stop"] == ["wor"]
    assert backend.count_tokens(msgs("hi")) > 0


def test_openai_model_name_from_server(server):
    backend = OpenAICompatLLM(server, api_key="sk-test")
    assert backend.generate(msgs("hi")).text == "Hello world!"
    _, headers, body = _Handler.requests[-1]
    assert body["model"] == "tiny-served"
    assert headers.get("Authorization") == "Bearer sk-test"


def test_openai_http_error(server):
    backend = OpenAICompatLLM(server.replace("/v1", "/v2"), model="x")
    with pytest.raises(BackendError, match="HTTP 404"):
        backend.generate(msgs("hi"))


def test_openai_nothing_listening():
    port = free_port()
    backend = OpenAICompatLLM(f"http://127.0.0.1:{port}/v1", model="x", timeout=5)
    with pytest.raises(BackendError, match="cannot connect") as info:
        backend.generate(msgs("hi"))
    assert f"127.0.0.1:{port}" in str(info.value)


# ---------------------------------------------------------------- load_llm


def test_load_llm_dispatch(tiny_llm_path, llm, tmp_path):
    settings = Settings(home=tmp_path, device="cpu")
    assert load_llm(llm, settings) is llm
    local = load_llm(str(tiny_llm_path), settings)
    assert isinstance(local, TransformersLLM) and local.name == str(tiny_llm_path)
    with pytest.raises(ConfigError):
        load_llm("openai:localhost:8080", settings)
    with pytest.raises(ConfigError):
        load_llm(object(), settings)
    with pytest.raises(ModelError, match="not found"):
        load_llm(str(tmp_path / "no-such-model"), settings)


def test_hub_id_offline_fails_fast(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))  # an empty cache
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf" / "hub"))
    t0 = time.perf_counter()
    with pytest.raises(ModelError) as info:
        load_llm("someorg/some-model-7b", Settings(home=tmp_path))
    assert "not in the local" in str(info.value) and "SHOPBOT_ONLINE=1" in str(info.value)
    assert "qwen-0.5b" in str(info.value)
    assert time.perf_counter() - t0 < 60  # loose: the point is no minute-long network retries
