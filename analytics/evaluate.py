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


def held_out_seed(rows: list[dict], categories: dict[str, str], held_out: str) -> dict:
    """The seed lexicon without the held-out category's own aspects: each seed aspect whose gold
    mentions are most frequent in that category (coffee & tea loses `taste`)."""
    from .aspects import SEED

    counts: dict[str, Counter] = {}
    for row in rows:
        for a in row.get("aspects") or []:
            counts.setdefault(a["aspect"], Counter())[categories.get(row.get("product_id"), "")] += 1
    dropped = {name for name, c in counts.items() if c and c.most_common(1)[0][0] == held_out}
    return {name: terms for name, terms in SEED.items() if name not in dropped}


def hold_out(path: Path, held_out: str, products_path: Path | None = None, method: str = "auto",
             threshold: float | None = None, analyzer=None) -> dict:
    """Aspect scores on one category whose own aspects were removed from the seed lexicon: its
    aspects must be discovered from the shop's reviews and product attributes. Scored on that
    category's reviews, aspect names as they are (a discovered aspect counts when its name is the
    gold one)."""
    from chatbot.types import Product, Review

    from . import discovery
    from .analyzer import ReviewAnalyzer
    from .aspects import SEED, AspectMatcher

    rows = read_gold(path)
    products_path = products_path or path.with_name("products.jsonl")
    products = [Product(id=p["id"], title=p.get("title", ""), category=p.get("category", ""),
                        attributes=p.get("attributes") or {}, features=p.get("features") or [])
                for p in read_gold(products_path)]
    categories = {p.id: p.category for p in products}
    seed = held_out_seed(rows, categories, held_out)
    if threshold is not None:
        discovery.THRESHOLD = threshold
    if analyzer is None:
        analyzer = ReviewAnalyzer(method=method, matcher=AspectMatcher(seed=seed))
    else:
        analyzer.matcher = AspectMatcher(seed=seed)
    reviews = [Review(id=str(r.get("id", i)), product_id=str(r.get("product_id", "")), text=r["text"],
                      rating=r.get("rating"), lang=r.get("lang")) for i, r in enumerate(rows)]
    analyzer.discover_aspects(reviews, products)
    idx = [i for i, r in enumerate(rows) if categories.get(r.get("product_id")) == held_out]
    analyses = analyzer.analyze([reviews[i] for i in idx], categories)
    out = score([rows[i] for i in idx], analyses)
    # Discovered names are the reviews' own words ("flavor"), not the gold label set's ("taste"):
    # map each to the gold aspect it most often stands for in the calibration half of the
    # category's reviews, then score the other half.
    halves = [dev_half(rows[i]["text"]) for i in idx]
    discovered = {name for name, _ in analyzer.discovered.get(held_out, [])}
    votes: dict[str, Counter] = {}
    for h, i, a in zip(halves, idx, analyses):
        gold = {g["aspect"] for g in rows[i]["aspects"]}
        for name in a.aspect_names:
            if h == "calib" and name in discovered:
                votes.setdefault(name, Counter()).update(gold or {""})
    mapping = {name: c.most_common(1)[0][0] for name, c in votes.items()}
    mapped = []
    for a in analyses:
        rows_ = {}
        for row in a.aspects:
            name = mapping.get(row["aspect"], row["aspect"]) if row["aspect"] in discovered else row["aspect"]
            if name and name not in rows_:
                rows_[name] = {**row, "aspect": name}
        mapped.append(type(a)(**{**a.to_dict(), "aspects": list(rows_.values())}))
    measure = [k for k, h in enumerate(halves) if h == "measure"]
    out["mapped_measure_half"] = score([rows[idx[k]] for k in measure], [mapped[k] for k in measure])["aspects"]
    out["mapping"] = mapping
    out["dropped"] = sorted(set(SEED) - set(seed))
    out["discovered"] = analyzer.discovered_groups.get(held_out, [])
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
    ap.add_argument("--hold-out", metavar="CATEGORY",
                    help="aspects only: drop this category's own aspects from the seed lexicon, discover, score it")
    args = ap.parse_args(argv)
    if args.hold_out:
        result = hold_out(args.reviews, args.hold_out, method=args.method)
        a = result["aspects"]
        print(f"{args.hold_out}: seed without {result['dropped']}; discovered {result['discovered']}")
        print(f"aspects, names as found   precision {a['precision']:.3f}  recall {a['recall']:.3f}  F1 {a['f1']:.3f}  "
              f"polarity accuracy {a['polarity_accuracy']} (n={result['n']})")
        m = result["mapped_measure_half"]
        print(f"mapping (from the calibration half) {result['mapping']}")
        print(f"aspects, discovered names mapped, measured half   precision {m['precision']:.3f}  recall "
              f"{m['recall']:.3f}  F1 {m['f1']:.3f}  polarity accuracy {m['polarity_accuracy']}")
        if args.per_aspect:
            for name, c in result["per_aspect"].items():
                print(f"  {name:<20} tp {c['tp']:<4} fp {c['fp']:<4} fn {c['fn']}")
        return 0

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
