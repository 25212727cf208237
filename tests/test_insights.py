"""Owner insights: churn score ordering, ROC-AUC, outreach offers, the CLI."""
from __future__ import annotations

import json
from datetime import date

import pytest

from chatbot.loop.insights import churn_from_log, churn_scores, offers, roc_auc
from chatbot.loop.log import InteractionLog
from chatbot.loop.recommend import Recommender
from chatbot.types import Event, Product

PRODUCTS = [Product("A", "Trail Runner", category="Shoes", price=120.0, in_stock=True, rating=4.5, review_count=10),
            Product("B", "Socks", category="Socks", price=10.0, in_stock=True),
            Product("C", "Coffee", category="Coffee & Tea", price=15.0, in_stock=True)]


def _events():
    evs = []
    # active: buys every week, January to July 8, happy reviews
    for week in range(1, 27):
        day = f"2024-{1 + (week - 1) // 4:02d}-{1 + 7 * ((week - 1) % 4):02d}"
        evs += [Event("active", "A", "view", day), Event("active", "C", "purchase", day)]
    evs.append(Event("active", "A", "review", "2024-06-20", value=5))
    # churner: a little browsing in January, one cheap purchase, an unhappy review, then nothing
    evs += [Event("churner", "B", "view", "2024-01-03"), Event("churner", "B", "purchase", "2024-01-04"),
            Event("churner", "B", "review", "2024-01-10", value=1)]
    # middling: active until April
    evs += [Event("middle", "A", "view", f"2024-0{m}-10") for m in range(1, 5)]
    evs.append(Event("middle", "A", "purchase", "2024-04-11"))
    return evs


def test_churner_scores_above_active_shopper():
    scores = {s.user_id: s for s in churn_scores(_events(), PRODUCTS)}
    assert scores["churner"].risk > scores["middle"].risk > scores["active"].risk
    c = scores["churner"]
    assert c.active_days == 3 and c.spend == 10.0 and c.sentiment == -1.0
    # From the churner's last event to the newest event in the log (the active shopper's, July 8).
    assert c.recency_days == (date(2024, 7, 8) - date(2024, 1, 10)).days
    assert c.driver.startswith("inactive for")
    assert scores["active"].driver == "engaged" and scores["active"].sentiment == 1.0
    # Ordered riskiest first.
    assert [s.user_id for s in churn_scores(_events(), PRODUCTS)] == ["churner", "middle", "active"]


def test_sentiment_moves_risk():
    base = {s.user_id: s.risk for s in churn_scores(_events(), PRODUCTS)}
    upset = {s.user_id: s.risk for s in churn_scores(_events(), PRODUCTS, feedback={"middle": [-1, -1]})}
    assert upset["middle"] > base["middle"]


def test_now_parameter_and_empty():
    later = {s.user_id: s for s in churn_scores(_events(), PRODUCTS, now="2024-12-31")}
    assert later["active"].recency_days > 150
    assert churn_scores([], PRODUCTS) == []


def test_roc_auc_by_hand():
    assert roc_auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) == pytest.approx(0.75)
    assert roc_auc([0.5, 0.5], [True, False]) == pytest.approx(0.5)
    assert roc_auc([0.9, 0.8, 0.1], [1, 1, 0]) == 1.0
    with pytest.raises(ValueError):
        roc_auc([0.1, 0.2], [1, 1])


def test_offers_win_back_and_cross_sell():
    log = InteractionLog("sqlite://")
    log.log_events(_events())
    scores = churn_from_log(log, PRODUCTS)
    rows = offers(scores, Recommender(PRODUCTS, log), threshold=0.5, active_days=14)
    by_user = {r["user_id"]: r for r in rows}
    assert by_user["churner"]["segment"] == "at-risk" and by_user["churner"]["why"].startswith("win back")
    assert by_user["active"]["segment"] == "active" and "cross-sell" in by_user["active"]["why"]
    assert by_user["churner"]["product_id"] != "B"  # socks were bought, not consumable


def test_insights_cli(tmp_path, monkeypatch, capsys):
    from chatbot.data.catalog import Catalog, ShopDB
    from chatbot.cli import main

    for var in ("SHOPBOT_DB_URL", "SHOPBOT_LOG"):
        monkeypatch.delenv(var, raising=False)
    home = tmp_path / "home"
    db = ShopDB(home / "shop.db")
    db.upsert(db.connect(), Catalog(products=PRODUCTS))
    db.connect().commit()
    db.close()
    InteractionLog(f"sqlite:///{home / 'log.db'}").log_events(_events())
    gold = tmp_path / "users.jsonl"
    gold.write_text("\n".join(json.dumps({"user_id": u, "churned": u == "churner"})
                              for u in ("churner", "middle", "active")))
    assert main(["--home", str(home), "insights", "churn", "--json", "--gold", str(gold)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["roc_auc"] == 1.0 and out["users"][0]["user_id"] == "churner"
    assert main(["--home", str(home), "insights", "churn", "--gold", str(gold)]) == 0
    assert "ROC-AUC" in capsys.readouterr().out
    assert main(["--home", str(home), "insights", "offers", "--json"]) == 0
    assert {r["segment"] for r in json.loads(capsys.readouterr().out)} == {"at-risk", "active"}
