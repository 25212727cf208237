"""BM25: the lexical half of whole-catalog search.

A small embedder blurs the one rare word a shopper types ("zeppelin", "1:12", "hubsan"); BM25
weighs exactly those words. Pure Python over an inverted index: a shop's few thousand chunks
build in well under a second, and a query touches only the chunks holding one of its terms.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Iterable


class BM25:
    """Okapi BM25 over pre-tokenised documents: `BM25([(doc_id, terms), ...]).scores(terms)`."""

    def __init__(self, docs: Iterable[tuple[str, list[str]]], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.ids: list[str] = []
        self.lengths: list[int] = []
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)  # term -> [(doc, count)]
        for i, (doc_id, terms) in enumerate(docs):
            self.ids.append(doc_id)
            self.lengths.append(len(terms))
            for term, count in Counter(terms).items():
                self.postings[term].append((i, count))
        self.avg_length = sum(self.lengths) / len(self.lengths) if self.lengths else 0.0

    def __len__(self) -> int:
        return len(self.ids)

    def idf(self, term: str) -> float:
        """Rarer terms weigh more; the +1 keeps a term found in most documents above zero."""
        n = len(self.postings.get(term, ()))
        return math.log(1 + (len(self.ids) - n + 0.5) / (n + 0.5))

    def scores(self, terms: Iterable[str]) -> dict[str, float]:
        """Each document holding at least one of `terms` (a set: repeats in a query count once)
        and its score."""
        k1, b, avg = self.k1, self.b, self.avg_length or 1.0
        out: dict[int, float] = defaultdict(float)
        for term in set(terms):
            idf = self.idf(term)
            for i, count in self.postings.get(term, ()):
                # term frequency saturates (k1); long documents are discounted (b)
                out[i] += idf * count * (k1 + 1) / (count + k1 * (1 - b + b * self.lengths[i] / avg))
        return {self.ids[i]: s for i, s in out.items()}
