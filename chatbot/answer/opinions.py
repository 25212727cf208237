"""Answer "what do people say about the battery of X?" from the review analytics' counts and a
real quote, so every claim about customers' opinions can be checked against the reviews."""
from __future__ import annotations


from chatbot.answer import lexicon
from chatbot.prompting import message
from chatbot.types import Citation, Product

def answer(question: str, product: Product, conn, lang: str = "en") -> tuple[str, Citation] | None:
    """(answer, citation) from stored review analyses, or None when the question is not about
    opinions or the product's reviews have not been analysed."""
    if not lexicon.search("opinion_question", question):
        return None
    from analytics.aspects import AspectMatcher
    from analytics.store import load_analyses
    from analytics.summary import aspect_stats, summarize

    analyses = load_analyses(conn, product.id)
    if not analyses:
        return None
    asked = AspectMatcher().find(question, lang, product.category)
    stats = {s.aspect: s for s in aspect_stats(analyses)}
    chunk_ids = []
    if asked:
        aspect = asked[0]
        stat = stats.get(aspect)
        if stat is None or not stat.mentions:
            text = message("reviews_none", lang, title=product.name, count=len(analyses), aspect=aspect)
            return text, Citation(product.id, [], product.name, "")
        # Quote a review in the shopper's language when one says the same thing.
        same_lang = [(abs(float(row.get("score", 0))), row.get("quote", ""), a.review_id)
                     for a in analyses if a.lang == lang for row in a.aspects
                     if row["aspect"] == aspect and row.get("polarity") == stat.dominant and row.get("quote")]
        if same_lang:
            _, stat.quote, stat.quote_review_id = max(same_lang)
        quote = f' "{stat.quote}" [1]' if stat.quote else ""
        text = message("reviews_aspect", lang, title=product.name, total=stat.mentions, aspect=aspect,
                       pos=stat.positive, neg=stat.negative, quote=quote)
        if stat.quote_review_id:
            chunk_ids = [f"{product.id}:review:{stat.quote_review_id}"]
        return text, Citation(product.id, chunk_ids, product.name, stat.quote)
    summary = summarize(product, analyses)
    return summary.customers_say, Citation(product.id, [], product.name, "")
