"""Parse a shopping request ("a waterproof running shoe under $120 in wide") into constraints
checked against the catalog's own vocabulary: its categories and attribute values."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from chatbot import bounds, vocabulary
from chatbot.answer import lexicon
from chatbot.text import STOPWORDS, alternatives, lemma, lemmas, phrase_stems
from chatbot.types import Product

# "at least 40 liters" is a capacity and "less than 12 players" a count, not a price: a number
# followed by a unit or a counted noun (the lexicon's, the catalog's keys') is no price (`_price`).
# "don't want to spend more than $100", "my budget tops out at $200", "$60 max": a ceiling
_PRICE_MAX = re.compile(r"(?:under|below|less than|cheaper than|up to|max(?:imum)?|no more than|within|<=?|tops? out at|"
                        r"(?:not|n't)\s+(?:\w+\s+){0,3}more than|budget(?:\s+\w+){0,3}?\s+(?:is|of|at|around))"
                        r"\s*(?:\$|usd\s?)?\s*(\d+(?:\.\d+)?)(?!\.?\d)\b"
                        r"|\$\s*(\d+(?:\.\d+)?)\s*(?:max(?:imum)?|tops|or less|at most)\b", re.I)
_PRICE_MIN = re.compile(r"(?:over|above|more than|at least|from|>=?)\s*(?:\$|usd\s?)?\s*(\d+(?:\.\d+)?)(?!\.?\d)\b", re.I)
_BETWEEN = re.compile(r"between\s*\$?\s*(\d+(?:\.\d+)?)\s*(?:and|-|to)\s*\$?\s*(\d+(?:\.\d+)?)", re.I)
_ZH_MAX = re.compile(r"(\d+(?:\.\d+)?)\s*(?:美元|元|块|刀)?\s*(?:以下|以内|之内)|(?:低于|不超过|少于)\s*(\d+(?:\.\d+)?)")
@dataclass
class Constraints:
    category: str | None = None
    price_min: float | None = None
    price_max: float | None = None
    in_stock: bool | None = None
    attributes: dict[str, object] = field(default_factory=dict)
    # {attribute key: [op, value]}: ">=" / "<=" a number, "age" within the listed ages, "code>=" a graded code
    bounds: dict[str, list] = field(default_factory=dict)
    features: list[str] = field(default_factory=list)  # terms the record must hold ("timer", "cordless")
    excluded: list[str] = field(default_factory=list)  # terms it must not ("plastic"), unless it says it is free of them
    kind: str | None = None  # of a category of several kinds, the one asked ("sprinkler"): its title or type says it

    def to_dict(self) -> dict:
        d = {"category": self.category, "price_min": self.price_min, "price_max": self.price_max,
             "in_stock": self.in_stock, "attributes": dict(self.attributes), "bounds": dict(self.bounds),
             "features": list(self.features), "excluded": list(self.excluded), "kind": self.kind}
        return {k: v for k, v in d.items() if v not in (None, {}, "", [])}

    def only_features(self) -> bool:
        """Nothing but catalog words: on a product page that is a question, not a request."""
        return set(self.to_dict()) <= {"features", "excluded"}

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
            bounds={**self.bounds, **newer.bounds},
            features=list(dict.fromkeys(self.features + newer.features)),
            excluded=list(dict.fromkeys(self.excluded + newer.excluded)),
            kind=newer.kind or (self.kind if not newer.category or newer.category == self.category else None),
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
        for key, (op, value) in self.bounds.items():
            parts.append(describe_bound(key, op, value))
        parts += [f"with {t}" for t in self.features] + [f"no {t}" for t in self.excluded]
        if self.category:
            parts.append(f"{self.category} ({self.kind})" if self.kind else self.category)
        if self.price_min is not None:
            parts.append(f"from ${self.price_min:g}")
        if self.price_max is not None:
            parts.append(f"up to ${self.price_max:g}")
        if self.in_stock:
            parts.append("in stock")
        return ", ".join(parts) or "your request"


def _norm(text: str) -> str:
    text = vocabulary.numbers_in_words(text.lower())
    cues = [w for w in lexicon.lists("exclusion").get("before", []) if not w.isascii()]
    plain = text
    for word in lexicon.lists("exclusion").get("not_cues", []):  # "有没有" asks, "无线" is wireless
        plain = plain.replace(word, "_" * len(word))
    for word, catalog_word in lexicon.mapping("translations").items():  # the catalog is in English
        if word in text:  # "不含乳胶": "no latex"
            negated = any(re.search(rf"{re.escape(cue)}.{{0,4}}{re.escape(word)}", plain) for cue in cues)
            text += (" no " if negated else " ") + catalog_word
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


def parse(text: str, products: list[Product], category: str | None = None) -> Constraints:
    """Constraints that the text states, in the catalog's vocabulary. `category` is taken when
    the text names none of the catalog's categories in words (found by meaning, say)."""
    norm = _norm(text)
    tokens = tuple(lemma(w) for w in re.findall(r"[a-z0-9]+", norm))  # reduced once for every phrase below
    c = Constraints()
    # category: the longest catalog category (or its last word, "shoes") that the text names
    categories = sorted({p.category for p in products if p.category}, key=len, reverse=True)
    kind = None  # of a category of several kinds ("garden hoses & sprinklers"), the one named
    for cat in categories:
        parts = [part for part in re.split(r"\s*&\s*|\s+and\s+|,\s*", cat) if len(part) > 3]
        named = [part for part in parts if _has_phrase(tokens, part)]
        if _has_phrase(tokens, cat) or named:
            c.category, kind = cat, (named[0].split()[-1] if named and len(parts) > 1 else None)
            break
    if c.category is None:  # "shoe" -> "running shoes", "hose" -> "garden hoses & sprinklers"
        for cat in categories:
            heads = [part.split()[-1] for part in re.split(r"\s*&\s*|\s+and\s+|,\s*", cat) if part.split()]
            named = [head for head in heads if len(head) > 3 and _has_phrase(tokens, head)]
            if named:
                c.category, kind = cat, (named[0] if len(heads) > 1 else None)
                break
    c.category = c.category or category
    measures = vocabulary.measure_words(products)
    if m := _BETWEEN.search(norm):
        c.price_min, c.price_max = float(m.group(1)), float(m.group(2))
    else:
        c.price_max, at = _price(_PRICE_MAX, norm, measures)
        if c.price_max is None and (m := _ZH_MAX.search(text)):
            c.price_max = float(m.group(1) or m.group(2))
        c.price_min, _ = _price(_PRICE_MIN, norm, measures, taken=at)
    if lexicon.search("in_stock_request", text):
        c.in_stock = True
    # attributes: boolean ones by name ("waterproof"), text/list values by value ("wide", "blue")
    scope = [p for p in products if c.category is None or p.category == c.category]
    seen = set()  # products share keys and values: each pair is read once (100k products, 6 categories)
    for key, value in ((k, v) for p in scope for k, v in p.attributes.items()):
        if key in c.attributes or (key, repr(value)) in seen:
            continue
        seen.add((key, repr(value)))
        name = key.replace("_", " ")
        if isinstance(value, bool):
            negated = re.search(rf"\b(not|non|no)\s+{re.escape(name)}", norm)
            if negated:
                c.attributes[key] = False
            elif _has_phrase(tokens, name):
                c.attributes[key] = True
        elif isinstance(value, str) and len(value) > 2 and not vocabulary.measure(value):  # "6 mm" is a bound's
            if _has_phrase(tokens, value) and not (c.category and _has_phrase(phrase_stems(c.category), value)):
                c.attributes[key] = value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, str) and len(item) > 2 and not item.replace(".", "").isdigit() and _has_phrase(tokens, item):
                    c.attributes[key] = item
                    break
    _sizes(norm, c, scope)
    negated = set(vocabulary.negated(norm))
    for key, value in list(c.attributes.items()):  # "not made of nylon": a material to avoid, not to find
        if isinstance(value, str) and phrase_stems(value) and set(phrase_stems(value)) <= negated:
            del c.attributes[key]
            c.excluded += [lemma(value.lower())] if lemma(value.lower()) not in c.excluded else []
    _one_reading(c, scope)
    c.bounds.update(bounds.read(vocabulary.numbers_in_words(text.lower()), scope, c.attributes))
    _features(norm, c, products, scope)
    if kind:  # "a sprinkler with a timer": not a hose, nor a water timer whose text mentions sprinklers
        c.kind = lemma(kind.lower())
        c.features = [t for t in c.features if t != c.kind]
    return c


def _sizes(norm: str, c: Constraints, scope: list[Product]) -> None:
    """A size asked ("in XL", "for a large dog": L), matched to a listed value too short to find by itself."""
    asked = vocabulary.sizes_asked(norm)
    for key, item in ((k, i) for p in scope for k, v in p.attributes.items() for i in (v if isinstance(v, list) else [v])):
        if key not in c.attributes and isinstance(item, str) and len(item) <= 3 and item.lower() in asked:
            c.attributes[key] = item


def _price(pattern: re.Pattern, norm: str, measures: frozenset[str], taken: tuple[int, int] | None = None):
    """The first price the pattern finds whose number no measure word follows, and where that
    number is; a number `taken` by the other bound is passed over ("not ... more than $100")."""
    for m in pattern.finditer(norm):
        group = 1 if m.group(1) is not None else 2
        if taken and m.span(group) == taken:
            continue
        after = re.match(r"\s*-?\s*([a-z]+|%)", norm[m.end(group):])
        money = "$" in m.group(0) or "usd" in m.group(0)  # "$120 in wide" is a price
        if money or not (after and (after.group(1) in measures or lemma(after.group(1)) in measures)):
            return float(m.group(group)), m.span(group)
    return None, None


def _one_reading(c: Constraints, scope: list[Product]) -> None:
    """Each phrase of the request read once: a match inside a longer one goes ("wireless" of
    "wireless charging"), and a value several attributes hold ("green": tea type, colour) stays
    on the one most products meeting the rest of the request hold it under."""
    phrase = {k: phrase_stems(k.replace("_", " ") if v is True or v is False else str(v)) for k, v in c.attributes.items()}

    def inside(a, b):
        return len(a) < len(b) and any(b[i:i + len(a)] == a for i in range(len(b) - len(a) + 1))

    for key in [k for k in c.attributes if any(inside(phrase[k], phrase[o]) for o in c.attributes if o != k)]:
        del c.attributes[key]
    by_value: dict[tuple, list[str]] = {}
    for key in c.attributes:
        by_value.setdefault(phrase[key], []).append(key)
    for keys in by_value.values():
        if len(keys) > 1:  # the reading most products that meet the rest of the request share
            rest = {k: v for k, v in c.attributes.items() if k not in keys}
            held = {k: sum(satisfies(p, {"attributes": {**rest, k: c.attributes[k]}}) for p in scope) for k in keys}
            for k in sorted(keys, key=lambda k: -held[k])[1:]:
                del c.attributes[k]


def _features(norm: str, c: Constraints, products: list[Product], scope: list[Product]) -> None:
    """The request's other words that the catalog's records state as specifications ("timer",
    "cordless"): required, or excluded after "no"/"not made of" or before "-free" (any record word).
    Words only prose uses ("a suitcase") cannot be checked and are left out; so are the language's
    filler words ("recommend", "good"), the category's own words and those a measure or bound took."""
    known = set().union(*(vocabulary.product_terms(p) for p in products)) if products else set()
    spec = set().union(*(vocabulary.spec_terms(p) for p in products)) if products else set()
    taken = set(lemmas(" ".join([(c.category or "").replace("-", " "), *c.attributes, *(str(v) for v in c.attributes.values()),
                                 *(k.replace("_", " ") for k in c.bounds)])))
    # what an exclusion is about asks for nothing: "any colour except white"
    cues = alternatives(lexicon.lists("exclusion").get("before", []))
    taken |= set(lemmas(" ".join(re.findall(rf"(\w+)\s+(?:{cues})\b", norm)))) if cues else set()
    taken |= set(lemmas(" ".join(lexicon.words("filler_words") + lexicon.words("age_words") + lexicon.words("birth_words")
                                 + list(lexicon.mapping("number_words")))))
    taken |= set(lemmas(" ".join(vocabulary.unit_words())))
    ex = lexicon.lists("exclusion")
    cue_words = set(lemmas(" ".join(ex.get("before", []) + ex.get("after", []) + ex.get("skip", []))))
    negated_attrs = set(lemmas(" ".join(k.replace("_", " ") for k, v in c.attributes.items() if v is False)))
    for t in vocabulary.negated(norm):
        if vocabulary.holds(known, t) and t not in taken and t not in negated_attrs and t not in c.excluded:
            c.excluded.append(t)
    if c.bounds:  # "at least 7 m long", "a light one under 3 kg": the measure's own words ask for nothing more
        taken |= set(lemmas(" ".join(lexicon.lists("bounds").get("dimension", []))))
        taken |= {lemma(w) for w, d in lexicon.mapping("dimension_keys").items() if any(d in k.lower() for k in c.bounds)}
    taken |= _purpose(norm)
    coded = {str(v) for _, v in c.bounds.values()}  # "IP67 or better" is a bound; "an H13 filter" a feature
    run: list[str] = []  # words next to each other in the request are one feature: "automatic needle threader"
    for t in [*phrase_stems(norm), ""]:
        if t and vocabulary.holds(spec, t) and t not in taken and t not in c.excluded and not t.replace(".", "").isdigit() \
                and len(t) > 2 and t not in cue_words and t.upper() not in coded and t not in STOPWORDS:
            run += [t] if t not in run else []
        elif run:
            phrase, run = " ".join(run), []
            if phrase not in c.features:
                c.features.append(phrase)


def _purpose(norm: str) -> set[str]:
    """The words of what a product is for ("for a nursery", "to carry to my classes"): where it
    goes or who uses it, no feature it must have. They end where a requirement starts ("with")."""
    cues, ends, asking = (lexicon.lists("purpose").get(k, []) for k in ("before", "until", "not_after"))
    if not cues:
        return set()
    out = set()
    for m in re.finditer(rf"\b(?:{alternatives(cues)})\b([^,.;!?]*)", norm):
        if asking and re.search(rf"\b(?:{alternatives(asking)})\s*$", norm[:m.start()]):
            continue
        out |= set(lemmas(re.split(rf"\b(?:{alternatives(ends)})\b", m.group(1))[0] if ends else m.group(1)))
    return out


CONSTRAINT_KEYS = ("category", "brand", "price_min", "price_max", "in_stock", "attributes", "bounds", "features", "excluded",
                   "kind")


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
    if "kind" in c and not vocabulary.holds(vocabulary.name_terms(product), c["kind"]):
        return False
    attrs = product.attributes or {}
    if not all(_matches(attrs[key], want) if key in attrs else _says(product, key) if want is True
               else isinstance(want, str) and _states(product, key, want) for key, want in (c.get("attributes") or {}).items()):
        return False
    if not all(_meets(product, key, op, value) for key, (op, value) in (c.get("bounds") or {}).items()):
        return False
    if c.get("features") or c.get("excluded"):
        have = vocabulary.product_terms(product)  # dictionary forms: "timers" asks for "timer"
        if not all(vocabulary.has_feature(product, t) for t in c.get("features") or ()):
            return False
        if any(vocabulary.holds(have, t) and lemma(t) not in vocabulary.free_of(product) for t in c.get("excluded") or ()):
            return False
    return True


def _says(product: Product, key: str) -> bool:
    """A yes/no attribute the product lacks as a key, said in its words ("Keep-warm mode": keep_warm)."""
    have, absent = vocabulary.product_terms(product), vocabulary.free_of(product)
    if (held := vocabulary.free_key(key)) is not None:  # "latex_free": the record says it is without latex
        return all(lemma(w) in absent for w in held)
    parts = [w for w in re.split(r"[_\s-]+", key.lower()) if w]  # "Automatic DST"
    return all(vocabulary.holds(have, w) and lemma(w) not in absent for w in parts)


def _states(product: Product, key: str, value: str) -> bool:
    """A value the product lacks as an attribute, stated in a line of its record beside the
    key's word ("Available in sizes M and L" holds sizes: L). Short values ("L") match in their case."""
    parts = {lemma(w) for w in key.lower().split("_") if len(w) > 2}
    pattern = re.compile(rf"(?<![\w-]){re.escape(value)}(?![\w-])", 0 if len(value) <= 3 else re.I)
    return any(parts & set(lemmas(line)) and pattern.search(line)
               for text in [product.description, *product.features] for line in re.split(r"(?<=[.!?;])\s+", text or ""))


def _meets(product: Product, key: str, op: str, want) -> bool:
    """A bound on the attribute `key`, or, where the product lacks it, on the measures its
    record states in the key's unit ("Hose 30 m" for `length_m`)."""
    if key in (product.attributes or {}):
        return meets_bound(product.attributes[key], op, want)
    if op == "code>=":  # "rated IP67" in the description
        return any(meets_bound(code, op, want) for code in re.findall(r"[a-z]{1,4}[0-9x]{1,3}", vocabulary.record_text(product), re.I))
    spans = vocabulary.text_ages(product) if set(re.split(r"[_\s]+", key.lower())) & {
        w.lower() for w in lexicon.words("age_words")} else []
    if spans:  # an age the record states in words ("Suitable for ages 8+"), in the key's unit
        scale = 12 if "month" in key.lower() else 1
        return any(lo * scale <= float(want) <= hi * scale if op == "age" else
                   (lo * scale <= float(want) if op == "<=" else hi * scale >= float(want))
                   for lo, hi in spans)
    unit = vocabulary.unit_of_key(key) if op in (">=", "<=") else None
    if not unit:
        return False
    # the product's own key for the unit ("Noise level": "26 dB" for noise_db): one whose words hold
    # the bound key's or are held by them, else its only key in that unit naming nothing else
    # (min_age is no max_age); else the measures its text states
    same = [k for k, (_, value_unit, key_unit) in vocabulary.numbers(product).items() if (value_unit or key_unit) == unit]
    base = vocabulary.key_words
    named = [k for k in same if base(k) <= base(key) or base(key) <= base(k)]
    if keys := named or (same if len(same) == 1 and not base(same[0]) & base(key) else []):
        return any(meets_bound(product.attributes[k], op, want) for k in keys)
    return any(meets_bound(x, op, want) for x in vocabulary.text_measures(product).get(unit, []))


def meets_bound(have, op: str, want) -> bool:
    if op == "code>=":
        return vocabulary.at_least_as_good(have, want)
    if op == "age":
        span = vocabulary.age_span(have)
        return bool(span) and span[0] <= float(want) <= span[1]
    if not (m := vocabulary.measure(have)):  # 45 or "45 m²"
        return False
    return m[0] >= float(want) if op == ">=" else m[0] <= float(want)


def describe_bound(key: str, op: str, value) -> str:
    name = key.replace("_", " ")
    if op == "age":
        return f"for age {value:g}" if isinstance(value, (int, float)) else f"for age {value}"
    if op == "code>=":
        return f"{name} {value} or better"
    return f"{name} {'at least' if op == '>=' else 'at most'} {value:g}"
