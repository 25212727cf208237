"""The service's settings: environment variables, overridden by `shopbot serve` options.

| variable | default | meaning |
|---|---|---|
| SHOPBOT_API_KEYS | unset | comma-separated keys; when set every /v1/ request needs `Authorization: Bearer KEY` |
| SHOPBOT_RATE_LIMIT | 120 | requests per minute per key (per client address without keys); 0 = no limit |
| SHOPBOT_MAX_BODY | 1048576 | largest request body in bytes (413 beyond) |
| SHOPBOT_MAX_UPLOAD | 67108864 | largest catalog upload (POST /v1/catalog) in bytes |
| SHOPBOT_CORS_ORIGINS | unset (CORS off) | comma-separated origins allowed to call from a browser, or `*` |
| SHOPBOT_TOOLS | unset | shop tools as webhooks: `order_status=https://shop/api/order,cart=https://shop/api/cart` |
| SHOPBOT_TOOL_TIMEOUT | 5 | seconds a tool webhook may take before the turn is handed off |
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from chatbot.errors import ConfigError


def _list(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name) or str(default)
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r}: expected a whole number") from None


def parse_tools(items: list[str]) -> dict[str, str]:
    """["order_status=https://...", ...] -> {"order_status": "https://..."}."""
    tools = {}
    for item in items:
        name, sep, url = item.partition("=")
        if not sep or not name.strip() or not url.strip().startswith(("http://", "https://")):
            raise ConfigError(f"tool {item!r}: expected NAME=http(s)://URL")
        tools[name.strip()] = url.strip()
    return tools


@dataclass
class ServeSettings:
    api_keys: list[str] = field(default_factory=lambda: _list(os.environ.get("SHOPBOT_API_KEYS")))
    rate_limit: int = field(default_factory=lambda: _int("SHOPBOT_RATE_LIMIT", 120))
    max_body: int = field(default_factory=lambda: _int("SHOPBOT_MAX_BODY", 1 << 20))
    max_upload: int = field(default_factory=lambda: _int("SHOPBOT_MAX_UPLOAD", 64 << 20))
    cors_origins: list[str] = field(default_factory=lambda: _list(os.environ.get("SHOPBOT_CORS_ORIGINS")))
    tools: dict[str, str] = field(default_factory=lambda: parse_tools(_list(os.environ.get("SHOPBOT_TOOLS"))))
    tool_timeout: float = field(default_factory=lambda: float(_int("SHOPBOT_TOOL_TIMEOUT", 5)))
