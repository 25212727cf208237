"""The transformers backend on a GPU: device placement, dtype, time to first token, and decode speed
against transformers' own `generate` on the same prompts, for the presets' architectures and bigger ones.

Per prompt, in one run: our backend's `stream` (on CUDA: static-cache generate on its worker thread),
a bare prefill (one forward pass), the library's `generate` with a static cache of the same size and
no streamer, and (first --dynamic-limit prompts) its `generate` with the default dynamic cache.
Prompts: bench/gpu_prompts.json, the answer prompts shopbot built for 8 demo-shop questions.

    # here, with the store: the answer prompts shopbot builds for real questions
    python bench/bench_gpu.py prompts EVALSET --store DIR [--limit 12] --out prompts.json
    # on the GPU machine
    python bench/bench_gpu.py run bench/gpu_prompts.json --tokenizer PRESET_DIR --arch 1.5b 0.5b 7b --limit 4 --out gpu.json
    python bench/bench_gpu.py run prompts.json --model DIR     # a folder with real weights

`--arch` builds Qwen2.5 models of that shape with random weights on the device `TransformersLLM`
picks. Speed depends on the shape alone, and a device machine that cannot receive gigabytes of
weights can still time them; their text is gibberish, so answer quality is not measured this way.
Random weights never emit end-of-turn, so every reply decodes exactly --new-tokens tokens.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Qwen2.5 (Coder) instruct shapes: 0.5b and 1.5b are the CPU presets, 7b and 32b what a GPU carries.
ARCHS = {
    "0.5b": dict(hidden_size=896, intermediate_size=4864, num_hidden_layers=24, num_attention_heads=14,
                 num_key_value_heads=2, vocab_size=151936, tie_word_embeddings=True),
    "1.5b": dict(hidden_size=1536, intermediate_size=8960, num_hidden_layers=28, num_attention_heads=12,
                 num_key_value_heads=2, vocab_size=151936, tie_word_embeddings=True),
    "7b": dict(hidden_size=3584, intermediate_size=18944, num_hidden_layers=28, num_attention_heads=28,
               num_key_value_heads=4, vocab_size=152064, tie_word_embeddings=False),
    # to check this script on a CPU in seconds; its times mean nothing
    "tiny": dict(hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
                 num_key_value_heads=2, vocab_size=151936, tie_word_embeddings=True),
    "32b": dict(hidden_size=5120, intermediate_size=27648, num_hidden_layers=64, num_attention_heads=40,
                num_key_value_heads=8, vocab_size=152064, tie_word_embeddings=False),
}
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "chat_template.jinja", "generation_config.json")


def dump_prompts(args) -> int:
    """Run the assistant over the eval set's questions with a recording LLM; keep the messages."""
    from chatbot.assistant import ShopAssistant
    from chatbot.config import Settings
    from eval.data import load

    class Recorder:
        name = "recorder"

        def __init__(self):
            self.seen = []

        def stream(self, messages, **kw):
            self.seen.append(messages)
            yield "I don't know."

        def count_tokens(self, messages):
            return 0

    rec = Recorder()
    bot = ShopAssistant(Settings().with_(home=args.store, chroma_url=None, db_url=None), llm=rec)
    if not (Path(args.store) / "shop.db").exists():
        bot.ingest(args.evalset, analytics=False)
    for q in load(args.evalset, split=args.split).questions:
        if len(rec.seen) >= args.limit:
            break
        bot.ask(q.question, product_id=q.context_product_id)
    Path(args.out).write_text(json.dumps(rec.seen, indent=1, ensure_ascii=False))
    print(f"{len(rec.seen)} prompts -> {args.out}")
    return 0


def _arch_folder(arch: str, tokenizer: Path) -> Path:
    from transformers import Qwen2Config

    folder = Path(tempfile.mkdtemp(prefix=f"qwen-{arch}-"))
    for name in TOKENIZER_FILES:
        if (tokenizer / name).exists():
            (folder / name).write_bytes((tokenizer / name).read_bytes())
    Qwen2Config(**ARCHS[arch], max_position_embeddings=32768, rope_theta=1e6, rms_norm_eps=1e-6,
                bos_token_id=151643, eos_token_id=151645, pad_token_id=151643).save_pretrained(folder)
    return folder


def _random_weights_for_empty_folders():
    """`from_pretrained` on a folder with a config and no weights builds random weights, straight
    on the device the backend picked (a 32B model initialised on CPU would take minutes)."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    from chatbot.models.llm import _pick_device

    real = AutoModelForCausalLM.from_pretrained

    def load(path, *args, **kw):
        if any(Path(path).glob("*.safetensors")) or any(Path(path).glob("*.bin")):
            return real(path, *args, **kw)
        torch.manual_seed(0)
        with torch.device(_pick_device("auto")):
            return AutoModelForCausalLM.from_config(AutoConfig.from_pretrained(path), dtype=kw.get("dtype"))

    AutoModelForCausalLM.from_pretrained = load


def _sync():
    import torch

    if torch.cuda.is_available():
        torch.cuda.synchronize()


def _prefill(llm, ids: list[int]) -> float:
    """One forward pass over the prompt: the floor of any first token."""
    import torch

    x = torch.tensor([ids], device=llm.device)
    with torch.no_grad():
        _sync()
        t = time.perf_counter()
        llm.model(input_ids=x, **llm._last_only)
        _sync()
    return time.perf_counter() - t


def _library(llm, ids: list[int], new_tokens: int, prefill_s: float, **how) -> dict:
    """transformers' own `generate` of exactly `new_tokens`, no streamer (nothing of ours in the way).
    Its decode time is its total less a bare prefill of the same prompt."""
    import torch

    x = torch.tensor([ids], device=llm.device)
    with torch.no_grad():
        _sync()
        t = time.perf_counter()
        out = llm.model.generate(input_ids=x, attention_mask=torch.ones_like(x), max_new_tokens=new_tokens,
                                 min_new_tokens=new_tokens, do_sample=False, pad_token_id=llm._pad,
                                 eos_token_id=llm._eos, temperature=None, top_p=None, top_k=None, **how)
        _sync()
        total = time.perf_counter() - t
    return {"ttft_s": prefill_s, "total_s": total, "output_tokens": out.shape[1] - len(ids),
            "tokens": out[0, len(ids):].tolist()}


def _ours(llm, messages, new_tokens: int) -> dict:
    stats: dict = {}
    text = "".join(llm.stream(messages, max_new_tokens=new_tokens, stats=stats))
    return {"text": text, **{k: stats[k] for k in ("ttft_s", "total_s", "output_tokens", "prompt_tokens")}}


def _measure(llm, prompts: list, new_tokens: int, dynamic_limit: int) -> dict:
    import torch

    from bench_chat import decode_rate  # bench/ is on the path when this runs as a script
    from eval.metrics import percentile

    # Warm-up on the longest prompt: compilation and CUDA-graph capture for our static path, and for
    # the library's static cache, which it sizes to the first call and reuses for shorter ones.
    longest = max(prompts, key=lambda m: len(llm.prompt_ids(m)))
    t = time.perf_counter()
    _ours(llm, longest, new_tokens)
    _sync()
    warm_ours = time.perf_counter() - t
    ids = llm.prompt_ids(longest)
    if getattr(llm, "_static", None) is not None:
        # The library's generate with a StaticCache of the size ours uses: the same compiled step
        # (one compilation, ~100 s a shape on the H200, instead of two) and the same attention span.
        from transformers import StaticCache

        library_cache = StaticCache(config=llm.model.config, max_cache_len=llm._static.size)

        def static_how():
            library_cache.reset()
            return {llm._cache_kw: library_cache}
    else:
        def static_how():
            return {"cache_implementation": "static"}
    t = time.perf_counter()
    _library(llm, ids, new_tokens, 0.0, **static_how())
    warm_static = time.perf_counter() - t
    _library(llm, ids, 4, 0.0)
    rows = []
    for i, messages in enumerate(prompts):
        llm.clear_cache()
        ours = _ours(llm, messages, new_tokens)
        ids = llm.prompt_ids(messages)
        prefill = _prefill(llm, ids)
        static = _library(llm, ids, max(ours["output_tokens"], 1), prefill, **static_how())
        dynamic = _library(llm, ids, max(ours["output_tokens"], 1), prefill) if i < dynamic_limit else None
        rows.append({"prompt_tokens": ours["prompt_tokens"], "ours": ours, "static": static, "dynamic": dynamic,
                     "same_text": ours["text"] == llm.tokenizer.decode(static["tokens"], skip_special_tokens=True)})
    med = statistics.median

    def rate(key):
        rates = [r for r in (decode_rate(x[key]) for x in rows if x[key]) if r]
        return round(med(rates), 1) if rates else None

    p = next(llm.model.parameters())
    result = {
        "device": str(p.device), "dtype": str(p.dtype).replace("torch.", ""), "picked": [llm.device, str(llm.dtype)],
        "decode_path": "static generate" if getattr(llm, "_static", None) is not None else "own loop",
        "params_b": round(sum(t.numel() for t in llm.model.parameters()) / 1e9, 3),
        "prompts": len(rows), "prompt_tokens_p50": med(r["prompt_tokens"] for r in rows),
        "output_tokens_p50": med(r["ours"]["output_tokens"] for r in rows),
        "warmup_ours_s": round(warm_ours, 1), "warmup_static_s": round(warm_static, 1),
        "same_text_as_static": f"{sum(r['same_text'] for r in rows)}/{len(rows)}",
        "ttft_p50_s": round(med(r["ours"]["ttft_s"] for r in rows), 4),
        "ttft_p95_s": round(percentile([r["ours"]["ttft_s"] for r in rows], 95), 4),
        "prefill_p50_s": round(med(r["static"]["ttft_s"] for r in rows), 4),
        "total_p50_s": round(med(r["ours"]["total_s"] for r in rows), 4),
        "static_total_p50_s": round(med(r["static"]["total_s"] for r in rows), 4),
        "decode_tok_s": rate("ours"), "static_decode_tok_s": rate("static"), "dynamic_decode_tok_s": rate("dynamic"),
    }
    if result["decode_tok_s"] and result["static_decode_tok_s"]:
        result["ratio_vs_static"] = round(result["decode_tok_s"] / result["static_decode_tok_s"], 3)
    if result["decode_tok_s"] and result["dynamic_decode_tok_s"]:
        result["ratio_vs_dynamic"] = round(result["decode_tok_s"] / result["dynamic_decode_tok_s"], 3)
    if torch.cuda.is_available():
        result["gpu"] = torch.cuda.get_device_name(0)
        result["peak_gpu_gb"] = round(torch.cuda.max_memory_allocated() / 2**30, 2)
    return result


def run(args) -> int:
    import torch

    from chatbot.models.llm import TransformersLLM

    prompts = json.loads(Path(args.prompts).read_text())[: args.limit]
    if args.arch and args.tokenizer is None:
        print("--arch needs --tokenizer (a Qwen2.5 preset folder)", file=sys.stderr)
        return 2
    _random_weights_for_empty_folders()
    if args.no_cudnn_sdpa:
        torch.backends.cuda.enable_cudnn_sdp(False)
    targets = [(Path(m).name, Path(m)) for m in args.model]
    targets += [(f"qwen2.5-{a} (random weights)", _arch_folder(a, Path(args.tokenizer))) for a in args.arch]
    results = {}
    for name, where in targets:
        t = time.perf_counter()
        try:
            llm = TransformersLLM(where, device=args.device, dtype=args.dtype, name=name,
                                  static={"auto": None, "on": True, "off": False}[args.static])
            load_s = time.perf_counter() - t
            results[name] = {"load_s": round(load_s, 2), **_measure(llm, prompts, args.new_tokens, args.dynamic_limit)}
        except Exception:  # one shape failing (memory, a library change) must not lose the others' figures
            import traceback

            traceback.print_exc()
            continue
        print(json.dumps({name: results[name]}), flush=True)
        if args.out:  # written after each model: a run cut short by its time limit keeps what it measured
            info = {"torch": torch.__version__, "cuda": torch.version.cuda, "new_tokens": args.new_tokens,
                    "cudnn_sdpa": not args.no_cudnn_sdpa}
            Path(args.out).write_text(json.dumps({"env": info, "models": results}, indent=2))
        del llm
        if torch.cuda.is_available():
            torch.cuda.empty_cache()
            torch.cuda.reset_peak_memory_stats()
    print(f"\n{'model':30} {'device':7} {'ttft p50':>9} {'prefill':>8} {'ours':>7} {'static':>7} {'dynamic':>7} "
          f"{'vs static':>9} {'vs dyn':>7}")
    for name, r in results.items():
        print(f"{name:30} {r['device'][:7]:7} {r['ttft_p50_s'] * 1000:7.1f}ms {r['prefill_p50_s'] * 1000:6.1f}ms "
              f"{r['decode_tok_s'] or 0:7.1f} {r['static_decode_tok_s'] or 0:7.1f} {r['dynamic_decode_tok_s'] or 0:7.1f} "
              f"{r.get('ratio_vs_static', 0):9.3f} {r.get('ratio_vs_dynamic', 0):7.3f}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("prompts", help="record the answer prompts shopbot builds for an eval set")
    d.add_argument("evalset", type=Path)
    d.add_argument("--store", type=Path, required=True, help="an ingested store of the eval set (or where to make one)")
    d.add_argument("--split")
    d.add_argument("--limit", type=int, default=12)
    d.add_argument("--out", type=Path, required=True)
    r = sub.add_parser("run", help="time the backend on recorded prompts")
    r.add_argument("prompts", type=Path)
    r.add_argument("--model", nargs="*", default=[], help="model folders with weights")
    r.add_argument("--arch", nargs="*", default=[], choices=sorted(ARCHS), help="Qwen2.5 shapes, random weights")
    r.add_argument("--tokenizer", help="folder holding a Qwen2.5 tokenizer and chat template (a preset folder)")
    r.add_argument("--limit", type=int, default=12, help="prompts to time")
    r.add_argument("--new-tokens", type=int, default=64)
    r.add_argument("--dynamic-limit", type=int, default=3, help="prompts also timed with the (slow) dynamic-cache generate")
    r.add_argument("--static", choices=["auto", "on", "off"], default="auto",
                   help="our backend's decode path: auto = static generate on CUDA, our loop on CPU")
    r.add_argument("--device", default="auto")
    r.add_argument("--dtype", default="auto")
    r.add_argument("--no-cudnn-sdpa", action="store_true",
                   help="turn torch's cuDNN attention backend off (suspected per-shape plan cost in eager steps)")
    r.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    return dump_prompts(args) if args.cmd == "prompts" else run(args)


if __name__ == "__main__":
    sys.exit(main())
