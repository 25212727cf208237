"""BM25 over every chunk, kept in SQLite FTS5 inside shop.db: the lexical half of search.

A small embedder blurs the one rare word a shopper types ("zeppelin", "1:12", "hubsan"); BM25
weighs exactly those words. FTS5 (compiled into Python's sqlite3) keeps the inverted index on
disk beside the records, so a process opens it instead of rebuilding it, ingest updates it in
the same transaction as the chunk table, and a query is scored in C (`bm25()`) over the postings
of its terms only.

Text is indexed as `terms()` gives it (stop words out, light stemming, one token per CJK
character), so a question and a chunk meet on the same words whatever FTS5's tokenizer would do.
FTS5's BM25: k1 = 1.2, b = 0.75, idf = ln((N - n + 0.5) / (n + 0.5)) (a term in more than half
the chunks gets a tiny positive idf instead).
"""
from __future__ import annotations

import sqlite3
from typing import Iterable, Sequence

from chatbot.text import terms

# A question's terms are looked up rarest first while the chunks holding them (their postings)
# sum to at most this; the commoner rest are left to the dense index. FTS5 scores every posting
# of a term (~2 us each on one core), so "battery" in a quarter of a million chunks would cost more
# than the whole rest of the search, and its idf is the question's lowest. In stores of a few
# thousand chunks (every eval set here) no question reaches it.
POSTINGS_BUDGET = 30_000


def _indexed(term: str) -> str:
    # "-" and "." are token characters of the FTS table (t-shirt, 1.5 stay one token); an
    # apostrophe is not, and would split "kid's" in two.
    return term.replace("'", "")


_SCHEMA = (  # statements, not a script: executescript() would commit the caller's transaction
    "CREATE TABLE IF NOT EXISTS lexicon_ids (rowid INTEGER PRIMARY KEY, chunk_id TEXT UNIQUE NOT NULL)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS lexicon USING fts5(terms, tokenize=\"unicode61 remove_diacritics 0 tokenchars '-.'\")",
)


def ensure_schema(conn: sqlite3.Connection) -> None:
    for statement in _SCHEMA:
        conn.execute(statement)


class Lexicon:
    """The BM25 index of the chunks in one SQLite database (shop.db)."""

    def __init__(self, connect):
        """`connect()`: the caller's (per-thread) connection to the database, e.g. `ShopDB.connect`."""
        self.connect = connect
        conn = connect()
        with conn:
            ensure_schema(conn)

    def __len__(self) -> int:
        return self.connect().execute("SELECT COUNT(*) FROM lexicon_ids").fetchone()[0]

    # ------------------------------------------------------------------ writes
    @staticmethod
    def update(conn: sqlite3.Connection, chunks: Iterable, removed: Iterable[str] = ()) -> None:
        """Index `chunks` (new or changed: their old text goes) and drop the `removed` chunk ids.
        Runs in the caller's transaction (ingest commits it with the chunk table, or not at all)."""
        ensure_schema(conn)
        for cid in removed:
            if Lexicon._drop(conn, cid) is not None:
                conn.execute("DELETE FROM lexicon_ids WHERE chunk_id=?", (cid,))
        for chunk in chunks:
            rowid = Lexicon._drop(conn, chunk.id)
            if rowid is None:
                rowid = conn.execute("INSERT INTO lexicon_ids(chunk_id) VALUES (?)", (chunk.id,)).lastrowid
            conn.execute("INSERT INTO lexicon(rowid, terms) VALUES (?, ?)",
                         (rowid, " ".join(map(_indexed, terms(chunk.text)))))

    @staticmethod
    def _drop(conn: sqlite3.Connection, chunk_id: str) -> int | None:
        """Removes a chunk's text from the index; its rowid (kept for the new text) or None."""
        row = conn.execute("SELECT rowid FROM lexicon_ids WHERE chunk_id=?", (chunk_id,)).fetchone()
        if row is None:
            return None
        conn.execute("DELETE FROM lexicon WHERE rowid=?", row)
        return row[0]

    def rebuild(self, pairs: Iterable[tuple[str, str]]) -> int:
        """Replaces the whole index with `(chunk id, text)` pairs (a store filled by another
        process, or a shop.db from before the index existed); returns how many were indexed."""
        conn = self.connect()
        n = 0
        with conn:
            conn.execute("DELETE FROM lexicon_ids")
            conn.execute("DELETE FROM lexicon")
            for n, (cid, text) in enumerate(pairs, 1):
                rowid = conn.execute("INSERT INTO lexicon_ids(chunk_id) VALUES (?)", (cid,)).lastrowid
                conn.execute("INSERT INTO lexicon(rowid, terms) VALUES (?, ?)",
                             (rowid, " ".join(map(_indexed, terms(text)))))
        return n

    # ------------------------------------------------------------------ reads
    def budgeted(self, query_terms: Sequence[str]) -> list[str]:
        """The terms to look up: rarest first while their postings fit `POSTINGS_BUDGET`."""
        conn = self.connect()
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.lexicon_vocab USING fts5vocab(main, lexicon, row)")
        unique = list(dict.fromkeys(t for t in query_terms if _indexed(t).strip("-.")))
        df = {t: (conn.execute("SELECT doc FROM temp.lexicon_vocab WHERE term = ?", (_indexed(t),)).fetchone() or (0,))[0]
              for t in unique}
        kept, total = [], 0
        for t in sorted(unique, key=lambda t: df[t]):
            total += df[t]
            if total > POSTINGS_BUDGET:
                break
            kept.append(t)
        return [t for t in unique if t in kept]

    def top(self, query_terms: Sequence[str], limit: int) -> dict[str, float]:
        """The `limit` best chunks holding at least one of the terms (repeats count once), best
        first, with their BM25 scores (positive: higher is better). Pass `budgeted` terms."""
        match = _match(query_terms)
        if not match:
            return {}
        rows = self.connect().execute(
            "SELECT i.chunk_id, -bm25(lexicon) FROM lexicon JOIN lexicon_ids i ON i.rowid = lexicon.rowid "
            "WHERE lexicon MATCH ? ORDER BY bm25(lexicon) LIMIT ?", (match, int(limit))).fetchall()
        return dict(rows)

    def mentions(self, term: str) -> bool:
        """Whether any chunk of the shop holds `term` (a stemmed word, as `terms()` gives), or, for a
        long one, a word starting with its first five letters (a shopper's other form or typo:
        "sharpening" finds "sharp", "petitie" finds "petite"): a shop that never mentions a word
        holds no answer about it."""
        conn = self.connect()
        match = _match([term])
        if match and conn.execute("SELECT 1 FROM lexicon WHERE lexicon MATCH ? LIMIT 1", (match,)).fetchone():
            return True
        head = _indexed(term)[:5]
        return len(term) >= 6 and head.isalnum() and conn.execute(
            "SELECT 1 FROM lexicon WHERE lexicon MATCH ? LIMIT 1", (f'"{head}"*',)).fetchone() is not None

    def holds(self, phrase_terms: Sequence[str]) -> bool:
        """Whether any chunk holds these terms in a row (FTS5 phrase query): "storm runner"."""
        phrase = " ".join(_indexed(t) for t in phrase_terms if _indexed(t).strip("-."))
        return bool(phrase) and self.connect().execute(
            "SELECT 1 FROM lexicon WHERE lexicon MATCH ? LIMIT 1", (f'"{phrase}"',)).fetchone() is not None

    def scores(self, query_terms: Sequence[str], ids: Sequence[str] | None = None) -> dict[str, float]:
        """BM25 scores of the chunks in `ids` that hold a term (all such chunks when `ids` is None)."""
        match = _match(query_terms)
        if not match or (ids is not None and not ids):
            return {}
        sql = ("SELECT i.chunk_id, -bm25(lexicon) FROM lexicon JOIN lexicon_ids i ON i.rowid = lexicon.rowid "
               "WHERE lexicon MATCH ?")
        if ids is None:
            return dict(self.connect().execute(sql, (match,)).fetchall())
        out: dict[str, float] = {}
        ids = list(dict.fromkeys(ids))
        for i in range(0, len(ids), 500):  # under SQLite's bound-parameter limit
            part = ids[i: i + 500]
            out.update(self.connect().execute(
                sql + f" AND lexicon.rowid IN (SELECT rowid FROM lexicon_ids WHERE chunk_id IN ({','.join('?' * len(part))}))",
                (match, *part)).fetchall())
        return out


def _match(query_terms: Sequence[str]) -> str:
    """An FTS5 query: any of the terms, each quoted (so "t-shirt" or "and" is a word, not syntax)."""
    unique = dict.fromkeys(_indexed(t) for t in query_terms if _indexed(t).strip("-."))
    return " OR ".join(f'"{t}"' for t in unique)
