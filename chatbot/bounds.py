"""Bounds a shopping request states on measures, ages and graded codes: "at least 5 L", "under
500 g", "for a 7-year-old", "IP67 or better", read through the units the catalog's attribute keys
name (`constraints.parse` puts them in its `bounds`)."""
from __future__ import annotations

import re
from functools import lru_cache

from chatbot import vocabulary
from chatbot.answer import lexicon
from chatbot.text import alternatives, lemma
from chatbot.types import Product


def _cues() -> tuple[str, str]:
    """The lexicon's words before and after a bound's number, as regex alternations."""
    b = lexicon.lists("bounds")
    return alternatives(b.get("min_before", []) + b.get("max_before", [])), alternatives(b.get("min_after", []) + b.get("max_after", []))


@lru_cache(maxsize=2)
def _bound_pattern(generation: int) -> re.Pattern:
    """Compiled once per lexicon (`generation` keys the cache), not on every request."""
    units = list(vocabulary.unit_words())
    before, after = _cues()
    return re.compile(rf"(?:({before})\s*)?(\d+(?:\.\d+)?)\s*-?\s*({alternatives(units)})(?![a-z])(?:\s*({after}))?"
                      rf"|(?:({before})\s*)?(?<![a-z0-9])([a-z]{{1,4}}[0-9x]{{1,3}})(?![a-z0-9])(?:\s*({after}))?", re.I)


def _op(before: str | None, after: str | None) -> str | None:
    b = {k: {w.lower() for w in v} for k, v in lexicon.lists("bounds").items()}
    if (before or "").lower() in b.get("min_before", set()) or (after or "").lower() in b.get("min_after", set()):
        return ">="
    if (before or "").lower() in b.get("max_before", set()) or (after or "").lower() in b.get("max_after", set()):
        return "<="
    return None


def read(text: str, scope: list[Product], attributes: dict) -> dict[str, list]:
    """"at least 5 L", "under 500 g", "for a 7-year-old", "IP67 or better": bounds on the numeric,
    age and graded-code attributes the catalog has, found through the unit the key names, as
    {key: [op, value]}. An exact value `attributes` holds for a code read as a bound goes
    ("IP67 or better" is no exact value)."""
    bounds: dict[str, list] = {}
    units = vocabulary.unit_words()
    numeric = vocabulary.numeric_keys(scope)
    ages = vocabulary.age_keys(scope)
    codes = vocabulary.code_keys(scope)  # letters of a graded code -> the keys holding such codes
    if ages and any(w.lower() in text for w in lexicon.words("birth_words")):
        _age(bounds, ages, 0.0)
    # the key words the request's measure adjectives stand for ("longer" -> length), in its order
    dims = [d for w in re.findall(r"[a-z]+", text) if (d := lexicon.mapping("dimension_keys").get(w))]
    measured = []  # where a number with its unit was read: "1,000 stitches per minute" counts no stitches
    for m in _bound_pattern(lexicon.generation()).finditer(text):
        if m.group(2):
            number, unit, op = float(m.group(2)), units.get(m.group(3).lower()), _op(m.group(1), m.group(4))
            if unit:
                measured.append(m.span(2))
            if unit in ("years", "months") and ages:
                _age(bounds, ages, number if unit == "years" else number / 12)
                continue
            keys = [k for k, u in numeric.items() if u == unit]
            if len(keys) > 1:  # "60 cm tall", "longer than 20 m": the key whose other words the request uses
                said = " ".join([text, *dims])
                keys = [k for k in keys if any(part in said for part in re.split(r"[_\s]+", k.lower())[:-1] if len(part) > 2)] or keys
            if op and not keys and unit:  # no attribute holds it: the records' own words will ("Hose 30 m")
                keys = [f"{dims[0] if dims else 'size'}_{unit}"]
            # Several keys left hold this unit under other names ("Noise level", "noise_db"): the
            # bound goes on one, and each product's check finds its own key for the unit (_meets)
            kw = vocabulary.key_words
            keys.sort(key=lambda k: vocabulary.unit_of_key(k) is None)  # a key naming its unit first
            if op and keys and all(kw(k) <= kw(keys[0]) or kw(keys[0]) <= kw(k) for k in keys) or op and len(keys) > 1 and not dims:
                keys = keys[:1]
            if op and len(keys) == 1 and (key := _with_unit(keys[0], unit)) not in bounds:
                bounds[key] = [op, number]
        elif m.group(6) and (parts := vocabulary.code_parts(m.group(6))) and parts[0] in codes:
            for key in codes[parts[0]]:
                bounds[key] = ["code>=", m.group(6).upper()]
                if str(attributes.get(key, "")).strip().lower() == m.group(6).lower():
                    del attributes[key]
    # "at least 24 colours": a bound on the count a numeric key names (number_of_colours)
    counted = vocabulary.counted_keys(scope)
    before, after = _cues()
    for m in re.finditer(rf"(?:({before})\s*)?(\d+(?:\.\d+)?)\s+([a-z]+)(?:\s*({after}))?", text):
        key = counted.get(lemma(m.group(3)))
        if any(a <= m.start(2) < b for a, b in measured):
            continue
        if key and key not in bounds and (op := _op(m.group(1), m.group(4))):
            bounds[key] = [op, float(m.group(2))]
    return bounds


def _with_unit(key: str, unit: str | None) -> str:
    """The key as the bound is kept: one whose unit only its values name ("Room size": "12 m²")
    gets it ("room_size_m2"), so each product's check finds its own key in that unit."""
    if not unit or vocabulary.unit_of_key(key):
        return key
    return "_".join([*re.split(r"[_\s]+", key.lower()), unit])


def _age(bounds: dict[str, list], keys: list[str], years: float) -> None:
    """An age asked ("for a 6-month-old", "my 2-year-old") against the catalog's age keys, in the
    unit each key names (years unless months): a range must hold it, a `min_` key be at most
    it, a `max_` key at least it."""
    for key in keys:
        parts = key.lower().split("_")
        age = round(years * 12, 2) if any(p.startswith("month") for p in parts) else years
        if "min" in parts or "from" in parts:
            bounds[key] = ["<=", age]
        elif "max" in parts or "to" in parts or "until" in parts:
            bounds[key] = [">=", age]
        else:
            bounds[key] = ["age", age]
