"""`ReviewAnalyzer`: sentiment, aspects (with polarity) and keywords for reviews, in batches."""
from __future__ import annotations

import warnings
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from chatbot.types import Product, Review

from .aspects import AspectMatcher, discover
from .embedding import E5_NAMES, embed_texts, embedder_name, resolve_embedder
from .keywords import candidate_terms, keywords as extract_keywords
from .sentiment import HEAD_PATH, SentimentHead, label_from_proba, lexicon_labels
from .text import lang_of, split_clauses, text_hash


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


class ReviewAnalyzer:
    """Review analytics in one object, KeyBERT-style.

    `embedder`: a preset name ("e5-small") or an embedder instance; it must be the one the head
    was trained on. `method`: "auto" (per language, what `scripts/train_sentiment.py` measured
    best), "head" or "lexicon" (VADER / snownlp: no embedder needed).
    """

    def __init__(self, embedder: Any = "e5-small", head: SentimentHead | str | None = None,
                 method: str = "auto", settings=None, matcher: AspectMatcher | None = None):
        self._embedder_spec, self._embedder, self._settings = embedder, None, settings
        self.head = head if isinstance(head, SentimentHead) else SentimentHead.load(head or HEAD_PATH)
        if method not in ("auto", "head", "lexicon"):
            raise ValueError(f"method must be auto, head or lexicon, not {method!r}")
        self.method = method
        self.matcher = matcher or AspectMatcher()
        self.discovered: dict[str, list[tuple[str, int]]] = {}

    # ------------------------------------------------------------ building blocks
    @property
    def embedder(self):
        if self._embedder is None:
            emb = resolve_embedder(self._embedder_spec, self._settings)
            dim = int(getattr(emb, "dim", 0) or 0)
            if dim and dim != self.head.dim:
                from chatbot.errors import ConfigError

                raise ConfigError(f"embedder {embedder_name(emb)!r} gives {dim}-d vectors but the sentiment "
                                  f"head expects {self.head.dim}; retrain it with scripts/train_sentiment.py")
            name = embedder_name(emb)
            if name != self.head.embedder and not {name, self.head.embedder} <= E5_NAMES:
                warnings.warn(f"sentiment head was trained on {self.head.embedder!r}, not {name!r}: "
                              "labels may be off; retrain with scripts/train_sentiment.py", stacklevel=2)
            self._embedder = emb
        return self._embedder

    def _method(self, lang: str) -> str:
        if self.method != "auto":
            return self.method
        return self.head.meta.get("default", {}).get("zh" if lang == "zh" else "en", "head")

    def _langs(self, texts: Sequence[str], langs: Sequence[str | None] | None) -> list[str]:
        langs = list(langs) if langs is not None else [None] * len(texts)
        return [lang_of(t, l) for t, l in zip(texts, langs)]

    def _classify(self, texts: Sequence[str], langs: Sequence[str], clauses: int = 0) -> list[tuple[str, float]]:
        """(label, signed score) per text; each distinct text is embedded once. The last
        `clauses` texts are aspect clauses, labelled with the clause band."""
        first_clause = len(texts) - clauses
        out: list[tuple[str, float] | None] = [None] * len(texts)
        use_head = [self._method(l) == "head" for l in langs]
        head_idx = [i for i, h in enumerate(use_head) if h]
        lex_idx = [i for i, h in enumerate(use_head) if not h]
        if head_idx:
            unique = list(dict.fromkeys(texts[i] for i in head_idx))
            p = dict(zip(unique, self.head.proba(embed_texts(self.embedder, unique))))
            for i in head_idx:
                out[i] = label_from_proba(p[texts[i]], self.head.band(langs[i], clause=i >= first_clause))
        for i, res in zip(lex_idx, lexicon_labels([texts[i] for i in lex_idx], [langs[i] for i in lex_idx])):
            out[i] = res
        return out  # type: ignore[return-value]

    def _mentions(self, text: str, lang: str, category: str | None) -> list[tuple[str, str]]:
        """(aspect, clause) pairs: every clause that names an aspect."""
        return [(a, c) for c in split_clauses(text, lang) for a in self.matcher.find(c, lang, category)]

    # ------------------------------------------------------------ public API
    def sentiment(self, texts: Sequence[str], langs: Sequence[str | None] | None = None) -> list[tuple[str, float]]:
        """[(label, score)]: label positive | negative | neutral, score signed in [-1, 1]."""
        texts = list(texts)
        return self._classify(texts, self._langs(texts, langs))

    def aspects(self, texts: Sequence[str], langs: Sequence[str | None] | None = None,
                categories: Sequence[str | None] | None = None) -> list[list[dict]]:
        """Per text: [{aspect, polarity, score, quote}], polarity from the clause naming the aspect."""
        texts = list(texts)
        langs = self._langs(texts, langs)
        categories = list(categories) if categories is not None else [None] * len(texts)
        mentions = [self._mentions(t, l, c) for t, l, c in zip(texts, langs, categories)]
        clauses = [c for m in mentions for _, c in m]
        clause_langs = [l for m, l in zip(mentions, langs) for _ in m]
        labels = dict(zip(clauses, self._classify(clauses, clause_langs, clauses=len(clauses))))
        return [self._aspect_rows(m, labels) for m in mentions]

    @staticmethod
    def _aspect_rows(mentions: list[tuple[str, str]], labels: Mapping[str, tuple[str, float]]) -> list[dict]:
        rows: dict[str, dict] = {}
        for aspect, clause in mentions:
            label, score = labels[clause]
            # An aspect named in several clauses takes its most decided one.
            if aspect not in rows or abs(score) > abs(rows[aspect]["score"]):
                rows[aspect] = {"aspect": aspect, "polarity": label, "score": score, "quote": clause}
        return list(rows.values())

    def keywords(self, texts: Sequence[str], langs: Sequence[str | None] | None = None,
                 top: int = 5) -> list[list[str]]:
        texts = list(texts)
        return [extract_keywords(t, l, top) for t, l in zip(texts, self._langs(texts, langs))]

    def discover_aspects(self, reviews: Iterable[Review],
                         products: Iterable[Product]) -> dict[str, list[tuple[str, int]]]:
        """Per category, frequent terms the seed lexicon lacks; they become aspects from now on."""
        by_id = {p.id: p for p in products}
        candidates: dict[str, list[list[str]]] = {}
        for r in reviews:
            product = by_id.get(r.product_id)
            if product is not None and product.category:
                candidates.setdefault(product.category, []).append(candidate_terms(r.text, lang_of(r.text, r.lang)))
        exclude: dict[str, set[str]] = {}
        for p in by_id.values():  # the products' own names are no aspects: "backpack", "tea"
            words = {w.strip(".,()&").lower() for w in f"{p.category} {p.title}".replace("/", " ").split()}
            exclude.setdefault(p.category, set()).update(words | {p.category.lower()})
        self.discovered = discover(candidates, self.matcher, exclude=exclude)
        for category, terms in self.discovered.items():
            self.matcher.add_terms(category, [t for t, _ in terms])
        return self.discovered

    def analyze(self, reviews: Sequence[Review], categories: Mapping[str, str] | None = None) -> list[ReviewAnalysis]:
        """Sentiment, aspects and keywords of each review. `categories` maps product id to
        category, which turns on that category's discovered aspects."""
        reviews = list(reviews)
        texts = [r.text for r in reviews]
        langs = self._langs(texts, [r.lang for r in reviews])
        cats = [(categories or {}).get(r.product_id) for r in reviews]
        mentions = [self._mentions(t, l, c) for t, l, c in zip(texts, langs, cats)]
        clauses = [c for m in mentions for _, c in m]
        # One classification pass over reviews and clauses: a one-clause review is embedded once.
        labels = self._classify(texts + clauses, langs + [l for m, l in zip(mentions, langs) for _ in m],
                                clauses=len(clauses))
        clause_labels = dict(zip(clauses, labels[len(texts):]))
        out = []
        for r, text, lang, m, (label, score) in zip(reviews, texts, langs, mentions, labels):
            out.append(ReviewAnalysis(
                review_id=r.id, product_id=r.product_id, lang=lang, sentiment=label, score=score,
                aspects=self._aspect_rows(m, clause_labels), keywords=extract_keywords(text, lang),
                text_hash=text_hash(text), rating=r.rating,
            ))
        return out

    def summarize(self, product: Product, analyses: Sequence[ReviewAnalysis], reviews: Sequence[Review] = ()):
        from .summary import summarize

        return summarize(product, analyses, reviews)

    def annotate(self, conn, chunks, vectors=None) -> None:
        """Ingest hook: analyse the review chunks among `chunks` (stored incrementally in
        `review_analysis`) and add `sentiment`, `sentiment_score` and `aspects` to their metadata.
        `vectors` are the chunks' own embeddings ("Review of <title>: <text>"); the head reads the
        bare review text instead, so they are not reused."""
        from .store import analyze_and_store

        reviews, categories = [], {}
        for chunk in chunks:
            meta = chunk.metadata
            if chunk.kind != "review" or "review_id" not in meta:
                continue
            prefix = f"Review of {meta.get('title') or f'product {chunk.product_id}'}: "
            text = chunk.text[len(prefix):] if chunk.text.startswith(prefix) else chunk.text
            reviews.append(Review(id=meta["review_id"], product_id=chunk.product_id, text=text,
                                  rating=meta.get("stars"), lang=meta.get("lang")))
            if meta.get("category"):
                categories[chunk.product_id] = meta["category"]
        if not reviews:
            return
        results = analyze_and_store(conn, reviews, self, categories=categories).analyses
        for chunk in chunks:
            found = results.get(chunk.metadata.get("review_id")) if chunk.kind == "review" else None
            if found is not None:
                chunk.metadata.update(found.metadata())
