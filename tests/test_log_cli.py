"""`shopbot events import` and `shopbot logs ...` through the real command line entry point."""
from __future__ import annotations

import json

import pytest

from chatbot.loop.insights import log_stats
from chatbot.cli import main
from chatbot.loop.insights import read_export
from chatbot.loop.log import InteractionLog
from chatbot.types import Reply


@pytest.fixture
def home(tmp_path, monkeypatch):
    for var in ("SHOPBOT_DB_URL", "SHOPBOT_LOG", "SHOPBOT_HOME"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path / "home"


def _log(home) -> InteractionLog:
    return InteractionLog(f"sqlite:///{home / 'log.db'}")


GOOD = [
    {"user_id": "u1", "product_id": "P1", "action": "view", "ts": "2024-01-01T10:00:00Z"},
    {"user_id": "u1", "product_id": "P1", "action": "purchase", "ts": "2024-01-02T10:00:00Z"},
    {"user_id": "u2", "product_id": "P2", "action": "review", "ts": "2024-01-03", "value": 4},
]


def test_import_jsonl_and_csv(home, tmp_path, capsys):
    path = tmp_path / "interactions.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in GOOD) + "\n")
    assert main(["--home", str(home), "events", "import", str(path)]) == 0
    csv_path = tmp_path / "more.csv"
    csv_path.write_text("user_id,product_id,action,ts,value\nu3,P3,add_to_cart,2024-02-01T00:00:00+08:00,\n")
    assert main(["--home", str(home), "events", "import", str(csv_path)]) == 0
    assert "1 events imported" in capsys.readouterr().out
    evs = _log(home).events()
    assert [(e.user_id, e.action) for e in evs] == [("u1", "view"), ("u1", "purchase"), ("u2", "review"),
                                                    ("u3", "add_to_cart")]
    assert evs[2].value == 4.0 and evs[3].ts == "2024-01-31T16:00:00Z"


def test_import_bad_line_exits_2_and_writes_nothing(home, tmp_path, capsys):
    path = tmp_path / "interactions.jsonl"
    lines = [json.dumps(GOOD[0]),
             json.dumps({"user_id": "u1", "product_id": "P1", "action": "teleport", "ts": "2024-01-01"}),
             "{not json",
             json.dumps({"user_id": "", "product_id": "P1", "action": "view", "ts": "yesterday"}),
             json.dumps(GOOD[1])]
    path.write_text("\n".join(lines) + "\n")
    assert main(["--home", str(home), "events", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:2: action: 'teleport' is not one of" in err
    assert f"{path}:3: line: not valid JSON" in err
    assert f"{path}:4: user_id: required" in err and f"{path}:4: ts: 'yesterday'" in err
    assert _log(home).events() == []  # the good lines 1 and 5 were not written either


def test_logs_stats_export_forget(home, tmp_path, capsys):
    log = _log(home)
    tid = log.log_turn("s1", "alice", "Where is my parcel?", Reply(answer="I can't see orders.", refused=True,
                                                                    timings={"total_s": 2.0}))
    log.log_feedback(tid, -1)
    log.log_turn("s2", "bob", "Is it red?", Reply(answer="Yes."))
    log.close()
    assert main(["--home", str(home), "logs", "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["turns"] == 2 and stats["refusal_rate"] == 0.5 and stats["feedback_down"] == 1
    assert stats["top_unanswered"] == [{"question": "Where is my parcel?", "count": 1}]
    assert main(["--home", str(home), "logs", "stats"]) == 0
    assert "refused 50.0%" in capsys.readouterr().out

    out = tmp_path / "export.jsonl"
    assert main(["--home", str(home), "logs", "export", "--out", str(out)]) == 0
    assert [r["table"] for r in read_export(out)] == ["turns", "turns", "feedback"]
    assert main(["--home", str(home), "logs", "export", "--since", "2999-01-01", "--out", str(out)]) == 0
    assert read_export(out) == []

    assert main(["--home", str(home), "logs", "forget", "alice"]) == 0
    assert "forgot alice: 1 feedback, 1 turns, 1 sessions" in capsys.readouterr().out
    assert log_stats(_log(home))["turns"] == 1


def test_logging_off_stores_nothing(home, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SHOPBOT_LOG", "off")
    path = tmp_path / "interactions.jsonl"
    path.write_text(json.dumps(GOOD[0]) + "\n")
    assert main(["--home", str(home), "events", "import", str(path)]) == 0
    assert "not stored" in capsys.readouterr().out
    assert not (home / "log.db").exists()
