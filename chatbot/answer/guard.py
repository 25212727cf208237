"""Safety and honesty rules around the LLM.

Before generation: requests the bot must decline (prompt extraction, discounts it cannot grant,
off-topic tasks) and conversations a human should take over (asked for, order-specific, upset).
After generation: cited ids must exist in the evidence, and every price, stock state and number
the draft states must match the catalog or the evidence; otherwise the reply is corrected or
withdrawn. Rules are plain regular expressions (their words in lexicon/*.yaml) so they are fast, testable
and predictable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from chatbot.answer import lexicon
from chatbot import vocabulary
from chatbot.types import Product
from chatbot.vocabulary import record_text

_I = re.IGNORECASE

# In order: the first intent (patterns in lexicon/*.yaml) a message shows decides; its key names
# the pattern and the fixed reply (prompts/messages.yaml) alike.
SCREENS = (
    ("handoff_human", "handoff", "shopper asked for a human"),
    ("handoff_order", "handoff", "order-specific request the catalog cannot answer"),
    ("handoff_upset", "handoff", "upset shopper"),
    ("decline_prompt", "decline", "prompt extraction attempt"),
    ("decline_discount", "decline", "discount or price change request"),
    ("decline_offtopic", "decline", "off-topic request"),
    ("decline_internal", "decline", "internal business information"),
    ("decline_unsafe", "decline", "defeating a safety feature"),
    ("decline_private", "decline", "another person's personal data"),
    ("decline_fake_reviews", "decline", "writing reviews to post as a customer"),
)


@dataclass
class Verdict:
    action: str  # "answer" | "decline" | "handoff"
    reason: str = ""
    message_key: str = ""


def screen(message: str) -> Verdict:
    """What to do with a shopper's message before any retrieval or generation."""
    for key, action, reason in SCREENS:
        if lexicon.search(key, message):
            return Verdict(action, reason, key)
    return Verdict("answer")


# ------------------------------------------------------------------ after generation

CITE = re.compile(r"\[(\d{1,2})\]")
MONEY = re.compile(r"(?:\$|USD\s?|US\$|¥|€|£)\s?(\d{1,6}(?:,\d{3})*(?:\.\d{1,2})?)|(\d{1,6}(?:\.\d{1,2})?)\s?(?:dollars|usd|美元|元)\b", _I)
# ['’]?: "6.5' inches", a stray mark some reviews type between a number and its unit
NUMBER_UNIT = re.compile(
    r"(\d+(?:\.\d+)?)['’]?\s?-?\s?(hours?|hrs?|h\b|mah|w\b|watts?|g\b|grams?|kg|mm|cm|m\b|l\b|liters?|litres?|ml|"
    r"inch(?:es)?|in\b|days?|weeks?|years?|months?|minutes?|mins?\b|seconds?|db\b|decibels?|lbs?\b|pounds?|oz\b|"
    r"ounces?|degrees?|°|小时|克|毫米|升|瓦)",
    _I,
)
# Units that name the same quantity: "10 hours" in an answer is backed by "10-hr" in the evidence,
# but not by "$10" nor "10 g" (a small model will call the price a decibel rating).
UNIT_FAMILY = {"hour": "h", "hr": "h", "h": "h", "小时": "h", "watt": "w", "w": "w", "瓦": "w", "gram": "g", "g": "g",
               "克": "g", "millimeter": "mm", "mm": "mm", "毫米": "mm", "liter": "l", "litre": "l", "l": "l", "升": "l",
               "inche": "in", "inch": "in", "in": "in", "min": "min", "minute": "min", "second": "s", "db": "db",
               "decibel": "db", "lb": "lb", "pound": "lb", "oz": "oz", "ounce": "oz", "degree": "deg", "°": "deg"}


# A mark after a number that a price sign or an opening quote does not precede ("$0"", ""5"")
INCH_MARK = re.compile(r'(?<![^\WxX]|[$£€¥.,"“])(\d+(?:\.\d+)?)\s?(?:\\?"|\'\'|”|″)([^\W\d_])?')


def inch_marks(text: str) -> str:
    """33" (or 33\\" as marketplace exports escape it) -> 33 in: a unit the checks can read and the
    prompt's quoting (double quotes become single ones) cannot turn into feet."""
    # 6"l x 4"h -> 6 in l x 4 in h; only after a mark (5.75 inches stays as it is)
    text = INCH_MARK.sub(lambda m: m.group(1) + " in" + (" " + m.group(2) if m.group(2) else ""), text)
    return text.replace('\\"', '"')


def _unit(text: str) -> str:
    unit = text.lower()
    unit = unit[:-1] if unit.endswith("s") and len(unit) > 2 else unit
    return UNIT_FAMILY.get(unit, unit)


def _measures(text: str) -> set[tuple[float, str]]:
    return {(round(float(m.group(1)), 2), _unit(m.group(2))) for m in NUMBER_UNIT.finditer(text)}
OUT_OF_STOCK = re.compile(r"out of stock|not (currently )?(in stock|available)|sold out|unavailable|缺货|无货|售罄", _I)
IN_STOCK = re.compile(r"\bin stock\b|available (now|to order)|有货|现货", _I)


def says_dont_know(text: str) -> bool:
    return lexicon.search("dont_know", text)


def cited_numbers(text: str) -> list[int]:
    return [int(n) for n in CITE.findall(text)]


def _numbers(text: str) -> set[float]:
    out = set()
    for m in re.finditer(r"\d+(?:,\d{3})*(?:\.\d+)?", text):
        try:
            out.add(round(float(m.group().replace(",", "")), 2))
        except ValueError:
            pass
    return out


@dataclass
class Check:
    ok: bool
    problems: list[str]
    facts: list[str]  # catalog facts that correct the problems


# Topics a small model likes to fill in from general knowledge: stating one needs the evidence
# to mention it at all.


AGES = {"year", "month"}  # "is it ok for my 7 year old?": the shopper's child, not a product spec


def check_answer(answer: str, evidence_text: str, products: list[Product], question: str = "") -> Check:
    """Every price and unit number in `answer` must appear in the evidence or the catalog data of
    the products concerned; a stock claim must match the catalog. An age the `question` states
    may be repeated ("No, it is too hard for an 8-year-old")."""
    answer, evidence_text = inch_marks(answer), inch_marks(evidence_text)
    allowed = _numbers(evidence_text)
    measures = _measures(evidence_text) | {m for m in _measures(question) if m[1] in AGES}
    for p in products:
        if p.price is not None:
            allowed.add(round(p.price, 2))
        for key, value in p.attributes.items():
            allowed |= _numbers(str(value))
            measures |= _measures(str(value))
            # the unit a key names (weight_g, "Weight (kg)", runtime_hours) goes with its number
            unit = (u := vocabulary.unit_of_key(key)) and _unit(u)
            if unit and isinstance(value, (int, float)) and not isinstance(value, bool):
                measures.add((round(float(value), 2), unit))
    problems, facts = [], []
    for m in MONEY.finditer(answer):
        value = round(float((m.group(1) or m.group(2)).replace(",", "")), 2)
        if value not in allowed:
            problems.append(f"price {m.group(0).strip()} is not in the catalog")
    for m in NUMBER_UNIT.finditer(answer):
        if (round(float(m.group(1)), 2), _unit(m.group(2))) not in measures:
            problems.append(f"{m.group(0).strip()} is not in the evidence")
    # a bare number ("the flow rate is 25", "a 44 degree beam") the evidence does not hold; a
    # single digit may be a count the evidence spells out ("two colours"), and an answer about
    # several products may state their difference ("300 more lumens")
    for x in sorted(_numbers(CITE.sub("", answer)) - allowed - _numbers(question)) if len(products) < 2 else ():
        if x >= 10 or x != int(x):
            problems.append(f"{x:g} is not in the evidence")
    for m in lexicon.pattern("policy_claim").finditer(answer):
        if m.group(0).lower() not in evidence_text.lower():
            problems.append(f"'{m.group(0)}' is not in the evidence")
    for term in unsupported_terms(answer, evidence_text, products, question):
        problems.append(f"'{term}' is not in the evidence")
    if len(products) == 1:
        p = products[0]
        if p.in_stock is True and OUT_OF_STOCK.search(answer):
            problems.append("says out of stock, catalog says in stock")
        elif p.in_stock is False and IN_STOCK.search(answer) and not OUT_OF_STOCK.search(answer):
            problems.append("says in stock, catalog says out of stock")
    if problems:
        for p in products[:3]:
            if p.price is not None or p.in_stock is not None:  # "price not listed" corrects nothing
                facts.append(f"{p.name}: {p.price_text()}, {p.stock_text()}")
    return Check(not problems, problems, facts)


_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+/-]*[A-Za-z0-9+]|[A-Za-z]")
_COMPACT = re.compile(r"[\s._/-]+")


def unsupported_terms(answer: str, evidence: str, products: list[Product], question: str = "") -> list[str]:
    """Specific terms of the answer that neither the evidence, the question nor the products'
    records hold: a name, standard, place or codec (a capitalised word past a sentence's first, an
    acronym) or a code mixing letters and digits (IP67, aptX, 5.3). A small model fills these in
    from its own knowledge; the shopper must not read them as the shop's word."""
    known = " ".join([evidence, question, *(record_text(p) for p in products)]).lower()
    compact = _COMPACT.sub("", known)
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n", CITE.sub("", answer)):
        for i, m in enumerate(_TOKEN.finditer(sentence)):
            token = m.group(0).rstrip(".")
            mixed = any(ch.isdigit() for ch in token) and any(ch.isalpha() for ch in token)
            capital = any(ch.isupper() for ch in token) and (i > 0 or token.isupper() and len(token) > 1)
            if not (mixed or capital) or token == "I":
                continue
            if token.lower() in known or _COMPACT.sub("", token.lower()) in compact:
                continue
            out.append(token)
    return list(dict.fromkeys(out))
