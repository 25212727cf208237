"""A product's one measure of a kind, read for answers that state or compare it: "which is
lighter?", "how many watts?", "which has the longer warranty?". Wherever the record states it (a
key naming its unit, a value with a unit, a line of text), in one base unit, with what it
measures and how the record shows it."""
from __future__ import annotations

import re

from chatbot.answer import lexicon
from chatbot.text import alternatives
from chatbot.types import Product
from chatbot.vocabulary import base_unit, in_base, key_parts, numbers, record_text, text_measures, unit_words


def measure_in(p: Product, unit: str, about: list[str] | None = None) -> tuple[float, str, str] | None:
    """The product's one measure in `unit` or a unit convertible to it, as (value in the base
    unit, what it measures, as the record shows it): from a key naming the unit (weight_kg: 1.4),
    a value stating it ("Weight": "2.1 kg"), else the one such measure of its text ("Weighs 900 g",
    said twice alike: "AquaCalm 6L", "6 L water tank"). Where the record states several,
    `about` ([name, text words...]) picks the one it names: ["thickness", "thick"] finds
    "Thickness": "6 mm" or "It is 10 mm thick"."""
    base = base_unit(unit)
    keyed = [keyed_value(p, key) for key, (_, value_unit, key_unit) in numbers(p).items()
             if (u := value_unit or key_unit) and base_unit(u) == base]
    if about and len(keyed) > 1:
        keyed = [k for k in keyed if about[0] in k[1]]
    if len(keyed) == 1:
        return keyed[0]
    if keyed:
        return None  # two measures in the unit (height, depth): the comparative does not say which
    if about:  # "It is 10 mm thick", "a thickness of 6 mm"
        words = unit_words()
        said = re.finditer(rf"(\d+(?:\.\d+)?)\s*({alternatives(words)})\s+({alternatives(about)})\b", record_text(p).lower())
        stated = [(in_base(float(m[1]), words[m[2]]), words[m[2]], float(m[1])) for m in said if base_unit(words[m[2]]) == base]
    else:
        stated = [(in_base(x, u), u, x) for u, xs in text_measures(p).items() if base_unit(u) == base for x in xs]
    if stated and len({v for v, _, _ in stated}) == 1:
        v, u, x = stated[0]
        return v, about[0] if about else lexicon.mapping("unit_names").get(base, base), f"{x:g} {unit_shown(u)}"
    return None


def measures_of(p: Product, unit: str) -> set[float]:
    """Every measure the record states in `unit`'s kind, keyed or in its text, in the base unit."""
    base = base_unit(unit)
    keyed = {in_base(n, u) for n, vu, ku in numbers(p).values() if (u := vu or ku) and base_unit(u) == base}
    return keyed | {in_base(x, u) for u, xs in text_measures(p).items() if base_unit(u) == base for x in xs}


def stated_about(p: Product, names: set[str]) -> tuple[float, str, str, str] | None:
    """A measure the record's text states of one of `names`, next to it: "10-year warranty",
    "a warranty of 5 years" -> (value in the base unit, the name, as shown, the unit); None
    unless the text gives one value."""
    if not names:
        return None
    words = unit_words()
    text, units, said = record_text(p).lower(), alternatives(words), alternatives(names)
    number = r"(?P<number>\d+(?:\.\d+)?)[\s-]*(?P<unit>" + units + r")\b"
    found = {}
    for pattern in (rf"{number}[\s-]+(?:[a-z]+\s+)?(?P<name>{said})\b", rf"\b(?P<name>{said})\w*\s+(?:[a-z]+\s+){{0,2}}?{number}"):
        for m in re.finditer(pattern, text):
            u, x = words[m["unit"]], float(m["number"])
            found[in_base(x, u)] = (m["name"], f"{x:g} {unit_shown(u)}", u)
    if len(found) != 1:
        return None
    (value, (name, shown, unit)), = found.items()
    return value, name, shown, unit


def keyed_value(p: Product, key: str) -> tuple[float, str, str]:
    """A numeric attribute as (value in its base unit, what it measures, as the record shows it):
    "warranty_years": 10 -> (10.0, "warranty", "10 years")."""
    number, value_unit, key_unit = numbers(p)[key]
    u = value_unit or key_unit
    name = " ".join(key_parts(key))  # "CADR (CFM)": cadr
    if u and name in unit_words():  # "lumens": 800 is the brightness
        name = lexicon.mapping("unit_names").get(base_unit(u), name)
    value = p.attributes[key]
    shown = value if isinstance(value, str) else f"{_shown(value)} {unit_shown(u)}".strip() if u else _shown(value)
    return (in_base(number, u) if u else number), name, shown


def _shown(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def unit_shown(unit: str) -> str:
    """A canonical unit as a shopper reads it: c -> °C, m2 -> m², db -> dB (kg, mm, qt as they are)."""
    return {"c": "°C", "f": "°F", "m2": "m²", "ft2": "sq ft", "db": "dB", "l": "L", "w": "W", "cfm": "CFM", "h": "hours",
            "mah": "mAh"}.get(unit, unit)
