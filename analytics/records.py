"""`ReviewAnalysis`: one review's labels, as the analyzer makes them and the store keeps them.

A module of its own so that the analyzer and the store both import it and not each other."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class ReviewAnalysis:
    review_id: str
    product_id: str
    lang: str
    sentiment: str  # positive | negative | neutral
    score: float  # signed, -1 (negative) .. 1 (positive)
    aspects: list[dict] = field(default_factory=list)  # {aspect, polarity, score, quote}
    keywords: list[str] = field(default_factory=list)
    text_hash: str = ""
    rating: int | None = None

    @property
    def aspect_names(self) -> list[str]:
        return [a["aspect"] for a in self.aspects]

    def metadata(self) -> dict[str, Any]:
        """What the ingest puts on a review chunk (vector-store metadata allows scalars only)."""
        return {"sentiment": self.sentiment, "sentiment_score": float(self.score),
                "aspects": ",".join(self.aspect_names)}

    def to_dict(self) -> dict:
        return asdict(self)
