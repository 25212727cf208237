"""What the web UI's events do, as plain methods over one shared `ShopAssistant`.

Kept free of gradio so the logic is tested without a browser; `chatbot/ui.py` wires these to
components. Per-browser state (session id, which bubble is which logged turn) is passed in and
returned, never stored here: this object is shared by every shopper on the server.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Callable, Iterator

from chatbot.loop.insights import log_stats
from chatbot.ui import plots
from chatbot.ui import render
from chatbot.types import Product, Reply

UPLOAD_SUFFIXES = (".jsonl", ".csv")


def _noop_progress(*_a, **_k):
    return None


def upload_kind(filename: str) -> str | None:
    """Which catalog file an upload is: exact names first (products.jsonl), then a lenient guess
    from the name (`my-shop-reviews.csv`) because owners rarely name exports our way."""
    from chatbot.data.catalog import ALIASES, KINDS

    path = Path(filename)
    if path.suffix.lower() not in UPLOAD_SUFFIXES:
        return None
    stem = path.stem.lower()
    kind = ALIASES.get(stem, stem)
    if kind in KINDS:
        return kind
    if "qa" in stem or "question" in stem:
        return "product_qa"
    if "review" in stem:
        return "reviews"
    if "product" in stem or "catalog" in stem:
        return "products"
    return None


class UIHandlers:
    def __init__(self, assistant):
        self.bot = assistant

    # ------------------------------------------------------------------ chat tab
    def choices(self, empty: str | None = "Any product (no product page)") -> list[tuple[str, str]]:
        return render.product_choices(self.bot.products, empty)

    def examples(self) -> list[str]:
        """The "Try" questions, made from the loaded catalog (any shop's, not the demo's)."""
        return try_questions(list(self.bot.products.values()))

    def first_product(self) -> str | None:
        choices = self.choices(None)
        return choices[0][1] if choices else None

    def page_card(self, product_id: str | None) -> str:
        return render.page_card(self.bot.products.get(product_id or ""))

    def chat(self, message: str, history: list | None, product_id: str | None, session_id: str | None,
             turns: dict | None, user_id: str | None = None) -> Iterator[tuple[list, str, str, dict]]:
        """Yield (history, textbox, session_id, turns) as the reply streams in.

        `turns` maps the chat-history index of each assistant bubble to its interaction-log turn
        id, so a thumbs click on bubble i becomes `feedback(turns[i], ±1)`."""
        text = (message or "").strip()
        history = list(history or [])
        turns = dict(turns or {})
        session_id = session_id or uuid.uuid4().hex
        if not text:
            yield list(history), "", session_id, dict(turns)
            return
        history.append({"role": "user", "content": render.esc(text)})
        history.append({"role": "assistant", "content": render.streaming_html("")})
        yield list(history), "", session_id, dict(turns)
        streamed: list[str] = []
        reply: Reply | None = None
        try:
            for item in self.bot.stream(text, session_id=session_id, user_id=user_id, product_id=product_id or None):
                if isinstance(item, Reply):
                    reply = item
                    continue
                streamed.append(item)
                history[-1] = {"role": "assistant", "content": render.streaming_html("".join(streamed))}
                yield list(history), "", session_id, dict(turns)
        except Exception as exc:  # the shopper gets a message, not a red error toast
            import logging

            logging.getLogger(__name__).exception("chat turn failed")
            history[-1] = {"role": "assistant",
                           "content": render.esc(f"Sorry, something went wrong on our side ({type(exc).__name__}). "
                                                 "Please try again.")}
            yield list(history), "", session_id, dict(turns)
            return
        if reply is None:  # pragma: no cover - stream() always ends with a Reply
            return
        # The Reply's answer is authoritative: the honesty checks may have corrected the stream.
        history[-1] = {"role": "assistant", "content": render.reply_html(reply, self.bot.products)}
        if reply.turn_id is not None:
            turns[len(history) - 1] = reply.turn_id
        yield list(history), "", session_id, dict(turns)

    def feedback(self, turns: dict | None, index, liked) -> str:
        """A thumbs click (gr.LikeData index/liked) -> the interaction log. Returns a status line."""
        if isinstance(index, (list, tuple)):
            index = index[0]
        turn_id = (turns or {}).get(index)
        if turn_id is None:
            return "Feedback is only recorded for the assistant's answers."
        if liked is True or liked == "Like":
            value = 1
        elif liked is False or liked == "Dislike":
            value = -1
        else:  # the thumb was clicked again to take the vote back: keep the earlier row
            return ""
        self.bot.feedback(turn_id, value)
        return "Thanks for the feedback!" if value > 0 else "Thanks, we'll use this to improve our answers."

    # ------------------------------------------------------------------ dashboard tab
    def dashboard(self) -> tuple[str, object, object]:
        """(log stats HTML, sentiment-by-category figure, most-complained-aspects figure)."""
        try:
            stats = render.stats_html(log_stats(self.bot.log))
        except Exception as exc:  # a log on an unreachable database: the plots still show
            stats = f"<p>Conversation stats unavailable: {render.esc(exc)}</p>"
        data = plots.load_review_data(self.bot.shop.db)
        if not data.available:
            note = "Review analytics are not installed."
            return stats, plots.message_figure(note), plots.message_figure(note)
        return stats, plots.sentiment_by_category_figure(data), plots.complaints_figure(data)

    def product_view(self, product_id: str | None) -> tuple[str, object]:
        """(summary HTML, rating histogram figure) of one product."""
        if not product_id:
            return render.summary_html(None), plots.message_figure("Choose a product to see its reviews.")
        data = plots.load_review_data(self.bot.shop.db)
        product = data.products.get(product_id)
        if product is None:
            return "<p>Unknown product.</p>", plots.message_figure("Unknown product.")
        hist = plots.rating_histogram(data, product_id)
        fig = plots.rating_figure(hist, f"Star ratings: {product.name}")
        summary = plots.product_summary(data, product_id)
        if summary is None:  # no analytics package: the ratings are all there is
            return f"<h3>{render.esc(product.name)}</h3><p>Review analytics are not installed.</p>", fig
        has_reviews = any(r.product_id == product_id for r in data.reviews)
        analysed = not has_reviews or any(a.product_id == product_id for a in data.analyses)
        return render.summary_html(summary, analysed=analysed), fig

    def analyse(self, progress: Callable = _noop_progress) -> str:
        progress(0.0, desc="analysing reviews")
        try:
            n = plots.analyse_reviews(self.bot.shop, progress=True)
        except Exception as exc:
            return f"<p>Review analysis failed: {render.esc(exc)}</p>"
        self.bot.__dict__.pop("recommender", None)  # re-rank with the new sentiment
        return f"<p>{n} review(s) analysed.</p>"

    # ------------------------------------------------------------------ catalog tab
    def upload(self, files: list | None, progress: Callable = _noop_progress) -> str:
        """Validate uploaded catalog files, then ingest them all or nothing. Returns HTML."""
        from chatbot.errors import ShopbotError

        paths = [Path(getattr(f, "name", f)) for f in (files or [])]
        if not paths:
            return "<p>Choose products / reviews / product_qa files (.jsonl or .csv) first.</p>"
        problems, kinds = [], {}
        for p in paths:
            kind = upload_kind(p.name)
            if kind is None:
                problems.append(f"{p.name}: file: not a catalog file; name it products, reviews or "
                                "product_qa (.jsonl or .csv)")
            elif kind in kinds:
                problems.append(f"{p.name}: file: {kinds[kind].name} already holds {kind}; upload one file per kind")
            else:
                kinds[kind] = p
        if problems:
            return render.problems_html(problems)
        folder = Path(tempfile.mkdtemp(prefix="shopbot-upload-"))
        try:
            for kind, src in kinds.items():
                # The uploaded name (e.g. my-products.csv) is what the owner recognises in errors.
                shutil.copyfile(src, folder / f"{kind}{src.suffix.lower()}")
            names = {f"{kind}{src.suffix.lower()}": src.name for kind, src in kinds.items()}

            def local(problem: str) -> str:
                problem = problem.replace(str(folder) + os.sep, "")
                for canonical, original in names.items():
                    if problem.startswith(canonical):
                        problem = original + problem[len(canonical):]
                return problem

            progress(0.05, desc="validating")
            from chatbot.data.catalog import read_catalog

            try:
                catalog = read_catalog(folder, known_products=self.bot.shop.db.product_ids())
                found = catalog.problems
            except ShopbotError as exc:
                found = getattr(exc, "problems", None) or [str(exc)]
            if found:
                return render.problems_html([local(p) for p in found], "Fix these lines and upload again.")
            progress(0.2, desc="ingesting")
            try:
                # strict: a line that turns bad between validation and ingest still stores nothing
                result = self.bot.ingest(folder, strict=True, analytics=True, progress=True)
            except ShopbotError as exc:
                return render.problems_html([local(p) for p in getattr(exc, "problems", [str(exc)])])
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        progress(1.0, desc="done")
        return (f"<p><b>Catalog updated.</b> {result.products} products, {result.reviews} reviews, "
                f"{result.qa} Q&amp;A read; {result.chunks} chunks written, {result.unchanged} unchanged; "
                f"{result.total_chunks} chunks in the store ({result.seconds:.1f} s).</p>")

    def catalog_overview(self) -> str:
        counts = self.bot.shop.db.counts()
        return (f"<p>The shop holds <b>{counts['products']}</b> products, <b>{counts['reviews']}</b> reviews "
                f"and <b>{counts['qa']}</b> Q&amp;A pairs.</p>")


def try_questions(products: list[Product]) -> list[str]:
    """A question of each kind the assistant answers, in the shop's own words: a listed yes/no
    property across a category, a request under a price the category has, what reviewers say of
    its most reviewed product, the stock of a product in Chinese, and a hand-off."""
    from collections import Counter

    from chatbot.prompting import message

    out = []
    by_category: dict[str, list[Product]] = {}
    for p in products:
        if p.category:
            by_category.setdefault(p.category, []).append(p)
    if by_category:
        category, members = max(by_category.items(), key=lambda kv: len(kv[1]))
        flags = Counter(k for p in members for k, v in p.attributes.items() if v is True)
        if flags:
            out.append(message("try_property", "en", category=category.lower(), name=flags.most_common(1)[0][0].replace("_", " ")))
        prices = sorted(p.price for p in members if p.price is not None)
        if prices:
            out.append(message("try_request", "en", category=category.lower(), price=f"{prices[len(prices) // 2]:.0f}"))
    reviewed = max(products, key=lambda p: p.review_count, default=None)
    if reviewed and reviewed.review_count:
        out.append(message("try_reviews", "en", title=reviewed.name))
    if products:
        out.append(message("try_stock", "zh", title=products[0].name))
    out.append(message("try_human", "en"))
    return out
