"""`shopbot doctor`: does the vector store hold exactly the chunks shop.db lists, with their text?

Drift can only come from outside a normal run (a run killed between the vector store's write and
the SQLite commit, a Chroma folder restored from another day, a store edited by hand). The check
reads every chunk id and text from Chroma and chunks every product again (no embedding);
`repair` drops chunks no record lists, forgets index rows whose chunk is missing or stale, and
embeds what is then missing, in one SQLite transaction like an ingest.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from chatbot.data.ingest import PAGE, plan_chunks, write_chunks


def _store_texts(store) -> dict[str, str]:
    return dict(store.texts(PAGE))


@dataclass
class DoctorReport:
    products: int = 0
    reviews: int = 0
    qa: int = 0
    chunks_listed: int = 0  # rows of shop.db's chunk index
    chunks_in_store: int = 0
    chunks_expected: int = 0  # what the records chunk to now
    missing: list[str] = field(default_factory=list)  # listed in shop.db, absent from the store
    orphans: list[str] = field(default_factory=list)  # in the store, listed by no record
    stale: list[str] = field(default_factory=list)  # in both, but the store's text is not the records'
    unindexed: list[str] = field(default_factory=list)  # products whose chunk index is not what they chunk to
    repaired: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.orphans or self.stale or self.unindexed)

    def to_dict(self) -> dict:
        return {**asdict(self), "ok": self.ok}


def check(db, store) -> DoctorReport:
    from chatbot.data.chunking import chunk_hash, product_chunks

    counts = db.counts()
    report = DoctorReport(products=counts["products"], reviews=counts["reviews"], qa=counts["qa"],
                          chunks_listed=counts["chunks"], chunks_in_store=store.count())
    listed = dict(db.connect().execute("SELECT id, product_id FROM chunks"))
    texts = _store_texts(store)
    report.missing = sorted(set(listed) - set(texts))
    report.orphans = sorted(set(texts) - set(listed))
    for product in db.products():
        chunks = product_chunks(product, db.reviews(product.id), db.qa(product.id))
        report.chunks_expected += len(chunks)
        if {c.id: chunk_hash(c) for c in chunks} != db.chunk_hashes(product.id):
            report.unindexed.append(product.id)
        report.stale += [c.id for c in chunks if c.id in texts and texts[c.id] != c.text]
    products = db.product_ids()
    report.orphans += sorted(cid for cid, pid in listed.items() if pid not in products and cid in texts)
    report.stale.sort()
    return report


def repair(db, store, embedder, analyzer=None, progress: bool = False) -> DoctorReport:
    """Make the store and the chunk index agree with the records; return the check after it."""
    before = check(db, store)
    conn = db.connect()
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM chunks WHERE product_id NOT IN (SELECT id FROM products)")
        forget = before.missing + before.stale
        conn.executemany("DELETE FROM chunks WHERE id=?", [(cid,) for cid in forget])
        store.delete(before.orphans)
        chunks, stale, _ = plan_chunks(conn, db, sorted(db.product_ids()))
        write_chunks(conn, store, embedder, chunks, analyzer=analyzer, progress=progress)
        store.delete(stale)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    after = check(db, store)
    after.repaired = {"orphans_deleted": len(before.orphans), "chunks_embedded": len(chunks),
                      "stale_deleted": len(stale)}
    return after
