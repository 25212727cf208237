"""`ShopAssistant`: the one object a shop backend, the CLI, the UI and the eval script talk to.

ask / stream a shopper's message:
  screen (decline / hand off) -> resolve follow-ups from the session -> recommendation request?
  -> price/stock fact? -> retrieve -> numbered evidence pack -> LLM -> honesty checks -> log.
"""
from __future__ import annotations

import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator

from chatbot import constraints as cons
from chatbot.answer import facts, guard, opinions
from chatbot.data.catalog import detect_lang
from chatbot.data.chunking import card_for
from chatbot import inbound, injection
from chatbot.config import Settings
from chatbot.prompting import message, render
from chatbot.data.search import stem, terms, words
from chatbot.data.shop import Shop
from chatbot.sessions import SessionStore
from chatbot.types import Citation, Event, Hit, Product, Recommendation, Reply

# Short evidence packs: prefill dominates time to first token on CPU. Chosen on hetpqa dev
# questions 40-160 and checked on 160-280 (bench/README.md): 3 items, each the 20 words around the
# question's own (a card: up to 90 words, the facts asked about first); one kept sentence.
EVIDENCE_K = 3
MAX_NEW_TOKENS = 80
# '"\n[': the model copied an evidence line whole and starts on the next; what it copied is enough
STOPS = ["\nQuestion:", "\nEvidence:", "\n\n\n", '"\n[']
SENTENCES = 1  # of the model's answer kept: small models ramble on after the answer
ENDS = ".!?。！？"  # what ends a sentence, in English and Chinese
SENTENCE_END = re.compile(f"[{ENDS}]")
EVIDENCE_WORDS = {"card": 90}  # words of a chunk shown to the model; others get 20
CARD_BY_QUESTION = True  # a card shows the facts the question names first
SMALL_PAGES_BY_WORDS = True  # a page of at most EVIDENCE_K chunks is ordered by words (Retriever.page)
FOCUS_WINDOW = True  # a long chunk shows the words around the question's, not only its first
NAME_PREFIX = False  # on one product's page, chunks drop "Review of <product>:" and "Product <id>."
_NAME_PREFIX = re.compile(r"^(Review of [^:]{1,80}:|Product \w{1,40}\.)\s*")
_SOURCE = r"(information|evidence|data|reviews?|context|(product )?listing|(product )?description|shopper'?s answer|answers? from a shopper)"
# "In the quoted evidence, ...": the rules call the pack "the quoted evidence", and the model says so
BOILERPLATE = re.compile(rf"^((based on|according to|in) (the )?(quoted )?{_SOURCE}( provided)?( in the (quoted )?{_SOURCE})?,?"
                         rf"|(the )?(quoted )?{_SOURCE}( provided)? (states|says|mentions|shows|indicates) that)\s*", re.I)
KIND_LABEL = {"card": "listing", "description": "description", "qa": "shopper's answer",
              "review": "review"}  # how the evidence pack names each kind of chunk (short: each is in every prompt)
EVIDENCE_LABEL = re.compile(rf"^\s*\[(\d{{1,2}})\]\s*({'|'.join(KIND_LABEL.values())})\b[^\n]{{0,80}}$", re.I | re.M)
CITE_MARK = re.compile(r"\[\d{1,2}\]")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
# A whole evidence line copied out ('[2] review: "it glows for hours."'): the model is quoting item 2
_ITEM_HEAD = rf'\s*\[(\d{{1,2}})\]\s*(?:{"|".join(KIND_LABEL.values())})(?: of [^:\n]{{1,80}})?:\s*"'
ITEM_OPEN = re.compile(_ITEM_HEAD, re.I)
QUOTED_ITEM = re.compile(rf'^{_ITEM_HEAD}([^"\n]*?)([.!?]?)"?\s*$', re.I | re.M)
DATA_TAG = re.compile(r'<data n="(\d{1,2})"[^>\n]*>|</?data\b[^>\n]*>|\[/?data[>\]]')  # echoed delimiters
_ANSWER_MARK = re.compile(r"^A:\s*")  # a Q&A chunk with no question (only then: "Q: … A: …" keeps both)
_CHUNK_PREFIX = re.compile(r"^(A:|Q:.*?A:|Review of [^:]{1,80}:)\s*", re.S)
MIN_SCORE = 0.82  # below this cosine+lexical score the catalog has nothing on the question
FOLLOWUP = re.compile(
    r"^\s*(and|also|what about|how about|does it|do they|is it|are they|can it|will it|it|its|they|this|that|"
    r"those|these|same|cheaper|which one|那|它|这款|这个|那个|还有|有没有)\b|\b(it|its|they|them|this one|that one)\b|它|这款",
    re.I,
)
THIS_PRODUCT = re.compile(r"\b(this|this one|it|these|they)\b\s*[?.!]?\s*$|\b(is|are|does|do|will|can) (this|it|these|they)\b", re.I)
PRICE_Q = re.compile(r"\b(how much (is|are|does|do|for)|price|cost|costs)\b|多少钱|价格|售价", re.I)
STOCK_Q = re.compile(r"\b(in stock|available|availability|sold out)\b|有货|库存|现货", re.I)
COMPARE_PRICE = re.compile(r"\b(cheaper|less expensive|more expensive|pricier|costs? (more|less)|price difference)\b|更便宜|更贵|便宜", re.I)
OTHER_Q = re.compile(r"\b(weigh|weight|size|long|battery|last|wide|fit|colou?r|ship|shipping|deliver\w*|warranty|return\w*)\b|运费|保修|退货", re.I)


@dataclass
class _Session:
    history: list[tuple[str, str]] = field(default_factory=list)
    products: list[str] = field(default_factory=list)  # the products the conversation is about
    constraints: cons.Constraints | None = None  # the last recommendation request


class ShopAssistant:
    """Open on a home folder or settings; `llm`, `embedder` and `log` take a name or an instance."""

    def __init__(self, settings: Settings | None = None, *, home=None, llm=None, embedder=None,
                 log=None, chroma_client=None):
        settings = settings or Settings()
        if home is not None:
            settings = settings.with_(home=home)
        self.settings = settings
        self.shop = Shop(settings, embedder=embedder, chroma_client=chroma_client)
        self._llm = llm
        self._log = log
        self._sessions = SessionStore(self._session, ttl=settings.session_ttl, max_sessions=settings.max_sessions)
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

        return Recommender(self.products, self.log, sentiment=self._sentiment_by_product())

    def _sentiment_by_product(self) -> dict[str, float]:
        try:
            from analytics.store import product_sentiment
        except ImportError:
            return {}
        try:
            return product_sentiment(self.shop.db.connect())
        except Exception:  # analytics not computed yet: rank without it
            return {}

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
            if key := inbound.unreadable(text):  # at once: a 100 kB paste held the embedder for minutes
                reply = inbound.fixed_reply(key, text, started)
                yield reply.answer
            else:
                reply = yield from self._turn(text.strip(), state, user_id, product_id, started)
                if injection.unsafe(reply.answer, self.products, reply.hits):  # a leaked prompt, foreign link, code, price
                    self._dont_know(reply)
            reply.timings["total_s"] = round(time.perf_counter() - started, 4)
            reply.timings.setdefault("ttft_s", reply.timings["total_s"])
            state.history.append((message, reply.answer))
            about = reply.focus or [c.product_id for c in reply.citations] + [r.product_id for r in reply.recommendations]
            if about:
                state.products = list(dict.fromkeys(about))[:3]
            try:
                self.log.log_turn(session_id, user_id, message, reply, product_id=product_id)
            except Exception as exc:  # a broken log must not lose the shopper's answer
                reply.timings["log_error"] = 1.0
                import warnings

                warnings.warn(f"interaction log write failed: {exc}")
        yield reply

    def recommend(self, user_id: str | None, k: int = 5, context: str | None = None,
                  constraints: dict | None = None) -> list[Recommendation]:
        recs = self.recommender.recommend(user_id, k=k, context=context, constraints=constraints)
        if constraints:
            c = cons.Constraints(**{key: constraints[key] for key in constraints if key in cons.Constraints.__dataclass_fields__})
            recs = [r for r in recs if cons.satisfies(self.products[r.product_id], c)]
        return recs

    def log_event(self, user_id: str, product_id: str, action: str, ts: str | None = None, **extra) -> int:
        event = Event(user_id=user_id, product_id=product_id, action=action, ts=ts,
                      session_id=extra.pop("session_id", None), value=extra.pop("value", None), extra=extra)
        return self.log.log_event(event)

    def feedback(self, turn_id: int, value: int, comment: str | None = None, user_id: str | None = None) -> int:
        return self.log.log_feedback(turn_id, value, comment=comment, user_id=user_id)

    def summary(self, product_id: str):
        from analytics.store import product_summary

        return product_summary(self.shop.db, product_id)

    # ------------------------------------------------------------------ one turn
    def _session(self, session_id: str) -> _Session:
        # A new, expired or evicted conversation, or one another process held: rebuild it from the log.
        state = _Session()
        try:
            state.history = list(self.log.history(session_id, limit=6))
        except Exception:
            state.history = []
        for earlier, _ in state.history:
            named = self.shop.retriever.mentioned_products(earlier)
            if named:
                state.products = named
        return state

    def _fixed(self, key: str, lang: str, **values) -> str:
        return message(key, lang, **values)

    def _turn(self, text: str, state: _Session, user_id, product_id, started) -> Iterator[str]:
        lang = detect_lang(text)
        reply = Reply(answer="", lang=lang, query=text)
        verdict = guard.screen(text)
        if verdict.action != "answer":
            reply.answer = self._fixed(verdict.message_key, lang)
            reply.refused = verdict.action == "decline" or verdict.message_key == "handoff_order"
            reply.handoff = verdict.action == "handoff"
            reply.handoff_reason = verdict.reason if reply.handoff else None
            reply.timings["ttft_s"] = round(time.perf_counter() - started, 4)
            yield reply.answer
            return reply

        named = self.shop.retriever.mentioned_products(text)
        asks_recs = cons.is_recommendation_request(text)
        # Constraints matter to a recommendation request or a conversation's follow-up; parsing
        # them against the whole catalog is skipped for a first question on a product's facts.
        wanted = cons.parse(text, list(self.products.values())) if asks_recs or state.history else cons.Constraints()
        # A message that names no product and no category continues the conversation's topic.
        followup = bool(state.history) and not named and bool(
            FOLLOWUP.search(text) or (wanted.category is None and not asks_recs)
        )
        if product_id and product_id in self.products:
            focus = [product_id]
        elif named:
            focus = named
        elif followup and state.products:
            focus = state.products[:1]
        else:
            focus = []
        reply.focus = focus

        # Recommendation requests, and follow-ups that refine one ("and in blue?"). On a product
        # page, "I'm looking for a solid wood set, is this one?" asks about that product.
        about_page = bool(product_id) and bool(THIS_PRODUCT.search(text))
        if asks_recs and not wanted.is_empty() and len(named) < 2 and not about_page or (
            followup and state.constraints is not None and not wanted.is_empty()
        ):
            if followup and state.constraints is not None:
                wanted = state.constraints.merged(wanted)
            state.constraints = wanted
            return (yield from self._recommend(text, wanted, reply, user_id, started))

        if followup and focus:  # "and is it waterproof?" -> about the product discussed before
            reply.query = f"{text} ({self.products[focus[0]].name})"
        known = self.products[focus[0]] if len(focus) == 1 else None
        if known and ((PRICE_Q.search(text) and known.price is not None) or (STOCK_Q.search(text) and known.in_stock is not None)) \
                and not OTHER_Q.search(text):
            return (yield from self._price_fact(self.products[focus[0]], reply, started))
        if len(focus) == 1 and (said := opinions.answer(text, self.products[focus[0]], self.shop.db.connect(), lang)):
            return (yield from self._from_reviews(self.products[focus[0]], *said, reply, started))
        if len(focus) == 1 and (fact := facts.answer(text, self.products[focus[0]], lang)):
            return (yield from self._from_card(self.products[focus[0]], fact, reply, started))
        if len(focus) >= 2 and COMPARE_PRICE.search(text):
            return (yield from self._compare_price([self.products[pid] for pid in focus], reply, started))
        return (yield from self._rag(text, focus, state, reply, started, followup))

    def _recommend(self, text, wanted: cons.Constraints, reply: Reply, user_id, started) -> Iterator[str]:
        recs = []
        if wanted.in_stock is None:  # unless asked otherwise, offer what can be bought now
            recs = self.recommend(user_id, k=3, constraints={**wanted.to_dict(), "in_stock": True})
        recs = recs or self.recommend(user_id, k=3, constraints=wanted.to_dict())
        lang = reply.lang
        if not recs:
            nearest = ""
            loose = cons.Constraints(category=wanted.category)
            alt = self.recommend(user_id, k=1, constraints=loose.to_dict()) if wanted.category else []
            if alt:
                p = self.products[alt[0].product_id]
                nearest = (f" The closest I have is {p.name} ({p.price_text()}, {p.stock_text()})." if lang == "en"
                           else f" 最接近的是 {p.name}（{p.price_text()}，{p.stock_text()}）。")
            reply.answer = self._fixed("recommend_none", lang, wanted=wanted.describe(), nearest=nearest)
            reply.refused = True
        else:
            lines = [self._fixed("recommend_intro", lang, count=len(recs), wanted=wanted.describe())]
            for n, r in enumerate(recs, 1):
                p = self.products[r.product_id]
                reason = r.reason or "matches your request"
                rating = f", {p.rating:.1f}★ ({p.review_count} reviews)" if p.rating is not None and "★" not in reason else ""
                lines.append(self._fixed("recommend_item", lang, n=n, title=p.name, price=p.price_text(),
                                         stock=p.stock_text(), rating=rating, reason=reason))
                reply.citations.append(Citation(p.id, [f"{p.id}:card"], p.name, ""))
            reply.recommendations = recs
            reply.answer = "\n".join(lines)
        reply.query = f"{text} {wanted.to_dict()}"
        reply.timings["ttft_s"] = round(time.perf_counter() - started, 4)
        yield reply.answer
        return reply

    def _price_fact(self, p: Product, reply: Reply, started) -> Iterator[str]:
        text = self._fixed("price_fact", reply.lang, title=p.name, price=p.price_text(), stock=p.stock_text())
        return (yield from self._from_card(p, text, reply, started))

    def _from_reviews(self, p: Product, text: str, citation: Citation, reply: Reply, started) -> Iterator[str]:
        """A reply stated from the counts of the product's analysed reviews."""
        reply.answer = text
        reply.citations = [citation]
        reply.timings["ttft_s"] = round(time.perf_counter() - started, 4)
        yield reply.answer
        return reply

    def _from_card(self, p: Product, text: str, reply: Reply, started) -> Iterator[str]:
        """A reply stated from the product's catalog record, cited as its card."""
        from chatbot.data.chunking import card_text

        reply.answer = text
        reply.citations = [Citation(p.id, [f"{p.id}:card"], p.name, _clip(card_text(p), 40))]
        reply.timings["ttft_s"] = round(time.perf_counter() - started, 4)
        yield reply.answer
        return reply

    def _compare_price(self, items: list[Product], reply: Reply, started) -> Iterator[str]:
        priced = sorted((p for p in items if p.price is not None), key=lambda p: p.price)
        if len(priced) < 2:
            return (yield from self._rag(reply.query, [p.id for p in items], _Session(), reply, started, False))
        cheap, dear = priced[0], priced[-1]
        reply.answer = self._fixed("compare_price", reply.lang, cheap=cheap.name, cheap_price=cheap.price_text(),
                                   dear=dear.name, dear_price=dear.price_text())
        reply.citations = [Citation(p.id, [f"{p.id}:card"], p.name, f"Price: {p.price_text()}") for p in (cheap, dear)]
        reply.timings["ttft_s"] = round(time.perf_counter() - started, 4)
        yield reply.answer
        return reply

    def _evidence(self, query: str, focus: list[str]) -> list[Hit]:
        retriever = self.shop.retriever
        t = time.perf_counter()
        if len(focus) == 1:
            hits = (retriever.page(query, focus[0], EVIDENCE_K) if SMALL_PAGES_BY_WORDS
                    else retriever.search(query, k=EVIDENCE_K, product_id=focus[0]))
        elif focus:
            hits = retriever.search(query, k=EVIDENCE_K + 2, product_ids=focus)
        else:
            hits = retriever.search(query, k=EVIDENCE_K)
        # Comparing products: each one's card goes in first, so the model sees every product's
        # price and specs rather than guessing. (One product's card competes like any chunk;
        # its listed facts are answered from the record before we get here.)
        have = {h.chunk.id for h in hits}
        wanted = [f"{pid}:card" for pid in focus] if len(focus) > 1 else []
        cards = [c for c in self.shop.store.get(wanted) if c.id not in have]
        hits = [Hit(c, 1.0) for c in cards] + hits
        self._last_retrieve_s = time.perf_counter() - t
        return hits[: EVIDENCE_K + len(cards)]

    def _rag(self, text, focus, state: _Session, reply: Reply, started, followup: bool) -> Iterator[str]:
        t0 = time.perf_counter()
        hits = self._evidence(reply.query, focus)
        reply.timings["retrieve_s"] = round(time.perf_counter() - t0, 4)
        evidence, shown_hits = [], []
        several = len({h.product_id for h in hits}) > 1
        asked = set(terms(reply.query))
        relevance = lambda fact: len(asked & set(terms(fact)))  # noqa: E731
        for h in hits:
            p = self.products.get(h.product_id)
            label = KIND_LABEL.get(h.chunk.kind, h.chunk.kind)
            if several:  # one product's page needs no names; a comparison does
                label += f" of {p.name if p else h.product_id}"
            budget = EVIDENCE_WORDS.get(h.chunk.kind, 20)
            chunk = card_for(p, relevance, budget) if h.chunk.kind == "card" and p and CARD_BY_QUESTION else h.chunk.text
            if not several and not NAME_PREFIX:
                chunk = _NAME_PREFIX.sub("", chunk)
            if h.chunk.kind == "qa":  # the label says it is an answer
                chunk = _ANSWER_MARK.sub("", chunk)
            if chunk.strip():  # an untitled product's card is only its name prefix: nothing to show
                shown_hits.append(h)
                evidence.append({"n": len(shown_hits), "label": label, "text": evidence_text(chunk, budget, asked)})
        hits = reply.hits = shown_hits
        if not hits or (not focus and max(h.score for h in hits) < MIN_SCORE):
            self._dont_know(reply)
            reply.timings["ttft_s"] = round(time.perf_counter() - started, 4)
            yield reply.answer
            return reply
        history = state.history[-1][0] if followup and state.history else ""
        messages = [
            {"role": "system", "content": render("answer_system.jinja", evidence=evidence)},
            {"role": "user", "content": render("answer_user.jinja", question=text, history=history, lang=reply.lang)},
        ]
        stats: dict = {}
        pieces = []
        llm = self.llm
        reply.model = getattr(llm, "name", type(llm).__name__)
        shown = _Shown()
        for piece in llm.stream(messages, max_new_tokens=MAX_NEW_TOKENS, stop=STOPS, stats=stats):
            pieces.append(piece)
            text = shown.push(piece)
            if text:
                reply.timings.setdefault("ttft_s", round(time.perf_counter() - started, 4))
                yield text
            if SENTENCE_END.search(piece) and _complete(_sentences("".join(pieces))):
                break  # _tidy keeps SENTENCES sentences: stop the model rather than wait for more
        if text := shown.flush():
            reply.timings.setdefault("ttft_s", round(time.perf_counter() - started, 4))
            yield text
        draft = _tidy("".join(pieces))
        reply.usage = {key: int(stats.get(key, 0)) for key in ("prompt_tokens", "cached_tokens", "output_tokens")}
        reply.timings["generate_s"] = round(float(stats.get("total_s", 0.0)), 4)
        self._finish(draft, hits, focus, reply)
        # Nothing streamed (the model only echoed the evidence): the final answer is the first text.
        reply.timings.setdefault("ttft_s", round(time.perf_counter() - started, 4))
        return reply

    def _finish(self, draft: str, hits: list[Hit], focus: list[str], reply: Reply) -> None:
        """Honesty checks: drop invented citations, correct or withdraw unverifiable facts."""
        lang = reply.lang
        if not draft or guard.says_dont_know(draft):
            if not self._closest(hits, reply):
                self._dont_know(reply)
            return
        valid = set(range(1, len(hits) + 1))
        cited = [n for n in guard.cited_numbers(draft) if n in valid]
        draft = re.sub(r"\[(\d{1,2})\]", lambda m: m.group(0) if int(m.group(1)) in valid else "", draft)
        if not cited:  # the model marked nothing: cite the evidence the answer shares most words with
            cited = [_source_of(draft, hits)]
        by_product: dict[str, Citation] = {}
        for n in dict.fromkeys(cited):
            h = hits[n - 1]
            p = self.products.get(h.product_id)
            c = by_product.setdefault(h.product_id, Citation(h.product_id, [], p.name if p else "", ""))
            c.chunk_ids.append(h.chunk.id)
        for c in by_product.values():  # small models misread evidence: show the line the answer rests on
            c.quote = deciding_quote(draft, [h.chunk.text for h in hits if h.chunk.id in c.chunk_ids])
        reply.citations = list(by_product.values())
        concerned = [self.products[c.product_id] for c in reply.citations if c.product_id in self.products]
        evidence = "\n".join(h.chunk.text for h in hits)
        check = guard.check_answer(draft, evidence, concerned, reply.query)
        if check.ok:
            reply.answer = draft
            return
        facts = "; ".join(check.facts)
        kept = [s for s in _sentences(draft) if words(CITE_MARK.sub("", s)) and guard.check_answer(s, evidence, concerned, reply.query).ok]
        reply.timings["corrected"] = 1.0
        if kept:
            reply.answer = " ".join(kept) + (" " + self._fixed("corrected", lang, facts=facts) if facts else "")
        elif not guard.MONEY.search(draft) and self._read_line(draft, hits, reply):
            pass  # a misread line: the shopper reads the line itself (a wrong price gets the facts)
        elif facts:  # nothing of the draft stands: the question is unanswered, say so
            reply.answer = self._fixed("withdrawn", lang, facts=facts)
            reply.refused = True
        elif not self._closest(hits, reply):
            self._dont_know(reply)

    def _read_line(self, draft: str, hits: list[Hit], reply: Reply) -> bool:
        """The draft was withdrawn, yet every specific number in it (15, 2.5: not a lone digit, nor
        one of a product's name) stands in one evidence line: the model read that line and added
        what it does not say, most often a unit ("15 x 15 inches" from "l: 15 x w: 15"). Relay
        the line itself."""
        numbers = {x for x in NUMBER.findall(CITE_MARK.sub("", draft)) if len(x) > 1}
        for name in self._names(hits):  # "3.5" of "Larder 3.5 L Slow Cooker" names it, says nothing
            numbers -= set(NUMBER.findall(name))
        for n, h in enumerate(hits, 1):
            line = deciding_quote(draft, [h.chunk.text])
            if numbers and numbers <= set(NUMBER.findall(line)) and self._relayable(line):
                self._relay(hits, n, line, "quoted", reply)
                return True
        return False

    def _names(self, hits: list[Hit]) -> set[str]:
        """The names of the products the hits are about."""
        return {self.products[pid].name for pid in {h.product_id for h in hits} if pid in self.products}

    @staticmethod
    def _relayable(line: str) -> bool:
        # never relay a planted instruction, nor a price the catalog does not set
        return guard.screen(line).action == "answer" and not guard.MONEY.search(line)

    def _dont_know(self, reply: Reply) -> None:
        reply.answer = self._fixed("dont_know", reply.lang, offer=self._fixed("offer_human", reply.lang))
        reply.refused = True

    def _closest(self, hits: list[Hit], reply: Reply) -> bool:
        """The model gave no answer we can stand behind, but an evidence line shares the question's
        own words (beyond the product's name): show that line, hedged and cited, so the shopper
        can judge it, instead of a bare "I don't know". False when no line is that close."""
        asked = set(terms(reply.query))
        for name in self._names(hits):
            asked -= set(terms(name))
        best = (min(2, len(asked)) - 1, None, "")  # share two of its words, or its only one
        for n, h in enumerate(hits[:3], 1):
            line = deciding_quote(reply.query, [h.chunk.text])
            if not self._relayable(line):
                continue
            overlap = len(asked & set(terms(line)))
            if overlap > best[0]:
                best = (overlap, n, line)
        overlap, n, line = best
        if n is None:
            return False
        # A line holding three or half of the words asked is on the question's topic: it is relayed
        # as the source's own words; so is a shopper's answer holding two (it was written to answer
        # a question about this very product). A looser one carries a hedge. Either way the
        # shopper reads the evidence, not our guess.
        kind = hits[n - 1].chunk.kind
        on_topic = overlap >= 3 or 2 * overlap >= len(asked) or (kind == "qa" and overlap >= 2)
        self._relay(hits, n, line, "quoted" if on_topic else "closest", reply)
        return True

    def _relay(self, hits: list[Hit], n: int, line: str, key: str, reply: Reply) -> None:
        """Answer with evidence item `n`'s `line`, cited ("quoted": as its source's words;
        "closest": hedged)."""
        h = hits[n - 1]
        p = self.products.get(h.product_id)
        source = message(f"source_{h.chunk.kind}" if h.chunk.kind in KIND_LABEL else "source_card", reply.lang)
        reply.answer = self._fixed(key, reply.lang, source=source, quote=line, n=n)
        reply.citations = [Citation(h.product_id, [h.chunk.id], p.name if p else "", line)]
        reply.timings["closest"] = 1.0


class _Shown:
    """What of the model's stream the shopper sees: a small model may start by echoing the
    evidence pack ("[2] shopper's answer" on its own line; with the older `<data>` pack,
    4 replies in 10 did, with the quoted one none of 240 did); such lines and tags are held back
    as they stream instead of flashing up until the final answer replaces them."""

    MAY_BE_LABEL = re.compile(r"\s*\[(\d{1,2}(\][^\n,.;:!?，。；：！？]{0,100}(:\s*)?)?)?")  # "[", "[2", "[2] answer fr", "[2] review: "
    TAG_TAIL = re.compile(r"(<|<d|<da|<dat|<data[^>\n]{0,40}|</|</d|</da|</dat|</data|\[d|\[da|\[dat|\[data)$")

    def __init__(self):
        self.held = ""  # the current line, while it may still turn out to be an echo
        self.started = False

    def push(self, piece: str) -> str:
        self.held += piece
        out = []
        while "\n" in self.held:
            line, self.held = self.held.split("\n", 1)
            line = ITEM_OPEN.sub("", line, count=1)
            if not EVIDENCE_LABEL.fullmatch(line):
                out.append(DATA_TAG.sub("", line) + "\n")
        if opener := ITEM_OPEN.match(self.held):  # a copied evidence line: its text may show, not its label
            self.held = self.held[opener.end():]
        if not self.MAY_BE_LABEL.fullmatch(self.held):
            tail = self.TAG_TAIL.search(self.held)
            cut = tail.start() if tail else len(self.held)
            out.append(DATA_TAG.sub("", self.held[:cut]))
            self.held = self.held[cut:]
        text = "".join(out)
        if not self.started:  # blank lines left where an echo was dropped go too
            text = text.lstrip()
            self.started = bool(text)
        return text

    def flush(self) -> str:
        line, self.held = self.held, ""
        if EVIDENCE_LABEL.fullmatch(line):
            return ""
        text = DATA_TAG.sub("", line).rstrip()
        return text if self.started else text.lstrip()


def _clip(text: str, words: int) -> str:
    parts = text.split()
    if len(parts) <= 1 and len(text) > words * 3:  # Chinese: no spaces
        return text[: words * 3] + "…"
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"


def evidence_text(text: str, budget: int, asked: set[str] | None = None) -> str:
    """What of a chunk goes into the prompt: `budget` words, runs of dots collapsed, on one line.
    With `asked` (the question's stemmed words, FOCUS_WINDOW on), the window of `budget` words
    holding most of them; else the first words."""
    text = guard.inch_marks(text)  # 33" would become 33' (feet) in the quoted line
    text = " ".join(re.sub(r"\s*(\.{3,}|…+)\s*", "… ", text).split())  # one line: the pack is a line an item
    parts = text.split()
    if asked and FOCUS_WINDOW and len(parts) > budget:
        hit = [int(stem((words(p) or [""])[0]) in asked) for p in parts]
        sums = [sum(hit[:budget])]
        for i in range(1, len(parts) - budget + 1):
            sums.append(sums[-1] - hit[i - 1] + hit[i + budget - 1])
        start = sums.index(max(sums))  # ties: the earliest window
        if start:
            return "… " + _clip(" ".join(parts[start:]), budget)
    return _clip(text, budget)


def _source_of(answer: str, hits: list[Hit]) -> int:
    """The number of the evidence item sharing most words with the answer (ties: the better ranked)."""
    said = set(words(answer))
    shared = [len(said & set(words(h.chunk.text))) for h in hits]
    return shared.index(max(shared)) + 1


def _complete(sentences: list[str]) -> bool:
    if len(sentences) != SENTENCES:
        return len(sentences) > SENTENCES
    last = sentences[-1]
    # "(1." may go on as "(1.5 V)": a full stop after a digit ends nothing until the next token
    return last[-1] in ENDS and not (last[-1] == "." and last[-2:-1].isdigit())


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(rf"(?<=[{ENDS}])\s+", text.strip()) if s]


def _tidy(draft: str, sentences: int | None = None) -> str:
    """Clean a small model's draft: it echoes the evidence pack's labels and delimiters, opens with
    "Based on the evidence," and rambles or loops; the shopper needs the answer, once. Keeps
    `sentences` sentences, SENTENCES (read at each call) by default."""
    cites = []

    def label(m):  # "[2] shopper's answer" on its own line: the model is quoting item 2
        cites.append(m.group(1))
        return ""

    draft = QUOTED_ITEM.sub(lambda m: f"{m.group(2).strip()} [{m.group(1)}]{m.group(3)}", draft)
    draft = EVIDENCE_LABEL.sub(label, draft)
    draft = DATA_TAG.sub(lambda m: label(m) if m.group(1) else "", draft)
    draft = re.sub(r"^\s*A:\s*|Review of [^:]{1,80}:\s*", "", draft, flags=re.M)  # chunk prefixes
    lines = [ln.strip() for ln in draft.splitlines() if ln.strip()]
    draft = " ".join(dict.fromkeys(lines))  # a looping model repeats its lines
    draft = re.sub(r"^answer:\s*", "", draft, flags=re.I)  # echoes the prompt's last line
    draft = BOILERPLATE.sub("", draft).strip()
    draft = draft[:1].upper() + draft[1:]
    parts = list(dict.fromkeys(_sentences(draft)))
    draft = " ".join(parts[: sentences or SENTENCES]).strip()
    if cites and draft and not CITE_MARK.search(draft):
        draft += " " + "".join(f"[{n}]" for n in dict.fromkeys(cites))
    return draft


def deciding_quote(answer: str, texts: list[str], limit: int = 160) -> str:
    """The evidence sentence sharing most words with the answer: the line a shopper should read
    to check it (ties go to the earlier, better ranked chunk)."""
    said = set(words(answer))
    best, best_overlap = "", -1
    for text in texts:
        text = _CHUNK_PREFIX.sub("", text)
        for sentence in re.split(rf"(?<=[{ENDS}])\s+|\.{{2,}}|;\s+", text):
            overlap = len(said & set(words(sentence)))
            if sentence.strip() and overlap > best_overlap:
                best, best_overlap = sentence.strip(), overlap
    return best if len(best) <= limit else best[: limit - 1].rsplit(" ", 1)[0] + "…"
