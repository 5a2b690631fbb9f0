"""Headline: clickbait cues in the title, with spans into the title."""

from __future__ import annotations

import math
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credibility.document import parse_document
from credibility.features.headline import (
    SIGNAL_KINDS,
    Headline,
    caps_kind,
    clickbait_phrases,
    headline_signals,
)

BODY = "The article text itself is not read by this family."

# name -> (title, expected values (subset), expected signals as (text, kind) in order)
GOLDEN = {
    "sober_news": (
        "Senate passes budget bill after a long debate",
        {"clickbait_cues": 0, "n_caps_words": 0, "title_words": 8, "caps_word_share": 0},
        [],
    ),
    "acronyms_are_not_shouting": (
        "FBI and DEA agents raid U.S. offices of NASA contractor",
        {"n_caps_words": 0, "clickbait_cues": 0, "title_words": 10},
        [],
    ),
    "caps_and_media_tag": (
        "WATCH: Senator DESTROYS FBI Director In EPIC Takedown (VIDEO)",
        {"n_caps_words": 2, "has_media_tag": 1, "n_clickbait_phrases": 2, "clickbait_cues": 3},
        [("WATCH:", "media_tag"), ("DESTROYS", "caps_word"), ("DESTROYS", "clickbait_phrase"),
         ("EPIC", "caps_word"), ("EPIC", "clickbait_phrase"), ("(VIDEO)", "media_tag")],
    ),
    "breaking_label": (
        "BREAKING: Governor resigns after audit",
        {"has_breaking": 1, "n_caps_words": 0, "clickbait_cues": 1},
        [("BREAKING", "breaking")],
    ),
    "just_in_label": (
        "Just In: Storm closes every school in the county",
        {"has_breaking": 1, "clickbait_cues": 1},
        [("Just In:", "breaking")],
    ),
    "exclusive": (
        "Exclusive: Memo shows the plan was dropped",
        {"has_exclusive": 1, "clickbait_cues": 1},
        [("Exclusive", "exclusive")],
    ),
    "listicle": (
        "17 Things You Won't Believe About Your Neighbors!!",
        {"starts_with_number": 1, "second_person": 2, "n_exclamation": 2,
         "n_clickbait_phrases": 2, "clickbait_cues": 4},
        [("17", "listicle_number"), ("Things You", "clickbait_phrase"), ("You", "second_person"),
         ("Won't Believe", "clickbait_phrase"), ("Your", "second_person"), ("!!", "exclamation")],
    ),
    "number_words_and_questions": (
        "Seven Reasons Why Nobody Saw This Coming?",
        {"starts_with_number": 1, "n_question": 1, "n_clickbait_phrases": 1},
        [("Seven", "listicle_number"), ("Reasons Why", "clickbait_phrase"), ("?", "question")],
    ),
    "a_year_is_not_a_listicle": (
        "2016 election turnout rose in 40 states",
        {"starts_with_number": 0, "clickbait_cues": 0},
        [],
    ),
    "forward_reference": (
        "This Is Why THEY HATE US",
        {"forward_reference": 1, "n_caps_words": 3, "caps_word_share": 0.5},
        [("This", "forward_reference"), ("This Is Why", "clickbait_phrase"),
         ("THEY", "caps_word"), ("HATE", "caps_word"), ("US", "caps_word")],
    ),
    "us_as_an_acronym": (
        "US and EU agree on a trade deal",
        {"n_caps_words": 0, "clickbait_cues": 0},
        [],
    ),
    "curly_apostrophe_and_viral": (
        "Here’s what happened when her video went viral",
        {"forward_reference": 1, "n_clickbait_phrases": 2},
        [("Here’s", "forward_reference"), ("Here’s what", "clickbait_phrase"),
         ("went viral", "clickbait_phrase")],
    ),
    "trailing_media_tag": (
        "Mayor walks out of interview - Video",
        {"has_media_tag": 1, "clickbait_cues": 1},
        [("Video", "media_tag")],
    ),
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden_titles(name: str) -> None:
    title, expected, signals = GOLDEN[name]
    result = Headline().extract(parse_document(BODY, title))
    assert list(result.values) == list(Headline.feature_names)
    assert {k: result.values[k] for k in expected} == pytest.approx(expected)
    found = result.evidence["headline_signals"]
    assert [(s["text"], s["kind"]) for s in found] == signals
    for s in found:
        assert title[s["start"] : s["end"]] == s["text"]


@pytest.mark.parametrize(
    ("token", "kind"),
    [("FBI", "acronym"), ("U.S.", "acronym"), ("NASA", "acronym"), ("FBI'S", "acronym"),
     ("COVID-19", "acronym"), ("HATE", "shout"), ("LIES", "shout"), ("DON'T", "shout"),
     ("OUTRAGEOUS", "shout"), ("WOW", "shout"), ("US", "ambiguous"), ("WHO", "ambiguous"),
     ("Fbi", None), ("A", None), ("G20", None)],
)
def test_caps_kind(token: str, kind: str | None) -> None:
    assert caps_kind(token) == kind


def test_no_title_gives_nan() -> None:
    result = Headline().extract(parse_document(BODY, ""))
    assert all(math.isnan(v) for v in result.values.values())
    assert result.evidence == {"headline_signals": []}


def test_lexicon_file_has_header_and_clean_entries() -> None:
    path = resources.files("credibility") / "data" / "lexicons" / "clickbait_phrases.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = " ".join(line.lstrip("# ") for line in lines[:12] if line.startswith("#"))
    assert "Licence: MIT" in header
    assert "Written by hand" in header
    entries = [line for line in lines if line.strip() and not line.startswith("#")]
    assert len(entries) == len(set(entries)) == len(clickbait_phrases()) > 50
    assert all(e == e.lower().strip() for e in entries)


@pytest.mark.parametrize("entry", sorted(clickbait_phrases()))
def test_every_phrase_is_found_in_a_title(entry: str) -> None:
    title = f"Critics say {entry.title()} today"
    kinds = {s["kind"] for s in headline_signals(title)}
    assert "clickbait_phrase" in kinds


def test_phrases_respect_word_boundaries() -> None:
    assert not [s for s in headline_signals("Epicenter of a perfectionist lawsuit")
                if s["kind"] == "clickbait_phrase"]


_PIECES = st.sampled_from(
    "WATCH: (VIDEO) BREAKING Just In: EXCLUSIVE 10 Seven This Here’s you your YOU FBI U.S. US "
    "HATE epic slams went viral ? ! !!! - | the Senate votes budget 2016 é ".split(" ")
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.lists(_PIECES, max_size=20).map(" ".join), st.text(max_size=60)))
def test_property_values_and_spans_are_well_formed(title: str) -> None:
    doc = parse_document(BODY, title)
    result = Headline().extract(doc)
    values = result.values
    if not doc.title:
        assert all(math.isnan(v) for v in values.values())
        return
    for name, value in values.items():
        if name == "caps_word_share":
            assert math.isnan(value) or 0.0 <= value <= 1.0
        else:
            assert math.isfinite(value) and value >= 0, name
    for flag in ("has_media_tag", "has_breaking", "has_exclusive", "starts_with_number",
                 "forward_reference"):
        assert values[flag] in (0.0, 1.0)
    assert values["clickbait_cues"] <= len(SIGNAL_KINDS)
    for s in result.evidence["headline_signals"]:
        assert 0 <= s["start"] < s["end"] <= len(doc.title)
        assert doc.title[s["start"] : s["end"]] == s["text"]
        assert s["kind"] in SIGNAL_KINDS
