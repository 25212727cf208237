"""Answer a question about one product's listed attribute straight from its catalog record.

"Is it waterproof?", "How heavy is it?", "Does it come in blue?", "What's the battery life?":
the record holds the answer, so no model has to read it (small models misread such facts), and
the answer can never disagree with the catalog. Questions about what reviewers say go elsewhere.
"""
from __future__ import annotations

import re

from chatbot.data.chunking import format_value
from chatbot import vocabulary
from chatbot.answer import lexicon
from chatbot.text import STOPWORDS, lemma, sentences, stem, words
from chatbot.types import Product

UNITS = {"_g": "g", "_kg": "kg", "_mm": "mm", "_cm": "cm", "_hours": "hours", "_l": "L", "_in": "in", "_mah": "mAh",
         "_w": "W", "_m": "m"}
_IN_BRACKETS = re.compile(r"\s*[(\[]\s*([^()\[\]]{1,12}?)\s*[)\]]\s*$")  # "Weight (kg)", "Capacity [L]"


def _display(key: str, value) -> str:
    text = format_value(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        for suffix, unit in UNITS.items():
            if key.endswith(suffix):
                return f"{text} {unit}"
        if m := _IN_BRACKETS.search(key):
            return f"{text} {m.group(1)}"
        if key == "wattage":
            return f"{text} W"
    return text


def _name(key: str, value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        key = _IN_BRACKETS.sub("", key)  # "Weight (kg)": the weight, its unit shown with the value
        for suffix in UNITS:  # "weight_g" is the weight; "made_in" is no length in inches
            if key.endswith(suffix):
                key = key[: -len(suffix)]
    return key.replace("_", " ")


def _mentions(text: str, phrase: str) -> bool:
    if re.search(r"[\u4e00-\u9fff]", phrase):
        return phrase in text
    return re.search(rf"\b{re.escape(phrase)}\b", text) is not None


def _key_score(key: str, text: str) -> int | None:
    """How fully the question names attribute `key`: every word of the key (its unit left out)
    must be in it, as itself or its dictionary form (2) or through a word for it ("long" for
    length, "made" for material, "maximum" for max: 1). None when a word is missing. The
    lexicon's words for a key count as naming it whole."""
    parts = [w for w in re.split(r"[_\s,/]+", _IN_BRACKETS.sub("", key).lower()) if w and w not in STOPWORDS
             and w not in vocabulary.unit_words()]  # "Max torque (Nm)": max, torque
    names = [key.replace("_", " ")] + lexicon.lists("attribute_words").get(key, [])
    if any(_mentions(text, n) for n in names if n):
        return 2 * len(parts) or None
    if _other_preposition(key, re.findall(r"[a-z]+", text.lower())):
        return None
    said = words(text)
    forms = {lemma(w) for w in said} | {stem(w) for w in said}
    means = lexicon.mapping("dimension_keys")
    score = 0
    for part in parts:
        if lemma(part) in forms or stem(part) in forms:
            score += 2
        elif any(means.get(w) == part or len(part) > 2 and w.startswith(part) or len(w) > 4 and part.startswith(w)
                 for w in said):
            score += 1
        else:
            return None
    return score or None


def _other_preposition(key: str, said: list[str]) -> bool:
    """Whether the question puts another preposition after a word the key binds to one: "made
    of" does not ask `made_in`."""
    parts, preps = key.lower().split("_"), set(lexicon.words("prepositions"))
    for word, prep in zip(parts, parts[1:]):
        if prep in preps and word not in preps:
            if any(lemma(a) == lemma(word) and b in preps and b != prep for a, b in zip(said, said[1:])):
                return True
    return False


def answer(question: str, p: Product, lang: str = "en") -> str | None:
    """A one-sentence answer citing the product card as [1], or None when the question is not
    about a listed attribute."""
    if lexicon.search("reviewish", question) or not p.attributes:
        return None
    # The product's own name says nothing about what is asked ("... Dark Roast Coffee taste like?").
    text = question.lower().replace(p.title.lower(), " ") if p.title else question.lower()
    for word, catalog_word in {**lexicon.mapping("translations"), **lexicon.mapping("color_translations")}.items():
        if word in question:
            text += f" {catalog_word}"
    asked_colors = {c for c in lexicon.words("color_words") if _mentions(text, c)}
    if asked_colors and isinstance(p.attributes.get("colors"), list):
        have = {c.lower() for c in p.attributes["colors"]}
        listed = format_value(p.attributes["colors"])
        hit = sorted(asked_colors & have)
        if lang == "zh":
            return (f"有的，{p.name} 有{'、'.join(hit)}可选 [1]。" if hit else f"没有，{p.name} 只有这些颜色：{listed} [1]。")
        return (f"Yes, the {p.name} comes in {', '.join(hit)} [1]." if hit
                else f"No, the {p.name} comes in {listed} [1].")
    units = vocabulary.unit_words()
    said_units = {units[w] for w in re.findall(r"[a-z]+", text) if w in units and w not in STOPWORDS}  # "in mAh"
    scored = [(score + (vocabulary.unit_of_key(key) in said_units), len(key), key) for key in p.attributes
              if (score := _key_score(key, text)) is not None]
    for _, _, key in sorted(scored, reverse=True)[:1]:  # the key the question names most fully
        if not key_covers(question, p, key) and record_line(question, p):
            return None  # a line of the record names all that is asked ("It carries children up to 20 kg.")
        value = p.attributes[key]
        name = _name(key, value)
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):  # marketplace exports
            value = value.strip().lower() == "true"
        if isinstance(value, bool) and name.endswith((" required", " included")):
            noun, verb = name.rsplit(" ", 1)  # "batteries required" -> "needs batteries"
            if lang == "zh":
                return f"{p.name} {'需要' if value else '不需要'}{noun} [1]。" if verb == "required" else \
                    f"{p.name} {'附带' if value else '不附带'}{noun} [1]。"
            if verb == "required":
                return f"{'Yes' if value else 'No'}, the {p.name} {'needs' if value else 'does not need'} {noun} [1]."
            return f"{'Yes' if value else 'No'}, {noun} {'are' if value else 'are not'} included with the {p.name} [1]."
        if isinstance(value, bool):
            if lang != "zh" and not lexicon.search("yes_no_question", question):
                return None  # "what's the longest time I can set?" is not answered by "has timer: yes"
            if lang == "zh":
                return f"{'是的' if value else '不是'}，{p.name} {'是' if value else '不是'} {name} [1]。"
            return f"{'Yes' if value else 'No'}, the {p.name} is {'' if value else 'not '}{name} [1]."
        shown = _display(key, value)
        if lang == "zh":
            return f"{p.name} 的 {name}：{shown} [1]。"
        if name.rsplit(" ", 1)[-1] in lexicon.words("prepositions"):  # "made in": "is made in Portugal"
            return f"The {p.name} is {name} {shown} [1]."
        return f"The {p.name}'s {name} is {shown} [1]."
    return None


def _asked(question: str, p: Product) -> list[str]:
    """The words a question about `p` asks about: its name, filler, review words and a material
    question's "made of" aside."""
    name = set(words(" ".join(x for x in (p.title, p.brand) if x)))
    skip = set(words(" ".join(lexicon.words("filler_words") + lexicon.words("experience_words"))))
    if lexicon.search("material_question", question):  # "The handle is olive wood." says what it is made of
        skip |= set(words(lexicon.pattern("material_question").search(question).group(0)))
    skip -= set(lexicon.lists("quantity_units"))  # "how long": a measure asked, not a review's "long term"
    return [w for w in dict.fromkeys(words(question)) if w not in name and w not in skip and not w.isdigit()]


def _says(have: frozenset[str], word: str) -> bool:
    """Whether a text's terms hold an asked word, or the word it stands for ("long": length)."""
    means = lexicon.mapping("dimension_keys").get(word)
    return vocabulary.holds(have, word) or bool(means and vocabulary.holds(have, means))


def key_covers(question: str, p: Product, key: str) -> bool:
    """Whether the attribute `key` names everything the question asks ("what's the maximum child
    weight?" is not answered by `weight_g`, which leaves "maximum child" out)."""
    have, units = vocabulary.terms_of(key.replace("_", " ")), lexicon.lists("quantity_units")
    return all(_says(have, w) or w in units for w in _asked(question, p))


def record_line(question: str, p: Product) -> str | None:
    """The one sentence of the product's title, description or features that holds every word
    the question asks about (its name and filler aside; "long" may be said "length", "weigh" as
    "weighs"): "How long is the blade?" -> "The blade is 23 cm long." Specs a catalog states only
    in prose are quoted from it instead of left to a small model to misread. None when no line,
    or several saying different things, holds them all."""
    asked = _asked(question, p)
    if not asked:
        return None
    # "how hot", "how loud": a line with a measure in that unit ("Oven safe to 300 °C") says it;
    # the kinds of unit in the lexicon's order ("how long": a length before a time)
    kinds = list(dict.fromkeys(vocabulary.base_unit(u) for w in asked for u in lexicon.lists("quantity_units").get(w, [])))
    asked = [w for w in asked if w not in lexicon.lists("quantity_units")]
    lines = [line for text in [p.description or "", *p.features] for line in sentences(text)]
    lines += [p.title] if kinds else []  # "Rubber Hose 25 m": how long it is
    held = [line for line in lines if all(_says(vocabulary.terms_of(line), w) for w in asked)]
    if not kinds:
        return held[0] if len(held) == 1 else None
    for kind in kinds:
        found = [(line, sorted(x for u, xs in vocabulary.measures_in(line).items() if vocabulary.base_unit(u) == kind for x in xs))
                 for line in held]
        found = [(line, said) for line, said in found if said]
        # lines stating the same measure say one thing ("Hose 25 m", "It is 25 m long.")
        if found and len({tuple(said) for _, said in found}) == 1:
            return found[0][0]
        if found:
            return None
    return None
