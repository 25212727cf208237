"""`ReviewAnalyzer`: sentiment, aspects (with polarity) and keywords for reviews, in batches."""
from __future__ import annotations

import warnings
from typing import Any, Iterable, Mapping, Sequence

from chatbot.types import Product, Review

from .aspects import AspectMatcher, discover
from .embedding import E5_NAMES, embed_texts, embedder_name, resolve_embedder
from .keywords import candidate_terms, keywords as extract_keywords
from .records import ReviewAnalysis
from .sentiment import HEAD_PATH, SentimentHead, lexicon_labels
from .text import contrasts, lang_of, split_clauses, text_hash

__all__ = ["ReviewAnalyzer", "ReviewAnalysis"]


class ReviewAnalyzer:
    """Review analytics in one object, KeyBERT-style.

    `embedder`: a preset name ("e5-small") or an embedder instance; it must be the one the head
    was trained on. `method`: "auto" (per language, what `scripts/train_sentiment.py` measured
    best), "head" (the trained model) or "lexicon" (VADER / snownlp: no embedder needed).

    Whole reviews: the embedding head stacked with the n-gram text model, on the review's vector
    when the caller passes it (`vectors`, e.g. the ingest's chunk vectors), else embedded here
    (`embed=False`: the text model alone, no embedder). Aspect clauses: the text model alone.
    """

    def __init__(self, embedder: Any = "e5-small", head: SentimentHead | str | None = None,
                 method: str = "auto", settings=None, matcher: AspectMatcher | None = None,
                 embed: bool = True):
        self._embedder_spec, self._embedder, self._settings = embedder, None, settings
        self.head = head if isinstance(head, SentimentHead) else SentimentHead.load(head or HEAD_PATH)
        if method not in ("auto", "head", "lexicon"):
            raise ValueError(f"method must be auto, head or lexicon, not {method!r}")
        self.method = method
        self.embed = embed
        self.reuse_vectors = False  # annotate(): the chunk vectors are e5-small ones (IngestAnalyzer)
        self.matcher = matcher or AspectMatcher()
        self.discovered: dict[str, list[tuple[str, int]]] = {}
        self.discovered_groups: dict[str, list[tuple[str, list[str]]]] = {}
        self.max_aspects = 8  # discovered aspects kept per category

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

    def _classify(self, texts: Sequence[str], langs: Sequence[str], clauses: int = 0,
                  vectors: Sequence | None = None, context: Sequence[float] | None = None) -> list[tuple[str, float]]:
        """(label, signed score) per text. The last `clauses` texts are aspect clauses (text
        model, clause band); the others whole reviews (stacked; `vectors[i]` is review i's
        embedding or None, and a missing one is embedded when `self.embed`). `context[k]`: the
        P(positive) of the review clause k comes from, where known."""
        first_clause = len(texts) - clauses
        out: list[tuple[str, float] | None] = [None] * len(texts)
        use_head = [self._method(l) == "head" for l in langs]
        head_idx = [i for i, h in enumerate(use_head) if h]
        lex_idx = [i for i, h in enumerate(use_head) if not h]
        if head_idx:
            rows: list = [None] * len(texts)
            # Whole reviews read the stack (embedding + text model); clauses the text model alone
            # (a head file without text models embeds everything).
            needs = [i for i in head_idx if i < first_clause or not self.head.text_models]
            for i in needs:
                if vectors is not None and i < len(vectors) and vectors[i] is not None:
                    rows[i] = vectors[i]
            missing = [i for i in needs if rows[i] is None]
            if missing and (self.embed or not self.head.text_models):
                unique = list(dict.fromkeys(texts[i] for i in missing))
                found = dict(zip(unique, embed_texts(self.embedder, unique)))
                for i in missing:
                    rows[i] = found[texts[i]]
            p = dict(zip(head_idx, self.head.proba_texts([texts[i] for i in head_idx], [langs[i] for i in head_idx],
                                                         [rows[i] for i in head_idx])))
            clause_idx = [i for i in head_idx if i >= first_clause]
            if clause_idx and context is not None and self.head.text_models:
                p.update(zip(clause_idx, self.head.proba_clauses(
                    [texts[i] for i in clause_idx], [langs[i] for i in clause_idx],
                    [context[i - first_clause] for i in clause_idx])))
            for i in head_idx:
                out[i] = self.head.label(p[i], langs[i], clause=i >= first_clause)
        for i, res in zip(lex_idx, lexicon_labels([texts[i] for i in lex_idx], [langs[i] for i in lex_idx])):
            out[i] = res
        return out  # type: ignore[return-value]

    def _mixed(self, texts: Sequence[str], langs: Sequence[str],
               labels: list[tuple[str, float]]) -> list[tuple[str, float]]:
        """Mixed reviews are neutral: a review with a clearly positive and a clearly negative
        clause (text model, clause band) whose overall P(positive) lies in the head's `mixed`
        band (calibrated like the others) is labelled neutral; its score stays."""
        out = list(labels)
        todo = [i for i, (label, score) in enumerate(labels) if label != "neutral"
                and self._method(langs[i]) == "head" and self.head.bands.get(f"mixed:{langs[i]}")
                and self.head.bands[f"mixed:{langs[i]}"][0] <= (score + 1) / 2 <= self.head.bands[f"mixed:{langs[i]}"][1]]
        if not todo:
            return out
        clauses = [(i, c) for i in todo for c in split_clauses(texts[i], langs[i])]
        p = self.head.proba_texts([c for _, c in clauses], [langs[i] for i, _ in clauses])
        sides: dict[int, set[str]] = {}
        for (i, _), pi in zip(clauses, p):
            lo, hi = self.head.bands.get(f"side:{langs[i]}") or self.head.band(langs[i], clause=True)
            if pi > hi or pi < lo:
                sides.setdefault(i, set()).add("positive" if pi > hi else "negative")
        for i in todo:
            if len(sides.get(i, ())) == 2:
                out[i] = ("neutral", labels[i][1])
        return out

    def _mentions(self, text: str, lang: str, category: str | None) -> list[tuple[str, str]]:
        """(aspect, clause) pairs: every clause that names an aspect."""
        return [(a, c) for c in split_clauses(text, lang) for a in self.matcher.find(c, lang, category)]

    # ------------------------------------------------------------ public API
    def sentiment(self, texts: Sequence[str], langs: Sequence[str | None] | None = None) -> list[tuple[str, float]]:
        """[(label, score)]: label positive | negative | neutral, score signed in [-1, 1]."""
        texts = list(texts)
        langs = self._langs(texts, langs)
        return self._mixed(texts, langs, self._classify(texts, langs))

    def aspects(self, texts: Sequence[str], langs: Sequence[str | None] | None = None,
                categories: Sequence[str | None] | None = None) -> list[list[dict]]:
        """Per text: [{aspect, polarity, score, quote}], polarity from the clause naming the aspect."""
        texts = list(texts)
        langs = self._langs(texts, langs)
        categories = list(categories) if categories is not None else [None] * len(texts)
        mentions = [self._mentions(t, l, c) for t, l, c in zip(texts, langs, categories)]
        # The reviews' own polarity as context, from the text model alone (no embedding here).
        context = self.head.proba_texts(texts, langs) if self.head.text_models else None
        return self._clause_rows(texts, mentions, langs, context)

    def _clause_rows(self, texts: Sequence[str], mentions: list[list[tuple[str, str]]], langs: Sequence[str],
                     context) -> list[list[dict]]:
        """Aspect rows per review from its (aspect, clause) mentions; `context[r]`: review r's
        P(positive). A clause across a contrast marker from another ("Great sound | but | the
        battery dies fast") leans on the opposite of that clause instead (text model alone)."""
        keys = list(dict.fromkeys((r, c) for r, m in enumerate(mentions) for _, c in m))
        lean = None
        if context is not None:
            lean = [context[r] for r, _ in keys]
            across = {r: contrasts(texts[r], langs[r]) for r in dict.fromkeys(r for r, _ in keys)}  # once a review
            partners = [(k, other) for k, (r, c) in enumerate(keys) if (other := across[r].get(c))]
            if partners and self.head.text_models:
                p = self.head.proba_texts([o for _, o in partners], [langs[keys[k][0]] for k, _ in partners])
                for (k, _), pk in zip(partners, p):
                    lean[k] = 1.0 - float(pk)
        labels = self._classify([c for _, c in keys], [langs[r] for r, _ in keys], clauses=len(keys), context=lean)
        per_review: list[dict[str, tuple[str, float]]] = [{} for _ in mentions]
        for (r, c), label in zip(keys, labels):
            per_review[r][c] = label
        return [self._aspect_rows(m, per_review[r]) for r, m in enumerate(mentions)]

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
        """Per category, aspects the seed lexicon lacks, from the category's reviews and product
        attributes, grouped by meaning (`analytics.discovery`); they are matched from now on.
        Returns category -> [(aspect name, reviews)]; `self.discovered_groups` has the members."""
        from .discovery import attribute_terms, centre, group_terms

        by_id = {p.id: p for p in products}
        candidates: dict[str, list[list[str]]] = {}
        for r in reviews:
            product = by_id.get(r.product_id)
            if product is not None and product.category:
                candidates.setdefault(product.category, []).append(candidate_terms(r.text, lang_of(r.text, r.lang)))
        exclude: dict[str, set[str]] = {}
        boost: dict[str, set[str]] = {}
        for p in by_id.values():  # the products' own names are no aspects: "backpack", "tea"
            words = {w.strip(".,()&").lower() for w in f"{p.category} {p.title}".replace("/", " ").split()}
            exclude.setdefault(p.category, set()).update(words | {p.category.lower()})
            boost.setdefault(p.category, set()).update(attribute_terms([p]))
        found = discover(candidates, self.matcher, exclude=exclude, boost=boost, top=3 * self.max_aspects)
        embedder = self.embedder if self.method != "lexicon" else None
        every = sorted({t for terms in found.values() for t, _ in terms})
        vecs = dict(zip(every, embed_texts(embedder, every))) if embedder is not None and every else {}
        self.discovered, self.discovered_groups = {}, {}
        for category, terms in found.items():
            names = [t for t, _ in terms]
            vectors = centre(names, [vecs[t] for t in names], every, [vecs[t] for t in every]) if vecs and names else None
            groups = group_terms(terms, vectors)[: self.max_aspects]
            self.discovered[category] = [(name, n) for name, _, n in groups]
            self.discovered_groups[category] = [(name, members) for name, members, _ in groups]
            self.matcher.add_terms(category, self.discovered_groups[category])
        return self.discovered

    def analyze(self, reviews: Sequence[Review], categories: Mapping[str, str] | None = None,
                vectors: Sequence | None = None) -> list[ReviewAnalysis]:
        """Sentiment, aspects and keywords of each review. `categories` maps product id to
        category, which turns on that category's discovered aspects. `vectors[i]`: review i's
        e5-small embedding where the caller has it (not embedded again), else None."""
        reviews = list(reviews)
        texts = [r.text for r in reviews]
        langs = self._langs(texts, [r.lang for r in reviews])
        cats = [(categories or {}).get(r.product_id) for r in reviews]
        mentions = [self._mentions(t, l, c) for t, l, c in zip(texts, langs, cats)]
        review_labels = self._classify(texts, langs, vectors=vectors)
        rows = self._clause_rows(texts, mentions, langs, [(score + 1) / 2 for _, score in review_labels])
        labels = self._mixed(texts, langs, review_labels)
        out = []
        for r, text, lang, aspects, (label, score) in zip(reviews, texts, langs, rows, labels):
            out.append(ReviewAnalysis(
                review_id=r.id, product_id=r.product_id, lang=lang, sentiment=label, score=score,
                aspects=aspects, keywords=extract_keywords(text, lang),
                text_hash=text_hash(text), rating=r.rating,
            ))
        return out

    def summarize(self, product: Product, analyses: Sequence[ReviewAnalysis], reviews: Sequence[Review] = ()):
        from .summary import summarize

        return summarize(product, analyses, reviews)

    def annotate(self, conn, chunks, vectors=None) -> None:
        """Ingest hook: analyse the review chunks among `chunks` (stored incrementally in
        `review_analysis`) and add `sentiment`, `sentiment_score` and `aspects` to their metadata.
        `vectors` are the chunks' own embeddings ("Review of <title>: <text>"), reused for the
        sentiment of whole reviews when `reuse_vectors` (the shop embeds with e5-small too)."""
        from .incremental import update

        reviews, categories, by_review = [], {}, {}
        for n, chunk in enumerate(chunks):
            meta = chunk.metadata
            if chunk.kind != "review" or "review_id" not in meta:
                continue
            prefix = f"Review of {meta.get('title') or f'product {chunk.product_id}'}: "
            text = chunk.text[len(prefix):] if chunk.text.startswith(prefix) else chunk.text
            reviews.append(Review(id=meta["review_id"], product_id=chunk.product_id, text=text,
                                  rating=meta.get("stars"), lang=meta.get("lang")))
            if meta.get("category"):
                categories[chunk.product_id] = meta["category"]
            if vectors is not None and self.reuse_vectors:
                by_review[meta["review_id"]] = _unit(vectors[n])
        if not reviews:
            return
        results = update(conn, reviews, self, categories=categories, vectors=by_review or None).analyses
        for chunk in chunks:
            found = results.get(chunk.metadata.get("review_id")) if chunk.kind == "review" else None
            if found is not None:
                chunk.metadata.update(found.metadata())


def _unit(vector):
    import numpy as np

    v = np.asarray(vector, dtype=np.float32)
    return v / max(float(np.linalg.norm(v)), 1e-12)
