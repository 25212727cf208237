"""Read and validate catalog files, and keep the shop's records in SQLite (`shop.db`).

Catalog folder: `products`, `reviews` and `product_qa` as `.jsonl` or `.csv` (same columns; in CSV,
`features` is a JSON list or `|`-separated, `attributes` a JSON object). Every line is checked;
problems read `file:line: field: problem`.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

from chatbot.data.rows import Row as _Row, iter_rows, label  # noqa: F401 - iter_rows: a public name here
from chatbot.data.schema import migrate
from chatbot.errors import NotFound, ValidationError
from chatbot.text import detect_lang
from chatbot.types import Product, QAPair, Review

KINDS = {"products": Product, "reviews": Review, "product_qa": QAPair}
ALIASES = {"qa": "product_qa", "questions_answers": "product_qa"}


@dataclass
class Catalog:
    products: list[Product] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    qa: list[QAPair] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # kind -> file read


def _parse_product(r: _Row) -> Product:
    return Product(
        id=r.text("id", required=True),
        title=r.text("title"),
        brand=r.text("brand"),
        category=r.text("category"),
        price=r.number("price", lo=0),
        currency=r.text("currency") or "USD",
        in_stock=r.boolean("in_stock"),
        description=r.text("description"),
        features=r.json_field("features", list),
        attributes=r.json_field("attributes", dict),
    )


def _parse_review(r: _Row) -> Review:
    rating = r.number("rating", lo=1, hi=5)
    text = r.text("text", required=True)
    lang = r.text("lang") or (detect_lang(text) if text else None)
    return Review(
        id=r.text("id", required=True),
        product_id=r.text("product_id", required=True),
        text=text,
        rating=int(round(rating)) if rating is not None else None,
        lang=lang,
        user_id=r.text("user_id") or None,
        date=r.text("date") or None,
    )


def _parse_qa(r: _Row) -> QAPair:
    qa = QAPair(
        id=r.text("id", required=True),
        product_id=r.text("product_id", required=True),
        question=r.text("question"),
        answer=r.text("answer"),
    )
    if not qa.question and not qa.answer:
        r.bad("answer", "a Q&A pair needs a question or an answer")
    return qa


PARSERS = {"products": _parse_product, "reviews": _parse_review, "product_qa": _parse_qa}


def find_files(folder: Path) -> dict[str, Path]:
    folder = Path(folder)
    if not folder.is_dir():
        raise NotFound(f"{folder}: no such folder; pass the folder holding products.jsonl (or .csv)")
    found: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".jsonl", ".csv"):
            continue
        kind = ALIASES.get(path.stem, path.stem)
        if kind in KINDS:
            if kind in found:
                raise ValidationError(f"{path}:1: file: {found[kind].name} already holds {kind}; keep one of the two")
            found[kind] = path
    if not found:
        raise ValidationError(f"{folder}: no products.jsonl, reviews.jsonl or product_qa.jsonl (or .csv) found")
    return found


def read_catalog(folder: Path | str, known_products: Iterable[str] = ()) -> Catalog:
    """Parse every line; bad lines are left out and listed in `problems`."""
    files = find_files(Path(folder))
    catalog = Catalog(files=files)
    target = {"products": catalog.products, "reviews": catalog.reviews, "product_qa": catalog.qa}
    where_of: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}  # kind -> id -> file:line
    for kind in ("products", "reviews", "product_qa"):
        if kind not in files:
            continue
        path, seen = files[kind], {}
        lines = where_of[kind]
        for number, row, problem in iter_rows(path):
            where = f"{path}:{number}"
            if problem:
                catalog.problems.append(f"{where}: {label(problem)}: {problem}")
                continue
            before = len(catalog.problems)
            record = PARSERS[kind](_Row(row, where, catalog.problems))
            if record.id and record.id in seen:
                catalog.problems.append(f"{where}: id: {record.id!r} already used on line {seen[record.id]}")
            if len(catalog.problems) == before:
                seen[record.id] = number
                lines[record.id] = where
                target[kind].append(record)
    product_ids = {p.id for p in catalog.products} | set(known_products)
    for kind, records in (("reviews", catalog.reviews), ("product_qa", catalog.qa)):
        kept = []
        for record in records:
            if record.product_id in product_ids:
                kept.append(record)
            else:
                catalog.problems.append(f"{where_of[kind][record.id]}: product_id: unknown product "
                                        f"{record.product_id!r} (not in the products file nor in the store)")
        records[:] = kept
    return catalog


# ---------------------------------------------------------------- shop.db

def _dump(record) -> str:
    return json.dumps(asdict(record), ensure_ascii=False, sort_keys=True)


class ShopDB:
    """The shop's records (products, reviews, Q&A) and which chunks are in the vector store."""

    def __init__(self, path: Path | str):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        migrate(self.connect())  # chatbot/data/schema.py owns every table of shop.db

    def connect(self) -> sqlite3.Connection:
        """One connection per thread; WAL so readers never block the writer."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
        return conn

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # reads
    def products(self) -> list[Product]:
        rows = self.connect().execute("SELECT data FROM products ORDER BY id").fetchall()
        products = [Product(**json.loads(data)) for (data,) in rows]
        self._fill_ratings(products)
        return products

    def product(self, product_id: str) -> Product | None:
        row = self.connect().execute("SELECT data FROM products WHERE id=?", (product_id,)).fetchone()
        if not row:
            return None
        product = Product(**json.loads(row[0]))
        self._fill_ratings([product])
        return product

    def product_ids(self) -> set[str]:
        return {pid for (pid,) in self.connect().execute("SELECT id FROM products")}

    def reviews(self, product_id: str | None = None) -> list[Review]:
        sql, args = "SELECT data FROM reviews", ()
        if product_id is not None:
            sql, args = sql + " WHERE product_id=?", (product_id,)
        return [Review(**json.loads(d)) for (d,) in self.connect().execute(sql + " ORDER BY id", args)]

    def qa(self, product_id: str | None = None) -> list[QAPair]:
        sql, args = "SELECT data FROM qa", ()
        if product_id is not None:
            sql, args = sql + " WHERE product_id=?", (product_id,)
        return [QAPair(**json.loads(d)) for (d,) in self.connect().execute(sql + " ORDER BY id", args)]

    def counts(self) -> dict[str, int]:
        conn = self.connect()
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("products", "reviews", "qa", "chunks")}

    def _fill_ratings(self, products: list[Product]) -> None:
        stats = dict(
            (pid, (avg, n))
            for pid, avg, n in self.connect().execute(
                "SELECT product_id, AVG(json_extract(data,'$.rating')), COUNT(*) FROM reviews GROUP BY product_id"
            )
        )
        for p in products:
            avg, n = stats.get(p.id, (None, 0))
            p.rating = round(avg, 2) if avg is not None else None
            p.review_count = n

    # writes (the caller owns the transaction: see ingest.py)
    def upsert(self, conn: sqlite3.Connection, catalog: Catalog) -> set[str]:
        """Write records; return the ids of products whose data changed (new ones included)."""
        import hashlib

        changed: set[str] = set()
        for p in catalog.products:
            data = _dump(p)
            digest = hashlib.sha1(data.encode()).hexdigest()
            old = conn.execute("SELECT hash FROM products WHERE id=?", (p.id,)).fetchone()
            if not old or old[0] != digest:
                conn.execute("INSERT OR REPLACE INTO products VALUES (?,?,?)", (p.id, data, digest))
                changed.add(p.id)
        for table, records in (("reviews", catalog.reviews), ("qa", catalog.qa)):
            for r in records:
                data = _dump(r)
                old = conn.execute(f"SELECT data, product_id FROM {table} WHERE id=?", (r.id,)).fetchone()
                if not old or old[0] != data:
                    conn.execute(f"INSERT OR REPLACE INTO {table} VALUES (?,?,?)", (r.id, r.product_id, data))
                    changed.add(r.product_id)
                    if old and old[1] != r.product_id:
                        changed.add(old[1])
        return changed

    def delete_products(self, conn: sqlite3.Connection, ids: Iterable[str]) -> None:
        for pid in ids:
            for table, col in (("products", "id"), ("reviews", "product_id"), ("qa", "product_id"), ("chunks", "product_id")):
                conn.execute(f"DELETE FROM {table} WHERE {col}=?", (pid,))

    def chunk_hashes(self, product_id: str) -> dict[str, str]:
        return dict(self.connect().execute("SELECT id, hash FROM chunks WHERE product_id=?", (product_id,)))

    def to_jsonable(self, product: Product) -> dict[str, Any]:
        return asdict(product)
