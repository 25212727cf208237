"""`shopbot ui` (the web UI on this shop) and `shopbot demo` (the bundled demo shop in the UI).

Standard library only at top level: gradio, torch and chromadb load inside the handlers.
"""
from __future__ import annotations

import sys


def _options(p) -> None:
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default 127.0.0.1; any other needs SHOPBOT_UI_AUTH=user:password)")
    p.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    p.add_argument("--share", choices=["on", "off"], default="off",
                   help="gradio public share link (default off; on needs SHOPBOT_UI_AUTH)")
    p.add_argument("--concurrency", type=int, default=4, help="shoppers answered at once (default 4)")
    p.add_argument("--no-warmup", action="store_true", help="skip loading the model before serving")


def add_parser(sub) -> None:
    u = sub.add_parser("ui", help="web UI: shopper chat, owner dashboard, catalog upload")
    _options(u)
    u.set_defaults(func=run_ui)
    d = sub.add_parser("demo", help="load the bundled demo shop (first run) and open the web UI")
    _options(d)
    d.set_defaults(func=run_demo)


def _check(args, settings):
    """Refuse an exposed bind without a password before anything slow is loaded."""
    from chatbot.ui.app import check_bind

    return check_bind(args.host, args.share == "on", settings.ui_auth)


def _serve(bot, args, credentials) -> int:
    from chatbot.ui.app import launch, warm_up

    if not args.no_warmup:
        print("loading the model...", file=sys.stderr, flush=True)
        seconds = warm_up(bot)
        print(f"model ready ({seconds:.1f} s)", file=sys.stderr, flush=True)
    # gradio prints the URL once the server is up, i.e. after the warm-up above.
    launch(bot, host=args.host, port=args.port, share=args.share == "on", auth=credentials,
           concurrency=args.concurrency)
    return 0


def run_ui(args, settings) -> int:
    from chatbot.assistant import ShopAssistant

    credentials = _check(args, settings)
    bot = ShopAssistant(settings)
    if not bot.products:
        print("the shop is empty: upload catalog files in the Catalog tab, or run `shopbot ingest DIR` "
              "(`shopbot demo` loads a demo shop)", file=sys.stderr)
    return _serve(bot, args, credentials)


def run_demo(args, settings) -> int:
    from chatbot.assistant import ShopAssistant
    from chatbot.ui.app import demo_folder

    credentials = _check(args, settings)
    bot = ShopAssistant(settings)
    if not bot.products:
        folder = demo_folder()
        print(f"loading the demo shop from {folder} into {settings.home} "
              "(first run only; several minutes on a small CPU)...", file=sys.stderr, flush=True)
        result = bot.ingest(folder, progress=True)
        print(f"{result.products} products, {result.reviews} reviews, {result.qa} Q&A loaded "
              f"({result.seconds:.0f} s)", file=sys.stderr)
    else:
        print(f"the shop in {settings.home} already holds {len(bot.products)} products: opening it as is",
              file=sys.stderr)
    return _serve(bot, args, credentials)
