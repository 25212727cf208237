"""Read and validate catalog files, and keep the shop's records in SQLite (`shop.db`).

Catalog folder: `products`, `reviews` and `product_qa` as `.jsonl` or `.csv` (same columns; in CSV,
`features` is a JSON list or `|`-separated, `attributes` a JSON object). Every line is checked;
problems read `file:line: field: problem`.
"""
from __future__ import annotations

import csv
import json
import sqlite3
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from chatbot.errors import NotFound, ValidationError
from chatbot.types import Product, QAPair, Review
from chatbot.text import detect_lang

KINDS = {"products": Product, "reviews": Review, "product_qa": QAPair}
ALIASES = {"qa": "product_qa", "questions_answers": "product_qa"}
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f", ""}


@dataclass
class Catalog:
    products: list[Product] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    qa: list[QAPair] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # kind -> file read


def iter_rows(path: Path) -> Iterator[tuple[int, dict | None, str | None]]:
    """Yield (line number, row, problem) from a JSONL or CSV file."""
    if path.suffix.lower() == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            for row in reader:
                yield reader.line_num, {k: v for k, v in row.items() if k is not None}, None
        return
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, None, f"not valid JSON ({exc.msg} at column {exc.colno})"
                continue
            if not isinstance(row, dict):
                yield number, None, "expected a JSON object"
                continue
            yield number, row, None


class _Row:
    """Field accessors that collect `field: problem` messages instead of raising."""

    def __init__(self, row: dict, where: str, problems: list[str]):
        self.row, self.where, self.problems = row, where, problems

    def bad(self, name: str, problem: str) -> None:
        self.problems.append(f"{self.where}: {name}: {problem}")

    def text(self, name: str, required: bool = False) -> str:
        value = self.row.get(name)
        if value is None or value == "":
            if required:
                self.bad(name, "required, missing or empty")
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            self.bad(name, f"expected text, got {type(value).__name__}")
            return ""
        return value.strip()

    def number(self, name: str, lo: float | None = None, hi: float | None = None) -> float | None:
        value = self.row.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                value = float(value.replace(",", "").lstrip("$¥€£"))
            except ValueError:
                self.bad(name, f"expected a number, got {value!r}")
                return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            self.bad(name, f"expected a number, got {value!r}")
            return None
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            self.bad(name, f"{value} is outside {lo}..{hi}")
            return None
        return float(value)

    def boolean(self, name: str) -> bool | None:
        value = self.row.get(name)
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE if value.strip() else None
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        self.bad(name, f"expected true or false, got {value!r}")
        return None

    def json_field(self, name: str, kind: type):
        value = self.row.get(name)
        if value in (None, ""):
            return kind()
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                if kind is list:  # CSV convenience: a|b|c
                    return [part.strip() for part in value.split("|") if part.strip()]
                self.bad(name, "expected a JSON object")
                return kind()
        if not isinstance(value, kind):
            self.bad(name, f"expected a {'list' if kind is list else 'JSON object'}, got {type(value).__name__}")
            return kind()
        if kind is list:
            if not all(isinstance(v, str) for v in value):
                self.bad(name, "expected a list of strings")
                return [str(v) for v in value]
        else:
            for key, item in value.items():
                if not isinstance(item, (str, int, float, bool, list)):
                    self.bad(name, f"attribute {key!r} must be text, a number, true/false or a list")
        return value


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
                raise ValidationError(f"{path}: both {found[kind].name} and {path.name} hold {kind}; keep one")
            found[kind] = path
    if not found:
        raise ValidationError(f"{folder}: no products.jsonl, reviews.jsonl or product_qa.jsonl (or .csv) found")
    return found


def read_catalog(folder: Path | str, known_products: Iterable[str] = ()) -> Catalog:
    """Parse every line; bad lines are left out and listed in `problems`."""
    files = find_files(Path(folder))
    catalog = Catalog(files=files)
    target = {"products": catalog.products, "reviews": catalog.reviews, "product_qa": catalog.qa}
    for kind in ("products", "reviews", "product_qa"):
        if kind not in files:
            continue
        path, seen = files[kind], {}
        for number, row, problem in iter_rows(path):
            where = f"{path}:{number}"
            if problem:
                catalog.problems.append(f"{where}: line: {problem}")
                continue
            before = len(catalog.problems)
            record = PARSERS[kind](_Row(row, where, catalog.problems))
            if record.id and record.id in seen:
                catalog.problems.append(f"{where}: id: {record.id!r} already used on line {seen[record.id]}")
            if len(catalog.problems) == before:
                seen[record.id] = number
                target[kind].append(record)
    product_ids = {p.id for p in catalog.products} | set(known_products)
    for kind, records in (("reviews", catalog.reviews), ("product_qa", catalog.qa)):
        kept = []
        for record in records:
            if record.product_id in product_ids:
                kept.append(record)
            else:
                catalog.problems.append(
                    f"{files[kind]}: id {record.id}: product_id: unknown product {record.product_id!r}"
                )
        records[:] = kept
    return catalog


# ---------------------------------------------------------------- shop.db

_SCHEMA = """
CREATE TABLE IF NOT EXISTS products (id TEXT PRIMARY KEY, data TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reviews (id TEXT PRIMARY KEY, product_id TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS reviews_product ON reviews(product_id);
CREATE TABLE IF NOT EXISTS qa (id TEXT PRIMARY KEY, product_id TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS qa_product ON qa(product_id);
CREATE TABLE IF NOT EXISTS chunks (id TEXT PRIMARY KEY, product_id TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_product ON chunks(product_id);
"""


def _dump(record) -> str:
    return json.dumps(asdict(record), ensure_ascii=False, sort_keys=True)


class ShopDB:
    """The shop's records (products, reviews, Q&A) and which chunks are in the vector store."""

    def __init__(self, path: Path | str):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self.connect() as conn:
            conn.executescript(_SCHEMA)

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
