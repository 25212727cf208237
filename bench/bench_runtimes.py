"""CPU runtime table (issue 17): load time, first token and decode speed per LLM runtime, in one run,
on the same answer prompts.

    python bench/bench_runtimes.py [--prompts bench/gpu_prompts.json] [--limit 6] [--new-tokens 64] \
        [--llm qwen-0.5b llamacpp:qwen-0.5b#native llamacpp:qwen-0.5b#q4_0 llamacpp:qwen-0.5b#q8_0] [--threads 2]

Each --llm is anything SHOPBOT_LLM takes. Per prompt the backend's prefix cache is cleared first, so
every first token includes the whole prefill; then the same prompt again, to time a first token whose
prompt prefix is cached (a chat's next turn shares the system prompt and history). Replies end at
the model's end of turn or --new-tokens. Preparing a runtime's files (join, verify, convert or
requantize) happens before the timed load and is reported separately.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_LLMS = ["qwen-0.5b", "llamacpp:qwen-0.5b#native", "llamacpp:qwen-0.5b#q4_0", "llamacpp:qwen-0.5b#q8_0"]


def _prepare(spec: str, settings) -> float:
    t = time.perf_counter()
    if spec.startswith("llamacpp:"):
        from chatbot.models.llamacpp import resolve_gguf

        resolve_gguf(spec[len("llamacpp:"):], settings, progress=False)
    else:
        from chatbot.models.presets import resolve_llm

        resolve_llm(spec, settings, progress=False)
    return time.perf_counter() - t


def measure(spec: str, settings, prompts: list, new_tokens: int) -> dict:
    from bench_chat import decode_rate  # bench/ is on the path when this runs as a script
    from chatbot.models.llm import load_llm

    prepare_s = _prepare(spec, settings)
    t = time.perf_counter()
    llm = load_llm(spec, settings)
    load_s = time.perf_counter() - t
    llm.generate(prompts[0], max_new_tokens=2)  # first-call costs (allocations, kernel selection)
    rows = []
    for messages in prompts:
        llm.clear_cache()
        cold: dict = {}
        text = "".join(llm.stream(messages, max_new_tokens=new_tokens, stats=cold))
        warm: dict = {}
        for _ in llm.stream(messages, max_new_tokens=2, stats=warm):
            pass
        rows.append({"cold": cold, "warm_ttft_s": warm["ttft_s"], "cached_tokens": warm.get("cached_tokens"),
                     "text": text})
    med = statistics.median
    rates = [r for r in (decode_rate(x["cold"]) for x in rows) if r]
    return {
        "prepare_s": round(prepare_s, 1), "load_s": round(load_s, 2),
        "prompt_tokens_p50": med(r["cold"]["prompt_tokens"] for r in rows),
        "output_tokens_p50": med(r["cold"]["output_tokens"] for r in rows),
        "ttft_p50_s": round(med(r["cold"]["ttft_s"] for r in rows), 3),
        "cached_ttft_p50_s": round(med(r["warm_ttft_s"] for r in rows), 3),
        "total_p50_s": round(med(r["cold"]["total_s"] for r in rows), 3),
        "decode_tok_s": round(med(rates), 1) if rates else None,
        "sample": rows[0]["text"][:160],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prompts", type=Path, default=ROOT / "bench" / "gpu_prompts.json",
                    help="JSON list of message lists (bench_gpu.py prompts writes one)")
    ap.add_argument("--llm", nargs="+", default=DEFAULT_LLMS)
    ap.add_argument("--limit", type=int, default=6)
    ap.add_argument("--new-tokens", type=int, default=64)
    ap.add_argument("--threads", type=int, help="CPU threads for every runtime (default: SHOPBOT_THREADS)")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)

    from chatbot.config import Settings

    settings = Settings().with_(device="cpu")
    if args.threads:
        settings = settings.with_(threads=args.threads)
    prompts = json.loads(args.prompts.read_text())[: args.limit]
    results = {}
    for spec in args.llm:
        results[spec] = measure(spec, settings, prompts, args.new_tokens)
        print(json.dumps({spec: results[spec]}, ensure_ascii=False), flush=True)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    base = results.get(args.llm[0], {}).get("decode_tok_s") or 0
    print(f"\n{'runtime':30} {'load':>6} {'ttft p50':>9} {'cached':>7} {'reply p50':>9} {'decode':>8} {'x first':>8}")
    for spec, r in results.items():
        ratio = (r["decode_tok_s"] or 0) / base if base else 0
        print(f"{spec:30} {r['load_s']:5.1f}s {r['ttft_p50_s']:8.2f}s {r['cached_ttft_p50_s']:6.2f}s "
              f"{r['total_p50_s']:8.2f}s {r['decode_tok_s'] or 0:8.1f} {ratio:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
