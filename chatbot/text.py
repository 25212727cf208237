"""Words, stems, sentences and language: the one place text is cut up.

Retrieval, the answer stages and the checks all tokenise the same way, so a word the question
shares with an evidence line is found by every part alike.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

_WORD = re.compile(r"[a-z0-9]+(?:[.'-][a-z0-9]+)*|[\u4e00-\u9fff]")
STOPWORDS = set(
    "a an the and or of for to in on at by with is are was were be it this that these those do does did "
    "i you we they he she my your our their me can could would should will how what which who whom when "
    "where why there here any some much many more most less not no yes if than then so as from about into "
    "have has had get got its it's i'm one what's how's where's who's that's there's here's i've i'd "
    "you're we're they're".split()
)
ENDS = ".!?。！？"  # what ends a sentence, in English and Chinese


def detect_lang(text: str) -> str:
    """'zh' when there are as many CJK ideographs as Latin words (a Chinese character is about a
    word), or the text ends in Chinese: "Halvory Maple 6.5 L Slow Cooker多少钱？" asks in Chinese
    about an English title; "Is the 防水 version available?" is English. Else 'en'."""
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if not cjk:
        return "en"
    last = next(ch for ch in reversed(text) if ch.isalpha() or "\u4e00" <= ch <= "\u9fff")
    return "zh" if cjk >= len(re.findall(r"[A-Za-z]+", text)) or "\u4e00" <= last <= "\u9fff" else "en"


def words(text: str) -> list[str]:
    """Lower-cased words (a Chinese character is a word), stop words left out."""
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


def stem(word: str) -> str:
    """battery/batteries, wood/wooden, color/colors: enough to match a question to a line."""
    for end, repl in (("ies", "y"), ("en", ""), ("es", ""), ("s", "")):
        if len(word) > len(end) + 3 and word.endswith(end) and not word.endswith("ss"):
            return word[: -len(end)] + repl
    return word


def terms(text: str) -> list[str]:
    """The stemmed words of `text`: what question and evidence are compared on."""
    return [stem(w) for w in words(text)]


def plural_stem(word: str) -> str:
    """Only a plural 's' off: catalog phrases ("wide", "open") must keep their own letters."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """A word's dictionary form (simplemma: knives -> knife, kettles -> kettle, litres -> litre),
    for matching a request to a catalog's words; the light `stem` stays retrieval's (the index is
    built on it). A word simplemma does not know stays as it is."""
    import simplemma  # its English data loads on the first call

    return simplemma.lemmatize(word, lang="en").lower() if word.isascii() and word.isalpha() else word


RARE_ZIPF = 4.0  # below this Zipf frequency an English word is specific ("pacemaker" 3.0, "shipping" 4.5); chosen on lakeside dev


@lru_cache(maxsize=65536)
def rare(word: str) -> bool:
    """Whether `word` is uncommon in English (wordfreq's Zipf scale): a name, a standard, a
    technical term, the kind of word a small model fills in or confirms from its own knowledge."""
    from wordfreq import zipf_frequency  # its English table loads on the first call

    return zipf_frequency(word, "en") < RARE_ZIPF


def alternatives(words) -> str:
    """A regular-expression alternation of `words`, longest first ("extra large" before "large")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def lemmas(text: str) -> list[str]:
    """The dictionary forms of `text`'s words, stop words left out."""
    return [lemma(w) for w in words(text)]


@lru_cache(maxsize=8192)
def phrase_stems(phrase: str) -> tuple[str, ...]:
    # Catalog phrases (categories, attribute names and values) are matched against every
    # message: each is reduced once, not once a message.
    return tuple(lemma(w) for w in re.findall(r"[a-z0-9]+", phrase.lower()))


_CITES_ONLY = re.compile(r"(\[\d{1,2}\]\s*)+[.!?。！？]?")


@lru_cache(maxsize=4)
def _segmenter(lang: str):
    import pysbd  # knows abbreviations ("Acme & Co.", "Dr.", "e.g."), decimals and initials

    return pysbd.Segmenter(language=lang if lang in pysbd.languages.LANGUAGE_CODES else "en", clean=False)


_GUARD = "\ue000"  # a private-use character stands for the full stops of a kept name while segmenting


def sentences(text: str, keep: Iterable[str] = ()) -> list[str]:
    """`text` cut into sentences (pysbd). A piece that is only citation marks ("[2]") or that
    starts in lower case ("2 lbs. | and is blue") still belongs to the sentence before it.
    No sentence ends at a full stop inside one of the names `keep` ("Birch & Co.", "Dr. Pell
    Ltd."): a catalog's brands and titles are no abbreviations pysbd knows."""
    for name in sorted({n for n in keep if "." in n}, key=len, reverse=True):
        text = text.replace(name, name.replace(".", _GUARD))
    out: list[str] = []
    for piece in _segmenter(detect_lang(text)).segment(text.strip()):
        piece = piece.strip().replace(_GUARD, ".")
        if not piece:
            continue
        if out and (_CITES_ONLY.fullmatch(piece) or piece[0].islower()):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def closest_sentence(query: str, texts: list[str], limit: int = 160) -> str:
    """The sentence of `texts` sharing most words with `query` (ties: the earlier), clipped to
    `limit` characters."""
    said = set(words(query))
    best, best_overlap = "", -1
    for text in texts:
        for sentence in re.split(rf"(?<=[{ENDS}])\s+|\.{{2,}}|;\s+", text):
            overlap = len(said & set(words(sentence)))
            if sentence.strip() and overlap > best_overlap:
                best, best_overlap = sentence.strip(), overlap
    return best if len(best) <= limit else best[: limit - 1].rsplit(" ", 1)[0] + "…"


def clip(text: str, n: int) -> str:
    """The first `n` words of `text` (Chinese, which has no spaces: about 3 characters a word)."""
    parts = text.split()
    if len(parts) <= 1 and len(text) > n * 3:
        return text[: n * 3] + "…"
    return text if len(parts) <= n else " ".join(parts[:n]) + " …"
