"""Read a shop's interactions file (`shopbot events import`) and import it safely.

Every line is checked first (`file:line: field: problem`, as for catalogs: encodings, sizes, types);
any bad line imports nothing. The import is one transaction, and it skips events already stored
(same user, product, action, time, session and value, counted with multiplicity), so a run that
was interrupted, or killed just after its commit, can simply be run again: the log converges to
exactly the file's events, never twice.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from chatbot.data.rows import Row, iter_rows, label
from chatbot.errors import NotFound, ValidationError
from chatbot.types import ACTIONS, Event


def read_events(path: Path) -> list[Event]:
    """Parse and check every line; raise ValidationError listing all problems before anything
    is written."""
    from chatbot.loop.log import parse_ts

    path = Path(path)
    if not path.is_file():
        raise NotFound(f"{path}: no such file")
    problems: list[str] = []
    out = []
    for number, row, problem in iter_rows(path):
        where = f"{path}:{number}"
        if problem:
            problems.append(f"{where}: {label(problem)}: {problem}")
            continue
        before = len(problems)
        r = Row(row, where, problems)
        user_id, product_id = r.text("user_id", required=True), r.text("product_id", required=True)
        action, ts, value = r.text("action", required=True), r.text("ts", required=True), r.number("value")
        if action and action not in ACTIONS:
            r.bad("action", f"{action[:40]!r} is not one of {', '.join(ACTIONS)}")
        if ts:
            try:
                parse_ts(ts)
            except (ValueError, OverflowError):
                r.bad("ts", f"{ts[:40]!r} is not an ISO 8601 time")
        if len(problems) == before:
            out.append(Event(user_id=user_id, product_id=product_id, action=action, ts=ts,
                             session_id=r.text("session_id") or None, value=value))
    if problems:
        raise ValidationError(problems + [f"{path}: nothing imported; fix the lines above and run again"])
    return out


def _key(event: Event) -> tuple:
    from chatbot.loop.log import parse_ts

    value = None if event.value is None else float(event.value)
    return (event.user_id, event.product_id, event.action, parse_ts(event.ts), event.session_id or None, value)


def import_events(log, events: list[Event]) -> tuple[int, int]:
    """Store the events not stored yet; return (imported, already stored)."""
    stored: Counter = Counter()
    for user in sorted({e.user_id for e in events}):
        stored.update(_key(e) for e in log.events(user_id=user))
    todo = []
    for event in events:
        key = _key(event)
        if stored[key] > 0:
            stored[key] -= 1
        else:
            todo.append(event)
    n = log.log_events(todo)  # one transaction
    return n, len(events) - n
