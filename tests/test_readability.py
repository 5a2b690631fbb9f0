"""Readability equals textstat 0.7.8's own functions, from counts taken once per article."""

from __future__ import annotations

import math

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from credibility.document import parse_document
from credibility.features.readability import Readability, count_readability


def _difficult_word_share(text: str) -> float:
    n = textstat.lexicon_count(text)
    return len(textstat.difficult_words_list(text, unique=False)) / n if n else 0.0


TEXTSTAT = {
    "flesch_reading_ease": textstat.flesch_reading_ease,
    "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
    "gunning_fog": textstat.gunning_fog,
    "smog_index": textstat.smog_index,
    "coleman_liau_index": textstat.coleman_liau_index,
    "dale_chall": textstat.dale_chall_readability_score,
    "words_per_sentence": textstat.words_per_sentence,
    "syllables_per_word": textstat.avg_syllables_per_word,
    "difficult_word_share": _difficult_word_share,
}

SNIPPETS = {
    "short": "The mayor spoke. Voters listened.",
    "long_sentences": (
        "The committee, which had met behind closed doors for most of the afternoon, finally "
        "released a statement explaining that the proposed infrastructure legislation would "
        "require considerable amendments before any of its members could support it, and that "
        "negotiations with the administration were expected to continue throughout the autumn."
    ),
    "numbers": "In 2019, 42 of the 311 counties reported 7.5% growth. Only 3 saw losses of $1.2m.",
    "hyphens": "The well-known long-term plan was a so-called first-of-its-kind cost-cutting move.",
    "apostrophes": "She didn't say it's over. They'll vote, we've heard, but the senators' aides "
    "won't confirm the governor's 'final' offer. Rock 'n' roll isn't dead.",
    "quotes": '"We will not back down," the spokesman said. "Never." Critics called it “absurd”.',
    "one_word": "Unbelievable",
    "all_caps": "THIS IS THE MOST OUTRAGEOUS DECISION EVER MADE BY THE FBI AND THE DEA!!!",
    "questions": "Who benefits? Why now? And what happens to the 40,000 families who rely on it?",
    "fragments": "Breaking. U.S. officials said Mr. Smith left at 9 a.m. on Jan. 3. Wow!",
    "no_syllables": "Hmm. Shh. Hmm.",
    "unicode": "Café owners in São Paulo naïvely expected İstanbul's visitors. Ærø is calm.",
    "dashes_and_lists": "Three things matter — cost, time and trust.\n\n- cost\n- time\n- trust",
}


def _assert_matches_textstat(text: str) -> None:
    values = Readability().extract(parse_document(text)).values
    assert list(values) == list(Readability.feature_names)
    clean = parse_document(text).text
    if textstat.lexicon_count(clean) == 0:  # no words: every value is undefined
        assert all(math.isnan(v) for v in values.values())
        return
    for name, func in TEXTSTAT.items():
        expected = func(clean)
        got = values[name]
        if math.isnan(got):
            assert expected == 0.0, (name, expected)  # textstat's stand-in for "undefined"
        else:
            assert got == pytest.approx(expected, abs=1e-9), name


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_values_equal_textstat(name: str) -> None:
    _assert_matches_textstat(SNIPPETS[name])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("short", {"words": 5, "sentences": 1, "letters": 27}),  # 2-word fragments do not count
        ("one_word", {"words": 1, "sentences": 1, "syllables": 5}),
        ("hyphens", {"words": 10, "sentences": 1}),  # hyphens are removed: "wellknown"
        ("all_caps", {"words": 14, "sentences": 1, "hard_words": 4}),  # OUTRAGEOUS DECISION FBI DEA
        ("no_syllables", {"words": 3, "syllables": 0}),
    ],
)
def test_shared_counts(name: str, expected: dict[str, int]) -> None:
    counts = count_readability(parse_document(SNIPPETS[name]).text)
    assert {k: getattr(counts, k) for k in expected} == expected


def test_undefined_values_are_nan_not_zero() -> None:
    for text in ("", "   ", "... !!! ---"):
        values = Readability().extract(parse_document(text)).values
        assert all(math.isnan(v) for v in values.values()), text
    no_syllables = Readability().extract(parse_document(SNIPPETS["no_syllables"])).values
    assert math.isnan(no_syllables["flesch_reading_ease"])
    assert math.isnan(no_syllables["flesch_kincaid_grade"])
    assert no_syllables["syllables_per_word"] == 0.0


def test_harder_text_scores_harder() -> None:
    easy = Readability().extract(parse_document(SNIPPETS["short"])).values
    hard = Readability().extract(parse_document(SNIPPETS["long_sentences"])).values
    assert easy["flesch_reading_ease"] > hard["flesch_reading_ease"]
    assert easy["flesch_kincaid_grade"] < hard["flesch_kincaid_grade"]
    assert easy["smog_index"] < hard["smog_index"]


def test_does_not_call_textstat() -> None:
    """Our values come from our own counts, not from textstat's cached functions."""
    probes = [textstat.backend.selections.list_words, textstat.backend.counts.count_syllables]
    before = [p.cache_info() for p in probes]
    Readability().extract(parse_document("A freshly written sentence about municipal bonds."))
    assert [p.cache_info() for p in probes] == before


_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzAEIOUTS0123456789") + list(" \n.,;:!?'\"-’“”()%$") + ["İ", "é"]
)
_WORDS = st.sampled_from(
    "the a of government said it's don't U.S. well-known 2016 extraordinarily hmm "
    "reporters' O'Brien CAN'T rhythm beautiful information crisis? Yes! 'quoted' -- ...".split()
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(_ALPHABET, max_size=120), st.lists(_WORDS, max_size=40).map(" ".join)))
def test_property_equals_textstat_on_random_text(text: str) -> None:
    _assert_matches_textstat(text)
    values = Readability().extract(parse_document(text)).values
    for name in ("words_per_sentence", "syllables_per_word", "difficult_word_share"):
        assert math.isnan(values[name]) or values[name] >= 0
    assert math.isnan(values["difficult_word_share"]) or values["difficult_word_share"] <= 1
    assert all(math.isnan(v) or math.isfinite(v) for v in values.values())
