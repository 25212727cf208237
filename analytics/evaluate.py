"""Score the analyzer against a reviews.jsonl with gold `sentiment` and `aspects` labels.

    python -m analytics.evaluate chatbot/data/demo/reviews.jsonl [--method auto|head|lexicon]

Prints 3-way sentiment accuracy / macro-F1 per language, aspect detection precision / recall /
F1 over (review, aspect) pairs (micro-averaged; per aspect with --per-aspect), and how often the
polarity of a correctly found aspect matches the gold polarity.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path


def dev_half(text: str) -> str:
    """'calib' or 'measure': a fixed half of a labelled set, by text hash, so that
    scripts/train_sentiment.py calibrates the neutral bands on one half and this module can
    score the other half alone (`--half measure`)."""
    from .text import text_hash

    return "calib" if int(text_hash(text)[-1], 16) < 8 else "measure"


def read_gold(path: Path) -> list[dict]:
    rows = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def score(rows: list[dict], analyses) -> dict:
    """Metrics dict from gold rows and the analyses of the same reviews, in order."""
    from sklearn.metrics import accuracy_score, f1_score

    out: dict = {"n": len(rows)}
    for lang in ("all", "en", "zh"):
        idx = [i for i, a in enumerate(analyses) if lang == "all" or (a.lang == "zh") == (lang == "zh")]
        idx = [i for i in idx if rows[i].get("sentiment")]
        if idx:
            gold = [rows[i]["sentiment"] for i in idx]
            pred = [analyses[i].sentiment for i in idx]
            out[f"sentiment_{lang}"] = {
                "n": len(idx), "accuracy": round(accuracy_score(gold, pred), 3),
                "macro_f1": round(f1_score(gold, pred, average="macro", zero_division=0), 3),
            }
    tp, fp, fn = Counter(), Counter(), Counter()
    polarity_hits = polarity_total = 0
    for row, a in zip(rows, analyses):
        if "aspects" not in row:
            continue
        gold = {g["aspect"]: g.get("polarity") for g in row["aspects"]}
        pred = {p["aspect"]: p["polarity"] for p in a.aspects}
        for name in pred:
            (tp if name in gold else fp)[name] += 1
            if name in gold and gold[name]:
                polarity_total += 1
                polarity_hits += gold[name] == pred[name]
        for name in gold:
            if name not in pred:
                fn[name] += 1
    t, f_p, f_n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    p = t / (t + f_p) if t + f_p else 0.0
    r = t / (t + f_n) if t + f_n else 0.0
    out["aspects"] = {"precision": round(p, 3), "recall": round(r, 3),
                      "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                      "polarity_accuracy": round(polarity_hits / polarity_total, 3) if polarity_total else None,
                      "matched": polarity_total}
    names = sorted(set(tp) | set(fp) | set(fn))
    out["per_aspect"] = {n: {"tp": tp[n], "fp": fp[n], "fn": fn[n]} for n in names}
    return out


def main(argv=None) -> int:
    from chatbot.types import Review

    from .analyzer import ReviewAnalyzer

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("reviews", type=Path)
    ap.add_argument("--method", default="auto", choices=["auto", "head", "lexicon"])
    ap.add_argument("--per-aspect", action="store_true")
    ap.add_argument("--half", choices=["all", "calib", "measure"], default="all",
                    help="score one half only; the shipped head's neutral bands were calibrated on 'calib'")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    rows = [r for r in read_gold(args.reviews) if args.half in ("all", dev_half(r["text"]))]
    reviews = [Review(id=str(r.get("id", i)), product_id=str(r.get("product_id", "")), text=r["text"],
                      rating=r.get("rating"), lang=r.get("lang")) for i, r in enumerate(rows)]
    started = time.perf_counter()
    analyses = ReviewAnalyzer(method=args.method).analyze(reviews)
    result = score(rows, analyses)
    result["seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for key, value in result.items():
        if key.startswith("sentiment_"):
            print(f"{key:<14} n={value['n']:<5} accuracy {value['accuracy']:.3f}  macro-F1 {value['macro_f1']:.3f}")
    a = result["aspects"]
    print(f"aspects        precision {a['precision']:.3f}  recall {a['recall']:.3f}  F1 {a['f1']:.3f}  "
          f"polarity accuracy {a['polarity_accuracy']} (on {a['matched']} found aspects)")
    if args.per_aspect:
        for name, c in result["per_aspect"].items():
            print(f"  {name:<20} tp {c['tp']:<4} fp {c['fp']:<4} fn {c['fn']}")
    print(f"({len(rows)} reviews in {result['seconds']} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
