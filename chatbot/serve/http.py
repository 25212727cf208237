"""`shopbot serve`: the HTTP API over one `ShopAssistant` (FastAPI; OpenAPI at /openapi.json, /docs).

Routes are plain `def` functions: FastAPI runs them in its thread pool, and the assistant is safe
to share between threads (one turn at a time per session, the model loaded once). Streaming
routes iterate the assistant's generator in that pool too.
"""
from __future__ import annotations

import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, FastAPI, File, Query, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from chatbot.errors import BackendError, NotFound, ShopbotError, ValidationError
from chatbot.serve.auth import BodyLimit, Gate
from chatbot.serve.config import ServeSettings
from chatbot.types import ACTIONS, Reply

ID = Field(default=None, min_length=1, max_length=200)
CATALOG_FILES = ("products", "reviews", "product_qa")


class AskIn(BaseModel):
    message: str = Field(min_length=1, max_length=4000, description="the shopper's message")
    session_id: str | None = Field(default=None, min_length=1, max_length=200, description="conversation id; a new one when missing")
    user_id: str | None = Field(default=None, min_length=1, max_length=200,
                                description="the shopper, as the calling backend authenticated them: shop tools act for this user only")
    product_id: str | None = Field(default=None, min_length=1, max_length=200, description="the product page the shopper is on")


class CitationOut(BaseModel):
    product_id: str
    chunk_ids: list[str] = []
    title: str = ""
    quote: str = Field("", description="the evidence line the answer rests on")


class RecommendationOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    product_id: str
    title: str = ""
    price: float | None = None
    in_stock: bool | None = None
    rating: float | None = None
    score: float = 0.0
    reason: str = ""


class ReplyOut(BaseModel):
    """`Reply.to_dict()`: the keys below, and the turn's hits, timings and usage."""
    model_config = ConfigDict(extra="allow")
    answer: str
    citations: list[CitationOut]
    recommendations: list[RecommendationOut]
    refused: bool
    handoff: bool
    handoff_reason: str | None = None
    turn_id: int | None = None
    tool_calls: list[dict[str, Any]] = []


class EventIn(BaseModel):
    user_id: str = Field(min_length=1, max_length=200)
    product_id: str = Field(min_length=1, max_length=200)
    action: Literal[ACTIONS]  # type: ignore[valid-type]
    ts: str | None = Field(default=None, description="ISO 8601; now when missing", max_length=64)
    session_id: str | None = Field(default=None, max_length=200)
    value: float | None = Field(default=None, strict=True)  # strict: `false` is not a number


class FeedbackIn(BaseModel):
    turn_id: int = Field(ge=1)
    value: Literal[1, -1]
    comment: str | None = Field(default=None, max_length=2000)
    user_id: str | None = Field(default=None, max_length=200)


class Created(BaseModel):
    id: int


class ErrorOut(BaseModel):
    error: dict[str, Any]


def _json_error(description: str) -> dict:
    # spelled out as application/json: on the streaming routes the default would be text/event-stream
    return {"description": description, "content": {"application/json": {"schema": ErrorOut.model_json_schema()}}}


ERRORS = {400: _json_error("the body is not valid JSON (or form data)"),
          401: _json_error("missing or invalid API key"),
          413: _json_error("request body too large"),
          429: _json_error("rate limit reached (see Retry-After)")}


class Metrics:
    """Prometheus counters of one app (its own registry: two apps in a process do not mix)."""

    def __init__(self):
        from prometheus_client import CollectorRegistry, Counter, Histogram

        self.registry = CollectorRegistry()
        self.replies = Counter("shopbot_replies", "replies given", ["endpoint"], registry=self.registry)
        self.refusals = Counter("shopbot_refusals", "replies that declined or said I don't know", registry=self.registry)
        self.handoffs = Counter("shopbot_handoffs", "replies handed to a human", registry=self.registry)
        self.tool_calls = Counter("shopbot_tool_calls", "shop tool calls", ["tool", "status"], registry=self.registry)
        self.errors = Counter("shopbot_errors", "requests that failed inside shopbot", ["kind"], registry=self.registry)
        self.latency = Histogram("shopbot_reply_seconds", "time to the final reply", registry=self.registry,
                                 buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64))

    def observe(self, reply: Reply, endpoint: str) -> None:
        self.replies.labels(endpoint).inc()
        self.refusals.inc(int(reply.refused))
        self.handoffs.inc(int(reply.handoff))
        for call in reply.tool_calls:
            self.tool_calls.labels(call.get("tool", "?"), call.get("status", "?")).inc()
        self.latency.observe(reply.timings.get("total_s", 0.0))

    def text(self) -> bytes:
        from prometheus_client import generate_latest

        return generate_latest(self.registry)


def reply_json(reply: Reply) -> dict:
    return reply.to_dict()


def _error(status: int, message: str, kind: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": {"message": message, "type": kind, "code": status}, "detail": message}, status,
                        headers=headers)


def create_app(bot, settings: ServeSettings | None = None) -> FastAPI:
    """The FastAPI app over `bot` (a ShopAssistant), gated and limited as `settings` say."""
    settings = settings or ServeSettings()
    metrics = Metrics()
    app = FastAPI(title="shopbot", version="1",
                  description="A shop's grounded customer-service assistant. Send `Authorization: Bearer KEY` "
                              "on /v1/ requests when the server has API keys.")
    app.state.bot, app.state.metrics = bot, metrics
    v1 = APIRouter(prefix="/v1", responses=ERRORS)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request, exc):
        return _error(exc.status_code, str(exc.detail), "invalid_request_error" if exc.status_code < 500 else "server_error",
                      getattr(exc, "headers", None))  # 405 keeps its Allow header

    @app.exception_handler(ShopbotError)
    async def shopbot_error(_request, exc):
        status = 404 if isinstance(exc, NotFound) else 422 if isinstance(exc, ValidationError) else \
            503 if isinstance(exc, BackendError) else 500
        metrics.errors.labels(type(exc).__name__).inc()
        return _error(status, str(exc), type(exc).__name__)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request, exc):  # FastAPI's 422 body, plus a one-line message naming the fields
        fields = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['msg']}" for e in exc.errors())
        return JSONResponse({"detail": jsonable_encoder(exc.errors()), "error": {"message": fields, "type": "invalid_request_error", "code": 422}},
                            422)

    @v1.post("/ask", response_model=ReplyOut, summary="answer one message")
    def ask(body: AskIn) -> dict:
        reply = bot.ask(body.message, session_id=body.session_id, user_id=body.user_id, product_id=body.product_id)
        metrics.observe(reply, "ask")
        return reply_json(reply)

    @v1.post("/chat/stream", response_class=EventSourceResponse,
             summary="answer one message as server-sent events: `delta` events ({text}), then one `reply` event (the Reply)")
    def chat_stream(body: AskIn):
        for item in bot.stream(body.message, session_id=body.session_id, user_id=body.user_id, product_id=body.product_id):
            if isinstance(item, Reply):
                metrics.observe(item, "stream")
                yield ServerSentEvent(event="reply", data=reply_json(item))
            elif item:
                yield ServerSentEvent(event="delta", data={"text": item})

    @v1.post("/events", response_model=Created, status_code=201, summary="record a shop event")
    def events(body: EventIn) -> dict:
        extra = {"session_id": body.session_id, "value": body.value}
        try:
            return {"id": bot.log_event(body.user_id, body.product_id, body.action, ts=body.ts, **extra)}
        except ValueError as exc:  # a timestamp that is not ISO 8601: the same 422 as a schema error
            raise RequestValidationError([{"type": "value_error", "loc": ("body", "ts"), "msg": str(exc),
                                           "input": body.ts}]) from None

    @v1.post("/feedback", response_model=Created, status_code=201, summary="thumbs up (1) or down (-1) on a reply's turn_id")
    def feedback(body: FeedbackIn) -> dict:
        return {"id": bot.feedback(body.turn_id, body.value, comment=body.comment, user_id=body.user_id)}

    @v1.get("/recommend/{user_id}", summary="personal recommendations")
    def recommend(user_id: str, k: int = Query(5, ge=1, le=50)) -> dict[str, Any]:
        return {"user_id": user_id, "recommendations": [asdict(r) for r in bot.recommend(user_id, k=k)]}

    @v1.get("/products/{product_id}/reviews/summary", responses={404: _json_error("no such product")},
            summary="what customers say about a product: ratings, sentiment, aspects with a quote each")
    def review_summary(product_id: str) -> dict[str, Any]:
        from analytics.store import product_summary

        if product_id not in bot.products:
            raise NotFound(f"no product {product_id!r}")
        return product_summary(bot.shop.db, product_id, analyzer=bot.shop.analyzer).to_dict()

    @v1.post("/catalog", responses={422: _json_error("bad lines (listed; the valid ones stored unless strict) or unreadable files")},
             summary="upload a catalog (products, reviews, product_qa as JSONL or CSV files); validated like `shopbot ingest`")
    def catalog(products: UploadFile = File(..., description="products.jsonl or products.csv"),
                reviews: UploadFile | None = File(None), product_qa: UploadFile | None = File(None),
                strict: bool = False, prune: bool = False, analytics: bool = True):
        with tempfile.TemporaryDirectory(prefix="shopbot-upload-") as tmp:
            for name, upload in zip(CATALOG_FILES, (products, reviews, product_qa)):
                if upload is not None:
                    suffix = ".csv" if (upload.filename or "").lower().endswith(".csv") else ".jsonl"
                    (Path(tmp) / f"{name}{suffix}").write_bytes(upload.file.read())
            try:
                result = bot.ingest(tmp, strict=strict, prune=prune, analytics=analytics, progress=False).to_dict()
            except ValidationError as exc:  # strict, or a file unreadable as a whole: nothing stored
                problems = [p.replace(tmp + "/", "") for p in exc.problems]
                return JSONResponse({"error": {"message": "\n".join(problems[:20]), "type": "ValidationError", "code": 422},
                                     "errors": problems, "stored": False}, 422)
        result["errors"] = [e.replace(tmp + "/", "") for e in result.get("errors", [])]
        if not result["errors"]:
            return JSONResponse({**result, "stored": True})
        # bad lines: the valid records are stored and the bad ones listed (the CLI's exit code 2)
        error = {"message": "\n".join(result["errors"][:20]), "type": "ValidationError", "code": 422}
        return JSONResponse({**result, "stored": True, "error": error}, 422)

    app.include_router(v1)
    from chatbot.serve.openai_compat import add_routes

    add_routes(app, bot, metrics, ERRORS)

    @app.get("/healthz", summary="liveness: the store opens and lists its products")
    def healthz() -> dict[str, Any]:
        return {"status": "ok", "products": len(bot.products), "time": time.time()}

    @app.get("/metrics", response_class=PlainTextResponse, summary="Prometheus metrics")
    def prometheus() -> PlainTextResponse:
        from prometheus_client import CONTENT_TYPE_LATEST

        return PlainTextResponse(metrics.text(), media_type=CONTENT_TYPE_LATEST)

    app.add_middleware(BodyLimit, max_body=settings.max_body, limits={"/v1/catalog": settings.max_upload})
    app.add_middleware(Gate, api_keys=settings.api_keys, rate_limit=settings.rate_limit)  # outside: 401 first
    if settings.cors_origins:  # off unless configured: a browser page elsewhere must not call it
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    return app
