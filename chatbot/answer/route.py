"""Stage 2: which products the question is about, and whether it continues the conversation.

"and is it waterproof?" names nothing: it is about the product discussed before, and its query
for retrieval becomes "and is it waterproof? (<that product>)"."""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from chatbot import constraints as cons
from chatbot import measures, vocabulary
from chatbot.answer import lexicon
from chatbot.answer.turn import Turn
from chatbot.text import words


def run(turn: Turn) -> None:
    text, state = turn.text, turn.session
    turn.named = turn.bot.shop.retriever.mentioned_products(text)
    turn.asks_recs = cons.is_recommendation_request(text)
    query = lexicon.search("catalog_query", text)  # "which air fryers ...?", "do you have a ... in XL?"
    wanted = None  # the request the text states, read at most once: it walks the whole catalog
    if turn.named and not _referred(text, [turn.products[pid] for pid in turn.named if pid in turn.products]):
        # "Silent wall clock, at least 30 cm across" shares words with the "Harbour Silent Wall
        # Clock" but asks for products: a request names no product by part of its title
        wanted = cons.parse(text, list(turn.products.values()))
        if turn.asks_recs or states_a_need(wanted, query, turn.lang):
            turn.named = []
    free = not turn.named and not turn.product_id  # about no product in particular
    if free and not turn.asks_recs:  # "Is the Storm Runner waterproof?" where the shop has no Storm Runner
        turn.unknown = turn.bot.shop.retriever.unknown_name(text)
        if turn.unknown and _graded(turn.unknown[0], turn.products.values()):
            turn.unknown = None  # "IPX7" is a level the catalog's codes grade ("IP67"), no product
    # Constraints matter to a request, a question about the catalog or a follow-up; parsing them
    # against the whole catalog is skipped for a question on a named product's facts.
    if turn.asks_recs or state.history or query or free:
        turn.wanted = wanted if wanted is not None else cons.parse(text, list(turn.products.values()))
        if free and not turn.asks_recs and not turn.unknown and turn.wanted.category is None and turn.lang == "en" \
                and not state.history and demands(turn.wanted, False) and not turn.bot.shop.retriever.titles().refers(text) \
                and (category := category_by_meaning(turn)):
            # "A scooter with a brake for my 8-year-old?" states a need in words no category has
            turn.wanted = cons.parse(text, list(turn.products.values()), category=category)
        # mid-conversation, "有白色的吗？" (in white?) asks about the product discussed, unless it names a kind
        # "what do reviewers think of the lid on the ... kettle?" asks about reviews, and "which is
        # lighter, A or B?" about two products, not for products
        if free and not turn.asks_recs and not turn.unknown and (turn.wanted.category or not state.history) \
                and not lexicon.search("opinion_question", text) and not lexicon.search("compare_question", text) \
                and states_a_need(turn.wanted, query, turn.lang):
            turn.asks_recs = True
        if turn.asks_recs and turn.wanted.category is None and (turn.lang != "en" or state.constraints is None):
            # The lexicon's words did not name a category: find it by meaning ("wellies", "an air
            # cleaner"; the multilingual embedder reads a Chinese request against the English
            # catalog). An English follow-up ("anything cheaper?") keeps the request's category.
            if category := category_by_meaning(turn):
                turn.wanted = cons.parse(text, list(turn.products.values()), category=category)
    # A message that names no product and no category continues the conversation's topic.
    turn.followup = bool(state.history) and not turn.named and not turn.unknown and bool(
        lexicon.search("followup", text) or (turn.wanted.category is None and not turn.asks_recs)
    )
    if turn.product_id and turn.product_id in turn.products:
        turn.focus = [turn.product_id]
    elif turn.named:
        turn.focus = turn.named
    elif turn.followup and state.products:
        turn.focus = [referent(text, [turn.products[pid] for pid in state.discussed or state.products if pid in turn.products])
                      or state.products[0]]
    turn.reply.focus = turn.focus
    if turn.followup and turn.focus:  # "and is it waterproof?" -> about the product discussed before
        turn.reply.query = f"{text} ({turn.products[turn.focus[0]].name})"


def _referred(text: str, products: list) -> bool:
    """Whether the text names one of these products as one: by its whole title, or by part of it
    after "the", "this" or "that" ("What colours does the Edgecraft paring knife come in?")."""
    said, lowered = set(words(text)), text.lower()
    for p in products:
        title = set(words(p.title or ""))
        if title and title <= said:
            return True
        if any(re.search(rf"\b(the|this|that|your)\s+{re.escape(w)}\b", lowered) for w in title):
            return True
    return False


def referent(text: str, discussed: list) -> str | None:
    """Which product discussed a follow-up means: "the cheaper one" the lowest priced, "the more
    expensive one" the highest, "the second one" the second named (the lexicon's referents), "the
    lighter one" the one whose record states the least weight (the comparatives of compare_units)."""
    lowered = text.lower()
    for which, phrases in lexicon.lists("referents").items():
        for phrase in phrases:
            said = re.escape(phrase.lower())
            if not (re.search(rf"\bthe\s+{said}\b|\b{said}\s+(one|model|option)\b", lowered) or (not phrase.isascii() and phrase in text)):
                continue
            priced = [x for x in discussed if x.price is not None]
            if which in ("cheapest", "dearest") and len(priced) >= 2:
                return (min if which == "cheapest" else max)(priced, key=lambda x: x.price).id
            place = {"first": 0, "second": 1}.get(which)
            if place is not None and len(discussed) > place:
                return discussed[place].id
    for unit, words_ in lexicon.lists("compare_units").items():  # "the lighter one": the records' weights
        for word in words_:
            if re.search(rf"\bthe\s+{re.escape(word)}\s+(one|model|option)\b", lowered) or not word.isascii() and f"{word}的" in text:
                found = [(p, measures.measure_in(p, unit)) for p in discussed]
                if len(found) >= 2 and all(m for _, m in found):
                    smaller = word in lexicon.lists("compare_smaller").get(unit, [])
                    return (min if smaller else max)(found, key=lambda pm: pm[1][0])[0].id
    return None


def _graded(name: str, products) -> bool:
    """Whether `name` is a graded code ("IPX7") of a kind the catalog's attributes hold."""
    parts = vocabulary.code_parts(name)
    return bool(parts) and parts[0] in vocabulary.code_keys(products)


def states_a_need(w: cons.Constraints, query: bool, lang: str) -> bool:
    """A message about no product that names a kind of product (in English; a Chinese one is
    placed by meaning) and something it must be or have beyond that is a request: "a knife with a
    blade of at least 18 cm", "dog bed between 30 and 50 dollars", "I'm after a waterproof dog
    bed". A bare feature word counts in a question about the catalog ("do you have a
    chew-resistant bed?"); in other messages it may be a fact asked ("what does the kettle weigh?")."""
    if query and bool(w.category) + len(w.attributes) + len(w.bounds) >= 2:
        return True  # "which air fryers hold at least 5 liters?": the kind said by an attribute value
    return demands(w, query) and (w.category is not None or lang != "en")


def demands(w: cons.Constraints, query: bool) -> bool:
    """Whether the message asks something a product must be or have, beyond its kind."""
    return bool(w.attributes or w.bounds or w.excluded or w.in_stock
                or w.price_min is not None or w.price_max is not None or (query and w.features))


def category_by_meaning(turn: Turn) -> str | None:
    """The category whose meaning is closest to the message: each category is read as its name
    and the titles of a few of its products ("Baby Carriers: Nestwell Air Mesh Carrier, ..."),
    which places "适合6个月宝宝的背带" better than its name alone or a majority of the whole-catalog
    search's hits; None when two categories are about as close."""
    embedder = turn.bot.shop.embedder
    titles: dict[str, list[str]] = {}
    for p in turn.products.values():
        if p.category and len(titles.setdefault(p.category, [])) < TITLES_PER_CATEGORY:
            titles[p.category].append(p.title)
    if not titles:
        return None
    names = sorted(titles)
    vectors = _category_vectors(embedder, tuple(f"{c}: {', '.join(titles[c])}" for c in names))
    query = np.asarray(embedder.embed_query(turn.text), dtype=float)
    sims = vectors @ (query / (np.linalg.norm(query) or 1.0))
    order = np.argsort(-sims)
    margin = CATEGORY_MARGIN if turn.lang == "en" else CROSS_LINGUAL_MARGIN
    if len(order) > 1 and sims[order[0]] - sims[order[1]] < margin:
        return None
    return names[int(order[0])]


TITLES_PER_CATEGORY = 6
# Cosine by which the closest category must beat the next. A request in the catalog's language
# spreads its similarities wider than one read across languages; on the development shops'
# requests that named no category in words, every English one placed right beat the next by 0.011
# or more (the wrongly placed by 0.008 at most), every Chinese one by 0.006 or more.
CATEGORY_MARGIN = 0.01
CROSS_LINGUAL_MARGIN = 0.005


@lru_cache(maxsize=8)
def _category_vectors(embedder, descriptions: tuple[str, ...]):
    vectors = np.asarray(embedder.embed_documents(list(descriptions)), dtype=float)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
