"""Per-question measures: SQuAD-style token F1, ranking hits, evidence matching, refusal detection.

Pure functions on strings and lists, so each one can be checked by hand in tests.
"""
from __future__ import annotations

import math
import re
import string
from collections import Counter
from typing import Iterable, Sequence

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = set(string.punctuation) | set("，。！？；：、“”‘’（）《》【】…—·")
_CJK = re.compile(r"([\u4e00-\u9fff])")


def normalize(text: str) -> str:
    """SQuAD normalization (lower case, no punctuation, no articles, single spaces), with each
    CJK character spaced out so Chinese answers get a token per character (MLQA's rule)."""
    # Citation markers ("[1]") point at evidence; they are not words of the answer.
    text = re.sub(r"\[\d{1,2}\]", " ", str(text))
    text = "".join(" " if ch in _PUNCT else ch for ch in text.lower())
    text = _ARTICLES.sub(" ", text)
    text = _CJK.sub(r" \1 ", text)
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    return normalize(text).split()


def token_f1(prediction: str, reference: str) -> float:
    pred, ref = tokens(prediction), tokens(reference)
    if not pred or not ref:
        return float(pred == ref)  # both empty: agree; one empty: nothing in common
    common = sum((Counter(pred) & Counter(ref)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(pred), common / len(ref)
    return 2 * precision * recall / (precision + recall)


def max_token_f1(prediction: str, references: Sequence[str]) -> float | None:
    """Best F1 over the reference answers; None when there is no reference."""
    return max((token_f1(prediction, r) for r in references), default=None)


def contains(haystack: str, needle: str) -> bool:
    return needle.strip().lower() in haystack.lower()


def must_include_pass(answer: str, required: Sequence[str]) -> bool | None:
    """All required strings present (case-insensitive); None when nothing is required."""
    if not required:
        return None
    return all(contains(answer, s) for s in required)


def must_not_include_violated(answer: str, banned: Sequence[str]) -> bool | None:
    if not banned:
        return None
    return any(contains(answer, s) for s in banned)


# ------------------------------------------------------------------ retrieval


def distinct_products(product_ids: Iterable[str]) -> list[str]:
    """The ranking of products, from chunk product ids in retrieval order."""
    return list(dict.fromkeys(p for p in product_ids if p))


def first_gold_rank(ranked: Sequence[str], gold: Iterable[str]) -> int | None:
    """1-based rank of the first gold product; None when none was retrieved."""
    gold = set(gold)
    for i, pid in enumerate(ranked, 1):
        if pid in gold:
            return i
    return None


def hit_at(rank: int | None, k: int) -> float:
    return float(rank is not None and rank <= k)


def reciprocal_rank(rank: int | None) -> float:
    return 1.0 / rank if rank else 0.0


def evidence_found(evidence: str, chunk_texts: Sequence[str], min_f1: float = 0.8) -> bool:
    """A gold evidence text is found when a chunk contains it (both normalized) or when the
    two agree at token F1 >= min_f1 (chunk prefixes such as "Review of X:" differ). Marketplace
    measures are read alike on both sides: gold `item_weight: { unit:ounces, value:8.48 }` is
    found in a card that says `item weight: 8.48 ounces`, and in a chunk that holds it raw."""
    from chatbot.data.chunking import format_value  # flattens exactly that format, leaves prose alone

    evidence = format_value(evidence)
    gold = normalize(evidence)
    if not gold:
        return False
    return any(gold in normalize(c) or token_f1(evidence, c) >= min_f1 for c in map(format_value, chunk_texts))


def evidence_recall(evidence: Sequence[str], chunk_texts: Sequence[str]) -> float | None:
    if not evidence:
        return None
    return sum(evidence_found(e, chunk_texts) for e in evidence) / len(evidence)


# ------------------------------------------------------------------ refusals

_REFUSAL = re.compile(
    r"\b(i'?m|i am) (sorry|afraid),? (but )?(i|we) (can'?t|cannot|am unable|'m unable|am not able|'m not able)|"
    r"\b(i|we) (can'?t|cannot|am unable to|'m unable to|am not able to|'m not able to|won'?t) "
    r"(help|assist|provide|share|do that|grant|give|create|answer|access|see|check|track|reveal|disclose|comply)|"
    r"\bi (don'?t|do not) have (access|information|any information|that information|enough information)|"
    r"\b(not|no) (enough )?information (about|on|regarding|available)|"
    r"\b(evidence|context|information|data|catalog|reviews?)\b[^.]{0,40}?\b(does not|doesn'?t|do not|don'?t)\s+"
    r"(answer|say|mention|contain|provide|include|specify|state)|"
    r"\b(i'?m|i am) not sure\b|"
    r"抱歉.{0,10}(无法|不能)|我(无法|不能)(回答|提供|透露|查看|帮)",
    re.I,
)


def says_refusal(text: str) -> bool:
    """A reply that declines or says it does not know: shopbot's guard rule plus common
    refusal phrasings, so replies without a `refused` flag (the baseline's) are judged alike."""
    from chatbot.answer.guard import says_dont_know

    return bool(says_dont_know(text) or _REFUSAL.search(text))


# ------------------------------------------------------------------ aggregation


def mean(values: Iterable[float | bool | None]) -> float | None:
    vals = [float(v) for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def percentile(values: Iterable[float | None], q: float) -> float | None:
    """Linear-interpolated percentile (numpy's default), q in 0..100."""
    vals = sorted(float(v) for v in values if v is not None and not math.isnan(float(v)))
    if not vals:
        return None
    pos = (len(vals) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return vals[lo] + (vals[hi] - vals[lo]) * (pos - lo)


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b))
    na, nb = math.sqrt(sum(x * x for x in a)), math.sqrt(sum(y * y for y in b))
    return dot / (na * nb) if na and nb else 0.0
