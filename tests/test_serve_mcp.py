"""`shopbot mcp`: the MCP server driven by the `mcp` client SDK: in process, over streamable HTTP
(real uvicorn on loopback) and over stdio (the real `shopbot mcp` command in a subprocess)."""
import json
import sys
from pathlib import Path

import anyio
import pytest
from mcp import Client, StdioServerParameters

from chatbot.assistant import ShopAssistant
from chatbot.config import Settings
from chatbot.serve.mcp import build_server

from conftest import MINI_PRODUCTS, MINI_QA, MINI_REVIEWS, write_jsonl
from serving import LiveServer
from test_assistant import ScriptedLLM

TOOLS = {"search_catalog", "product_facts", "review_summary", "recommend", "ask_shop"}


def _catalog(root: Path) -> Path:
    folder = root / "catalog"
    folder.mkdir()
    write_jsonl(folder / "products.jsonl", MINI_PRODUCTS)
    write_jsonl(folder / "reviews.jsonl", MINI_REVIEWS)
    write_jsonl(folder / "product_qa.jsonl", MINI_QA)
    return folder


@pytest.fixture(scope="module")
def bot(tmp_path_factory, e5_embedder):
    root = tmp_path_factory.mktemp("mcp")
    settings = Settings(home=root / "home", db_url=None, chroma_url=None, log_enabled=True)
    calls = []
    bot = ShopAssistant(settings, llm=ScriptedLLM("Yes, its grippy outsole suits muddy paths [1]."), embedder=e5_embedder,
                        tools={"order_status": lambda user_id, order_id: calls.append(user_id) or {"status": "x"}})
    bot.ingest(_catalog(root), analytics=False, progress=False)
    bot.order_calls = calls
    return bot


def _data(result) -> dict:
    assert not result.is_error, result.content
    return result.structured_content or json.loads(result.content[0].text)


async def _exercise(client, bot) -> None:
    listed = await client.list_tools()
    assert {t.name for t in listed.tools} == TOOLS
    assert all(t.description and t.input_schema for t in listed.tools)
    # an MCP client is no signed-in shopper: no tool takes a user id
    assert all("user_id" not in t.input_schema.get("properties", {}) for t in listed.tools)
    found = _data(await client.call_tool("search_catalog", {"query": "waterproof trail shoe", "k": 3}))["results"]
    assert found and found[0]["product_id"] == "P1" and found[0]["text"]
    cheap = _data(await client.call_tool("search_catalog", {"query": "running shoe", "max_price": 100}))["results"]
    assert cheap and {r["product_id"] for r in cheap} <= {"P2", "P4"} and cheap[0]["product_id"] == "P2"  # P1, P3 cost more
    facts = _data(await client.call_tool("product_facts", {"product_id": "P3"}))
    assert facts["price"] == 149.0 and facts["in_stock"] is False and facts["attributes"]["battery_hours"] == 30
    missing = await client.call_tool("product_facts", {"product_id": "NOPE"})
    assert missing.is_error and "NOPE" in missing.content[0].text
    recs = _data(await client.call_tool("recommend", {"category": "running shoes", "max_price": 100}))["recommendations"]
    assert [r["product_id"] for r in recs] == ["P2"]


def test_in_process(bot):
    async def main():
        async with Client(build_server(bot)) as client:
            await _exercise(client, bot)
            said = _data(await client.call_tool("ask_shop", {"question": "Is the Trailhawk Storm Runner good on muddy paths?"}))
            assert said["answer"] == "Yes, its grippy outsole suits muddy paths [1]."
            assert said["citations"][0]["product_id"] == "P1" and said["citations"][0]["quote"]
            # no shopper is signed in over MCP: the shop's order tool is never called
            order = _data(await client.call_tool("ask_shop", {"question": "where is my order 1001?"}))
            assert "sign in" in order["answer"] and bot.order_calls == []
            summary = _data(await client.call_tool("review_summary", {"product_id": "P1"}))
            assert summary["product_id"] == "P1" and sum(summary["rating_histogram"].values()) == 2
    anyio.run(main)


def test_streamable_http(bot):
    with LiveServer(build_server(bot).streamable_http_app()) as live:
        async def main():
            async with Client(live.url + "/mcp") as client:
                await _exercise(client, bot)
        anyio.run(main)


def test_stdio_command(tmp_path, e5_embedder):
    home = tmp_path / "home"
    seeded = ShopAssistant(Settings(home=home, db_url=None, chroma_url=None), embedder=e5_embedder)
    seeded.ingest(_catalog(tmp_path), analytics=False, progress=False)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "SHOPBOT_HOME": str(home), "SHOPBOT_EMBEDDER": "e5-small"}
    params = StdioServerParameters(command=sys.executable, env=env, cwd=str(Path(__file__).parent.parent),
                                   args=["-c", "import sys; from chatbot.cli import main; sys.exit(main())", "mcp"])

    async def main():
        async with Client(params, read_timeout_seconds=120) as client:
            listed = await client.list_tools()
            assert {t.name for t in listed.tools} == TOOLS
            found = _data(await client.call_tool("search_catalog", {"query": "noise cancelling earbuds", "k": 2}))
            assert found["results"][0]["product_id"] == "P3"
            assert _data(await client.call_tool("product_facts", {"product_id": "P4"}))["price"] == 14.25
    anyio.run(main)
