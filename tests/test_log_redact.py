"""Redaction: personal data out, shop data (prices, sizes, years, ids) in."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from chatbot.loop.log import InteractionLog
from chatbot.loop.redact import luhn_ok, redact
from chatbot.types import Event, Reply


@pytest.mark.parametrize("text, expected", [
    ("write to jane.doe+shop@example.co.uk please", "write to [email] please"),
    ("call +44 20 7946 0958 today", "call [phone] today"),
    ("call +1 (555) 123-4567", "call [phone]"),
    ("my number is (555) 123-4567", "my number is [phone]"),
    ("ring 555.123.4567", "ring [phone]"),
    ("UK mobile 07700 900123", "UK mobile [phone]"),
    ("手机13812345678", "手机[phone]"),
    ("mobile +86 138 1234 5678", "mobile [phone]"),
    ("card 4111 1111 1111 1111 exp 12/27", "card [card] exp 12/27"),
    ("visa:4242-4242-4242-4242,thanks", "visa:[card],thanks"),
    ("amex 378282246310005", "amex [card]"),
    ("ship to 12 Baker Street, London", "ship to [address], London"),
    ("221B Baker St. please", "[address] please"),
    ("1600 Pennsylvania Avenue NW", "[address] NW"),
    ("寄到北京市朝阳区建国路88号", "寄到[address]"),
    ("我住在中山路12号3楼", "我住在[address]"),
    ("mon portable 06 12 34 56 78 ou +33 6 12 34 56 78", "mon portable [phone] ou [phone]"),
    ("refund to DE89 3704 0044 0532 0130 00 please", "refund to [iban] please"),
    ("IBAN GB29NWBK60161331926819.", "IBAN [iban]."),
    ("FR14 2004 1010 0505 0001 3M02 606", "[iban]"),
    ("I live at 42 rue de Rivoli, Paris", "I live at [address], Paris"),
    ("Lieferadresse: Hauptstraße 5, 10115 Berlin", "Lieferadresse: [address], 10115 Berlin"),
    ("send it to Berliner Straße 12a", "send it to [address]"),
])
def test_redacts_personal_data(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "Is the $129.99 price final?",
    "Do you have size 10.5 in the Trail Runner?",
    "I bought it in 2023 and again in 2024",
    "product P00123 and B07XJ8C8F5, SKU-12345",
    "order 1234 5678 9012 3456 has not arrived",  # 16 digits but fails Luhn: not a card
    "delivered 2024-05-01, costs ¥1,299.00 or €45.00",
    "3 kids on the way, need 2 Pack 10 Inch plates",
    "iPhone 15 Pro Max 256GB for 1199 USD",
    "这款鞋子42码多少钱？",
    "model AB12CDEF3456 and GB00 NWBK 6016 1331 9268 19",  # IBAN-shaped, fails mod 97
    "delivered 06.12.2024, 2 pairs for 29.99",
    "I walk 5 km a day on the way to work",
    "",
])
def test_leaves_shop_data_alone(text):
    assert redact(text) == text


def test_luhn():
    assert luhn_ok("4111111111111111") and luhn_ok("378282246310005")
    assert not luhn_ok("1234567890123456")


def test_log_writes_only_redacted_text(tmp_path):
    log = InteractionLog(f"sqlite:///{tmp_path / 'log.db'}")
    reply = Reply(answer="We'll call +44 20 7946 0958.", query="email bob@example.com",
                  handoff=True, handoff_reason="customer at 12 Baker Street")
    tid = log.log_turn("s", "u", "I'm bob@example.com, card 4111 1111 1111 1111", reply)
    log.log_feedback(tid, -1, "call me on 13812345678")
    log.log_event(Event("u", "P1", "review", value=5, extra={"note": "from bob@example.com"}))
    log.close()
    raw = (tmp_path / "log.db").read_bytes() + (tmp_path / "log.db-wal").read_bytes() \
        if (tmp_path / "log.db-wal").exists() else (tmp_path / "log.db").read_bytes()
    for secret in (b"bob@example.com", b"4111 1111", b"7946 0958", b"Baker Street", b"13812345678"):
        assert secret not in raw
    log = InteractionLog(f"sqlite:///{tmp_path / 'log.db'}")
    with log.engine.connect() as conn:
        message, answer = conn.execute(sa.text("SELECT message, answer FROM turns")).one()
    assert message == "I'm [email], card [card]" and answer == "We'll call [phone]."
