"""Turn a product, its reviews and its Q&A into chunks for the vector store.

A product becomes one *card* (the facts a shopper asks about most: title, brand, category, price,
stock, features, attributes), its description in windows of about 90 words, one chunk per review
and one per Q&A pair. Every chunk carries the metadata retrieval filters on.
"""
from __future__ import annotations

import hashlib
import json
import re

from chatbot.text import detect_lang
from chatbot.types import Chunk, Product, QAPair, Review

DESCRIPTION_WORDS = 90


def format_value(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(format_value(v) for v in value)
    if isinstance(value, dict):
        return _flatten(json.dumps(value))
    return _flatten(str(value)) if "value:" in str(value) or "{" in str(value) else str(value)


def _flatten(text: str) -> str:
    """Marketplace exports serialise measures as `width:{ unit:inches, normalized_value:{...},
    value:19. }` and colours as `standardized_values:[ "blue" ], value:"blue"`; the model and the
    shopper should read `width: 19 inches` and `blue`."""
    text = text.replace('"', "")
    text = re.sub(r"normalized_value:\s*\{[^{}]*\},?\s*", "", text)
    text = re.sub(r"standardized_values:\s*\[[^\[\]]*\],?\s*", "", text)  # the value again, lower-cased
    text = re.sub(r"\btype:\s*\w+,\s*", "", text)
    text = re.sub(r"unit:\s*([^,{}\[\]]+?),\s*value:\s*([^,{}\[\]]+)", r"\2 \1", text)
    text = re.sub(r"value:\s*([^,{}\[\]]+?),\s*unit:\s*([^,{}\[\]]+)", r"\1 \2", text)
    text = re.sub(r"\bvalue:\s*", "", text)
    text = re.sub(r"[{}\[\]]", " ", text)
    text = re.sub(r"(\d)\.(?=\s|,|$)", r"\1", text)  # "19." -> "19"
    text = re.sub(r":\s+", ": ", text)
    text = re.sub(r"\s+([,;])", r"\1", text)
    text = re.sub(r"([,;])(\s*[,;])+", r"\1", text)
    return re.sub(r"\s+", " ", text).strip(" ,;").replace("_", " ")


def _card_head(p: Product) -> list[str]:
    head = p.title or f"Product {p.id}"
    if p.brand:
        head += f" by {p.brand}"
    parts = [head + "."]
    if p.category:
        parts.append(f"Category: {p.category}.")
    if p.price is not None:
        parts.append(f"Price: {p.price_text()}.")
    if p.in_stock is not None:
        parts.append(f"Stock: {p.stock_text()}.")
    return parts


def _attributes(p: Product) -> list[str]:
    return [f"{k.replace('_', ' ')}: {format_value(v)}" for k, v in p.attributes.items()]


def card_text(p: Product) -> str:
    parts = _card_head(p)
    if p.features:
        parts.append("Features: " + "; ".join(p.features) + ".")
    if p.attributes:
        parts.append(f"Attributes: {'; '.join(_attributes(p))}.")
    return " ".join(parts)


def card_for(p: Product, relevance, budget: int) -> str:
    """The card as the answer prompt shows it: the head (name, price, stock), then the features and
    attributes in order of `relevance(fact)` (the question's words it holds), up to `budget` words.
    A card clipped in stored order loses what comes last (height, battery type) whatever is asked."""
    head = " ".join(_card_head(p))
    facts = [f.strip().rstrip(".") for f in p.features if f.strip()] + _attributes(p)
    ranked = sorted(range(len(facts)), key=lambda i: (-relevance(facts[i]), i))
    left, kept = budget - len(head.split()), []
    for i in ranked:
        n = len(facts[i].split())
        if n > left:
            if kept or left < 3:
                break
            facts[i], n = " ".join(facts[i].split()[:left]) + " …", left  # the best fact, cut
        kept.append(facts[i])
        left -= n
    return f"{head} {'; '.join(kept)}." if kept else head


def split_words(text: str, size: int = DESCRIPTION_WORDS) -> list[str]:
    words = text.split()
    if detect_lang(text) == "zh" and len(words) <= 1:  # Chinese has no spaces: split by characters
        step = size * 2
        return [text[i : i + step] for i in range(0, len(text), step)] or []
    return [" ".join(words[i : i + size]) for i in range(0, len(words), size)]


def base_metadata(p: Product) -> dict:
    meta = {"product_id": p.id, "title": p.title, "category": p.category, "brand": p.brand}
    if p.price is not None:
        meta["price"] = float(p.price)
    if p.in_stock is not None:
        meta["in_stock"] = bool(p.in_stock)
    if p.rating is not None:
        meta["rating"] = float(p.rating)
    return {k: v for k, v in meta.items() if v not in (None, "")}


def product_chunks(
    p: Product, reviews: list[Review], qa: list[QAPair], review_meta: dict[str, dict] | None = None
) -> list[Chunk]:
    """All chunks of one product. `review_meta` adds analytics (sentiment, aspects) per review id."""
    base = base_metadata(p)
    name = p.title or f"product {p.id}"
    chunks = [Chunk(f"{p.id}:card", p.id, "card", card_text(p), {**base, "kind": "card", "lang": "en"})]
    for i, piece in enumerate(split_words(p.description)):
        lang = detect_lang(piece)
        chunks.append(Chunk(f"{p.id}:desc:{i}", p.id, "description", piece, {**base, "kind": "description", "lang": lang}))
    for r in reviews:
        meta = {**base, "kind": "review", "lang": r.lang or detect_lang(r.text), "review_id": r.id}
        if r.rating is not None:
            meta["stars"] = int(r.rating)
        meta.update((review_meta or {}).get(r.id, {}))
        chunks.append(Chunk(f"{p.id}:review:{r.id}", p.id, "review", f"Review of {name}: {r.text}", meta))
    for q in qa:
        text = f"Q: {q.question} A: {q.answer}" if q.question else f"A: {q.answer}"
        meta = {**base, "kind": "qa", "lang": detect_lang(q.question + q.answer), "qa_id": q.id}
        chunks.append(Chunk(f"{p.id}:qa:{q.id}", p.id, "qa", text, meta))
    return chunks


def chunk_hash(chunk: Chunk) -> str:
    payload = json.dumps([chunk.text, chunk.metadata], sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(payload.encode()).hexdigest()
