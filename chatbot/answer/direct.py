"""Stage 4: answers the catalog record or the review counts hold, stated without the model (a
small model misreads such facts, and the record cannot disagree with itself): price and stock,
a listed attribute, what reviewers say, which of two products is cheaper."""
from __future__ import annotations

import re

from chatbot import measures, vocabulary
from chatbot.answer import facts, lexicon, opinions
from chatbot.answer.turn import Turn
from chatbot.data.chunking import card_text
from chatbot.text import clip, lemmas
from chatbot.types import Citation, Product


# A line quoted as the answer is a spec line, not a paragraph. Calibrated on hetpqa-toys train
# (scratch script): lines of up to 25 words holding every word a what/how question asks answered
# it in most cases read, 48 of 1,530 questions; the same question on another product's page fired 5 times.
QUOTED_WORDS = 25


def run(turn: Turn) -> None:
    text, focus, lang = turn.text, turn.focus, turn.lang
    one = turn.products[focus[0]] if len(focus) == 1 else None
    if turn.unknown:  # a product the shop does not hold: nothing another product's evidence says is about it
        name, near = turn.unknown
        titles = [turn.products[pid].name for pid in near if pid in turn.products]
        then = turn.fixed("did_you_mean", titles=" / ".join(titles)) if titles else turn.fixed("describe_need")
        turn.finish(turn.fixed("unknown_product", name=name, then=then), refused=True)
    elif one and lexicon.search("restock_question", text):  # a catalog holds stock, never a date
        _from_card(turn, one, turn.fixed("restock_unknown", title=one.name, stock=one.stock_text(),
                                         offer=turn.fixed("offer_human")))
        turn.reply.refused = True
    elif one and ((lexicon.search("price_question", text) and one.price is not None)
                or (lexicon.search("stock_question", text) and one.in_stock is not None)) \
            and not lexicon.search("other_fact_question", text):
        _from_card(turn, one, turn.fixed("price_fact", title=one.name, price=one.price_text(), stock=one.stock_text()))
    elif one and (said := opinions.answer(text, one, turn.bot.shop.db.connect(), lang)):
        answer, citation = said
        turn.reply.citations = [citation]
        turn.finish(answer)
    elif one and not lexicon.search("compare_question", text) and (fact := facts.answer(text, one, lang)):
        # ("which is lighter, A or B?" with one of them found is no question about A's weight)
        _from_card(turn, one, fact)
    elif one and not lexicon.search("yes_no_question", text) and not lexicon.search("reviewish", text) \
            and (line := facts.record_line(text, one)) and len(line.split()) <= QUOTED_WORDS \
            and (re.search(r"\d", line) or not lexicon.search("quantity_question", text)):
        # "how long is the blade?" where only the description says "The blade is 23 cm long.";
        # "what is the handle made of?": "The handle is olive wood."
        _from_card(turn, one, turn.fixed("quoted", source=turn.fixed("source_card"), quote=line, n=1))
    elif len(focus) >= 2 and lexicon.search("compare_price", text):
        _compare_price(turn, [turn.products[pid] for pid in focus])
    elif len(focus) == 2:
        _compare_attribute(turn, [turn.products[pid] for pid in focus])
        if not turn.done:
            _compare_named_key(turn, [turn.products[pid] for pid in focus])


def _compare_named_key(turn: Turn, items: list[Product]) -> None:
    """"Which has the longer warranty, A or B?": the one numeric attribute of each record whose key
    the question names ("warranty_years", "Warranty (years)"), in one unit, the direction from the
    question's comparative (lexicon compare_direction: more or less wins)."""
    asked = set(lemmas(turn.text))
    direction = next((d for d, _ in lexicon.said("compare_direction", turn.text)), None)
    if direction is None:
        return
    keyed = {p.id: [k for k in vocabulary.numbers(p) if vocabulary.key_words(k) & asked] for p in items}
    if any(len(ks) > 1 for ks in keyed.values()) or not any(keyed.values()):
        return
    # what the keys that exist name ("warranty"): a record without such a key may state it in
    # its text ("10-year warranty")
    named = {w for p in items for k in keyed[p.id] for w in vocabulary.key_words(k) & asked}
    found, units = [], set()
    for p in items:
        if keyed[p.id]:
            _, value_unit, key_unit = vocabulary.numbers(p)[keyed[p.id][0]]
            units.add(vocabulary.base_unit(value_unit or key_unit or ""))
            found.append(measures.keyed_value(p, keyed[p.id][0]))
        elif stated := measures.stated_about(p, named):
            units.add(vocabulary.base_unit(stated[3]))
            found.append(stated[:3])
        else:
            return
    if len(units) > 1:
        return  # "10 years" against "24 months" would need a conversion the records do not give
    _settle(turn, items, found, direction == "more", lambda win, lose, name, wshown, lshown: turn.fixed(
        "compare_key", win=win.name, name=name, direction=direction, lose=lose.name, win_value=wshown, lose_value=lshown))


def _settle(turn: Turn, items: list[Product], found: list, most_wins: bool, differ) -> None:
    """Answers a comparison from each record's (value in one unit, name, as shown): the two side
    by side, the winner first, or that they state the same; `differ(win, lose, name, win_shown,
    lose_shown)` words a difference."""
    ranked = sorted(zip(items, found), key=lambda pf: pf[1][0], reverse=most_wins)
    (win, (wv, name, wshown)), (lose, (lv, _, lshown)) = ranked[0], ranked[1]
    answer = turn.fixed("compare_same", a=win.name, b=lose.name, name=name, value=wshown) if wv == lv \
        else differ(win, lose, name, wshown, lshown)
    turn.reply.citations = [Citation(p.id, [f"{p.id}:card"], p.name, f"{n}: {shown}") for p, (_, n, shown) in ranked]
    turn.reply.focus = [p.id for p, _ in ranked]  # the one that wins is "it" in the next question
    turn.finish(answer)


def _compare_attribute(turn: Turn, items: list[Product]) -> None:
    """"Which is lighter, A or B?": both records side by side on the measure the comparative names
    through its unit (lighter: a mass, brighter: lumens), wherever each record states it (its own
    key, a value with a unit, a line of its text), in one unit."""
    for unit, word in lexicon.said("compare_units", turn.text):
        found = [measures.measure_in(p, unit, lexicon.lists("compare_about").get(word)) for p in items]
        if any(f is None for f in found) or len({f[1].lower() for f in found}) > 1 \
                and any(len(measures.measures_of(p, unit)) > 1 for p in items):
            continue  # names differ and a record states two: a rider's limit is no scooter's weight
        smaller = word in lexicon.lists("compare_smaller").get(unit, [])
        # "is lighter" reads; "is more area", "is weighs less" do not: a phrase says which has more or less
        key = "compare_attribute" if not word.isascii() or (" " not in word and word.endswith("er")) \
            else "compare_attribute_less" if smaller else "compare_attribute_more"
        _settle(turn, items, found, not smaller,
                lambda win, lose, name, wshown, lshown: turn.fixed(key, win=win.name, word=word, lose=lose.name, name=name,
                                                                  win_value=wshown, lose_value=lshown))
        return


def _from_card(turn: Turn, p: Product, answer: str) -> None:
    """A reply stated from the product's catalog record, cited as its card."""
    turn.reply.citations = [Citation(p.id, [f"{p.id}:card"], p.name, clip(card_text(p), 40))]
    turn.finish(answer)


def _compare_price(turn: Turn, items: list[Product]) -> None:
    priced = sorted((p for p in items if p.price is not None), key=lambda p: p.price)
    if len(priced) < 2:  # the records cannot settle it: the evidence and the model may
        return
    cheap, dear = priced[0], priced[-1]
    turn.reply.citations = [Citation(p.id, [f"{p.id}:card"], p.name, f"Price: {p.price_text()}") for p in (cheap, dear)]
    turn.reply.focus = [cheap.id, dear.id]
    turn.finish(turn.fixed("compare_price", cheap=cheap.name, cheap_price=cheap.price_text(),
                           dear=dear.name, dear_price=dear.price_text()))
