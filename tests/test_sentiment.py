"""Sentiment: VADER per sentence (unchanged scores), aggregated over the article."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credibility.document import parse_document
from credibility.features.sentiment import Sentiment, analyzer, sentence_compound

SNIPPETS = {
    "neutral_report": (
        "The council met on Tuesday. It reviewed the budget for the new library. "
        "A vote is planned for March."
    ),
    "angry_rant": (
        "This is a disgusting, shameful betrayal! These corrupt liars destroyed everything. "
        "What a horrible disaster."
    ),
    "upbeat": "Volunteers were thrilled with the wonderful turnout. Everyone loved the festival.",
    "mixed": "The rescue was a great success. But the storm killed three people and hurt dozens.",
    "negation_and_boosters": "The plan is not bad at all. It is VERY good, and extremely smart.",
    "emoji_and_caps": "Best day ever 😁 !!! The team WON. Fans cried 😢 at the end.",
    "single_sentence": "Officials said the bridge would reopen next week.",
}

# (snippet, number of sentences, sign of the mean: -1, 0, +1, strong_share bounds)
EXPECTED = {
    "neutral_report": (3, 0, (0.0, 0.0)),
    "angry_rant": (3, -1, (1.0, 1.0)),
    "upbeat": (2, 1, (0.5, 1.0)),
    "mixed": (2, -1, (0.5, 1.0)),
    "negation_and_boosters": (2, 1, (0.5, 1.0)),
    "emoji_and_caps": (3, 1, (0.0, 1.0)),
    "single_sentence": (1, 0, (0.0, 0.0)),
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_golden_snippets(name: str) -> None:
    doc = parse_document(SNIPPETS[name], "Readers react to the news")
    result = Sentiment().extract(doc)
    scores = result.evidence["sentence_sentiment"]
    n_sentences, sign, (lo, hi) = EXPECTED[name]
    assert len(doc.sentences) == len(scores) == n_sentences
    # identical to VADER on the same sentence strings
    assert scores == [analyzer().polarity_scores(s)["compound"] for s in doc.sentence_texts]
    values = result.values
    assert values["mean_compound"] == pytest.approx(sum(scores) / len(scores))
    assert math.copysign(1, values["mean_compound"]) * (values["mean_compound"] != 0) == sign
    assert lo <= values["strong_share"] <= hi
    assert values["most_negative"] == min(scores)
    assert values["most_positive"] == max(scores)
    assert values["negative_share"] == sum(c <= -0.05 for c in scores) / len(scores)


def test_angry_rant_is_strongly_negative() -> None:
    values = Sentiment().extract(parse_document(SNIPPETS["angry_rant"])).values
    assert values["most_negative"] < -0.6
    assert values["negative_share"] == 1.0
    assert values["mean_abs_compound"] == pytest.approx(-values["mean_compound"])


def test_spread_is_population_std() -> None:
    doc = parse_document(SNIPPETS["mixed"])
    result = Sentiment().extract(doc)
    a, b = result.evidence["sentence_sentiment"]
    assert a > 0 > b
    assert result.values["compound_std"] == pytest.approx(abs(a - b) / 2)
    single = Sentiment().extract(parse_document(SNIPPETS["single_sentence"])).values
    assert single["compound_std"] == 0.0


def test_headline_scored_on_its_own() -> None:
    doc = parse_document(SNIPPETS["neutral_report"], "Furious voters SLAM this awful plan!")
    result = Sentiment().extract(doc)
    [headline] = result.evidence["headline_sentiment"]
    assert set(headline) == {"compound", "pos", "neg", "neu"}
    assert headline["compound"] == analyzer().polarity_scores(doc.title)["compound"] < -0.5
    assert result.values["headline_compound"] == headline["compound"]
    assert result.values["mean_compound"] == 0.0  # the title is not one of the sentences


def test_missing_title_and_empty_text_are_nan() -> None:
    result = Sentiment().extract(parse_document(SNIPPETS["upbeat"]))
    assert math.isnan(result.values["headline_compound"])
    assert result.evidence["headline_sentiment"] == []
    empty = Sentiment().extract(parse_document("", ""))
    assert all(math.isnan(v) for v in empty.values.values())
    assert empty.evidence["sentence_sentiment"] == []


def test_strong_threshold_is_a_keyword_parameter() -> None:
    doc = parse_document(SNIPPETS["upbeat"])
    low = Sentiment(strong_threshold=0.0).extract(doc).values["strong_share"]
    high = Sentiment(strong_threshold=1.0).extract(doc).values["strong_share"]
    assert (low, high) == (1.0, 0.0)
    with pytest.raises(TypeError):
        Sentiment(0.3)  # type: ignore[misc]
    with pytest.raises(ValueError, match="strong_threshold"):
        Sentiment(strong_threshold=1.5).fit(["Some text."])
    assert Sentiment(strong_threshold=0.7).get_params() == {"strong_threshold": 0.7}


def test_analyzer_is_built_once() -> None:
    assert analyzer() is analyzer()


_VOCAB = (
    "the vote was good bad not never very extremely kind of sort but no least at without doubt "
    "GREAT HORRIBLE love hate :) :( 😁 😢 💔 lol sux never so this great! terrible, "
    "'awful' (happy) n't isn't don't wasn't the shit bad ass yeah right kiss of death ! ?"
).split()


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(_VOCAB), max_size=30).map(" ".join), st.text()))
def test_sentence_compound_equals_vader(sentence: str) -> None:
    assert sentence_compound(sentence) == analyzer().polarity_scores(sentence)["compound"]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from([*_VOCAB, ".", ".\n\n", "!"]), max_size=60).map(" ".join),
    st.sampled_from(["", "Shocking news!", "Council approves budget"]),
)
def test_property_values_are_well_formed(text: str, title: str) -> None:
    doc = parse_document(text, title)
    result = Sentiment().extract(doc)
    values = result.values
    assert list(values) == list(Sentiment.feature_names)
    assert all(math.isnan(v) or math.isfinite(v) for v in values.values())
    for name in ("strong_share", "negative_share", "mean_abs_compound", "compound_std"):
        assert math.isnan(values[name]) or 0.0 <= values[name] <= 1.0
    scores = result.evidence["sentence_sentiment"]
    assert len(scores) == len(doc.sentences)
    assert all(isinstance(c, float) and -1.0 <= c <= 1.0 for c in scores)
    if scores:
        assert values["most_negative"] <= values["mean_compound"] <= values["most_positive"]
    assert math.isnan(values["headline_compound"]) == (not doc.title)
