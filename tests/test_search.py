"""Whole-catalog search: products ranked by the learned fusion, evidence laid out per product,
and hit scores on the assistant's threshold scale. Real Chroma, real FTS5, the real e5 embedder."""
import json

import pytest

from chatbot.data import ranking
from chatbot.data.search import Retriever, _cosine, words
from chatbot.data.shop import Shop


@pytest.fixture
def shop(settings, e5_embedder, mini_catalog):
    shop = Shop(settings, embedder=e5_embedder)
    shop.ingest(mini_catalog, analytics=False, progress=False)
    return shop


def _fusion(tmp_path, chunk=None, product=None, per_product=2):
    data = {"per_product": per_product, "candidates": 50,
            "chunk": {"weights": {f: 0.0 for f in ranking.CHUNK_FEATURES} | (chunk or {})},
            "product": {"weights": {f: 0.0 for f in ranking.PRODUCT_FEATURES} | (product or {})}}
    path = tmp_path / f"fusion-{len(list(tmp_path.glob('fusion-*')))}.json"
    path.write_text(json.dumps(data))
    return path


def test_products_are_ranked_by_the_weights_then_laid_out_per_product(shop, tmp_path):
    query = "zeppelin battery"
    vector = shop.embedder.embed_query(query)
    every, vectors = shop.store.with_vectors([cid for cid, _ in shop.store.texts()])
    cosine = dict(zip([c.id for c in every], _cosine(vectors, vector)))
    # Products by their best chunk's cosine alone; chunks within a product by cosine.
    r = Retriever(shop.db, shop.store, shop.embedder, fusion_path=_fusion(tmp_path, {"cosine": 1}, {"cos_max": 1}))
    best = {}
    for cid, cos in cosine.items():
        pid = cid.split(":")[0]
        best[pid] = max(best.get(pid, -1), cos)
    hits = r.search(query, k=8)
    products = list(dict.fromkeys(h.product_id for h in hits))
    assert products == sorted(best, key=best.get, reverse=True)
    # The evidence (5 chunks): two per product, best product first; then each product not shown yet.
    lead = [p for p in products for _ in range(2)][:5]
    assert [h.product_id for h in hits[:5]] == lead
    assert [h.product_id for h in hits[5:5 + len(set(products) - set(lead))]] == [p for p in products if p not in lead]
    for pid in products:
        mine = [cosine[h.chunk.id] for h in hits if h.product_id == pid]
        assert mine[:2] == sorted(mine, reverse=True)[:2]
    # The same candidates ranked by BM25 alone: only the product whose chunk says "battery" (P3)
    # can lead, and one chunk per product makes k=3 three products.
    r = Retriever(shop.db, shop.store, shop.embedder,
                  fusion_path=_fusion(tmp_path, {"bm25": 1}, {"bm25_max": 1}, per_product=1))
    hits = r.search("battery", k=3)
    assert hits[0].product_id == "P3" and len({h.product_id for h in hits}) == 3


def test_hit_scores_stay_on_the_threshold_scale(shop):
    """Each hit's score: cosine + 0.2 x the share of the words asked for a chunk the dense search
    found, the bare cosine for one only BM25 (or the card look-up) brought."""
    query = "zeppelin battery"
    vector = shop.embedder.embed_query(query)
    dense = {h.chunk.id for h in shop.store.query(vector, shop.retriever.fusion.candidates)}
    every, vectors = shop.store.with_vectors([cid for cid, _ in shop.store.texts()])
    cosine = dict(zip([c.id for c in every], _cosine(vectors, vector)))
    asked = set(words(query))
    for h in shop.search(query, k=10):
        share = len(asked & set(words(h.chunk.text))) / len(asked)
        assert h.score == pytest.approx(cosine[h.chunk.id] + (0.2 * share if h.chunk.id in dense else 0), abs=1e-5)


def test_bm25_brings_what_the_dense_index_misses_and_filters_hold(shop, settings):
    # "rock plate": the card holding it is not among the dense search's best 3; BM25 brings it.
    vector = shop.embedder.embed_query("rock plate")
    assert "P1:card" not in {h.chunk.id for h in shop.store.query(vector, 3)}
    shallow = Retriever(shop.db, shop.store, shop.embedder)
    cands, products = shallow.whole_catalog("rock plate", vector, depth=3)
    assert "P1:card" in {c.hit.chunk.id for c in cands} and products[0][0] == "P1"
    assert {c.hit.chunk.id: c.bm25 for c in cands}["P1:card"] == 1.0  # the best BM25 score: 1 after scaling
    # Filters hold for BM25's chunks and the cards too.
    hits = shop.search("rock plate waterproof", k=10, filters={"category": "headphones"})
    assert hits and {h.product_id for h in hits} == {"P3"}


def test_a_product_named_in_the_question_comes_first(shop):
    hits = shop.search("how long does the battery of the Sonara AeroBuds Pro last?", k=4)
    assert hits[0].product_id == "P3"
    hits = shop.search("is the Nordvale City Glide waterproof?", k=4)
    assert hits[0].product_id == "P2"


@pytest.mark.parametrize("embedder", ["e5-small"])
def test_the_shipped_weights_were_fitted_for_their_embedder_and_say_how(embedder):
    path = ranking.weights_for(embedder)
    data = json.loads(path.read_text())
    assert data["command"].startswith("python -m eval.fit_fusion") and "train" in data["fitted_on"]
    assert data["embedder"] == embedder and data["dev"]["whole_hit_at_5"] > 0
    assert set(data["chunk"]["weights"]) == set(ranking.CHUNK_FEATURES)
    assert set(data["product"]["weights"]) == set(ranking.PRODUCT_FEATURES)
    assert ranking.weights_for("some-other-model") == ranking.WEIGHTS


def test_expected_layout_takes_the_evidence_from_the_likely_products():
    from chatbot.types import Chunk, Hit

    def cand(pid, n, relevance):
        c = ranking.Candidate(Hit(Chunk(f"{pid}:{n}", pid, "review", "text", {}), 0.8), 0.8)
        c.relevance = relevance
        return c

    cands = [cand("A", i, 1.0 - i / 10) for i in range(6)] + [cand("B", i, 2.0) for i in range(3)] + [cand("C", 0, 0.0)]
    weights = {"chunk": {"weights": dict.fromkeys(ranking.CHUNK_FEATURES, 0.0), "bias": 0.0},
               "product": {"weights": dict.fromkeys(ranking.PRODUCT_FEATURES, 0.0)}, "per_product": "expected"}
    fusion = ranking.Fusion(weights)
    # A far likelier than B: all five evidence chunks are A's, then B and C once each, then the rest.
    laid = fusion.layout(cands, [("A", 0.0), ("B", -10.0), ("C", -20.0)], 9)
    assert [c.hit.chunk.id for c in laid[:7]] == ["A:0", "A:1", "A:2", "A:3", "A:4", "B:0", "C:0"]
    # A and B about as likely: B's more relevant chunks lead.
    laid = fusion.layout(cands, [("A", 0.0), ("B", -0.1), ("C", -20.0)], 5)
    assert [c.hit.chunk.id for c in laid[:3]] == ["B:0", "B:1", "B:2"] and laid[3].hit.chunk.id == "A:0"


def test_a_product_is_named_by_the_distinctive_part_of_its_title():
    from chatbot.data.search import Titles

    titles = Titles([("H1", "Whisper 8L Ultrasonic Humidifier"), ("H2", "Pebble Mini Desk Humidifier"),
                     ("H3", "AquaCalm 6L Top-Fill Humidifier"), ("P1", "Petite 16 cm Egg Pan"), ("P2", "Everyday 28 cm Pan")])
    assert titles.named("When will the Whisper 8L be back in stock?") == ["H1"]  # "8L": a name, one title's
    assert titles.named("Can the Petite egg pan go in the oven?") == ["P1"]  # capitalised inside the sentence
    assert titles.named("any downsides to the pebble mini desk humidifier") == ["H2"]  # most of its weight
    assert titles.named("Which humidifier is quietest?") == []  # a word every humidifier's title has
    assert titles.named("Everyday cooking needs a good pan") == []  # capitalised only as a sentence's first word
    assert titles.named("Is the Whisper 8L or the AquaCalm 6L quieter?") == ["H1", "H3"]  # in the order named
    assert titles.named("Petite egg pan or Everyday pan: which is lighter?") == ["P1", "P2"]  # a name next to a title word
    assert titles.named("Whisper和Pebble这两款哪个更安静？") == ["H1", "H2"]  # Latin names inside Chinese
    assert titles.named("Is H3 (the AquaCalm) quiet?") == ["H3"] and titles.named("Is h12 quiet?") == []  # an id, whole
    more = Titles([("W1", "WarmHaven Warm Mist Humidifier"), ("W2", "Green Leaf Mist Humidifier"), ("W3", "Cosy XL Humidifier")])
    assert more.named("Is the WarmHaven quiet?") == ["W1"]  # one title's rare word, capitalised: a name
    assert more.named("Is the Green one quiet?") == []  # a common word is not, alone
    assert more.named("Is the XL quiet?") == []  # nor a size

    kin = Titles([("A1", "Halden Air HX-700 Smart"), ("A2", "Nimbus Bros. CleanSky Tower"), ("A3", "Nimbus Bros. CleanSky Mini"),
                  ("K1", "Keyforge Co. KF75 Pro Wireless"), ("S1", "Zipkid Bros. Trax Kick Scooter"), ("S2", "Zipkid Bros. Tri-Kick Scooter")])
    assert kin.named("Between the HX-700 and the CleanSky Tower, which one is quieter?") == ["A1", "A2"]  # a model code
    assert kin.named("Which one's quieter, the Halden or the CleanSky Mini?") == ["A1", "A3"]  # two words only one title holds
    assert kin.named("What's the actuation force on the KF75 Pro's switches?") == ["K1"]  # a possessive
    assert kin.named("Trax or Tri-Kick, which one is lighter?") == ["S1", "S2"]  # a rare name opening the message
    assert kin.named("Is the CleanSky quiet?") == []  # a word two titles share names neither


def test_a_name_no_title_holds_is_found_and_a_misspelt_one_finds_its_title():
    from chatbot.data.search import Titles

    titles = Titles([("H1", "Whisper 8L Ultrasonic Humidifier"), ("H2", "Pebble Mini Desk Humidifier"),
                     ("P1", "Petite 16 cm Egg Pan")])
    assert titles.unknown("Is the Storm Runner waterproof?") == ["Storm Runner"]
    assert titles.unknown("Does your X9 Pro 2 have a timer?") == ["X9 Pro 2"]  # a model code, a number after it
    assert titles.unknown("Storm Runner防水吗？") == ["Storm Runner"]  # a Latin run inside Chinese
    assert titles.unknown("我的订单#50917到哪里了？") == []  # digits alone are no name
    assert titles.unknown("Is the Whisper quiet?") == []  # a title's word: that product, named
    assert titles.unknown("Is the Whisper X2 quiet?") == []  # part of it a title's: not unknown as a whole
    assert titles.unknown("Will it fit my Subaru Forester?") == []  # the shopper's own thing
    assert titles.unknown("I want a Python script") == []  # no one thing
    assert titles.unknown("Do you ship to the UK?") == []  # an acronym
    assert titles.unknown("Does the Pro come in black?") == []  # one common word
    assert titles.unknown("What does the 18in one weigh?") == []  # a measure
    assert titles.near("Whispr Humidifer") == ["H1"]  # the title holding most of its words
    assert titles.near("Humidifer") == ["H1", "H2"]  # as many in each
    assert titles.near("Petit Eg Pann") == ["P1"]  # "petit" ~ "petite"; short words are not matched
    assert titles.near("Storm Runner") == []
