"""`shopbot demo`'s first run on a new machine: seconds from launch to the first answer in the UI.

    python bench/bench_first_run.py [--question "..."] [--port 7871] [--json]

Runs `shopbot demo` in a fresh, empty SHOPBOT_HOME (so it does everything a first run does: joins,
verifies and converts the LLM from its package, ingests the bundled demo shop with review
analytics, loads the model, starts the UI), then asks one question through the UI's own HTTP API
(gradio_client, the chat button's endpoint) and prints when each step ended, from the command's
own progress lines. The install itself is not timed: it is the README's first command.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STEPS = {  # a line of `shopbot demo`'s stderr -> the step it ends
    "ingested": re.compile(r"products, \d+ reviews, \d+ Q&A loaded"),
    "model_ready": re.compile(r"^model ready"),
    "ui_up": re.compile(r"Running on local URL"),
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--question", default="Which headphones have the longest battery life?")
    ap.add_argument("--port", type=int, default=7871)
    ap.add_argument("--timeout", type=float, default=1800)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from gradio_client import Client

    with tempfile.TemporaryDirectory(prefix="shopbot-first-run-") as home:
        env = {**os.environ, "SHOPBOT_HOME": home, "GRADIO_ANALYTICS_ENABLED": "False"}
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "chatbot.cli", "demo", "--port", str(args.port)],
                                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        marks: dict[str, float] = {}
        lines: list[str] = []

        def read():
            for line in proc.stdout:
                lines.append(line.rstrip())
                for step, pattern in STEPS.items():
                    if step not in marks and pattern.search(line):
                        marks[step] = round(time.perf_counter() - t0, 1)
                        print(f"{marks[step]:7.1f} s  {step}: {line.strip()[:100]}", file=sys.stderr, flush=True)

        threading.Thread(target=read, daemon=True).start()
        try:
            while "ui_up" not in marks:
                if proc.poll() is not None or time.perf_counter() - t0 > args.timeout:
                    print("\n".join(lines[-20:]), file=sys.stderr)
                    raise SystemExit("shopbot demo stopped or timed out before its UI was up")
                time.sleep(0.2)
            client = Client(f"http://127.0.0.1:{args.port}/", verbose=False)
            t = time.perf_counter()
            history, *_ = client.predict(args.question, [], None, None, {}, api_name="/chat")
            marks["first_answer"] = round(time.perf_counter() - t0, 1)
            answer = history[-1]["content"] if history and isinstance(history[-1], dict) else str(history[-1:])
            result = {"seconds": marks, "answer_s": round(time.perf_counter() - t, 1),
                      "question": args.question, "answer": str(answer)[:300], "cpus": os.cpu_count(),
                      "load_average_1m": round(os.getloadavg()[0], 2)}
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        for step, s in result["seconds"].items():
            print(f"{step:13s} {s:7.1f} s after launch")
        print(f"answer took {result['answer_s']} s: {result['answer']}")
        print(f"({result['cpus']} CPUs, load average {result['load_average_1m']} at the end)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
