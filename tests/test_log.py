"""The interaction log: schema, round trips, forget, export, concurrency, crash safety."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from chatbot.loop.insights import export_log, log_stats
from chatbot.loop.insights import read_export
from chatbot.loop.log import MIGRATIONS, InteractionLog, NullLog, open_log
from chatbot.types import Chunk, Citation, Event, Hit, Recommendation, Reply

ROOT = Path(__file__).resolve().parents[1]


def make_reply(answer="The Trail Runner costs $129.99.", **kw) -> Reply:
    return Reply(
        answer=answer,
        citations=[Citation("P1", ["P1:card"], "Trail Runner", "size 10.5 fits well")],
        recommendations=[Recommendation("P2", "Road Runner", 99.0, True, 4.5, 0.7, "you like running")],
        query="trail runner price",
        hits=[Hit(Chunk("P1:card", "P1", "card", "Trail Runner ..."), 0.9)],
        model="test-model", timings={"ttft_s": 0.2, "total_s": 1.0},
        usage={"prompt_tokens": 120, "output_tokens": 30}, **kw,
    )


@pytest.fixture
def log(tmp_path):
    with InteractionLog(f"sqlite:///{tmp_path / 'log.db'}") as log:
        yield log


def test_sqlite_pragmas(log):
    with log.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0


def test_migrations_idempotent_and_upgrade_old_db(tmp_path):
    url = f"sqlite:///{tmp_path / 'log.db'}"
    first = InteractionLog(url)
    assert first.migrate() == []  # already applied by the constructor
    first.close()
    again = InteractionLog(url)
    assert again.migrate() == []
    with again.engine.begin() as conn:
        names = [r[0] for r in conn.exec_driver_sql("SELECT name FROM _migrations ORDER BY name")]
        assert names == sorted(fn.__name__ for fn in MIGRATIONS)
        # Pretend this is a log from before the profiles migration.
        conn.exec_driver_sql("DROP TABLE profiles")
        conn.exec_driver_sql("DELETE FROM _migrations WHERE name='m002_profiles'")
    again.close()
    upgraded = InteractionLog(url)
    assert "profiles" in sa.inspect(upgraded.engine).get_table_names()
    assert upgraded.migrate() == []


def test_turn_feedback_event_round_trip(log):
    reply = make_reply()
    tid = log.log_turn("s1", "alice", "How much is the trail runner?", reply, product_id="P1")
    assert reply.turn_id == tid and tid > 0
    log.log_turn("s1", "alice", "And in blue?", make_reply("Yes, blue is in stock."))
    assert log.history("s1") == [("How much is the trail runner?", "The Trail Runner costs $129.99."),
                                 ("And in blue?", "Yes, blue is in stock.")]
    assert log.history("s1", limit=1) == [("And in blue?", "Yes, blue is in stock.")]
    fid = log.log_feedback(tid, -1, "wrong size")
    assert fid > 0
    with pytest.raises(ValueError):
        log.log_feedback(tid, 5)
    log.log_event(Event("alice", "P1", "view", "2024-03-01T10:00:00+02:00", session_id="s1"))
    log.log_events([Event("alice", "P2", "purchase", "2024-03-02T00:00:00Z", value=None),
                    Event("bob", "P3", "review", "2024-03-03", value=4)])
    with pytest.raises(ValueError):
        log.log_event(Event("alice", "P1", "teleport"))
    evs = log.events()
    assert [(e.user_id, e.product_id, e.action, e.ts) for e in evs] == [
        ("alice", "P1", "view", "2024-03-01T08:00:00Z"),  # stored in UTC
        ("alice", "P2", "purchase", "2024-03-02T00:00:00Z"),
        ("bob", "P3", "review", "2024-03-03T00:00:00Z"),
    ]
    assert evs[2].value == 4.0 and evs[0].session_id == "s1"
    assert [e.product_id for e in log.events("alice", since="2024-03-02")] == ["P2"]
    assert log.turn_products("alice")[0][1] == ["P1", "P2"]  # cited, then recommended
    s = log_stats(log)
    assert (s["turns"], s["sessions"], s["feedback_down"], s["feedback_ratio"]) == (2, 1, 1, 0.0)
    assert s["latency_p50_s"] == 1.0 and s["ttft_p50_s"] == 0.2
    with log.engine.connect() as conn:
        row = conn.execute(sa.text("SELECT chunk_ids, citations, prompt_tokens, model, product_id "
                                   "FROM turns WHERE id=:i"), {"i": tid}).one()
    assert '"P1:card"' in row[0] and "size 10.5" in row[1] and row[2:] == (120, "test-model", "P1")


def test_stats_rates_and_unanswered(log):
    log.log_turn("s1", "u1", "Where is my order?", make_reply("I can't see orders.", refused=True))
    log.log_turn("s2", "u2", "where is my order", make_reply("Handing over.", handoff=True, handoff_reason="order"))
    log.log_turn("s2", "u2", "Is it waterproof?", make_reply("Yes."))
    tid = log.log_turn("s3", "u3", "Do you ship to Mars?", make_reply("No data.", refused=True))
    log.log_feedback(tid, 1)
    s = log_stats(log)
    assert s["turns"] == 4 and s["sessions"] == 3
    assert s["refusal_rate"] == 0.5 and s["handoff_rate"] == 0.25
    assert s["top_unanswered"][0] == {"question": "Where is my order?", "count": 2}
    assert s["feedback_up"] == 1 and s["feedback_ratio"] == 1.0


def test_forget_removes_only_that_user(log):
    from chatbot.loop.profile import load_profile
    from chatbot.types import Product

    for user in ("alice", "bob"):
        tid = log.log_turn(f"s-{user}", user, "hi", make_reply())
        log.log_feedback(tid, 1)
        log.log_events([Event(user, "P1", "view", "2024-01-01"), Event(user, "P2", "purchase", "2024-01-02")])
        load_profile(log, user, {"P1": Product("P1", category="shoes"), "P2": Product("P2", category="socks")})
    counts = log.forget("alice")
    assert counts == {"feedback": 1, "turns": 1, "sessions": 1, "events": 2, "profiles": 1}
    assert log.events("alice") == [] and log.history("s-alice") == [] and log.get_profile("alice") is None
    assert len(log.events("bob")) == 2 and log.history("s-bob") and log.get_profile("bob")
    assert log_stats(log)["feedback_up"] == 1
    assert log.forget("alice") == dict.fromkeys(counts, 0)


def test_forget_leaves_no_trace_in_the_file(tmp_path):
    db = tmp_path / "log.db"
    log = InteractionLog(f"sqlite:///{db}")
    for i in range(50):
        log.log_turn("s", "alice", f"zebra-unicorn-{i} question", make_reply("quokka answer"))
    log.log_turn("s2", "bob", "bob's question", make_reply())
    log.forget("alice")
    log.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("log.db"))
    assert b"zebra-unicorn" not in raw and b"quokka" not in raw  # secure_delete + WAL checkpoint
    assert b"bob's question" in raw


def test_export_jsonl_round_trip(log, tmp_path):
    tid = log.log_turn("s1", "alice", "hello", make_reply())
    log.log_feedback(tid, 1, "great")
    log.log_events([Event("alice", "P1", "view", "2024-01-01T00:00:00Z", value=1.5, extra={"src": "web"})])
    counts = export_log(log, tmp_path / "out.jsonl")
    assert counts == {"turns": 1, "feedback": 1, "events": 1}
    rows = read_export(tmp_path / "out.jsonl")
    by_table = {r["table"]: r for r in rows}
    assert by_table["turns"]["message"] == "hello" and by_table["turns"]["citations"][0]["product_id"] == "P1"
    assert by_table["feedback"]["value"] == 1 and by_table["feedback"]["turn_id"] == tid
    assert by_table["events"] == {"table": "events", "id": 1, "user_id": "alice", "product_id": "P1",
                                  "action": "view", "ts": "2024-01-01T00:00:00Z", "session_id": None,
                                  "value": 1.5, "extra": {"src": "web"}}
    assert export_log(log, tmp_path / "none.jsonl", since="2999-01-01") == {"turns": 0, "feedback": 0, "events": 0}


def test_export_parquet_round_trip(log, tmp_path):
    pytest.importorskip("pyarrow")
    tid = log.log_turn("s1", "alice", "hello", make_reply())
    log.log_feedback(tid, -1)
    log.log_events([Event("alice", "P1", "purchase", "2024-01-01T00:00:00Z")])
    export_log(log, tmp_path / "out.jsonl")
    export_log(log, tmp_path / "out.parquet", fmt="parquet")
    assert read_export(tmp_path / "out.parquet") == read_export(tmp_path / "out.jsonl")


def test_null_log_stores_nothing(tmp_path):
    from chatbot.config import Settings

    settings = Settings(home=tmp_path, log_enabled=False)
    log = open_log(settings)
    assert isinstance(log, NullLog)
    tid = log.log_turn("s", "u", "hi", make_reply())
    log.log_feedback(tid, 1)
    assert log.log_events([Event("u", "P1", "view")]) == 1
    with pytest.raises(ValueError):  # validated the same way as a real log
        log.log_event(Event("u", "P1", "teleport"))
    with pytest.raises(ValueError):
        log.log_feedback(tid, 3)
    assert log.events() == [] and log.history("s") == [] and log.product_counts() == {}
    stats = log_stats(log)
    assert stats["turns"] == 0 and stats["feedback_up"] == 0 and stats["disabled"] is True
    assert log.forget("u") == dict.fromkeys(("feedback", "turns", "sessions", "events", "profiles"), 0)
    assert not (tmp_path / "log.db").exists() and list(tmp_path.iterdir()) == []
    assert isinstance(open_log(settings.with_(log_enabled=True)), InteractionLog)


def _hammer(log, threads=8, writes=200):
    errors: list[BaseException] = []
    start = threading.Barrier(threads)

    def work(n):
        try:
            start.wait()
            for i in range(writes):
                log.log_turn(f"s{n}", f"u{n}", f"message {i}", make_reply())
                log.log_event(Event(f"u{n}", f"P{i % 7}", "view"))
        except BaseException as exc:  # noqa: BLE001 - any failure must fail the test
            errors.append(exc)

    pool = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return errors


def test_concurrent_writers_all_land(tmp_path):
    url = f"sqlite:///{tmp_path / 'log.db'}"
    log = InteractionLog(url)
    errors = _hammer(log)
    assert errors == []
    log.close()
    reopened = InteractionLog(url)
    assert log_stats(reopened)["turns"] == 1600 and len(reopened.events()) == 1600
    assert log_stats(reopened)["sessions"] == 8


def test_in_memory_log_is_shared_between_threads():
    log = InteractionLog("sqlite://")
    assert _hammer(log, threads=4, writes=25) == []
    assert log_stats(log)["turns"] == 100


BOUNDED_WRITER = """
import sys
from chatbot.loop.log import InteractionLog
from chatbot.types import Event
log = InteractionLog(sys.argv[1])
for i in range(int(sys.argv[3])):
    log.log_event(Event(sys.argv[2], f"P{i}", "view"))
"""


def test_writers_in_several_processes_all_land(tmp_path):
    """Across processes only SQLite's lock (busy timeout + BEGIN IMMEDIATE + retry) arbitrates."""
    url = f"sqlite:///{tmp_path / 'log.db'}"
    log = InteractionLog(url)
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    procs = [subprocess.Popen([sys.executable, "-c", BOUNDED_WRITER, url, f"proc{n}", "150"], env=env,
                              stderr=subprocess.PIPE, text=True) for n in range(2)]
    errors = _hammer(log, threads=2, writes=75)
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    assert errors == [] and results == [(0, ""), (0, "")]
    assert len(log.events()) == 2 * 150 + 2 * 75


def test_schema_compiles_for_postgresql():
    from sqlalchemy.dialects import postgresql

    from chatbot.loop.log import metadata

    ddl = [str(sa.schema.CreateTable(t).compile(dialect=postgresql.dialect())) for t in metadata.sorted_tables]
    assert any("SERIAL" in d and "turns" in d for d in ddl) and any("JSON" in d for d in ddl)


WRITER = """
import sys, time
from chatbot.loop.log import InteractionLog
from chatbot.types import Event
log = InteractionLog(sys.argv[1])
deadline = time.time() + 60  # never outlive a test that lost track of us
i = 0
while time.time() < deadline:
    log.log_event(Event("u", f"P{i}", "view"))
    i += 1
    if i == 300:
        print("ready", flush=True)
"""


def test_kill_9_mid_write_leaves_readable_log(tmp_path):
    db = tmp_path / "log.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-c", WRITER, f"sqlite:///{db}"], stdout=subprocess.PIPE,
                            env=env, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(0.3)  # let it get well into the next writes
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    with sqlite3.connect(db) as conn:  # a plain reader, as any tool would open it
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    log = InteractionLog(f"sqlite:///{db}")
    n = len(log.events())
    assert n >= 300
    # Rows are contiguous: nothing half-written, only whole transactions.
    assert sorted(int(e.product_id[1:]) for e in log.events()) == list(range(n))
    log.log_event(Event("u", "after", "view"))  # and still writable
