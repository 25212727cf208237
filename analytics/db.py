"""The `review_analysis` and `review_aspect_*` tables of the shop's SQLite file (their schema is
chatbot/data/schema.py's): reading and writing rows. Persistence only: no analyzer is imported here."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Iterable, Sequence

from chatbot.data.schema import migrate

from .records import ReviewAnalysis

def connect(target) -> sqlite3.Connection:
    """A connection from a connection, a path, or anything with `.connect()` (ShopDB)."""
    if isinstance(target, sqlite3.Connection):
        conn = target
    elif hasattr(target, "connect"):
        conn = target.connect()
    else:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(target))
    migrate(conn)  # the tables are chatbot/data/schema.py's, with shop.db's others
    return conn


def _row_to_analysis(row) -> ReviewAnalysis:
    rid, pid, thash, lang, sentiment, score, aspects, kws, rating, _model = row
    return ReviewAnalysis(review_id=rid, product_id=pid, lang=lang or "", sentiment=sentiment, score=score,
                          aspects=json.loads(aspects), keywords=json.loads(kws), text_hash=thash, rating=rating)


def _select(conn, where: str = "", args: Sequence = ()) -> list[tuple[ReviewAnalysis, str]]:
    rows = conn.execute(f"SELECT * FROM review_analysis {where} ORDER BY review_id", list(args))
    return [(_row_to_analysis(r), r[-1]) for r in rows]


def by_ids(conn, ids: Sequence[str]) -> list[tuple[ReviewAnalysis, str]]:
    """(analysis, model id) of the stored reviews among `ids`."""
    out = []
    for i in range(0, len(ids), 500):  # SQLite caps the number of ? parameters
        part = ids[i : i + 500]
        out += _select(conn, f"WHERE review_id IN ({','.join('?' * len(part))})", part)
    return out


def load_analyses(conn, product_id: str | None = None, review_ids: Iterable[str] | None = None) -> list[ReviewAnalysis]:
    """Stored analyses: all, one product's, or those of the given review ids (rows of reviews
    deleted from the shop stay until their id is reused, so pass the current ids)."""
    conn = connect(conn)
    if review_ids is not None:
        rows = by_ids(conn, list(dict.fromkeys(review_ids)))
        rows = [r for r in rows if product_id is None or r[0].product_id == product_id]
    else:
        rows = _select(conn, "WHERE product_id=?", [product_id]) if product_id is not None else _select(conn)
    return [a for a, _ in rows]


def load_discovered(conn) -> dict[str, list[tuple[str, int]]]:
    found: dict[str, list[tuple[str, int]]] = {}
    for category, term, n in connect(conn).execute(
        "SELECT category, term, reviews FROM review_aspect_terms ORDER BY category, reviews DESC, term"
    ):
        found.setdefault(category, []).append((term, n))
    return found


def load_groups(conn) -> dict[str, list[tuple[str, list[str]]]]:
    """category -> [(aspect, member terms)] of the discovered aspects (a term alone where an
    older run stored no members)."""
    conn = connect(conn)
    members: dict[tuple[str, str], list[str]] = {}
    for category, aspect, member in conn.execute(
            "SELECT category, aspect, member FROM review_aspect_members ORDER BY rowid"):
        members.setdefault((category, aspect), []).append(member)
    return {category: [(t, members.get((category, t), [t])) for t, _ in terms]
            for category, terms in load_discovered(conn).items()}


def save_terms(conn, category: str, terms: Sequence[tuple[str, int]],
               groups: Sequence[tuple[str, Sequence[str]]] = ()) -> None:
    conn.execute("DELETE FROM review_aspect_terms WHERE category=?", (category,))
    conn.execute("DELETE FROM review_aspect_members WHERE category=?", (category,))
    conn.executemany("INSERT INTO review_aspect_terms VALUES (?,?,?)", [(category, t, n) for t, n in terms])
    conn.executemany("INSERT OR IGNORE INTO review_aspect_members VALUES (?,?,?)",
                     [(category, name, m) for name, members in groups for m in members])


def save_analyses(conn, analyses: Iterable[ReviewAnalysis], model: str) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO review_analysis VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(a.review_id, a.product_id, a.text_hash, a.lang, a.sentiment, a.score,
          json.dumps(a.aspects, ensure_ascii=False), json.dumps(a.keywords, ensure_ascii=False),
          a.rating, model) for a in analyses],
    )


def update_rating(conn, analysis: ReviewAnalysis, rating, product_id: str) -> None:
    conn.execute("UPDATE review_analysis SET rating=?, product_id=? WHERE review_id=?",
                 (rating, product_id, analysis.review_id))
    analysis.rating, analysis.product_id = rating, product_id


def product_sentiment(conn) -> dict[str, float]:
    """Share of each product's analysed reviews that are positive (0..1), for ranking."""
    rows = connect(conn).execute(
        "SELECT product_id, AVG(sentiment = 'positive') FROM review_analysis GROUP BY product_id")
    return {pid: round(float(share), 4) for pid, share in rows}
