"""Throughput and latency of `shopbot serve`'s POST /v1/ask with concurrent clients.

    python bench/bench_serve.py CATALOG_DIR [--modes fast llm] [--clients 8] [--requests 128] [--single 32] [--store DIR]

For each mode a server process (uvicorn on 127.0.0.1, no keys, no rate limit) is started over
CATALOG_DIR (ingested into --store, incrementally, analytics off):
  fast: a fake LLM that answers at once: what is measured is the service and the pipeline around
        the model (screening, query embedding, Chroma + BM25 retrieval, checks, the log write);
  llm:  the real default LLM (SHOPBOT_LLM, from the model cache of SHOPBOT_HOME).
The questions of CATALOG_DIR/questions.jsonl, shuffled with a fixed seed (the file is grouped by
type), are sent in turn (each as a new shopper, so no session
waits on another), first by 1 client (--single requests), then by --clients clients at once
(--requests in all). Before serving, the server process times the same questions with
`ShopAssistant.ask` in process, one at a time: the single-client HTTP p50 over that p50 is the cost
of the service itself. Prints requests/s and p50/p95 latency per phase (and of the replies the LLM
wrote, `generated_*`: price facts, recommendations and declines need none), and the ratios.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.metrics import percentile  # noqa: E402 - after the path setup


class FastLLM:
    """Answers at once, citing the first evidence item: the model's time taken out."""

    name = "fast-fake"

    def stream(self, messages, *, max_new_tokens=80, temperature=0.0, stop=None, stats=None):
        if stats is not None:
            stats.update(prompt_tokens=0, output_tokens=3, ttft_s=0.0, total_s=0.0)
        yield from ("It ", "does ", "[1].")

    def count_tokens(self, messages):
        return 0


def _questions(catalog: Path) -> list[dict]:
    from eval.data import load

    import random

    rows = [{"message": q.question, **({"product_id": q.context_product_id} if q.context_product_id else {})}
            for q in load(catalog).questions if not q.turns]
    random.Random(0).shuffle(rows)  # the file is grouped by type (price facts first): mix them
    return rows


def child(args) -> None:
    """The server process: ingest, time `ask` in process, then serve until killed."""
    import uvicorn

    from chatbot.assistant import ShopAssistant
    from chatbot.config import Settings
    from chatbot.serve.config import ServeSettings
    from chatbot.serve.http import create_app

    settings = Settings()
    if args.child == "fast":
        llm = FastLLM()
    else:
        from chatbot.models.llm import load_llm

        llm = load_llm(settings.llm, settings)
    bot = ShopAssistant(settings.with_(home=args.store, chroma_url=None, db_url=None), llm=llm)
    bot.ingest(args.catalog, analytics=False, progress=False)
    questions = _questions(args.catalog)
    bot.ask(questions[0]["message"])  # warm-up: the first reply loads and compiles
    times, generated = [], []
    for q in questions[: args.single]:
        t = time.perf_counter()
        reply = bot.ask(q["message"], session_id=uuid.uuid4().hex, product_id=q.get("product_id"))
        times.append(time.perf_counter() - t)
        if reply.model:
            generated.append(times[-1])
    print(json.dumps({"direct_p50": percentile(times, 50), "direct_p95": percentile(times, 95),
                      "direct_generated_p50": round(percentile(generated, 50), 4) if generated else None,
                      "model": getattr(llm, "name", "")}), flush=True)
    serve = ServeSettings(api_keys=[], rate_limit=0, cors_origins=[], tools={})
    uvicorn.run(create_app(bot, serve), host="127.0.0.1", port=args.port, log_level="warning")


def _run(url: str, questions: list[dict], clients: int, total: int) -> dict:
    import httpx

    latencies: list[float] = []
    generated: list[float] = []  # the replies the LLM wrote (price facts, recommendations... need none)
    errors = []
    lock = threading.Lock()
    counter = iter(range(total))

    def worker():
        with httpx.Client(timeout=300) as http:
            while True:
                with lock:
                    n = next(counter, None)
                if n is None:
                    return
                body = {**questions[n % len(questions)], "session_id": uuid.uuid4().hex}
                t = time.perf_counter()
                r = http.post(url + "/v1/ask", json=body)
                took = time.perf_counter() - t
                with lock:
                    if r.status_code != 200:
                        errors.append(r.status_code)
                        continue
                    latencies.append(took)
                    if r.json().get("model"):
                        generated.append(took)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    return {"clients": clients, "requests": total, "errors": len(errors), "rps": round(len(latencies) / wall, 2),
            "p50_s": round(percentile(latencies, 50), 4), "p95_s": round(percentile(latencies, 95), 4),
            "generated": len(generated), "generated_p50_s": round(percentile(generated, 50), 4) if generated else None,
            "generated_p95_s": round(percentile(generated, 95), 4) if generated else None, "wall_s": round(wall, 2)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("catalog", type=Path)
    ap.add_argument("--modes", nargs="+", default=["fast", "llm"], choices=["fast", "llm"])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=128, help="requests in the concurrent phase")
    ap.add_argument("--single", type=int, default=32, help="requests in the one-client phase (and in process)")
    ap.add_argument("--store", type=Path, help="keep/reuse the ingested store here")
    ap.add_argument("--child", choices=["fast", "llm"], help=argparse.SUPPRESS)
    ap.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return 0
    import httpx

    store = args.store or Path(tempfile.mkdtemp(prefix="bench-serve-"))
    questions = _questions(args.catalog)
    results = {}
    for mode in args.modes:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        cmd = [sys.executable, __file__, str(args.catalog), "--child", mode, "--port", str(port), "--store", str(store),
               "--single", str(args.single)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        try:
            direct = json.loads(proc.stdout.readline())
            url = f"http://127.0.0.1:{port}"
            for _ in range(600):
                try:
                    if httpx.get(url + "/healthz").status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            one = _run(url, questions, 1, args.single)
            many = _run(url, questions, args.clients, args.requests)
        finally:
            proc.terminate()
            proc.wait(30)
        results[mode] = {"model": direct["model"], "in_process_p50_s": round(direct["direct_p50"], 4),
                         "in_process_p95_s": round(direct["direct_p95"], 4),
                         "in_process_generated_p50_s": direct["direct_generated_p50"], "one_client": one, "concurrent": many,
                         "service_overhead_p50": round(one["p50_s"] / direct["direct_p50"], 2),
                         "throughput_gain": round(many["rps"] / one["rps"], 2)}
        print(json.dumps({mode: results[mode]}), file=sys.stderr, flush=True)
    print(json.dumps(results, indent=2))
    if not args.store:
        import shutil

        shutil.rmtree(store, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
