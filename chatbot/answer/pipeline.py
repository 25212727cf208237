"""The answer path, in order. Each stage is a function of the `Turn` in a module of its own; the
first one that completes the reply ends the turn.

    screen    decline / hand off before anything else       screen.py
    tools     order status, cart: the shop's own functions   tools.py
    route     follow-up? which products are in focus?        route.py
    request   a shopping request -> products meeting it      request.py
    direct    answers the catalog record or review counts hold  direct.py
    retrieve  evidence from the store                        retrieve.py
    pack      a short numbered pack, labelled as data        pack.py
    generate  the model, streamed and tidied                 generate.py
    check     every number against the evidence, citations   check.py
"""
from __future__ import annotations

from typing import Iterator

from chatbot.answer import check, direct, generate, pack, request, retrieve, route, screen, tools
from chatbot.answer.turn import Turn

STAGES = (screen.run, tools.run, route.run, request.run, direct.run, retrieve.run, pack.run, generate.run, check.run)


def run(turn: Turn) -> Iterator[str]:
    """Yield what the shopper sees as it is ready; `turn.reply` holds the final reply."""
    for stage in STAGES:
        pieces = stage(turn)
        if pieces is not None:  # only generation streams
            yield from pieces
        if turn.done:
            break
    # A reply no model streamed (a fixed text, a record's fact, or only an echo of the pack)
    # reaches the shopper whole, and that is its first token.
    turn.reply.timings.setdefault("ttft_s", turn.elapsed())
    if not turn.streamed:
        yield turn.reply.answer
