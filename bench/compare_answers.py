"""Answers of two eval reports side by side: which questions' answers differ, byte for byte.

    python bench/compare_answers.py before.json after.json [--keep-answers DIR]

`--keep-answers DIR` writes each report's answers as `<name>.answers.jsonl` (id, answer), small
enough to commit, so a restructuring that claims to change no behaviour can be checked later.
Exits 1 when any answer differs.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def answers(path: Path) -> dict[str, str]:
    """{question id: answer} of an eval report (JSON) or of a kept answers file (JSON Lines)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return {row["id"]: row["answer"] for row in map(json.loads, text.splitlines())}
    return {c["id"]: c.get("answer") or "" for c in json.loads(text)["cases"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--keep-answers", type=Path)
    args = ap.parse_args(argv)
    a, b = answers(args.before), answers(args.after)
    if args.keep_answers:
        args.keep_answers.mkdir(parents=True, exist_ok=True)
        for path, got in ((args.before, a), (args.after, b)):
            out = args.keep_answers / f"{path.stem}.answers.jsonl"
            out.write_text("".join(json.dumps({"id": k, "answer": v}, ensure_ascii=False) + "\n" for k, v in got.items()),
                           encoding="utf-8")
    differ = [k for k in a if a[k] != b.get(k)] + [k for k in b if k not in a]
    for k in differ:
        print(f"{k}:\n  before: {a.get(k)!r}\n  after:  {b.get(k)!r}")
    print(f"{len(a)} questions, {len(differ)} answers differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
