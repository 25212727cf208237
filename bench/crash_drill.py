"""kill -9 drills: ingest and events import killed at random points, then run again.

    python bench/crash_drill.py [--rounds 10] [--events-rounds 10] [--products 60] [--analytics] [--seed 0]

Two versions of one catalog (B changes a fifth of A's descriptions and review texts, drops some
products and adds others) are ingested with `--prune` in random order, each run SIGKILLed after a
random delay (0.2..1.0 of a clean run's time, so most kills land in the model load, the embedding
or the writes). After each kill `shopbot doctor --json` records what the kill left. Then one run
without a kill must converge: shop.db holds exactly the final version's products, reviews and Q&A,
its chunk index lists exactly the chunks the records make, and Chroma holds exactly those chunks
with their text (`doctor` ok). The events drill does the same with `shopbot events import`: after
the kills, one more import leaves exactly the file's events in log.db, and a further rerun imports
none. `tests/test_crash_drill.py` runs a short drill.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_versions(folder: Path, products: int = 60, seed: int = 0) -> tuple[Path, Path]:
    """Catalog versions A and B; the same review and Q&A ids for the products both list."""
    rng = random.Random(seed)
    words = ("light warm waterproof quiet sturdy compact fast soft durable bright simple easy "
             "strong smooth fresh classic travel daily outdoor kitchen").split()

    def text(n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."

    base = []
    for i in range(products):
        pid = f"P{i:03d}"
        base.append({
            "product": {"id": pid, "title": f"Item {i} {rng.choice(words)}", "category": rng.choice(["shoes", "audio", "home"]),
                        "price": round(rng.uniform(5, 300), 2), "in_stock": rng.random() > 0.2,
                        "description": text(rng.randint(30, 160)), "attributes": {"colour": rng.choice(["red", "blue"])}},
            "reviews": [{"id": f"R{i:03d}{j}", "product_id": pid, "text": text(rng.randint(8, 40)),
                         "rating": rng.randint(1, 5)} for j in range(rng.randint(1, 4))],
            "qa": [{"id": f"Q{i:03d}", "product_id": pid, "question": text(6), "answer": text(10)}] if i % 3 == 0 else [],
        })
    versions = []
    for name in ("A", "B"):
        out = folder / name
        out.mkdir(parents=True, exist_ok=True)
        keep = [b for i, b in enumerate(base) if not (name == "A" and i % 10 == 9) and not (name == "B" and i % 10 == 4)]
        rows = {"products": [], "reviews": [], "product_qa": []}
        for b in keep:
            i = int(b["product"]["id"][1:])
            changed = name == "B" and i % 5 == 0
            rows["products"].append({**b["product"], "description": b["product"]["description"] + (" Now lighter." if changed else "")})
            rows["reviews"] += [{**r, "text": r["text"] + (" Updated." if changed else "")} for r in b["reviews"]]
            rows["product_qa"] += b["qa"]
        for kind, items in rows.items():
            (out / f"{kind}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in items), encoding="utf-8")
        versions.append(out)
    return versions[0], versions[1]


def write_events(path: Path, n: int, seed: int = 0) -> Path:
    rng = random.Random(seed)
    actions = ["view", "click", "add_to_cart", "purchase"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"user_id": f"U{rng.randint(1, 300)}", "product_id": f"P{rng.randint(0, 59):03d}",
                                 "action": rng.choice(actions),
                                 "ts": f"2026-0{1 + i % 9}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00Z"}) + "\n")
    return path


def _env(home: Path) -> dict:
    return {**os.environ, "SHOPBOT_HOME": str(home), "PYTHONPATH": str(ROOT)}


def cli(home: Path, *args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chatbot.cli", *args], capture_output=True, text=True,
                          env=_env(home), cwd=ROOT, timeout=timeout)


def run_killed(home: Path, args: list[str], delay: float) -> bool:
    """Start the command, SIGKILL it after `delay` s; True when the kill landed (it was still running)."""
    proc = subprocess.Popen([sys.executable, "-m", "chatbot.cli", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=_env(home), cwd=ROOT)
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def doctor(home: Path) -> dict:
    proc = cli(home, "doctor", "--json")
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"doctor failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(proc.stdout)


def expected_counts(folder: Path) -> dict:
    from chatbot.data.catalog import read_catalog

    cat = read_catalog(folder)
    return {"products": len(cat.products), "reviews": len(cat.reviews), "qa": len(cat.qa)}


def events_in_log(home: Path) -> int:
    conn = sqlite3.connect(f"file:{home / 'log.db'}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    finally:
        conn.close()


@dataclass
class Drill:
    kills: int = 0  # SIGKILLs that landed while the command ran
    drift_after_kill: int = 0  # kills after which doctor found drift
    rounds: list[dict] = field(default_factory=list)
    final: dict = field(default_factory=dict)
    converged: bool = False


def _more(drill: Drill, rounds: int, min_landed: int) -> bool:
    """Another round? `rounds` of them, and more (up to 3x) until `min_landed` kills landed mid-run:
    on a loaded machine a run can finish before its random kill time."""
    done = len(drill.rounds)
    return done < rounds or (drill.kills < min_landed and done < 3 * rounds)


def ingest_drill(work: Path, rounds: int, products: int = 60, analytics: bool = False, seed: int = 0,
                 min_landed: int = 0) -> Drill:
    rng = random.Random(seed)
    a, b = write_versions(work / "catalog", products, seed)
    home = work / "home"
    flags = [] if analytics else ["--no-analytics"]
    started = time.perf_counter()
    first = cli(work / "timing-home", "ingest", str(a), "--prune", *flags)  # a clean run, for the kill window
    if first.returncode:
        raise RuntimeError(first.stderr[-2000:])
    clean = time.perf_counter() - started
    drill = Drill()
    while _more(drill, rounds, min_landed):
        version = rng.choice([a, b])
        delay = rng.uniform(0.2, 1.0) * clean
        landed = run_killed(home, ["ingest", str(version), "--prune", *flags], delay)
        report = doctor(home)
        drill.kills += landed
        drill.drift_after_kill += landed and not report["ok"]
        drill.rounds.append({"version": version.name, "delay_s": round(delay, 2), "killed": landed,
                             "missing": len(report["missing"]), "orphans": len(report["orphans"]),
                             "stale": len(report["stale"]), "unindexed": len(report["unindexed"])})
    final = rng.choice([a, b])
    done = cli(home, "ingest", str(final), "--prune", *flags)
    report = doctor(home)
    want = expected_counts(final)
    got = {k: report[k] for k in want}
    drill.final = {"version": final.name, "exit": done.returncode, "expected": want, "got": got,
                   "chunks_listed": report["chunks_listed"], "chunks_in_store": report["chunks_in_store"],
                   "chunks_expected": report["chunks_expected"], "doctor_ok": report["ok"], "clean_run_s": round(clean, 1)}
    drill.converged = (done.returncode == 0 and got == want and report["ok"]
                       and report["chunks_listed"] == report["chunks_in_store"] == report["chunks_expected"])
    return drill


def events_drill(work: Path, rounds: int, n_events: int = 20000, seed: int = 0, min_landed: int = 0) -> Drill:
    rng = random.Random(seed)
    path = write_events(work / "interactions.jsonl", n_events, seed)
    home = work / "events-home"
    started = time.perf_counter()
    first = cli(work / "events-timing-home", "events", "import", str(path))
    if first.returncode:
        raise RuntimeError(first.stderr[-2000:])
    clean = time.perf_counter() - started
    drill = Drill()
    while _more(drill, rounds, min_landed):
        delay = rng.uniform(0.2, 1.0) * clean
        landed = run_killed(home, ["events", "import", str(path)], delay)
        count = events_in_log(home) if (home / "log.db").exists() else 0
        drill.kills += landed
        drill.drift_after_kill += landed and count not in (0, n_events)  # a partial import
        drill.rounds.append({"delay_s": round(delay, 2), "killed": landed, "events_after": count})
    again = cli(home, "events", "import", str(path))
    after_final = events_in_log(home)
    rerun = cli(home, "events", "import", str(path))
    drill.final = {"expected": n_events, "got": after_final, "exit": again.returncode, "rerun": rerun.stdout.strip(),
                   "after_rerun": events_in_log(home), "clean_run_s": round(clean, 1)}
    drill.converged = (again.returncode == 0 and rerun.returncode == 0 and after_final == n_events
                       and events_in_log(home) == n_events and rerun.stdout.startswith("0 events imported"))
    return drill


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", default="/tmp/shopbot-crash-drill")
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--events-rounds", type=int, default=10)
    ap.add_argument("--products", type=int, default=60)
    ap.add_argument("--events", type=int, default=20000)
    ap.add_argument("--analytics", action="store_true", help="ingest with review analytics (slower)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    import shutil

    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    ing = ingest_drill(work, args.rounds, args.products, args.analytics, args.seed)
    for r in ing.rounds:
        print("ingest", r)
    print("ingest final", ing.final)
    ev = events_drill(work, args.events_rounds, args.events, args.seed)
    for r in ev.rounds:
        print("events", r)
    print("events final", ev.final)
    print(f"| ingest{' (analytics)' if args.analytics else ''} | {len(ing.rounds)} | {ing.kills} | {ing.drift_after_kill} | "
          f"{ing.final['got']} + {ing.final['chunks_in_store']} chunks | {'yes' if ing.converged else '**NO**'} |")
    print(f"| events import ({args.events:,} events) | {len(ev.rounds)} | {ev.kills} | {ev.drift_after_kill} | "
          f"{ev.final['got']:,} events, rerun: {ev.final['rerun']!r} | {'yes' if ev.converged else '**NO**'} |")
    return 0 if ing.converged and ev.converged else 1


if __name__ == "__main__":
    sys.exit(main())
