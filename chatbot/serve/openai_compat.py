"""`POST /v1/chat/completions`, OpenAI-compatible, so existing chat widgets can point at shopbot.

The last user message is the question; `user` is the shopper id (shop tools act for that user).
The conversation is the assistant's session: its id is `session_id` when the request carries one
(`extra_body={"session_id": ...}` with the openai SDK), else derived from the user and the first
user message, so each request of one conversation lands in the same session. A conversation the
server has not seen (a restart with the log off) is primed from the request's earlier messages.
"""
from __future__ import annotations

import hashlib
import json
import time
import uuid
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from chatbot.types import Reply


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: str = Field(max_length=32)
    content: str | list[dict[str, Any]] | None = None


class ChatIn(BaseModel):
    model_config = ConfigDict(extra="allow")
    model: str | None = Field(default=None, max_length=300, description="ignored: the server's model answers")
    messages: list[ChatMessage] = Field(min_length=1, max_length=200)
    stream: bool = False
    user: str | None = Field(default=None, min_length=1, max_length=200, description="the shopper id")
    session_id: str | None = Field(default=None, min_length=1, max_length=200)
    product_id: str | None = Field(default=None, min_length=1, max_length=200)


def _text(message: ChatMessage) -> str:
    if isinstance(message.content, list):  # content parts: keep the text ones
        return " ".join(str(p.get("text", "")) for p in message.content if p.get("type") == "text").strip()
    return (message.content or "").strip()


def conversation(body: ChatIn) -> tuple[str, list[tuple[str, str]], str]:
    """(the question, earlier (user, assistant) pairs, session id)."""
    turns = [(m.role, _text(m)) for m in body.messages if m.role in ("user", "assistant")]
    users = [i for i, (role, text) in enumerate(turns) if role == "user" and text]
    if not users:
        return "", [], ""
    last = users[-1]
    pairs, pending = [], None
    for role, text in turns[:last]:
        if role == "user":
            pending = text
        elif pending is not None:
            pairs.append((pending, text))
            pending = None
    first = turns[users[0]][1]
    sid = body.session_id or "oa-" + hashlib.sha256(f"{body.user}\x00{first}".encode()).hexdigest()[:24]
    return turns[last][1], pairs, sid


def _prime(bot, sid: str, pairs: list[tuple[str, str]]) -> None:
    # ShopAssistant keeps a conversation per session id; one it has never seen starts empty. Fill
    # it as ShopAssistant rebuilds one from the log: the history and the products named.
    with bot.session(sid) as state:
        if pairs and not state.history:
            state.history = list(pairs[-6:])
            for earlier, _ in state.history:
                if named := bot.shop.retriever.mentioned_products(earlier):
                    state.products = named


def _completion(reply: Reply, model: str, cid: str) -> dict:
    usage = reply.usage or {}
    return {
        "id": cid, "object": "chat.completion", "created": int(time.time()), "model": reply.model or model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": reply.answer}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": usage.get("prompt_tokens", 0), "completion_tokens": usage.get("output_tokens", 0),
                  "total_tokens": usage.get("prompt_tokens", 0) + usage.get("output_tokens", 0)},
        "shopbot": reply.to_dict(),  # citations, recommendations, handoff, turn_id: the grounding
    }


def _chunk(cid: str, model: str, delta: dict, finish: str | None = None, **extra) -> str:
    data = {"id": cid, "object": "chat.completion.chunk", "created": int(time.time()), "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
    return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"


def add_routes(app: FastAPI, bot, metrics, errors: dict) -> None:
    @app.post("/v1/chat/completions", responses={**errors, 400: {"description": "no user message"}},
              summary="OpenAI-compatible chat completion (stream or not); the reply's grounding is under `shopbot`")
    def chat_completions(body: ChatIn):
        question, pairs, sid = conversation(body)
        if not question:
            return JSONResponse({"error": {"message": "messages: no user message with text", "type": "invalid_request_error",
                                           "code": 400}}, 400)
        _prime(bot, sid, pairs)
        cid = "chatcmpl-" + uuid.uuid4().hex
        model = body.model or "shopbot"
        if not body.stream:
            reply = bot.ask(question, session_id=sid, user_id=body.user, product_id=body.product_id)
            metrics.observe(reply, "chat_completions")
            return _completion(reply, model, cid)

        def events():
            yield _chunk(cid, model, {"role": "assistant", "content": ""})
            shown = []
            for item in bot.stream(question, session_id=sid, user_id=body.user, product_id=body.product_id):
                if isinstance(item, Reply):
                    metrics.observe(item, "chat_completions")
                    # the honesty checks may correct what streamed: a widget cannot take text back,
                    # so the checked answer follows, and is what `shopbot.answer` holds
                    if item.answer.strip() != "".join(shown).strip():
                        yield _chunk(cid, model, {"content": "\n\n" + item.answer})
                    yield _chunk(cid, item.model or model, {}, "stop", shopbot=item.to_dict())
                elif item:
                    shown.append(item)
                    yield _chunk(cid, model, {"content": item})
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")
