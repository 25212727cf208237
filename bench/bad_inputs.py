"""Bad catalog and events files, each with one defect at a known line, fed to the real CLI.

    python bench/bad_inputs.py [--md bench/bad_inputs.md] [--only NAME]

A good store (a four-product catalog) is ingested first; then each case runs `python -m
chatbot.cli ingest DIR` (or `events import FILE`) in a subprocess. A case is *clear* when the
command exits as expected (2 for a defect, 0 for an encoding we accept), names the defect as
`file:line: field:`, prints no traceback, finishes within TIME_LIMIT, and leaves shop.db, the
Chroma store and log.db exactly as they were. The defect files re-state the good store's records
on their other lines, so "unchanged" holds with and without --strict. `tests/test_bad_inputs.py`
runs the same cases in-process.
"""
from __future__ import annotations

import argparse
import codecs
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIME_LIMIT = 60.0  # seconds per case, model load included

PRODUCTS = [
    {"id": "P1", "title": "Trailhawk Storm Runner", "category": "running shoes", "price": 109.99, "in_stock": True,
     "description": "A waterproof trail running shoe.", "attributes": {"waterproof": True, "colors": ["black"]}},
    {"id": "P2", "title": "Nordvale City Glide", "category": "running shoes", "price": 89.5, "in_stock": True,
     "description": "A light road running shoe."},
    {"id": "P3", "title": "Sonara AeroBuds Pro", "category": "headphones", "price": 149.0, "in_stock": False},
    {"id": "P4", "title": "Kettle & Co Morning Roast", "category": "coffee", "price": 14.25},
]
REVIEWS = [
    {"id": "R1", "product_id": "P1", "text": "Kept my feet dry on a rainy trail run.", "rating": 4},
    {"id": "R2", "product_id": "P1", "text": "鞋子很防水，但是尺码偏小。", "rating": 4},
    {"id": "R3", "product_id": "P3", "text": "Great sound but the battery dies fast.", "rating": 2},
]
QA = [{"id": "Q1", "product_id": "P3", "question": "Do these work with an iPhone?", "answer": "Yes."}]
EVENTS = [
    {"user_id": "U1", "product_id": "P1", "action": "view", "ts": "2026-01-02T10:00:00Z"},
    {"user_id": "U1", "product_id": "P1", "action": "purchase", "ts": "2026-01-02T10:05:00Z"},
    {"user_id": "U2", "product_id": "P3", "action": "add_to_cart", "ts": "2026-01-03T09:00:00Z"},
]


def jl(rows) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()


def with_line(rows, line: int, raw: bytes) -> bytes:
    """The good rows as JSONL with `raw` (one line, no newline) inserted as line `line`."""
    lines = jl(rows).splitlines(keepends=True)
    lines.insert(line - 1, raw + b"\n")
    return b"".join(lines)


def csv_of(rows, columns) -> bytes:
    import csv
    import io

    out = io.StringIO()
    w = csv.DictWriter(out, columns, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: (json.dumps(v) if isinstance(v, (dict, list)) else v) for k, v in r.items()})
    return out.getvalue().encode()


@dataclass
class Case:
    name: str
    files: dict  # file name -> bytes (None: a folder of that name)
    expect: str | None  # "file:line: field" fragment of the error; None: a clean run (exit 0)
    command: str = "ingest"  # or "events"


def _review(**kw) -> bytes:
    return json.dumps({"id": "RX", "product_id": "P1", "text": "fine", "rating": 4, **kw}, ensure_ascii=False).encode()


def cases() -> list[Case]:
    good_p, good_r = jl(PRODUCTS), jl(REVIEWS)
    deep = b'{"id": "PX", "attributes": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    rcols = ["id", "product_id", "text", "rating"]
    return [
        Case("invalid UTF-8 in a line (a cut multi-byte character)", {"reviews.jsonl": with_line(
            REVIEWS, 2, b'{"id": "RX", "product_id": "P1", "text": "caf\xc3"}')}, "reviews.jsonl:2: line: not valid UTF-8"),
        Case("Latin-1 file (e acute as 0xE9)", {"reviews.jsonl": with_line(REVIEWS, 3, "{\"id\": \"RX\", \"product_id\": \"P1\", "
             "\"text\": \"tr\u00e8s bien\"}".encode("latin-1"))}, "reviews.jsonl:3: line: not valid UTF-8"),
        Case("binary file (random bytes with NULs)", {"products.jsonl": bytes(range(256)) * 64},
             "products.jsonl:1: file: the file holds binary data"),
        Case("zip archive named products.jsonl", {"products.jsonl": b"PK\x03\x04" + b"\x00" * 200},
             "products.jsonl:1: file: the file is a zip archive"),
        Case("gzip data named reviews.jsonl", {"reviews.jsonl": b"\x1f\x8b\x08\x00" + os.urandom(300)},
             "reviews.jsonl:1: file: the file is gzip data"),
        Case("UTF-16 without a byte-order mark", {"products.jsonl": good_p.decode().encode("utf-16-le")},
             "products.jsonl:1: file: the file holds binary data"),
        Case("UTF-16 with a byte-order mark (accepted)", {"products.jsonl": good_p.decode().encode("utf-16")}, None),
        Case("UTF-8 with a BOM (accepted)", {"products.jsonl": codecs.BOM_UTF8 + good_p}, None),
        Case("CSV with a BOM (accepted)", {"reviews.csv": codecs.BOM_UTF8 + csv_of(REVIEWS, rcols)}, None),
        Case("empty file (0 bytes)", {"product_qa.jsonl": b""}, "product_qa.jsonl:1: file: the file is empty"),
        Case("whitespace-only file", {"product_qa.jsonl": b"  \n\n\t\n"}, "product_qa.jsonl:1: file: the file is empty"),
        Case("header-only CSV", {"reviews.csv": b"id,product_id,text,rating\n"}, None),
        Case("whitespace-only required text", {"reviews.jsonl": with_line(REVIEWS, 2, _review(text="   \t "))},
             "reviews.jsonl:2: text: required, blank"),
        Case("missing required id", {"products.jsonl": with_line(PRODUCTS, 3, b'{"title": "no id"}')},
             "products.jsonl:3: id: required"),
        Case("review of an unknown product", {"reviews.jsonl": with_line(REVIEWS, 4, _review(product_id="NOPE"))},
             "reviews.jsonl:4: product_id: unknown product 'NOPE'"),
        Case("duplicate id in a file", {"reviews.jsonl": with_line(REVIEWS, 4, _review(id="R1"))},
             "reviews.jsonl:4: id: 'R1' already used on line 1"),
        Case("two files for one kind (products.jsonl + products.csv)",
             {"products.jsonl": good_p, "products.csv": csv_of(PRODUCTS, ["id", "title"])},
             "products.jsonl:1: file: products.csv already holds products"),
        Case("2.4 MB review (one line)", {"reviews.jsonl": with_line(REVIEWS, 2, _review(text="long " * 480_000))},
             "reviews.jsonl:2: line: line longer than 1024 KiB"),
        Case("50 MB line", {"reviews.jsonl": with_line(REVIEWS, 2, _review(text="x" * 50_000_000))},
             "reviews.jsonl:2: line: line longer than 1024 KiB"),
        Case("review text over its limit (30,000 characters)",
             {"reviews.jsonl": with_line(REVIEWS, 3, _review(text="x" * 30_000))},
             "reviews.jsonl:3: text: 30,000 characters, over the limit of 10,000"),
        Case("title over its limit", {"products.jsonl": with_line(PRODUCTS, 1, json.dumps(
            {"id": "PX", "title": "t" * 5000}).encode())}, "products.jsonl:1: title: 5,000 characters"),
        Case("CSV unclosed quote", {"reviews.csv": csv_of(REVIEWS, rcols) + b'RX,P1,"never closed,4\n'},
             "reviews.csv:5: line: CSV parse error"),
        Case("CSV stray quote inside a field", {"reviews.csv": csv_of(REVIEWS[:1], rcols) + b'RX,P1,"ok" then,4\n'
             + csv_of(REVIEWS[1:], rcols).split(b"\n", 1)[1]}, "reviews.csv:3: line: CSV parse error"),
        Case("CSV row with extra cells", {"reviews.csv": csv_of(REVIEWS, rcols) + b"RX,P1,fine,4,extra,cells\n"},
             "reviews.csv:5: line: 6 cells but the header names 4 columns"),
        Case("CSV invalid UTF-8 in a row", {"reviews.csv": csv_of(REVIEWS, rcols) + b"RX,P1,caf\xe9,4\n"},
             "reviews.csv:5: line: not valid UTF-8"),
        Case("price is text", {"products.jsonl": with_line(PRODUCTS, 2, b'{"id": "PX", "price": "free"}')},
             "products.jsonl:2: price: expected a number, got 'free'"),
        Case("price is infinite (1e999)", {"products.jsonl": with_line(PRODUCTS, 2, b'{"id": "PX", "price": 1e999}')},
             "products.jsonl:2: price: expected a finite number"),
        Case("price is a 400-digit integer", {"products.jsonl": with_line(PRODUCTS, 2, b'{"id": "PX", "price": '
             + b"9" * 400 + b"}")}, "products.jsonl:2: price: expected a number"),
        Case("rating out of range", {"reviews.jsonl": with_line(REVIEWS, 1, _review(rating=9))},
             "reviews.jsonl:1: rating: 9.0 is outside 1..5"),
        Case("in_stock is 'maybe'", {"products.jsonl": with_line(PRODUCTS, 5, b'{"id": "PX", "in_stock": "maybe"}')},
             "products.jsonl:5: in_stock: expected true or false"),
        Case("id is an object", {"products.jsonl": with_line(PRODUCTS, 2, b'{"id": {"a": 1}}')},
             "products.jsonl:2: id: expected text, got dict"),
        Case("features is a number", {"products.jsonl": with_line(PRODUCTS, 2, b'{"id": "PX", "features": 7}')},
             "products.jsonl:2: features: expected a list, got int"),
        Case("attributes nest objects", {"products.jsonl": with_line(PRODUCTS, 2,
             b'{"id": "PX", "attributes": {"size": {"w": {"h": 1}}}}')}, "products.jsonl:2: attributes: attribute 'size'"),
        Case("JSON nested 100,000 deep", {"products.jsonl": with_line(PRODUCTS, 2, deep)},
             "products.jsonl:2: line: JSON nested more than 32 levels deep"),
        Case("unpaired surrogate escape", {"reviews.jsonl": with_line(REVIEWS, 2, b'{"id": "RX", "product_id": "P1", '
             b'"text": "bad \\ud800 text"}')}, "reviews.jsonl:2: text: holds an unpaired UTF-16 surrogate"),
        Case("a JSON array instead of an object", {"products.jsonl": with_line(PRODUCTS, 3, b'["P9", "x"]')},
             "products.jsonl:3: line: expected a JSON object"),
        Case("truncated JSON line", {"products.jsonl": with_line(PRODUCTS, 4, b'{"id": "PX", "title": "cut')},
             "products.jsonl:4: line: not valid JSON"),
        Case("NUL byte inside a line", {"reviews.jsonl": good_r + b'{"id": "RX", "product_id": "P1", "text": "a\x00b"}\n'},
             "reviews.jsonl:4: line: a NUL byte at byte 44"),
        Case("a folder named products.jsonl", {"products.jsonl": None}, "products.jsonl:1: file: the file cannot be read"),
        # `shopbot events import`: same reader, all or nothing
        Case("events: invalid UTF-8", {"interactions.jsonl": with_line(EVENTS, 2, b'{"user_id": "U\xff"}')},
             "interactions.jsonl:2: line: not valid UTF-8", "events"),
        Case("events: binary file", {"interactions.jsonl": os.urandom(64) + b"\x00" * 64},
             "interactions.jsonl:1: file:", "events"),
        Case("events: empty file", {"interactions.jsonl": b""}, "interactions.jsonl:1: file: the file is empty",
             "events"),
        Case("events: unknown action", {"interactions.jsonl": with_line(EVENTS, 3, b'{"user_id": "U1", "product_id": '
             b'"P1", "action": "teleport", "ts": "2026-01-01T00:00:00Z"}')},
             "interactions.jsonl:3: action: 'teleport' is not one of", "events"),
        Case("events: bad timestamp", {"interactions.jsonl": with_line(EVENTS, 1, b'{"user_id": "U1", "product_id": '
             b'"P1", "action": "view", "ts": "yesterday"}')}, "interactions.jsonl:1: ts: 'yesterday' is not an ISO",
             "events"),
        Case("events: blank user_id", {"interactions.jsonl": with_line(EVENTS, 2, b'{"user_id": "  ", "product_id": '
             b'"P1", "action": "view", "ts": "2026-01-01T00:00:00Z"}')}, "interactions.jsonl:2: user_id: required",
             "events"),
        Case("events: JSON nested 100,000 deep", {"interactions.jsonl": with_line(EVENTS, 2, deep)},
             "interactions.jsonl:2: line: JSON nested", "events"),
        Case("events: 2 MB line", {"interactions.jsonl": with_line(EVENTS, 2, b'{"user_id": "' + b"u" * 2_000_000
             + b'"}')}, "interactions.jsonl:2: line: line longer than", "events"),
        Case("events: CSV quoting error", {"interactions.csv": b"user_id,product_id,action,ts\n"
             b'U1,P1,"view,2026-01-01T00:00:00Z\n'}, "interactions.csv:2: line: CSV parse error", "events"),
    ]


def write_case(case: Case, folder: Path) -> Path:
    """Write the case's files into `folder`; return the argument for the command."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in case.files.items():
        if data is None:
            (folder / name).mkdir()
        else:
            (folder / name).write_bytes(data)
    return folder / next(iter(case.files)) if case.command == "events" else folder


def good_catalog(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "products.jsonl").write_bytes(jl(PRODUCTS))
    (folder / "reviews.jsonl").write_bytes(jl(REVIEWS))
    (folder / "product_qa.jsonl").write_bytes(jl(QA))
    (folder / "interactions.jsonl").write_bytes(jl(EVENTS))
    return folder


def fingerprint(home: Path) -> str:
    """Digest of every stored record: shop.db tables, the Chroma chunk ids and texts, log.db events."""
    digest = hashlib.sha1()
    queries = [(home / "shop.db", "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name", True),
               (home / "chroma" / "chroma.sqlite3", "SELECT id, embedding_id FROM embeddings ORDER BY embedding_id", False),
               (home / "log.db", "SELECT user_id, product_id, action, ts FROM events ORDER BY id", False)]
    for path, sql, tables in queries:
        if not path.exists():
            digest.update(b"-")
            continue
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if tables:
                for (name,) in conn.execute(sql).fetchall():
                    digest.update(name.encode())
                    for row in conn.execute(f"SELECT * FROM [{name}] ORDER BY 1"):
                        digest.update(repr(row).encode())
            else:
                for row in conn.execute(sql):
                    digest.update(repr(row).encode())
        finally:
            conn.close()
    return digest.hexdigest()


def run_cli(args: list[str], home: Path, timeout: float) -> tuple[int, str, str, float]:
    env = {**os.environ, "SHOPBOT_HOME": str(home), "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "chatbot.cli", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr, time.perf_counter() - started


def judge(case: Case, code: int, out: str, err: str, seconds: float, same: bool) -> tuple[bool, str]:
    text = out + err
    lines = [line.strip() for line in text.splitlines() if case.expect and case.expect in line]
    if "Traceback" in text:
        return False, "traceback"
    if seconds > TIME_LIMIT:
        return False, f"took {seconds:.0f} s"
    if not same:
        return False, "store changed"
    if case.expect is None:
        return code == 0, f"exit {code}, read cleanly" if code == 0 else f"exit {code}: {err.strip()[:120]}"
    if code != 2 or not lines:
        return False, f"exit {code}: {err.strip()[:160]}"
    shown = lines[0][lines[0].index(case.expect.split(":")[0]):]
    return True, f"exit 2, `{shown[:110]}`"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", default="/tmp/shopbot-bad-inputs", help="scratch folder (emptied)")
    ap.add_argument("--md", help="also write the table to this Markdown file")
    ap.add_argument("--only", help="run the cases whose name contains this")
    args = ap.parse_args()
    import shutil

    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    home = work / "home"
    good = good_catalog(work / "good")
    code, _, err, _ = run_cli(["ingest", str(good), "--no-analytics"], home, 600)
    code2, _, err2, _ = run_cli(["events", "import", str(good / "interactions.jsonl")], home, 600)
    if code or code2:
        print(err, err2, file=sys.stderr)
        return 1
    rows, clear = [], 0
    selected = [c for c in cases() if not args.only or args.only in c.name]
    for i, case in enumerate(selected):
        target = write_case(case, work / f"case{i:02d}")
        before = fingerprint(home)
        argv = (["events", "import", str(target)] if case.command == "events"
                else ["ingest", str(target), "--no-analytics"])
        try:
            code, out, err, seconds = run_cli(argv, home, TIME_LIMIT * 2)
        except subprocess.TimeoutExpired:
            code, out, err, seconds = -9, "", "", TIME_LIMIT * 2
        ok, result = judge(case, code, out, err, seconds, fingerprint(home) == before)
        clear += ok
        rows.append(f"| {case.name} | {result} | {seconds:.1f} s | {'clear' if ok else '**NOT CLEAR**'} |")
        print(rows[-1], flush=True)
    table = "\n".join(["| kind tried | result | time | verdict |", "|---|---|---|---|", *rows])
    summary = f"{clear} of {len(selected)} kinds clear"
    print(summary)
    if args.md:
        Path(args.md).write_text(table + "\n\n" + summary + "\n", encoding="utf-8")
    return 0 if clear == len(selected) else 1


if __name__ == "__main__":
    sys.exit(main())
