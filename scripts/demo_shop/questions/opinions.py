"""Questions about what reviewers say (review): gold answers count the gold aspect labels."""
from __future__ import annotations

from ..common import vocab
from ..profiles import SHOP_WIDE

QUESTIONS = vocab("questions")
ASPECT_LABEL = QUESTIONS["aspect_label"]  # aspect -> its name in a question, per category where it differs
ASPECT_ZH = QUESTIONS["aspect_zh"]


def aspect_label(aspect, cat):
    lab = ASPECT_LABEL.get(aspect, aspect)
    return lab.get(cat, aspect) if isinstance(lab, dict) else lab


def add_reviews(qb) -> None:
    """16 questions (14 en, 2 zh): sizing and battery facts reviews repeat, then strong verdicts."""
    def share(pid, aspect):
        s = qb.stats.get((pid, aspect), {"positive": 0, "negative": 0, "neutral": 0})
        return s, sum(s.values())

    def summary(it, aspect, s, n):
        lab = aspect_label(aspect, it.cat)
        if s["positive"] >= s["negative"]:
            tone = f"Mostly positive: {s['positive']} of {n} reviews that mention the {lab} praise it"
        else:
            tone = f"Mostly negative: {s['negative']} of {n} reviews that mention the {lab} complain about it"
        return tone

    fit_items = [it for it in qb.items if it.facts.get("fit") in ("small", "large") and share(it.id, "fit")[1] >= 4
                 and it.id not in qb.used]
    for it in qb.rng.sample(fit_items, min(4, len(fit_items))):
        qb.used.add(it.id)
        s, n = share(it.id, "fit")
        word = "small" if it.facts["fit"] == "small" else "large"
        amount = "half a size" if it.cat == "running shoes" else "about a size"
        qb.q("en", "review", f"Does the {it.title} run true to size?", [it.id],
             [f"Reviewers consistently say it runs {amount} {word}; size {'up' if word == 'small' else 'down'}."], [word])
    batt_items = [it for it in qb.items if "H" in it.facts and share(it.id, "battery")[1] >= 4 and it.id not in qb.used]
    for it in qb.rng.sample(batt_items, min(4, len(batt_items))):
        qb.used.add(it.id)
        s, n = share(it.id, "battery")
        h = it.facts["H"]
        ans = (f"Reviewers are happy with the battery: about {h} hours per charge." if it.facts["batt"] == "hi" else
               f"Mostly negative: reviewers report about {h} hours per charge, well below the advertised "
               f"{it.attrs['battery_hours']}.")
        qb.q("en", "review", f"What do people say about the battery of the {it.title}?", [it.id], [ans], [str(h)])
    strong = []
    for it in qb.items:
        if it.id in qb.used:
            continue
        for aspect in it.weights:
            s, n = share(it.id, aspect)
            if aspect not in SHOP_WIDE and aspect != "battery" and n >= 6 and max(s["positive"], s["negative"]) / n >= 0.75:
                strong.append((it, aspect, s, n))
    qb.rng.shuffle(strong)
    picked = []
    for it, aspect, s, n in strong:
        if it.id not in qb.used and len(picked) < 8:
            qb.used.add(it.id)
            picked.append((it, aspect, s, n))
    for i, (it, aspect, s, n) in enumerate(picked):
        if i < 6:
            qb.q("en", "review", f"What do reviewers say about the {aspect_label(aspect, it.cat)} of the {it.title}?",
                 [it.id], [summary(it, aspect, s, n) + "."], [])
        else:
            pos = s["positive"] >= s["negative"]
            qb.q("zh", "review", f"大家对{it.title}的{ASPECT_ZH.get(aspect, aspect)}评价怎么样？", [it.id],
                 [f"评价{'大多是正面的' if pos else '大多是负面的'}：提到{ASPECT_ZH.get(aspect, aspect)}的{n}条评论中有"
                  f"{s['positive'] if pos else s['negative']}条{'好评' if pos else '差评'}。"], [])
