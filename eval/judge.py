"""Optional LLM judge (`--judge PRESET`): does the reply agree with the reference answer?

Only worth running with a capable model: the small CPU presets agree with almost anything, so
they are refused and the report says "not run" with the reason.
"""
from __future__ import annotations

import re

TOO_SMALL = {"qwen-0.5b", "smollm2"}
PROMPT = ("You grade a shop assistant's reply against a reference answer. Reply with exactly one word: "
          "CORRECT if the reply gives the same facts as the reference (wording may differ), "
          "or WRONG if it contradicts the reference, misses its point, or refuses.")


def run(rows: list[dict], spec: str, settings, progress: bool = True) -> dict:
    """Adds `judge` (1.0 / 0.0) to each row with a reply and a reference; returns the status."""
    if spec in TOO_SMALL:
        return {"status": "not run", "reason": f"'{spec}' is too small to judge; use qwen-1.5b or a bigger model"}
    from tqdm import tqdm

    from chatbot.models.llm import load_llm

    llm = load_llm(spec, settings)
    todo = [r for r in rows if r.get("answer") and r["gold"]["answers"]]
    for r in tqdm(todo, desc="judge", unit="q", disable=not progress):
        user = (f"Question: {r['question']}\nReference answer: {r['gold']['answers'][0]}\n"
                f"Reply: {r['answer']}\nVerdict:")
        text = llm.generate([{"role": "system", "content": PROMPT}, {"role": "user", "content": user}],
                            max_new_tokens=4).text
        r["judge"] = 1.0 if re.search(r"\bcorrect\b", text, re.I) and not re.search(r"\bwrong\b", text, re.I) else 0.0
    return {"status": "run", "model": spec, "n": len(todo)}
