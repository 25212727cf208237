"""Soak: N shoppers at once, for a bounded time, through the Python API and the web UI's queue.

    python bench/bench_soak.py CATALOG_DIR [--shoppers 8 32 128] [--seconds 60] [--via api ui]
        [--llm fake | PRESET] [--store DIR] [--max-sessions 64] [--ttl 30] [--queue-size 32]

Each shopper visits the shop again and again until the time is up: a visit is a new session of
2-4 turns (a first question from CATALOG_DIR/questions.jsonl, then follow-ups such as "and how
much is it?"), shop events (view, add_to_cart, sometimes purchase) and a thumbs-up on a reply.
`api` calls `ShopAssistant.ask` from one thread per shopper; `ui` serves the real gradio app on
127.0.0.1 and speaks its queue protocol over HTTP (join, then the SSE stream), one gradio session
per visit, so the UI's own session state carries the follow-ups. A message refused because the
queue is full (HTTP 503) is counted as "busy" with the time the refusal took; the shopper waits
a second and sends it again.

After each run, the interaction log is read back: the turn rows per session must equal the
turns each visit was answered (nothing lost, nothing written twice), and the event and feedback
rows the ones sent. Printed per run: turns answered, errors, lost/duplicated rows, reply time
p50/p95, busy refusals, RSS at the start/peak/end, and the sessions held in memory at the end.

`--llm fake` (the default) answers with a scripted model that waits like a small model served
by vLLM (0.25 s to the first token, 16 tokens at 25 ms) and serves any number of shoppers at
once: what is measured is shopbot's own pipeline and log under load. `--llm qwen-0.5b` uses the
real default model (one reply at a time on CPU; keep --shoppers small).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.metrics import percentile  # noqa: E402 - after the path setup

FOLLOW_UPS = ["and how much is it?", "is it in stock?", "what do people say about it?",
              "and is it good for a gift?", "how long does it last?", "还有别的颜色吗？"]


class FakeLLM:
    """Latency of a small served model, no compute: the pipeline, not the model, is under test."""

    name = "fake-served"

    def __init__(self, ttft=0.25, per_token=0.025, tokens=16):
        self.ttft, self.per_token, self.tokens = ttft, per_token, tokens

    def stream(self, messages, *, max_new_tokens=192, temperature=0.0, stop=None, stats=None):
        words = ("It is well reviewed for everyday use and ships quickly, see [1].".split(" ") * 4)[:self.tokens]
        time.sleep(self.ttft)
        for word in words:
            yield word + " "
            time.sleep(self.per_token)
        if stats is not None:
            stats.update(prompt_tokens=sum(len(m["content"]) // 4 for m in messages), output_tokens=len(words),
                         ttft_s=self.ttft, total_s=self.ttft + self.per_token * len(words))

    def generate(self, messages, **kw):
        from chatbot.models.llm import Generation

        return Generation("".join(self.stream(messages, **kw)).strip(), 0, 0, 0.0, 0.0)

    def count_tokens(self, messages):
        return sum(len(m["content"]) // 4 for m in messages)


def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


class Sampler(threading.Thread):
    """RSS every half second while a run lasts."""

    def __init__(self):
        super().__init__(daemon=True)
        self.samples: list[float] = []
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            self.samples.append(rss_mb())
            self.stop.wait(0.5)


class Tally:
    """What the shoppers of one run sent and saw; shared by their threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.turns: Counter = Counter()  # session key -> turns answered
        self.latency: list[float] = []
        self.busy: list[float] = []  # seconds a "queue is full" refusal took
        self.errors: list[str] = []
        self.events = 0
        self.feedback = 0

    def answered(self, key, seconds):
        with self.lock:
            self.turns[key] += 1
            self.latency.append(seconds)

    def error(self, text):
        with self.lock:
            if len(self.errors) < 20:
                self.errors.append(text)
            else:
                self.errors.append("...")


def visit_script(rng: random.Random, questions: list[str]) -> list[str]:
    return [rng.choice(questions)] + rng.sample(FOLLOW_UPS, rng.randint(1, 3))


# ---------------------------------------------------------------------- the two ways in

def api_shopper(bot, tag, i, deadline, questions, tally: Tally, seed):
    rng = random.Random(seed)
    user = f"{tag}-u{i}"
    while time.monotonic() < deadline:
        session = f"{tag}-s{i}-{uuid.uuid4().hex[:8]}"
        product = None
        for text in visit_script(rng, questions):
            if time.monotonic() >= deadline:
                break
            t0 = time.perf_counter()
            try:
                reply = bot.ask(text, session_id=session, user_id=user)
            except Exception as exc:
                tally.error(f"{type(exc).__name__}: {exc}")
                continue
            tally.answered(session, time.perf_counter() - t0)
            if reply.timings.get("log_error"):
                tally.error("log write failed")
            product = product or next(iter(reply.focus or [c.product_id for c in reply.citations]), None)
            if reply.turn_id and rng.random() < 0.3:
                bot.feedback(reply.turn_id, 1)
                with tally.lock:
                    tally.feedback += 1
            time.sleep(rng.uniform(0.0, 0.3))  # reading the reply
        if product:
            for action in ["view", "add_to_cart"] + (["purchase"] if rng.random() < 0.3 else []):
                bot.log_event(user, product, action, session_id=session)
                with tally.lock:
                    tally.events += 1


class UIClient:
    """One browser tab, as far as gradio's queue sees it: a session hash and the queue protocol."""

    def __init__(self, http, fn_index, trigger_id):
        self.http, self.fn_index, self.trigger_id = http, fn_index, trigger_id
        self.session_hash = uuid.uuid4().hex[:11]
        self.history: list = []

    def send(self, text: str) -> tuple[str, object]:
        """("ok", history) | ("busy", None) | ("error", detail)."""
        body = {"data": [text, self.history, "", None, None], "event_data": None, "fn_index": self.fn_index,
                "trigger_id": self.trigger_id, "session_hash": self.session_hash}
        joined = self.http.post("/gradio_api/queue/join", json=body)
        if joined.status_code == 503:
            return "busy", joined.json().get("detail")
        if joined.status_code != 200:
            return "error", f"join {joined.status_code}: {joined.text[:200]}"
        event_id = joined.json()["event_id"]
        with self.http.stream("GET", "/gradio_api/queue/data", params={"session_hash": self.session_hash},
                              timeout=600) as stream:
            for line in stream.iter_lines():
                if not line.startswith("data:"):
                    continue
                msg = json.loads(line[5:])
                if msg.get("event_id") != event_id or msg.get("msg") != "process_completed":
                    continue
                if not msg.get("success"):
                    return "error", str(msg.get("output"))[:200]
                self.history = msg["output"]["data"][0]
                return "ok", self.history
        return "error", "stream closed before the reply"


def ui_shopper(bot, url, fn_index, trigger_id, tag, i, deadline, questions, tally: Tally, seed):
    import httpx

    rng = random.Random(seed)
    user = f"{tag}-u{i}"
    with httpx.Client(base_url=url, timeout=60) as http:
        while time.monotonic() < deadline:
            tab = UIClient(http, fn_index, trigger_id)
            for text in visit_script(rng, questions):
                while time.monotonic() < deadline:
                    t0 = time.perf_counter()
                    try:
                        status, out = tab.send(text)
                    except Exception as exc:
                        status, out = "error", f"{type(exc).__name__}: {exc}"
                    if status != "busy":
                        break
                    with tally.lock:
                        tally.busy.append(time.perf_counter() - t0)
                    time.sleep(rng.uniform(0.5, 1.5))  # the shopper reads "busy" and tries again
                else:
                    break
                if status == "error":
                    tally.error(out)
                    break
                last = out[-1]["content"] if out else ""
                if "something went wrong" in str(last):
                    tally.error(f"reply: {str(last)[:200]}")
                tally.answered(tab.session_hash, time.perf_counter() - t0)
                time.sleep(rng.uniform(0.0, 0.3))
            bot.log_event(user, rng.choice(list(bot.products)), "view")
            with tally.lock:
                tally.events += 1


def chat_fn(app) -> tuple[int, int]:
    """(fn_index, trigger id) of the Send button's chat event."""
    for index, fn in app.fns.items():
        if getattr(fn, "name", "") == "chat":
            return index, fn.targets[0][0]
    raise RuntimeError("the app has no chat event")


# ---------------------------------------------------------------------- one run and its audit

def audit(bot, tag, tally: Tally, via: str, started_turns: int, sessions_before: set) -> dict:
    """Read the log back: rows per session vs turns answered, events, feedback."""
    import sqlalchemy as sa

    from chatbot.loop.log import events, feedback, sessions, turns

    with bot.log.reader() as conn:
        total = conn.scalar(sa.select(sa.func.count()).select_from(turns))
        if via == "api":
            rows = dict(conn.execute(sa.select(turns.c.session_id, sa.func.count()).where(
                turns.c.session_id.like(f"{tag}-%")).group_by(turns.c.session_id)).all())
            sent = dict(tally.turns)
        else:  # the UI names its sessions itself: compare the multisets of turns per session
            rows = dict(conn.execute(sa.select(turns.c.session_id, sa.func.count()).group_by(turns.c.session_id)).all())
            rows = {k: v for k, v in rows.items() if k not in sessions_before}
            sent = dict(tally.turns)
        ev = conn.scalar(sa.select(sa.func.count()).select_from(events).where(events.c.user_id.like(f"{tag}-%")))
        fb = conn.scalar(sa.select(sa.func.count()).select_from(feedback).where(feedback.c.user_id.like(f"{tag}-%")))
        n_sessions = conn.scalar(sa.select(sa.func.count()).select_from(sessions))
    if via == "api":
        lost = sum(max(0, n - rows.get(k, 0)) for k, n in sent.items())
        dup = sum(max(0, n - sent.get(k, 0)) for k, n in rows.items())
    else:
        lost = max(0, sum(sent.values()) - (total - started_turns))
        dup = max(0, (total - started_turns) - sum(sent.values()))
        if sorted(rows.values()) != sorted(sent.values()):
            lost, dup = lost or -1, dup or -1  # same totals, different sessions: report, never hide
    return {"log_turn_rows": total - started_turns, "lost_rows": lost, "duplicated_rows": dup,
            "events_sent": tally.events, "event_rows": ev, "feedback_sent": tally.feedback, "feedback_rows": fb,
            "sessions_in_log": n_sessions}


def run(bot, via, n, seconds, questions, args) -> dict:
    import sqlalchemy as sa

    from chatbot.loop.log import turns

    tag = f"{via}{n}-{uuid.uuid4().hex[:6]}"
    tally = Tally()
    with bot.log.reader() as conn:
        started_turns = conn.scalar(sa.select(sa.func.count()).select_from(turns))
        sessions_before = set(conn.scalars(sa.select(turns.c.session_id).distinct()))
    sampler = Sampler()
    sampler.start()
    deadline = time.monotonic() + seconds
    if via == "api":
        threads = [threading.Thread(target=api_shopper, args=(bot, tag, i, deadline, questions, tally, args.seed + i))
                   for i in range(n)]
    else:
        fn_index, trigger = chat_fn(bot._soak_app)
        threads = [threading.Thread(target=ui_shopper, args=(bot, bot._soak_url, fn_index, trigger, tag, i, deadline,
                                                             questions, tally, args.seed + i)) for i in range(n)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    sampler.stop.set()
    sampler.join()
    result = {"via": via, "shoppers": n, "seconds": round(wall, 1), "turns": sum(tally.turns.values()),
              "turns_per_s": round(sum(tally.turns.values()) / wall, 2), "errors": len(tally.errors),
              "error_samples": tally.errors[:5],
              "reply_p50_s": round(percentile(tally.latency, 50) or 0, 3),
              "reply_p95_s": round(percentile(tally.latency, 95) or 0, 3),
              "busy": len(tally.busy), "busy_p95_s": round(percentile(tally.busy, 95) or 0, 3),
              "rss_start_mb": round(sampler.samples[0]), "rss_peak_mb": round(max(sampler.samples)),
              "rss_end_mb": round(sampler.samples[-1]), "sessions_in_memory": len(bot._sessions),
              "sessions_evicted": bot._sessions.evicted}
    result.update(audit(bot, tag, tally, via, started_turns, sessions_before))
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("catalog", type=Path)
    ap.add_argument("--shoppers", type=int, nargs="+", default=[8, 32, 128])
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--via", nargs="+", choices=["api", "ui"], default=["api", "ui"])
    ap.add_argument("--llm", default="fake")
    ap.add_argument("--store", type=Path, help="home folder to keep (the catalog is ingested once)")
    ap.add_argument("--max-sessions", type=int, default=64, help="session cap (small, so eviction happens)")
    ap.add_argument("--ttl", type=float, default=30, help="idle seconds before a session expires")
    ap.add_argument("--queue-size", type=int, default=32, help="UI queue size beyond those answered")
    ap.add_argument("--concurrency", type=int, default=4, help="UI turns answered at once")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)

    from chatbot.assistant import ShopAssistant
    from chatbot.config import Settings

    home = args.store or Path(tempfile.mkdtemp(prefix="shopbot-soak-"))
    settings = Settings().with_(home=home, max_sessions=args.max_sessions, session_ttl=args.ttl,
                                db_url=f"sqlite:///{home / 'soak-log.db'}")
    llm = FakeLLM() if args.llm == "fake" else args.llm
    bot = ShopAssistant(settings, llm=llm)
    t0 = time.perf_counter()
    bot.ingest(args.catalog, analytics=False, progress=False)
    print(f"catalog ready in {time.perf_counter() - t0:.1f} s ({len(bot.products)} products)", file=sys.stderr)
    questions = [json.loads(line)["question"] for line in (args.catalog / "questions.jsonl").open(encoding="utf-8")
                 if line.strip()]
    from chatbot.ui.app import launch, warm_up

    warm_up(bot)
    results = []
    for via in args.via:
        if via == "ui":
            import socket

            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            bot._soak_app = launch(bot, port=port, prevent_thread_lock=True, concurrency=args.concurrency,
                                   queue_size=args.queue_size, quiet=True)
            bot._soak_url = f"http://127.0.0.1:{port}"
        for n in args.shoppers:
            result = run(bot, via, n, args.seconds, questions, args)
            results.append(result)
            print(json.dumps(result), flush=True)
        if via == "ui":
            bot._soak_app.close()
    cols = ["via", "shoppers", "seconds", "turns", "turns_per_s", "errors", "lost_rows", "duplicated_rows",
            "reply_p50_s", "reply_p95_s", "busy", "busy_p95_s", "rss_start_mb", "rss_peak_mb", "rss_end_mb",
            "sessions_in_memory", "sessions_evicted", "events_sent", "event_rows", "feedback_sent", "feedback_rows"]
    print("| " + " | ".join(cols) + " |\n|" + "---|" * len(cols))
    for r in results:
        print("| " + " | ".join(str(r[c]) for c in cols) + " |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    bad = [r for r in results if r["errors"] or r["lost_rows"] or r["duplicated_rows"]
           or r["events_sent"] != r["event_rows"] or r["feedback_sent"] != r["feedback_rows"]]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
