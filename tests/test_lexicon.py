"""The lexicon machinery: file syntax, inflections, matching, and every shipped lexicon file."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credibility.lexicon import (
    Lexicon,
    LexiconMatcher,
    available_lexicons,
    load_matcher,
    word_forms,
)

# A small lexicon written for these tests, so they do not depend on the shipped lists.
TEST_LEXICON = """\
# Test lexicon: a few entries that show each rule.
# Licence: MIT (ours).
# Date: 2026-11-27

# a section comment in the middle is not an entry
slam
lie
destroy
cry
witch
witch hunt
so-called
according to
art
outrag*
=all
lash out
it's no secret
"""

ABSOLUTE = "# exact list\n# inflect: none\nnever\nall\n"


@pytest.fixture(scope="module")
def matcher() -> LexiconMatcher:
    return LexiconMatcher(
        {
            "test": Lexicon.parse("test", TEST_LEXICON),
            "absolute": Lexicon.parse("absolute", ABSOLUTE),
        }
    )


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("slam", "slammed"),
        ("slam", "slamming"),
        ("slam", "slams"),
        ("lie", "lying"),
        ("lie", "lied"),
        ("lie", "lies"),
        ("destroy", "destroyed"),
        ("destroy", "destroys"),
        ("cry", "cried"),
        ("cry", "cries"),
        ("cry", "crying"),
        ("hate", "hated"),
        ("hate", "hating"),
        ("hate", "haters"),
        ("blast", "blasted"),
        ("bash", "bashes"),
        ("terrible", "terribly"),
        ("tragic", "tragically"),
        ("crazy", "craziest"),
        ("crazy", "crazily"),
        ("vile", "vilest"),
        ("big", "biggest"),
        ("true", "truly"),
        ("killing", "killings"),
        ("shocking", "shockingly"),
    ],
)
def test_word_forms_include(word: str, form: str) -> None:
    assert form in word_forms(word)


@pytest.mark.parametrize(
    ("word", "not_form"),
    [
        ("slam", "slamed"),  # a doubled consonant, not a single one
        ("blast", "blastted"),
        ("lie", "lieing"),
        ("cry", "cryed"),
        ("outrageous", "outrageouser"),  # no -er on long words
        ("shocking", "shockinged"),
        ("as", "ases"),  # words under three letters are left alone
    ],
)
def test_word_forms_exclude(word: str, not_form: str) -> None:
    assert not_form not in word_forms(word)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("inflection_doubling", "The senator slammed the bill.", [("slammed", "slam")]),
        ("inflection_ie", "They kept lying about it.", [("lying", "lie")]),
        ("inflection_y", "Fans cried, destroyed it.", [("cried", "cry"), ("destroyed", "destroy")]),
        ("case_insensitive", "SLAMS and Slamming", [("SLAMS", "slam"), ("Slamming", "slam")]),
        ("boundary_inside_word", "A smart start to party art.", [("art", "art")]),
        ("boundary_prefix", "Artists and artery", []),
        ("phrase_space", "a witch hunt again", [("witch hunt", "witch hunt")]),
        ("phrase_hyphen", "a witch-hunt again", [("witch-hunt", "witch hunt")]),
        ("phrase_plural", "endless witch hunts", [("witch hunts", "witch hunt")]),
        ("phrase_newline", "a witch\nhunt", [("witch\nhunt", "witch hunt")]),
        ("phrase_verb", "He lashed out at aides.", [("lashed out", "lash out")]),
        ("hyphen_entry_spaced", "the so called plan", [("so called", "so-called")]),
        ("hyphen_entry", "the so-called plan", [("so-called", "so-called")]),
        ("longest_wins", "witch hunt, witch", [("witch hunt", "witch hunt"), ("witch", "witch")]),
        ("multiword_attribution", "According to police", [("According to", "according to")]),
        ("curly_apostrophe", "It’s no secret that", [("It’s no secret", "it's no secret")]),
        ("wildcard", "Outrageously outraged",
         [("Outrageously", "outrag*"), ("outraged", "outrag*")]),
        ("exact_entry", "all of them, an ally", [("all", "=all")]),
        ("possessive", "the art's value", [("art", "art")]),
        ("digit_boundary", "art9 and 9art", []),
        ("inside_hyphen_compound", "pop-art show", [("art", "art")]),
    ],
)
def test_matcher_golden(matcher: LexiconMatcher, name: str, text: str, expected: list) -> None:
    found = matcher.find(text)
    assert [(m.text, m.entry) for m in found] == expected, name
    for m in found:
        assert text[m.start : m.end] == m.text


def test_category_priority_first_listed_wins() -> None:
    a = Lexicon.parse("a", "# a\nnever\n")
    b = Lexicon.parse("b", "# b\nnever\nsometimes\n")
    found = LexiconMatcher({"first": a, "second": b}).find("never, sometimes")
    assert [(m.text, m.category) for m in found] == [("never", "first"), ("sometimes", "second")]


def test_exact_file_directive(matcher: LexiconMatcher) -> None:
    found = matcher.find("Nevers never alls")
    assert [(m.text, m.category) for m in found] == [("never", "absolute")]


def test_comment_lines_never_become_entries() -> None:
    lex = Lexicon.parse("t", "# header line\n#slam\n  # indented comment\nslam\n\n# later\nrip\n")
    assert lex.entries == ("slam", "rip")
    assert lex.header == ("header line", "slam", "indented comment")
    found = LexiconMatcher({"t": lex}).find("header line, indented comment, later")
    assert found == []


@pytest.mark.parametrize("bad", ["slam*s", "wi*tch", "=", "*", "foo # note", "bad_entry!", "-lead"])
def test_malformed_entry_is_rejected(bad: str) -> None:
    with pytest.raises(ValueError, match="line 2"):
        Lexicon.parse("t", f"# header\n{bad}\n")


def test_unknown_lexicon_names_the_shipped_ones() -> None:
    with pytest.raises(LookupError, match="charged"):
        Lexicon.load("no_such_list")
    with pytest.raises(LookupError):
        Lexicon.load("../charged")


def test_loading_is_cached() -> None:
    assert Lexicon.load("charged") is Lexicon.load("charged")
    assert load_matcher("hedge", "weasel") is load_matcher("hedge", "weasel")


def _dedup_key(entry: str) -> str:
    return re.sub(r"[\s\-]+", " ", entry.lstrip("=").casefold().replace("’", "'"))


@pytest.mark.parametrize("name", available_lexicons())
def test_shipped_lexicon_file(name: str) -> None:
    lex = Lexicon.load(name)
    assert lex.entries, f"{name} has no entries"
    header = " ".join(lex.header).lower()
    assert len(lex.header) >= 2, f"{name} has no header"
    assert "licence" in header or "license" in header, f"{name} header states no licence"
    assert "mit" in header, f"{name} header does not state the MIT licence"
    keys = [_dedup_key(e) for e in lex.entries]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    assert not duplicates, f"{name} duplicate entries: {duplicates}"
    assert not any(e.startswith("#") for e in lex.entries)
    combined = LexiconMatcher({name: lex})
    for entry in lex.entries:
        single = LexiconMatcher({name: Lexicon(name, (entry,), lex.header, lex.inflect)})
        surface = entry.lstrip("=").rstrip("*")
        for m in (single, combined):
            found = m.find(surface)
            assert [(f.start, f.end) for f in found] == [(0, len(surface))], (name, entry)


def test_loaded_lexicons_do_not_share_entries() -> None:
    """An entry sits in one loaded-language category only (priority would hide the other)."""
    names = ["charged", "intensifier", "superlative", "absolutist", "labeling",
             "sensational_saying", "weasel", "hedge"]
    owner: dict[str, str] = {}
    for name in names:
        for entry in Lexicon.load(name).entries:
            key = _dedup_key(entry)
            assert owner.setdefault(key, name) == name, (entry, owner[key], name)


WORDS = ["slam", "slammed", "witch", "hunt", "art", "smart", "so-called", "all", "ally", "lie",
         "lying", "according", "to", "outrage", "the", "It’s", "no", "secret", "lash", "out"]
SEPARATORS = [" ", "  ", "-", ", ", "\n", "."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=30))
def test_spans_are_valid(matcher: LexiconMatcher, pieces: list[tuple[str, str]]) -> None:
    text = "".join(w + sep for w, sep in pieces)
    found = matcher.find(text)
    last_end = 0
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        assert m.start == 0 or not text[m.start - 1].isalnum()
        assert m.end == len(text) or not text[m.end].isalnum()


def test_offsets_survive_text_whose_lower_case_changes_length(matcher: LexiconMatcher) -> None:
    text = "İSTANBUL: the mayor SLAMMED a witch hunt"  # "İ".lower() is two characters
    assert len(text.lower()) != len(text)
    found = matcher.find(text)
    assert [(m.text, m.entry) for m in found] == [("SLAMMED", "slam"), ("witch hunt", "witch hunt")]
    assert all(text[m.start : m.end] == m.text for m in found)
