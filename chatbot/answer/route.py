"""Stage 2: which products the question is about, and whether it continues the conversation.

"and is it waterproof?" names nothing: it is about the product discussed before, and its query
for retrieval becomes "and is it waterproof? (<that product>)"."""
from __future__ import annotations

from chatbot import constraints as cons
from chatbot.answer import lexicon
from chatbot.answer.turn import Turn


def run(turn: Turn) -> None:
    text, state = turn.text, turn.session
    turn.named = turn.bot.shop.retriever.mentioned_products(text)
    turn.asks_recs = cons.is_recommendation_request(text)
    query = lexicon.search("catalog_query", text)  # "which air fryers ...?", "do you have a ... in XL?"
    # Constraints matter to a recommendation request, a question about the catalog or a follow-up;
    # parsing them against the whole catalog is skipped for a first question on a product's facts.
    if turn.asks_recs or state.history or query:
        turn.wanted = cons.parse(text, list(turn.products.values()))
        # a question about the catalog stating two things its products must be or have is a
        # request ("which air fryers hold at least 5 liters?"); one ("what does the air fryer
        # weigh?") is a question about a product
        w = turn.wanted
        if query and not turn.named and not turn.product_id \
                and bool(w.category) + len(w.attributes) + len(w.bounds) >= 2:
            turn.asks_recs = True
        if turn.asks_recs and turn.wanted.category is None and turn.lang != "en":
            # The lexicon's words did not name a category: find it by meaning (the multilingual
            # embedder reads a Chinese request against the English catalog)
            if category := category_by_meaning(turn):
                turn.wanted = cons.parse(text, list(turn.products.values()), category=category)
    # A message that names no product and no category continues the conversation's topic.
    turn.followup = bool(state.history) and not turn.named and bool(
        lexicon.search("followup", text) or (turn.wanted.category is None and not turn.asks_recs)
    )
    if turn.product_id and turn.product_id in turn.products:
        turn.focus = [turn.product_id]
    elif turn.named:
        turn.focus = turn.named
    elif turn.followup and state.products:
        turn.focus = state.products[:1]
    turn.reply.focus = turn.focus
    if turn.followup and turn.focus:  # "and is it waterproof?" -> about the product discussed before
        turn.reply.query = f"{text} ({turn.products[turn.focus[0]].name})"


def category_by_meaning(turn: Turn, k: int = 5) -> str | None:
    """The category most of the whole-catalog search's best products share (3 of 5), if any."""
    hits = turn.bot.shop.retriever.search(turn.text, k=k)
    categories = [turn.products[h.product_id].category for h in hits if h.product_id in turn.products]
    if not categories:
        return None
    best = max(set(categories), key=categories.count)
    return best if best and categories.count(best) * 5 >= 3 * k else None
