"""Stage 5: the evidence. On a product page, that page's chunks; for several products in focus,
theirs, each one's card first; else the whole catalog."""
from __future__ import annotations

import time

from chatbot.answer.turn import Turn
from chatbot.types import Hit


def run(turn: Turn) -> None:
    t0 = time.perf_counter()
    turn.hits = evidence(turn)
    turn.reply.timings["retrieve_s"] = round(time.perf_counter() - t0, 4)


def evidence(turn: Turn) -> list[Hit]:
    retriever, focus, query, k = turn.bot.shop.retriever, turn.focus, turn.reply.query, turn.settings.evidence_k
    if len(focus) == 1:
        hits = (retriever.page(query, focus[0], k) if turn.settings.small_pages_by_words
                else retriever.search(query, k=k, product_id=focus[0]))
    elif focus:
        hits = retriever.search(query, k=k + 2, product_ids=focus)
    else:
        hits = retriever.search(query, k=k)
    # Comparing products: each one's card goes in first, so the model sees every product's
    # price and specs rather than guessing. (One product's card competes like any chunk;
    # its listed facts are answered from the record before we get here.)
    have = {h.chunk.id for h in hits}
    wanted = [f"{pid}:card" for pid in focus] if len(focus) > 1 else []
    cards = [c for c in turn.bot.shop.store.get(wanted) if c.id not in have]
    hits = [Hit(c, 1.0) for c in cards] + hits
    return hits[: k + len(cards)]
