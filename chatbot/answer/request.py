"""Stage 3: a shopping request ("a waterproof running shoe under $120 in wide"), or a follow-up
that refines one ("and in blue?"), answered with the products that meet every constraint."""
from __future__ import annotations

from dataclasses import replace

from chatbot import constraints as cons
from chatbot import measures, vocabulary
from chatbot.answer import lexicon
from chatbot.answer.turn import Turn
from chatbot.text import lemma, words
from chatbot.types import Citation, Recommendation


def run(turn: Turn) -> None:
    state, wanted = turn.session, turn.wanted
    if turn.named and not turn.asks_recs:  # "tell me about the X": from the list to one product, whose
        state.constraints = None  # questions ("what's the cover made of?") refine no request
    # On a product page, "I'm looking for a solid wood set, is this one?" asks about that product.
    about_page = bool(turn.product_id) and lexicon.search("this_product", turn.text)
    refines = turn.followup and state.constraints is not None and not wanted.is_empty() \
        and not (wanted.only_features() and lexicon.search("this_product", turn.text))  # "does it have a timer?"
    if not turn.named and not turn.product_id and not turn.followup and (ranks := superlatives(turn.text)) \
            and (wanted.category or wanted.attributes or any(unit == "price" for unit, _, _ in ranks)) \
            and _best(turn, wanted, ranks):  # "which headphones have the longest battery life?"
        return
    if not (turn.asks_recs and not wanted.is_empty() and len(turn.named) < 2 and not about_page or refines):
        return
    if turn.product_id and wanted.only_features():  # a question on a product page, in catalog words
        return
    if turn.followup and state.constraints is not None:
        wanted = state.constraints.merged(wanted)
    state.constraints = wanted
    _recommend(turn, wanted)


def _recommend(turn: Turn, wanted: cons.Constraints) -> None:
    bot, reply = turn.bot, turn.reply
    recs = []
    if wanted.in_stock is None:  # unless asked otherwise, offer what can be bought now
        recs = bot.recommend(turn.user_id, k=3, constraints={**wanted.to_dict(), "in_stock": True})
    recs = recs or bot.recommend(turn.user_id, k=3, constraints=wanted.to_dict())
    unheld = [] if recs else unheld_words(turn, wanted)
    if unheld:  # words no product meeting the rest holds ("for hot weather"): say so, offer the rest
        wanted = replace(wanted, features=[t for t in wanted.features if t not in unheld])
        if wanted.in_stock is None:
            recs = bot.recommend(turn.user_id, k=3, constraints={**wanted.to_dict(), "in_stock": True})
        recs = recs or bot.recommend(turn.user_id, k=3, constraints=wanted.to_dict())
    if not recs:
        nearest = ""
        unmet = [part for part in split(wanted) if not any(cons.satisfies(p, part) for p in turn.products.values()
                                                          if not wanted.category or p.category == wanted.category)]
        alt = closest(turn, wanted)
        if alt:
            met = ", ".join(reasons(alt, wanted)) or "-"
            nearest = " " + turn.fixed("recommend_nearest", title=alt.name, price=alt.price_text(),
                                       stock=alt.stock_text(), met=met)
        if unmet:
            nearest = " " + turn.fixed("recommend_unmet", unmet="; ".join(u.describe() for u in unmet)) + nearest
        reply.answer = turn.fixed("recommend_none", wanted=wanted.describe(), nearest=nearest)
        reply.refused = True
    else:
        lines = [turn.fixed("recommend_relaxed", words=", ".join(unheld), count=len(recs), wanted=wanted.describe())
                 if unheld else turn.fixed("recommend_intro", count=len(recs), wanted=wanted.describe())]
        for n, r in enumerate(recs, 1):
            p = turn.products[r.product_id]
            reason = ", ".join(reasons(p, wanted)) or r.reason or "matches your request"
            rating = f", {p.rating:.1f}★ ({p.review_count} reviews)" if p.rating is not None and "★" not in reason else ""
            lines.append(turn.fixed("recommend_item", n=n, title=p.name, price=p.price_text(),
                                    stock=p.stock_text(), rating=rating, reason=reason))
            reply.citations.append(Citation(p.id, [f"{p.id}:card"], p.name, ""))
        reply.recommendations = recs
        reply.answer = "\n".join(lines)
    reply.query = f"{turn.text} {wanted.to_dict()}"
    turn.finish()


def superlatives(text: str) -> list[tuple[str, str, bool]]:
    """What a superlative in the text ranks by: (unit, or price / rating / reviews; the phrase;
    whether the least wins), longest phrase first ("longest battery life" before "longest")."""
    least = lexicon.lists("superlative_least")
    found = [(unit, phrase, phrase in least.get(unit, [])) for unit, phrase in lexicon.said("superlatives", text)]
    return sorted(found, key=lambda f: -len(f[1]))


def _measure(turn: Turn, p, unit: str) -> tuple[float, str, str] | None:
    """(value, its name, as shown) of what a superlative ranks by, from the product's record."""
    if unit == "price":
        return (p.price, turn.fixed("measure_price"), p.price_text()) if p.price is not None else None
    if unit == "rating":
        return (p.rating, turn.fixed("measure_rating"), f"{p.rating:.1f}★ ({p.review_count})") if p.rating is not None else None
    if unit == "reviews":
        return (p.review_count, turn.fixed("measure_reviews"), str(p.review_count)) if p.review_count else None
    return measures.measure_in(p, unit)


def _best(turn: Turn, wanted: cons.Constraints, ranks: list[tuple[str, str, bool]]) -> bool:
    """The products meeting the rest of the request, ranked by the measure the superlative names
    (the first of `ranks` that at least one of them states), each with its value and card."""
    said = {lemma(w) for _, phrase, _ in ranks for w in words(phrase)}
    wanted = replace(wanted, features=[f for f in wanted.features if not set(f.split()) <= said])  # "long battery"
    pool = [p for p in turn.products.values() if cons.satisfies(p, wanted)]
    for unit, _, least in ranks:
        valued = [(p, m) for p in pool if (m := _measure(turn, p, unit)) is not None]
        if valued:
            break
    else:
        return False
    valued.sort(key=lambda pm: pm[1][0], reverse=not least)
    name = valued[0][1][1]
    lines = [turn.fixed("best_intro", name=name, least=least, count=len(pool), wanted=wanted.describe())]
    for n, (p, (_, _, shown)) in enumerate(valued[:3], 1):
        lines.append(turn.fixed("best_item", n=n, title=p.name, name=name, value=shown,
                                price="" if unit == "price" else p.price_text(), stock=p.stock_text()))
        turn.reply.citations.append(Citation(p.id, [f"{p.id}:card"], p.name, f"{name}: {shown}"))
    if len(valued) < len(pool):
        lines.append(turn.fixed("best_unstated", count=len(pool) - len(valued), name=name))
    turn.reply.recommendations = [Recommendation(p.id, p.name, p.price, p.in_stock, p.rating, reason=f"{name}: {shown}")
                                  for p, (_, _, shown) in valued[:3]]
    turn.reply.answer = "\n".join(lines)
    turn.finish()
    return True


def unheld_words(turn: Turn, wanted: cons.Constraints) -> list[str]:
    """The request's free words ("hot", "weather") that no product meeting all its other
    constraints holds: nothing the catalog says can check them."""
    pool = [p for p in turn.products.values() if cons.satisfies(p, replace(wanted, features=[]))]
    return [t for t in wanted.features if pool and not any(vocabulary.has_feature(p, t) for p in pool)]


def split(wanted: cons.Constraints) -> list[cons.Constraints]:
    """Each constraint of a request on its own (the category kept with each), to name the one
    no product meets."""
    parts = [cons.Constraints(category=wanted.category, attributes={k: v}) for k, v in wanted.attributes.items()]
    parts += [cons.Constraints(category=wanted.category, bounds={k: v}) for k, v in wanted.bounds.items()]
    parts += [cons.Constraints(category=wanted.category, features=[t]) for t in wanted.features]
    parts += [cons.Constraints(category=wanted.category, excluded=[t]) for t in wanted.excluded]
    if wanted.price_min is not None or wanted.price_max is not None:
        parts.append(cons.Constraints(category=wanted.category, price_min=wanted.price_min, price_max=wanted.price_max))
    return parts


def closest(turn: Turn, wanted: cons.Constraints):
    """The product of the category meeting most of the request's constraints (ties: rating)."""
    parts = split(wanted)
    pool = [p for p in turn.products.values() if not wanted.category or p.category == wanted.category]
    if not pool or not parts:
        return None
    return max(pool, key=lambda p: (sum(cons.satisfies(p, part) for part in parts), p.in_stock is True, p.rating or 0))


def reasons(p, wanted: cons.Constraints) -> list[str]:
    """What of the request this product meets, each with the record's own words."""
    from chatbot.answer.check import deciding_quote

    out = []
    for part in split(wanted):
        if part.price_min is not None or part.price_max is not None or not cons.satisfies(p, part):
            continue
        if part.features:
            lines = [*p.features, p.description]
            out.append(f"{part.features[0]} (\u201c{deciding_quote(part.features[0], lines, 80)}\u201d)")
        else:
            out.append(replace(part, category=None).describe())
    return out
