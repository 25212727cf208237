"""Answer a question about one product's listed attribute straight from its catalog record.

"Is it waterproof?", "How heavy is it?", "Does it come in blue?", "What's the battery life?":
the record holds the answer, so no model has to read it (small models misread such facts), and
the answer can never disagree with the catalog. Questions about what reviewers say go elsewhere.
"""
from __future__ import annotations

import re

from chatbot.data.chunking import format_value
from chatbot import measures, vocabulary
from chatbot.answer import lexicon
from chatbot.text import STOPWORDS, lemma, sentences, stem, words
from chatbot.types import Product

_IN_BRACKETS = re.compile(r"\s*[(\[]\s*([^()\[\]]{1,12}?)\s*[)\]]\s*$")  # "Weight (kg)", "Capacity [L]"


def _display(key: str, value) -> str:
    text = format_value(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if unit := vocabulary.unit_of_key(key):  # weight_g, "Weight (kg)", wattage
            return f"{text} {measures.unit_shown(unit)}"
        if m := _IN_BRACKETS.search(key):  # a unit the lexicon does not know, as the key writes it
            return f"{text} {m.group(1)}"
    return text


def _name(key: str, value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        key = _IN_BRACKETS.sub("", key)  # "Weight (kg)": the weight, its unit shown with the value
        parts = re.split(r"[_\s]+", key.strip())
        if len(parts) > 1 and parts[-1].lower() in vocabulary.unit_words():  # "weight_g" is the weight
            key = " ".join(parts[:-1])  # ("made_in" is no length in inches: its value is no number)
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
    said += [part for w in said if "-" in w for part in w.split("-") if part]  # "hot-swappable": hot_swappable
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


def _head_key(text: str, p: Product) -> list[tuple[int, int, str]]:
    """"What sizes ...?" asks `size_range`, "what switches ...?" `switch type`: a two-word key
    with a text value whose first word is the word after "what", when no other key has that word."""
    m = re.match(r"\W*(?:what|which)\s+(\w+)", text)
    if not m or m.group(1) in words(p.category or ""):  # "which knife ...?" names the product's kind
        return []
    forms = {lemma(m.group(1)), stem(m.group(1))}  # the word the question asks after "what": "sizes"
    heads = {}
    for key, value in p.attributes.items():
        parts = [w for w in vocabulary.key_words(key) if w not in vocabulary.unit_words()]
        first = re.split(r"[_\s]+", key.lower())[0]
        if lemma(first) in forms or stem(first) in forms:
            heads.setdefault(first, []).append((key, value, len(parts)))
    found = [ks[0] for ks in heads.values() if len(ks) == 1 and ks[0][2] == 2 and isinstance(ks[0][1], (str, list))]
    return [(1, len(key), key) for key, _, _ in found[:1]]


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
              if (score := _key_score(key, text)) is not None] or _head_key(text, p)
    for _, _, key in sorted(scored, reverse=True)[:1]:  # the key the question names most fully
        if not key_covers(question, p, key) and (record_line(question, p) or _unheard(question, p, key)):
            # a line of the record names all that is asked ("It carries children up to 20 kg."), or
            # the question asks what the record never mentions ("is its coating FDA approved?")
            return None
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
    if not scored and lexicon.search("quantity_question", question) and not lexicon.search("yes_no_question", question) \
            and (found := measured(text, p)):
        name, shown = found
        return f"{p.name} 的 {name}：{shown} [1]。" if lang == "zh" else f"The {p.name}'s {name} is {shown} [1]."
    return None


def measured(text: str, p: Product) -> tuple[str, str] | None:
    """"How many watts does it put out?", "How loud is it?": the one measure the record states in
    the unit the question names, or in the one kind of unit its measure word asks ("loud": dB;
    "long", a length or a time, asks none), as (what it measures, as the record shows it). A
    unit after a number is part of a name ("the 24 cm pan"); a length is left to the keys that name
    it: a record states several (height, width, diameter) and its text does not say which is which."""
    units, kinds = vocabulary.unit_words(), lexicon.lists("quantity_units")
    said = re.findall(r"(\d\s*)?\b([a-z]+)", text)
    asked = [units[w] for number, w in said if w in units and not number and len(w) > 1 and w not in STOPWORDS]
    asked += [u for _, w in said if len({vocabulary.base_unit(u) for u in kinds.get(w, [])}) == 1 for u in kinds[w][:1]]
    for unit in dict.fromkeys(u for u in asked if vocabulary.base_unit(u) != "m"):
        if found := measures.measure_in(p, unit):
            return found[1], found[2]
    return None


def _asked(question: str, p: Product) -> list[str]:
    """The words a question about `p` asks about: its name, filler, review words and a material
    question's "made of" aside."""
    name = set(words(" ".join(x for x in (p.title, p.brand, p.category) if x)))  # "the Splash boots": its kind
    skip = set(words(" ".join(lexicon.words("filler_words") + lexicon.words("experience_words"))))
    if lexicon.search("material_question", question):  # "The handle is olive wood." says what it is made of
        skip |= set(words(lexicon.pattern("material_question").search(question).group(0)))
    skip -= set(lexicon.lists("quantity_units"))  # "how long": a measure asked, not a review's "long term"
    return [w for w in dict.fromkeys(words(question)) if w not in name and w not in skip and not w.isdigit()]


def _says(have: frozenset[str], word: str) -> bool:
    """Whether a text's terms hold an asked word, or the word it stands for ("long": length)."""
    means = lexicon.mapping("dimension_keys").get(word)
    return vocabulary.holds(have, word) or bool(means and vocabulary.holds(have, means))


def _unheard(question: str, p: Product, key: str) -> bool:
    """Whether the question asks a standard or a code ("FDA", "UL94"), or a yes or no on a word,
    that neither the key nor anything in the record holds: the key's value would answer another question."""
    codes = {w.lower() for w in re.findall(r"\b[A-Z]{2,}[0-9]*\b|\b[A-Za-z]+[0-9][A-Za-z0-9]*\b", question)}
    # a yes or no on a plain word ("made from recycled rubber?"; not "fit my Lumio 7?", nor "one-step")
    plain = {w for w in re.findall(r"[A-Za-z][A-Za-z-]*", question) if w.islower()} \
        if lexicon.search("yes_no_question", question) else set()
    have, numbers = vocabulary.terms_of(key.replace("_", " ")), lexicon.mapping("number_words")
    asked = [part for w in _asked(question, p) if w in plain or w in codes for part in w.split("-") if part and part not in numbers]
    return any(not _says(have, w) and not vocabulary.holds(vocabulary.product_terms(p), w) for w in asked)


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
