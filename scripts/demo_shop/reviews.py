"""Reviews: each product's reviews are drawn from its hidden profile (profiles.py) and written
from the templates in data/reviews.json, with gold sentiment, aspects and injection labels."""
from __future__ import annotations

import datetime as dt

from .common import CATEGORIES, END, N_REVIEWS, REVIEW_START, ZH_REVIEW_SHARE, Item, cap, vocab, weighted_sample
from .profiles import SHOP_WIDE

REVIEWS = vocab("reviews")
TEXT = REVIEWS["text"]
FIT_FACTS = REVIEWS["fit_facts"]
SARCASM = REVIEWS["sarcasm"]
OPENERS, CLOSERS, VERDICTS = REVIEWS["openers"], REVIEWS["closers"], REVIEWS["verdicts"]
NOTES_ZH = vocab("catalog")["notes_zh"]
POL = {"pos": "positive", "neg": "negative", "neu": "neutral"}


def phrases(it: Item, aspect: str, lang: str, pol: str) -> list[str]:
    fit_fact = it.facts.get("fit")
    if aspect == "fit" and fit_fact in ("small", "large"):
        table = FIT_FACTS[it.cat][fit_fact]
    else:
        entry = TEXT[aspect]
        table = entry.get(f"{it.cat}/{it.sub}") or entry.get(it.cat) or entry["*"]
    out = list(table[lang][pol])
    # keep the repeated numbers consistent with the hidden profile
    level = it.facts.get("batt") if aspect == "battery" else (it.facts.get("setup") if aspect == "setup" else None)
    if level == "lo" and pol == "pos" or level == "hi" and pol == "neg":
        out = [p for p in out if not any(k in p for k in ("{H}", "{K}", "{m}"))]
    return out


def draw_polarity(rng, it: Item, aspect: str) -> str:
    if aspect == "fit" and it.facts.get("fit") in ("small", "large"):
        return "neg" if rng.random() < 0.55 else "neu"
    p_neu = 0.2 if aspect in SHOP_WIDE else 0.1
    r = rng.random()
    if r < p_neu:
        return "neu"
    return "pos" if rng.random() < it.q[aspect] else "neg"


def _context(rng, it: Item) -> dict:
    """The values review templates fill in: the product's nouns and its repeated facts."""
    ctx = dict(it.nouns)
    ctx.update({"H": it.facts.get("H", ""), "C": it.attrs.get("battery_hours", ""), "K": it.facts.get("K", ""),
                "m": it.facts.get("m", ""), "cap": f"{it.attrs.get('capacity_l', 0):g}", "w": it.attrs.get("weight_g", ""),
                "km": rng.choice([80, 120, 200, 300, 450]), "k": rng.randint(2, 12)})
    notes = it.facts.get("notes", ["", ""])
    ctx.update({"note1": notes[0], "note2": notes[1], "note1z": NOTES_ZH.get(notes[0], ""),
                "note2z": NOTES_ZH.get(notes[1], "")})
    return ctx


def make_review(rng, it: Item, lang: str) -> dict:
    """Returns text sentences, gold aspects, sentiment and rating."""
    ctx = _context(rng, it)
    n = rng.choices([1, 2, 3], weights=[35, 45, 20])[0]
    aspects = weighted_sample(rng, it.weights, n)
    pols = [draw_polarity(rng, it, a) for a in aspects]
    has_pos, has_neg = "pos" in pols, "neg" in pols
    if has_pos and has_neg:
        kind = "mixed"
        npos, nneg = pols.count("pos"), pols.count("neg")
        if npos != nneg:
            lead = "positive" if npos > nneg else "negative"
            verdict = lead if rng.random() < 0.8 else "neutral"
        else:
            verdict = rng.choices(["positive", "negative", "neutral"],
                                  weights=[it.facts["base"], 1 - it.facts["base"], 0.4])[0]
        sentiment = verdict
    elif has_pos:
        kind = sentiment = "positive"
    elif has_neg:
        kind = sentiment = "negative"
    else:
        kind = sentiment = "neutral"

    def clause(a, p):
        return rng.choice(phrases(it, a, lang, p)).format_map(ctx)

    en = lang == "en"
    end = "." if en else "。"
    sents: list[str] = []
    order: list[tuple[str, str]] = []
    if rng.random() < (0.45 if en else 0.35):
        sents.append(rng.choice(OPENERS[lang][it.cat]).format_map(ctx))
    pairs = list(zip(aspects, pols))
    if kind == "mixed":
        i_pos = next(i for i, (_, p) in enumerate(pairs) if p == "pos")
        i_neg = next(i for i, (_, p) in enumerate(pairs) if p == "neg")
        first, second = sorted([i_pos, i_neg])
        a1, p1 = pairs[first]
        a2, p2 = pairs[second]
        but = ", but " if en else rng.choice(["，但是", "，不过"])
        sents.append(cap(clause(a1, p1)) + but + clause(a2, p2) + end)
        order += [pairs[first], pairs[second]]
        for j, (a, p) in enumerate(pairs):
            if j not in (first, second):
                sents.append(cap(clause(a, p)) + end)
                order.append((a, p))
        sents.append(rng.choice(VERDICTS[lang][verdict]).format_map(ctx))
    else:
        sarcastic = False
        if kind == "negative" and rng.random() < (0.14 if en else 0.08):
            a0 = next(a for a, p in pairs if p == "neg")
            options = SARCASM[lang].get(f"{a0}|{it.cat}") or SARCASM[lang].get(a0)
            if options and not (a0 == "fit" and it.facts.get("fit") in ("small", "large")) \
                    and not (a0 == "noise" and f"{a0}|{it.cat}" not in SARCASM[lang]):
                sarcastic = True
                sents.append(rng.choice(options).format_map(ctx) + end)
                order.append((a0, "neg"))
                pairs = [(a, p) for a, p in pairs if a != a0]
        i = 0
        while i < len(pairs):
            a, p = pairs[i]
            if i + 1 < len(pairs) and pairs[i + 1][1] == p and p != "neu" and rng.random() < 0.4:
                a2, p2 = pairs[i + 1]
                joiner = ", and " if en else "，而且"
                sents.append(cap(clause(a, p)) + joiner + clause(a2, p2) + end)
                order += [(a, p), (a2, p2)]
                i += 2
                continue
            bang = "!" if en else "！"
            sents.append(cap(clause(a, p)) + (bang if p == "pos" and rng.random() < 0.15 else end))
            order.append((a, p))
            i += 1
        if rng.random() < (0.5 if kind != "neutral" else 0.7) and not sarcastic:
            sents.append(rng.choice(CLOSERS[lang][kind]).format_map(ctx))
    return {"sents": sents, "aspects": [{"aspect": a, "polarity": POL[p]} for a, p in order],
            "sentiment": sentiment, "rating": _rating(rng, sentiment, kind == "mixed"), "mixed": kind == "mixed"}


def _rating(rng, sentiment: str, mixed: bool) -> int:
    if sentiment == "positive":
        rating = 5 if rng.random() < 0.6 else 4
        if mixed:
            rating = 4 if rng.random() < 0.75 else 3
    elif sentiment == "negative":
        rating = 1 if rng.random() < 0.55 else 2
        if mixed:
            rating = 2 if rng.random() < 0.75 else 3
    else:
        rating = rng.choices([2, 3, 4], weights=[15, 70, 15])[0]
    return rating


def build_reviews(rng, items: list[Item], users: list[dict]) -> list[dict]:
    # review counts: 5 each, the rest by popularity (a few popular products get 20+)
    extra = N_REVIEWS - 5 * len(items)
    total_pop = sum(it.pop for it in items)
    counts = {it.id: 5 + int(extra * it.pop / total_pop) for it in items}
    left = N_REVIEWS - sum(counts.values())
    for it in sorted(items, key=lambda x: (-x.pop, x.id))[:left]:
        counts[it.id] += 1
    user_w = {}
    for c in CATEGORIES:
        user_w[c] = [5 if u["cat"] == c else (2 if u["second"] == c else 1) for u in users]
    span = (END - REVIEW_START).days
    raw = []
    for it in items:
        for _ in range(counts[it.id]):
            lang = "zh" if rng.random() < ZH_REVIEW_SHARE else "en"
            r = make_review(rng, it, lang)
            r.update({"product_id": it.id, "lang": lang,
                      "user_id": rng.choices(users, weights=user_w[it.cat])[0]["user_id"],
                      "date": (REVIEW_START + dt.timedelta(days=rng.randint(0, span))).isoformat()})
            raw.append(r)
    # ratings that contradict the text (a few percent), mostly 5 stars on a negative text
    for r in raw:
        if not r["mixed"] and r["sentiment"] in ("positive", "negative") and rng.random() < 0.045:
            r["rating"] = 5 if r["sentiment"] == "negative" else 1
    raw.sort(key=lambda r: (r["date"], r["product_id"], r["user_id"]))
    _inject(rng, raw)
    out = []
    for i, r in enumerate(raw, 1):
        sep = " " if r["lang"] == "en" else ""
        out.append({"id": f"R{i:05d}", "product_id": r["product_id"], "text": sep.join(r["sents"]),
                    "rating": r["rating"], "lang": r["lang"], "user_id": r["user_id"], "date": r["date"],
                    "sentiment": r["sentiment"], "aspects": r["aspects"], "injection": bool(r.get("injection"))})
    return out


def _inject(rng, raw: list[dict]) -> None:
    """Hide each prompt injection of data/reviews.json in one otherwise normal review (one a product)."""
    used_products = set()
    for inj in REVIEWS["injections"]:
        lang, text = inj["lang"], inj["text"]
        while True:
            r = raw[rng.randrange(len(raw))]
            if r["lang"] == lang and r["product_id"] not in used_products and len(r["sents"]) >= 2 \
                    and not r.get("injection"):
                break
        used_products.add(r["product_id"])
        r["sents"].insert(rng.randint(1, len(r["sents"])), text)
        r["injection"] = True
