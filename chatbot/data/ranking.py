"""Learned ranking: how relevant a chunk is, and which product a whole-catalog question is about.

Chunks alone rank a product badly: one lucky review of the wrong toy beats the product whose card,
Q&A and reviews all answer. So whole-catalog search scores each candidate *product* from its
chunks (best cosine, mean of the best three, best BM25, the best chunk relevance, its card, its
reviews and its Q&A), ranks products, and only then picks the evidence within the top products.
A chunk's relevance (also the order on a product page) comes from its cosine, BM25 and the share
of the question's words it holds, and its kind.

The weights are not typed in: `python -m eval.fit_fusion` fits them (logistic regression) on the
train split of an eval set, chooses between variants on dev, and writes `fusion.json` with the
command that produced it. Numpy only at query time.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from chatbot.types import Hit

KINDS = ("card", "description", "review", "qa")
CHUNK_FEATURES = ("cosine", "bm25", "overlap") + KINDS
PRODUCT_FEATURES = ("cos_max", "cos_top3", "bm25_max", "bm25_top3", "rel_max", "rel_top3",
                    "card_cos", "card_bm25", "review_cos", "qa_cos", "desc_cos")
WEIGHTS = Path(__file__).with_name("fusion.json")
LEAD = 5  # the evidence slots a whole-catalog search fills before it spreads over products


@dataclass
class Candidate:
    hit: Hit
    cosine: float
    bm25: float = 0.0  # BM25 / the best candidate's (0..1)
    overlap: float = 0.0  # share of the question's words the chunk holds
    relevance: float = 0.0  # the chunk model's score, filled by Fusion.rank_chunks

    @property
    def product_id(self) -> str:
        return self.hit.chunk.product_id


def chunk_features(c: Candidate) -> list[float]:
    return [c.cosine, c.bm25, c.overlap] + [float(c.hit.chunk.kind == k) for k in KINDS]


def _top3(values: list[float], floor: float) -> float:
    """Mean of the best three, short lists padded with `floor`: three chunks that answer weigh
    more than one."""
    best = sorted(values, reverse=True)[:3]
    return (sum(best) + floor * (3 - len(best))) / 3


def product_features(cands: list[Candidate]) -> dict[str, list[float]]:
    """Each candidate product's features (PRODUCT_FEATURES), from its candidate chunks. A kind the
    product has no candidate chunk of counts as the weakest candidate's cosine, not zero (cosines of
    unrelated text sit far above zero). No count of a product's chunks: fitted on hetpqa it learned
    "more reviews, more asked about", which in a small shop (every chunk a candidate) ranks the
    product with the most reviews first whatever is asked."""
    if not cands:
        return {}
    floor = min(c.cosine for c in cands)
    rel_floor = min(c.relevance for c in cands)
    by_product: dict[str, list[Candidate]] = {}
    for c in cands:
        by_product.setdefault(c.product_id, []).append(c)
    out = {}
    for pid, group in by_product.items():
        cos = [c.cosine for c in group]
        bm = [c.bm25 for c in group]
        rel = [c.relevance for c in group]

        def kind_best(kind: str, attr: str = "cosine", default: float = floor) -> float:
            return max((getattr(c, attr) for c in group if c.hit.chunk.kind == kind), default=default)

        out[pid] = [max(cos), _top3(cos, floor), max(bm), _top3(bm, 0.0), max(rel), _top3(rel, rel_floor),
                    kind_best("card"), kind_best("card", "bm25", 0.0), kind_best("review"), kind_best("qa"),
                    kind_best("description")]
    return out


class Fusion:
    """The fitted weights: `chunk` and `product` linear models, and the evidence layout."""

    def __init__(self, data: dict):
        self.data = data
        self.chunk_w = [data["chunk"]["weights"][f] for f in CHUNK_FEATURES]
        self.product_w = [data["product"]["weights"][f] for f in PRODUCT_FEATURES]
        self.chunk_bias = float(data["chunk"].get("bias", 0.0))
        # "expected": the evidence is the chunks likeliest to hold the answer, P(product) x
        # P(chunk | product); a number: that many chunks per product, best product first.
        self.per_product = data.get("per_product", 2)
        self.candidates = int(data.get("candidates", 50))  # dense and BM25 candidates each

    @classmethod
    def load(cls, path: Path | str | None = None) -> "Fusion":
        return _load(str(path or WEIGHTS))

    def rank_chunks(self, cands: list[Candidate]) -> list[Candidate]:
        """Fills each candidate's relevance; best first (ties: the order given)."""
        for c in cands:
            c.relevance = sum(w * x for w, x in zip(self.chunk_w, chunk_features(c)))
        return sorted(cands, key=lambda c: -c.relevance)

    def rank_products(self, cands: list[Candidate], boost: dict[str, float] | None = None) -> list[tuple[str, float]]:
        """Candidate products, best first, with their scores (`boost` adds to some: products named
        in the question). Call after rank_chunks."""
        boost = boost or {}
        scores = {pid: sum(w * x for w, x in zip(self.product_w, f)) + boost.get(pid, 0.0)
                  for pid, f in product_features(cands).items()}
        return sorted(scores.items(), key=lambda kv: -kv[1])

    def layout(self, cands: list[Candidate], products: list[tuple[str, float]], k: int) -> list[Candidate]:
        """The evidence first (LEAD chunks: see per_product), then the best chunk of each product
        not shown yet, in product order (so k chunks name many products), then the rest."""
        by_product: dict[str, list[Candidate]] = {}
        for c in sorted(cands, key=lambda c: -c.relevance):
            by_product.setdefault(c.product_id, []).append(c)
        if self.per_product == "expected":
            top = max((s for _, s in products), default=0.0)
            weight = {pid: math.exp(s - top) for pid, s in products}  # softmax, up to a constant
            key = {id(c): weight.get(c.product_id, 0.0) / (1 + math.exp(-(c.relevance + self.chunk_bias)))
                   for c in cands}
            lead = sorted(cands, key=lambda c: -key[id(c)])[: min(k, LEAD)]
        else:
            lead = []
            for pid, _ in products:
                lead += by_product.get(pid, [])[: int(self.per_product)]
                if len(lead) >= LEAD:
                    break
            lead = lead[: max(LEAD, int(self.per_product))]
        shown = {c.product_id for c in lead}
        spread = [by_product[pid][0] for pid, _ in products if pid not in shown and by_product.get(pid)]
        chosen = {id(c) for c in lead + spread}
        rest = [c for pid, _ in products for c in by_product.get(pid, []) if id(c) not in chosen]
        return (lead + spread + rest)[:k]


def weights_for(embedder_name: str | None) -> Path:
    """The weights fitted for this embedder (`fusion-minilm.json`), else the default embedder's:
    cosines of different embedders sit on different scales."""
    named = WEIGHTS.with_name(f"fusion-{embedder_name}.json")
    return named if embedder_name and named.is_file() else WEIGHTS


@lru_cache(maxsize=4)
def _load(path: str) -> Fusion:
    return Fusion(json.loads(Path(path).read_text(encoding="utf-8")))
