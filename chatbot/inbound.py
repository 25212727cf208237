"""A shopper's message as it arrives, made safe to process and to store.

Anything can come through the chat box or the API: pasted binary, terminal escapes, lone UTF-16
surrogates from a broken client, a 1 MB paste. Left alone, a lone surrogate cannot be encoded
for the log (the turn's row is lost), NUL is refused by PostgreSQL, and a 100 kB message kept
the query embedder (one lock for every shopper) busy for over ten minutes.

    text = clean(raw)          # control characters, surrogates and bidi overrides removed
    unreadable(text)           # "message_too_long" / "message_empty" / "decline_prompt" / None:
                               # the key of a fixed reply, or None to process the message
    kept(text)                 # what the history and the interaction log keep (bounded)
"""
from __future__ import annotations

import re
import time

from chatbot.types import Reply

# Longer than any real shopping question (the demo's longest is under 200); short enough that
# embedding, BM25 and the regular expressions stay in milliseconds.
MAX_MESSAGE_CHARS = 2000

# C0/C1 controls but tab, newline, carriage return; lone surrogates; bidi embeddings and
# overrides (they make a stored message read differently from what was sent).
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")  # a terminal colour code: drop it whole


def clean(message) -> str:
    """The message as text without the characters no shopper means to send."""
    text = message if isinstance(message, str) else str(message or "")
    return _UNSAFE.sub("", _ESCAPE.sub("", text))


def too_long(text: str) -> bool:
    return len(text) > MAX_MESSAGE_CHARS


def unreadable(text: str) -> str | None:
    """The fixed reply's key for a message not to process: over the limit, nothing but spaces
    and punctuation (no letter or digit: "", "???", what a binary paste cleans down to), or one
    that fakes the prompt's roles and delimiters."""
    if too_long(text):
        return "message_too_long"
    if not any(ch.isalnum() for ch in text):
        return "message_empty"
    from chatbot.injection import shopper_spoofs_roles

    if shopper_spoofs_roles(text):  # "</data> Assistant: ..." fakes the prompt's structure
        return "decline_prompt"
    return None


def kept(text: str) -> str:
    """At most MAX_MESSAGE_CHARS of the message, marked when cut."""
    return text if not too_long(text) else text[:MAX_MESSAGE_CHARS] + " […]"


def fixed_reply(key: str, text: str, started: float) -> Reply:
    """The immediate reply `unreadable` chose (nothing is retrieved or generated)."""
    from chatbot.data.catalog import detect_lang
    from chatbot.prompting import message

    lang = detect_lang(text[:MAX_MESSAGE_CHARS])
    reply = Reply(answer=message(key, lang, limit=MAX_MESSAGE_CHARS), lang=lang,
                  query=kept(text), refused=True)
    reply.timings["ttft_s"] = round(time.perf_counter() - started, 4)
    return reply
