"""The nouns of shopbot, as plain dataclasses."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Product:
    id: str
    title: str = ""
    brand: str = ""
    category: str = ""
    price: float | None = None
    currency: str = "USD"
    in_stock: bool | None = None
    description: str = ""
    features: list[str] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    rating: float | None = None  # mean review rating, filled at ingest
    review_count: int = 0

    @property
    def name(self) -> str:
        return self.title or f"product {self.id}"

    def price_text(self) -> str:
        if self.price is None:
            return "price not listed"
        symbol = {"USD": "$", "EUR": "€", "GBP": "£", "CNY": "¥"}.get(self.currency, "")
        return f"{symbol}{self.price:.2f}" if symbol else f"{self.price:.2f} {self.currency}"

    def stock_text(self) -> str:
        return {True: "in stock", False: "out of stock", None: "stock unknown"}[self.in_stock]


@dataclass
class Review:
    id: str
    product_id: str
    text: str
    rating: int | None = None
    lang: str | None = None
    user_id: str | None = None
    date: str | None = None


@dataclass
class QAPair:
    id: str
    product_id: str
    question: str
    answer: str


@dataclass
class Chunk:
    """One piece of evidence as stored in the vector store."""

    id: str
    product_id: str
    kind: str  # card | description | review | qa
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class Hit:
    chunk: Chunk
    score: float  # cosine similarity, higher is better

    @property
    def product_id(self) -> str:
        return self.chunk.product_id

    def to_dict(self) -> dict:
        return {
            "id": self.chunk.id,
            "product_id": self.chunk.product_id,
            "kind": self.chunk.kind,
            "score": round(self.score, 4),
            "text": self.chunk.text,
            "metadata": self.chunk.metadata,
        }


@dataclass
class Citation:
    product_id: str
    chunk_ids: list[str] = field(default_factory=list)
    title: str = ""
    quote: str = ""


@dataclass
class Recommendation:
    product_id: str
    title: str = ""
    price: float | None = None
    in_stock: bool | None = None
    rating: float | None = None
    score: float = 0.0
    reason: str = ""


@dataclass
class Reply:
    answer: str
    citations: list[Citation] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    refused: bool = False
    handoff: bool = False
    handoff_reason: str | None = None
    query: str = ""  # the standalone query after condensing
    hits: list[Hit] = field(default_factory=list)
    lang: str = "en"
    model: str = ""
    timings: dict[str, float] = field(default_factory=dict)  # ttft_s, total_s, retrieve_s...
    usage: dict[str, int] = field(default_factory=dict)  # prompt_tokens, cached_tokens (reused prefix), output_tokens
    turn_id: int | None = None  # row id in the interaction log, for feedback
    focus: list[str] = field(default_factory=list)  # products the question is about (page, named, follow-up)
    flags: list[str] = field(default_factory=list)  # what the checks did: "corrected", "closest"; "log_error"
    # shop tools called (or asked for) this turn: {"tool", "intent", "arguments", "status", "result"|"reason"}
    tool_calls: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["hits"] = [h.to_dict() for h in self.hits]
        return data


@dataclass
class Event:
    user_id: str
    product_id: str
    action: str  # view | click | add_to_cart | purchase | review | feedback
    ts: str | None = None  # ISO 8601; now when missing
    session_id: str | None = None
    value: float | None = None  # e.g. rating for review, +1/-1 for feedback
    extra: dict[str, Any] = field(default_factory=dict)


ACTIONS = ("view", "click", "add_to_cart", "purchase", "review", "feedback")
