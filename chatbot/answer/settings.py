"""Every knob the benchmarks vary, in one frozen object that is passed in, never patched."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Mapping


@dataclass(frozen=True)
class AnswerSettings:
    # Short evidence packs: prefill dominates time to first token on CPU. Chosen on hetpqa dev
    # questions 40-160 and checked on 160-280 (bench/README.md): 3 items, each the 20 words around
    # the question's own (a card: up to 90 words, the facts asked about first); one kept sentence.
    evidence_k: int = 3
    words: int = 20  # words of a chunk shown to the model, unless `kind_words` names its kind
    kind_words: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({"card": 90}))
    card_by_question: bool = True  # a card shows the facts the question names first
    small_pages_by_words: bool = True  # a page of at most evidence_k chunks is ordered by words (Retriever.page)
    focus_window: bool = True  # a long chunk shows the words around the question's, not only its first
    name_prefix: bool = False  # on one product's page, chunks keep "Review of <product>:" and "Product <id>."
    max_new_tokens: int = 80
    # '"\n[': the model copied an evidence line whole and starts on the next; what it copied is enough
    stops: tuple[str, ...] = ("\nQuestion:", "\nEvidence:", "\n\n\n", '"\n[')
    sentences: int = 1  # of the model's answer kept: small models ramble on after the answer
    min_score: float = 0.82  # below this cosine+lexical score the catalog has nothing on the question
    system_template: str | None = None  # the system prompt's template text; None: prompts/answer_system.jinja

    def budget(self, kind: str) -> int:
        return self.kind_words.get(kind, self.words)

    def with_(self, **changes) -> "AnswerSettings":
        return replace(self, **changes)
