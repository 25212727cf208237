"""The web UI's queue under load, over HTTP on loopback (gradio's own queue protocol): past the
queue size a message is refused at once with a 503 and gradio's "busy" text, and the waiting
shoppers are still answered."""
import threading
import time
import uuid

import httpx
import pytest

from chatbot.loop.insights import log_stats
from chatbot.ui.app import DEFAULT_QUEUE_SIZE
from serving import free_port


class GateLLM:
    """Holds every reply until the test opens the gate."""

    name = "gate"

    def __init__(self):
        self.gate = threading.Event()

    def stream(self, messages, *, max_new_tokens=192, temperature=0.0, stop=None, stats=None):
        self.gate.wait(60)
        yield "Reviewers say it keeps feet dry [1]."

    def generate(self, messages, **kw):
        from chatbot.models.llm import Generation

        return Generation("".join(self.stream(messages)), 0, 0, 0.0, 0.0)

    def count_tokens(self, messages):
        return 10


def join(http, fn_index, trigger, text):
    session = uuid.uuid4().hex[:11]
    body = {"data": [text, [], "", None, None], "event_data": None, "fn_index": fn_index,
            "trigger_id": trigger, "session_hash": session}
    return session, http.post("/gradio_api/queue/join", json=body)


def finished(http, session, event_id) -> dict:
    import json

    with http.stream("GET", "/gradio_api/queue/data", params={"session_hash": session}, timeout=60) as stream:
        for line in stream.iter_lines():
            if line.startswith("data:"):
                msg = json.loads(line[5:])
                if msg.get("event_id") == event_id and msg.get("msg") == "process_completed":
                    return msg
    raise AssertionError("the stream closed before the reply")


def test_a_full_queue_answers_busy_at_once_and_the_queued_shoppers_are_answered(settings, e5_embedder, mini_catalog):
    from chatbot.assistant import ShopAssistant
    from chatbot.ui.app import launch

    assert DEFAULT_QUEUE_SIZE > 0  # the shipped app never queues without bound
    llm = GateLLM()
    bot = ShopAssistant(settings, llm=llm, embedder=e5_embedder)
    bot.ingest(mini_catalog, analytics=False, progress=False)
    port = free_port()
    app = launch(bot, port=port, prevent_thread_lock=True, quiet=True, concurrency=1, queue_size=1)
    try:
        fn_index, trigger = next((i, fn.targets[0][0]) for i, fn in app.fns.items() if fn.name == "chat")
        question = "Is the Trailhawk Storm Runner good on muddy paths?"
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            first = join(http, fn_index, trigger, question)  # answered (held at the gate)
            deadline = time.monotonic() + 30  # until a worker took it: the queue is empty again
            while len(app._queue) and time.monotonic() < deadline:
                time.sleep(0.05)
            second = join(http, fn_index, trigger, question)  # waits in the queue (size 1)
            t0 = time.perf_counter()
            _, third = join(http, fn_index, trigger, question)
            refused_in = time.perf_counter() - t0
            assert third.status_code == 503 and "Queue is full" in third.json()["detail"]
            assert refused_in < 2.0  # refused at once, not after a wait
            llm.gate.set()
            for session, response in (first, second):
                assert response.status_code == 200
                done = finished(http, session, response.json()["event_id"])
                assert done["success"], done
                assert "keeps feet dry" in str(done["output"]["data"][0][-1])
        assert log_stats(bot.log)["turns"] == 2  # both queued shoppers answered and logged, the refused one not
    finally:
        llm.gate.set()
        app.close()


@pytest.mark.parametrize("frontend_text", ["This application is currently busy. Please try again."])
def test_the_page_shows_gradios_busy_message_on_a_full_queue(frontend_text):
    """The message a shopper's page shows on that 503 is gradio's own; if a gradio upgrade drops
    it, the README's description of the full queue must change with it."""
    from pathlib import Path

    import gradio

    assets = Path(gradio.__file__).parent / "templates" / "frontend" / "assets"
    assert any(frontend_text in p.read_text(encoding="utf-8", errors="ignore") for p in assets.glob("index-*.js"))
