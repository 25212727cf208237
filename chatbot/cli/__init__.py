"""The `shopbot` command line.

Each command group lives in `chatbot/cli/<name>.py` with `add_parser(subparsers)` and a
`run(args, settings)` per sub-command (set with `parser.set_defaults(func=...)`). Those modules
import only the standard library at top level, so `shopbot --help` starts fast; torch, chromadb
and gradio are imported inside the command that needs them.
"""
from __future__ import annotations

import argparse
import importlib
import sys

# Order is the order shown in --help.
COMMAND_MODULES = [
    "chatbot.cli.data",      # ingest, search
    "chatbot.cli.chat",      # ask, chat
    "chatbot.cli.models",    # models
    "chatbot.cli.reviews",   # reviews summary|report|classify
    "chatbot.cli.loop",      # events, logs, recommend, insights
    "chatbot.cli.ui",        # ui, demo
    "chatbot.cli.evaluate",  # eval
    "chatbot.cli.serve",     # serve, mcp
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shopbot",
        description="Local-first customer-service assistant for online shops.",
    )
    parser.add_argument("--home", help="home folder (default: $SHOPBOT_HOME or ~/.shopbot)")
    parser.add_argument("--llm", help="LLM preset, hub id, folder or openai:URL (default: $SHOPBOT_LLM)")
    parser.add_argument("--embedder", help="embedder preset, id or folder (default: $SHOPBOT_EMBEDDER)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a command group not built yet
            if exc.name != name:
                raise
            continue
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from chatbot.config import settings_from_args
    from chatbot.errors import ShopbotError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        result = args.func(args, settings_from_args(args))
    except ShopbotError as exc:
        print(f"shopbot: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
