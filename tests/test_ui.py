"""Web UI logic without a browser: HTML rendering, bind/auth rules, event handlers, CLI commands."""
import subprocess
import sys
from html import unescape

import pytest

from chatbot.loop.insights import log_stats
from chatbot.errors import ConfigError
from chatbot.types import Citation, Product, Recommendation, Reply
from chatbot.ui.app import check_bind, is_loopback, parse_auth
from chatbot.ui.handlers import UIHandlers, upload_kind
from chatbot.ui.render import product_card, reply_html, stats_html, summary_html
from serving import free_port


class ScriptedLLM:
    name = "scripted"

    def __init__(self, answer="Yes, it is waterproof [1]."):
        self.answer = answer

    def stream(self, messages, *, max_new_tokens=192, temperature=0.0, stop=None, stats=None):
        for word in self.answer.split(" "):
            yield word + " "

    def generate(self, messages, **kw):
        from chatbot.models.llm import Generation

        return Generation("".join(self.stream(messages)).strip(), 0, 0, 0.0, 0.0)

    def count_tokens(self, messages):
        return 1


@pytest.fixture
def bot(settings, e5_embedder, mini_catalog):
    from chatbot.assistant import ShopAssistant

    assistant = ShopAssistant(settings, llm=ScriptedLLM(), embedder=e5_embedder)
    assistant.ingest(mini_catalog, analytics=False, progress=False)
    return assistant


# ---------------------------------------------------------------- rendering

def test_card_escapes_shop_and_review_text():
    evil = Product(id="P<1>", title='<script>alert("x")</script>', price=5.0, in_stock=True, rating=4.5, review_count=2)
    html = product_card(evil, evil.id, quote='<img src=x onerror="steal()">', reason="<b>cheap</b>")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=&quot;steal()&quot;&gt;" in html
    assert "<b>cheap</b>" not in html and 'data-product="P&lt;1&gt;"' in html
    assert "<details><summary>Evidence</summary>" in html and "$5.00" in html and "★ 4.5 (2 reviews)" in html
    assert "\n" not in html  # a blank line inside would end the markdown HTML block


def test_reply_html_answer_first_then_handoff_then_cards_each_product_once():
    products = {"P1": Product(id="P1", title="Storm Runner", price=109.99, in_stock=True),
                "P3": Product(id="P3", title="AeroBuds", price=149.0, in_stock=False)}
    reply = Reply(answer="Try <these> [1].", handoff=True, handoff_reason="asked for a human",
                  citations=[Citation("P1", ["P1:card"], "Storm Runner", ""),
                             Citation("P3", ["P3:r"], "AeroBuds", "dies fast")],
                  recommendations=[Recommendation("P1", "Storm Runner", 109.99, reason="waterproof")])
    html = reply_html(reply, products)
    assert html.startswith("Try &lt;these&gt; [1].")
    assert html.index("sb-handoff") < html.index("sb-cards") and "asked for a human" in html
    assert html.count('data-product="P1"') == 1 and "Why: waterproof" in html
    assert "out of stock" in html and "dies fast" in html
    assert "sb-handoff" not in reply_html(Reply(answer="ok"), products)
    zh = reply_html(Reply(answer="好的", handoff=True, lang="zh"), products)
    assert "人工客服" in zh


def test_stats_and_summary_html():
    html = stats_html({"turns": 4, "sessions": 2, "refusal_rate": 0.25, "handoff_rate": 0.5, "feedback_up": 3,
                       "feedback_down": 1, "feedback_ratio": 0.75, "latency_p50_s": 1.23,
                       "top_unanswered": [{"question": "<where> is my order?", "count": 2}]})
    assert "25%" in html and "50%" in html and "75%" in html and "&lt;where&gt; is my order?" in html
    assert "disabled" not in html and "off" in stats_html({"disabled": True})
    assert "Choose a product" in summary_html(None)


# ---------------------------------------------------------------- bind and auth

def test_parse_auth():
    assert parse_auth(None) is None and parse_auth("") is None
    assert parse_auth("owner:s3:cret") == ("owner", "s3:cret")  # only the first colon splits
    assert parse_auth(("a", "b")) == ("a", "b")
    for bad in ("nopassword", "user:", ":pw", ("only-one",)):
        with pytest.raises(ConfigError):
            parse_auth(bad)


def test_auth_required_off_loopback_and_for_share():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback("127.0.0.5")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4") and not is_loopback("shop.example")
    assert check_bind("127.0.0.1", False, None) is None
    for host, share in (("0.0.0.0", False), ("10.0.0.2", False), ("127.0.0.1", True)):
        with pytest.raises(ConfigError, match="SHOPBOT_UI_AUTH"):
            check_bind(host, share, None)
    assert check_bind("0.0.0.0", False, "owner:pw") == ("owner", "pw")


def test_launch_refuses_before_building_or_binding(monkeypatch, settings):
    import chatbot.ui.app as ui

    class Bot:
        pass

    bot = Bot()
    bot.settings = settings  # no SHOPBOT_UI_AUTH
    monkeypatch.setattr(ui, "build_app", lambda a: pytest.fail("built the app before checking auth"))
    with pytest.raises(ConfigError):
        ui.launch(bot, host="0.0.0.0", port=1)


def test_cli_imports_no_gradio_and_refuses_exposed_bind(tmp_path):
    code = ("import sys; from chatbot.cli import build_parser, main; build_parser(); "
            "assert 'gradio' not in sys.modules; "
            "rc = main(['--home', sys.argv[1], 'ui', '--host', '0.0.0.0']); "
            "assert 'gradio' not in sys.modules and 'torch' not in sys.modules; sys.exit(rc)")
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith("SHOPBOT_")}
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 2, out.stderr
    assert "SHOPBOT_UI_AUTH" in out.stderr and "0.0.0.0" in out.stderr


# ---------------------------------------------------------------- handlers

def test_chat_streams_then_shows_final_answer_and_cards(bot):
    bot.llm.answer = "The Storm Runner is waterproof and costs $59.99 [1]."
    h = UIHandlers(bot)
    states = list(h.chat("Is the Trailhawk Storm Runner good for muddy trails?", [], "", None, {}))
    streamed = [s[0][-1]["content"] for s in states[1:-1]]
    assert any("$59.99" in c and "▌" in c for c in streamed)  # what the model said, as it said it
    history, box, session, turns = states[-1]
    final = history[-1]["content"]
    # ...replaced by the authoritative Reply.answer: the invented price is corrected.
    assert "$59.99" not in final and "$109.99" in final and "sb-card" in final and "▌" not in final
    assert box == "" and session and list(turns) == [1]
    assert history[0] == {"role": "user", "content": "Is the Trailhawk Storm Runner good for muddy trails?"}

    status = h.feedback(turns, 1, True)
    assert "Thanks" in status and log_stats(bot.log)["feedback_up"] == 1
    h.feedback(turns, [1, 0], "Dislike")
    assert log_stats(bot.log)["feedback_down"] == 1
    assert "only" in h.feedback(turns, 0, True)  # the shopper's own bubble: nothing to log
    # The same session continues: a second turn's bubble maps to its own turn id.
    *_, (history, _, session2, turns) = h.chat("And is it in stock?", history, "", session, turns)
    assert session2 == session and set(turns) == {1, 3} and turns[1] != turns[3]


def test_chat_product_page_handoff_and_empty_message(bot):
    h = UIHandlers(bot)
    *_, (history, *_rest) = h.chat("How much is it?", [], "P3", None, {})
    assert "$149.00" in history[-1]["content"] and "AeroBuds" in history[-1]["content"]
    *_, (history, *_rest) = h.chat("I want to talk to a human", [], "", None, {})
    assert "sb-handoff" in history[-1]["content"]
    *_, (history, *_rest) = h.chat("Recommend a waterproof running shoe under $120", [], "", None, {})
    assert "sb-card sb-rec" in history[-1]["content"] and "Why:" in history[-1]["content"]
    assert "Trailhawk Storm Runner" in history[-1]["content"]
    assert list(h.chat("   ", [], "", "s", {})) == [([], "", "s", {})]
    assert h.choices()[0][1] == "" and "P1" in {v for _, v in h.choices()}
    assert "Sonara AeroBuds Pro" in h.page_card("P3") and h.page_card("") == ""


def test_chat_error_becomes_a_message(bot):
    def broken(*a, **k):
        raise RuntimeError("model crashed")
        yield  # pragma: no cover

    bot.stream = broken
    *_, (history, *_rest) = UIHandlers(bot).chat("hello", [], "", None, {})
    assert "something went wrong" in history[-1]["content"]


def test_upload_rejects_bad_lines_and_stores_nothing(bot, tmp_path):
    h = UIHandlers(bot)
    before = bot.shop.db.counts()
    bad = tmp_path / "my-products.jsonl"
    bad.write_text('{"id": "X1", "title": "Fine", "price": 3}\n{"id": "X2", "price": "free"}\n', encoding="utf-8")
    html = h.upload([str(bad)])
    assert "my-products.jsonl:2: price:" in html and "nothing was stored" in html
    assert str(tmp_path) not in html and "shopbot-upload" not in html  # no server paths leak
    assert bot.shop.db.counts() == before and "X1" not in bot.products
    assert "not a catalog file" in h.upload([str(tmp_path / "notes.txt")])
    reviews = tmp_path / "reviews.csv"
    reviews.write_text("id,product_id,text,rating\nR9,P404,Nice,5\n", encoding="utf-8")
    assert "unknown product 'P404'" in unescape(h.upload([str(reviews)])) and bot.shop.db.counts() == before


def test_upload_good_files_updates_catalog(bot, tmp_path):
    good = tmp_path / "products.csv"
    good.write_text("id,title,category,price,in_stock\nP9,Alpine Flask,bottles,24.5,true\n", encoding="utf-8")
    calls = []
    html = UIHandlers(bot).upload([str(good)], progress=lambda *a, **k: calls.append(a))
    assert "Catalog updated" in html and "P9" in bot.products and calls[-1][0] == 1.0


def test_upload_kind():
    assert upload_kind("products.jsonl") == "products" and upload_kind("qa.csv") == "product_qa"
    assert upload_kind("shop_reviews_2025.CSV") == "reviews" and upload_kind("products.json") is None
    assert upload_kind("notes.jsonl") is None


def test_dashboard_degrades_without_review_analysis(bot):
    from matplotlib.figure import Figure

    h = UIHandlers(bot)
    list(h.chat("I want to talk to a human", [], "", None, {}))
    stats, fig1, fig2 = h.dashboard()
    assert "hand-off rate" in stats and "I want to talk to a human" in stats
    assert isinstance(fig1, Figure) and isinstance(fig2, Figure)
    summary, hist = h.product_view("P1")
    assert "Trailhawk Storm Runner" in summary and "not analysed yet" in summary and isinstance(hist, Figure)
    assert "Choose a product" in h.product_view("")[0]


def test_build_app_is_blocks(bot):
    import gradio as gr

    from chatbot.ui.app import build_app

    app = build_app(bot)
    assert isinstance(app, gr.Blocks) and app.analytics_enabled is False


# ---------------------------------------------------------------- commands

def test_demo_ingests_when_empty_and_warms_up_before_serving(monkeypatch, settings, mini_catalog, tiny_llm_path,
                                                             e5_embedder):
    import chatbot.ui.app as ui
    from chatbot.cli import main

    served = []

    def fake_launch(bot, **kw):
        # By the time the URL would print, the model is loaded and the shop filled.
        served.append((not isinstance(bot._llm, (str, type(None))), len(bot.products), kw))

    monkeypatch.setattr(ui, "demo_folder", lambda: mini_catalog)
    monkeypatch.setattr(ui, "launch", fake_launch)
    monkeypatch.setattr("chatbot.data.embed.load_embedder", lambda *a, **k: e5_embedder)  # the one already loaded
    monkeypatch.setenv("SHOPBOT_LLM", str(tiny_llm_path))
    assert main(["demo", "--port", "7999"]) == 0
    assert served[0][:2] == (True, 4)
    assert served[0][2]["host"] == "127.0.0.1" and served[0][2]["share"] is False and served[0][2]["port"] == 7999
    assert main(["demo", "--no-warmup"]) == 0 and served[1][1] == 4  # second run: no re-ingest needed


def test_demo_folder_is_the_bundled_shop():
    from chatbot.ui.app import demo_folder

    assert (demo_folder() / "reviews.jsonl").is_file()


def test_launch_with_auth_asks_for_the_password(bot):
    import socket

    import httpx

    from chatbot.ui.app import launch

    port = free_port()
    app = launch(bot, port=port, auth="owner:s3cret", prevent_thread_lock=True, quiet=True)
    try:
        url = f"http://127.0.0.1:{port}"
        with httpx.Client(timeout=30) as client:
            assert client.get(f"{url}/config").status_code == 401
            assert client.post(f"{url}/login", data={"username": "owner", "password": "wrong"}).status_code >= 400
            assert client.post(f"{url}/login", data={"username": "owner", "password": "s3cret"}).status_code == 200
            assert client.get(f"{url}/config").status_code == 200
    finally:
        app.close()


def test_try_questions_come_from_the_loaded_catalog():
    from chatbot.types import Product
    from chatbot.ui.handlers import try_questions

    lamps = [Product("L1", "Lumo Desk Lamp", category="Desk Lamps", price=40, attributes={"dimmable": True}, review_count=3),
             Product("L2", "Arc Lamp", category="Desk Lamps", price=80, attributes={"dimmable": False})]
    asked = try_questions(lamps)
    assert asked[:3] == ["Which desk lamps are dimmable?", "Recommend desk lamps under $80",
                         "What do reviewers say about the Lumo Desk Lamp?"]
    assert "Lumo Desk Lamp 有货吗？" in asked
    assert not any("running" in q or "battery" in q for q in asked)
    assert try_questions([]) == ["I want to talk to a human"]
