"""Review sentiment: an e5-small embedding head stacked with n-gram text models, plus the
lexicon baselines.

`SentimentHead` (one file, `analytics/data/sentiment_head.npz`) holds
- a logistic head over the 384-d multilingual e5-small embedding (`weights`, `bias`), one for
  English and Chinese;
- per language a hashed n-gram TF-IDF logistic model (`analytics.textmodel.TextModel`);
- per language a logistic `Stack` over the two logits (whole reviews, when a vector is there), and a
  Platt-scaled text-only mapping (aspect clauses, and reviews without a vector).
So P(positive) is calibrated (fitted on out-of-fold logits). The training data is binary; neutral
is a band of P(positive) around 0.5, calibrated per language on held-out data by
`scripts/train_sentiment.py` (see analytics/data/README.md). The label's `score` is signed:
2*P(positive) - 1, in [-1, 1].

numpy, scipy and scikit-learn's `HashingVectorizer` at run time; training in the script.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, Sequence

from .textmodel import TextModel

HEAD_PATH = Path(__file__).parent / "data" / "sentiment_head.npz"
LABELS = ("negative", "neutral", "positive")
# Fallback neutral band (on P(positive)) when a head carries none for a language.
DEFAULT_BAND = (0.35, 0.65)


class Stack(NamedTuple):
    """P(positive) = sigmoid(head * head_logit + text * text_logit + bias)."""
    head: float
    text: float
    bias: float


def _sigmoid(z):
    import numpy as np

    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def _lang(lang: str | None) -> str:
    return "zh" if lang == "zh" else "en"


@dataclass
class SentimentHead:
    weights: "object"  # numpy (dim,)
    bias: float
    embedder: str = "e5-small"
    bands: dict[str, tuple[float, float]] = field(default_factory=dict)  # lang -> (lo, hi) neutral
    meta: dict = field(default_factory=dict)  # training data, metrics, default methods
    text_models: dict[str, TextModel] = field(default_factory=dict)  # lang -> n-gram model
    stacks: dict[str, Stack] = field(default_factory=dict)  # lang -> head + text
    text_only: dict[str, Stack] = field(default_factory=dict)  # lang -> text alone (head weight 0)
    # lang -> aspect clause in its review: `head` weighs the review's logit, `text` the clause's
    clause_stacks: dict[str, Stack] = field(default_factory=dict)

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
            langs = meta.get("text_langs", [])
            return cls(
                weights=data["weights"].astype(np.float32),
                bias=float(data["bias"]),
                embedder=meta.get("embedder", "e5-small"),
                bands={k: tuple(v) for k, v in meta.get("bands", {}).items()},
                meta=meta,
                text_models={l: TextModel.from_arrays(l, data, f"text_{l}_") for l in langs},
                stacks={l: Stack(*v) for l, v in meta.get("stacks", {}).items()},
                text_only={l: Stack(*v) for l, v in meta.get("text_only", {}).items()},
                clause_stacks={l: Stack(*v) for l, v in meta.get("clause_stacks", {}).items()},
            )

    def save(self, path: Path | str) -> Path:
        import numpy as np

        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = {**self.meta, "embedder": self.embedder, "bands": {k: list(v) for k, v in self.bands.items()},
                "text_langs": sorted(self.text_models), "stacks": {k: list(v) for k, v in self.stacks.items()},
                "text_only": {k: list(v) for k, v in self.text_only.items()},
                "clause_stacks": {k: list(v) for k, v in self.clause_stacks.items()}}
        arrays = {}
        for lang, model in self.text_models.items():
            arrays.update(model.arrays(f"text_{lang}_"))
        with path.open("wb") as fh:  # a file handle keeps numpy from appending ".npz" to the name
            np.savez_compressed(
                fh, weights=np.asarray(self.weights, dtype=np.float32), bias=np.float32(self.bias),
                meta=np.array(json.dumps(meta, ensure_ascii=False)), **arrays,
            )
        return path

    def fingerprint(self) -> str:
        """Changes with any weight, stack or band: stored labels made with another are stale."""
        digest = hashlib.sha1(self.weights.tobytes())
        for lang in sorted(self.text_models):
            digest.update(self.text_models[lang].coef.tobytes())
        digest.update(json.dumps([self.bands, self.stacks, self.text_only, self.clause_stacks],
                                 sort_keys=True).encode())
        return digest.hexdigest()

    def head_logits(self, matrix):
        import numpy as np

        return np.asarray(matrix, dtype=np.float32) @ self.weights + self.bias

    def proba(self, matrix) -> "object":
        """P(positive) per row of an (n, dim) embedding matrix, from the embedding head alone."""
        return _sigmoid(self.head_logits(matrix))

    def proba_texts(self, texts: Sequence[str], langs: Sequence[str | None], matrix=None):
        """P(positive) per text: the stack where `matrix` (their embeddings; rows may be None
        when `matrix` is a list) is given, the text model alone otherwise."""
        import numpy as np

        out = np.full(len(texts), 0.5, dtype=np.float64)
        langs = [_lang(l) for l in langs]
        have = [matrix is not None and matrix[i] is not None for i in range(len(texts))]
        for lang in set(langs):
            idx = [i for i, l in enumerate(langs) if l == lang]
            model = self.text_models.get(lang)
            if model is None:  # an old head file: the embedding head alone
                rows = [i for i in idx if have[i]]
                if rows:
                    out[rows] = self.proba(np.stack([matrix[i] for i in rows]))
                continue
            text = model.logits([texts[i] for i in idx])
            head = np.zeros(len(idx))
            with_vec = np.array([have[i] for i in idx], dtype=bool)
            if with_vec.any():
                head[with_vec] = self.head_logits(np.stack([matrix[i] for i, h in zip(idx, with_vec) if h]))
            stack, alone = self.stacks[lang], self.text_only[lang]
            z = np.where(with_vec, stack.head * head + stack.text * text + stack.bias,
                         alone.text * text + alone.bias)
            out[idx] = _sigmoid(z)
        return out

    def proba_clauses(self, clauses: Sequence[str], langs: Sequence[str | None], review_p=None):
        """P(positive) of aspect clauses: the text model on the clause, with the P(positive) of
        the review it comes from (`review_p[i]`) where the head has a clause stack: a clause the
        text model cannot decide ("the app is basic") leans on its review."""
        import numpy as np

        p = self.proba_texts(clauses, langs)
        if review_p is None or not self.clause_stacks:
            return p
        langs = [_lang(l) for l in langs]
        rp = np.clip(np.asarray(review_p, dtype=np.float64), 1e-6, 1 - 1e-6)
        for lang, st in self.clause_stacks.items():
            idx = [i for i, l in enumerate(langs) if l == lang]
            if idx and lang in self.text_models:
                z = self.text_models[lang].logits([clauses[i] for i in idx])
                out = st.text * z + st.head * np.log(rp[idx] / (1 - rp[idx])) + st.bias
                p[idx] = _sigmoid(out)
        return p

    def band(self, lang: str | None, clause: bool = False) -> tuple[float, float]:
        """Neutral band for a whole review, or for a clause judged for aspect polarity
        (calibrated apart: a short clause reads differently from a whole review)."""
        lang = _lang(lang)
        return (self.bands.get(f"clause:{lang}") if clause else None) or self.bands.get(lang) \
            or self.bands.get("all") or DEFAULT_BAND

    def label(self, p: float, lang: str | None, clause: bool = False) -> tuple[str, float]:
        return label_from_proba(p, self.band(lang, clause))


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
