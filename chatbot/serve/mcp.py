"""`shopbot mcp`: the shop's grounded data as MCP tools, for desktop assistants and agents.

Tools: `search_catalog`, `product_facts`, `review_summary`, `recommend`, `ask_shop`. Every
answer comes from the catalog, the review analytics or the assistant's checked reply, so a
client can talk about this shop without inventing. The shop's own tools (orders, carts) are not
exposed: an MCP client is not an authenticated shopper, and `ask_shop` passes no user id (an
order question gets "please sign in").

The assistant is synchronous; each tool runs it in a worker thread so one slow answer does not
stall the server's other sessions.
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

import anyio
from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError

INSTRUCTIONS = ("Answers about one online shop from its own catalog, reviews and Q&A. Use search_catalog to "
                "find products, product_facts for a product's listed price, stock and attributes, review_summary "
                "for what customers say, recommend for products meeting constraints, ask_shop for a grounded answer "
                "with citations. Facts not returned by these tools are not known to the shop.")


def _product(p) -> dict[str, Any]:
    data = asdict(p)
    data["price_text"], data["stock_text"] = p.price_text(), p.stock_text()
    return data


def build_server(bot, name: str = "shopbot") -> MCPServer:
    """An MCPServer over `bot` (a ShopAssistant); run it with `.run("stdio")` or
    `.run("streamable-http", host=..., port=...)`, or mount `.streamable_http_app()`."""
    server = MCPServer(name, instructions=INSTRUCTIONS)

    def known(product_id: str):
        product = bot.products.get(product_id)
        if product is None:
            # ToolError: the client sees this message (any other exception's text stays on the server)
            raise ToolError(f"no product {product_id!r}; search_catalog finds product ids")
        return product

    @server.tool(description="Search the shop's catalog, reviews and Q&A. Returns the best evidence chunks, each "
                             "with its product id, kind (card, description, review, qa) and text.")
    async def search_catalog(query: str, k: int = 5, category: str | None = None, max_price: float | None = None,
                             in_stock: bool | None = None) -> dict[str, Any]:
        k = max(1, min(int(k), 20))
        filters = {"category": category, "price_max": max_price, "in_stock": in_stock}
        hits = await anyio.to_thread.run_sync(lambda: bot.shop.search(query, k=k, filters=filters))
        return {"results": [{"product_id": h.product_id, "title": known(h.product_id).name if h.product_id in bot.products else "",
                             "kind": h.chunk.kind, "text": h.chunk.text, "score": round(h.score, 4)} for h in hits]}

    @server.tool(description="A product's catalog record: title, brand, category, price, currency, stock, "
                             "features and attributes, exactly as the shop lists them.")
    async def product_facts(product_id: str) -> dict[str, Any]:
        return _product(known(product_id))

    @server.tool(description="What customers say about a product: rating histogram, sentiment counts, "
                             "aspects (fit, battery, ...) with counts and a real quote each, keywords.")
    async def review_summary(product_id: str) -> dict[str, Any]:
        from analytics.store import product_summary

        known(product_id)
        summary = await anyio.to_thread.run_sync(lambda: product_summary(bot.shop.db, product_id, analyzer=bot.shop.analyzer))
        return summary.to_dict()

    # no user_id: a shopper's recommendations show what they bought and viewed, and an MCP client
    # is not that shopper (the HTTP service's /v1/recommend/{user_id} sits behind API keys)
    @server.tool(description="Recommend products, ranked by reviews and rating. Constraints (category, max_price, "
                             "in_stock) are hard: only products meeting all of them are returned.")
    async def recommend(k: int = 5, category: str | None = None, max_price: float | None = None,
                        in_stock: bool | None = None) -> dict[str, Any]:
        wanted = {key: v for key, v in (("category", category), ("price_max", max_price), ("in_stock", in_stock))
                  if v is not None}
        recs = await anyio.to_thread.run_sync(lambda: bot.recommend(None, k=max(1, min(int(k), 20)),
                                                                    constraints=wanted or None))
        return {"recommendations": [asdict(r) for r in recs]}

    @server.tool(description="Ask the shop's assistant. The answer is grounded in the catalog and reviews and "
                             "cites the products it used; it says so when the shop's data does not answer.")
    async def ask_shop(question: str, product_id: str | None = None, session_id: str | None = None) -> dict[str, Any]:
        reply = await anyio.to_thread.run_sync(lambda: bot.ask(question, session_id=session_id, product_id=product_id))
        return {"answer": reply.answer, "citations": [asdict(c) for c in reply.citations],
                "recommendations": [asdict(r) for r in reply.recommendations], "refused": reply.refused,
                "handoff": reply.handoff, "handoff_reason": reply.handoff_reason}

    return server
