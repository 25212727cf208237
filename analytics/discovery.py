"""Aspects found in a category's own reviews and product attributes.

Candidate terms (noun-like words and phrases of each review, `keywords.candidate_terms`, plus the
words of the products' attribute names and features) that the category uses often and
distinctively (`aspects.discover`) are grouped by meaning: their e5-small embeddings, centred on
the mean of all categories' candidates of the same language (single words all look alike to e5
otherwise, and a Chinese word looks like other Chinese words first), are clustered greedily
(average link), most frequent first; a group is named by its most frequent English member. "flavor",
"taste", "味道" and "口感" become one aspect, and a review naming any of them counts once.

The seed lexicon is a prior only: a term it already covers joins that seed aspect instead of
starting a new one (`AspectMatcher.covers`).
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Sequence

# Cosine (after centring) at which two candidate terms name the same aspect. Chosen on the demo
# shop's categories other than the one held out (see analytics/evaluate.py --hold-out).
THRESHOLD = 0.3
_WORD = re.compile(r"[a-z][a-z-]{2,}")


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def attribute_terms(products: Iterable[Any]) -> set[str]:
    """Words naming a property in the products' attribute keys and features ("waterproof",
    "capacity", "noise level"): candidates that count even when rarer in reviews."""
    out: set[str] = set()
    for p in products:
        attrs = getattr(p, "attributes", None) or {}
        for key in attrs:
            out.update(_WORD.findall(str(key).lower().replace("_", " ")))
        for feature in getattr(p, "features", None) or []:
            out.update(_WORD.findall(str(feature).lower()))
    return out


def centre(terms: Sequence[str], vectors, background: Sequence[str] = (), background_vectors=None):
    """Unit vectors of `terms` minus the mean vector of their language (over `background`,
    all categories' candidates, or the terms themselves)."""
    import numpy as np

    v = np.asarray(vectors, dtype=np.float32)
    bg_terms = list(background) or list(terms)
    bg = np.asarray(background_vectors if background_vectors is not None else vectors, dtype=np.float32)
    means = {}
    for cjk in (False, True):
        rows = [i for i, t in enumerate(bg_terms) if has_cjk(t) == cjk]
        means[cjk] = bg[rows].mean(axis=0) if rows else bg.mean(axis=0)
    v = v - np.stack([means[has_cjk(t)] for t in terms])
    return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)


def group_terms(terms: Sequence[tuple[str, int]], vectors=None, threshold: float | None = None) -> list[tuple[str, list[str], int]]:
    """[(name, members, reviews)] from (term, reviews using it), most used first.

    `vectors`: one centred unit vector per term (`centre`; None: every term its own group). A
    term joins the group whose members it is closest to on average when that reaches `threshold`."""
    threshold = THRESHOLD if threshold is None else threshold
    if vectors is None or len(terms) < 2:
        return [(t, [t], n) for t, n in terms]
    import numpy as np

    v = np.asarray(vectors, dtype=np.float32)
    sim = v @ v.T
    order = sorted(range(len(terms)), key=lambda i: -terms[i][1])
    groups: list[list[int]] = []
    for i in order:
        best, best_sim = None, threshold
        for g in groups:
            s = float(np.mean(sim[i, g]))
            if s >= best_sim:
                best, best_sim = g, s
        if best is None:
            groups.append([i])
        else:
            best.append(i)
    out = []
    for g in groups:
        members = [terms[i][0] for i in g]
        english = [m for m in members if not has_cjk(m)]
        name = (english or members)[0]  # members are in order of use
        out.append((name, members, sum(terms[i][1] for i in g)))
    return sorted(out, key=lambda x: -x[2])
