"""Keywords per review (yake for English, jieba's TF-IDF `extract_tags` for Chinese), per product
(how many of its reviews share a keyword), and noun-like candidate terms for aspect discovery."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable, Sequence

from .text import opinion_words

_yake = None
_jieba = None
# Chinese parts of speech that name things: nouns, other proper nouns, verbal nouns.
_ZH_NOUNS = ("n", "nz", "vn", "ng")
_NOUNISH = re.compile(
    r"\b(?:the|my|its|their|your|his|her|our)\s+([a-z][a-z-]+)"
    r"|(?:^|[.!?;,]\s*)([a-z][a-z-]+)\s+(?:is|are|was|were|feels?|seems?|looks?)\b"
)
# Words that follow "the" often but name no part or property of a product.
_GENERIC = {
    "product", "item", "thing", "things", "one", "ones", "way", "time", "times", "day", "days",
    "week", "weeks", "month", "months", "year", "years", "bit", "lot", "rest", "first", "other",
    "same", "whole", "only", "end", "box", "order", "purchase", "company", "brand", "amazon",
    "mine", "kids", "son", "daughter", "wife", "husband", "family", "friend", "house", "home",
    "morning", "night", "next", "last", "second", "money", "review", "reviews", "star", "stars",
    "person", "people", "photo", "photos", "picture", "pictures", "listing", "description",
    # where and what for it is used, not a part or property of it
    "walk", "walks", "park", "gym", "commute", "train", "trip", "trips", "office", "work", "desk",
    "car", "living", "room", "kitchen", "dog", "cat", "daily", "moment", "steps", "emails",
    # body parts: where a product is felt, not a part of it
    "back", "chin", "leg", "legs", "foot", "feet", "toes", "ear", "ears", "head", "neck", "shoulders",
    "hand", "hands", "arms", "skin",
}


def _yake_extractor():
    global _yake
    if _yake is None:
        import yake

        # n=2: two-word phrases such as "battery life" or "ear cushions" are the useful ones.
        _yake = yake.KeywordExtractor(lan="en", n=2, top=8, dedup_lim=0.7)
    return _yake


def _jieba_analyse():
    global _jieba
    if _jieba is None:
        import logging

        import jieba
        import jieba.analyse

        jieba.setLogLevel(logging.WARNING)  # it prints "Building prefix dict..." otherwise
        _jieba = jieba.analyse
    return _jieba


@lru_cache(maxsize=1)
def _english_drop_words() -> frozenset[str]:
    return frozenset(opinion_words() | _yake_extractor().stopword_set | _GENERIC)


def _zh_word_tags() -> dict[str, str]:
    _jieba_analyse()
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab


def keywords(text: str, lang: str = "en", top: int = 5) -> list[str]:
    """The `top` keywords of one text, best first, lower-cased for English."""
    if not text.strip():
        return []
    if lang == "zh":
        return [w for w in _jieba_analyse().extract_tags(text, topK=top) if not w.isdigit()]
    # A lone opinion word ("great") says less than the phrase it came from ("great sound"), and a
    # word inside a better-ranked phrase repeats it: keep the phrases.
    # Lone stop, opinion or generic words ("time", "great") go too.
    drop = _english_drop_words()
    found: list[str] = []
    for phrase, _score in _yake_extractor().extract_keywords(text):
        phrase = phrase.lower()
        words = phrase.split()
        if phrase.isdigit() or phrase in found or (len(words) == 1 and phrase in drop):
            continue
        if len(words) == 1 and any(phrase in f.split() for f in found):
            continue
        found.append(phrase)
    return found[:top]


# The same for Chinese: overall, time, device, family, running, commuting, phone...
_ZH_GENERIC = {
    "总体", "总的来说", "时候", "设备", "东西", "产品", "商品", "宝贝", "家人", "朋友", "孩子", "老人",
    "客厅", "跑步", "训练", "骑车", "通勤", "上班", "手机", "新手机", "电脑", "感觉", "时间", "问题",
}


def candidate_terms(text: str, lang: str = "en") -> list[str]:
    """Noun-like terms for aspect discovery ("zipper", "lid", "拉链").

    Chinese: jieba's nouns. English has no tagger installed, so a noun is approximated as the
    word after a determiner ("the zipper broke") or the subject of a clause ("strap is flimsy"),
    minus stop words, opinion words and words that name no part of a product."""
    if lang == "zh":
        # The dictionary's part-of-speech tag per word, not jieba.posseg on each sentence: that
        # took ~48 ms a review here, and a word's usual tag is enough to pick nouns.
        tags = _zh_word_tags()
        return [w for w in _jieba_analyse().extract_tags(text, topK=8)
                if len(w) > 1 and w not in _ZH_GENERIC and tags.get(w) in _ZH_NOUNS]
    drop = _english_drop_words()
    terms = []
    for match in _NOUNISH.finditer(text.lower()):
        word = match.group(1) or match.group(2)
        if len(word) > 2 and word not in drop and word not in terms:
            terms.append(word)
    return terms


def aggregate(per_review: Iterable[Sequence[str]], top: int = 10) -> list[tuple[str, int]]:
    """Product keywords: those most reviews share, with the number of reviews naming them."""
    counts = Counter()
    first_seen = {}
    for kws in per_review:
        for kw in dict.fromkeys(kws):
            counts[kw] += 1
            first_seen.setdefault(kw, len(first_seen))
    # Ties keep the order the keywords first appeared in, so the output is stable.
    return sorted(counts.items(), key=lambda kv: (-kv[1], first_seen[kv[0]]))[:top]
