"""API keys, per-key rate limits and the loopback rule.

The gate is plain ASGI middleware in front of the app, so a request without a valid key, or over
its rate, is answered (401 / 429, OpenAI-style error body) before its body is read or any work is
done. Only `/v1/` paths are gated: /healthz, /metrics, /docs and /openapi.json stay open (bind
/metrics to a private network, or put it behind the proxy, if that matters).
"""
from __future__ import annotations

import hmac
import ipaddress
import json
import threading
import time

from chatbot.errors import ConfigError


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve anywhere
        return False


def check_bind(host: str, api_keys: list[str]) -> None:
    """Refuse to serve beyond loopback without API keys: anyone on the network could use the
    shop's model and read its shoppers' recommendations."""
    if not is_loopback(host) and not api_keys:
        raise ConfigError(f"refusing to listen on {host} without API keys: set SHOPBOT_API_KEYS=key1,key2 "
                          "(clients send 'Authorization: Bearer KEY') or bind to 127.0.0.1")


def error_body(status: int, message: str, kind: str) -> bytes:
    # the shape OpenAI clients parse, so the openai SDK raises with this message
    return json.dumps({"error": {"message": message, "type": kind, "code": status}}).encode()


class RateLimiter:
    """A token bucket per key: `per_minute` requests a minute, in bursts of up to that many."""

    def __init__(self, per_minute: int):
        self.rate = per_minute / 60.0
        self.capacity = float(per_minute)
        self.buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last time)
        self.lock = threading.Lock()

    def take(self, key: str) -> float:
        """0 when the request may go; else the seconds until it may."""
        if self.rate <= 0:
            return 0.0
        now = time.monotonic()
        with self.lock:
            tokens, last = self.buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self.buckets[key] = (tokens - 1, now)
                return 0.0
            self.buckets[key] = (tokens, now)
            return (1 - tokens) / self.rate


class Gate:
    """ASGI middleware: API key (when keys are set) and rate limit on /v1/ requests."""

    def __init__(self, app, api_keys: list[str], rate_limit: int):
        self.app = app
        self.keys = [k.encode() for k in api_keys]
        self.limiter = RateLimiter(rate_limit)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith("/v1/") or scope["method"] == "OPTIONS":
            return await self.app(scope, receive, send)
        headers = dict(scope["headers"])
        who = None
        if self.keys:
            given = headers.get(b"authorization", b"")
            token = given[7:].strip() if given[:7].lower() == b"bearer " else b""
            who = next((k for k in self.keys if token and hmac.compare_digest(token, k)), None)
            if who is None:
                why = "missing API key: send 'Authorization: Bearer KEY'" if not given else "invalid API key"
                return await _respond(send, 401, error_body(401, why, "invalid_api_key"),
                                      [(b"www-authenticate", b"Bearer")])
        client = scope.get("client") or ("?", 0)
        wait = self.limiter.take((who or client[0].encode()).decode())
        if wait:
            message = f"rate limit of {int(self.limiter.capacity)} requests a minute reached; retry in {wait:.1f} s"
            return await _respond(send, 429, error_body(429, message, "rate_limit_exceeded"),
                                  [(b"retry-after", str(max(1, round(wait))).encode())])
        return await self.app(scope, receive, send)


async def _respond(send, status: int, body: bytes, extra: list) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *extra]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """ASGI middleware: 413 with a JSON body for a request body over the limit (`limits` maps a
    path prefix to its own, e.g. the catalog upload), by Content-Length up front or, for a chunked
    body, as the bytes are read: a client cannot make the server hold more than the limit."""

    def __init__(self, app, max_body: int, limits: dict[str, int] | None = None):
        self.app = app
        self.max_body = max_body
        self.limits = limits or {}

    def _limit(self, path: str) -> int:
        return next((n for prefix, n in self.limits.items() if path.startswith(prefix)), self.max_body)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = self._limit(scope["path"])
        message = f"request body over the limit of {limit} bytes"
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            return await _respond(send, 413, error_body(413, message, "request_too_large"), [])
        seen = 0
        state = {"started": False, "refused": False}

        async def counted():
            nonlocal seen
            if state["refused"]:
                return {"type": "http.disconnect"}
            event = await receive()
            if event["type"] == "http.request":
                seen += len(event.get("body", b""))
                if seen > limit and not state["started"]:
                    # answer now and tell the app the client left: frameworks turn an exception
                    # raised while they read the body into their own 400
                    state["refused"] = True
                    await _respond(send, 413, error_body(413, message, "request_too_large"), [])
                    return {"type": "http.disconnect"}
            return event

        async def tracked(event):
            if state["refused"]:
                return  # the 413 is the answer
            state["started"] = state["started"] or event["type"] == "http.response.start"
            await send(event)

        try:
            await self.app(scope, counted, tracked)
        except Exception:
            if not state["refused"]:
                raise
