"""What every LLM backend shares: the interface, the result type, message checks, stop strings."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Protocol, runtime_checkable

from chatbot.errors import ConfigError


@dataclass
class Generation:
    text: str
    prompt_tokens: int
    output_tokens: int
    ttft_s: float
    total_s: float


@runtime_checkable
class LLMBackend(Protocol):
    name: str

    def stream(self, messages: list[dict], *, max_new_tokens: int = 192, temperature: float = 0.0,
               stop: list[str] | None = None, stats: dict | None = None) -> Iterator[str]: ...

    def generate(self, messages: list[dict], **kw) -> Generation: ...

    def count_tokens(self, messages: list[dict]) -> int: ...


class _Backend:
    """Shared parts: `generate` joins `stream`."""

    name = "llm"

    def generate(self, messages: list[dict], **kw) -> Generation:
        stats = kw.pop("stats", None)
        stats = {} if stats is None else stats
        text = "".join(self.stream(messages, stats=stats, **kw))
        return Generation(text, stats.get("prompt_tokens", 0), stats.get("output_tokens", 0),
                          stats.get("ttft_s", 0.0), stats.get("total_s", 0.0))

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


def _check_messages(messages: list[dict]) -> list[dict]:
    if not messages:
        raise ConfigError("no messages to answer")
    out = []
    for m in messages:
        role, content = m.get("role"), m.get("content")
        if role not in ("system", "user", "assistant") or not isinstance(content, str):
            raise ConfigError(f"bad chat message {m!r}: need role system|user|assistant and str content")
        out.append({"role": role, "content": content})
    return out


class _StopFilter:
    """Cuts the text at the first stop string, holding back a tail that may be the start of one."""

    def __init__(self, stops: list[str] | None):
        self.stops = [s for s in (stops or []) if s]
        self.buf = ""
        self.hit = False

    def push(self, piece: str) -> str:
        if not self.stops:
            return piece
        self.buf += piece
        found = [i for i in (self.buf.find(s) for s in self.stops) if i >= 0]
        if found:
            self.hit = True
            out, self.buf = self.buf[: min(found)], ""
            return out
        keep = 0
        for s in self.stops:
            for k in range(min(len(s) - 1, len(self.buf)), keep, -1):
                if self.buf.endswith(s[:k]):
                    keep = k
                    break
        out, self.buf = self.buf[: len(self.buf) - keep], self.buf[len(self.buf) - keep:]
        return out

    def flush(self) -> str:
        out, self.buf = ("" if self.hit else self.buf), ""
        return out

    def apply(self, pieces):
        """Yield the text of `pieces` up to the first stop string (stops consuming there)."""
        for piece in pieces:
            text = self.push(piece)
            if text:
                yield text
            if self.hit:
                return
        tail = self.flush()
        if tail:
            yield tail
