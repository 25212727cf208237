"""Answer "what do people say about the battery of X?" from the review analytics' counts and a
real quote, so every claim about customers' opinions can be checked against the reviews."""
from __future__ import annotations


import json

from chatbot.answer import guard, lexicon
from chatbot.text import closest_sentence, terms
from chatbot.prompting import message
from chatbot.types import Citation, Product

def answer(question: str, product: Product, conn, lang: str = "en") -> tuple[str, Citation] | None:
    """(answer, citation) from stored review analyses, or None when the question is not about
    opinions or the product's reviews have not been analysed."""
    opinion, experience = lexicon.search("opinion_question", question), lexicon.search("experience_question", question)
    if not (opinion or experience):
        return None
    from analytics.aspects import AspectMatcher
    from analytics.store import load_analyses
    from analytics.summary import aspect_stats, summarize

    analyses = load_analyses(conn, product.id)
    if not analyses:
        return None
    asked = AspectMatcher().find(question, lang, product.category)
    if not asked:  # no aspect the analytics track: count the reviews that mention what is asked
        said = _from_mentions(question, product, conn, analyses, lang)
        if said is not None or not opinion:
            return said
    stats = {s.aspect: s for s in aspect_stats(analyses)}
    chunk_ids = []
    if asked:
        aspect = asked[0]
        stat = stats.get(aspect)
        if stat is None or not stat.mentions:  # "does it hold up in the wash?": the reviews that say "wash"
            said = _from_mentions(question, product, conn, analyses, lang, found_only=True)
            text = message("reviews_none", lang, title=product.name, count=len(analyses), aspect=aspect)
            return said or (text, Citation(product.id, [], product.name, ""))
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


def _from_mentions(question: str, product: Product, conn, analyses, lang: str, found_only: bool = False):
    """"Does it X over time?": the reviews that mention X, counted by sentiment, a quote from
    each side, rather than a yes or no the reviews may contradict."""
    asked = set(terms(question)) - set(terms(product.name)) - set(terms(" ".join(lexicon.words("filler_words"))))
    asked -= set(terms(" ".join(lexicon.words("experience_words"))))
    topic = " ".join(sorted(asked))
    if not asked and lexicon.search("experience_question", question):
        # "does it hold up over time?" names no part: the reviews that tell how long it lasted
        asked, topic = set(terms(" ".join(lexicon.words("durability_words")))), message("durability_topic", lang)
    if not asked:
        return None
    sentiment = {a.review_id: a.sentiment for a in analyses}
    rows = conn.execute("SELECT id, data FROM reviews WHERE product_id = ?", (product.id,)).fetchall()
    said = {"positive": [], "negative": [], "neutral": []}
    for review_id, data in rows:
        text = json.loads(data).get("text", "")
        if asked & set(terms(text)) and review_id in sentiment and guard.screen(text).action == "answer":
            said[sentiment[review_id]].append((review_id, text))
    total = sum(len(v) for v in said.values())
    if not total:
        if found_only:
            return None
        return message("reviews_none", lang, title=product.name, count=len(analyses), aspect=topic), \
            Citation(product.id, [], product.name, "")
    quotes, ids = [], []
    for side in ("positive", "negative"):
        if said[side]:
            review_id, text = said[side][0]
            quotes.append(f'"{closest_sentence(" ".join(asked), [text], 120)}" [{len(quotes) + 1}]')
            ids.append(f"{product.id}:review:{review_id}")
    if not quotes:  # only mixed or neutral reviews mention it
        review_id, text = said["neutral"][0]
        quotes.append(f'"{closest_sentence(" ".join(asked), [text], 120)}" [1]')
        ids.append(f"{product.id}:review:{review_id}")
    text = message("reviews_mentions", lang, title=product.name, total=total, topic=topic, pos=len(said["positive"]),
                   neg=len(said["negative"]), mixed=len(said["neutral"]), quote=" " + " ".join(quotes))
    return text, Citation(product.id, ids, product.name, quotes[0].rsplit(" [", 1)[0].strip('"') if quotes else "")
