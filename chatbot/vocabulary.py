"""What a catalog's own words say about its products: the terms each product's record holds, the
terms it says it is free of, its numeric attributes and their units, its age ranges and graded
codes (IP67). Shopping requests are matched against these, so a shop's vocabulary comes from its
catalog, not from word lists in code; only the language's function words (units, "at least",
"without") come from the lexicon files."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from chatbot.answer import lexicon
from chatbot.text import alternatives, lemma, lemmas, stem, terms
from chatbot.types import Product

_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:-|–|to|至|~)\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*\+|(\d+(?:\.\d+)?)\s*(?:and up|or older|以上)")
CODE = re.compile(r"^([a-z]{1,4}?)([0-9x]{1,3})$", re.I)  # a graded code: IP67, IPX4, N95, UV400


def record_text(p: Product) -> str:
    """A product's record as one text: title, brand, description, features, attribute names and text values."""
    parts = [p.title, p.brand, p.description, *p.features]
    for key, value in p.attributes.items():
        if value is not False:  # "timer: false" says the product has none
            parts.append(key.replace("_", " "))
        elif held := free_key(key):  # "latex_free: false" says it has latex
            parts.append(" ".join(held))
        values = value if isinstance(value, list) else [value]
        parts.extend(str(v) for v in values if isinstance(v, str))
    return " . ".join(x for x in parts if x)


def _kept(p: Product, name: str, make):
    """What `make` derives from a product's record, kept on the product object. Requests are
    checked against every product of the catalog, and records are not edited after loading, so
    each is read once (a bounded cache keyed by text thrashes once a catalog outgrows it:
    1 s a request at 10,000 products). The lexicon's generation is part of the key, since its
    words decide what is derived."""
    key = ("_vocabulary", name, lexicon.generation())
    kept = p.__dict__.get(key)
    if kept is None:
        kept = p.__dict__[key] = make(p)
    return kept


def product_terms(p: Product) -> frozenset[str]:
    """The words of the product's title, brand, description, features and attribute names and
    text values, each as its dictionary form and its stem ("wooden": wooden, wood), and the parts
    of hyphenated words ("chew-resistant": chew, resistant)."""
    return _kept(p, "terms", lambda p: terms_of(record_text(p)))


def spec_terms(p: Product) -> frozenset[str]:
    """`product_terms` less the description's: the words the record states as specifications
    (title, features, attributes). A word a shop uses only in prose ("throw it in a suitcase")
    names no feature a shopper can ask for."""
    return _kept(p, "spec_terms", lambda p: terms_of(record_text(replace(p, description=""))))


def name_terms(p: Product) -> frozenset[str]:
    """The words of what the product is called: its title and its text attribute values
    ("product_type: water timer"), not what its description mentions."""
    return _kept(p, "name_terms", lambda p: terms_of(" . ".join(
        t for t in [p.title, *(v for v in p.attributes.values() if isinstance(v, str))] if t)))


@lru_cache(maxsize=4096)
def terms_of(text: str) -> frozenset[str]:
    """A text's words as `product_terms` gives a record's: dictionary forms, stems, hyphens split."""
    text = text.replace("-", " ")
    return frozenset(lemmas(text)) | frozenset(terms(text))


def holds(have: set[str] | frozenset[str], word: str) -> bool:
    """Whether a record's terms (`product_terms`) hold `word`, by its dictionary form or stem."""
    base = lemma(word)
    if base in have or stem(word) in have:
        return True
    # "wash" asks what "washable" says: a longer word of the record built on this one
    return len(word) > 3 and any(h.startswith(base) and len(h) > len(word) for h in have)


def has_feature(p: Product, phrase: str) -> bool:
    """Whether the record says the product has a requested feature. One word: any of its words
    (not one it says it is without). Several ("automatic needle threader"): one line of the record
    (title, feature, sentence, attribute) holds the last word and all the others, or all but one of
    three or more ("Automatic threader: yes") but never a code ("H13"), and no such line says it
    is without them ("No automatic needle threader"): words scattered over a record are no feature."""
    words = phrase.split()
    if len(words) == 1:
        return holds(product_terms(p), words[0]) and lemma(words[0]) not in free_of(p)
    need = len(words) - (len(words) > 2)
    codes = [w for w in words if any(c.isdigit() for c in w)]  # "an H13 HEPA filter": no H11
    found = [negative for line, negative in _kept(p, "lines", _lines)
             if holds(have := terms_of(line), words[-1]) and sum(holds(have, w) for w in words) >= need
             and all(holds(have, w) for w in codes)]
    return bool(found) and not any(found)


def _lines(p: Product) -> list[tuple[str, bool]]:
    """The record's lines, each with whether it says the product is without what it names."""
    lines = [(p.title, False)]
    for text in [p.description, *p.features]:
        for line in re.split(r"(?<=[.!?;])\s+", text or ""):
            lines.append((line, bool(negated(line, free=False))))  # "No timer" says none; "BPA-free" says a feature
    for key, value in p.attributes.items():
        name = re.sub(r"[_\s]+", " ", key)
        values = value if isinstance(value, list) else [value]
        lines.append((f"{name} {' '.join(str(v) for v in values if not isinstance(v, bool))}", value is False))
    return lines


def free_of(p: Product) -> frozenset[str]:
    """Terms the record says the product is without ("plastic-free", "no BPA", "not made of glass")."""
    return _kept(p, "free_of", _free_of)


def _free_of(p: Product) -> frozenset[str]:
    # a yes/no attribute that is false ("hub_required: false") says the product is without it,
    # unless its key says "without" itself ("latex_free: false" has latex)
    out = set(lemmas(" ".join(k.replace("_", " ") for k, v in p.attributes.items() if v is False and not free_key(k))))
    return frozenset(out | set(negated(record_text(p))))


def free_key(key: str) -> list[str] | None:
    """The words a "-free" key names ("Latex-free", "bpa_free" -> ["bpa"]), or None for another key."""
    parts = [w for w in re.split(r"[_\s-]+", key.lower()) if w]
    free = {w.strip("-") for w in lexicon.lists("exclusion").get("after", [])}
    return parts[:-1] if len(parts) > 1 and parts[-1] in free else None


def negated(text: str, free: bool = True) -> list[str]:
    """The words `text` says are absent: the first word after "no" / "without" / "not made of"
    (the lexicon's exclusion words, its `skip` words passed over) and the word before "-free",
    as dictionary forms."""
    text, ex = text.lower(), lexicon.lists("exclusion")
    skip = "|".join(re.escape(w) for w in ex.get("skip", []))
    found = []
    for after in ex.get("after", []) if free else []:
        found += re.findall(rf"([\w]+)\s*-?\s*{re.escape(after.lstrip('-'))}\b", text)
    skipped = rf"(?:(?:{skip})\s+){{0,3}}" if skip else ""
    listed = r"((?:\s*(?:,|\bor\b|\bnor\b)\s*(?:other\s+)?[\w]+)*)"  # "no PVC, TPE or other plastics"
    for before in ex.get("before", []):
        for first, rest in re.findall(rf"(?<![\w'-]){re.escape(before)}\s+{skipped}([\w]+){listed}", text):
            found += [first, *(w for w in re.findall(r"[\w]+", rest) if w not in ("or", "nor", "other"))]
    return list(dict.fromkeys(lemmas(" ".join(found))))


def unit_words() -> dict[str, str]:
    """Every unit word of every language -> its canonical unit ("litres" -> "l", "升" -> "l")."""
    return _unit_words(lexicon.generation())


@lru_cache(maxsize=2)
def _unit_words(generation: int) -> dict[str, str]:
    return {word.lower(): unit for unit, words in lexicon.lists("units").items() for word in [unit, *words]}


_KEY_PARTS = re.compile(r"[_\s()\[\],/]+")  # "Weight (kg)", "capacity_l", "Noise level"


def unit_of_key(key: str) -> str | None:
    """The unit an attribute key names in one of its parts: capacity_l -> l, runtime_hours -> h."""
    return _unit_of_key(key, lexicon.generation())


@lru_cache(maxsize=4096)
def _unit_of_key(key: str, generation: int) -> str | None:
    # read once per key and lexicon: a bound checks it for every product lacking the key
    words = unit_words()
    parts = [w for w in _KEY_PARTS.split(key.lower()) if w]
    for pair in reversed([f"{a} {b}" for a, b in zip(parts, parts[1:])]):  # "Room size (sq ft)"
        if pair in words:
            return words[pair]
    found = [part for part in parts if part in words]
    cues = {w.lower() for said in lexicon.lists("bounds").values() for w in said}
    plain = [part for part in found if part not in cues]  # "noise_db_min": its minimum in dB, no minutes
    if found:
        return words[(plain or found)[-1]]
    for part in reversed(parts):  # "wattage" is in watts, "lumens_max" in lumens
        for word, unit in words.items():
            if len(word) > 3 and word.isalpha() and part.startswith(word):
                return unit
    return None


def text_measures(p: Product) -> dict[str, list[float]]:
    """The measures the record states in words, by unit: "Hose 30 m", "holds 1.8 litres",
    "1200-watt heating" -> {"m": [30.0], "l": [1.8], "w": [1200.0]}. A bound on a key the product
    lacks is checked on these (a catalog does not put every spec in its attributes)."""
    return _kept(p, "measures", lambda p: measures_in(record_text(p)))


def measures_in(text: str) -> dict[str, list[float]]:
    """The measures a text states, by unit: "Oven safe to 300 °C" -> {"c": [300.0]}."""
    words = unit_words()
    units = alternatives(words)
    out: dict[str, list[float]] = {}
    for m in re.finditer(rf"(\d+(?:\.\d+)?)\s*-?\s*({units})(?![a-z²³])", text.lower()):  # 120 m² is an area
        out.setdefault(words[m.group(2)], []).append(float(m.group(1)))
    return out


_MEASURE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([^\d\s].{0,12}?)?\s*$")


def measure(value) -> tuple[float, str | None] | None:
    """A number an attribute holds, with the unit its text names: 45 -> (45, None), "6 mm" ->
    (6, "mm"), "26 dB" -> (26, "db"), "12" -> (12, None). Catalogs write measures as text too."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value), None
    if not isinstance(value, str) or not (m := _MEASURE.match(value)):
        return None
    unit = (m.group(2) or "").strip().lower()
    if unit and unit not in unit_words():
        return None  # "4-step", "2 years" of warranty are no measure this knows
    return float(m.group(1)), unit_words().get(unit)


def key_parts(key: str) -> list[str]:
    """An attribute key's words in order, lower case, its unit suffix left out: "CADR (CFM)" ->
    ["cadr"]; "min_age_months" keeps its "min" (a unit word only as a suffix)."""
    parts = [w for w in _KEY_PARTS.split(key.lower()) if w]
    return parts[:-1] if len(parts) > 1 and parts[-1] in unit_words() else parts


def key_words(key: str) -> frozenset[str]:
    """An attribute key's words as dictionary forms: "diameter_cm" and "Diameter" name the same thing."""
    return frozenset(lemma(w) for w in key_parts(key))


def code_keys(products) -> dict[str, set[str]]:
    """The letters of the graded codes the products' attributes hold ("IP67": "ip") -> their keys."""
    codes: dict[str, set[str]] = {}
    for p in products:
        for key, value in p.attributes.items():
            if parts := code_parts(value):
                codes.setdefault(parts[0], set()).add(key)
    return codes


# units of one kind, as a share of the first: a comparison reads "1.4 kg" against "900 g"
_SCALES = {"kg": ("kg", 1.0), "g": ("kg", 0.001), "lb": ("kg", 0.4536), "oz": ("kg", 0.02835),
           "m": ("m", 1.0), "cm": ("m", 0.01), "mm": ("m", 0.001), "in": ("m", 0.0254), "ft": ("m", 0.3048),
           "l": ("l", 1.0), "ml": ("l", 0.001), "qt": ("l", 0.9464), "m2": ("m2", 1.0), "ft2": ("m2", 0.0929),
           "c": ("c", 1.0), "f": ("c", 5 / 9)}
_OFFSETS = {"f": -32.0}  # added before the share: 212 °F is (212 - 32) x 5/9 = 100 °C


def base_unit(unit: str) -> str:
    return _SCALES.get(unit, (unit, 1.0))[0]


def in_base(value: float, unit: str) -> float:
    return (value + _OFFSETS.get(unit, 0.0)) * _SCALES.get(unit, (unit, 1.0))[1]


def numbers(p: Product) -> dict[str, tuple[float, str | None, str | None]]:
    """The product's attributes that hold a number: key -> (the number, the unit its value states,
    the unit its key names): "Thickness": "6 mm" -> (6.0, "mm", None). Kept on the product: every
    request reads them for the whole catalog."""
    return _kept(p, "numbers", lambda p: {key: (m[0], m[1], unit_of_key(key)) for key, value in p.attributes.items()
                                          if (m := measure(value))})


def numeric_keys(products: list[Product]) -> dict[str, str]:
    """Numeric attribute keys of these products with the unit each names, in the key
    (`capacity_l`) or in its values ("Thickness": "6 mm")."""
    return {key: value_unit or key_unit for p in products for key, (_, value_unit, key_unit) in numbers(p).items()
            if value_unit or key_unit}


def counted_keys(products: list[Product]) -> dict[str, str]:
    """Numeric attribute keys by the nouns they count: number_of_colours -> {"colour": key}."""
    out = {}
    for key in dict.fromkeys(k for p in products for k, (_, _, key_unit) in numbers(p).items() if not key_unit):
        for part in re.split(r"[_\s]+", key.lower()):
            if len(part) > 3:
                out.setdefault(lemma(part), key)
    return out


def age_keys(products: list[Product]) -> list[str]:
    """Attribute keys that hold ages (an age word in the key): age_range, min_age, recommended_age."""
    ages = {w.lower() for w in lexicon.words("age_words")}
    return sorted({k for p in products for k in p.attributes if set(k.lower().split("_")) & ages})


def text_ages(p: Product) -> list[tuple[float, float]]:
    """The age ranges the record states in words, in years: "Suitable for ages 8+" -> (8, inf),
    "for kids aged 3 to 5" -> (3, 5), "from 6 months" -> (0.5, inf)."""
    return _kept(p, "ages", _text_ages)


def _text_ages(p: Product) -> list[tuple[float, float]]:
    ages = {w.lower() for w in lexicon.words("age_words")}
    out = []
    for line, _ in _lines(p):
        lowered = line.lower()
        if set(re.findall(r"[a-z-]+", lowered)) & ages and (span := age_span(lowered)):
            out.append(tuple(x / 12 for x in span) if "month" in lowered else span)
    return out


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


def numbers_in_words(text: str) -> str:
    """"a tent for two people", "a four-person tent": a number said in words before a unit or a
    counted noun is written as one, so bounds read it. Thousands lose their commas ("1,000")."""
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    numbers = lexicon.mapping("number_words")
    if not numbers:
        return text
    units, alts = alternatives(unit_words()), alternatives(w for w in numbers if w.isascii())
    text = re.sub(rf"\b({alts})(?=[\s-]+(?:{units})(?![a-z]))", lambda m: str(numbers[m.group(1)]), text)
    # Chinese numerals run into their unit ("八岁", "十二个月"): digits, and tens written 十
    digits = {w: n for w, n in numbers.items() if not w.isascii() and n < 10}
    if not digits or "十" not in numbers:
        return text
    d = "".join(digits)

    def value(m):
        a, ten, b = m.group(1), m.group(2), m.group(3)
        return str((digits.get(a, 1) * 10 if ten else digits[a]) + (digits.get(b, 0) if ten else 0)) if (a or ten) else m.group(0)
    zh_units = alternatives(w for w in unit_words() if not w.isascii())
    return re.sub(rf"([{d}]?)(十?)([{d}]?)(?=\s*(?:{zh_units}))", lambda m: value(m) if m.group(0) else "", text)


def measure_words(products: list[Product]) -> frozenset[str]:
    """Words that make a number a measure, not a price: the lexicon's units and the words of the
    catalog's numeric attribute keys ("400 lumens", "2400 watts" where a key is `wattage`)."""
    keys = {k for p in products for k in numbers(p)}
    return frozenset(unit_words()) | frozenset(lemmas(" ".join(k.replace("_", " ") for k in keys))) \
        | {lemma(w) for w in unit_words() if w.isalpha()}


def sizes_asked(text: str) -> set[str]:
    """Sizes a request asks for, lower-cased letters: by letters after "in" or "size" ("in XL"),
    or by the lexicon's size words ("large" -> l)."""
    asked = {m.group(1) for m in re.finditer(r"\b(?:in|size)\s+(x{0,3}[sml])\b", text)}
    said = [(size, word) for word, size in lexicon.mapping("size_words").items()
            if (word in text if not word.isascii() else re.search(rf"\b{re.escape(word)}\b", text))]
    # the longest word said wins ("加大号" is no "大号"; "extra large" no "large")
    taken = [w for _, w in said]
    return asked | {size.lower() for size, word in said if not any(word != w and word in w for w in taken)}
