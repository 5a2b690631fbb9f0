"""The loaded-language family: golden snippets, sentence scores, caps, and invariants."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credibility.document import parse_document
from credibility.features.loaded import CATEGORIES, LoadedLanguage, find_loaded_terms

# Snippets written for these tests; people and places are invented.
NEUTRAL_WIRE = (
    "The city council voted 7-2 on Tuesday to approve a $14 million budget for road repairs, "
    "according to meeting records. The plan sets aside money for 40 miles of resurfacing over "
    "three years. Council member Dana Whitfield said the schedule would be reviewed in March. "
    "Officials said construction is expected to begin in the spring, weather permitting."
)
SENSATIONAL = (
    "Shocking! The corrupt mayor SLAMMED critics in a vile, unhinged rant, and the so-called "
    "experts are absolutely furious. This disgraceful cover-up is the biggest scandal of all "
    "time, and everyone knows it. Radical leftists have destroyed everything!"
)

GOLDEN = {
    "notorious_drug_lord": (
        "Police arrested the notorious drug lord at a ranch outside the city.",
        [("notorious", "charged")],
    ),
    "brutal_torture": (
        "Witnesses described brutal torture inside the prison.",
        [("brutal", "charged")],
    ),
    "saying_verbs": (
        "The senator slammed the ruling and lashed out at reporters.",
        [("slammed", "sensational_saying"), ("lashed out", "sensational_saying")],
    ),
    "labels": (
        "He called the probe a witch hunt by the radical left and fake news.",
        [("witch hunt", "labeling"), ("radical left", "labeling"), ("fake news", "labeling")],
    ),
    "superlatives": (
        "It was the craziest, most dangerous week in history.",
        [("craziest", "superlative"), ("most dangerous", "superlative"),
         ("in history", "superlative")],
    ),
    "est_words_that_are_not_superlatives": (
        "The latest protest drew interest from an honest forest ranger.",
        [],
    ),
    "careful_hedges": (
        "The suspect allegedly fled, according to police, and may have crossed the border.",
        [("allegedly", "hedge"), ("according to", "hedge"), ("may have", "hedge")],
    ),
    "weasel_words": (
        "Some say the plan failed, and experts say it is widely believed the site is doomed.",
        [("Some say", "weasel"), ("experts say", "weasel"), ("it is widely believed", "weasel"),
         ("doomed", "charged")],
    ),
    "month_may_is_not_a_hedge": (
        "The vote was held in May. Results may change.",
        [("may", "hedge")],
    ),
    "absolutist": (
        "Everyone always loses, and nothing ever changes.",
        [("Everyone", "absolutist"), ("always", "absolutist"), ("nothing", "absolutist")],
    ),
    "intensifiers": (
        "It was an absolutely huge and incredibly expensive mistake.",
        [("absolutely", "intensifier"), ("huge", "intensifier"), ("incredibly", "intensifier")],
    ),
    "quoted_speech_counts": (
        '"This is a disgrace," the mayor said of the horrific crash.',
        [("disgrace", "charged"), ("horrific", "charged")],
    ),
    "neutral_wire": (NEUTRAL_WIRE, [("according to", "hedge"), ("is expected to", "hedge")]),
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_terms_golden(name: str) -> None:
    text, expected = GOLDEN[name]
    terms = find_loaded_terms(text)
    assert [(m.text, m.category) for m in terms] == expected
    for m in terms:
        assert text[m.start : m.end] == m.text


def _values(text: str, **params: float) -> dict[str, float]:
    return LoadedLanguage(**params).extract(parse_document(text)).values


def test_neutral_scores_low_and_sensational_high() -> None:
    calm, loud = _values(NEUTRAL_WIRE), _values(SENSATIONAL)
    assert calm["loaded_per_100"] == 0.0
    assert calm["loaded_sentence_share"] == 0.0
    assert calm["hedge_per_100"] > 0.0
    assert loud["loaded_per_100"] > 30.0
    assert loud["loaded_sentence_share"] == 1.0
    assert loud["max_sentence_loaded"] > 2.0
    assert loud["exclamation_per_100"] > calm["exclamation_per_100"] == 0.0
    for category in ("charged", "labeling", "superlative", "sensational_saying", "absolutist"):
        assert loud[f"{category}_per_100"] > 0.0, category


@pytest.mark.parametrize(
    ("name", "text", "scores"),
    [
        ("short_sentence_floor", "A vile plan. The plan passed.", [1.0, 0.0]),
        ("long_sentence", "It was a vile plan " + "and it went on " * 3 + "for three days.", [0.5]),
        ("two_terms", "A vile, corrupt plan.", [2.0]),
        ("hedges_do_not_count", "It may allegedly pass.", [0.0]),
    ],
)
def test_sentence_scores(name: str, text: str, scores: list[float]) -> None:
    doc = parse_document(text)
    result = LoadedLanguage().extract(doc)
    assert result.evidence["sentence_scores"] == pytest.approx(scores)
    assert len(result.evidence["sentence_scores"]) == len(doc.sentences)


@pytest.mark.parametrize(
    ("name", "text", "caps"),
    [
        ("acronyms", "The FBI, NATO and the UN met in the U.S. capital.", []),
        ("emphasis_word", "He did NOT say that.", ["NOT"]),
        ("shouted_phrase", "Voters say THIS IS A DISGRACE today.", ["THIS", "IS", "DISGRACE"]),
        ("long_caps_word", "The INCOMPETENT board met.", ["INCOMPETENT"]),
        ("acronym_like_word", "The WHO and ICE issued notices.", []),
    ],
)
def test_caps_words(name: str, text: str, caps: list[str]) -> None:
    result = LoadedLanguage().extract(parse_document(text))
    assert [c["text"] for c in result.evidence["caps_words"]] == caps
    n_words = parse_document(text).word_count
    assert result.values["caps_word_share"] == pytest.approx(len(caps) / n_words)


def test_exclamation_runs() -> None:
    values = _values("Wow!!! Really?! Fine. Look at this now.")
    assert values["exclamation_per_100"] == pytest.approx(2 / 7 * 100)


@pytest.mark.parametrize("text", ["", "   \n ", "!!! ... ?"])
def test_no_words_gives_nan(text: str) -> None:
    values = _values(text)
    assert set(values) == set(LoadedLanguage.feature_names)
    assert all(math.isnan(v) for v in values.values())


def test_feature_names_and_transform() -> None:
    family = LoadedLanguage()
    assert family.name == "loaded_language"
    assert {f"{c}_per_100" for c in CATEGORIES} <= set(family.feature_names)
    out = family.fit_transform([NEUTRAL_WIRE, SENSATIONAL])
    assert out.shape == (2, len(family.feature_names))
    loaded = list(family.get_feature_names_out()).index("loaded_per_100")
    assert out[1, loaded] > out[0, loaded]


def test_parameters() -> None:
    with pytest.raises(TypeError):
        LoadedLanguage(0.5)  # type: ignore[misc]
    with pytest.raises(ValueError, match="sentence_threshold"):
        LoadedLanguage(sentence_threshold=0).fit([NEUTRAL_WIRE])
    with pytest.raises(ValueError, match="min_sentence_words"):
        LoadedLanguage(min_sentence_words=0).fit([NEUTRAL_WIRE])
    strict = _values(SENSATIONAL, sentence_threshold=3.0)
    assert strict["loaded_sentence_share"] < _values(SENSATIONAL)["loaded_sentence_share"]


WORDS = ["the", "plan", "vile", "SHOCKING", "so-called", "may", "May", "biggest", "interest",
         "allegedly", "FBI", "NOT", "witch", "hunt", "slammed", "everyone", "very", "ally", "of",
         "all", "time", "Some", "say", "données", "2016"]
PUNCT = [" ", " ", ", ", ". ", "! ", "!!! ", "\n\n", " - ", '" ']


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(PUNCT)), max_size=60))
def test_invariants(pieces: list[tuple[str, str]]) -> None:
    doc = parse_document("".join(w + p for w, p in pieces))
    result = LoadedLanguage().extract(doc)
    values = result.values
    assert list(values) == list(LoadedLanguage.feature_names)
    finite = {k: v for k, v in values.items() if not math.isnan(v)}
    assert all(v >= 0 for v in finite.values())
    for key in ("loaded_sentence_share", "caps_word_share"):
        assert key not in finite or 0.0 <= finite[key] <= 1.0
    if doc.word_count:
        assert np.isfinite([values[f"{c}_per_100"] for c in CATEGORIES]).all()
    assert len(result.evidence["sentence_scores"]) == len(doc.sentences)
    for record in result.evidence["loaded_terms"] + result.evidence["caps_words"]:
        assert doc.text[record["start"] : record["end"]] == record["text"]
