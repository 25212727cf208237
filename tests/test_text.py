"""The one text module: words, stems, sentences and language, on hand-worked examples."""
from chatbot.answer.generate import tidy
from chatbot.text import detect_lang, sentences, stem, terms


def test_sentences_keep_abbreviations_and_citations_with_their_sentence():
    assert sentences("Made by St. Clair Ltd. in the U.K. It ships fast.") == [
        "Made by St. Clair Ltd. in the U.K.", "It ships fast."]
    assert sentences("Yes, it has a drain plug at the bottom. [2]") == ["Yes, it has a drain plug at the bottom. [2]"]
    assert sentences("It weighs 2 lbs. and is blue.") == ["It weighs 2 lbs. and is blue."]
    assert sentences("这款鞋很防水。尺码偏小！") == ["这款鞋很防水。", "尺码偏小！"]
    assert sentences("  ") == []


def test_a_brand_with_a_full_stop_is_not_the_end_of_the_answer():
    assert tidy("The kettle is made by Dr. Leaf & Co. in Leeds [1]. It is also red.") == \
        "The kettle is made by Dr. Leaf & Co. in Leeds [1]."


def test_words_stems_and_language():
    assert terms("The batteries of wooden trains") == ["battery", "wood", "train"]
    assert terms("toys") == ["toys"]  # too short to lose its s
    assert stem("glass") == "glass"
    assert detect_lang("这款鞋防水吗") == "zh" and detect_lang("Is it waterproof?") == "en"
    # a Chinese question about an English title, an English one quoting a Chinese word
    assert detect_lang("Halvory Maple 6.5 L Slow Cooker多少钱？") == "zh" and detect_lang("Cloud Strider防水吗？") == "zh"
    assert detect_lang("Is the 防水 version available?") == "en" and detect_lang("请推荐 wireless earbuds") == "zh"


def test_a_catalog_name_ends_no_sentence():
    names = ["Birch & Co.", "Dr. Pell Ltd."]
    text = "The blade of the Birch & Co. Heritage knife is 20 cm. It ships boxed."
    assert sentences(text) != sentences(text, names)  # pysbd alone cuts after "Co."
    assert sentences(text, names) == ["The blade of the Birch & Co. Heritage knife is 20 cm.", "It ships boxed."]
    assert sentences("No, the Dr. Pell Ltd. carrier is not certified.", names) == [
        "No, the Dr. Pell Ltd. carrier is not certified."]


def test_generation_goes_on_past_a_name_that_ends_in_a_full_stop():
    from chatbot.answer.generate import complete

    names = {"Lumo S.A.", "Dr. Pell Ltd."}
    assert complete(["The Lumo S.A."]) and not complete(["The Lumo S.A."], 1, names)
    assert not complete(["No, the Dr."], 1, names)  # the name is still coming
    assert complete(["The Lumo S.A. light is bright."], 1, names)
