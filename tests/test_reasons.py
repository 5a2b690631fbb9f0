"""Plain-word reasons: every model feature can be said both ways, and the words match the pull."""

from __future__ import annotations

import math

import pytest

from credibility.pipeline import build_pipeline, feature_names
from credibility.reasons import top_reasons

NAMES = feature_names(build_pipeline())


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("above", [True, False])
@pytest.mark.parametrize("value", [0.0, 0.37, 4.0, math.nan])
def test_every_feature_reads_as_words(name, above, value):
    (reason,) = top_reasons({name: 0.5 if above else -0.5}, {name: value},
                            zscores={name: 1.0 if above else -1.0}, n_sentences=20)
    assert reason.text and "__" not in reason.text and "{" not in reason.text
    assert reason.family == name.split("__")[0]


def test_ranked_by_absolute_pull_and_small_pulls_dropped():
    pulls = {"sourcing__n_quotes": 0.2, "headline__has_breaking": -0.9,
             "specificity__date_per_100": 0.01}
    values = {"sourcing__n_quotes": 7.0, "headline__has_breaking": 1.0,
              "specificity__date_per_100": 0.1}
    reasons = top_reasons(pulls, values, n_sentences=10)
    assert [r.feature for r in reasons] == ["headline__has_breaking", "sourcing__n_quotes"]
    assert reasons[0].direction == "lowers" and reasons[1].direction == "raises"
    assert reasons[0].text == "a BREAKING / JUST IN headline"
    assert reasons[1].text == "7 direct quotes"


def test_loaded_sentences_phrase_counts_sentences():
    (r,) = top_reasons({"loaded_language__loaded_sentence_share": -0.8},
                       {"loaded_language__loaded_sentence_share": 0.2},
                       zscores={"loaded_language__loaded_sentence_share": 1.5}, n_sentences=30)
    assert r.text == "charged wording in 6 of 30 sentences"
