"""HTML for the web UI: reply bubbles with product cards, review summaries, log stats.

Pure functions over shopbot's dataclasses (no gradio import), so they are unit-tested directly.
Every piece of shop or model text goes through `esc`: answers are model output and quotes come
from shopper reviews, either of which may carry markup (including prompt-injection attempts).
"""
from __future__ import annotations

import html
from typing import Iterable, Mapping

from chatbot.types import Citation, Product, Recommendation, Reply

# Classes styled by CSS (passed to launch, see chatbot/ui.py); kept short since they travel in
# every bubble.
CSS = """
.sb-cards {display:flex; flex-wrap:wrap; gap:8px; margin-top:8px}
.sb-card {border:1px solid var(--border-color-primary); border-radius:10px; padding:8px 10px;
  min-width:190px; max-width:300px; background:var(--background-fill-secondary); font-size:0.9em}
.sb-card .sb-title {font-weight:600; margin-bottom:2px}
.sb-card .sb-meta {color:var(--body-text-color-subdued)}
.sb-card .sb-stock-in {color:#2e7d32} .sb-card .sb-stock-out {color:#c62828}
.sb-card .sb-reason {margin-top:4px}
.sb-card details {margin-top:4px} .sb-card blockquote {margin:4px 0; font-style:italic}
.sb-handoff {border-left:4px solid #ef6c00; background:#fff3e0; color:#4e342e; padding:6px 10px;
  border-radius:6px; margin-top:8px}
.sb-tag {display:inline-block; border-radius:10px; padding:1px 8px; margin:2px;
  background:var(--background-fill-secondary); border:1px solid var(--border-color-primary)}
.sb-shares span {display:inline-block; padding:2px 8px; color:white; border-radius:4px; margin-right:4px}
table.sb-table {border-collapse:collapse; width:100%} table.sb-table td, table.sb-table th
  {border-bottom:1px solid var(--border-color-primary); padding:4px 6px; text-align:left; vertical-align:top}
"""
SENTIMENT_COLORS = {"positive": "#2e7d32", "neutral": "#757575", "negative": "#c62828"}
HANDOFF_TEXT = {
    "en": "A human colleague will take over this conversation.",
    "zh": "我们的人工客服将接手这段对话。",
}


def esc(text) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _rating(p: Product | None) -> str:
    if p is None or p.rating is None:
        return "no ratings yet"
    return f"★ {p.rating:.1f} ({p.review_count} review{'s' if p.review_count != 1 else ''})"


def _stock(p: Product | None) -> str:
    if p is None or p.in_stock is None:
        return '<span class="sb-stock">stock unknown</span>'
    cls = "sb-stock-in" if p.in_stock else "sb-stock-out"
    return f'<span class="{cls}">{esc(p.stock_text())}</span>'


def product_card(product: Product | None, product_id: str, title: str = "", *, quote: str = "",
                 reason: str = "", kind: str = "citation") -> str:
    """One small card: title, price, stock, rating; evidence behind a <details> toggle."""
    name = title or (product.name if product else product_id)
    price = esc(product.price_text()) if product else "price unknown"
    parts = [f'<div class="sb-card sb-{kind}" data-product="{esc(product_id)}">',
             f'<div class="sb-title">{esc(name)}</div>',
             f'<div class="sb-meta">{price} · {_stock(product)} · {esc(_rating(product))}</div>']
    if reason:
        parts.append(f'<div class="sb-reason">Why: {esc(reason)}</div>')
    if quote:
        parts.append(f"<details><summary>Evidence</summary><blockquote>{esc(quote)}</blockquote></details>")
    parts.append("</div>")
    return "".join(parts)  # one line: a blank line would end the markdown HTML block


def reply_cards(reply: Reply, products: Mapping[str, Product]) -> str:
    recs: list[Recommendation] = reply.recommendations
    rec_ids = {r.product_id for r in recs}
    cards = [product_card(products.get(r.product_id), r.product_id, r.title, reason=r.reason, kind="rec")
             for r in recs]
    # A recommended product is also cited (its card); show it once, as the recommendation.
    cites: Iterable[Citation] = (c for c in reply.citations if c.product_id not in rec_ids)
    cards += [product_card(products.get(c.product_id), c.product_id, c.title, quote=c.quote) for c in cites]
    return f'<div class="sb-cards">{"".join(cards)}</div>' if cards else ""


def handoff_notice(reply: Reply) -> str:
    if not reply.handoff:
        return ""
    text = HANDOFF_TEXT.get(reply.lang, HANDOFF_TEXT["en"])
    reason = f" ({esc(reply.handoff_reason)})" if reply.handoff_reason else ""
    return f'<div class="sb-handoff"><b>Handed off to a human.</b> {esc(text)}{reason}</div>'


def reply_html(reply: Reply, products: Mapping[str, Product]) -> str:
    """The final bubble: the authoritative answer, a hand-off notice, then the cards."""
    blocks = [esc(reply.answer.strip()), handoff_notice(reply), reply_cards(reply, products)]
    # HTML blocks must be separated from the markdown text by a blank line.
    return "\n\n".join(b for b in blocks if b)


def streaming_html(text: str) -> str:
    return esc(text) + " ▌"


def product_label(p: Product) -> str:
    return f"{p.name} · {p.price_text()} ({p.id})"


def product_choices(products: Mapping[str, Product], empty: str | None = None) -> list[tuple[str, str]]:
    """(label, id) pairs for a dropdown, grouped by category then title."""
    rows = sorted(products.values(), key=lambda p: (p.category.lower(), p.name.lower()))
    choices = [(product_label(p), p.id) for p in rows]
    return ([(empty, "")] if empty is not None else []) + choices


def page_card(product: Product | None) -> str:
    """The "you are on this product's page" card above the chat."""
    if product is None:
        return ""
    return f'<div class="sb-cards">{product_card(product, product.id, kind="page")}</div>'


# ---------------------------------------------------------------- dashboard

def shares_html(shares: Mapping[str, float]) -> str:
    spans = [f'<span style="background:{SENTIMENT_COLORS.get(k, "#555")}">{esc(k)} {v:.0%}</span>'
             for k, v in shares.items()]
    return f'<div class="sb-shares">{"".join(spans)}</div>'


def summary_html(summary, analysed: bool = True) -> str:
    """A ProductSummary (analytics.summary) as HTML: what customers say, shares, aspects, keywords."""
    if summary is None:
        return "<p>Choose a product.</p>"
    title = esc(summary.title or summary.product_id)
    out = [f"<h3>{title} <small>({esc(summary.product_id)})</small></h3>"]
    if not analysed:
        out.append("<p><i>Reviews are not analysed yet: sentiment, aspects and keywords appear after "
                   "<b>Analyse reviews</b> (or an ingest with analytics on).</i></p>")
        return "".join(out)
    out.append(f"<p>{esc(summary.customers_say)}</p>")
    out.append(shares_html(summary.sentiment_shares))
    if summary.aspects:
        rows = "".join(
            f"<tr><td>{esc(a.aspect)}</td><td>{a.mentions}</td><td>{a.positive}</td><td>{a.negative}</td>"
            f"<td>{a.neutral}</td><td><i>{esc(a.quote)}</i></td></tr>" for a in summary.aspects[:8])
        out.append('<table class="sb-table"><tr><th>aspect</th><th>reviews</th><th>positive</th>'
                   f"<th>negative</th><th>neutral</th><th>quote</th></tr>{rows}</table>")
    if summary.keywords:
        tags = "".join(f'<span class="sb-tag">{esc(k)} ({n})</span>' for k, n in summary.keywords)
        out.append(f"<p><b>Keywords:</b> {tags}</p>")
    return "".join(out)


def _pct(value) -> str:
    return "–" if value is None else f"{value:.0%}"


def stats_html(stats: Mapping) -> str:
    """insights.log_stats() for the owner: volume, refusal/hand-off rates, thumbs, unanswered."""
    if stats.get("disabled"):
        return "<p>The interaction log is off (SHOPBOT_LOG=off): nothing is recorded.</p>"
    lat = stats.get("latency_p50_s")
    cells = [("conversations", stats.get("sessions", 0)), ("questions", stats.get("turns", 0)),
             ("refusal rate", _pct(stats.get("refusal_rate"))), ("hand-off rate", _pct(stats.get("handoff_rate"))),
             ("thumbs up", stats.get("feedback_up", 0)), ("thumbs down", stats.get("feedback_down", 0)),
             ("liked share", _pct(stats.get("feedback_ratio"))),
             ("median answer time", "–" if lat is None else f"{lat:.1f} s")]
    tiles = "".join(f'<span class="sb-tag"><b>{esc(v)}</b> {esc(k)}</span>' for k, v in cells)
    rows = "".join(f"<tr><td>{esc(q['question'])}</td><td>{q['count']}</td></tr>"
                   for q in stats.get("top_unanswered", []))
    table = (f'<table class="sb-table"><tr><th>question the bot could not answer</th><th>times</th></tr>{rows}</table>'
             if rows else "<p>No unanswered questions yet.</p>")
    return f"<div>{tiles}</div><h4>Top unanswered questions</h4>{table}"


def problems_html(problems: list[str], note: str = "") -> str:
    """Validation problems one per line (`file:line: field: problem`), as the owner must fix them."""
    items = "".join(f"<li><code>{esc(p)}</code></li>" for p in problems)
    return (f'<div class="sb-problems"><p><b>Rejected: nothing was stored.</b> {esc(note)}</p>'
            f"<ol>{items}</ol></div>")
