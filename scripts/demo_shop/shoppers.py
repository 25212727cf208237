"""Shoppers and what they do: personas with a favourite category and a price band, simulated
views, clicks, carts, purchases, ratings and feedback, churners who stop early, and each
shopper's held-out next purchase."""
from __future__ import annotations

import datetime as dt

from .common import ACTIVITY_START, CATEGORIES, CHURN_CUTOFF, END, N_CHURNERS, N_USERS, Item, weighted_sample

# persona, favourite category, second categories (one is drawn per shopper)
PERSONAS = [
    ("runner", "running shoes", ["outdoor jackets", "headphones"]),
    ("audiophile", "headphones", ["phone accessories", "smart home"]),
    ("coffee-lover", "coffee & tea", ["kitchen appliances"]),
    ("commuter", "backpacks", ["phone accessories", "headphones"]),
    ("home-cook", "kitchen appliances", ["coffee & tea", "smart home"]),
    ("gadget-fan", "phone accessories", ["headphones", "smart home"]),
    ("hiker", "outdoor jackets", ["backpacks", "running shoes"]),
    ("smart-homer", "smart home", ["phone accessories", "kitchen appliances"]),
]
BANDS = ["budget", "mid", "premium"]


def build_users(rng):
    personas = [p for p in PERSONAS for _ in range(N_USERS // len(PERSONAS))]
    rng.shuffle(personas)
    churned = set(rng.sample(range(N_USERS), N_CHURNERS))
    users = []
    for i, (name, cat, seconds) in enumerate(personas):
        band = rng.randrange(3)
        users.append({"user_id": f"U{i + 1:03d}", "churned": i in churned, "segment": f"{name}-{BANDS[band]}",
                      "cat": cat, "second": rng.choice(seconds), "band": band})
    return users


def item_weight(u, it):
    dist = abs(it.band - u["band"])
    return (5.0, 1.5, 0.4)[dist] * it.pop ** 0.5


def simulate(rng, items, users):
    by_cat = {c: [it for it in items if it.cat == c] for c in CATEGORIES}
    events = []  # (ts, seq, user, product, action, value)
    seq = 0
    touched = {}

    def add(ts, u, it, action, value=None):
        nonlocal seq
        seq += 1
        events.append((ts, seq, u["user_id"], it.id, action, value))
        touched.setdefault(u["user_id"], set()).add(it.id)

    for u in users:
        start = ACTIVITY_START + dt.timedelta(days=rng.randint(0, 110))
        if u["churned"]:
            lo, hi = dt.date(2025, 10, 1), CHURN_CUTOFF - dt.timedelta(days=12)
            last = lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))
            last = max(last, start + dt.timedelta(days=45))
        else:
            last = END
        span = (last - start).days
        n_sess = max(4, round(span / rng.uniform(22, 42)))
        days = sorted(start + dt.timedelta(days=rng.randint(0, span)) for _ in range(n_sess - 1))
        days.append(last if u["churned"] else END - dt.timedelta(days=rng.randint(0, 20)))
        days.sort()
        bought: list[Item] = []
        for day in days:
            t = dt.datetime.combine(day, dt.time(7)) + dt.timedelta(seconds=rng.randint(0, 15 * 3600))
            if u["cat"] == "coffee & tea" and bought and rng.random() < 0.3:
                coffee = [b for b in bought if b.cat == "coffee & tea" and b.in_stock]
                if coffee:  # consumable: reorder
                    it = rng.choice(coffee)
                    add(t, u, it, "view")
                    t += dt.timedelta(seconds=rng.randint(20, 90))
                    add(t, u, it, "add_to_cart")
                    t += dt.timedelta(seconds=rng.randint(30, 200))
                    add(t, u, it, "purchase")
                    continue
            r = rng.random()
            cat = u["cat"] if r < 0.7 else (u["second"] if r < 0.88 else rng.choice(CATEGORIES))
            pool = by_cat[cat]
            viewed = weighted_sample(rng, {it: item_weight(u, it) for it in pool}, rng.randint(2, 6))
            for it in viewed:
                add(t, u, it, "view")
                t += dt.timedelta(seconds=rng.randint(15, 240))
                fit = abs(it.band - u["band"]) == 0
                if rng.random() < (0.5 if fit else 0.3):
                    add(t, u, it, "click")
                    t += dt.timedelta(seconds=rng.randint(20, 300))
                    if it.in_stock and rng.random() < (0.42 if fit else 0.2):
                        add(t, u, it, "add_to_cart")
                        t += dt.timedelta(seconds=rng.randint(30, 400))
                        if rng.random() < 0.6:
                            add(t, u, it, "purchase")
                            bought.append(it)
                            t += dt.timedelta(seconds=rng.randint(10, 60))
                            later = t + dt.timedelta(days=rng.randint(3, 20))
                            if rng.random() < 0.3 and later.date() <= last:
                                base = it.facts["base"]
                                value = max(1, min(5, round(1 + 4 * base + rng.gauss(0, 0.7))))
                                add(later, u, it, "review", value)
            if rng.random() < 0.06:
                add(t + dt.timedelta(seconds=rng.randint(5, 60)), u, rng.choice(viewed), "feedback",
                    1 if rng.random() < 0.7 else -1)
    events.sort(key=lambda e: (e[0], e[1]))
    rows = []
    for ts, _, uid, pid, action, value in events:
        row = {"user_id": uid, "product_id": pid, "action": action, "ts": ts.isoformat(timespec="seconds")}
        if value is not None:
            row["value"] = value
        rows.append(row)
    heldout = []
    for u in users:
        seen = touched.get(u["user_id"], set())
        cat = u["cat"] if rng.random() < 0.85 else u["second"]
        pool = {it: item_weight(u, it) for it in by_cat[cat] if it.in_stock and it.id not in seen}
        if not pool:
            pool = {it: item_weight(u, it) for it in items if it.in_stock and it.id not in seen}
        close = {it: w for it, w in pool.items() if abs(it.band - u["band"]) <= 1}
        pick = weighted_sample(rng, close or pool, 1)[0]
        heldout.append({"user_id": u["user_id"], "product_id": pick.id})
    return rows, heldout
