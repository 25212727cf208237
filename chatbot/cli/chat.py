"""`shopbot ask "..."` and the interactive `shopbot chat`."""
from __future__ import annotations

import json


def add_parser(sub) -> None:
    a = sub.add_parser("ask", help="ask one question and print the grounded answer")
    a.add_argument("question")
    a.add_argument("--product", help="the product page the shopper is on")
    a.add_argument("--session", help="session id, to continue a conversation")
    a.add_argument("--user", help="shopper id (for personal recommendations and the log)")
    a.add_argument("--json", action="store_true", help="print the reply as JSON")
    a.set_defaults(func=run_ask)
    c = sub.add_parser("chat", help="chat in the terminal, with streaming")
    c.add_argument("--product", help="the product page the shopper is on")
    c.add_argument("--user", help="shopper id")
    c.set_defaults(func=run_chat)


def reply_json(reply) -> dict:
    return {
        "answer": reply.answer,
        "citations": [{"product_id": c.product_id, "title": c.title, "chunk_ids": c.chunk_ids, "quote": c.quote}
                      for c in reply.citations],
        "recommendations": [{"product_id": r.product_id, "title": r.title, "price": r.price, "score": r.score,
                             "reason": r.reason} for r in reply.recommendations],
        "refused": reply.refused,
        "handoff": reply.handoff,
        "handoff_reason": reply.handoff_reason,
        "lang": reply.lang,
        "query": reply.query,
        "turn_id": reply.turn_id,
        "model": reply.model,
        "timings": reply.timings,
        "usage": reply.usage,
    }


def _sources(reply) -> str:
    lines = []
    for c in reply.citations:
        quote = f' "{c.quote}"' if c.quote else ""
        lines.append(f"  [{c.product_id}] {c.title}{quote}")
    if reply.handoff:
        lines.append(f"  (handed off to a human: {reply.handoff_reason})")
    return "\n".join(lines)


def _assistant(settings):
    from chatbot.assistant import ShopAssistant
    from chatbot.errors import ShopbotError

    bot = ShopAssistant(settings)
    if not bot.products:
        raise ShopbotError("the shop is empty: load a catalog first with `shopbot ingest DIR` (or `shopbot demo`)")
    return bot


def _print_stream(bot, question: str, correction_prefix: str = "", **where) -> None:
    """Print the reply as it streams; if the honesty checks changed it, print the final answer."""
    from chatbot.types import Reply

    streamed = []
    for item in bot.stream(question, **where):
        if isinstance(item, Reply):
            reply = item
        else:
            streamed.append(item)
            print(item, end="", flush=True)
    print()
    if reply.answer.strip() != "".join(streamed).strip():
        print(f"{correction_prefix}{reply.answer}")
    if reply.citations:
        print(_sources(reply))


def run_ask(args, settings) -> int:
    bot = _assistant(settings)
    if args.json:
        reply = bot.ask(args.question, session_id=args.session, user_id=args.user, product_id=args.product)
        print(json.dumps(reply_json(reply), ensure_ascii=False, indent=2))
        return 0
    _print_stream(bot, args.question, "\n", session_id=args.session, user_id=args.user, product_id=args.product)
    return 0


def run_chat(args, settings) -> int:
    import uuid

    bot = _assistant(settings)
    session = uuid.uuid4().hex
    print("shopbot chat: ask about the shop's products (Ctrl-D to quit).")
    while True:
        try:
            question = input("\nyou> ").strip()
        except EOFError:
            print()
            return 0
        if not question:
            continue
        print("bot> ", end="", flush=True)
        _print_stream(bot, question, "bot> ", session_id=session, user_id=args.user, product_id=args.product)
