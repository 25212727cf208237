"""Language knowledge as data: every `*.yaml` in this folder (and in the folders named by
$SHOPBOT_LEXICON, or added with `use()`) is one language's words and patterns. Entries of all
languages are joined, so a message is understood whichever language it is in, and a new
language is a new file, read with no code change.

    lexicon.search("handoff_order", text)   # any language's pattern for that intent matches
    lexicon.mapping("translations")         # {word: the catalog's word}, all languages
    lexicon.words("color_words")            # a list, all languages
    lexicon.lists("attribute_words")        # {attribute key: [words]}, all languages
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from chatbot.errors import ConfigError

FOLDER = Path(__file__).parent
_extra: list[Path] = []
_generation = 0  # bumped when the files read change: what others build from the lexicon keys on it


def use(*folders) -> None:
    """Read these folders' lexicon files too (after the packaged ones); compiled anew."""
    _extra.extend(Path(f) for f in folders)
    _changed()


def reset() -> None:
    _extra.clear()
    _changed()


def _changed() -> None:
    global _generation
    _generation += 1
    for cached in (_load, pattern, mapping, words, lists):
        cached.cache_clear()


def generation() -> int:
    """Changes whenever `use` or `reset` changes what is read (a cache key for derived patterns)."""
    return _generation


def _folders() -> list[Path]:
    env = [Path(p) for p in os.environ.get("SHOPBOT_LEXICON", "").split(os.pathsep) if p]
    return [FOLDER, *env, *_extra]


@lru_cache(maxsize=1)
def _load() -> list[tuple[Path, dict]]:
    import yaml

    files = []
    for folder in _folders():
        for path in sorted(folder.glob("*.yaml")):
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
                raise ConfigError(f"{path}: not a readable lexicon file: {exc}") from exc
            if not isinstance(data, dict):
                raise ConfigError(f"{path}: a lexicon file is a mapping of sections")
            files.append((path, data))
    return files


def _sections(name: str) -> list[tuple[Path, object]]:
    return [(path, data[name]) for path, data in _load() if data.get(name) is not None]


@lru_cache(maxsize=None)
def pattern(intent: str) -> re.Pattern:
    """One compiled pattern: every language's alternatives for `intent`, case-insensitive."""
    alternatives = []
    for path, patterns in _sections("patterns"):
        for alt in patterns.get(intent) or []:
            try:
                re.compile(alt)
            except re.error as exc:
                raise ConfigError(f"{path}: patterns: {intent}: {alt!r}: {exc}") from exc
            alternatives.append(f"(?:{alt})")
    if not alternatives:
        return re.compile(r"(?!)")  # no language names this intent: it never matches
    return re.compile("|".join(alternatives), re.I)


def search(intent: str, text: str) -> bool:
    return pattern(intent).search(text) is not None


# Merged once per section and shared (read them, never change them): the stages ask on every message.
@lru_cache(maxsize=None)
def mapping(section: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for _, data in _sections(section):
        merged.update(data)
    return merged


@lru_cache(maxsize=None)
def words(section: str) -> list[str]:
    return [w for _, data in _sections(section) for w in data]


@lru_cache(maxsize=None)
def lists(section: str) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for _, data in _sections(section):
        for key, items in data.items():
            merged.setdefault(key, []).extend(items)
    return merged


def said(section: str, text: str) -> list[tuple[str, str]]:
    """The (key, phrase) pairs of a `lists` section whose phrase the text says, in the section's
    order: an English phrase as whole words ("lighter", not "highlighter"), a Chinese one anywhere."""
    lowered = text.lower()
    return [(key, phrase) for key, phrases in lists(section).items() for phrase in phrases
            if re.search(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", lowered) or not phrase.isascii() and phrase in text]
