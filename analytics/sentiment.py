"""Review sentiment: a logistic head on e5-small embeddings, plus the lexicon baselines.

The head is one weight vector over the 384-d multilingual embedding, so one head serves English
and Chinese. Its training data is binary (positive / negative), so *neutral* is the head's
low-confidence zone: a band of P(positive) around the decision point, calibrated per language on
held-out data by `scripts/train_sentiment.py` (see analytics/data/README.md). The label's `score`
is signed: 2*P(positive) - 1, in [-1, 1].

Only numpy is needed at run time; scikit-learn is used for training only.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

HEAD_PATH = Path(__file__).parent / "data" / "sentiment_head.npz"
LABELS = ("negative", "neutral", "positive")
# Fallback neutral band (on P(positive)) when a head carries none for a language.
DEFAULT_BAND = (0.35, 0.65)


@dataclass
class SentimentHead:
    weights: "object"  # numpy (dim,)
    bias: float
    embedder: str = "e5-small"
    bands: dict[str, tuple[float, float]] = field(default_factory=dict)  # lang -> (lo, hi) neutral
    meta: dict = field(default_factory=dict)  # training data, metrics, default methods

    @property
    def dim(self) -> int:
        return int(self.weights.shape[0])

    @classmethod
    def load(cls, path: Path | str = HEAD_PATH) -> "SentimentHead":
        import numpy as np

        path = Path(path)
        if not path.exists():
            from chatbot.errors import ModelError

            raise ModelError(f"{path}: no sentiment head; train one with scripts/train_sentiment.py")
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            return cls(
                weights=data["weights"].astype(np.float32),
                bias=float(data["bias"]),
                embedder=meta.get("embedder", "e5-small"),
                bands={k: tuple(v) for k, v in meta.get("bands", {}).items()},
                meta=meta,
            )

    def save(self, path: Path | str) -> Path:
        import numpy as np

        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = {**self.meta, "embedder": self.embedder, "bands": {k: list(v) for k, v in self.bands.items()}}
        with path.open("wb") as fh:  # a file handle keeps numpy from appending ".npz" to the name
            np.savez_compressed(
                fh, weights=np.asarray(self.weights, dtype=np.float32),
                bias=np.float32(self.bias), meta=np.array(json.dumps(meta, ensure_ascii=False)),
            )
        return path

    def proba(self, matrix) -> "object":
        """P(positive) per row of an (n, dim) embedding matrix."""
        import numpy as np

        logits = np.asarray(matrix, dtype=np.float32) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))

    def band(self, lang: str | None, clause: bool = False) -> tuple[float, float]:
        """Neutral band for a whole review, or for a clause judged for aspect polarity
        (calibrated apart: a short clause reads differently from a whole review)."""
        lang = "zh" if lang == "zh" else "en"
        return (self.bands.get(f"clause:{lang}") if clause else None) or self.bands.get(lang) \
            or self.bands.get("all") or DEFAULT_BAND


def label_from_proba(p: float, band: tuple[float, float]) -> tuple[str, float]:
    """P(positive) -> (label, signed score in [-1, 1])."""
    lo, hi = band
    label = "positive" if p > hi else "negative" if p < lo else "neutral"
    return label, round(2.0 * float(p) - 1.0, 4)


# ------------------------------------------------------------------ lexicon baselines

_vader = None


def vader_scores(texts: Sequence[str]) -> list[float]:
    """VADER compound score in [-1, 1] (English lexicon)."""
    global _vader
    if _vader is None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        _vader = SentimentIntensityAnalyzer()
    return [_vader.polarity_scores(t)["compound"] for t in texts]


def snownlp_scores(texts: Sequence[str]) -> list[float]:
    """snownlp's naive-Bayes P(positive) mapped to [-1, 1] (Chinese shopping reviews)."""
    from snownlp import SnowNLP

    return [2.0 * SnowNLP(t).sentiments - 1.0 if t.strip() else 0.0 for t in texts]


# Lexicon scores within +-cut are neutral: VADER's own convention, and a wider zone for
# snownlp, whose probabilities crowd the ends.
VADER_CUT, SNOWNLP_CUT = 0.05, 0.2


def three_way(score: float, cut: float) -> str:
    return "positive" if score > cut else "negative" if score < -cut else "neutral"


def lexicon_labels(texts: Sequence[str], langs: Sequence[str]) -> list[tuple[str, float]]:
    """VADER for English, snownlp for Chinese: (label, signed score)."""
    out: list[tuple[str, float] | None] = [None] * len(texts)
    for is_zh, scorer, cut in ((True, snownlp_scores, SNOWNLP_CUT), (False, vader_scores, VADER_CUT)):
        idx = [i for i, l in enumerate(langs) if (l == "zh") == is_zh]
        if not idx:  # importing snownlp alone takes seconds
            continue
        for i, s in zip(idx, scorer([texts[i] for i in idx])):
            out[i] = (three_way(s, cut), round(float(s), 4))
    return out  # type: ignore[return-value]
