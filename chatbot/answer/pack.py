"""Stage 6: the evidence pack. Each hit becomes one quoted, labelled line ("[2] review: ..."):
data for the model to read, never instructions. A line holds the few words around the
question's own (a card: the facts asked about first). With nothing close enough in the whole
catalog, the reply is "I don't know" before any model runs."""
from __future__ import annotations

import re

from chatbot.answer import guard
from chatbot.answer.turn import Turn
from chatbot.data.chunking import card_for
from chatbot.text import clip, stem, terms, words

KIND_LABEL = {"card": "listing", "description": "description", "qa": "shopper's answer",
              "review": "review"}  # how the pack names each kind of chunk (short: each is in every prompt)
_NAME_PREFIX = re.compile(r"^(Review of [^:]{1,80}:|Product \w{1,40}\.)\s*")
_ANSWER_MARK = re.compile(r"^A:\s*")  # a Q&A chunk with no question (only then: "Q: … A: …" keeps both)


def run(turn: Turn) -> None:
    settings, hits = turn.settings, turn.hits
    evidence, shown_hits = [], []
    several = len({h.product_id for h in hits}) > 1
    asked = set(terms(turn.reply.query))
    relevance = lambda fact: len(asked & set(terms(fact)))  # noqa: E731
    for h in hits:
        p = turn.products.get(h.product_id)
        label = KIND_LABEL.get(h.chunk.kind, h.chunk.kind)
        if several:  # one product's page needs no names; a comparison does
            label += f" of {p.name if p else h.product_id}"
        budget = settings.budget(h.chunk.kind)
        chunk = card_for(p, relevance, budget) if h.chunk.kind == "card" and p and settings.card_by_question else h.chunk.text
        if not several and not settings.name_prefix:
            chunk = _NAME_PREFIX.sub("", chunk)
        if h.chunk.kind == "qa":  # the label says it is an answer
            chunk = _ANSWER_MARK.sub("", chunk)
        if chunk.strip():  # an untitled product's card is only its name prefix: nothing to show
            shown_hits.append(h)
            evidence.append({"n": len(shown_hits), "label": label,
                             "text": evidence_text(chunk, budget, asked, settings.focus_window)})
    turn.hits = turn.reply.hits = shown_hits
    turn.evidence = evidence
    if not shown_hits or (not turn.focus and max(h.score for h in shown_hits) < settings.min_score):
        dont_know(turn)


def dont_know(turn: Turn) -> None:
    turn.finish(turn.fixed("dont_know", offer=turn.fixed("offer_human")), refused=True)


def evidence_text(text: str, budget: int, asked: set[str] | None = None, focus_window: bool = True) -> str:
    """What of a chunk goes into the prompt: `budget` words, runs of dots collapsed, on one line.
    With `asked` (the question's stemmed words) and `focus_window`, the window of `budget` words
    holding most of them; else the first words."""
    text = guard.inch_marks(text)  # 33" would become 33' (feet) in the quoted line
    text = " ".join(re.sub(r"\s*(\.{3,}|…+)\s*", "… ", text).split())  # one line: the pack is a line an item
    parts = text.split()
    if asked and focus_window and len(parts) > budget:
        hit = [int(stem((words(p) or [""])[0]) in asked) for p in parts]
        sums = [sum(hit[:budget])]
        for i in range(1, len(parts) - budget + 1):
            sums.append(sums[-1] - hit[i - 1] + hit[i + budget - 1])
        start = sums.index(max(sums))  # ties: the earliest window
        if start:
            return "… " + clip(" ".join(parts[start:]), budget)
    return clip(text, budget)
