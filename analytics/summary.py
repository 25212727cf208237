"""Per-product "customers say": counts first, then a paragraph that only restates those counts.

Every number in `customers_say` is a field of the same `ProductSummary`, and every quote is a
real clause of a real review (the one that gave the aspect its polarity), so the text can be
checked against the counts and nothing in it is generated.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Sequence

from chatbot.types import Product, Review

from .aspects import SEED
from .keywords import aggregate

POLARITIES = ("positive", "negative", "neutral")
QUOTE_CHARS = 90


@dataclass
class AspectStat:
    aspect: str
    mentions: int = 0  # reviews naming the aspect
    positive: int = 0
    negative: int = 0
    neutral: int = 0
    quote: str = ""  # a clause with the dominant polarity
    quote_review_id: str = ""
    discovered: bool = False  # found in this category's reviews, not in the seed lexicon

    @property
    def dominant(self) -> str:
        # Ties go to negative: a shop owner should hear about a split verdict on a problem.
        return max(("negative", "positive", "neutral"), key=lambda p: getattr(self, p))


@dataclass
class ProductSummary:
    product_id: str
    title: str = ""
    category: str = ""
    review_count: int = 0
    rating_histogram: dict[int, int] = field(default_factory=lambda: {s: 0 for s in range(1, 6)})
    mean_rating: float | None = None
    sentiment_counts: dict[str, int] = field(default_factory=lambda: {p: 0 for p in POLARITIES})
    sentiment_shares: dict[str, float] = field(default_factory=lambda: {p: 0.0 for p in POLARITIES})
    aspects: list[AspectStat] = field(default_factory=list)
    keywords: list[tuple[str, int]] = field(default_factory=list)  # (keyword, reviews naming it)
    customers_say: str = ""

    def to_dict(self) -> dict:
        data = asdict(self)
        data["rating_histogram"] = {str(k): v for k, v in self.rating_histogram.items()}
        data["keywords"] = [{"keyword": k, "reviews": n} for k, n in self.keywords]
        return data


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def aspect_stats(analyses: Sequence) -> list[AspectStat]:
    """One row per aspect, most mentioned first."""
    stats: dict[str, AspectStat] = {}
    quotes: dict[tuple[str, str], tuple[float, str, str]] = {}  # (aspect, polarity) -> strongest clause
    for a in analyses:
        for row in a.aspects:
            name, polarity = row["aspect"], row.get("polarity", "neutral")
            stat = stats.setdefault(name, AspectStat(name, discovered=name not in SEED))
            stat.mentions += 1
            setattr(stat, polarity, getattr(stat, polarity) + 1)
            strength = abs(float(row.get("score", 0.0)))
            if row.get("quote") and strength > quotes.get((name, polarity), (-1.0,))[0]:
                quotes[(name, polarity)] = (strength, _quote(row["quote"]), a.review_id)
    for stat in stats.values():
        _, stat.quote, stat.quote_review_id = quotes.get((stat.aspect, stat.dominant), (0.0, "", ""))
    return sorted(stats.values(), key=lambda s: (-s.mentions, s.aspect))


def _counts_phrase(stat: AspectStat) -> str:
    parts = [(getattr(stat, p), p) for p in ("negative", "positive", "neutral")]
    parts = [f"{n} {p}" for n, p in sorted(parts, key=lambda x: -x[0]) if n]
    return ", ".join(parts)


def customers_say(s: ProductSummary, top_aspects: int = 3) -> str:
    """The templated paragraph: 'Of 42 reviews, 31 are positive. Battery: 12 negative, 3 positive — "dies fast".'"""
    if not s.review_count:
        return "No reviews yet."
    c = s.sentiment_counts
    n = s.review_count
    lines = [f"Of {n} review{'s' if n != 1 else ''}, {c['positive']} {'is' if c['positive'] == 1 else 'are'} "
             f"positive, {c['negative']} negative and {c['neutral']} neutral."]
    if s.mean_rating is not None:
        rated = sum(s.rating_histogram.values())
        lines.append(f"Mean rating {s.mean_rating:.1f} of 5 ({rated} rated).")
    for stat in s.aspects[:top_aspects]:
        line = f"{stat.aspect[:1].upper()}{stat.aspect[1:]}: {_counts_phrase(stat)}"
        lines.append(line + (f' — "{stat.quote}".' if stat.quote else "."))
    if s.keywords:
        lines.append("Often mentioned: " + ", ".join(f"{k} ({m})" for k, m in s.keywords[:5]) + ".")
    return " ".join(lines)


def summarize(product: Product | str, analyses: Sequence, reviews: Sequence[Review] = ()) -> ProductSummary:
    """Summary of one product from its review analyses. Ratings come from `reviews` when given,
    else from the analyses (the store keeps each review's rating)."""
    if isinstance(product, str):
        product = Product(id=product)
    analyses = [a for a in analyses if a.product_id == product.id]
    ratings = [r.rating for r in reviews if r.product_id == product.id] if reviews else [a.rating for a in analyses]
    s = ProductSummary(product_id=product.id, title=product.title, category=product.category,
                       review_count=len(analyses))
    for rating in ratings:
        if rating is not None and 1 <= int(rating) <= 5:
            s.rating_histogram[int(rating)] += 1
    rated = sum(s.rating_histogram.values())
    if rated:
        s.mean_rating = round(sum(k * v for k, v in s.rating_histogram.items()) / rated, 2)
    counts = Counter(a.sentiment for a in analyses)
    s.sentiment_counts = {p: counts.get(p, 0) for p in POLARITIES}
    s.sentiment_shares = {p: round(counts.get(p, 0) / len(analyses), 3) if analyses else 0.0 for p in POLARITIES}
    s.aspects = aspect_stats(analyses)
    s.keywords = aggregate((a.keywords for a in analyses), top=10)
    s.customers_say = customers_say(s)
    return s
