"""Answer-prompt variants on an eval set's questions: token F1, refusals, prompt and output tokens.

    python bench/bench_variants.py EVALSET --store DIR [--split dev] [--start 40] [--stop 160]
        [--k 3] [--words 20] [--card-words 90] [--card-as-stored] [--name-prefix]
        [--embed-small-pages] [--first-words] [--sentences 1] [--system FILE] [--out rows.json]

Each option overrides one field of `AnswerSettings` for this run (defaults: the code's own), so two
prompt designs can be compared on the same questions without editing the package. `--system` is a
Jinja file used in place of prompts/answer_system.jinja (it gets the same `evidence` items).
Greedy decoding makes F1 and token counts repeatable; times are not printed, run variants one
after another or side by side. The full eval (`shopbot eval --baseline`) is the number to quote.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("evalset", type=Path)
    ap.add_argument("--store", type=Path, required=True, help="an ingested store of the eval set")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--stop", type=int, default=80)
    ap.add_argument("--k", type=int, help="evidence items")
    ap.add_argument("--words", type=int, help="words of a review, answer or description chunk")
    ap.add_argument("--card-words", type=int, help="words of a product card")
    ap.add_argument("--name-prefix", action="store_true",
                    help='one product\'s chunks keep "Review of <product>:" and "Product <id>."')
    ap.add_argument("--embed-small-pages", action="store_true", help="rank a small product page by embedding too")
    ap.add_argument("--first-words", action="store_true", help="a long chunk shows its first words, not the question's")
    ap.add_argument("--sentences", type=int, help="sentences of the answer kept")
    ap.add_argument("--card-as-stored", action="store_true", help="cards clipped in stored order, not by the question")
    ap.add_argument("--system", type=Path, help="system prompt template file")
    ap.add_argument("--out", type=Path, help="write each question's row here")
    args = ap.parse_args(argv)

    from chatbot.answer.settings import AnswerSettings
    from chatbot.assistant import ShopAssistant
    from chatbot.config import Settings
    from chatbot.models.llm import load_llm
    from eval.data import load
    from eval.metrics import max_token_f1

    base = AnswerSettings()
    changes = {"evidence_k": args.k, "words": args.words, "sentences": args.sentences,
               "kind_words": {"card": args.card_words} if args.card_words else None,
               "card_by_question": False if args.card_as_stored else None,
               "name_prefix": True if args.name_prefix else None,
               "small_pages_by_words": False if args.embed_small_pages else None,
               "focus_window": False if args.first_words else None,
               "system_template": args.system.read_text() if args.system else None}
    answer_settings = base.with_(**{key: value for key, value in changes.items() if value is not None})

    settings = Settings()  # the model cache stays under SHOPBOT_HOME; the shop is the eval store
    bot = ShopAssistant(settings.with_(home=args.store, chroma_url=None, db_url=None),
                        llm=load_llm(settings.llm, settings), answer_settings=answer_settings)
    questions = load(args.evalset, split=args.split, limit=args.stop).questions[args.start:]
    rows = []
    for q in questions:
        reply = bot.ask(q.question, product_id=q.context_product_id)
        rows.append({"id": q.id, "f1": max_token_f1(reply.answer, q.answers) or 0.0, "refused": reply.refused,
                     "answer": reply.answer, **reply.usage})
        if reply.usage:
            rows[-1]["computed"] = reply.usage["prompt_tokens"] - reply.usage["cached_tokens"]
        print(f"{q.id}: F1 {rows[-1]['f1']:.2f}{' refused' if reply.refused else ''}  {reply.answer[:90]}",
              file=sys.stderr, flush=True)
    llm = [r for r in rows if r.get("prompt_tokens")]
    med = lambda key: statistics.median(r[key] for r in llm) if llm else None  # noqa: E731
    print(f"{len(rows)} questions: token F1 {statistics.mean(r['f1'] for r in rows):.3f}  "
          f"refused {statistics.mean(r['refused'] for r in rows):.3f}  prompt tokens p50 {med('prompt_tokens')}  "
          f"computed p50 {med('computed')}  "
          f"output tokens p50 {med('output_tokens')}")
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
