"""Replays an eval set's questions through the same `ShopAssistant` the UI and CLI use.

The catalog goes into a fresh store in a temporary home (the shopper's real store and log are
never touched); the LLM and embedder are loaded once by the caller and handed in, so the model
cache in the real home is reused and the baseline can share the very same backend object.
"""
from __future__ import annotations

import shutil
import tempfile
import time
import uuid
from pathlib import Path

from .data import EvalSet, Question

RANK_K = 20  # chunks retrieved for the ranking measures (hit@5 needs 5 distinct products)
TOP_TEXTS = 5  # evidence recall is measured on the top 5 chunks


class ShopbotRunner:
    name = "shopbot"

    def __init__(self, settings, evalset: EvalSet, *, llm=None, embedder=None, analytics: bool = False,
                 progress: bool = True, store: Path | None = None):
        """`store`: keep the eval home there and reuse it next time (ingest is incremental, so an
        unchanged catalog is not embedded again); by default a temporary folder, removed after."""
        self.keep = store is not None
        self.home = Path(store) if store else Path(tempfile.mkdtemp(prefix="shopbot-eval-"))
        self.home.mkdir(parents=True, exist_ok=True)
        # Everything this run writes goes to the temporary home: no Chroma server, no shared log.
        self.settings = settings.with_(home=self.home, chroma_url=None, db_url=None, log_enabled=True)
        self.evalset = evalset
        from chatbot.assistant import ShopAssistant

        self.bot = ShopAssistant(self.settings, llm=llm, embedder=embedder)
        t0 = time.perf_counter()
        result = self.bot.ingest(evalset.folder, analytics=analytics, progress=progress)
        self.ingest = {"seconds": round(time.perf_counter() - t0, 2), "products": result.products,
                       "reviews": result.reviews, "qa": result.qa, "chunks": result.total_chunks,
                       "analytics": analytics}
        self.catalog_ids = set(self.bot.products)
        if evalset.has_behaviour and not self.bot.log.product_counts():
            # The shop's shopper history, as a deployed shop would hold it (once, in a kept store).
            from chatbot.loop.events_io import read_events

            self.bot.log.log_events(read_events(evalset.folder / "interactions.jsonl"))

    def close(self) -> None:
        try:
            self.bot.shop.db.close()
            self.bot.log.close()
        except Exception:  # cleanup must not hide the report
            pass
        if not self.keep:
            shutil.rmtree(self.home, ignore_errors=True)

    @property
    def embedder(self):
        return self.bot.shop.embedder

    # ------------------------------------------------------------------ one question
    def retrieve(self, q: Question) -> dict:
        """Retrieval on its own (no LLM): as asked (on the product page) and on the whole catalog.
        Earlier turns are prepended, as the question alone may name no product ("how much is it?")."""
        query = " ".join(q.turns + [q.question])
        hits = self.bot.shop.search(query, k=RANK_K, product_id=q.context_product_id)
        from eval.metrics import distinct_products

        out = {"ranked": distinct_products(h.product_id for h in hits),
               "top_texts": [h.chunk.text for h in hits[:TOP_TEXTS]]}
        if q.context_product_id:
            whole = self.bot.shop.search(query, k=RANK_K)
            out["ranked_whole"] = distinct_products(h.product_id for h in whole)
            out["top_texts_whole"] = [h.chunk.text for h in whole[:TOP_TEXTS]]
        return out

    def answer(self, q: Question) -> dict:
        """The turns, then the question, in one session, through `stream` as the UI calls it."""
        from chatbot.types import Reply

        session = f"eval-{q.id}-{uuid.uuid4().hex[:8]}"
        for turn in q.turns:
            self.bot.ask(turn, session_id=session, product_id=q.context_product_id)
        reply = None
        for item in self.bot.stream(q.question, session_id=session, product_id=q.context_product_id):
            if isinstance(item, Reply):
                reply = item
        assert reply is not None
        recommended = [r.product_id for r in reply.recommendations]
        if not recommended:  # a recommendation given in prose: the products the answer names
            recommended = self.bot.shop.retriever.mentioned_products(reply.answer, limit=10)
        context = [h.product_id for h in reply.hits]
        context_ids = [h.chunk.id for h in reply.hits]
        if not reply.hits:  # price facts and recommendations are built from the product cards
            context = [c.product_id for c in reply.citations]
            context_ids = [cid for c in reply.citations for cid in c.chunk_ids]
        return {
            "answer": reply.answer, "refused": reply.refused, "handoff": reply.handoff,
            "citations": [{"product_id": c.product_id, "chunk_ids": list(c.chunk_ids)} for c in reply.citations],
            "recommended": recommended, "context_products": context, "context_chunk_ids": context_ids,
            "ttft_s": reply.timings.get("ttft_s"), "total_s": reply.timings.get("total_s"),
            "prompt_tokens": reply.usage.get("prompt_tokens"), "cached_tokens": reply.usage.get("cached_tokens"),
            "output_tokens": reply.usage.get("output_tokens"),
            "llm": bool(reply.usage.get("prompt_tokens")),
        }
