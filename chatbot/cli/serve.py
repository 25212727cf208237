"""`shopbot serve` (the HTTP API) and `shopbot mcp` (an MCP server for agents).

Standard library only at top level: fastapi, uvicorn, mcp and the models load inside the commands.
"""
from __future__ import annotations

import sys


def add_parser(sub) -> None:
    s = sub.add_parser("serve", help="HTTP API: /v1/ask, streaming, OpenAI-compatible /v1/chat/completions, /metrics")
    s.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default 127.0.0.1; any other needs SHOPBOT_API_KEYS)")
    s.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    s.add_argument("--tool", action="append", default=[], metavar="NAME=URL",
                   help="a shop tool as a webhook, e.g. order_status=https://shop/api/order (repeatable; adds to SHOPBOT_TOOLS)")
    s.add_argument("--cors", action="append", default=[], metavar="ORIGIN",
                   help="allow browser calls from ORIGIN (repeatable; adds to SHOPBOT_CORS_ORIGINS; default: CORS off)")
    s.add_argument("--no-warmup", action="store_true", help="skip loading the model before serving")
    s.set_defaults(func=run_serve)

    m = sub.add_parser("mcp", help="MCP server: search_catalog, product_facts, review_summary, recommend, ask_shop")
    m.add_argument("--transport", choices=["stdio", "http"], default="stdio",
                   help="stdio (default; a desktop client starts the command) or streamable HTTP at /mcp")
    m.add_argument("--host", default="127.0.0.1", help="address to bind with --transport http (loopback only)")
    m.add_argument("--port", type=int, default=8081, help="port with --transport http (default 8081)")
    m.set_defaults(func=run_mcp)


def run_serve(args, settings) -> int:
    from chatbot.serve.auth import check_bind
    from chatbot.serve.config import ServeSettings, parse_tools

    serve = ServeSettings()
    serve.tools.update(parse_tools(args.tool))
    serve.cors_origins += args.cors
    check_bind(args.host, serve.api_keys)  # before anything slow is loaded

    import uvicorn

    from chatbot.assistant import ShopAssistant
    from chatbot.serve.http import create_app
    from chatbot.serve.webhooks import webhook_tools

    bot = ShopAssistant(settings, tools=webhook_tools(serve.tools, serve.tool_timeout))
    if not bot.products:
        print("the shop is empty: POST files to /v1/catalog or run `shopbot ingest DIR`", file=sys.stderr)
    if not args.no_warmup:
        print("loading the model...", file=sys.stderr, flush=True)
        bot.llm  # noqa: B018 - the first shopper should not wait for it
    uvicorn.run(create_app(bot, serve), host=args.host, port=args.port, log_level="info")
    return 0


def run_mcp(args, settings) -> int:
    from chatbot.serve.auth import is_loopback

    if args.transport == "http" and not is_loopback(args.host):
        from chatbot.errors import ConfigError

        raise ConfigError(f"refusing to serve MCP on {args.host}: the MCP server has no keys; bind to 127.0.0.1 "
                          "and put an authenticating proxy in front")
    from chatbot.assistant import ShopAssistant
    from chatbot.serve.mcp import build_server

    server = build_server(ShopAssistant(settings))
    if args.transport == "stdio":
        server.run("stdio")
    else:
        server.run("streamable-http", host=args.host, port=args.port)
    return 0
