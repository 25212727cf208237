"""Language knowledge is data: a new language's file is picked up by the stages with no code change."""
from __future__ import annotations

import pytest

from chatbot.answer import guard, lexicon
from chatbot.errors import ConfigError


@pytest.fixture
def german(tmp_path):
    (tmp_path / "de.yaml").write_text(
        "patterns:\n"
        "  handoff_human: ['\\bmit einem menschen\\b', '\\bmitarbeiter\\b']\n"
        "  decline_discount: ['\\brabatt(code)?\\b']\n"
        "  price_question: ['\\bwas kostet\\b']\n"
        "translations: {laufschuhe: running shoes, wasserdicht: waterproof}\n",
        encoding="utf-8")
    lexicon.use(tmp_path)
    yield tmp_path
    lexicon.reset()


def test_a_third_language_file_is_read_by_the_stages(german):
    assert guard.screen("Ich möchte mit einem Menschen sprechen").message_key == "handoff_human"
    assert guard.screen("Gib mir einen Rabattcode").action == "decline"
    assert lexicon.search("price_question", "Was kostet der Schuh?")
    assert lexicon.mapping("translations")["wasserdicht"] == "waterproof"


def test_a_third_language_makes_requests_parse_in_catalog_words(german):
    from chatbot import constraints as cons
    from chatbot.types import Product

    shoes = [Product("P1", "Storm", category="running shoes", attributes={"waterproof": True})]
    wanted = cons.parse("Ich suche wasserdicht laufschuhe", shoes)
    assert wanted.category == "running shoes" and wanted.attributes == {"waterproof": True}


def test_without_the_file_the_words_mean_nothing():
    assert guard.screen("Ich möchte mit einem Menschen sprechen").action == "answer"
    assert not lexicon.search("price_question", "Was kostet der Schuh?")


def test_the_shipped_languages_each_name_every_screen_intent():
    for key, _, _ in guard.SCREENS:
        assert lexicon.pattern(key).search("") is None  # compiled, and matches no empty message
    assert guard.screen("转人工").message_key == "handoff_human"
    assert guard.screen("I want to talk to a real person").message_key == "handoff_human"


def test_a_broken_pattern_names_its_file(tmp_path):
    (tmp_path / "xx.yaml").write_text("patterns:\n  followup: ['(unclosed']\n", encoding="utf-8")
    lexicon.use(tmp_path)
    try:
        with pytest.raises(ConfigError, match=r"xx\.yaml: patterns: followup"):
            lexicon.pattern("followup")
    finally:
        lexicon.reset()


def test_how_long_something_lasts_is_a_spec_and_whether_it_lasts_an_experience():
    from chatbot.answer import lexicon

    assert lexicon.search("experience_question", "Does the coating on the Everyday pan last?")
    assert not lexicon.search("experience_question", "how long does the battery last?")
