"""BM25 against a hand-worked example."""
import math

import pytest

from chatbot.data.lexical import BM25


def test_bm25_scores_a_hand_worked_example():
    index = BM25([("d1", ["red", "shoe"]), ("d2", ["blue", "shoe", "shoe"]), ("d3", ["red", "hat", "wool"])])
    # 3 documents, average length 8/3. "red" is in 2 of them: idf = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln 1.6
    assert index.idf("red") == pytest.approx(math.log(1.6))
    # d1 (length 2): 1 x 2.2 / (1 + 1.2 x (0.25 + 0.75 x 2 / (8/3))) = 2.2 / 1.975
    # d3 (length 3): 2.2 / (1 + 1.2 x (0.25 + 0.75 x 3 / (8/3))) = 2.2 / 2.3125: the longer one scores less
    assert index.scores(["red"]) == pytest.approx({"d1": math.log(1.6) * 2.2 / 1.975,
                                                   "d3": math.log(1.6) * 2.2 / 2.3125})
    # "shoe" twice in d2 saturates: 2 x 2.2 / (2 + 1.2 x 1.09375) = 4.4 / 3.3125, not twice 2.2 / 2.3125;
    # a query's repeated word counts once.
    assert index.scores(["shoe", "shoe"])["d2"] == pytest.approx(math.log(1.6) * 4.4 / 3.3125)
    # "wool" is in 1 document: idf = ln(1 + 2.5 / 1.5), the rarer word weighs more
    assert index.scores(["wool"]) == pytest.approx({"d3": math.log(1 + 2.5 / 1.5) * 2.2 / 2.3125})
    assert index.scores(["red", "wool"])["d3"] == pytest.approx(
        (math.log(1.6) + math.log(1 + 2.5 / 1.5)) * 2.2 / 2.3125)
    assert index.scores(["boot"]) == {} and len(index) == 3


def test_an_empty_index_scores_nothing():
    assert BM25([]).scores(["red"]) == {}
