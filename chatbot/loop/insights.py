"""Owner insights: how the bot is doing (log stats, exports), which shoppers are drifting away,
and what to offer whom.

Churn risk is a transparent logistic score on standardised RFM plus sentiment:

    risk = sigmoid( 1.2 * z(recency_days) - 0.6 * z(log(1 + active_days))
                    - 0.4 * z(log(1 + spend)) - 0.5 * sentiment )

- recency_days: days from the shopper's last event to `now` (default: the newest event in the log,
  so a replayed or historical log is scored as of its own end);
- active_days: distinct days with any event (frequency, robust to one long browsing session);
- spend: sum of the catalog prices of their purchases (monetary);
- sentiment in -1..1: the mean of their review ratings mapped (r - 3) / 2, their thumbs up/down on
  chat answers and feedback events (+1/-1), and any per-shopper text sentiment passed in; 0 if none;
- z(x) = (x - mean) / standard deviation over all shoppers scored.
Recency weighs most because a lapse is the churn itself; frequency and spend protect loyal
shoppers; unhappy shoppers leave sooner. Weights are fixed, not fitted, so the ROC-AUC printed on
the demo shop's gold `churned` labels is an honest out-of-sample figure.
"""
from __future__ import annotations

import json
import math
import statistics
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import sqlalchemy as sa

from chatbot.loop.log import EXPORT_TABLES, NullLog, events, feedback, iso, parse_ts, sessions, turns
from chatbot.types import Event, Product

CHURN_WEIGHTS = {"recency": 1.2, "frequency": -0.6, "monetary": -0.4, "sentiment": -0.5}


@dataclass
class ChurnScore:
    user_id: str
    risk: float  # 0..1
    recency_days: float
    active_days: int
    spend: float
    sentiment: float
    driver: str  # the feature pushing the risk up the most, in words

    def to_dict(self) -> dict:
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in asdict(self).items()}


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Probability that a random positive scores above a random negative (ties count half);
    the Mann-Whitney U statistic over average ranks."""
    pairs = sorted(zip(scores, labels, strict=True), key=lambda t: t[0])
    pos = sum(1 for _, y in pairs if y)
    neg = len(pairs) - pos
    if not pos or not neg:
        raise ValueError("ROC-AUC needs both positive and negative labels")
    rank_sum, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        avg_rank = (i + 1 + j) / 2  # ranks i+1..j share their mean
        rank_sum += avg_rank * sum(1 for _, y in pairs[i:j] if y)
        i = j
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)


def _z(values: list[float]) -> list[float]:
    mean = statistics.fmean(values)
    sd = statistics.pstdev(values) or 1.0
    return [(v - mean) / sd for v in values]


def churn_scores(events: Iterable[Event], products: Mapping[str, Product] | Iterable[Product], *,
                 feedback: Mapping[str, Sequence[int]] | None = None,
                 text_sentiment: Mapping[str, float] | None = None,
                 now: str | datetime | None = None) -> list[ChurnScore]:
    """Churn risk for every shopper in `events`, highest risk first."""
    prices = {p.id: p.price for p in (products.values() if isinstance(products, Mapping) else products)}
    users: dict[str, dict] = {}
    for e in events:
        u = users.setdefault(e.user_id, {"last": None, "days": set(), "spend": 0.0, "moods": []})
        ts = parse_ts(e.ts)
        u["last"] = ts if u["last"] is None or ts > u["last"] else u["last"]
        u["days"].add(ts.date())
        if e.action == "purchase":
            u["spend"] += prices.get(e.product_id) or 0.0
        elif e.action == "review" and e.value is not None:
            u["moods"].append(max(-1.0, min(1.0, (e.value - 3) / 2)))
        elif e.action == "feedback" and e.value:
            u["moods"].append(1.0 if e.value > 0 else -1.0)
    if not users:
        return []
    end = parse_ts(now) if now is not None else max(u["last"] for u in users.values())
    ids = sorted(users)
    for uid in ids:
        u = users[uid]
        u["moods"] += [1.0 if v > 0 else -1.0 for v in (feedback or {}).get(uid, ())]
        if text_sentiment and uid in text_sentiment:
            u["moods"].append(float(text_sentiment[uid]))
    recency = [max(0.0, (end - users[uid]["last"]).total_seconds() / 86400) for uid in ids]
    z_rec = _z(recency)
    z_freq = _z([math.log1p(len(users[uid]["days"])) for uid in ids])
    z_mon = _z([math.log1p(users[uid]["spend"]) for uid in ids])
    out = []
    for i, uid in enumerate(ids):
        u = users[uid]
        mood = statistics.fmean(u["moods"]) if u["moods"] else 0.0
        terms = {"recency": CHURN_WEIGHTS["recency"] * z_rec[i],
                 "frequency": CHURN_WEIGHTS["frequency"] * z_freq[i],
                 "monetary": CHURN_WEIGHTS["monetary"] * z_mon[i],
                 "sentiment": CHURN_WEIGHTS["sentiment"] * mood}
        logit = sum(terms.values())
        top = max(terms, key=terms.get)
        driver = {"recency": f"inactive for {recency[i]:.0f} days",
                  "frequency": f"active on only {len(u['days'])} day(s)",
                  "monetary": f"spent only {u['spend']:.2f}",
                  "sentiment": "unhappy in reviews or chats"}[top] if terms[top] > 0 else "engaged"
        out.append(ChurnScore(uid, 1 / (1 + math.exp(-logit)), recency[i], len(u["days"]),
                              round(u["spend"], 2), round(mood, 3), driver))
    out.sort(key=lambda s: (-s.risk, s.user_id))
    return out


def churn_from_log(log, products, *, text_sentiment=None, now=None) -> list[ChurnScore]:
    """`churn_scores` over everything in the interaction log (events and chat feedback)."""
    return churn_scores(log.events(), products, feedback=log.feedback_by_user(),
                        text_sentiment=text_sentiment, now=now)


def offers(scores: Sequence[ChurnScore], recommender, *, threshold: float = 0.5, active_days: float = 14,
           top: int = 20) -> list[dict]:
    """One outreach offer per shopper: a win-back for those at risk (risk >= threshold, riskiest
    first), a cross-sell for active ones (seen within `active_days`, biggest spenders first)."""
    at_risk = [s for s in scores if s.risk >= threshold]
    active = sorted((s for s in scores if s.risk < threshold and s.recency_days <= active_days),
                    key=lambda s: (-s.spend, s.user_id))
    out = []
    for segment, group in (("at-risk", at_risk[:top]), ("active", active[:top])):
        for s in group:
            recs = recommender.recommend(s.user_id, k=1, constraints={"in_stock": True}) or \
                recommender.recommend(s.user_id, k=1)
            if not recs:
                continue
            r = recs[0]
            why = (f"win back ({s.driver}, risk {s.risk:.0%})" if segment == "at-risk"
                   else f"cross-sell to an active shopper (spent {s.spend:.2f})")
            out.append({"user_id": s.user_id, "segment": segment, "risk": round(s.risk, 3),
                        "product_id": r.product_id, "title": r.title, "price": r.price,
                        "why": f"{why}: {r.reason}"})
    return out


# ---------------------------------------------------------------- how the bot is doing

def _p50(latencies: list[dict | None], key: str) -> float | None:
    values = [d[key] for d in latencies if d and d.get(key) is not None]
    return statistics.median(values) if values else None


def log_stats(log, top: int = 10) -> dict[str, Any]:
    """Volumes, refusal and hand-off rates, thumbs, the questions the bot could not answer
    (refused or handed off, grouped ignoring case and spacing), latency p50."""
    with log.reader() as conn:
        n_turns, refused, handoff = conn.execute(sa.select(
            sa.func.count(), sa.func.sum(sa.cast(turns.c.refused, sa.Integer)),
            sa.func.sum(sa.cast(turns.c.handoff, sa.Integer)))).one()
        n_sessions = conn.scalar(sa.select(sa.func.count()).select_from(sessions))
        votes = dict(conn.execute(sa.select(feedback.c.value, sa.func.count()).group_by(feedback.c.value)).all())
        by_action = dict(conn.execute(sa.select(events.c.action, sa.func.count()).group_by(events.c.action)).all())
        unanswered = conn.scalars(sa.select(turns.c.message).where(sa.or_(turns.c.refused, turns.c.handoff))).all()
        lat = conn.scalars(sa.select(turns.c.latencies)).all()
    up, down = votes.get(1, 0), votes.get(-1, 0)
    groups: dict[str, list] = {}
    for msg in unanswered:
        key = " ".join((msg or "").lower().split()).rstrip("?!. ")
        groups.setdefault(key, [msg, 0])[1] += 1
    top_unanswered = sorted(({"question": m, "count": n} for m, n in groups.values()),
                            key=lambda d: (-d["count"], d["question"]))[:top]
    return {
        "turns": n_turns, "sessions": n_sessions,
        "refusal_rate": (refused or 0) / n_turns if n_turns else 0.0,
        "handoff_rate": (handoff or 0) / n_turns if n_turns else 0.0,
        "feedback_up": up, "feedback_down": down,
        "feedback_ratio": up / (up + down) if up + down else None,
        "events": sum(by_action.values()), "events_by_action": by_action,
        "top_unanswered": top_unanswered,
        "latency_p50_s": _p50(lat, "total_s"), "ttft_p50_s": _p50(lat, "ttft_s"),
        **({"disabled": True} if isinstance(log, NullLog) else {}),
    }


def export_log(log, path: str | Path, since: str | datetime | None = None, fmt: str = "jsonl") -> dict[str, int]:
    """Turns, feedback and events at or after `since` in one file, each
    row with a `table` field; JSON columns nested in JSONL, as JSON text in Parquet."""
    if fmt not in ("jsonl", "parquet"):
        raise ValueError(f"format must be jsonl or parquet, got {fmt!r}")
    rows: list[dict] = []
    counts = {}
    with log.reader() as conn:
        for name, table in EXPORT_TABLES.items():
            q = sa.select(table).order_by(table.c.id)
            if since is not None:
                q = q.where(table.c.ts >= parse_ts(since))
            part = [{"table": name, **r} for r in conn.execute(q).mappings()]
            counts[name] = len(part)
            rows += part
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        _write_parquet(path, rows)
    else:
        with path.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps({**row, "ts": iso(row["ts"])}, ensure_ascii=False) + "\n")
    return counts


def _json_columns(table: str) -> list[str]:
    return [c.name for c in EXPORT_TABLES[table].columns if isinstance(c.type, sa.JSON)]


def _parquet_schema():
    """One schema for every exported table: the union of their columns (others' are null)."""
    import pyarrow as pa

    kinds = {sa.Integer: pa.int64(), sa.Float: pa.float64(), sa.Boolean: pa.bool_(),
             sa.DateTime: pa.timestamp("us", tz="UTC")}
    fields: dict[str, Any] = {"table": pa.string()}
    for table in EXPORT_TABLES.values():
        for col in table.columns:
            kind = next((t for k, t in kinds.items() if isinstance(col.type, k)), pa.string())
            if fields.get(col.name) in (pa.int64(), pa.float64()) and kind in (pa.int64(), pa.float64()):
                kind = pa.float64()  # feedback.value is an int, events.value a float
            fields[col.name] = kind
    return pa.schema(list(fields.items()))


def _write_parquet(path: Path, rows: list[dict]) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is in the test extra
        from chatbot.errors import ConfigError
        raise ConfigError("parquet export needs pyarrow: pip install 'shopbot[parquet]'") from exc
    out = []
    for row in rows:
        row = {**row, "ts": row["ts"].replace(tzinfo=timezone.utc)}
        for col in _json_columns(row["table"]):  # nested JSON of varying shape: keep it as text
            row[col] = None if row[col] is None else json.dumps(row[col], ensure_ascii=False)
        out.append(row)
    pq.write_table(pa.Table.from_pylist(out, schema=_parquet_schema()), path)


def read_export(path: str | Path) -> list[dict]:
    """Read back what `export_log` wrote (JSONL or Parquet): rows with their own table's columns."""
    path = Path(path)
    if path.suffix != ".parquet":
        with path.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    import pyarrow.parquet as pq

    rows = []
    for row in pq.read_table(path).to_pylist():
        name = row["table"]
        clean = {"table": name, **{c.name: row[c.name] for c in EXPORT_TABLES[name].columns}}
        for col in _json_columns(name):
            clean[col] = None if clean[col] is None else json.loads(clean[col])
        clean["ts"] = iso(clean["ts"].astimezone(timezone.utc).replace(tzinfo=None))
        if name == "feedback":  # the shared `value` column is a float
            clean["value"] = int(clean["value"])
        rows.append(clean)
    return rows
