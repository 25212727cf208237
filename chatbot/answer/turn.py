"""One shopper message on its way to a reply: the `Turn` every stage reads and fills.

A stage is a function of the Turn (`pipeline.STAGES`). It reads what earlier stages found and
either adds to it (focus products, a parsed request, evidence, a draft) or completes the reply
(`turn.done`). Resources (the catalog, the retriever, the model) come from `turn.bot`, the
`ShopAssistant` that owns them.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Protocol

from chatbot import constraints as cons
from chatbot.answer.settings import AnswerSettings
from chatbot.prompting import message
from chatbot.text import detect_lang
from chatbot.types import Hit, Product, Reply


class Resources(Protocol):
    """What the stages use of the front that owns them (`ShopAssistant`)."""

    products: dict[str, Product]  # the catalog's records by id
    shop: Any  # chatbot.data.shop.Shop: retriever, store, db
    llm: Any  # an LLMBackend
    tools: dict  # the shop backend's functions, by name
    def recommend(self, user_id: str | None, k: int = 5, context: str | None = None,
                  constraints: dict | None = None) -> list: ...


@dataclass
class Session:
    """What a conversation carries from one turn to the next."""

    history: list[tuple[str, str]] = field(default_factory=list)
    products: list[str] = field(default_factory=list)  # the products the conversation is about, its topic first
    discussed: list[str] = field(default_factory=list)  # the same, in the order they came up
    constraints: cons.Constraints | None = None  # the last recommendation request


@dataclass
class Turn:
    text: str  # the shopper's message, stripped
    session: Session
    bot: Resources
    settings: AnswerSettings
    user_id: str | None = None
    product_id: str | None = None  # the product page the shopper is on
    started: float = field(default_factory=time.perf_counter)
    reply: Reply = None  # type: ignore[assignment]
    # found by the stages, in order
    named: list[str] = field(default_factory=list)  # products the message names
    unknown: tuple[str, list[str]] | None = None  # a product name it asks about that the shop lacks, and near titles
    asks_recs: bool = False
    wanted: cons.Constraints = field(default_factory=cons.Constraints)
    followup: bool = False  # continues the conversation's topic
    focus: list[str] = field(default_factory=list)  # products the question is about
    hits: list[Hit] = field(default_factory=list)  # retrieved evidence, then what the pack showed
    evidence: list[dict[str, Any]] = field(default_factory=list)  # the numbered pack
    draft: str = ""  # the model's tidied answer
    streamed: bool = False  # the model's text went to the shopper as it came
    deferred: Any = None  # a hand-off the screen left to the shop's tools (a guard.Verdict)
    done: bool = False

    def __post_init__(self):
        if self.reply is None:
            self.reply = Reply(answer="", lang=detect_lang(self.text), query=self.text)

    @property
    def lang(self) -> str:
        return self.reply.lang

    @property
    def products(self) -> dict[str, Product]:
        return self.bot.products

    def names(self) -> set[str]:
        """The names and brands of the products in focus and in the evidence: what the answer
        will name ("Birch & Co. Heritage Chef's Knife")."""
        ids = {*self.focus, *(h.product_id for h in self.hits)}
        return {x for pid in ids if (p := self.products.get(pid)) for x in (p.name, p.title, p.brand) if x}

    def fixed(self, key: str, **values) -> str:
        """A fixed reply from prompts/messages.yaml in the shopper's language."""
        return message(key, self.lang, **values)

    def finish(self, answer: str | None = None, *, refused: bool | None = None) -> None:
        """Complete the reply: no later stage runs."""
        if answer is not None:
            self.reply.answer = answer
        if refused is not None:
            self.reply.refused = refused
        self.done = True

    def elapsed(self) -> float:
        return round(time.perf_counter() - self.started, 4)
