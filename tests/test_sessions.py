"""The session store: idle expiry, a cap with least-recently-used eviction, one holder per
session, and (with the real assistant) an evicted conversation rebuilt from the log."""
import threading
import time

import pytest

from chatbot.loop.insights import log_stats
from chatbot.sessions import SessionStore


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def built_store(**kw):
    built = []

    def factory(sid):
        built.append(sid)
        return {"id": sid, "turns": 0}

    return SessionStore(factory, clock=kw.pop("clock", time.monotonic), **kw), built


def test_idle_sessions_expire_after_the_ttl_and_are_rebuilt_on_their_next_turn():
    clock = Clock()
    store, built = built_store(ttl=60, clock=clock)
    with store.hold("a") as state:
        state["turns"] += 1
    clock.now += 59
    with store.hold("b"):
        pass
    assert "a" in store and len(store) == 2  # 59 s idle: kept
    clock.now += 2
    assert store.expire() == 1 and "a" not in store and "b" in store
    with store.hold("a") as state:
        assert state["turns"] == 0  # a fresh state: the assistant rebuilds it from the log
    assert built == ["a", "b", "a"]


def test_the_cap_evicts_the_least_recently_used():
    store, built = built_store(max_sessions=3)
    for sid in "abc":
        with store.hold(sid):
            pass
    with store.hold("a"):  # a is now the most recent
        pass
    with store.hold("d"):
        pass
    assert len(store) == 3 and "b" not in store and {"a", "c", "d"} <= {s for s in "abcd" if s in store}
    assert store.evicted == 1


def test_a_held_session_is_never_evicted_even_over_the_cap():
    clock = Clock()
    store, _ = built_store(max_sessions=1, ttl=1, clock=clock)
    with store.hold("busy"):
        clock.now += 100  # a long turn: past the TTL, and another shopper arrives
        with store.hold("other"):
            assert "busy" in store
    with store.hold("third"):
        pass
    assert len(store) == 1 and "third" in store


def test_one_turn_at_a_time_per_session_and_sessions_run_side_by_side():
    states = []

    def factory(sid):
        states.append({"turns": 0, "seen": []})
        return states[-1]

    store = SessionStore(factory, max_sessions=2)
    inside, most, lock = [0], [0], threading.Lock()
    errors = []

    def turn(sid):
        try:
            with store.hold(sid) as state:
                with lock:
                    inside[0] += 1
                    most[0] = max(most[0], inside[0])
                n = state["turns"]
                time.sleep(0.002)
                state["turns"] = n + 1  # a lost update if two turns of one state overlapped
                state["seen"].append(n)
                with lock:
                    inside[0] -= 1
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=turn, args=(f"s{i % 6}",)) for i in range(120)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert most[0] > 1  # different sessions overlapped
    assert len(store) <= 2  # back under the cap once nobody holds a session
    assert all(s["seen"] == list(range(len(s["seen"]))) for s in states)  # no overlap in any state
    assert sum(len(s["seen"]) for s in states) == 120


def test_a_failing_factory_leaves_nothing_behind():
    calls = []

    def factory(sid):
        calls.append(sid)
        if len(calls) == 1:
            raise OSError("log unreachable")
        return {"ok": True}

    store = SessionStore(factory)
    with pytest.raises(OSError):
        with store.hold("x"):
            pass
    assert "x" not in store
    with store.hold("x") as state:
        assert state == {"ok": True}


def test_bad_settings_are_refused():
    with pytest.raises(ValueError):
        SessionStore(dict, ttl=0)
    with pytest.raises(ValueError):
        SessionStore(dict, max_sessions=0)


def test_settings_come_from_the_environment(settings, monkeypatch):
    from chatbot.config import Settings

    assert settings.session_ttl == 1800 and settings.max_sessions == 10000
    monkeypatch.setenv("SHOPBOT_SESSION_TTL", "90")
    monkeypatch.setenv("SHOPBOT_MAX_SESSIONS", "5")
    assert (Settings().session_ttl, Settings().max_sessions) == (90, 5)


def test_an_evicted_conversation_continues_from_the_log(settings, e5_embedder, mini_catalog):
    from test_assistant import ScriptedLLM

    from chatbot.assistant import ShopAssistant

    bot = ShopAssistant(settings.with_(max_sessions=1), llm=ScriptedLLM("It has a 30 hour battery with the case [1]."),
                        embedder=e5_embedder)
    bot.ingest(mini_catalog, analytics=False, progress=False)
    first = bot.ask("Tell me about the Sonara AeroBuds Pro", session_id="f1")
    assert first.citations[0].product_id == "P3"
    bot.ask("Is the Trailhawk Storm Runner waterproof?", session_id="f2")  # the cap of 1 evicts f1
    assert "f1" not in bot._sessions and len(bot._sessions) == 1
    battery = bot.ask("how long does the battery last?", session_id="f1")
    assert battery.focus == ["P3"] and "30 hours" in battery.answer
    assert log_stats(bot.log)["turns"] == 3
