"""The interaction log: chat turns, feedback, shopper events and cached profiles.

SQLAlchemy Core over any URL; SQLite (the default, `$SHOPBOT_HOME/log.db`) runs in WAL mode with
`synchronous=NORMAL` and a busy timeout, so a crash loses at most the last transactions and never
corrupts the file, and readers never wait for the writer. What is stored, and the redaction applied
to every text first, is described in `chatbot/redact.py`.

The schema and its migrations are in `chatbot/loop/log_schema.py`.
"""
from __future__ import annotations

import random
import threading
import time
from contextlib import contextmanager, nullcontext
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

import sqlalchemy as sa
from sqlalchemy.exc import OperationalError

from chatbot.loop.redact import redact, redact_obj
from chatbot.types import ACTIONS, Event, Reply

from chatbot.loop.log_schema import (  # noqa: F401  (tables: the names insights and tests read here)
    EXPORT_TABLES, MIGRATIONS, events, feedback, metadata, migrations_table, profiles, sessions, turns,
)


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def parse_ts(value: str | datetime | None) -> datetime:
    """ISO 8601 (or a datetime) -> naive UTC, the form stored; None -> now."""
    if value is None or value == "":
        return utcnow()
    dt = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).strip())
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
    return dt


def iso(dt: datetime | None) -> str | None:
    return None if dt is None else dt.replace(tzinfo=timezone.utc).isoformat().replace("+00:00", "Z")


def _is_locked(exc: OperationalError) -> bool:
    text = str(exc.orig if exc.orig is not None else exc).lower()
    return "locked" in text or "busy" in text


def _check_vote(value) -> None:
    if value not in (1, -1):
        raise ValueError(f"feedback value must be +1 or -1, got {value!r}")


def _event_row(event: Event) -> dict:
    """Validate an event and turn it into a row (time normalised to UTC, extra text redacted)."""
    if event.action not in ACTIONS:
        raise ValueError(f"action must be one of {', '.join(ACTIONS)}, got {event.action!r}")
    if not event.user_id or not event.product_id:
        raise ValueError("an event needs a user_id and a product_id")
    return dict(user_id=event.user_id, product_id=event.product_id, action=event.action,
                ts=parse_ts(event.ts), session_id=event.session_id,
                value=None if event.value is None else float(event.value),
                extra=redact_obj(event.extra) or None)


def _make_engine(url: str) -> tuple[sa.Engine, bool]:
    """Engine for `url`; SQLite gets WAL, busy timeout, NORMAL sync and explicit BEGIN."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return sa.create_engine(url, pool_pre_ping=True), False
    memory = parsed.database in (None, "", ":memory:") or "mode=memory" in str(parsed)
    if memory:  # one shared connection, or every thread would get its own empty database
        engine = sa.create_engine(url, poolclass=sa.pool.StaticPool,
                                  connect_args={"check_same_thread": False})
    else:
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # pysqlite's own transaction handling defers BEGIN and cannot do BEGIN IMMEDIATE; we emit
        # BEGIN ourselves (the SQLAlchemy-documented recipe).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA secure_delete=ON")  # forget() overwrites, not just unlinks, the rows
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Writers take the write lock up front: a deferred transaction that upgrades from read to
        # write gets SQLITE_BUSY at once, without waiting for the busy timeout.
        conn.exec_driver_sql("BEGIN " + conn.get_execution_options().get("sqlite_begin", "DEFERRED"))

    return engine, memory


class InteractionLog:
    """Turns, feedback, events and profiles in one database. Safe to share between threads."""

    retries = 8
    _discard = False  # NullLog: roll every write back

    def __init__(self, url: str):
        self.url = url
        self.engine, self.memory = _make_engine(url)
        self.sqlite = self.engine.dialect.name == "sqlite"
        self._writer = self.engine.execution_options(sqlite_begin="IMMEDIATE") if self.sqlite else self.engine
        # SQLite has one writer at a time anyway: queueing our own threads on a lock is cheaper and
        # fairer than letting them spin on SQLITE_BUSY. In memory, readers share the one connection.
        self._write_lock = threading.RLock()
        self._read_lock = self._write_lock if self.memory else None
        self.migrate()

    # ------------------------------------------------------------------ plumbing
    def _write(self, fn):
        """Run fn(conn) in one write transaction, retrying with backoff if the file is locked."""
        for attempt in range(self.retries):
            try:
                with self._write_lock if self.sqlite else nullcontext(), self._writer.connect() as conn:
                    with conn.begin() as tx:
                        result = fn(conn)
                        if self._discard:
                            tx.rollback()
                    return result
            except OperationalError as exc:  # last resort: another process held the lock > timeout
                if not _is_locked(exc) or attempt == self.retries - 1:
                    raise
                time.sleep(min(2.0, 0.05 * 2 ** attempt) * (0.5 + random.random()))

    @contextmanager
    def reader(self):
        """A connection for queries (in memory, shared under the lock)."""
        with self._read_lock or nullcontext(), self.engine.connect() as conn:
            yield conn

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded; return their names. Idempotent."""
        def run(conn):
            migrations_table.create(conn, checkfirst=True)
            done = set(conn.scalars(sa.select(migrations_table.c.name)))
            applied = []
            for fn in MIGRATIONS:
                if fn.__name__ not in done:
                    fn(conn)
                    conn.execute(migrations_table.insert().values(name=fn.__name__, applied_at=utcnow()))
                    applied.append(fn.__name__)
            return applied
        return self._write(run)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ------------------------------------------------------------------ writes
    def log_turn(self, session_id: str | None, user_id: str | None, message: str, reply: Reply,
                 product_id: str | None = None) -> int:
        """Store one chat turn (texts redacted); sets and returns `reply.turn_id`."""
        now = utcnow()
        row = dict(
            session_id=session_id, user_id=user_id, ts=now, message=redact(message),
            query=redact(reply.query), chunk_ids=[h.chunk.id for h in reply.hits],
            answer=redact(reply.answer),
            citations=[{**asdict(c), "quote": redact(c.quote)} for c in reply.citations],
            recommendations=[{**asdict(r), "reason": redact(r.reason)} for r in reply.recommendations],
            refused=bool(reply.refused), handoff=bool(reply.handoff),
            handoff_reason=redact(reply.handoff_reason), model=reply.model,
            latencies=dict(reply.timings), prompt_tokens=reply.usage.get("prompt_tokens"),
            output_tokens=reply.usage.get("output_tokens"), lang=reply.lang, product_id=product_id,
            tool_calls=redact_obj(reply.tool_calls) or None,
        )

        def run(conn):
            if session_id is not None:
                touched = conn.execute(sessions.update().where(sessions.c.id == session_id).values(last_at=now))
                if touched.rowcount == 0:
                    conn.execute(sessions.insert().values(id=session_id, user_id=user_id,
                                                          started_at=now, last_at=now))
            return conn.execute(turns.insert().values(**row)).inserted_primary_key[0]

        reply.turn_id = self._write(run)
        return reply.turn_id

    def log_feedback(self, turn_id: int, value: int, comment: str | None = None,
                     user_id: str | None = None) -> int:
        """Thumbs up (+1) or down (-1) on a turn; the user defaults to the turn's."""
        _check_vote(value)

        def run(conn):
            who = user_id or conn.scalar(sa.select(turns.c.user_id).where(turns.c.id == turn_id))
            return conn.execute(feedback.insert().values(
                turn_id=turn_id, user_id=who, value=int(value), comment=redact(comment), ts=utcnow(),
            )).inserted_primary_key[0]
        return self._write(run)

    def log_event(self, event: Event) -> int:
        row = _event_row(event)
        return self._write(lambda conn: conn.execute(events.insert().values(**row)).inserted_primary_key[0])

    def log_events(self, items: Iterable[Event]) -> int:
        """Store many events in one transaction: all of them or, on any error, none."""
        rows = [_event_row(e) for e in items]  # validate all before writing any
        if rows:
            self._write(lambda conn: conn.execute(events.insert(), rows))
        return len(rows)

    def forget(self, user_id: str) -> dict[str, int]:
        """Delete every row of `user_id` in every table; return the counts deleted."""
        def run(conn):
            their_turns = sa.select(turns.c.id).where(turns.c.user_id == user_id)
            counts = {}
            for name, table, cond in (
                ("feedback", feedback, sa.or_(feedback.c.user_id == user_id, feedback.c.turn_id.in_(their_turns))),
                ("turns", turns, turns.c.user_id == user_id),
                ("sessions", sessions, sessions.c.user_id == user_id),
                ("events", events, events.c.user_id == user_id),
                ("profiles", profiles, profiles.c.user_id == user_id),
            ):
                counts[name] = conn.execute(table.delete().where(cond)).rowcount
            return counts
        counts = self._write(run)
        if self.sqlite and not self.memory:  # move the overwritten pages out of the WAL file too
            # (a checkpoint cannot run inside a transaction, hence the raw connection)
            raw = self.engine.raw_connection()
            try:
                with self._write_lock:
                    raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()
        return counts

    # ------------------------------------------------------------------ reads
    def history(self, session_id: str, limit: int = 10) -> list[tuple[str, str]]:
        """The last `limit` (message, answer) pairs of a session, oldest first."""
        q = (sa.select(turns.c.message, turns.c.answer).where(turns.c.session_id == session_id)
             .order_by(turns.c.id.desc()).limit(limit))
        with self.reader() as conn:
            rows = conn.execute(q).all()
        return [(m or "", a or "") for m, a in reversed(rows)]

    def events(self, user_id: str | None = None, since: str | datetime | None = None) -> list[Event]:
        q = sa.select(events).order_by(events.c.ts, events.c.id)
        if user_id is not None:
            q = q.where(events.c.user_id == user_id)
        if since is not None:
            q = q.where(events.c.ts >= parse_ts(since))
        with self.reader() as conn:
            rows = conn.execute(q).mappings().all()
        return [Event(user_id=r["user_id"], product_id=r["product_id"], action=r["action"],
                      ts=iso(r["ts"]), session_id=r["session_id"], value=r["value"],
                      extra=r["extra"] or {}) for r in rows]

    def product_counts(self) -> dict[str, int]:
        """Events per product: popularity."""
        with self.reader() as conn:
            q = sa.select(events.c.product_id, sa.func.count()).group_by(events.c.product_id)
            return dict(conn.execute(q).all())

    def turn_products(self, user_id: str) -> list[tuple[str, list[str]]]:
        """(ts, product ids cited or recommended) of a user's turns: weak signals for profiles."""
        q = (sa.select(turns.c.ts, turns.c.citations, turns.c.recommendations)
             .where(turns.c.user_id == user_id).order_by(turns.c.id))
        with self.reader() as conn:
            rows = conn.execute(q).all()
        out = []
        for ts, cites, recs in rows:
            ids = list(dict.fromkeys(d["product_id"] for d in (cites or []) + (recs or []) if d.get("product_id")))
            if ids:
                out.append((iso(ts), ids))
        return out

    def feedback_by_user(self) -> dict[str, list[int]]:
        """Every user's thumbs up/down on chat answers (+1/-1)."""
        out: dict[str, list[int]] = {}
        with self.reader() as conn:
            for user_id, value in conn.execute(sa.select(feedback.c.user_id, feedback.c.value).order_by(feedback.c.id)):
                out.setdefault(user_id, []).append(value)
        return out

    # profile cache (see chatbot/profile.py)
    def marks(self, user_id: str) -> str:
        """A key that changes whenever the user gets a new event or turn."""
        with self.reader() as conn:
            e = conn.scalar(sa.select(sa.func.max(events.c.id)).where(events.c.user_id == user_id))
            t = conn.scalar(sa.select(sa.func.max(turns.c.id)).where(turns.c.user_id == user_id))
        return f"e{e or 0}:t{t or 0}"

    def get_profile(self, user_id: str) -> tuple[dict, str] | None:
        with self.reader() as conn:
            row = conn.execute(sa.select(profiles.c.data, profiles.c.key)
                               .where(profiles.c.user_id == user_id)).first()
        return (row[0], row[1]) if row else None

    def put_profile(self, user_id: str, data: dict, key: str) -> None:
        def run(conn):
            conn.execute(profiles.delete().where(profiles.c.user_id == user_id))
            conn.execute(profiles.insert().values(user_id=user_id, data=data, key=key, updated_at=utcnow()))
        self._write(run)


class NullLog(InteractionLog):
    """The log when `SHOPBOT_LOG=off`: the same class, validating the same way, but every write
    transaction is rolled back, so nothing is stored, not even in memory. Reads see an empty log."""

    def __init__(self):
        super().__init__("sqlite://")  # the migrations' empty tables are the only writes kept
        self._discard = True


def open_log(settings) -> InteractionLog:
    """The log the settings ask for: the database at `settings.database_url`, or a NullLog."""
    if not settings.log_enabled:
        return NullLog()
    return InteractionLog(settings.database_url)
