"""Shop tools as webhooks: the HTTP service's counterpart of `ShopAssistant(tools={...})`.

Each tool named in the settings (`SHOPBOT_TOOLS=order_status=URL,...`) becomes a function with
the signature the tools stage validates arguments against; calling it POSTs the same JSON a
Python tool gets as keyword arguments (`{"user_id": ..., "order_id": ...}`) and returns the
response's JSON object. A non-2xx answer or a non-object raises, so the turn is handed off.
"""
from __future__ import annotations

from typing import Callable

from chatbot.errors import ConfigError


def _post(url: str, payload: dict, timeout: float) -> dict:
    import httpx

    response = httpx.post(url, json=payload, timeout=timeout)
    response.raise_for_status()
    data = response.json()
    if not isinstance(data, dict):
        raise ValueError(f"{url} answered {type(data).__name__}, not a JSON object")
    return data


def _order_status(url, timeout):
    def order_status(user_id: str, order_id: str) -> dict:
        return _post(url, {"user_id": user_id, "order_id": order_id}, timeout)
    return order_status


def _cart(url, timeout):
    def cart(user_id: str, action: str = "view", product_id: str | None = None, quantity: int = 1) -> dict:
        return _post(url, {"user_id": user_id, "action": action, "product_id": product_id, "quantity": quantity}, timeout)
    return cart


def _cart_view(url, timeout):
    def cart_view(user_id: str) -> dict:
        return _post(url, {"user_id": user_id}, timeout)
    return cart_view


def _cart_add(url, timeout):
    def cart_add(user_id: str, product_id: str, quantity: int = 1) -> dict:
        return _post(url, {"user_id": user_id, "product_id": product_id, "quantity": quantity}, timeout)
    return cart_add


# the tools the assistant knows how to ask for (chatbot/answer/tools.py INTENTS), by signature
KINDS: dict[str, Callable] = {"order_status": _order_status, "cart": _cart, "cart_view": _cart_view,
                              "cart_add": _cart_add}


def webhook_tools(urls: dict[str, str], timeout: float = 5.0) -> dict[str, Callable]:
    unknown = sorted(set(urls) - set(KINDS))
    if unknown:
        raise ConfigError(f"unknown tool {', '.join(unknown)}: the assistant calls {', '.join(KINDS)}")
    tools = {}
    for name, url in urls.items():
        fn = KINDS[name](url, timeout)
        fn.timeout_s = timeout + 0.5  # the stage's own limit: just past the HTTP client's
        tools[name] = fn
    return tools
