"""What every stage shares: the run's fixed sizes and dates, the vocabulary files, small text
helpers and the Item a product is generated as."""
from __future__ import annotations

import datetime as dt
import json
import random
from functools import lru_cache
from pathlib import Path

SEED = 20251031
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "chatbot" / "data" / "demo"
DATA = Path(__file__).resolve().parent / "data"

REVIEW_START = dt.date(2025, 1, 1)
ACTIVITY_START = dt.date(2025, 6, 1)
END = dt.date(2026, 10, 31)
CHURN_CUTOFF = END - dt.timedelta(days=60)  # churners' last activity is before this day
N_USERS = 120
N_CHURNERS = 30
N_REVIEWS = 1900
ZH_REVIEW_SHARE = 0.23


@lru_cache(maxsize=None)
def vocab(name: str) -> dict:
    """data/NAME.json: read once; callers must not change what it returns."""
    with (DATA / f"{name}.json").open(encoding="utf-8") as fh:
        return json.load(fh)


CATALOG = vocab("catalog")
CATEGORIES: list[str] = CATALOG["categories"]
COLOR_ZH: dict[str, str] = CATALOG["color_zh"]
PHONES: list[str] = CATALOG["phones"]


def money(x: float) -> str:
    return f"${x:.2f}"


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def price_in(rng: random.Random, lo: int, hi: int) -> float:
    return round(rng.randint(lo, hi) + rng.choice((99, 99, 99, 95, 49)) / 100, 2)


def en_list(items) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def zh_colors(colors) -> str:
    return "、".join(COLOR_ZH[c] for c in colors)


def clamp(x: float, lo: float = 0.05, hi: float = 0.95) -> float:
    return max(lo, min(hi, x))


def noun(en: str, zh: str, plural: bool) -> dict:
    """The words a review template agrees with its product: {it} {is} {s}..."""
    return {
        "n": en, "nz": zh, "it": "they" if plural else "it", "is": "are" if plural else "is",
        "was": "were" if plural else "was", "has": "have" if plural else "has",
        "them": "them" if plural else "it", "s": "" if plural else "s",
    }


def pick_features(rng: random.Random, feats: list[str]) -> list[str]:
    """3-5 features, keeping their order."""
    k = min(len(feats), rng.randint(3, 5))
    keep = sorted(rng.sample(range(len(feats)), k))
    return [feats[i] for i in keep]


def weighted_sample(rng, weights: dict, k: int) -> list:
    """k distinct keys, each drawn in proportion to its weight among those left."""
    keys = list(weights)
    w = [weights[x] for x in keys]
    out = []
    for _ in range(min(k, len(keys))):
        pick = rng.choices(range(len(keys)), weights=w)[0]
        out.append(keys[pick])
        w[pick] = 0
    return out


class Item:
    """One product plus its hidden generation state (quality profile, facts, popularity)."""

    def __init__(self, cat, sub, brand, title, price, in_stock, attrs, desc, feats, nouns):
        self.cat, self.sub, self.brand, self.title = cat, sub, brand, title
        self.price, self.in_stock, self.attrs = price, in_stock, attrs
        self.desc, self.feats, self.nouns = desc, feats, nouns
        self.id = ""
        self.q: dict[str, float] = {}        # aspect -> probability a mention is positive
        self.weights: dict[str, float] = {}  # aspect -> how often reviews mention it
        self.facts: dict = {}
        self.pop = 1.0
        self.band = 1

    def record(self) -> dict:
        return {
            "id": self.id, "title": self.title, "brand": self.brand, "category": self.cat,
            "price": self.price, "currency": "USD", "in_stock": self.in_stock,
            "description": " ".join(self.desc), "features": self.feats, "attributes": self.attrs,
        }


class Titles:
    """Model names, never the same word twice for one brand."""

    def __init__(self):
        self.used: set[str] = set()

    def model(self, rng, words, brand, numbered=True) -> str:
        while True:
            word = rng.choice(words)
            name = f"{word} {rng.randint(1, 9)}" if numbered else word
            if f"{brand}|{word}" not in self.used:
                self.used.add(f"{brand}|{word}")
                return name
