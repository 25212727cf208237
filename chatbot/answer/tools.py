"""The tools stage: the shop's own functions (order status, cart) called for the shopper.

A shop backend registers `tools={"order_status": fn, "cart": fn, ...}`. When a message asks for
one (the words are data: the `tool_*` patterns of `lexicon/*.yaml`), the stage

1. asks the shopper to sign in when the turn has no `user_id` (nothing is called);
2. takes the arguments from the message (an order number, a product the message names or the
   page shows) and keeps those the function's signature accepts; a required one missing is asked
   for;
3. calls `fn(user_id=<the authenticated user>, **arguments)` through pydantic's `validate_call`,
   so arguments are checked against the type hints. `user_id` is never taken from the message:
   "I am bob", "for user U9" change nothing, and the backend checks that an order id belongs to
   the user it is called with;
4. answers from the returned dict, citing the tool; an exception, a non-dict result or a call
   slower than the tool's `timeout_s` attribute (default `TIMEOUT_S`) hands off with the reason.

Every attempt is recorded in `Reply.tool_calls` and so in the interaction log (redacted there).
"""
from __future__ import annotations

import inspect
import re
import threading
import time
from typing import Any, Callable

from chatbot.answer import lexicon as words
from chatbot.prompting import has_message, message

TIMEOUT_S = 5.0
MAX_FACTS_CHARS = 400  # a long cart is summarised: the reply is a chat line, not a dump
# An order number: a run of 3+ digits, optionally after a letter prefix ("#1234", "A-10023",
# "订单1234"). Digits inside a longer word (a product code "P3") are not one.
ORDER_ID = re.compile(r"(?<![A-Za-z0-9])#?\s?([A-Za-z]{0,3}-?\d{3,})(?![A-Za-z0-9])")
QUANTITY = re.compile(r"(?<![\w.#-])([1-9]\d?)(?![\w.%-])")


# Intents in the order they are tried, and the tools that serve each: a tool named `cart_add` is
# used when registered, else `cart` called with action=add. Their words are the `tool_<intent>`
# patterns of the lexicon files; their replies `tool_*` in prompts/messages.yaml.
INTENTS = {
    "cart_add": [("cart_add", {}), ("cart", {"action": "add"})],
    "cart_view": [("cart_view", {}), ("cart", {"action": "view"})],
    "order_status": [("order_status", {})],
}


def _say(key: str, lang: str, **values) -> str:
    return message(f"tool_{key}", lang, **values)


def intent(text: str, tools: dict[str, Callable]) -> tuple[str, str, dict] | None:
    """(intent, tool name, fixed arguments) of the first intent the text asks for that has a
    registered tool; None when it asks for none."""
    for name, options in INTENTS.items():
        if not words.search(f"tool_{name}", text):
            continue
        for tool, args in options:
            if tool in tools:
                return name, tool, dict(args)
    return None


def extract(text: str, about: list[str]) -> dict[str, Any]:
    """Arguments the message gives: an order number, a product (named or the page's), a quantity.
    Never a user id: the only user is the one the backend authenticated."""
    found: dict[str, Any] = {}
    if m := ORDER_ID.search(text):
        found["order_id"] = m.group(1)
    if about:
        found["product_id"] = about[0]
    spare = ORDER_ID.sub(" ", text)
    if m := QUANTITY.search(spare):
        found["quantity"] = int(m.group(1))
    return found


def _parameters(fn: Callable) -> tuple[dict[str, inspect.Parameter], bool]:
    sig = inspect.signature(fn)
    takes_any = any(p.kind is p.VAR_KEYWORD for p in sig.parameters.values())
    named = {k: p for k, p in sig.parameters.items() if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)}
    return named, takes_any


def _facts(result: dict) -> str:
    """A tool's dict as "key: value; ..." (lists of items as "a, b"), clipped."""
    def show(value) -> str:
        if isinstance(value, dict):
            return " ".join(f"{show(v)}" if k in ("title", "name") else f"{k} {show(v)}" for k, v in value.items())
        if isinstance(value, (list, tuple)):
            return ", ".join(show(v) for v in value) or "none"
        return str(value)

    text = "; ".join(f"{k.replace('_', ' ')}: {show(v)}" for k, v in result.items())
    return text if len(text) <= MAX_FACTS_CHARS else text[: MAX_FACTS_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _call(fn: Callable, kwargs: dict, timeout: float) -> tuple[str, Any]:
    """('ok', result) | ('error', reason) | ('timeout', reason). The call runs in a daemon
    thread: a hung backend must not hold the shopper's turn (nor, at exit, the process)."""
    from pydantic import ValidationError as ArgumentError, validate_call

    box: dict = {}

    def run():
        try:
            box["result"] = validate_call(fn)(**kwargs)
        except ArgumentError as exc:
            box["error"] = f"invalid arguments: {exc.error_count()} error(s) on " + ", ".join(
                str(e["loc"][0]) for e in exc.errors() if e.get("loc"))
        except Exception as exc:  # the backend's own failure: handed off, named by its type
            box["error"] = f"{type(exc).__name__}: {exc}"[:200]

    worker = threading.Thread(target=run, name="shopbot-tool", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        return "timeout", f"no answer within {timeout:g} s"
    if "error" in box:
        return "error", box["error"]
    if not isinstance(box.get("result"), dict):
        return "error", f"returned {type(box.get('result')).__name__}, not a dict"
    return "ok", box["result"]


def stage(reply, text: str, tools: dict[str, Callable] | None, user_id: str | None,
          about: Callable[[], list[str]]) -> bool:
    """Answer `text` with a shop tool if it asks for one: fills `reply` (answer, handoff,
    tool_calls) and returns True; False leaves the turn to the rest of the pipeline.
    `about()` lists the products the turn is about (page, named, conversation), asked lazily."""
    if not tools or not (found := intent(text, tools)):
        return False
    kind, name, fixed = found
    fn = tools[name]
    record: dict[str, Any] = {"tool": name, "intent": kind, "arguments": {}}
    reply.tool_calls.append(record)
    if not user_id:
        record["status"] = "not_signed_in"
        reply.answer = _say("sign_in", reply.lang)
        return True
    params, takes_any = _parameters(fn)
    given = {**extract(text, about()), **fixed}
    args = {k: v for k, v in given.items() if k != "user_id" and (k in params or takes_any)}
    missing = [k for k, p in params.items() if k != "user_id" and p.default is p.empty and k not in args]
    record["arguments"] = args
    if missing:
        record["status"] = "missing"
        record["missing"] = missing
        key = f"need_{missing[0]}"
        reply.answer = _say(key, reply.lang) if has_message(f"tool_{key}") else \
            _say("need_argument", reply.lang, name=missing[0].replace("_", " "))
        return True
    started = time.perf_counter()
    status, result = _call(fn, {**args, "user_id": user_id}, float(getattr(fn, "timeout_s", TIMEOUT_S)))
    record.update(status=status, seconds=round(time.perf_counter() - started, 4))
    if status == "ok":
        record["result"] = result
        reply.answer = _say("result", reply.lang, tool=name.replace("_", " "), cite=name, facts=_facts(result))
        return True
    record["reason"] = result
    reply.answer = _say("failed", reply.lang)
    reply.handoff = True
    reply.handoff_reason = f"tool {name} {'timed out' if status == 'timeout' else 'failed'}: {result}"
    return True


def run(turn) -> None:
    """Stage: order status and carts through the shop backend's own functions, always for the
    authenticated shopper (`user_id` of ask/stream). A hand-off the screen deferred to the tools
    happens here when no tool answers."""
    from chatbot.answer import screen

    t = turn
    about = lambda: ([t.product_id] if t.product_id in t.products  # noqa: E731
                     else t.bot.shop.retriever.mentioned_products(t.text) or t.session.products[:1])
    if stage(t.reply, t.text, t.bot.tools, t.user_id, about):
        t.finish()
    elif t.deferred is not None:
        screen.apply(t, t.deferred)
