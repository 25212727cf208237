"""`shopbot doctor` finds every kind of drift between shop.db and the Chroma store and repairs it."""
import json

import pytest

from chatbot.cli import main
from chatbot.data import doctor
from chatbot.data.shop import Shop
from chatbot.types import Chunk


@pytest.fixture
def shop(settings, e5_embedder, mini_catalog):
    shop = Shop(settings, embedder=e5_embedder)
    shop.ingest(mini_catalog, analytics=False, progress=False)
    return shop


def test_a_clean_ingest_is_consistent(shop):
    report = doctor.check(shop.db, shop.store)
    assert report.ok and report.chunks_listed == report.chunks_in_store == report.chunks_expected == 15


def test_missing_orphan_and_stale_chunks_are_found_and_repaired(shop, e5_embedder):
    shop.store.delete(["P1:card"])  # missing
    ghost = Chunk("P9:card", "P9", "card", "A product no record lists.", {"product_id": "P9", "kind": "card"})
    shop.store.upsert([ghost], e5_embedder.embed_documents([ghost.text]))  # orphan
    old = shop.store.get(["P4:card"])[0]
    shop.store.upsert([Chunk(old.id, "P4", "card", "Old text from another day.", old.metadata)],
                      e5_embedder.embed_documents(["Old text from another day."]))  # stale
    report = doctor.check(shop.db, shop.store)
    assert (report.missing, report.orphans, report.stale) == (["P1:card"], ["P9:card"], ["P4:card"])
    assert not report.ok

    after = doctor.repair(shop.db, shop.store, e5_embedder)
    assert after.ok and after.chunks_in_store == 15
    assert after.repaired == {"orphans_deleted": 1, "chunks_embedded": 2, "stale_deleted": 0}
    assert "Old text" not in shop.store.get(["P4:card"])[0].text


def test_a_chunk_index_row_of_a_deleted_product_is_dropped(shop, e5_embedder):
    conn = shop.db.connect()
    conn.execute("DELETE FROM products WHERE id='P2'")  # as a hand edit would
    conn.commit()
    report = doctor.check(shop.db, shop.store)
    assert "P2:card" in report.orphans
    after = doctor.repair(shop.db, shop.store, e5_embedder)
    assert after.ok and not [c for c in shop.store.get(["P2:card", "P2:desc:0"])]


def test_cli_doctor_exit_codes_and_json(settings, mini_catalog, e5_embedder, monkeypatch, capsys):
    import chatbot.data.embed as embed

    monkeypatch.setattr(embed, "load_embedder", lambda *a, **k: e5_embedder)
    home = ["--home", str(settings.home)]
    assert main(home + ["ingest", str(mini_catalog), "--no-analytics"]) == 0
    assert main(home + ["doctor"]) == 0
    Shop(settings, embedder=e5_embedder).store.delete(["P3:card"])
    capsys.readouterr()
    assert main(home + ["doctor", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["missing"] == ["P3:card"] and report["ok"] is False
    assert main(home + ["doctor", "--repair", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["repaired"]["chunks_embedded"] == 1
