"""Shop events from a file (`shopbot events import`, the eval's interactions): every line checked
before anything is written."""
from __future__ import annotations

from pathlib import Path

from chatbot.data.catalog import _Row, iter_rows
from chatbot.errors import NotFound, ValidationError
from chatbot.loop.log import parse_ts
from chatbot.types import ACTIONS, Event


def read_events(path: Path) -> list:
    """Parse and check every line of an interactions file; raise ValidationError listing all
    problems (`file:line: field: problem`) before anything is written."""
    if not path.is_file():
        raise NotFound(f"{path}: no such file")
    problems: list[str] = []
    out = []
    for number, row, problem in iter_rows(path):
        where = f"{path}:{number}"
        if problem:
            problems.append(f"{where}: line: {problem}")
            continue
        before = len(problems)
        r = _Row(row, where, problems)
        user_id, product_id = r.text("user_id", required=True), r.text("product_id", required=True)
        action, ts, value = r.text("action", required=True), r.text("ts", required=True), r.number("value")
        if action and action not in ACTIONS:
            r.bad("action", f"{action!r} is not one of {', '.join(ACTIONS)}")
        if ts:
            try:
                parse_ts(ts)
            except ValueError:
                r.bad("ts", f"{ts!r} is not an ISO 8601 time")
        if len(problems) == before:
            out.append(Event(user_id=user_id, product_id=product_id, action=action, ts=ts,
                             session_id=r.text("session_id") or None, value=value))
    if problems:
        raise ValidationError(problems + [f"{path}: nothing imported; fix the lines above and run again"])
    return out
