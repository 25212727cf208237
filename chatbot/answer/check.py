"""Stage 8: the honesty checks. Cited items must exist; every price, stock state and number the
draft states must match the catalog or the evidence, or the reply is corrected or withdrawn.
When the model gave nothing we can stand behind, the shopper gets the evidence line closest to
the question, cited, instead of a bare "I don't know". Each citation carries the line the
answer rests on (small models misread evidence, so the shopper can check)."""
from __future__ import annotations

import re

from chatbot import vocabulary
from chatbot.answer import guard, lexicon
from chatbot.answer.generate import CITE_MARK
from chatbot.answer.pack import KIND_LABEL, dont_know
from chatbot.answer.turn import Turn
from chatbot.data.search import PAGE_READ
from chatbot.prompting import message
from chatbot.text import closest_sentence, rare, stem, terms, words
from chatbot.text import sentences as split_sentences
from chatbot.types import Citation, Hit

NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CHUNK_PREFIX = re.compile(r"^(A:|Q:.*?A:|Review of [^:]{1,80}:)\s*", re.S)


def run(turn: Turn) -> None:
    draft, hits, reply = turn.draft, turn.hits, turn.reply
    turn.done = True
    if not draft or guard.says_dont_know(draft):
        if not _closest(turn):
            dont_know(turn)
        return
    # "not safe with a pacemaker": the shop never says "pacemaker"; "No, it won't sew saddle leather":
    # the product's page never mentions leather
    if absent := claims_unheard(turn, draft) or verdict_unsupported(turn, draft):
        turn.finish(turn.fixed("not_in_catalog", words=", ".join(absent), offer=turn.fixed("offer_human")), refused=True)
        return
    if ranks_by_guess(turn, draft):  # each product's line closest to the question, for the shopper to judge
        reply.flags.append("unranked")
        if not _side_by_side(turn) and not _closest(turn):
            dont_know(turn)
        return
    valid = set(range(1, len(hits) + 1))
    cited = [n for n in guard.cited_numbers(draft) if n in valid]
    draft = re.sub(r"\[(\d{1,2})\]", lambda m: m.group(0) if int(m.group(1)) in valid else "", draft)
    if not cited:  # the model marked nothing: cite the evidence the answer shares most words with
        cited = [source_of(draft, hits)]
    by_product: dict[str, Citation] = {}
    for n in dict.fromkeys(cited):
        h = hits[n - 1]
        p = turn.products.get(h.product_id)
        c = by_product.setdefault(h.product_id, Citation(h.product_id, [], p.name if p else "", ""))
        c.chunk_ids.append(h.chunk.id)
    for c in by_product.values():  # small models misread evidence: show the line the answer rests on
        c.quote = deciding_quote(draft, [h.chunk.text for h in hits if h.chunk.id in c.chunk_ids])
    reply.citations = list(by_product.values())
    concerned = [turn.products[c.product_id] for c in reply.citations if c.product_id in turn.products]
    # the pack labels each item with its product's name: a name the model read there is evidence too
    evidence = "\n".join([h.chunk.text for h in hits] + sorted(_names(turn)))
    check = guard.check_answer(draft, evidence, concerned, reply.query)
    if check.ok:
        reply.answer = draft
        return
    facts = "; ".join(check.facts)
    kept = [s for s in split_sentences(draft, turn.names())
            if words(CITE_MARK.sub("", s)) and guard.check_answer(s, evidence, concerned, reply.query).ok]
    reply.flags.append("corrected")
    if kept:
        reply.answer = " ".join(kept) + (" " + turn.fixed("corrected", facts=facts) if facts else "")
    elif not guard.MONEY.search(draft) and _read_line(turn, draft):
        pass  # a misread line: the shopper reads the line itself (a wrong price gets the facts)
    elif facts:  # nothing of the draft stands: the question is unanswered, say so
        turn.finish(turn.fixed("withdrawn", facts=facts), refused=True)
    elif not _closest(turn):
        dont_know(turn)


def ranks_by_guess(turn: Turn, draft: str) -> bool:
    """Products compared, and the draft ranks them ("the Studio set has more colours than the
    Heavy Body set") without a figure beyond their names': a small model ranks by guess, and
    where both records state the measure the direct stage has answered already."""
    if not lexicon.search("compare_question", turn.text) or not lexicon.search("comparative_claim", draft):
        return False
    named = {w for pid in turn.focus if pid in turn.products for w in words(turn.products[pid].title or "")}
    return not any(any(c.isdigit() for c in w) and w not in named for w in words(CITE_MARK.sub("", draft)))


def claims_unheard(turn: Turn, draft: str) -> list[str]:
    """Rare words of the question (beyond the products' names) that no chunk of the shop holds,
    which the draft repeats: a claim about something the shop's data never mentions ("CertiPUR-US
    certified", "fits a Subaru Forester"). English only: a Chinese question's words are not
    the English catalog's. A comparison's use ("for beginners") is weighed on the records, unless
    it asks a verdict on safety, health or a standard."""
    if turn.lang != "en" or len(turn.focus) > 1 and not lexicon.search("verdict_question", turn.text):
        return []  # comparing products on what the records hold: "which suits beginners, A or B?"
    lexicon_ = turn.bot.shop.retriever.lexicon()
    said, named = set(terms(draft)), set(terms(" ".join(turn.names())))
    skip = _plain_terms("filler_words")
    out = []
    for w in dict.fromkeys(words(turn.text)):
        t = stem(w)
        if t in said and t not in named and t not in skip and not w[0].isdigit() and len(w) > 2 \
                and rare(w) and not lexicon_.mentions(t):
            out.append(w)
    # "No, there is no drawer for cutlery" may stand where a listing never names the thing; not a
    # verdict on safety or a standard ("not safe with a pacemaker"), nor one about a name the
    # shopper capitalised ("does not fit a Subaru")
    if out and lexicon.search("negative_answer", draft) and not lexicon.search("verdict_question", turn.text):
        out = [w for w in out if _capitalised(turn.text, w)]
    return out


def verdict_unsupported(turn: Turn, draft: str) -> list[str]:
    """A yes or no about one product on a topic its page never mentions: the question's own
    words (its name, filler, units and a review question's words aside), none of which any chunk
    of the product's page holds ("Will it help with my son's asthma?" -> "No, it does not").
    On hetpqa-toys train (1,820 yes/no questions, scratch script) a topic word is on the asked
    product's page for 88% of questions and on another product's page for 9%."""
    if turn.lang != "en" or len(turn.focus) != 1 or not lexicon.search("yes_no_question", turn.text) \
            or not (re.match(r"\W*(yes|no)\b", draft, re.I) or lexicon.search("negative_answer", draft)):
        return []
    skip = _plain_terms("filler_words", "experience_words")
    product = turn.products.get(turn.focus[0])
    named = set(words(f"{product.name} {product.brand}")) if product else set()
    topic = {}
    for w in words(turn.text):  # the words of its name say nothing of the topic ("the Travel Fold mat")
        if (t := stem(w)) not in skip and w not in named and len(w) > 2 and not w[0].isdigit():
            topic.setdefault(t, w)
    if not topic:
        return []
    # the page's words beyond the product's name, which every chunk carries ("can the Travel Fold
    # mat be folded?" is answered by "Folds to fit in a carry-on", not by its title)
    name = re.compile(re.escape(product.name), re.I) if product else None
    chunks, _ = turn.bot.shop.store.of_product(turn.focus[0], PAGE_READ)
    page = set(terms(" ".join(name.sub(" ", c.text) if name else c.text for c in chunks)))
    # a verdict on safety, health or a standard stands only on a page that speaks of it ("safe")
    verdict = {stem(w) for m in lexicon.pattern("verdict_question").finditer(turn.text) for w in words(m.group(0))}
    if verdict and not page & verdict:
        return [topic.get(t, t) for t in verdict][:3]
    return [] if page & set(topic) else list(topic.values())[:3]


def _plain_terms(*sections: str) -> set[str]:
    """The stemmed words of these lexicon lists and the unit words: what a question says that
    names no topic of its own."""
    return set(terms(" ".join([*(w for section in sections for w in lexicon.words(section)), *vocabulary.unit_words()])))


def _capitalised(text: str, word: str) -> bool:
    """Whether `word` appears capitalised in `text` past its first word ("a Subaru", "C-section")."""
    return any(m.start() > 0 and m.group(0)[0].isupper() for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.I))


def _read_line(turn: Turn, draft: str) -> bool:
    """The draft was withdrawn, yet every specific number in it (15, 2.5: not a lone digit, nor
    one of a product's name) stands in one evidence line: the model read that line and added
    what it does not say, most often a unit ("15 x 15 inches" from "l: 15 x w: 15"). Relay
    the line itself."""
    numbers = {x for x in NUMBER.findall(CITE_MARK.sub("", draft)) if len(x) > 1}
    for name in _names(turn):  # "3.5" of "Larder 3.5 L Slow Cooker" names it, says nothing
        numbers -= set(NUMBER.findall(name))
    for n, h in enumerate(turn.hits, 1):
        line = deciding_quote(draft, [h.chunk.text])
        if numbers and numbers <= set(NUMBER.findall(line)) and _relayable(line):
            _relay(turn, n, line, "quoted")
            return True
    return False


def _names(turn: Turn) -> set[str]:
    """The names of the products the hits are about."""
    return {turn.products[pid].name for pid in {h.product_id for h in turn.hits} if pid in turn.products}


def _relayable(line: str) -> bool:
    # never relay a planted instruction, nor a price the catalog does not set
    return guard.screen(line).action == "answer" and not guard.MONEY.search(line)


def _closest(turn: Turn) -> bool:
    """The model gave no answer we can stand behind, but an evidence line shares the question's
    own words (beyond the product's name): show that line, hedged and cited, so the shopper
    can judge it, instead of a bare "I don't know". False when no line is that close."""
    query, hits = turn.reply.query, turn.hits
    asked = set(terms(query))
    for name in _names(turn):
        asked -= set(terms(name))
    best = (min(2, len(asked)) - 1, None, "")  # share two of its words, or its only one
    for n, h in enumerate(hits[:3], 1):
        line = deciding_quote(query, [h.chunk.text])
        if not _relayable(line):
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
    _relay(turn, n, line, "quoted" if on_topic else "closest")
    return True


def _side_by_side(turn: Turn) -> bool:
    """Products compared with no ranking we can stand behind: each one's evidence line closest to
    the question, cited, so the shopper compares them ("10-year warranty" against "Warranty: 5
    years"). False unless two of them have such a line."""
    named = {w for pid in turn.focus if pid in turn.products for w in words(turn.products[pid].name)}
    asked = " ".join(w for w in words(turn.text) if w not in named)  # "longer warranty", not the names
    # "lighter" asks about a weight, in kg or g: lines naming the measure or its units answer it
    units = {u for u, _ in lexicon.said("compare_units", turn.text)}
    asked += " " + " ".join(units | {lexicon.mapping("unit_names").get(vocabulary.base_unit(u), "") for u in units})
    lines, citations = [], []
    for pid in turn.focus:
        items = [(n, h) for n, h in enumerate(turn.hits, 1) if h.product_id == pid]
        if not items or pid not in turn.products:
            continue
        line = deciding_quote(asked, [h.chunk.text for _, h in items])
        n, h = next(((n, h) for n, h in items if line in _CHUNK_PREFIX.sub("", h.chunk.text)), items[0])
        if not set(terms(line)) & set(terms(asked)) or not _relayable(line):
            continue
        name = turn.products[pid].name
        lines.append(turn.fixed("side_line", title=name, quote=line, n=n))
        citations.append(Citation(pid, [h.chunk.id], name, line))
    if len(lines) < 2:
        return False
    turn.reply.answer = turn.fixed("side_by_side", lines=lines)
    turn.reply.citations = citations
    return True


def _relay(turn: Turn, n: int, line: str, key: str) -> None:
    """Answer with evidence item `n`'s `line`, cited ("quoted": as its source's words;
    "closest": hedged)."""
    h = turn.hits[n - 1]
    p = turn.products.get(h.product_id)
    source = message(f"source_{h.chunk.kind}" if h.chunk.kind in KIND_LABEL else "source_card", turn.lang)
    turn.reply.answer = turn.fixed(key, source=source, quote=line, n=n)
    turn.reply.citations = [Citation(h.product_id, [h.chunk.id], p.name if p else "", line)]
    turn.reply.flags.append("closest")


def source_of(answer: str, hits: list[Hit]) -> int:
    """The number of the evidence item sharing most words with the answer (ties: the better ranked)."""
    said = set(words(answer))
    shared = [len(said & set(words(h.chunk.text))) for h in hits]
    return shared.index(max(shared)) + 1


def deciding_quote(answer: str, texts: list[str], limit: int = 160) -> str:
    """The evidence sentence sharing most words with the answer: the line a shopper should read
    to check it (ties go to the earlier, better ranked chunk)."""
    return closest_sentence(answer, [_CHUNK_PREFIX.sub("", text) for text in texts], limit)
