"""Conversations in memory, bounded: an idle time-to-live and a cap, least recently used first out.

A shop runs for months; one entry per session forever is a slow leak. An evicted conversation
loses nothing: its turns are in the interaction log, and the factory rebuilds its state from the
log on its next turn (as for a conversation another process held).

    store = SessionStore(factory, ttl=1800, max_sessions=10_000)
    with store.hold(session_id) as state:   # one turn at a time per session
        ...

A session being held (a turn in progress, or one waiting for it) is never evicted: evicting it
would let its next turn build a second state and run beside the first.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from typing import Callable, Generic, Iterator, TypeVar

T = TypeVar("T")

DEFAULT_TTL_S = 1800.0  # 30 min idle: a shopper who comes back later gets the log's history
DEFAULT_MAX_SESSIONS = 10_000  # each holds a few turns of text: a few MB at the cap


class _Entry(Generic[T]):
    __slots__ = ("value", "lock", "users", "last_used")

    def __init__(self, now: float):
        self.value: T | None = None
        self.lock = threading.Lock()  # held for a whole turn
        self.users = 0  # turns holding or waiting for `lock`
        self.last_used = now


class SessionStore(Generic[T]):
    """Thread-safe map session id -> state, built on first use by `factory(session_id)`."""

    def __init__(self, factory: Callable[[str], T], ttl: float = DEFAULT_TTL_S,
                 max_sessions: int = DEFAULT_MAX_SESSIONS, clock: Callable[[], float] = time.monotonic):
        if ttl <= 0 or max_sessions < 1:
            raise ValueError(f"session ttl must be > 0 and max_sessions >= 1 (got {ttl}, {max_sessions})")
        self._factory = factory
        self.ttl = float(ttl)
        self.max_sessions = int(max_sessions)
        self._clock = clock
        self._entries: OrderedDict[str, _Entry[T]] = OrderedDict()  # least recently used first
        self._lock = threading.Lock()  # guards the map only; never held while a turn runs
        self.evicted = 0

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def __contains__(self, session_id: str) -> bool:
        with self._lock:
            return session_id in self._entries

    @contextmanager
    def hold(self, session_id: str) -> Iterator[T]:
        """The session's state, held exclusively for the `with` block."""
        with self._lock:
            now = self._clock()
            entry = self._entries.get(session_id)
            if entry is None:
                entry = self._entries[session_id] = _Entry(now)
            else:
                self._entries.move_to_end(session_id)
            entry.users += 1
            self._trim(now)
        try:
            with entry.lock:
                # Built under the session's own lock, not the map's: reading the log for one
                # shopper must not stall every other shopper's turn.
                if entry.value is None:
                    entry.value = self._factory(session_id)
                yield entry.value
        finally:
            with self._lock:
                entry.users -= 1
                entry.last_used = self._clock()
                if entry.value is None and entry.users == 0:  # the factory failed: build it next time
                    self._entries.pop(session_id, None)
                self._trim(entry.last_used)  # those skipped while held go as soon as they are free

    def expire(self) -> int:
        """Drop idle sessions now (they are also dropped on each `hold`). Returns how many."""
        with self._lock:
            before = self.evicted
            self._trim(self._clock())
            return self.evicted - before

    def _trim(self, now: float) -> None:
        # Idle past the TTL: the map is in use order, so stop at the first recent one.
        for key, entry in list(self._entries.items()):
            if now - entry.last_used <= self.ttl:
                break
            if entry.users == 0:
                del self._entries[key]
                self.evicted += 1
        # Over the cap: the least recently used that nobody holds.
        if len(self._entries) > self.max_sessions:
            for key, entry in list(self._entries.items()):
                if len(self._entries) <= self.max_sessions:
                    break
                if entry.users == 0:
                    del self._entries[key]
                    self.evicted += 1
