"""A hashed n-gram TF-IDF linear classifier: fast (no embedder), used for aspect clauses and
stacked with the embedding head for whole reviews.

Features: sklearn's `HashingVectorizer` (stateless, so only the IDF and the weights are
stored), sublinear term frequency, IDF, L2 norm. Chinese: characters 1-3; English: words 1-2
and characters 2-5 within words. One model per language; weights kept as float16.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

N_FEATURES = 2 ** 18
SPECS = {
    "zh": [("char", 1, 3)],
    "en": [("word", 1, 2), ("char_wb", 2, 5)],
}


def _vectorizers(lang: str, n_features: int = N_FEATURES):
    from sklearn.feature_extraction.text import HashingVectorizer

    return [HashingVectorizer(analyzer=a, ngram_range=(lo, hi), n_features=n_features, alternate_sign=False,
                              norm=None, lowercase=True, dtype="float32") for a, lo, hi in SPECS[lang]]


def counts(texts: Sequence[str], lang: str, n_features: int = N_FEATURES):
    """Sparse (n, blocks * n_features) hashed counts, sublinear (1 + log tf)."""
    import numpy as np
    import scipy.sparse as sp

    parts = [v.transform(list(texts)) for v in _vectorizers(lang, n_features)]
    x = sp.hstack(parts, format="csr") if len(parts) > 1 else parts[0].tocsr()
    x.data = (1.0 + np.log(x.data)).astype(np.float32)
    return x


def idf_of(x):
    """Smoothed IDF per column of a counts matrix (as sklearn's TfidfTransformer)."""
    import numpy as np

    df = np.bincount(x.indices, minlength=x.shape[1]).astype(np.float64)
    return (np.log((1 + x.shape[0]) / (1 + df)) + 1.0).astype(np.float32)


def weigh(x, idf):
    """TF-IDF rows, L2-normalised."""
    from sklearn.preprocessing import normalize

    return normalize(x.multiply(idf.reshape(1, -1)).tocsr())


@dataclass
class TextModel:
    lang: str
    idf: "object"  # numpy (features,)
    coef: "object"  # numpy (features,)
    intercept: float = 0.0
    meta: dict = field(default_factory=dict)

    def logits(self, texts: Sequence[str]):
        import numpy as np

        if not len(texts):
            return np.zeros(0, dtype=np.float32)
        x = weigh(counts(texts, self.lang, len(self.idf) // len(SPECS[self.lang])), self.idf)
        return np.asarray(x @ self.coef, dtype=np.float32).ravel() + self.intercept

    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[int], lang: str, c: float = 8.0) -> "TextModel":
        import numpy as np
        from sklearn.linear_model import LogisticRegression

        x = counts(texts, lang)
        idf = idf_of(x)
        clf = LogisticRegression(C=c, max_iter=3000).fit(weigh(x, idf), np.asarray(labels))
        # Columns no training text used get idf 0: they add nothing, and compress to nothing.
        seen = np.bincount(x.indices, minlength=x.shape[1]) > 0
        idf = np.where(seen, idf, 0).astype(np.float16).astype(np.float32)
        coef = clf.coef_[0].astype(np.float16).astype(np.float32)
        return cls(lang, idf, coef, float(clf.intercept_[0]), {"C": c, "n": len(texts)})

    def arrays(self, prefix: str) -> dict:
        import numpy as np

        return {f"{prefix}idf": self.idf.astype(np.float16), f"{prefix}coef": self.coef.astype(np.float16),
                f"{prefix}intercept": np.float32(self.intercept)}

    @classmethod
    def from_arrays(cls, lang: str, data, prefix: str, meta: dict | None = None) -> "TextModel":
        import numpy as np

        return cls(lang, data[f"{prefix}idf"].astype(np.float32), data[f"{prefix}coef"].astype(np.float32),
                   float(data[f"{prefix}intercept"]), meta or {})
