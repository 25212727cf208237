"""The web UI: Chat (shoppers), Dashboard (shop owner), Catalog (uploads).

    app = build_app(assistant)          # a gr.Blocks; every browser shares the one assistant
    launch(assistant, host="127.0.0.1", port=7860, share=False, auth=None)

gradio is imported inside the functions that need it: `shopbot --help` and the other commands
must not pay its import time. Event logic lives in `ui_handlers.py`, HTML in `ui_render.py`,
plots in `ui_plots.py`.
"""
from __future__ import annotations

import ipaddress
import time
from pathlib import Path

from chatbot.errors import ConfigError, NotFound
from chatbot.ui.render import CSS

DEFAULT_CONCURRENCY = 4  # shoppers answered at once; more just queue (2-4 suit a CPU box)
# Shoppers waiting beyond those answered. Past it a new message is refused at once and the page
# shows gradio's "This application is currently busy. Please try again." instead of a reply that
# may never come (an unbounded queue on a CPU box means minutes of silence under load).
DEFAULT_QUEUE_SIZE = 64


# ---------------------------------------------------------------- binding and auth

def parse_auth(value) -> tuple[str, str] | None:
    """`"user:password"` (SHOPBOT_UI_AUTH) or a (user, password) pair -> pair; None/"" -> None."""
    if value is None or value == "":
        return None
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ConfigError("UI auth must be a (user, password) pair")
        user, password = str(value[0]), str(value[1])
    else:
        user, sep, password = str(value).partition(":")
        if not sep:
            raise ConfigError("SHOPBOT_UI_AUTH must look like user:password")
    if not user.strip() or not password:
        raise ConfigError("SHOPBOT_UI_AUTH needs both a user name and a password (user:password)")
    return user, password


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name other than localhost may resolve to anything: not loopback
        return False


def check_bind(host: str, share: bool, auth) -> tuple[str, str] | None:
    """The credentials to serve with; refuses (ConfigError) to expose the UI without any.

    On loopback only this machine's users reach the page; on any other address (0.0.0.0, a LAN
    IP) or through a share link, anyone who can reach the port could read the shop's chat log
    and replace its catalog, so a password is required before anything is bound."""
    credentials = parse_auth(auth)
    if (share or not is_loopback(host)) and credentials is None:
        where = "a public share link" if share else f"{host} (not a loopback address)"
        raise ConfigError(
            f"refusing to serve the UI on {where} without a password: set SHOPBOT_UI_AUTH=user:password, "
            "or keep the default --host 127.0.0.1")
    return credentials


# ---------------------------------------------------------------- the app

def build_app(assistant):
    """The three-tab gr.Blocks over one shared `ShopAssistant`."""
    import gradio as gr

    from chatbot.ui.handlers import UIHandlers

    h = UIHandlers(assistant)

    def refresh_choices(current=None):
        keep = current if current in assistant.products else h.first_product()
        dash = gr.update(choices=h.choices(None), value=keep)
        return gr.update(choices=h.choices()), dash, h.catalog_overview()

    def on_like(turns, data):
        return h.feedback(turns, data.index, data.liked)

    # gradio injects LikeData by the parameter's type; set it as an object, not the string that
    # `from __future__ import annotations` would leave (gradio cannot resolve a local `gr`).
    on_like.__annotations__["data"] = gr.LikeData

    def do_upload(files, progress=gr.Progress(track_tqdm=True)):  # tqdm bars of ingest show here
        return h.upload(files, progress)

    def do_analyse(progress=gr.Progress(track_tqdm=True)):
        return h.analyse(progress)

    with gr.Blocks(title="shopbot", analytics_enabled=False) as app:
        session = gr.State(None)  # one conversation per browser tab
        turns = gr.State({})  # chat-history index -> interaction-log turn id
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                product = gr.Dropdown(choices=h.choices(), value="", label="Product page",
                                      info="Pick the page the shopper is on to ask about that product",
                                      elem_id="sb-product")
                page = gr.HTML(elem_id="sb-page")
                chat = gr.Chatbot(label="Shop assistant", height=480, elem_id="sb-chat", line_breaks=True,
                                  buttons=["copy", "copy_all"],
                                  placeholder="Ask about sizes, battery life, shipping or gift ideas. 中文也可以。")
                with gr.Row():
                    msg = gr.Textbox(placeholder="Ask about our products…", show_label=False, scale=6,
                                     elem_id="sb-msg", autofocus=True)
                    send = gr.Button("Send", variant="primary", scale=1, elem_id="sb-send")
                    new_chat = gr.Button("New conversation", scale=1, min_width=190, elem_id="sb-new")
                status = gr.Markdown(elem_id="sb-status")
                gr.Examples(h.examples(), inputs=msg, label="Try")
            with gr.Tab("Dashboard", id="dashboard") as dash_tab:
                with gr.Row():
                    gr.Markdown("### How the assistant is doing")
                    refresh = gr.Button("Refresh", scale=0, elem_id="sb-refresh")
                stats = gr.HTML(elem_id="sb-stats")
                with gr.Row():
                    # The figures carry their own titles; gradio's label badge would cover them.
                    cat_plot = gr.Plot(show_label=False, elem_id="sb-plot-sentiment")
                    comp_plot = gr.Plot(show_label=False, elem_id="sb-plot-complaints")
                gr.Markdown("### What customers say about a product")
                dash_product = gr.Dropdown(choices=h.choices(None), value=h.first_product(), label="Product",
                                           elem_id="sb-dash-product")
                with gr.Row():
                    summary = gr.HTML(elem_id="sb-summary")
                    hist = gr.Plot(show_label=False, elem_id="sb-plot-ratings")
                with gr.Row():
                    analyse = gr.Button("Analyse reviews", scale=0)
                    analyse_out = gr.HTML()
            with gr.Tab("Catalog", id="catalog"):
                overview = gr.HTML(elem_id="sb-overview")
                gr.Markdown("Upload `products`, `reviews` and/or `product_qa` files (.jsonl or .csv). Every line "
                            "is checked first; a file with any bad line is rejected and nothing is stored.")
                files = gr.File(file_count="multiple", file_types=[".jsonl", ".csv"], label="Catalog files",
                                elem_id="sb-files")
                ingest = gr.Button("Validate and ingest", variant="primary", elem_id="sb-ingest")
                ingest_out = gr.HTML(elem_id="sb-ingest-result")

        # show_progress minimal: the streaming cursor in the bubble already says "working".
        chat_io = dict(fn=h.chat, inputs=[msg, chat, product, session, turns], outputs=[chat, msg, session, turns],
                       show_progress="minimal")
        send.click(**chat_io)
        msg.submit(**chat_io)
        chat.like(on_like, inputs=[turns], outputs=[status])
        product.change(h.page_card, inputs=product, outputs=page)
        new_chat.click(lambda: ([], None, {}, ""), outputs=[chat, session, turns, status])
        chat.clear(lambda: (None, {}, ""), outputs=[session, turns, status])  # the bubble bin icon

        dash_io = dict(fn=h.dashboard, outputs=[stats, cat_plot, comp_plot])
        product_io = dict(fn=h.product_view, inputs=dash_product, outputs=[summary, hist])
        dash_tab.select(**dash_io).then(**product_io)
        refresh.click(**dash_io).then(**product_io)
        dash_product.change(**product_io)
        # Writers go one at a time (shared concurrency_id): two ingests would wait on SQLite's lock.
        analyse.click(do_analyse, outputs=analyse_out, concurrency_limit=1, concurrency_id="writer").then(**dash_io)
        choices_io = dict(fn=refresh_choices, inputs=dash_product, outputs=[product, dash_product, overview],
                          show_progress="hidden")
        ingest.click(do_upload, inputs=files, outputs=ingest_out, concurrency_limit=1,
                     concurrency_id="writer").then(**choices_io)
        # Each page load sees the current catalog (another tab or the CLI may have ingested).
        app.load(**choices_io)
    return app


def launch(assistant, host: str = "127.0.0.1", port: int = 7860, share: bool = False, auth=None, *,
           concurrency: int = DEFAULT_CONCURRENCY, queue_size: int = DEFAULT_QUEUE_SIZE, **launch_kw):
    """Serve the UI. `auth`: (user, password) or "user:password"; default SHOPBOT_UI_AUTH.
    Extra keywords go to `gr.Blocks.launch` (tests pass prevent_thread_lock=True). Returns the app."""
    credentials = check_bind(host, share, auth if auth is not None else assistant.settings.ui_auth)
    import gradio as gr

    app = build_app(assistant)
    app.queue(default_concurrency_limit=concurrency, max_size=queue_size)
    app.launch(server_name=host, server_port=port, share=share, auth=credentials,
               auth_message="shopbot: sign in with the SHOPBOT_UI_AUTH credentials" if credentials else None,
               css=CSS, theme=gr.themes.Soft(), footer_links=["gradio"], **launch_kw)
    return app


# ---------------------------------------------------------------- start-up helpers

def warm_up(assistant) -> float:
    """Load the embedder, vector store and LLM and run one short generation, so the first shopper
    is not the one who waits for the model to load. Returns the seconds it took."""
    from chatbot.prompting import render

    started = time.perf_counter()
    _ = assistant.products
    if assistant.products:
        assistant.shop.search("warm up", k=1)
    # The real system prompt (its fixed rules; evidence follows them): a prefix-caching backend
    # keeps it for the first question.
    messages = [{"role": "system", "content": render("answer_system.jinja", evidence=[])}, {"role": "user", "content": "Hello"}]
    assistant.llm.generate(messages, max_new_tokens=2)
    return time.perf_counter() - started


def demo_folder() -> Path:
    """The bundled demo shop (chatbot/data/demo), wherever the package is installed."""
    from importlib.resources import files

    folder = Path(str(files("chatbot") / "data" / "demo"))
    if not (folder / "products.jsonl").is_file():
        raise NotFound(f"{folder}: the demo shop data is not installed with this package")
    return folder
