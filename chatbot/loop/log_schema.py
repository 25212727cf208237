"""The interaction log's schema: its tables and the migrations that build them.

The schema is versioned: `MIGRATIONS` is a list of functions applied in order, each recorded by
name in the `_migrations` table (the simonw/llm pattern), so opening a log twice or opening an old
log is safe. Add a function at the end; never edit one that has shipped. `chatbot/loop/log.py`
is this schema's one writer.
"""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()
_ts = lambda name="ts": sa.Column(name, sa.DateTime, nullable=False, index=True)  # noqa: E731

migrations_table = sa.Table(
    "_migrations", metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("applied_at", sa.DateTime, nullable=False),
)
sessions = sa.Table(
    "sessions", metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("user_id", sa.String(200), index=True),
    sa.Column("started_at", sa.DateTime, nullable=False),
    _ts("last_at"),
)
turns = sa.Table(
    "turns", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("session_id", sa.String(200), index=True),
    sa.Column("user_id", sa.String(200), index=True),
    _ts(),
    sa.Column("message", sa.Text), sa.Column("query", sa.Text),
    sa.Column("chunk_ids", sa.JSON), sa.Column("answer", sa.Text),
    sa.Column("citations", sa.JSON), sa.Column("recommendations", sa.JSON),
    sa.Column("refused", sa.Boolean, nullable=False, default=False),
    sa.Column("handoff", sa.Boolean, nullable=False, default=False),
    sa.Column("handoff_reason", sa.Text), sa.Column("model", sa.String(300)),
    sa.Column("latencies", sa.JSON),
    sa.Column("prompt_tokens", sa.Integer), sa.Column("output_tokens", sa.Integer),
    sa.Column("lang", sa.String(16)), sa.Column("product_id", sa.String(200)),
    sa.Column("tool_calls", sa.JSON),  # m003
)
feedback = sa.Table(
    "feedback", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("turn_id", sa.Integer, index=True),
    sa.Column("user_id", sa.String(200), index=True),
    sa.Column("value", sa.Integer, nullable=False),
    sa.Column("comment", sa.Text),
    _ts(),
)
events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("user_id", sa.String(200), nullable=False, index=True),
    sa.Column("product_id", sa.String(200), nullable=False, index=True),
    sa.Column("action", sa.String(32), nullable=False),
    _ts(),
    sa.Column("session_id", sa.String(200)),
    sa.Column("value", sa.Float),
    sa.Column("extra", sa.JSON),
)
profiles = sa.Table(
    "profiles", metadata,
    sa.Column("user_id", sa.String(200), primary_key=True),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("key", sa.String(200), nullable=False),  # what the cached profile was built from
    sa.Column("updated_at", sa.DateTime, nullable=False),
)


# Migrations create tables from the Table objects above. A later change to a table must come as
# a new migration (ALTER TABLE ...), with the Table object updated to match.
def m001_initial(conn) -> None:
    for table in (sessions, turns, feedback, events):
        table.create(conn)


def m002_profiles(conn) -> None:
    profiles.create(conn)


def m003_tool_calls(conn) -> None:
    # the shop tools a turn called (chatbot/answer/tools.py), redacted like the turn's texts. A new
    # log got the column from m001 (it creates `turns` from the Table object); an older one needs it.
    if "tool_calls" not in {c["name"] for c in sa.inspect(conn).get_columns("turns")}:
        conn.execute(sa.text("ALTER TABLE turns ADD COLUMN tool_calls JSON"))


MIGRATIONS = [m001_initial, m002_profiles, m003_tool_calls]
EXPORT_TABLES = {"turns": turns, "feedback": feedback, "events": events}
