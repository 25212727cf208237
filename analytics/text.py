"""Small text helpers: language, clause splitting, hashing."""
from __future__ import annotations

import hashlib
import re

from chatbot.text import detect_lang  # one CJK rule for the whole project

__all__ = ["detect_lang", "split_clauses", "contrasts", "text_hash", "lang_of", "opinion_words"]

# Sentence ends, then contrast markers (the polarity often flips across them), then commas.
_SENTENCE = re.compile(r"(?<=[.!?。！？；;])\s*|\n+")
_CONTRAST_EN = re.compile(r"\s*(?:,\s*)?\b(?:but|however|although|though|yet|except|whereas)\b\s*", re.I)
_CONTRAST_ZH = re.compile(r"[，,]?\s*(?:但是|但|不过|可是|然而|就是|只是|却)")
_COMMA = re.compile(r"\s*[,，、:：]\s*")
# "and the zipper broke" quotes better as "the zipper broke".
_LEADING = re.compile(r"^(?:(?:and|also|then|plus)\b\s*|而且|并且|还有|也)", re.I)
_EDGE = " \t.,;:!?。，；：！？、\"'“”‘’()（）-—"


def lang_of(text: str, lang: str | None = None) -> str:
    """The given language code reduced to en/zh, or detected from the text."""
    if lang:
        lang = lang.lower()
        return "zh" if lang.startswith("zh") else lang.split("-")[0]
    return detect_lang(text)


_opinion_words: set[str] | None = None


def opinion_words() -> set[str]:
    """English opinion words: VADER's lexicon doubles as the list ("great", "broke", "love")."""
    global _opinion_words
    if _opinion_words is None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        _opinion_words = set(SentimentIntensityAnalyzer().lexicon)
    return _opinion_words


def _short(piece: str, lang: str) -> bool:
    # A fragment like "The battery" or "电池" carries no polarity of its own: keep it with its
    # neighbour instead of classifying it alone. "Great sound" or "Love it" stand on their own.
    if lang == "zh":
        return len(piece) < 3
    words = piece.split()
    return len(words) < 2 or (len(words) < 3 and not any(w.lower().strip(_EDGE) in opinion_words() for w in words))


def _segments(text: str, lang: str) -> list[list[list[str]]]:
    """Sentences -> the segments a contrast marker separates -> their clauses."""
    contrast = _CONTRAST_ZH if lang == "zh" else _CONTRAST_EN
    out = []
    for sentence in _SENTENCE.split(text):
        segments = []
        for segment in contrast.split(sentence):
            pieces = [p.strip(_EDGE) for p in _COMMA.split(segment)]
            pieces = [p for p in pieces if p]
            merged: list[str] = []
            carry = ""
            for piece in pieces:
                piece = f"{carry}{'' if lang == 'zh' else ', ' if carry else ''}{piece}" if carry else piece
                carry = ""
                if _short(piece, lang):
                    carry = piece
                else:
                    merged.append(piece)
            if carry:  # a short tail joins the clause before it, or stands alone
                if merged:
                    merged[-1] += ("，" if lang == "zh" else ", ") + carry
                else:
                    merged.append(carry)
            merged = [c for c in (_LEADING.sub("", m.strip(_EDGE)) for m in merged) if c]
            if merged or not segments:  # an empty first one: the sentence opens with a marker ("However, ...")
                segments.append(merged)
        out.append(segments)
    return out


def split_clauses(text: str, lang: str = "en") -> list[str]:
    """Split a review into clauses whose polarity can be judged on their own.

    "Great sound but the battery dies fast." -> ["Great sound", "the battery dies fast"]
    "电池续航很差，但是音质不错。" -> ["电池续航很差", "音质不错"]
    """
    clauses = [c for sentence in _segments(text, lang) for segment in sentence for c in segment]
    return clauses or ([text.strip()] if text.strip() else [])


def contrasts(text: str, lang: str = "en") -> dict[str, str]:
    """Each clause on one side of a contrast marker -> the clause on the other side: "Great
    sound" <-> "the battery dies fast". The marker says their polarities differ, so a clause
    whose own words are undecided ("dies fast" is in no training sentence) takes the opposite of
    its partner rather than the leaning of the whole review."""
    out: dict[str, str] = {}
    last = None  # the previous sentence's last clause: "..., and warm. However the zipper broke"
    for sentence in _segments(text, lang):
        segments = ([[last]] if last and sentence and not sentence[0] else []) + [s for s in sentence if s]
        for before, after in zip(segments, segments[1:]):
            out.setdefault(before[-1], after[0])
            out.setdefault(after[0], before[-1])
        last = segments[-1][-1] if segments else last
    return out


def text_hash(text: str) -> str:
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:16]
