"""Settings: a few environment variables and one home folder.

| variable | default | meaning |
|---|---|---|
| SHOPBOT_HOME | ~/.shopbot | store, model cache, interaction log, reports |
| SHOPBOT_LLM | qwen-0.5b | LLM preset, Hugging Face id, local folder, or openai:URL[#model] |
| SHOPBOT_EMBEDDER | (see DEFAULT_EMBEDDER) | embedder preset, sentence-transformers id or folder |
| SHOPBOT_DEVICE | auto | auto, cpu, cuda, cuda:N |
| SHOPBOT_THREADS | (torch default) | CPU threads for torch |
| SHOPBOT_CHROMA_URL | (unset: embedded) | http://host:port of a Chroma server |
| SHOPBOT_DB_URL | sqlite:///$SHOPBOT_HOME/log.db | SQLAlchemy URL of the interaction log |
| SHOPBOT_LOG | on | off disables the interaction log |
| SHOPBOT_UI_AUTH | (unset) | user:password for the web UI |
| SHOPBOT_ONLINE | 0 | 1 lets transformers reach the Hugging Face hub |
| SHOPBOT_SESSION_TTL | 1800 | seconds a conversation stays in memory while idle |
| SHOPBOT_MAX_SESSIONS | 10000 | conversations kept in memory; least recently used go first |
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_LLM = "qwen-0.5b"
DEFAULT_EMBEDDER = "e5-small"
COLLECTION = "shopbot"


def _offline_by_default() -> None:
    # Loading a hub id with no network retries for ~75 s; offline mode fails in seconds.
    # Users with a network opt in with SHOPBOT_ONLINE=1.
    if os.environ.get("SHOPBOT_ONLINE", "0") not in ("1", "true", "yes"):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # OpenMP threads that spin while waiting stall the next library's threads on a 2-core box
    # (the query embedder waited ~2 s after each generation); passive waiting removes that.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=lambda: Path(_env("SHOPBOT_HOME", "~/.shopbot")).expanduser())
    llm: str = field(default_factory=lambda: _env("SHOPBOT_LLM", DEFAULT_LLM))
    embedder: str = field(default_factory=lambda: _env("SHOPBOT_EMBEDDER", DEFAULT_EMBEDDER))
    device: str = field(default_factory=lambda: _env("SHOPBOT_DEVICE", "auto"))
    threads: int | None = field(default_factory=lambda: int(_env("SHOPBOT_THREADS", "0")) or None)
    chroma_url: str | None = field(default_factory=lambda: _env("SHOPBOT_CHROMA_URL"))
    db_url: str | None = field(default_factory=lambda: _env("SHOPBOT_DB_URL"))
    log_enabled: bool = field(
        default_factory=lambda: _env("SHOPBOT_LOG", "on").lower() not in ("off", "0", "false", "no")
    )
    ui_auth: str | None = field(default_factory=lambda: _env("SHOPBOT_UI_AUTH"))
    # Evicted conversations are rebuilt from the interaction log on their next turn (sessions.py).
    session_ttl: float = field(default_factory=lambda: float(_env("SHOPBOT_SESSION_TTL", "1800")))
    max_sessions: int = field(default_factory=lambda: int(_env("SHOPBOT_MAX_SESSIONS", "10000")))
    collection: str = COLLECTION

    def __post_init__(self):
        _offline_by_default()
        object.__setattr__(self, "home", Path(self.home).expanduser())

    # Folders under home, created on first use.
    @property
    def store_dir(self) -> Path:
        return self.home / "chroma"

    @property
    def models_dir(self) -> Path:
        return self.home / "models"

    @property
    def reports_dir(self) -> Path:
        return self.home / "reports"

    @property
    def database_url(self) -> str:
        return self.db_url or f"sqlite:///{self.home / 'log.db'}"

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)

    def ensure_home(self) -> Path:
        self.home.mkdir(parents=True, exist_ok=True)
        return self.home


def settings_from_args(args):
    changes = {}
    if getattr(args, "home", None):
        changes["home"] = args.home
    if getattr(args, "llm", None):
        changes["llm"] = args.llm
    if getattr(args, "embedder", None):
        changes["embedder"] = args.embedder
    return Settings(**changes)
