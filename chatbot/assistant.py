"""`ShopAssistant`: the one object a shop backend, the CLI, the UI and the eval script talk to.

It holds the resources (settings, the shop's store and records, the model, the log, the
recommender) and the conversations; a message becomes a `Turn` that runs through the stages of
`chatbot/answer/pipeline.py`:

    screen -> route -> request -> direct -> retrieve -> pack -> generate -> check
"""
from __future__ import annotations

import threading
import time
import uuid
from functools import cached_property
from typing import Iterator

from chatbot import inbound, injection
from chatbot.answer import pipeline
from chatbot.answer.settings import AnswerSettings
from chatbot.answer.pack import dont_know
from chatbot.answer.turn import Session, Turn
from chatbot.config import Settings
from chatbot.data.shop import Shop
from chatbot.sessions import SessionStore
from chatbot.types import Event, Product, Recommendation, Reply


class ShopAssistant:
    """Open on a home folder or settings; `llm`, `embedder` and `log` take a name or an instance."""

    def __init__(self, settings: Settings | None = None, *, home=None, llm=None, embedder=None,
                 log=None, chroma_client=None, answer_settings: AnswerSettings | None = None,
                 tools: dict | None = None):
        settings = settings or Settings()
        if home is not None:
            settings = settings.with_(home=home)
        self.settings = settings
        self.shop = Shop(settings, embedder=embedder, chroma_client=chroma_client)
        self._llm = llm
        self._log = log
        self.answer_settings = answer_settings or AnswerSettings()
        self.tools = dict(tools or {})  # shop tools: name -> fn(user_id=..., **arguments) -> dict
        self._sessions = SessionStore(self._new_session, ttl=settings.session_ttl, max_sessions=settings.max_sessions)
        self._lock = threading.Lock()
        self._products: dict[str, Product] | None = None

    # ------------------------------------------------------------------ parts, opened lazily
    @property
    def llm(self):
        with self._lock:
            if self._llm is None or isinstance(self._llm, str):
                from chatbot.models.llm import load_llm

                self._llm = load_llm(self._llm or self.settings.llm, self.settings)
            return self._llm

    @cached_property
    def log(self):
        if self._log is not None:
            return self._log
        from chatbot.loop.log import open_log

        return open_log(self.settings)

    @property
    def products(self) -> dict[str, Product]:
        with self._lock:
            if self._products is None:
                self._products = {p.id: p for p in self.shop.db.products()}
            return self._products

    @cached_property
    def recommender(self):
        from chatbot.loop.recommend import Recommender

        return Recommender(self.products, self.log, sentiment=self.shop.sentiment_by_product())

    def ingest(self, folder, **kw):
        result = self.shop.ingest(folder, **kw)
        with self._lock:
            self._products = None
        self.__dict__.pop("recommender", None)
        return result

    # ------------------------------------------------------------------ public API
    def ask(self, message: str, session_id: str | None = None, user_id: str | None = None,
            product_id: str | None = None) -> Reply:
        for item in self.stream(message, session_id=session_id, user_id=user_id, product_id=product_id):
            if isinstance(item, Reply):
                return item
        raise RuntimeError("stream ended without a reply")  # pragma: no cover

    def stream(self, message: str, session_id: str | None = None, user_id: str | None = None,
               product_id: str | None = None) -> Iterator[str | Reply]:
        """Yield text pieces as they are generated, then the final `Reply`. The Reply's `answer`
        is authoritative: the honesty checks may correct what was streamed."""
        started = time.perf_counter()
        session_id = session_id or uuid.uuid4().hex
        text = inbound.clean(message)  # no control characters, surrogates or bidi overrides
        message = inbound.kept(text)  # what the history and the log keep: bounded
        with self._sessions.hold(session_id) as state:  # one turn at a time per session; others run concurrently
            turn = None
            if key := inbound.unreadable(text):  # at once: a 100 kB paste held the embedder for minutes
                reply = inbound.fixed_reply(key, text, started)
                yield reply.answer
            else:
                turn = Turn(text.strip(), state, self, self.answer_settings, user_id, product_id, started)
                yield from pipeline.run(turn)
                reply = turn.reply
                # a leaked prompt, a foreign link, code or price (not a reply from the shop's own tools)
                if not reply.tool_calls and injection.unsafe(reply.answer, self.products, reply.hits):
                    dont_know(turn)
            reply.timings["total_s"] = round(time.perf_counter() - started, 4)
            reply.timings.setdefault("ttft_s", reply.timings["total_s"])
            state.history.append((message, reply.answer))
            about = reply.focus or [c.product_id for c in reply.citations] + [r.product_id for r in reply.recommendations]
            if about:  # one of those discussed ("the cheaper one") comes first; the others stay for "the other one"
                kept = state.products if set(about) <= set(state.products) else []
                state.products = list(dict.fromkeys([*about, *kept]))[:3]
                if not kept:  # in the order they were named: "the first one"
                    named = [pid for pid in (turn.named if turn else []) if pid in state.products]
                    state.discussed = list(dict.fromkeys([*named, *state.products]))
            try:
                self.log.log_turn(session_id, user_id, message, reply, product_id=product_id)
            except Exception as exc:  # a broken log must not lose the shopper's answer
                reply.flags.append("log_error")
                import warnings

                warnings.warn(f"interaction log write failed: {exc}")
        yield reply

    def recommend(self, user_id: str | None, k: int = 5, context: str | None = None,
                  constraints: dict | None = None) -> list[Recommendation]:
        return self.recommender.recommend(user_id, k=k, context=context, constraints=constraints)

    def log_event(self, user_id: str, product_id: str, action: str, ts: str | None = None, **extra) -> int:
        event = Event(user_id=user_id, product_id=product_id, action=action, ts=ts,
                      session_id=extra.pop("session_id", None), value=extra.pop("value", None), extra=extra)
        return self.log.log_event(event)

    def feedback(self, turn_id: int, value: int, comment: str | None = None, user_id: str | None = None) -> int:
        return self.log.log_feedback(turn_id, value, comment=comment, user_id=user_id)

    def summary(self, product_id: str):
        from analytics.store import product_summary

        return product_summary(self.shop.db, product_id)

    # ------------------------------------------------------------------ conversations
    def session(self, session_id: str):
        """`with bot.session(id) as state:` the conversation's state, held (no turn runs meanwhile)."""
        return self._sessions.hold(session_id)

    def _new_session(self, session_id: str) -> Session:
        # A new, expired or evicted conversation, or one another process held: rebuild it from the log.
        state = Session()
        try:
            state.history = list(self.log.history(session_id, limit=6))
        except Exception:
            state.history = []
        for earlier, _ in state.history:
            named = self.shop.retriever.mentioned_products(earlier)
            if named:
                state.products = state.discussed = named
        return state
