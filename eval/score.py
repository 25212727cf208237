"""The scorer: one case row per question from what a system did, then the report's sections.

Both shopbot and the baseline hand in the same `outcome` dict, so both are scored by the same
code under the same keys:

    answer, refused, handoff (bool), citations [{product_id, chunk_ids}], recommended [product ids],
    ranked / ranked_whole (distinct products of the retrieved chunks, best first),
    top_texts / top_texts_whole (texts of the top 5 chunks), context_products (products of the
    evidence the model was given), context_chunk_ids, ttft_s, total_s, prompt_tokens,
    output_tokens, llm (bool: a model generated the reply)

Every rate is in [0, 1], or None where the set has no question it applies to.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable

from . import metrics as m
from .data import Question

SECTIONS = ("retrieval", "answers", "refusal", "recommendation", "latency")


def score_case(q: Question, out: dict, catalog_ids: set[str] | None = None) -> dict:
    """The case row: the question, what came back, and each per-question measure."""
    row = {
        "id": q.id, "type": q.type, "lang": q.lang, "expect": q.expect, "question": q.question,
        "turns": q.turns, "context_product_id": q.context_product_id,
        "gold": {"product_ids": q.product_ids, "answers": q.answers, "must_include": q.must_include,
                 "must_not_include": q.must_not_include, "acceptable_product_ids": q.acceptable_product_ids},
    }
    # Retrieval: ranks of the first gold product among the distinct retrieved products.
    if q.product_ids:
        rank = m.first_gold_rank(out.get("ranked", []), q.product_ids)
        whole = m.first_gold_rank(out.get("ranked_whole", out.get("ranked", [])), q.product_ids)
        row.update(rank=rank, rank_whole_catalog=whole)
        if "context_products" in out:
            row["gold_in_context"] = bool(set(out["context_products"]) & set(q.product_ids))
    row["evidence_recall_at_5"] = m.evidence_recall(q.evidence, out.get("top_texts", []))
    row["evidence_recall_at_5_whole_catalog"] = m.evidence_recall(
        q.evidence, out.get("top_texts_whole", out.get("top_texts", [])))
    row["retrieved"] = out.get("ranked", [])[:5]
    if "answer" not in out:  # retrieval-only
        return row

    answer = out["answer"] or ""
    refused = bool(out.get("refused") or out.get("handoff") or m.says_refusal(answer))
    row.update(answer=answer, refused=refused, handoff=bool(out.get("handoff")),
               reply_refused=bool(out.get("refused") or out.get("handoff")))  # the system's own flag
    row["refusal_ok"] = refused if q.wants_refusal else not refused
    row["token_f1"] = m.max_token_f1(answer, q.answers)
    row["must_include_pass"] = m.must_include_pass(answer, q.must_include)
    row["must_not_include_violated"] = m.must_not_include_violated(answer, q.must_not_include)

    # Citations must point inside the evidence the reply was built from (or, for replies built
    # from a product card without retrieval, at a product that exists).
    cites = out.get("citations") or []
    if cites:
        evidence = set(out.get("context_chunk_ids") or [])
        outside = False
        for c in cites:
            if catalog_ids is not None and c["product_id"] not in catalog_ids:
                outside = True
            if evidence and any(cid not in evidence for cid in c.get("chunk_ids") or []):
                outside = True
        row["citation_outside_evidence"] = outside
    row["cited"] = [c["product_id"] for c in cites]

    if q.acceptable_product_ids is not None:
        recommended = list(dict.fromkeys(out.get("recommended") or []))
        inside = [p for p in recommended if p in set(q.acceptable_product_ids)]
        row.update(recommended=recommended, recommended_inside=len(inside),
                   recommendation_violation=len(inside) < len(recommended))
    for key in ("ttft_s", "total_s", "prompt_tokens", "cached_tokens", "output_tokens", "llm"):
        row[key] = out.get(key)
    row["case_score"] = case_score(row)
    return row


def case_score(row: dict) -> float:
    """One number per case for picking the worst cases: the mean of its pass/fail checks and F1."""
    parts = [row.get("token_f1"), row.get("must_include_pass"), row.get("refusal_ok")]
    if row.get("must_not_include_violated") is not None:
        parts.append(not row["must_not_include_violated"])
    if row.get("recommendation_violation") is not None:
        parts.append(not row["recommendation_violation"])
    value = m.mean(parts)
    return round(value, 4) if value is not None else 1.0


def add_embedding_similarity(rows: list[dict], embed: Callable[[list[str]], list[list[float]]]) -> None:
    """Cosine of the answer with each reference answer (max), in one batch of embeddings."""
    todo = [r for r in rows if r.get("answer") is not None and r["gold"]["answers"]]
    texts = list(dict.fromkeys([r["answer"] or " " for r in todo] + [a for r in todo for a in r["gold"]["answers"]]))
    if not texts:
        return
    vectors = dict(zip(texts, embed(texts)))
    for r in todo:
        a = vectors[r["answer"] or " "]
        r["embedding_similarity"] = round(max(m.cosine(a, vectors[g]) for g in r["gold"]["answers"]), 4)


# ------------------------------------------------------------------ sections


def _r(value, nd: int = 4):
    return round(value, nd) if isinstance(value, float) else value


def _ranks(rows: list[dict], key: str) -> dict:
    rows = [r for r in rows if key in r]
    ranks = [r[key] for r in rows]
    return {
        "n": len(rows),
        "hit_at_1": _r(m.mean(m.hit_at(x, 1) for x in ranks)),
        "hit_at_5": _r(m.mean(m.hit_at(x, 5) for x in ranks)),
        "mrr": _r(m.mean(m.reciprocal_rank(x) for x in ranks)),
    }


def retrieval(rows: list[dict]) -> dict:
    out = _ranks(rows, "rank")
    out["evidence_recall_at_5"] = _r(m.mean(r.get("evidence_recall_at_5") for r in rows))
    out["gold_in_context_rate"] = _r(m.mean(r.get("gold_in_context") for r in rows))
    # The same questions with the product page left out: the whole catalog is searched.
    whole = _ranks(rows, "rank_whole_catalog")
    whole["evidence_recall_at_5"] = _r(m.mean(r.get("evidence_recall_at_5_whole_catalog") for r in rows))
    out["whole_catalog"] = whole
    out["with_context_product"] = sum(1 for r in rows if r.get("context_product_id"))
    return out


def answers(rows: list[dict]) -> dict:
    rows = [r for r in rows if "answer" in r]
    out = {
        "n": len(rows),
        "token_f1": _r(m.mean(r.get("token_f1") for r in rows)),
        "embedding_similarity": _r(m.mean(r.get("embedding_similarity") for r in rows)),
        "must_include_pass": _r(m.mean(r.get("must_include_pass") for r in rows)),
        "must_not_include_violations": _r(m.mean(r.get("must_not_include_violated") for r in rows)),
    }
    judged = [r["judge"] for r in rows if r.get("judge") is not None]
    out["judge_accuracy"] = _r(m.mean(judged))
    return out


def refusal(rows: list[dict]) -> dict:
    rows = [r for r in rows if "answer" in r]
    want = [r for r in rows if r["expect"] in ("refuse", "decline")]
    answerable = [r for r in rows if r["expect"] not in ("refuse", "decline")]
    return {
        "n_refuse": len(want), "n_answerable": len(answerable),
        "correct_refusal_rate": _r(m.mean(r["refused"] for r in want)),
        "needless_refusal_rate": _r(m.mean(r["refused"] for r in answerable)),
        "refused_rate": _r(m.mean(r["refused"] for r in rows)),
        "citation_outside_evidence_rate": _r(m.mean(r.get("citation_outside_evidence") for r in rows)),
    }


def recommendation(rows: list[dict]) -> dict:
    rows = [r for r in rows if "recommended" in r]
    total = sum(len(r["recommended"]) for r in rows)
    return {
        "n": len(rows),
        "violation_rate": _r(m.mean(r["recommendation_violation"] for r in rows)),
        "in_acceptable_rate": _r(sum(r["recommended_inside"] for r in rows) / total) if total else None,
        "answered_rate": _r(m.mean(bool(r["recommended"]) for r in rows)),
        "hit_at_5": None, "hit_at_10": None,  # set-level, from interactions/heldout (see recs.py)
    }


def latency(rows: list[dict]) -> dict:
    rows = [r for r in rows if r.get("total_s") is not None]
    llm = [r for r in rows if r.get("llm")]
    return {
        "n": len(rows),
        "ttft_p50_s": _r(m.percentile((r["ttft_s"] for r in rows), 50), 3),
        "ttft_p95_s": _r(m.percentile((r["ttft_s"] for r in rows), 95), 3),
        "total_p50_s": _r(m.percentile((r["total_s"] for r in rows), 50), 3),
        "total_p95_s": _r(m.percentile((r["total_s"] for r in rows), 95), 3),
        "prompt_tokens_p50": _r(m.percentile((r.get("prompt_tokens") for r in llm), 50), 1),
        # What the model had to compute: the prompt less the prefix its KV cache already held.
        "prompt_tokens_computed_p50": _r(m.percentile((r["prompt_tokens"] - (r.get("cached_tokens") or 0)
                                                       for r in llm if r.get("prompt_tokens") is not None), 50), 1),
        "output_tokens_p50": _r(m.percentile((r.get("output_tokens") for r in llm), 50), 1),
        # The same on the replies a model generated (fixed replies such as price facts or
        # refusals take milliseconds and pull the overall percentiles down).
        "llm_ttft_p50_s": _r(m.percentile((r["ttft_s"] for r in llm), 50), 3),
        "llm_total_p50_s": _r(m.percentile((r["total_s"] for r in llm), 50), 3),
        "llm_reply_share": _r(len(llm) / len(rows)) if rows else None,
    }


def summarize(rows: list[dict]) -> dict:
    return {"n": len(rows), "retrieval": retrieval(rows), "answers": answers(rows), "refusal": refusal(rows),
            "recommendation": recommendation(rows), "latency": latency(rows),
            # set-level (labelled reviews): filled for the whole report and per review language
            "sentiment": {"n": 0, "accuracy": None, "macro_f1": None}}


def _groups(rows: Iterable[dict], key: str) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[str(r.get(key) or "unknown")].append(r)
    return dict(sorted(groups.items()))


def report_sections(rows: list[dict]) -> dict:
    """The report body for one system: overall sections, `by_type`, `by_lang` and `cases`."""
    body = summarize(rows)
    body["by_type"] = {k: summarize(v) for k, v in _groups(rows, "type").items()}
    body["by_lang"] = {k: summarize(v) for k, v in _groups(rows, "lang").items()}
    body["cases"] = rows
    return body


def worst(rows: list[dict], n: int = 10) -> list[dict]:
    scored = [r for r in rows if "answer" in r]
    return sorted(scored, key=lambda r: (r["case_score"], r["id"]))[:n]
