"""shopbot's evaluation: `shopbot eval DIR` / `python -m eval DIR` (see eval/cli.py), the
tutorial baseline (eval/baseline.py) and the scorer (eval/score.py, eval/metrics.py)."""
