"""Command line of the evaluation, shared by `shopbot eval DIR` and `python -m eval DIR`.

Standard library only at import time (the `shopbot` CLI imports this to build --help).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "score shopbot on an eval set: retrieval, answers, refusals, recommendations, latency, sentiment"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("dir", help="eval-set folder (shared/evalsets/FORMAT.md)")
    p.add_argument("--limit", type=int, help="first N questions (after --split / --types), or N reviews in sentiment mode")
    p.add_argument("--types", nargs="+", metavar="TYPE", help="only these question types (space or comma separated)")
    p.add_argument("--split", choices=["train", "dev", "test"], help="only questions of this split (sets without splits run whole)")
    # SUPPRESS: when not given here, the value from `shopbot --llm X eval ...` (or the env) stands.
    p.add_argument("--llm", default=argparse.SUPPRESS, help="LLM preset, hub id, folder or openai:URL")
    p.add_argument("--embedder", default=argparse.SUPPRESS, help="embedder preset, id or folder (shopbot's retrieval)")
    p.add_argument("--retrieval-only", action="store_true", help="retrieval measures only: no LLM, runs in seconds")
    p.add_argument("--baseline", action="store_true",
                   help="also run the tutorial baseline (shared/baseline.md) in the same run: over the whole "
                        "catalog and, for questions asked on a product page, filtered to that page")
    p.add_argument("--judge", metavar="PRESET", help="also grade replies with this LLM (refused for the tiny presets)")
    p.add_argument("--analytics", choices=["auto", "on", "off"], default="auto",
                   help="review analytics at ingest (auto: on when the set has review questions)")
    p.add_argument("--store", type=Path, metavar="DIR",
                   help="keep the eval store in DIR and reuse it next run (default: a fresh temporary one)")
    p.add_argument("--out", type=Path, help="write the JSON report here (default: $SHOPBOT_HOME/reports/eval-<set>.json)")
    p.add_argument("--md", type=Path, help="also write a Markdown report (PNG plots beside it)")
    p.add_argument("--worst", type=int, default=10, help="worst cases to print (default 10)")
    p.add_argument("--quiet", action="store_true", help="no progress bars")


def run(args, settings) -> int:
    from .hostile import is_hostile_set

    if is_hostile_set(args.dir):  # injections, PII, oversize and binary messages (eval/hostile/)
        from .hostile import run_cli

        return run_cli(args, settings)
    from .report import print_summary, write_markdown
    from .run import evaluate, save_json, worst_cases

    report = evaluate(args.dir, settings, limit=args.limit, types=args.types, split=args.split,
                      retrieval_only=args.retrieval_only, baseline=args.baseline, analytics=args.analytics,
                      judge=args.judge, progress=not args.quiet, store=args.store)
    bad = worst_cases(report, args.worst)
    print_summary(report, bad)
    out = args.out or settings.reports_dir / f"eval-{Path(args.dir).resolve().name}.json"
    print(f"\nreport: {save_json(report, out)}", file=sys.stderr)
    if args.md:
        files = write_markdown(report, bad, args.md)
        print("markdown: " + ", ".join(str(f) for f in files), file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m eval DIR ...`: the same command with --home as well."""
    from chatbot.config import settings_from_args
    from chatbot.errors import ShopbotError

    parser = argparse.ArgumentParser(prog="python -m eval", description=HELP)
    parser.add_argument("--home", help="home folder (default: $SHOPBOT_HOME or ~/.shopbot)")
    add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return run(args, settings_from_args(args))
    except ShopbotError as exc:
        print(f"python -m eval: error: {exc}", file=sys.stderr)
        return exc.exit_code
