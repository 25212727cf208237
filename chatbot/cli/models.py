"""`shopbot models`: list the offline model presets; `shopbot models prepare [NAME]` converts one now."""
from __future__ import annotations

import json
import time


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("models", help="list offline model presets, or prepare one",
                              description="List the model presets that ship in PyPI packages.")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=run_list)
    sub = p.add_subparsers(dest="models_command", metavar="ACTION")
    prep = sub.add_parser("prepare", help="join, verify and convert a preset into the model cache now",
                          description="Join, verify (sha256) and convert an LLM preset into the cache, so "
                                      "the first question does not wait for it. Embedder presets are checked.")
    prep.add_argument("name", nargs="?", help="preset (default: the configured LLM)")
    prep.add_argument("--force", action="store_true", help="convert again even if cached")
    prep.set_defaults(func=run_prepare)


def run_list(args, settings) -> int:
    from chatbot.models.presets import list_models

    rows = list_models(settings)
    if getattr(args, "json", False):
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    from rich.console import Console
    from rich.table import Table

    colours = {"ready": "green", "installed": "yellow", "missing": "red", "corrupt": "bold red"}
    table = Table(title=f"model presets (cache: {settings.models_dir})")
    for col in ("name", "kind", "status", "size", "default", "description"):
        table.add_column(col, justify="right" if col == "size" else "left")
    for r in rows:
        c = colours.get(r["status"], "white")
        table.add_row(r["name"], r["kind"], f"[{c}]{r['status']}[/{c}]", f"{r['size_mb']:.0f} MB",
                      "*" if r["default"] else "", r["description"])
    console = Console()
    console.print(table)
    if any(r["status"] in ("missing", "corrupt") for r in rows):
        console.print("missing: pip install 'shopbot[models]' (or the packages in `shopbot models --json`); "
                      "installed: `shopbot models prepare NAME` converts it ahead of first use", markup=False)
    return 0


def run_prepare(args, settings) -> int:
    from chatbot.models.presets import PRESETS, prepare, resolve_llm

    name = args.name or settings.llm
    t0 = time.perf_counter()
    if name in PRESETS:
        path = prepare(name, settings, progress=True, force=getattr(args, "force", False))
    else:  # a hub id or folder: only check that it resolves locally
        path = resolve_llm(name, settings)
    print(f"{name}: ready at {path} ({time.perf_counter() - t0:.1f} s)")
    return 0
