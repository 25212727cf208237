"""`evaluate()`: one eval run over a folder, returning the report dict (the JSON contract).

Modes follow the folder's contents: questions are replayed when there is a catalog and a
questions.jsonl; interactions.jsonl + heldout.jsonl add recommender hit rates; reviews with gold
`sentiment` add the sentiment section (a folder with only those is a sentiment set).
"""
from __future__ import annotations

import time
from pathlib import Path

from . import data
from .score import add_embedding_similarity, report_sections, score_case, worst


def _warm_up(llm) -> None:
    # The first generate of a process pays one-off costs (kernels, allocations); pay them before
    # timing, so neither shopbot nor the baseline is charged for them.
    try:
        llm.generate([{"role": "user", "content": "Hi"}], max_new_tokens=2)
    except Exception:
        pass


def _replay(baseline, q, catalog_ids, retrieval_only: bool) -> dict:
    out = baseline.retrieve(q)
    if not retrieval_only:
        out.update(baseline.answer(q))
    return score_case(q, out, catalog_ids)


def evaluate(folder, settings, *, limit: int | None = None, types: list[str] | None = None,
             split: str | None = None, retrieval_only: bool = False, baseline: bool = False,
             analytics: str = "auto", judge: str | None = None, progress: bool = True,
             llm=None, embedder=None, store=None) -> dict:
    """`llm` / `embedder`: instances to use instead of the settings' (tests pass a scripted LLM)."""
    from tqdm import tqdm

    from chatbot.errors import ValidationError

    started = time.perf_counter()
    es = data.load(folder, split=split, types=types, limit=limit)
    report: dict = {"set": str(folder), "mode": "retrieval-only" if retrieval_only else "full",
                    "filters": {"split": split, "types": types, "limit": limit}, "n_questions": len(es.questions),
                    "system": {"llm": None, "embedder": None}}
    if es.sentiment_only:
        from . import sentiment

        rows = es.sentiment_rows[:limit] if limit else es.sentiment_rows
        report.update(report_sections([]), mode="sentiment", n_questions=0)
        report["sentiment"] = sentiment.evaluate(rows, embedder=embedder, progress=progress)
        report["system"]["embedder"] = "e5-small (sentiment head)"
        if baseline:  # no chat pipeline runs on a sentiment set; the lexicons are the reference rows
            report["baseline"] = report_sections([])
        report["seconds"] = round(time.perf_counter() - started, 1)
        return report
    if not es.has_catalog:
        raise ValidationError(f"{folder}: no products.jsonl; an eval set needs a catalog and questions.jsonl, "
                              "or only reviews.jsonl with gold `sentiment` labels (FORMAT.md)")

    from chatbot.data.embed import load_embedder

    from .runner import ShopbotRunner

    embedder = load_embedder(embedder or settings.embedder, settings)
    if not retrieval_only and llm is None:
        from chatbot.models.llm import load_llm

        llm = load_llm(settings.llm, settings)  # the real home's model cache
    use_analytics = analytics == "on" or (analytics == "auto" and not retrieval_only
                                          and any(q.type == "review" for q in es.questions))
    runner = ShopbotRunner(settings, es, llm=llm, embedder=embedder, analytics=use_analytics, progress=progress,
                           store=store)
    base = base_page = None
    try:
        report["system"] = {"llm": getattr(llm, "name", None) if llm else None, "embedder": getattr(embedder, "name", None)}
        report["ingest"] = runner.ingest
        recs = None
        if es.has_behaviour:
            from . import recs as rec_mode

            recs = rec_mode.evaluate(es.folder, runner.bot.products.values(), runner.bot.log,
                                     sentiment=runner.bot.shop.sentiment_by_product())
        if baseline:
            from .baseline import BaselineRunner

            base = BaselineRunner(es.folder, llm, mentions=lambda text: runner.bot.shop.retriever.mentioned_products(text, limit=10))
            report["system"]["baseline_embedder"] = "all-MiniLM-L6-v2"
            report["baseline_ingest"] = base.ingest
            if any(q.context_product_id for q in es.questions):  # baseline.md's second row
                base_page = base.on_page()
        if llm is not None:
            _warm_up(llm)
        rows, base_rows, page_rows = [], [], []
        # Shopbot and the baseline answer each question back to back, so both meet the same load.
        for q in tqdm(es.questions, desc="eval", unit="q", disable=not progress):
            out = runner.retrieve(q)
            if not retrieval_only:
                out.update(runner.answer(q))
            rows.append(score_case(q, out, runner.catalog_ids))
            if base is not None:
                base_rows.append(_replay(base, q, runner.catalog_ids, retrieval_only))
            if base_page is not None:
                # No page: the page row is the whole-catalog row. Running it again would only
                # time a prompt the backend's prefix cache already holds whole.
                page_rows.append(_replay(base_page, q, runner.catalog_ids, retrieval_only)
                                 if q.context_product_id else dict(base_rows[-1]))
        if not retrieval_only:
            sim = embedder if getattr(embedder, "name", "") == "e5-small" else load_embedder("e5-small", settings)
            embed = lambda texts: [sim.embed_query(t) for t in texts]  # noqa: E731 - symmetric: query prefix on both
            add_embedding_similarity(rows, embed)
            add_embedding_similarity(base_rows, embed)
            add_embedding_similarity(page_rows, embed)
        if judge and not retrieval_only:
            from . import judge as judge_mod

            report["judge"] = judge_mod.run(rows + base_rows + page_rows, judge, settings, progress=progress)
        report.update(report_sections(rows))
        if es.sentiment_rows and not retrieval_only:
            from . import sentiment

            report["sentiment"] = sentiment.evaluate(es.sentiment_rows, embedder=embedder, progress=progress)
        for lang, figures in (report["sentiment"].get("by_lang") or {}).items():
            if lang in report["by_lang"]:  # the reviews' sentiment, beside the questions' figures
                report["by_lang"][lang]["sentiment"] = figures
        if recs:
            report["recommendation"].update(hit_at_5=recs["shopbot"]["hit_at_5"], hit_at_10=recs["shopbot"]["hit_at_10"],
                                            reference=recs)
        if base is not None:
            report["baseline"] = report_sections(base_rows)
        if base_page is not None:
            report["baseline_page"] = report_sections(page_rows)
    finally:
        runner.close()
        if base is not None:
            base.close()
    report["seconds"] = round(time.perf_counter() - started, 1)
    return report


def worst_cases(report: dict, n: int = 10) -> list[dict]:
    return worst(report.get("cases") or [], n)


def save_json(report: dict, path: Path) -> Path:
    import json

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return path
