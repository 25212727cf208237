"""Parse a shopping request ("a waterproof running shoe under $120 in wide") into constraints
checked against the catalog's own vocabulary: its categories and attribute values."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from chatbot.answer import lexicon
from chatbot.text import phrase_stems, plural_stem
from chatbot.types import Product

# "at least 40 liters" is a capacity and "less than 12 players" a count, not a price: a number
# followed by a unit or a counted noun is no price bound.
_NOT_UNIT = (r"(?!\s*(?:l\b|liters?|litres?|hours?|hrs?|h\b|mah|g\b|grams?|kg|w\b|watts?|mm|cm|m\b|inch(?:es)?|gb|tb|%|"
             r"players?|people|persons?|pieces?|pcs\b|kids?|children|years?|yrs?|months?|weeks?|days?|"
             r"minutes?|mins?\b|lbs?\b|pounds?|oz\b|ounces?|feet|foot|ft\b|\"))")  # not "in": "under $120 in wide"
_PRICE_MAX = re.compile(r"(?:under|below|less than|cheaper than|up to|max(?:imum)?|no more than|within|<=?)\s*(?:\$|usd\s?)?\s*(\d+(?:\.\d+)?)\b" + _NOT_UNIT, re.I)
_PRICE_MIN = re.compile(r"(?:over|above|more than|at least|from|>=?)\s*(?:\$|usd\s?)?\s*(\d+(?:\.\d+)?)\b" + _NOT_UNIT, re.I)
_BETWEEN = re.compile(r"between\s*\$?\s*(\d+(?:\.\d+)?)\s*(?:and|-|to)\s*\$?\s*(\d+(?:\.\d+)?)", re.I)
_ZH_MAX = re.compile(r"(\d+(?:\.\d+)?)\s*(?:美元|元|块|刀)?\s*(?:以下|以内|之内)|(?:低于|不超过|少于)\s*(\d+(?:\.\d+)?)")
@dataclass
class Constraints:
    category: str | None = None
    price_min: float | None = None
    price_max: float | None = None
    in_stock: bool | None = None
    attributes: dict[str, object] = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = {"category": self.category, "price_min": self.price_min, "price_max": self.price_max,
             "in_stock": self.in_stock, "attributes": dict(self.attributes)}
        return {k: v for k, v in d.items() if v not in (None, {}, "")}

    def is_empty(self) -> bool:
        return not self.to_dict()

    def merged(self, newer: "Constraints") -> "Constraints":
        """A follow-up ("and in blue?") adds to or overrides the earlier request."""
        return Constraints(
            category=newer.category or self.category,
            price_min=newer.price_min if newer.price_min is not None else self.price_min,
            price_max=newer.price_max if newer.price_max is not None else self.price_max,
            in_stock=newer.in_stock if newer.in_stock is not None else self.in_stock,
            attributes={**self.attributes, **newer.attributes},
        )

    def describe(self) -> str:
        parts = []
        for key, value in self.attributes.items():
            name = key.replace("_", " ")
            if value is True:
                parts.append(name)
            elif value is False:
                parts.append(f"not {name}")
            else:
                parts.append(f"{name} {value}")
        if self.category:
            parts.append(self.category)
        if self.price_min is not None:
            parts.append(f"from ${self.price_min:g}")
        if self.price_max is not None:
            parts.append(f"up to ${self.price_max:g}")
        if self.in_stock:
            parts.append("in stock")
        return ", ".join(parts) or "your request"


def _norm(text: str) -> str:
    text = text.lower()
    for word, catalog_word in lexicon.mapping("translations").items():  # the catalog is in English
        if word in text:
            text += " " + catalog_word
    return text.replace("-", " ")


def _has_phrase(stems: tuple[str, ...], phrase: str) -> bool:
    """Whether the stemmed words `stems` hold `phrase` as consecutive words."""
    target = phrase_stems(phrase)
    if not target:
        return False
    n = len(target)
    return any(stems[i : i + n] == target for i in range(len(stems) - n + 1))


def is_recommendation_request(text: str) -> bool:
    return lexicon.search("recommend_request", text)


def parse(text: str, products: list[Product]) -> Constraints:
    """Constraints that the text states, in the catalog's vocabulary."""
    norm = _norm(text)
    tokens = tuple(plural_stem(w) for w in re.findall(r"[a-z0-9]+", norm))  # stemmed once for every phrase below
    c = Constraints()
    # category: the longest catalog category (or its last word, "shoes") that the text names
    categories = sorted({p.category for p in products if p.category}, key=len, reverse=True)
    for cat in categories:
        if _has_phrase(tokens, cat) or any(_has_phrase(tokens, part) for part in re.split(r"\s*&\s*|\s+and\s+", cat) if len(part) > 3):
            c.category = cat
            break
    if c.category is None:  # "shoe" -> "running shoes", "jacket" -> "outdoor jackets"
        for cat in categories:
            last = cat.split()[-1]
            if len(last) > 3 and _has_phrase(tokens, last):
                c.category = cat
                break
    if m := _BETWEEN.search(norm):
        c.price_min, c.price_max = float(m.group(1)), float(m.group(2))
    else:
        if m := _PRICE_MAX.search(norm):
            c.price_max = float(m.group(1))
        elif m := _ZH_MAX.search(text):
            c.price_max = float(m.group(1) or m.group(2))
        if m := _PRICE_MIN.search(norm):
            c.price_min = float(m.group(1))
    if lexicon.search("in_stock_request", text):
        c.in_stock = True
    # attributes: boolean ones by name ("waterproof"), text/list values by value ("wide", "blue")
    scope = [p for p in products if c.category is None or p.category == c.category]
    for p in scope:
        for key, value in p.attributes.items():
            if key in c.attributes:
                continue
            name = key.replace("_", " ")
            if isinstance(value, bool):
                negated = re.search(rf"\b(not|non|no)\s+{re.escape(name)}", norm)
                if negated:
                    c.attributes[key] = False
                elif _has_phrase(tokens, name):
                    c.attributes[key] = True
            elif isinstance(value, str) and len(value) > 2 and not value.replace(".", "").isdigit():
                if _has_phrase(tokens, value) and not (c.category and _has_phrase(phrase_stems(c.category), value)):
                    c.attributes[key] = value
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, str) and len(item) > 2 and not item.replace(".", "").isdigit() and _has_phrase(tokens, item):
                        c.attributes[key] = item
                        break
    return c


CONSTRAINT_KEYS = ("category", "brand", "price_min", "price_max", "in_stock", "attributes")


def _loose(value: Any) -> str:
    """Compare attribute values loosely: case, spacing and 10 vs "10.0" do not matter."""
    if isinstance(value, bool):
        return str(value).lower()
    try:
        return f"{float(value):g}"
    except (TypeError, ValueError):
        return str(value).strip().lower()


def _matches(actual: Any, wanted: Any) -> bool:
    have = {_loose(v) for v in (actual if isinstance(actual, list) else [actual]) if v is not None}
    return any(_loose(w) in have for w in (wanted if isinstance(wanted, list) else [wanted]))


def satisfies(product: Product, constraints: Constraints | Mapping[str, Any] | None) -> bool:
    """True when the product meets every constraint. Unknown keys are an error, not ignored,
    so a constraint can never be silently dropped. The one check of a product against a request:
    the chat's recommendations, `ShopAssistant.recommend` and `shopbot recommend` all use it."""
    if isinstance(constraints, Constraints):
        constraints = constraints.to_dict()
    c = {k: v for k, v in (constraints or {}).items() if v is not None}
    unknown = set(c) - set(CONSTRAINT_KEYS)
    if unknown:
        raise ValueError(f"unknown constraint {sorted(unknown)}; use {', '.join(CONSTRAINT_KEYS)}")
    if "category" in c and not _matches(product.category, c["category"]):
        return False
    if "brand" in c and not _matches(product.brand, c["brand"]):
        return False
    if ("price_min" in c or "price_max" in c) and product.price is None:
        return False
    if "price_min" in c and product.price < float(c["price_min"]):
        return False
    if "price_max" in c and product.price > float(c["price_max"]):
        return False
    if "in_stock" in c and product.in_stock is not bool(c["in_stock"]):
        return False
    attrs = product.attributes or {}
    return all(key in attrs and _matches(attrs[key], want) for key, want in (c.get("attributes") or {}).items())
