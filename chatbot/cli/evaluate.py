"""`shopbot eval DIR`: score shopbot (and optionally the tutorial baseline) on an eval set.

The command lives in the `eval` package (also `python -m eval DIR`); this module only plugs it
into the shopbot CLI.
"""
from __future__ import annotations


def add_parser(sub) -> None:
    from eval.cli import HELP, add_arguments  # standard library only at import time

    p = sub.add_parser("eval", help=HELP, description=HELP)
    add_arguments(p)
    p.set_defaults(func=run)


def run(args, settings) -> int:
    from eval.cli import run as run_eval

    return run_eval(args, settings)
