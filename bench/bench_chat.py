"""Reply latency of the whole pipeline against a bare `generate` of the same prompt.

    python bench/bench_chat.py CATALOG_DIR [--questions 8] [--types fact review compare] [--llm qwen-0.5b] [--store DIR]

For each question of CATALOG_DIR/questions.jsonl that the assistant answers with the LLM (price
facts, refusals and recommendations do not call it), until --questions are measured:
  1. reply: `ShopAssistant.stream` as the UI calls it; the LLM is wrapped to record the exact
     messages and generation options the pipeline sent;
  2. bare: the backend's `stream` on exactly those messages and options, nothing else.
The prefix KV cache is cleared before each, so both start cold. Prints medians: time to first
token p50/p95, total p50, decode tokens/s and their ratios, the pipeline's own share of the reply
time (screening, retrieval, prompt building, honesty checks, logging), and peak RSS.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.metrics import percentile  # noqa: E402 - after the path setup


class Recorder:
    """Passes calls to the real backend and keeps the last call's messages, options and stats."""

    def __init__(self, llm):
        self.llm, self.name, self.calls = llm, getattr(llm, "name", "llm"), []

    def stream(self, messages, **kw):
        stats = kw.get("stats")
        if stats is None:
            kw["stats"] = stats = {}
        self.calls.append({"messages": messages, "kw": {k: v for k, v in kw.items() if k != "stats"}, "stats": stats})
        yield from self.llm.stream(messages, **kw)

    def generate(self, messages, **kw):
        return self.llm.generate(messages, **kw)

    def count_tokens(self, messages):
        return self.llm.count_tokens(messages)


def _clear(llm) -> None:
    if hasattr(llm, "clear_cache"):
        llm.clear_cache()


def bare(llm, call) -> dict:
    stats: dict = {}
    t0, first = time.perf_counter(), None
    for _ in llm.stream(call["messages"], stats=stats, **call["kw"]):
        first = first or time.perf_counter()
    end = time.perf_counter()
    return {"ttft_s": (first or end) - t0, "total_s": end - t0, "output_tokens": stats.get("output_tokens", 0),
            "prompt_tokens": stats.get("prompt_tokens", 0)}


def decode_rate(row) -> float | None:
    span = row["total_s"] - row["ttft_s"]
    return (row["output_tokens"] - 1) / span if span > 0 and row["output_tokens"] > 1 else None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("catalog", type=Path, help="catalog folder with questions.jsonl (e.g. chatbot/data/demo)")
    ap.add_argument("--questions", type=int, default=8, help="LLM replies to measure")
    ap.add_argument("--types", nargs="*", default=["fact", "review", "compare"])
    ap.add_argument("--llm", help="LLM preset or folder (default: settings)")
    ap.add_argument("--store", type=Path, help="keep/reuse the ingested store here")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from chatbot.assistant import ShopAssistant
    from chatbot.config import Settings
    from chatbot.models.llm import load_llm
    from chatbot.types import Reply
    from eval.data import load

    settings = Settings(**({"llm": args.llm} if args.llm else {}))
    t = time.perf_counter()
    llm = load_llm(settings.llm, settings)
    load_s = time.perf_counter() - t
    home = args.store or Path(tempfile.mkdtemp(prefix="bench-chat-"))
    rec = Recorder(llm)
    bot = ShopAssistant(settings.with_(home=home, chroma_url=None, db_url=None), llm=rec)
    bot.ingest(args.catalog, analytics=False, progress=not args.json)
    llm.generate([{"role": "user", "content": "Hi"}], max_new_tokens=2)  # one-off warm-up costs
    rows = []
    for q in load(args.catalog, types=args.types).questions:
        if len(rows) >= args.questions:
            break
        if q.turns or q.wants_refusal:
            continue
        rec.calls.clear()
        _clear(llm)
        reply = None
        for item in bot.stream(q.question, product_id=q.context_product_id):
            reply = item if isinstance(item, Reply) else reply
        if len(rec.calls) != 1:
            continue  # answered without the LLM
        call = rec.calls[0]
        _clear(llm)
        b = bare(llm, call)
        s = call["stats"]
        rows.append({"id": q.id, "reply_ttft_s": reply.timings["ttft_s"], "reply_total_s": reply.timings["total_s"],
                     "llm_in_reply_s": s.get("total_s", 0.0), "output_tokens": s.get("output_tokens", 0),
                     "prompt_tokens": s.get("prompt_tokens", 0), "reply_decode": decode_rate(
                         {"ttft_s": s.get("ttft_s", 0.0), "total_s": s.get("total_s", 0.0), "output_tokens": s.get("output_tokens", 0)}),
                     "bare_ttft_s": b["ttft_s"], "bare_total_s": b["total_s"], "bare_decode": decode_rate(b)})
        if not args.json:
            print(f"  {q.id}: reply ttft {rows[-1]['reply_ttft_s']:.2f} s total {rows[-1]['reply_total_s']:.2f} s | "
                  f"bare ttft {b['ttft_s']:.2f} s total {b['total_s']:.2f} s", file=sys.stderr, flush=True)
    if not args.store:
        import shutil

        shutil.rmtree(home, ignore_errors=True)
    if not rows:
        print("no question was answered by the LLM; pass --types with RAG question types", file=sys.stderr)
        return 1
    med = lambda key: statistics.median(r[key] for r in rows if r[key] is not None)  # noqa: E731
    overhead = [(r["reply_total_s"] - r["llm_in_reply_s"]) / r["reply_total_s"] for r in rows if r["reply_total_s"]]
    result = {
        "llm": getattr(llm, "name", settings.llm), "load_s": round(load_s, 1), "replies": len(rows),
        "prompt_tokens_p50": med("prompt_tokens"), "output_tokens_p50": med("output_tokens"),
        "reply_ttft_p50_s": round(med("reply_ttft_s"), 3), "reply_ttft_p95_s": round(percentile([r["reply_ttft_s"] for r in rows], 95), 3),
        "bare_ttft_p50_s": round(med("bare_ttft_s"), 3), "bare_ttft_p95_s": round(percentile([r["bare_ttft_s"] for r in rows], 95), 3),
        "reply_total_p50_s": round(med("reply_total_s"), 3), "bare_total_p50_s": round(med("bare_total_s"), 3),
        "reply_decode_tok_s": round(med("reply_decode"), 2), "bare_decode_tok_s": round(med("bare_decode"), 2),
        "pipeline_overhead_share_p50": round(statistics.median(overhead), 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0),
    }
    result["ttft_ratio"] = round(result["reply_ttft_p50_s"] / result["bare_ttft_p50_s"], 3)
    result["total_ratio"] = round(result["reply_total_p50_s"] / result["bare_total_p50_s"], 3)
    result["decode_ratio"] = round(result["reply_decode_tok_s"] / result["bare_decode_tok_s"], 3)
    if args.json:
        print(json.dumps({**result, "rows": rows}, indent=2))
    else:
        print(f"{result['llm']}, {len(rows)} replies (prompt {result['prompt_tokens_p50']} tokens p50):")
        print(f"  first token p50/p95  reply {result['reply_ttft_p50_s']} / {result['reply_ttft_p95_s']} s   "
              f"bare {result['bare_ttft_p50_s']} / {result['bare_ttft_p95_s']} s   ratio {result['ttft_ratio']}")
        print(f"  total p50            reply {result['reply_total_p50_s']} s   bare {result['bare_total_p50_s']} s   ratio {result['total_ratio']}")
        print(f"  decode tok/s         reply {result['reply_decode_tok_s']}   bare {result['bare_decode_tok_s']}   ratio {result['decode_ratio']}")
        print(f"  pipeline share of reply time p50 {100 * result['pipeline_overhead_share_p50']:.1f} %   peak RSS {result['peak_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
