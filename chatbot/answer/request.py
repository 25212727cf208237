"""Stage 3: a shopping request ("a waterproof running shoe under $120 in wide"), or a follow-up
that refines one ("and in blue?"), answered with the products that meet every constraint."""
from __future__ import annotations

from chatbot import constraints as cons
from chatbot.answer import lexicon
from chatbot.answer.turn import Turn
from chatbot.types import Citation


def run(turn: Turn) -> None:
    state, wanted = turn.session, turn.wanted
    # On a product page, "I'm looking for a solid wood set, is this one?" asks about that product.
    about_page = bool(turn.product_id) and lexicon.search("this_product", turn.text)
    refines = turn.followup and state.constraints is not None and not wanted.is_empty()
    if not (turn.asks_recs and not wanted.is_empty() and len(turn.named) < 2 and not about_page or refines):
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
    if not recs:
        nearest = ""
        loose = cons.Constraints(category=wanted.category)
        alt = bot.recommend(turn.user_id, k=1, constraints=loose.to_dict()) if wanted.category else []
        if alt:
            p = turn.products[alt[0].product_id]
            nearest = " " + turn.fixed("recommend_nearest", title=p.name, price=p.price_text(), stock=p.stock_text())
        reply.answer = turn.fixed("recommend_none", wanted=wanted.describe(), nearest=nearest)
        reply.refused = True
    else:
        lines = [turn.fixed("recommend_intro", count=len(recs), wanted=wanted.describe())]
        for n, r in enumerate(recs, 1):
            p = turn.products[r.product_id]
            reason = r.reason or "matches your request"
            rating = f", {p.rating:.1f}★ ({p.review_count} reviews)" if p.rating is not None and "★" not in reason else ""
            lines.append(turn.fixed("recommend_item", n=n, title=p.name, price=p.price_text(),
                                    stock=p.stock_text(), rating=rating, reason=reason))
            reply.citations.append(Citation(p.id, [f"{p.id}:card"], p.name, ""))
        reply.recommendations = recs
        reply.answer = "\n".join(lines)
    reply.query = f"{turn.text} {wanted.to_dict()}"
    turn.finish()
