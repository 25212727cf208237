"""Reading an eval set (shared/evalsets/FORMAT.md): questions, filters, and which modes apply."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    if not Path(path).is_file():
        return rows
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
    return rows


@dataclass
class Question:
    id: str
    question: str
    lang: str = "en"
    type: str = "question"
    turns: list[str] = field(default_factory=list)
    context_product_id: str | None = None
    product_ids: list[str] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    must_include: list[str] = field(default_factory=list)
    must_not_include: list[str] = field(default_factory=list)
    acceptable_product_ids: list[str] | None = None
    evidence: list[str] = field(default_factory=list)
    expect: str = "answer"  # answer | refuse | decline
    split: str | None = None

    @classmethod
    def from_row(cls, row: dict, n: int) -> "Question":
        answers = row.get("answers") or []
        if isinstance(answers, str):
            answers = [answers]
        if row.get("answer"):  # FORMAT.md: `answer`, one string, is read the same way
            answers = list(answers) + [row["answer"]]
        evidence = [e["text"] if isinstance(e, dict) else str(e) for e in row.get("evidence") or []]
        acceptable = row.get("acceptable_product_ids")
        return cls(
            id=str(row.get("id", n)), question=str(row["question"]), lang=row.get("lang") or "en",
            type=row.get("type") or "question", turns=[str(t) for t in row.get("turns") or []],
            context_product_id=row.get("context_product_id") or None,
            product_ids=[str(p) for p in row.get("product_ids") or []], answers=[str(a) for a in answers],
            must_include=list(row.get("must_include") or []), must_not_include=list(row.get("must_not_include") or []),
            acceptable_product_ids=[str(p) for p in acceptable] if acceptable is not None else None,
            evidence=[e for e in evidence if e.strip()], expect=row.get("expect") or "answer", split=row.get("split"),
        )

    @property
    def wants_refusal(self) -> bool:
        return self.expect in ("refuse", "decline")


@dataclass
class EvalSet:
    folder: Path
    questions: list[Question]
    has_catalog: bool
    sentiment_rows: list[dict]  # reviews carrying a gold `sentiment`
    has_behaviour: bool  # interactions.jsonl + heldout.jsonl

    @property
    def sentiment_only(self) -> bool:
        """FORMAT.md: a folder with only reviews.jsonl carrying gold sentiment."""
        return not self.has_catalog and not self.questions and bool(self.sentiment_rows)


def load(folder: Path | str, split: str | None = None, types: list[str] | None = None,
         limit: int | None = None) -> EvalSet:
    folder = Path(folder)
    if not folder.is_dir():
        from chatbot.errors import NotFound

        raise NotFound(f"{folder}: no such eval-set folder")
    questions = [Question.from_row(r, n) for n, r in enumerate(read_jsonl(folder / "questions.jsonl"))]
    if split:
        # Only rows that carry a split are filtered; a set without splits is kept whole.
        questions = [q for q in questions if q.split is None or q.split == split]
    if types:
        wanted = {t.strip() for arg in types for t in arg.split(",") if t.strip()}
        questions = [q for q in questions if q.type in wanted]
    if limit:
        questions = questions[:limit]
    reviews = read_jsonl(folder / "reviews.jsonl")
    return EvalSet(
        folder=folder, questions=questions,
        has_catalog=(folder / "products.jsonl").is_file() or (folder / "products.csv").is_file(),
        sentiment_rows=[r for r in reviews if r.get("sentiment") and r.get("text")],
        has_behaviour=(folder / "interactions.jsonl").is_file() and (folder / "heldout.jsonl").is_file(),
    )
