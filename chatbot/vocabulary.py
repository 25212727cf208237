"""What a catalog's own words say about its products: the terms each product's record holds, the
terms it says it is free of, its numeric attributes and their units, its age ranges and graded
codes (IP67). Shopping requests are matched against these, so a shop's vocabulary comes from its
catalog, not from word lists in code; only the language's function words (units, "at least",
"without") come from the lexicon files."""
from __future__ import annotations

import re
from functools import lru_cache

from chatbot.answer import lexicon
from chatbot.text import terms
from chatbot.types import Product

_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:-|–|to|至|~)\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*\+|(\d+(?:\.\d+)?)\s*(?:and up|or older|以上)")
CODE = re.compile(r"^([a-z]{1,4}?)([0-9x]{1,3})$", re.I)  # a graded code: IP67, IPX4, N95, UV400


def record_text(p: Product) -> str:
    """A product's record as one text: title, brand, description, features, attribute names and text values."""
    parts = [p.title, p.brand, p.description, *p.features]
    for key, value in p.attributes.items():
        if value is not False:  # "timer: false" says the product has none
            parts.append(key.replace("_", " "))
        values = value if isinstance(value, list) else [value]
        parts.extend(str(v) for v in values if isinstance(v, str))
    return " . ".join(x for x in parts if x)


def product_terms(p: Product) -> set[str]:
    """Stemmed words of the product's title, brand, description, features and attribute names
    and text values."""
    return set(terms(record_text(p)))


def free_of(p: Product) -> set[str]:
    """Terms the record says the product is without ("plastic-free", "no BPA", "without cord")."""
    text = record_text(p).lower()
    # a yes/no attribute that is false ("hub_required: false") says the product is without it
    out = set(terms(" ".join(k.replace("_", " ") for k, v in p.attributes.items() if v is False)))
    for after in lexicon.lists("exclusion").get("after", []):
        word = after.lstrip("-")
        out.update(terms(" ".join(re.findall(rf"([\w]+)\s*-?\s*{re.escape(word)}\b", text))))
    for before in lexicon.lists("exclusion").get("before", []):
        out.update(terms(" ".join(re.findall(rf"\b{re.escape(before)}\s+([\w]+)", text))))
    return out


def unit_words() -> dict[str, str]:
    """Every unit word of every language -> its canonical unit ("litres" -> "l", "升" -> "l")."""
    return _unit_words(lexicon.generation())


@lru_cache(maxsize=2)
def _unit_words(generation: int) -> dict[str, str]:
    return {word.lower(): unit for unit, words in lexicon.lists("units").items() for word in [unit, *words]}


def unit_of_key(key: str) -> str | None:
    """The unit an attribute key names in one of its parts: capacity_l -> l, runtime_hours -> h."""
    words = unit_words()
    for part in reversed(key.lower().split("_")):
        if part in words:
            return words[part]
    return None


def numeric_keys(products: list[Product]) -> dict[str, str]:
    """Numeric attribute keys of these products with the unit each names."""
    out = {}
    for p in products:
        for key, value in p.attributes.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool) and (unit := unit_of_key(key)):
                out[key] = unit
    return out


def age_keys(products: list[Product]) -> list[str]:
    """Attribute keys that hold ages (an age word in the key): age_range, min_age, recommended_age."""
    ages = {w.lower() for w in lexicon.words("age_words")}
    return sorted({k for p in products for k in p.attributes if set(k.lower().split("_")) & ages})


def age_span(value) -> tuple[float, float] | None:
    """An age attribute's value as (youngest, oldest): "6-10" -> (6, 10), "8+" -> (8, inf), 3 -> (3, inf)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value), float("inf")
    if not isinstance(value, str) or not (m := _RANGE.search(value)):
        return None
    if m.group(1):
        return float(m.group(1)), float(m.group(2))
    return float(m.group(3) or m.group(4)), float("inf")


def code_parts(value) -> tuple[str, tuple[int, ...]] | None:
    """A graded code as (letters, grades): "IP67" -> ("ip", (6, 7)), "IPX4" -> ("ip", (0, 4))."""
    if not isinstance(value, str) or not (m := CODE.match(value.strip())):
        return None
    return m.group(1).lower(), tuple(0 if ch in "xX" else int(ch) for ch in m.group(2))


def at_least_as_good(have, want: str) -> bool:
    """Whether code `have` meets `want` in every grade (IP67 meets IPX7; IP54 does not)."""
    a, b = code_parts(have), code_parts(want)
    return bool(a and b and a[0] == b[0] and len(a[1]) == len(b[1]) and all(x >= y for x, y in zip(a[1], b[1])))
