"""The backend for OpenAI-compatible servers (llama.cpp server, vLLM, SGLang, Ollama)."""
from __future__ import annotations

import json
import time

from chatbot.errors import BackendError
from chatbot.models.base import _Backend, _check_messages, _StopFilter



def _rough_tokens(text: str) -> int:
    # No tokenizer on the client: ~4 ASCII characters per token, ~1 token per CJK character.
    ascii_chars = sum(1 for c in text if ord(c) < 128)
    return (ascii_chars + 3) // 4 + (len(text) - ascii_chars)


class OpenAICompatLLM(_Backend):
    """Streams /v1/chat/completions (SSE) from llama.cpp, vLLM, Ollama or any compatible server."""

    def __init__(self, base_url: str, model: str | None = None, api_key: str | None = None, timeout: float = 60):
        import httpx

        self.base_url = base_url.rstrip("/")
        self.model = model or None
        self.timeout = timeout
        self.name = f"openai:{self.base_url}" + (f"#{model}" if model else "")
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        # A short connect timeout: a server that is down should be reported at once.
        self._client = httpx.Client(headers=headers, timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)))

    def count_tokens(self, messages: list[dict]) -> int:
        return sum(_rough_tokens(m["content"]) + 4 for m in _check_messages(messages))

    def _model_name(self) -> str:
        if self.model is None:
            try:  # llama.cpp and Ollama ignore the name; vLLM needs the served one
                data = self._client.get(f"{self.base_url}/models", timeout=5).json()["data"]
                self.model = data[0]["id"]
            except Exception:
                self.model = "default"
        return self.model

    def stream(self, messages, *, max_new_tokens=192, temperature=0.0, stop=None, stats=None):
        import httpx

        url = f"{self.base_url}/chat/completions"
        messages = _check_messages(messages)
        body = {"model": self._model_name(), "messages": messages, "stream": True,
                "max_tokens": max_new_tokens, "temperature": temperature,
                "stream_options": {"include_usage": True}}
        if stop:
            body["stop"] = list(stop)
        t0 = time.perf_counter()
        first, chunks, usage = None, 0, {}

        def deltas(resp):
            nonlocal first, chunks, usage
            for line in resp.iter_lines():
                if not line.startswith("data:"):
                    continue  # SSE comments, keep-alives, event names
                data = line[5:].strip()
                if data == "[DONE]":
                    return
                try:
                    event = json.loads(data)
                except ValueError:
                    raise BackendError(f"{url} sent a malformed stream event: {data[:200]!r}") from None
                usage = event.get("usage") or usage
                for choice in event.get("choices") or []:
                    piece = (choice.get("delta") or {}).get("content") or ""
                    if piece:
                        first = first or time.perf_counter()
                        chunks += 1
                        yield piece

        try:
            with self._client.stream("POST", url, json=body) as resp:
                if resp.status_code >= 400:
                    detail = resp.read().decode("utf-8", "replace")[:300]
                    raise BackendError(
                        f"{url} answered HTTP {resp.status_code}: {detail}\n"
                        f"Check the URL (it should end in /v1), the model name '{body['model']}' and the API key."
                    )
                # servers differ in how they honour `stop`: filter here too
                yield from _StopFilter(stop).apply(deltas(resp))
        except httpx.ConnectError as exc:
            raise BackendError(
                f"cannot connect to {url} ({exc}). Is the LLM server running and listening there? "
                f"Check --llm / SHOPBOT_LLM (openai:http://host:port/v1#model)."
            ) from None
        except httpx.TimeoutException:
            raise BackendError(
                f"{url} did not answer within {self.timeout:g} s: is the server overloaded or still loading the model?"
            ) from None
        except httpx.HTTPError as exc:
            raise BackendError(f"request to {url} failed: {exc}") from None
        finally:
            if stats is not None:
                end = time.perf_counter()
                stats.update(
                    prompt_tokens=usage.get("prompt_tokens") or self.count_tokens(messages),
                    output_tokens=usage.get("completion_tokens") or chunks,
                    ttft_s=(first or end) - t0, total_s=end - t0,
                )
