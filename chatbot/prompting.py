"""Prompt templates are package data in `prompts/`, rendered with Jinja's StrictUndefined so a
missing variable is an error rather than an empty hole in a prompt."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from chatbot.errors import ConfigError


@lru_cache(maxsize=None)
def _env():
    from jinja2 import Environment, StrictUndefined

    return Environment(undefined=StrictUndefined, keep_trailing_newline=False, autoescape=False)


@lru_cache(maxsize=None)
def template_text(name: str) -> str:
    try:
        return resources.files("prompts").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"prompt template prompts/{name} is missing; reinstall shopbot") from exc


@lru_cache(maxsize=None)
def _template(name: str):
    return _env().from_string(template_text(name))  # compiled once: a few ms a prompt otherwise


def render(name: str, **values) -> str:
    return _template(name).render(**values).strip()


def render_text(source: str, **values) -> str:
    """Render template text that is not a packaged file (a prompt variant under test)."""
    return _env().from_string(source).render(**values).strip()


@lru_cache(maxsize=None)
def _messages() -> dict:
    import yaml

    return yaml.safe_load(template_text("messages.yaml"))


def has_message(key: str) -> bool:
    return key in _messages()


def message(key: str, lang: str = "en", **values) -> str:
    """A fixed reply from prompts/messages.yaml in `lang` (English when that language is missing)."""
    entry = _messages().get(key)
    if entry is None:
        raise ConfigError(f"prompts/messages.yaml has no message {key!r}")
    return _env().from_string(entry.get(lang) or entry["en"]).render(**values).strip()
