"""Stage 1: what must not reach the model. Declines (prompt extraction, discounts, off-topic) and
hand-offs (a human asked for, an order, an upset shopper) get a fixed reply."""
from __future__ import annotations

from chatbot.answer import guard
from chatbot.answer.turn import Turn


def run(turn: Turn) -> None:
    verdict = guard.screen(turn.text)
    if verdict.action == "answer":
        return
    if verdict.message_key == "handoff_order" and turn.bot.tools:
        turn.deferred = verdict  # the shop's own tools may answer it (tools.py); else the hand-off
        return
    apply(turn, verdict)


def apply(turn: Turn, verdict: guard.Verdict) -> None:
    reply = turn.reply
    reply.handoff = verdict.action == "handoff"
    reply.handoff_reason = verdict.reason if reply.handoff else None
    turn.finish(turn.fixed(verdict.message_key),
                refused=verdict.action == "decline" or verdict.message_key == "handoff_order")
